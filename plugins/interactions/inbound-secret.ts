import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { inboundSecrets } from "../../db/schema";
import { type AppContext, forbidden, type Scope, sha256Hex, unauthorized } from "../../src/core";

const PREFIX = "inb_";

/**
 * What a relay holding the secret does: creates the sender's contact and its
 * attachments' documents, and is answered with the email's interaction
 * (for a Message-ID seen before, the one recorded first).
 */
const RELAY_SCOPES: Scope[] = ["contacts:write", "documents:write", "interactions:read"];

/** Only a key holding what the relay does may get its secret: keys:manage is no way to those writes. */
export function assertHoldsRelayScopes(scopes: ReadonlySet<Scope>) {
  const missing = RELAY_SCOPES.filter((scope) => !scopes.has(scope));
  if (missing.length > 0)
    throw forbidden(
      `Missing permission: ${missing.join(", ")} (the inbound secret lets a relay create contacts and documents)`,
    );
}

/**
 * Creates (or replaces) the tenant's inbound email secret; returns it once.
 * Only its hash is stored: relays present it, crmd only compares.
 */
export async function rotateInboundSecret(ctx: AppContext, tenantId: string) {
  const secret = `${PREFIX}${randomBytes(32).toString("base64url")}`;
  const now = ctx.clock.now();
  const row = { tenantId, secretHash: sha256Hex(secret), createdAt: now };
  await ctx.write((tx) =>
    tx
      .insert(inboundSecrets)
      .values(row)
      .onConflictDoUpdate({ target: inboundSecrets.tenantId, set: row }),
  );
  return { secret, created_at: now.toISOString() };
}

/** The secret a relay presents: HTTP Basic's password (user:secret@ in its URL) or X-Inbound-Secret. */
function presentedSecret(headers: Headers): string | null {
  const header = headers.get("x-inbound-secret");
  if (header) return header.trim();
  const authorization = headers.get("authorization") ?? "";
  if (!authorization.toLowerCase().startsWith("basic ")) return null;
  const decoded = Buffer.from(authorization.slice(6).trim(), "base64").toString();
  return decoded.slice(decoded.indexOf(":") + 1) || null;
}

/**
 * The tenant whose inbound secret the request carries; 401 otherwise. Read
 * on the primary, as API keys are: a secret rotated on one instance works,
 * and the old one stops, on every instance at once (a replica may lag).
 */
export async function inboundTenant(ctx: AppContext, headers: Headers): Promise<string> {
  const secret = presentedSecret(headers);
  if (!secret?.startsWith(PREFIX)) throw unauthorized("Missing or invalid inbound secret");
  const [row] = await ctx.db.primaryRead
    .select({ tenantId: inboundSecrets.tenantId })
    .from(inboundSecrets)
    .where(eq(inboundSecrets.secretHash, sha256Hex(secret)));
  if (!row) throw unauthorized("Missing or invalid inbound secret");
  return row.tenantId;
}
