import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { RetiringSecret } from "../db/schema";
import { ConfigError } from "./config";

const PREFIX = "v1:";

/**
 * Encrypts secrets that crmd must use again (webhook signing secrets) before
 * they are stored: AES-256-GCM under a key from CRMD_SECRET_KEY, or from a
 * key file created once in the data directory (0600). Every instance that
 * shares a database must share the key.
 */
export class SecretBox {
  /** Keys `hint`, derived from the secret key so that no hint is made under the encryption key itself. */
  private readonly hintKey: Buffer;

  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new ConfigError("the secret key must be 32 bytes");
    this.hintKey = createHmac("sha256", key).update("crmd value hint v1").digest();
  }

  /**
   * A short keyed fingerprint of a secret value within `scope` (a tenant):
   * the first 8 hex digits of HMAC-SHA256 under a key derived from the
   * secret key. The same value gives the same hint, another value almost
   * surely another; without the key it tells nothing about the value.
   */
  hint(scope: string, plain: string): string {
    return createHmac("sha256", this.hintKey)
      .update(`${scope}\0${plain}`)
      .digest("hex")
      .slice(0, 8);
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final(), cipher.getAuthTag()]);
    return `${PREFIX}${iv.toString("base64")}:${body.toString("base64")}`;
  }

  open(sealed: string): string {
    if (!sealed.startsWith(PREFIX)) throw new Error("not a sealed secret");
    const [ivText, bodyText] = sealed.slice(PREFIX.length).split(":");
    const body = Buffer.from(bodyText, "base64");
    const decipher = createDecipheriv("aes-256-gcm", this.key, Buffer.from(ivText, "base64"));
    decipher.setAuthTag(body.subarray(body.length - 16));
    return Buffer.concat([
      decipher.update(body.subarray(0, body.length - 16)),
      decipher.final(),
    ]).toString("utf8");
  }
}

/** The key from CRMD_SECRET_KEY (64 hex chars or base64 of 32 bytes), else the data directory's key file. */
export function loadSecretKey(configured: string | undefined, dataDir: string): Buffer {
  if (configured) {
    const key = /^[0-9a-f]{64}$/i.test(configured)
      ? Buffer.from(configured, "hex")
      : Buffer.from(configured, "base64");
    if (key.length !== 32)
      throw new ConfigError("CRMD_SECRET_KEY must be 32 bytes, as 64 hex characters or base64");
    return key;
  }
  const file = join(dataDir, "secret.key");
  if (!existsSync(file)) {
    try {
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(file, randomBytes(32).toString("hex"), { flag: "wx", mode: 0o600 });
      chmodSync(file, 0o600);
    } catch (error) {
      // Another instance created it first: use theirs.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "EEXIST")
        throw new ConfigError(
          `CRMD_DATA_DIR: crmd cannot write the secret key file ${file} (${code ?? error}): make ${dataDir} writable, or set CRMD_SECRET_KEY`,
        );
    }
  }
  return Buffer.from(readFileSync(file, "utf8").trim(), "hex");
}

/** How long a replaced secret keeps verifying, so its users can switch without downtime. */
const SECRET_ROTATION_OVERLAP_MS = 24 * 3_600_000;
/** Replaced secrets verifying at once, at most: more rotations within a day end the oldest first. */
const MAX_RETIRING_SECRETS = 10;

/**
 * The secrets that still verify after a rotation, newest first: the one
 * replaced (sealed) for 24 hours more, then earlier ones still inside their
 * own 24 hours; at most 10.
 */
export function retiringAfterRotation(
  replaced: string | null,
  earlier: RetiringSecret[],
  now: Date,
): RetiringSecret[] {
  const at = now.getTime();
  const last = replaced ? [{ secret: replaced, expiresAt: at + SECRET_ROTATION_OVERLAP_MS }] : [];
  return [...last, ...earlier.filter((s) => s.expiresAt > at)].slice(0, MAX_RETIRING_SECRETS);
}

/**
 * What answers, the activity log and logs show for a webhook's custom header
 * value: the names are kept, every value is this. Sent back in an update, it
 * keeps the header's stored value.
 */
export const HEADER_MASK = "********";

/** Header names kept, values masked. */
export const maskHeaders = (headers: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.keys(headers).map((name) => [name, HEADER_MASK]));

/**
 * What the activity log shows for a webhook's custom header values (stored
 * sealed): the mask and the value's keyed hint, `******** (1f2e3d4c)`, so
 * an entry shows which values an update changed without showing any.
 */
export const hintHeaders = (
  box: Pick<SecretBox, "open" | "hint">,
  tenantId: string,
  sealed: Record<string, string>,
): Record<string, string> =>
  Object.fromEntries(
    Object.entries(sealed).map(([name, value]) => [
      name,
      `${HEADER_MASK} (${hintOf(box, tenantId, value)})`,
    ]),
  );

/** A sealed value's hint; `undecryptable` for one sealed under another key (it is not sent either). */
function hintOf(box: Pick<SecretBox, "open" | "hint">, tenantId: string, sealed: string): string {
  try {
    return box.hint(tenantId, box.open(sealed));
  } catch {
    return "undecryptable";
  }
}

/** Each value sealed (custom headers often carry a receiver's credentials). */
export const sealHeaders = (
  box: Pick<SecretBox, "seal">,
  headers: Record<string, string>,
): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, box.seal(value)]));

/** The stored (sealed) values opened, for the moment of sending; throws when the key does not fit. */
export const openHeaders = (
  box: Pick<SecretBox, "open">,
  headers: Record<string, string>,
): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, box.open(value)]));
