import { createHmac } from "node:crypto";

/** Standard Webhooks secrets: `whsec_` + base64 of the key bytes. */
export const SECRET_PREFIX = "whsec_";

/** A new signing secret: 32 random bytes. */
export function generateWebhookSecret(): string {
  return SECRET_PREFIX + Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64");
}

/**
 * `X-Webhook-Signature` as seed 001 verifies it: hex HMAC-SHA256 of the raw
 * body, keyed with the secret string exactly as shown (`secret.encode()`).
 */
export const seedSignature = (secret: string, body: string): string =>
  `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

/**
 * One Standard Webhooks signature: `v1,` + base64 HMAC-SHA256 over
 * `{id}.{timestamp}.{body}`, keyed with the base64-decoded part of the secret.
 */
export function standardSignature(
  secret: string,
  id: string,
  unixSeconds: number,
  body: string,
): string {
  const key = Buffer.from(secret.slice(SECRET_PREFIX.length), "base64");
  const mac = createHmac("sha256", key).update(`${id}.${unixSeconds}.${body}`).digest("base64");
  return `v1,${mac}`;
}

export interface SigningKeys {
  current: string;
  /** Pre-rotation secrets still inside their overlap, newest first. */
  previous: string[];
}

/**
 * The signature headers of one attempt. After a rotation `webhook-signature`
 * carries a signature per secret still signing (space-separated, as Standard
 * Webhooks allows), so consumers can switch secrets at their own pace;
 * `X-Webhook-Signature` has room for one and uses the new secret.
 */
export function signatureHeaders(
  keys: SigningKeys,
  eventId: string,
  eventType: string,
  at: Date,
  body: string,
): Record<string, string> {
  const unixSeconds = Math.floor(at.getTime() / 1000);
  const secrets = [keys.current, ...keys.previous];
  return {
    "x-webhook-signature": seedSignature(keys.current, body),
    "x-webhook-event": eventType,
    "x-webhook-timestamp": at.toISOString(),
    "webhook-id": eventId,
    "webhook-timestamp": String(unixSeconds),
    "webhook-signature": secrets
      .map((secret) => standardSignature(secret, eventId, unixSeconds, body))
      .join(" "),
  };
}
