import type { AddressInfo } from "node:net";
import PostalMime, { type Email } from "postal-mime";
import { SMTPServer, type SMTPServerSession } from "smtp-server";

export interface Received {
  /** Envelope sender and recipients (Bcc included), as the server saw them. */
  mailFrom: string;
  rcptTo: string[];
  raw: string;
  email: Email;
  /** The session ran over TLS (STARTTLS or implicit TLS). */
  secure: boolean;
}

/**
 * What the server answers to the n-th message (1-based); undefined: accept
 * it. A 2xx code accepts it with that text (`Ok <relay's id>`, as a relay
 * that rewrites the Message-ID answers).
 */
export type Answer = (n: number, email: Email) => { code: number; message: string } | undefined;
/** What the server answers to RCPT TO of an address; undefined: accept it. */
export type RcptAnswer = (
  address: string,
) => Promise<{ code: number; message: string } | undefined>;

export interface TestSmtpServer {
  url: string;
  /** Messages accepted (answered 250). */
  received: Received[];
  /** Message-ID of every message transmitted, accepted or not, in order. */
  attempts: string[];
  /** Every AUTH the server was given, with whether the session was over TLS then. */
  auths: { username: string; secure: boolean }[];
  close(): Promise<void>;
}

const USER = "crm";
const PASSWORD = "smtp-secret";

/**
 * TLS for the test server: `starttls` offers STARTTLS and takes AUTH only
 * after it (smtp://), `implicit` speaks TLS from the first byte (smtps://).
 */
export interface SmtpTls {
  mode: "starttls" | "implicit";
  key: string;
  cert: string;
}

/** Options of the server for each TLS mode (none: plain, STARTTLS off). */
const tlsOptions = (tls: SmtpTls | undefined) =>
  tls
    ? { key: tls.key, cert: tls.cert, secure: tls.mode === "implicit", allowInsecureAuth: false }
    : { disabledCommands: ["STARTTLS"], allowInsecureAuth: true };

/**
 * A real SMTP server (the smtp-server package) on an ephemeral port that
 * requires AUTH, parses what it receives with a MIME parser and answers
 * each message as `answer` says. Plain, unless `tls` gives it a certificate.
 */
export async function startSmtpServer(
  answer: Answer = () => undefined,
  /** Runs before the server answers 250 (the message is already received). */
  onReceived?: (received: Received) => void | Promise<void>,
  tls?: SmtpTls,
  /** Answers each RCPT TO, taking its time if it likes (a tarpitting server); undefined: accept. */
  rcptAnswer: RcptAnswer = async () => undefined,
): Promise<TestSmtpServer> {
  const received: Received[] = [];
  const attempts: string[] = [];
  const auths: TestSmtpServer["auths"] = [];
  const server = new SMTPServer({
    ...tlsOptions(tls),
    logger: false,
    onRcptTo(address, _session, callback) {
      rcptAnswer(address.address).then((refusal) =>
        callback(
          refusal && Object.assign(new Error(refusal.message), { responseCode: refusal.code }),
        ),
      );
    },
    onAuth(auth, session, callback) {
      auths.push({ username: auth.username ?? "", secure: session.secure });
      if (auth.username === USER && auth.password === PASSWORD) callback(null, { user: USER });
      else callback(new Error("Invalid username or password"));
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", async () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const email = await PostalMime.parse(raw);
        attempts.push(email.messageId ?? "");
        const reply = answer(attempts.length, email);
        const refusal = reply && reply.code >= 400 ? reply : undefined;
        if (refusal)
          return callback(
            Object.assign(new Error(refusal.message), { responseCode: refusal.code }),
          );
        const envelope = session.envelope;
        const message = {
          mailFrom: envelope.mailFrom ? envelope.mailFrom.address : "",
          rcptTo: envelope.rcptTo.map((r) => r.address),
          raw,
          email,
          secure: session.secure,
        };
        received.push(message);
        await onReceived?.(message);
        callback(null, reply?.message ?? `Queued as test-${attempts.length}`);
      });
    },
  });
  // A client that dies mid-session (the crash test) resets its connection; nothing to report.
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `${tls?.mode === "implicit" ? "smtps" : "smtp"}://${USER}:${PASSWORD}@127.0.0.1:${port}`,
    received,
    attempts,
    auths,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
