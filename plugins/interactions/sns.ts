import { type KeyObject, verify, X509Certificate } from "node:crypto";
import { ApiError, forbidden } from "../../src/core";

/**
 * An Amazon SNS message as SNS posts it to an HTTP(S) subscription (the
 * body, JSON). Fields are strings; which ones a message has depends on its Type.
 */
export type SnsMessage = Record<string, unknown>;

/**
 * The fields SNS signs, in the order of its canonical string, per message
 * type (docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html).
 * Subject is signed only when the notification has one.
 */
const CONFIRMATION_FIELDS = [
  "Message",
  "MessageId",
  "SubscribeURL",
  "Timestamp",
  "Token",
  "TopicArn",
  "Type",
];
const SIGNED_FIELDS: Record<string, string[]> = {
  Notification: ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"],
  SubscriptionConfirmation: CONFIRMATION_FIELDS,
  UnsubscribeConfirmation: CONFIRMATION_FIELDS,
};
const OPTIONAL_FIELDS = new Set(["Subject"]);

/** SignatureVersion → digest: 1 is SHA1withRSA, 2 SHA256withRSA. */
const DIGESTS: Record<string, string> = { "1": "sha1", "2": "sha256" };

/** SNS's signing certificates are a few kilobytes; anything much larger is no certificate. */
const CERTIFICATE_MAX_BYTES = 64 * 1024;
const FETCH_TIMEOUT_MS = 10_000;
/** Certificates kept; SNS signs with one per region at a time, rotated rarely. */
const CACHED_CERTIFICATES = 32;

/** The canonical string SNS signed: `name\nvalue\n` per signed field present, in order. */
export function canonicalString(message: SnsMessage): string {
  const fields = SIGNED_FIELDS[String(message.Type)];
  if (!fields) throw forbidden(`Unknown SNS message type "${String(message.Type)}"`);
  let text = "";
  for (const field of fields) {
    const value = message[field];
    if (value === undefined && OPTIONAL_FIELDS.has(field)) continue;
    if (typeof value !== "string") throw forbidden(`The SNS message has no ${field}`);
    text += `${field}\n${value}\n`;
  }
  return text;
}

/**
 * Whether `url` is on a host the operator allows SNS to be reached at:
 * entries are hosts (`sns.*.amazonaws.com`, a `*` standing for one DNS
 * label; `host:port`) served over HTTPS, or `http://host:port` for a plain
 * HTTP double on the operator's own machine, allowed only when written so.
 */
export function allowedSnsUrl(raw: unknown, hosts: readonly string[]): boolean {
  if (typeof raw !== "string") return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  const prefix = url.protocol === "https:" ? "" : url.protocol === "http:" ? "http://" : null;
  if (prefix === null) return false;
  return hosts.some(
    (entry) =>
      entry.startsWith("http://") === (prefix === "http://") &&
      hostPattern(entry.slice(prefix.length)).test(url.host),
  );
}

const hostPattern = (entry: string) =>
  new RegExp(
    `^${entry
      .toLowerCase()
      .split("*")
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join("[a-z0-9-]+")}$`,
  );

/**
 * Verifies SNS messages as AWS documents it: the signing certificate comes
 * from SigningCertURL on an allowed host (fetched once per URL, kept), is
 * within its validity, and its key verifies Signature over the message's
 * canonical string with the digest of SignatureVersion. Anything else is
 * 403; a certificate that cannot be fetched is 502, so SNS retries.
 * Written on node:crypto rather than taken from npm: AWS's sns-validator
 * and sns-payload-validator fetch over node:https without a timeout and
 * take HTTPS only (sns-payload-validator AWS's hosts only), so neither takes
 * the operator's host list; sns-validator also caches certificates
 * process-wide without bound and signs an UnsubscribeConfirmation's fields
 * as a notification's, without its Token.
 */
export class SnsVerifier {
  private readonly certificates = new Map<string, Promise<X509Certificate>>();

  constructor(
    private readonly hosts: readonly string[],
    private readonly now: () => Date,
  ) {}

  async verify(message: SnsMessage): Promise<void> {
    const digest = DIGESTS[String(message.SignatureVersion)];
    if (!digest)
      throw forbidden(`Unsupported SNS SignatureVersion "${String(message.SignatureVersion)}"`);
    if (typeof message.Signature !== "string" || message.Signature === "")
      throw forbidden("The SNS message is not signed");
    const canonical = canonicalString(message);
    const certUrl = message.SigningCertURL;
    if (typeof certUrl !== "string" || !allowedSnsUrl(certUrl, this.hosts))
      throw forbidden("SigningCertURL is not on an allowed host (CRMD_SES_CERT_HOSTS)");
    const certificate = await this.certificate(certUrl);
    const now = this.now().getTime();
    if (now < Date.parse(certificate.validFrom) || now > Date.parse(certificate.validTo))
      throw forbidden("The SNS signing certificate is not valid now");
    const signature = Buffer.from(message.Signature, "base64");
    if (!verifySignature(digest, canonical, certificate.publicKey, signature))
      throw forbidden("Invalid SNS message signature");
  }

  /** The certificate at `url`, fetched once (concurrent messages share the fetch). */
  private certificate(url: string): Promise<X509Certificate> {
    let pending = this.certificates.get(url);
    if (!pending) {
      if (this.certificates.size >= CACHED_CERTIFICATES) {
        const oldest = this.certificates.keys().next().value;
        if (oldest !== undefined) this.certificates.delete(oldest);
      }
      pending = fetchCertificate(url);
      this.certificates.set(url, pending);
      // A failed fetch is tried again by the next message, not remembered.
      pending.catch(() => this.certificates.delete(url));
    }
    return pending;
  }
}

function verifySignature(digest: string, text: string, key: KeyObject, signature: Buffer) {
  try {
    return verify(digest, Buffer.from(text, "utf8"), key, signature);
  } catch {
    return false;
  }
}

async function fetchCertificate(url: string): Promise<X509Certificate> {
  let pem: string;
  try {
    const response = await fetch(url, {
      redirect: "error",
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const bytes = await response.arrayBuffer();
    if (bytes.byteLength > CERTIFICATE_MAX_BYTES) throw new Error("too large");
    pem = new TextDecoder().decode(bytes);
  } catch (error) {
    throw new ApiError(
      502,
      "BAD_GATEWAY",
      `Could not fetch the SNS signing certificate: ${(error as Error).message}`,
    );
  }
  try {
    return new X509Certificate(pem);
  } catch {
    throw forbidden("SigningCertURL holds no X.509 certificate");
  }
}
