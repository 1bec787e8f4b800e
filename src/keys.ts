import { timingSafeEqual } from "node:crypto";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Database } from "../db/client";
import { apiKeys } from "../db/schema";
import type { Clock } from "./clock";
import { sha256Hex } from "./ids";
import type { Logger } from "./logger";
import { Revocations } from "./revocations";
import { expandPermissions, type Scope } from "./scopes";

export const KEY_PREFIX = "elk_";

/** `elk_` + 32 random bytes (base64url, 43 chars). */
export function generateApiKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return KEY_PREFIX + Buffer.from(bytes).toString("base64url");
}

/** What may be shown and logged of a key: `elk_` and its next 8 characters. */
export const displayPrefix = (key: string): string => key.slice(0, 12);

export interface KeyPrincipal {
  kind: "key";
  keyId: string;
  keyName: string;
  keyPrefix: string;
  tenantId: string;
  scopes: Set<Scope>;
  rateLimit: number | null;
  /**
   * The key made by a key shares its maker's window: its requests count
   * there too, against the maker's limit (null: the server default). Null
   * for a key the operator made.
   */
  sharedRateLimit: { keyId: string; rateLimit: number | null } | null;
  /** Epoch milliseconds, or null: never. */
  expiresAt: number | null;
}

interface CachedKey {
  principal: KeyPrincipal;
  hash: string;
  revoked: boolean;
  fetchedAt: number;
  lastUsedWritten: number;
}

/** How long a looked-up key is trusted before re-reading it (other instances' revocations). */
const CACHE_TTL_MS = 10_000;
/** last_used_at is written at most this often per key, not on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Resolves presented keys to principals. Lookups are by SHA-256 (indexed),
 * confirmed with a constant-time compare, and cached briefly; a revoke in this
 * process drops the cache entry at once.
 */
export class KeyStore {
  private cache = new Map<string, CachedKey>();
  /**
   * Lookups on the way, by hash: the requests that find a key's entry
   * missing or expired together wait for one read of it, not one each
   * (every request in flight when the entry expires).
   */
  private loading = new Map<string, Promise<CachedKey | undefined>>();
  /** Other instances revoke keys too: their revokes reach this one when its entry expires. */
  private readonly cacheMs: number;
  /** Keys known revoked, read again on the primary before live events go to sockets of keys. */
  readonly revocations: Revocations;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    this.cacheMs = Math.min(CACHE_TTL_MS, db.sharedCacheMs ?? CACHE_TTL_MS);
    this.revocations = new Revocations(async (ids) => {
      const rows = await this.db.primaryRead
        .select({ id: apiKeys.id })
        .from(apiKeys)
        .where(and(inArray(apiKeys.id, ids), isNotNull(apiKeys.revokedAt)));
      for (const { id } of rows) this.invalidate(id);
      return rows.map((row) => row.id);
    });
  }

  /** `hash` is the SHA-256 of `presented` when the caller has it already. */
  async authenticate(presented: string, hash = sha256Hex(presented)): Promise<KeyPrincipal | null> {
    if (!presented.startsWith(KEY_PREFIX) || presented.length > 200) return null;
    const now = this.clock.now().getTime();
    let entry = this.cache.get(hash);
    if (!entry || now - entry.fetchedAt > this.cacheMs) {
      entry = await this.loadOnce(hash, now, entry);
      if (!entry) return null;
    }
    if (!timingSafeEqual(Buffer.from(entry.hash), Buffer.from(hash))) return null;
    if (entry.revoked) return null;
    const { expiresAt } = entry.principal;
    if (expiresAt !== null && expiresAt <= now) return null;
    if (now - entry.lastUsedWritten >= LAST_USED_RESOLUTION_MS) {
      entry.lastUsedWritten = now;
      this.touch(entry.principal.keyId, now);
    }
    return entry.principal;
  }

  /** A key revoked on this instance: it stops working at once, on open sockets too. */
  revoked(keyId: string): void {
    this.revocations.add(keyId);
    this.invalidate(keyId);
  }

  /** Forget a key at once (after a change); a request from now on reads it anew. */
  invalidate(keyId: string): void {
    for (const [hash, entry] of this.cache)
      if (entry.principal.keyId === keyId) this.cache.delete(hash);
    this.loading.clear();
  }

  /** `load`, shared by the requests that ask for one hash while it is read. */
  private loadOnce(hash: string, now: number, previous?: CachedKey) {
    let loading = this.loading.get(hash);
    if (!loading) {
      loading = this.load(hash, now, previous);
      const settled = loading;
      this.loading.set(hash, settled);
      const forget = () => {
        if (this.loading.get(hash) === settled) this.loading.delete(hash);
      };
      settled.then(forget, forget);
    }
    return loading;
  }

  private async load(
    hash: string,
    now: number,
    previous?: CachedKey,
  ): Promise<CachedKey | undefined> {
    // The primary: a key just created or revoked counts at once.
    const [row] = await this.db.primaryRead.select().from(apiKeys).where(eq(apiKeys.keyHash, hash));
    if (!row) {
      this.cache.delete(hash);
      return undefined;
    }
    const sharedRateLimit = row.rateLimitKeyId
      ? { keyId: row.rateLimitKeyId, rateLimit: await this.rateLimitOf(row.rateLimitKeyId) }
      : null;
    if (this.cache.size > 10_000) this.cache.clear();
    if (row.revokedAt) this.revocations.add(row.id);
    const entry: CachedKey = {
      hash: row.keyHash,
      revoked: row.revokedAt !== null,
      fetchedAt: now,
      lastUsedWritten: previous?.lastUsedWritten ?? row.lastUsedAt?.getTime() ?? 0,
      principal: {
        kind: "key",
        keyId: row.id,
        keyName: row.name,
        keyPrefix: row.keyPrefix,
        tenantId: row.tenantId,
        scopes: expandPermissions(row.permissions),
        rateLimit: row.rateLimit,
        sharedRateLimit,
        expiresAt: row.expiresAt?.getTime() ?? null,
      },
    };
    this.cache.set(hash, entry);
    return entry;
  }

  /** A key's own limit (null: the server default); keys are never deleted, only revoked. */
  private async rateLimitOf(keyId: string): Promise<number | null> {
    const [row] = await this.db.primaryRead
      .select({ rateLimit: apiKeys.rateLimit })
      .from(apiKeys)
      .where(eq(apiKeys.id, keyId));
    return row?.rateLimit ?? null;
  }

  private touch(keyId: string, now: number) {
    this.db
      .transaction((tx) =>
        tx
          .update(apiKeys)
          .set({ lastUsedAt: new Date(now) })
          .where(eq(apiKeys.id, keyId)),
      )
      .catch((error) => this.logger.warn("last_used_at update failed", { key_id: keyId, error }));
  }
}
