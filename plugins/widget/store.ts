import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { widgetKeys } from "../../db/schema";
import { type AppContext, Revocations, sha256Hex } from "../../src/core";
import {
  identityFingerprint,
  readVisitorToken,
  signatureMatches,
  type VisitorClaims,
} from "./tokens";

export type WidgetKeyRow = typeof widgetKeys.$inferSelect;

/** An identity secret opened, with the fingerprint visitor tokens name it by and when it stops verifying (epoch ms). */
export interface IdentitySecret {
  secret: string;
  fingerprint: string;
  expiresAt: number | null;
}

/** A live widget key with its token secret and identity secrets opened. */
export interface WidgetKey {
  row: WidgetKeyRow;
  secret: string;
  /** The current identity secret, then earlier ones with when each stops verifying (epoch ms). */
  identitySecrets: IdentitySecret[];
}

/** How long a looked-up key is trusted before it is read again (other instances' revocations). */
const CACHE_TTL_MS = 10_000;

/**
 * Resolves publishable keys and visitor tokens. Lookups are cached briefly
 * (by key hash and by id), as API keys are: read on the primary, trusted for
 * as long as the database says other instances' writes may go unseen; a
 * change on this instance drops the entry at once.
 */
export class WidgetKeyStore {
  private readonly cache = new Map<string, { key: WidgetKey | null; at: number }>();
  /** Keys known revoked, read again on the primary before live events go to visitors' sockets. */
  readonly revocations: Revocations;
  private readonly cacheMs: number;

  constructor(private readonly ctx: AppContext) {
    this.cacheMs = Math.min(CACHE_TTL_MS, ctx.db.sharedCacheMs ?? CACHE_TTL_MS);
    this.revocations = new Revocations(async (ids) => {
      const rows = await this.ctx.db.primaryRead
        .select({ id: widgetKeys.id })
        .from(widgetKeys)
        .where(and(inArray(widgetKeys.id, ids), isNotNull(widgetKeys.revokedAt)));
      if (rows.length > 0) this.cache.clear();
      return rows.map((row) => row.id);
    });
  }

  private async cached(cacheKey: string, load: () => Promise<WidgetKeyRow | undefined>) {
    const now = this.ctx.clock.now().getTime();
    const hit = this.cache.get(cacheKey);
    if (hit && now - hit.at < this.cacheMs) return hit.key;
    if (this.cache.size > 10_000) this.cache.clear();
    const row = await load();
    if (row?.revokedAt) this.revocations.add(row.id);
    const key = row && !row.revokedAt ? this.open(row) : null;
    this.cache.set(cacheKey, { key, at: now });
    return key;
  }

  private open(row: WidgetKeyRow): WidgetKey {
    const { secrets } = this.ctx;
    const opened = (sealed: string, expiresAt: number | null): IdentitySecret => {
      const secret = secrets.open(sealed);
      return { secret, fingerprint: identityFingerprint(secret), expiresAt };
    };
    const current = row.identitySecret ? [opened(row.identitySecret, null)] : [];
    const retired = row.retiredIdentitySecrets.map((s) => opened(s.secret, s.expiresAt));
    return {
      row,
      secret: secrets.open(row.tokenSecret),
      identitySecrets: [...current, ...retired],
    };
  }

  /** The identity secrets of `key` that verify now: the current one and those still in their overlap. */
  verifyingIdentitySecrets(key: WidgetKey): IdentitySecret[] {
    const now = this.ctx.clock.now().getTime();
    return key.identitySecrets.filter((s) => s.expiresAt === null || s.expiresAt > now);
  }

  /** The live key a `pk_…` value names, or null. */
  byPublishableKey(presented: string): Promise<WidgetKey | null> {
    if (!presented.startsWith("pk_") || presented.length > 200) return Promise.resolve(null);
    const hash = sha256Hex(presented);
    return this.cached(`h:${hash}`, async () => {
      const [row] = await this.ctx.db.primaryRead
        .select()
        .from(widgetKeys)
        .where(eq(widgetKeys.keyHash, hash));
      return row;
    });
  }

  byId(id: string): Promise<WidgetKey | null> {
    return this.cached(`i:${id}`, async () => {
      const [row] = await this.ctx.db.primaryRead
        .select()
        .from(widgetKeys)
        .where(eq(widgetKeys.id, id));
      return row;
    });
  }

  /**
   * The claims of a visitor token signed by a live key and not expired, with
   * that key; else null. A verified visitor's token also ends when the
   * identity secret that proved it stops verifying (rotated away, e.g.
   * after a leak).
   */
  async verify(token: string): Promise<{ claims: VisitorClaims; key: WidgetKey } | null> {
    const read = readVisitorToken(token);
    if (!read) return null;
    const key = await this.byId(read.claims.widgetKeyId);
    if (!key || key.row.tenantId !== read.claims.tenantId) return null;
    if (!signatureMatches(key.secret, read.payload, read.signature)) return null;
    if (read.claims.expiresAt * 1000 <= this.ctx.clock.now().getTime()) return null;
    const { provenBy } = read.claims;
    if (provenBy && !this.verifyingIdentitySecrets(key).some((s) => s.fingerprint === provenBy))
      return null;
    return { claims: read.claims, key };
  }

  forget() {
    this.cache.clear();
  }

  /** A key revoked on this instance: its tokens end at once, on open sockets too. */
  revoked(id: string) {
    this.revocations.add(id);
    this.cache.clear();
  }

  /**
   * When a verified token ends by time (epoch ms): its expiry, or the end of
   * the overlap of the identity secret that proved it, whichever is first.
   */
  tokenEnd(claims: VisitorClaims, key: WidgetKey): number {
    const proving = claims.provenBy
      ? key.identitySecrets.find((s) => s.fingerprint === claims.provenBy)
      : undefined;
    return Math.min(claims.expiresAt * 1000, proving?.expiresAt ?? Number.POSITIVE_INFINITY);
  }
}

const stores = new WeakMap<AppContext, WidgetKeyStore>();

export function widgetKeyStore(ctx: AppContext): WidgetKeyStore {
  let store = stores.get(ctx);
  if (!store) {
    store = new WidgetKeyStore(ctx);
    stores.set(ctx, store);
  }
  return store;
}

/** A tenant's keys, newest first (revoked ones included, marked). */
export const tenantWidgetKeys = (ctx: AppContext, tenantId: string) =>
  ctx.db.read
    .select()
    .from(widgetKeys)
    .where(eq(widgetKeys.tenantId, tenantId))
    .orderBy(desc(widgetKeys.createdAt), desc(widgetKeys.id));
