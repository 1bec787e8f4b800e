import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { apiKeys } from "../../db/schema";
import {
  displayPrefix,
  generateApiKey,
  invalid,
  isKnownPermission,
  iso,
  newId,
  notFound,
  sha256Hex,
} from "../../src/core";

export interface NewKey {
  tenantId: string;
  name: string;
  permissions: string[];
  expiresInDays?: number | null;
  rateLimit?: number | null;
  /** The key whose window the new key's requests also count in (made by a key); none: made by the operator. */
  rateLimitKeyId?: string | null;
}

const DAY_MS = 86_400_000;

/** When a key made at `now` to last `expiresInDays` expires; null: never. */
export const expiryOf = (expiresInDays: number | null | undefined, now: Date): Date | null =>
  expiresInDays ? new Date(now.getTime() + expiresInDays * DAY_MS) : null;

export const keyView = (row: typeof apiKeys.$inferSelect) => ({
  id: row.id,
  tenant_id: row.tenantId,
  name: row.name,
  key_prefix: row.keyPrefix,
  permissions: row.permissions,
  rate_limit: row.rateLimit,
  rate_limit_key_id: row.rateLimitKeyId,
  created_at: row.createdAt.toISOString(),
  expires_at: iso(row.expiresAt),
  last_used_at: iso(row.lastUsedAt),
  revoked_at: iso(row.revokedAt),
});

/** Creates a key; the clear key is returned here once and stored only as its hash. */
export async function createKey(db: Database, input: NewKey, now: Date) {
  input.permissions.forEach((p, i) => {
    if (!isKnownPermission(p)) throw invalid(`/permissions/${i}`, `unknown permission "${p}"`);
  });
  const key = generateApiKey();
  const row = {
    id: newId(),
    tenantId: input.tenantId,
    name: input.name,
    keyPrefix: displayPrefix(key),
    keyHash: sha256Hex(key),
    permissions: [...new Set(input.permissions)],
    rateLimit: input.rateLimit ?? null,
    rateLimitKeyId: input.rateLimitKeyId ?? null,
    expiresAt: expiryOf(input.expiresInDays, now),
    revokedAt: null,
    lastUsedAt: null,
    createdAt: now,
  };
  await db.transaction((tx) => tx.insert(apiKeys).values(row));
  return { ...keyView(row), key };
}

export async function listKeys(db: Database, tenantId: string) {
  const rows = await db.read
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.tenantId, tenantId))
    .orderBy(asc(apiKeys.createdAt), asc(apiKeys.id));
  return rows.map(keyView);
}

/**
 * Revokes a key of the tenant; revoking twice keeps the first time.
 * `authorize` sees the key's permissions first and throws to refuse.
 */
export async function revokeKey(
  db: Database,
  tenantId: string,
  keyId: string,
  now: Date,
  authorize?: (permissions: string[]) => void,
) {
  const row = await db.transaction(async (tx) => {
    const [found] = await tx
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.id, keyId), eq(apiKeys.tenantId, tenantId)));
    if (!found) throw notFound(`API key ${keyId}`);
    authorize?.(found.permissions);
    if (found.revokedAt) return found;
    const [updated] = await tx
      .update(apiKeys)
      .set({ revokedAt: now })
      .where(eq(apiKeys.id, keyId))
      .returning();
    return updated;
  });
  return keyView(row);
}
