import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export const VISITOR_TOKEN_PREFIX = "vt_";

/** What a visitor token says: which widget key issued it, for which customer and conversation. */
export interface VisitorClaims {
  widgetKeyId: string;
  tenantId: string;
  customerId: string;
  /**
   * The visitor (one browser session): minted when it first identifies and
   * carried by every token made from its tokens, so its proof of identity
   * takes over the conversations it opened unverified. Null on tokens made
   * before crmd kept it.
   */
  visitorId: string | null;
  /** The one conversation the token reads and writes; null before the visitor opens one. */
  conversationId: string | null;
  /** The site proved the customer's identity (user_hash): the token reads all its conversations. */
  verified: boolean;
  /** The identity secret that proved it (its fingerprint): the token ends when that secret stops verifying. */
  provenBy: string | null;
  /** Unix seconds. */
  expiresAt: number;
}

/**
 * The per-visitor rate budget a visitor spends: a verified visitor its
 * customer's; one whose identity nobody proved its own visitor's (browser
 * session's), so that claiming a customer's email never spends that
 * customer's budget, nor another claimant's of the same email. (Tokens made
 * before visitors were named share one budget per claimed customer.)
 */
export const visitorRateBucket = (
  claims: Pick<VisitorClaims, "customerId" | "verified" | "visitorId">,
) =>
  claims.verified
    ? `widget-visitor:${claims.customerId}`
    : claims.visitorId
      ? `widget-visitor:${claims.visitorId}`
      : `widget-visitor:${claims.customerId}:unverified`;

const mac = (secret: string, payload: string) =>
  createHmac("sha256", secret).update(payload).digest("base64url");

/** `vt_<base64url(claims)>.<base64url(HMAC-SHA256(key secret, claims))>` */
export function signVisitorToken(secret: string, claims: VisitorClaims): string {
  const payload = Buffer.from(
    JSON.stringify({
      k: claims.widgetKeyId,
      t: claims.tenantId,
      c: claims.customerId,
      v: claims.conversationId,
      ...(claims.visitorId ? { s: claims.visitorId } : {}),
      ...(claims.provenBy ? { i: claims.provenBy } : {}),
      e: claims.expiresAt,
    }),
  ).toString("base64url");
  return `${VISITOR_TOKEN_PREFIX}${payload}.${mac(secret, payload)}`;
}

/** The claims of a well-formed token, unverified (the issuing key's secret checks them). */
export function readVisitorToken(
  token: string,
): { claims: VisitorClaims; payload: string; signature: string } | null {
  if (!token.startsWith(VISITOR_TOKEN_PREFIX) || token.length > 2000) return null;
  const [payload, signature] = token.slice(VISITOR_TOKEN_PREFIX.length).split(".");
  if (!payload || !signature) return null;
  try {
    const raw = JSON.parse(Buffer.from(payload, "base64url").toString());
    if (typeof raw.k !== "string" || typeof raw.t !== "string" || typeof raw.c !== "string")
      return null;
    if (typeof raw.e !== "number" || (raw.v !== null && typeof raw.v !== "string")) return null;
    if (raw.s !== undefined && typeof raw.s !== "string") return null;
    return {
      claims: {
        widgetKeyId: raw.k,
        tenantId: raw.t,
        customerId: raw.c,
        conversationId: raw.v,
        visitorId: raw.s ?? null,
        verified: typeof raw.i === "string",
        provenBy: typeof raw.i === "string" ? raw.i : null,
        expiresAt: raw.e,
      },
      payload,
      signature,
    };
  } catch {
    return null;
  }
}

export function signatureMatches(secret: string, payload: string, signature: string): boolean {
  const expected = Buffer.from(mac(secret, payload));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The user_hash a site's backend computes for a customer: hex HMAC-SHA256(identity secret, identifier). */
export const identityHash = (secret: string, identifier: string) =>
  createHmac("sha256", secret).update(identifier).digest("hex");

/** Names an identity secret inside a visitor token without revealing it. */
export const identityFingerprint = (secret: string) =>
  createHash("sha256").update(secret).digest("base64url").slice(0, 16);

/** The one of `secrets` under which `hash` is the user_hash of `identifier` (constant time per secret), else null. */
export function identitySecretProving<T extends { secret: string }>(
  secrets: T[],
  identifier: string,
  hash: string,
): T | null {
  const given = Buffer.from(hash.toLowerCase());
  let proving: T | null = null;
  for (const candidate of secrets) {
    const expected = Buffer.from(identityHash(candidate.secret, identifier));
    if (expected.length === given.length && timingSafeEqual(expected, given)) proving = candidate;
  }
  return proving;
}
