import {
  and,
  asc,
  count,
  eq,
  gt,
  inArray,
  isNull,
  lt,
  lte,
  min,
  notExists,
  notInArray,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Database, ReadDb } from "../../db/client";
import { outboxEvents, webhookAttempts, webhookDeliveries, webhooks } from "../../db/schema";
import { newId } from "../ids";
import type { SigningKeys } from "./signing";

const HOUR_MS = 3_600_000;

export interface ClaimLimits {
  /** Free sending slots of this instance. */
  slots: number;
  /** Attempts in flight per webhook, across instances. */
  perWebhook: number;
  /** Attempts per webhook in any hour. */
  maxPerHour: number;
  leaseMs: number;
}

/** A delivery this instance now holds the lease of, with everything its attempt needs. */
export interface ClaimedDelivery {
  deliveryId: string;
  webhookId: string;
  leaseToken: string;
  attemptId: string;
  attempt: number;
  /** Failed attempts so far in the current retry schedule. */
  retryIndex: number;
  claimedAt: Date;
  url: string;
  customHeaders: Record<string, string>;
  keys: SigningKeys;
  eventId: string;
  eventType: string;
  /** Null when the event has left the outbox: the attempt then fails without a request. */
  body: string | null;
}

const d = webhookDeliveries;
const earlier = alias(webhookDeliveries, "earlier");

const unleased = (now: Date): SQL => or(isNull(d.leaseUntil), lte(d.leaseUntil, now)) as SQL;

/**
 * Pending deliveries that may be attempted now: due, not leased, webhook
 * active, webhook not saturated, and no earlier event of the same entity
 * still pending to the same webhook (per-entity commit order).
 */
function dueCandidates(db: ReadDb, now: Date, limit: number, saturated: string[]) {
  return db
    .select({
      deliveryId: d.id,
      webhookId: d.webhookId,
      attemptCount: d.attemptCount,
      retryIndex: d.retryIndex,
      eventId: d.eventId,
      eventType: d.eventType,
      payload: d.payload,
      outboxBody: outboxEvents.body,
      url: webhooks.url,
      headers: webhooks.headers,
      secret: webhooks.secret,
      previousSecret: webhooks.previousSecret,
      previousSecretExpiresAt: webhooks.previousSecretExpiresAt,
    })
    .from(d)
    .innerJoin(webhooks, eq(webhooks.id, d.webhookId))
    .leftJoin(outboxEvents, eq(outboxEvents.seq, d.eventSeq))
    .where(
      and(
        eq(d.status, "pending"),
        lte(d.nextAttemptAt, now),
        unleased(now),
        eq(webhooks.isActive, true),
        saturated.length ? notInArray(d.webhookId, saturated) : undefined,
        notExists(
          db
            .select({ one: sql`1` })
            .from(earlier)
            .where(
              and(
                eq(earlier.webhookId, d.webhookId),
                eq(earlier.entityKey, d.entityKey),
                eq(earlier.status, "pending"),
                lt(earlier.eventSeq, d.eventSeq),
              ),
            ),
        ),
      ),
    )
    .orderBy(asc(d.nextAttemptAt), asc(d.eventSeq))
    .limit(limit);
}

type Candidate = Awaited<ReturnType<typeof dueCandidates>>[number];

/** Read-only check, so an idle instance polls without taking the write lock. */
export async function hasDueDeliveries(db: Database, now: Date): Promise<boolean> {
  const rows = await dueCandidates(db.read, now, 1, []);
  return rows.length > 0;
}

/** Webhooks with at least `perWebhook` attempts in flight (leased), from any instance. */
async function saturatedWebhooks(db: ReadDb, now: Date, perWebhook: number): Promise<string[]> {
  const rows = await db
    .select({ webhookId: d.webhookId })
    .from(d)
    .where(and(eq(d.status, "pending"), gt(d.leaseUntil, now)))
    .groupBy(d.webhookId)
    .having(sql`count(*) >= ${perWebhook}`);
  return rows.map((row) => row.webhookId);
}

interface WebhookLoad {
  inFlight: number;
  lastHour: number;
  /** When the oldest attempt of the last hour leaves the window. */
  windowFreesAt: Date | null;
}

async function loadOf(db: ReadDb, now: Date, ids: string[]): Promise<Map<string, WebhookLoad>> {
  const hourAgo = new Date(now.getTime() - HOUR_MS);
  const usage = await db
    .select({
      webhookId: webhookAttempts.webhookId,
      n: count(),
      oldest: min(webhookAttempts.startedAt),
    })
    .from(webhookAttempts)
    .where(and(inArray(webhookAttempts.webhookId, ids), gt(webhookAttempts.startedAt, hourAgo)))
    .groupBy(webhookAttempts.webhookId);
  const leased = await db
    .select({ webhookId: d.webhookId, n: count() })
    .from(d)
    .where(and(inArray(d.webhookId, ids), eq(d.status, "pending"), gt(d.leaseUntil, now)))
    .groupBy(d.webhookId);
  const load = new Map<string, WebhookLoad>(
    ids.map((id) => [id, { inFlight: 0, lastHour: 0, windowFreesAt: null }]),
  );
  for (const row of usage) {
    const entry = load.get(row.webhookId) as WebhookLoad;
    entry.lastHour = row.n;
    entry.windowFreesAt = row.oldest ? new Date(row.oldest.getTime() + HOUR_MS) : null;
  }
  for (const row of leased) (load.get(row.webhookId) as WebhookLoad).inFlight = row.n;
  return load;
}

type SecretColumns = Pick<
  typeof webhooks.$inferSelect,
  "secret" | "previousSecret" | "previousSecretExpiresAt"
>;

function signingKeys(row: SecretColumns, now: Date): SigningKeys {
  const previousValid =
    row.previousSecret !== null &&
    row.previousSecretExpiresAt !== null &&
    row.previousSecretExpiresAt > now;
  return { current: row.secret, previous: previousValid ? row.previousSecret : null };
}

/**
 * Claims up to `limits.slots` due deliveries in one write transaction: sets
 * a lease on each (no other instance attempts it until the lease expires),
 * records the attempt as started, and pushes back the deliveries of
 * webhooks that used up their hourly allowance (they wait, never dropped).
 */
export async function claimDue(
  db: Database,
  now: Date,
  limits: ClaimLimits,
): Promise<ClaimedDelivery[]> {
  return db.transaction(async (tx) => {
    const handle = tx as unknown as ReadDb;
    const saturated = await saturatedWebhooks(handle, now, limits.perWebhook);
    const candidates = await dueCandidates(handle, now, limits.slots * 4, saturated);
    if (candidates.length === 0) return [];
    const load = await loadOf(handle, now, [...new Set(candidates.map((c) => c.webhookId))]);

    const picked: Candidate[] = [];
    const capped = new Map<string, Date>();
    for (const candidate of candidates) {
      if (picked.length >= limits.slots) break;
      const webhook = load.get(candidate.webhookId) as WebhookLoad;
      if (webhook.lastHour >= limits.maxPerHour) {
        capped.set(candidate.webhookId, webhook.windowFreesAt ?? now);
        continue;
      }
      if (webhook.inFlight >= limits.perWebhook) continue;
      webhook.lastHour++;
      webhook.inFlight++;
      picked.push(candidate);
    }

    for (const [webhookId, freesAt] of capped) {
      await tx
        .update(d)
        .set({ nextAttemptAt: freesAt, updatedAt: now })
        .where(
          and(
            eq(d.webhookId, webhookId),
            eq(d.status, "pending"),
            lt(d.nextAttemptAt, freesAt),
            unleased(now),
          ),
        );
    }
    if (picked.length === 0) return [];

    const pickedIds = picked.map((c) => c.deliveryId);
    // Attempts started by an instance that died never got a result.
    await tx
      .update(webhookAttempts)
      .set({ finishedAt: now, error: "interrupted: no result (instance stopped or lease expired)" })
      .where(
        and(inArray(webhookAttempts.deliveryId, pickedIds), isNull(webhookAttempts.finishedAt)),
      );

    const leaseUntil = new Date(now.getTime() + limits.leaseMs);
    const claims = picked.map(
      (c): ClaimedDelivery => ({
        deliveryId: c.deliveryId,
        webhookId: c.webhookId,
        leaseToken: newId(),
        attemptId: newId(),
        attempt: c.attemptCount + 1,
        retryIndex: c.retryIndex,
        claimedAt: now,
        url: c.url,
        customHeaders: c.headers,
        keys: signingKeys(c, now),
        eventId: c.eventId,
        eventType: c.eventType,
        body: c.payload ?? c.outboxBody,
      }),
    );
    for (const claim of claims) {
      await tx
        .update(d)
        .set({
          leaseToken: claim.leaseToken,
          leaseUntil,
          attemptCount: claim.attempt,
          lastAttemptAt: now,
          updatedAt: now,
        })
        .where(eq(d.id, claim.deliveryId));
    }
    await tx.insert(webhookAttempts).values(
      claims.map((claim) => ({
        id: claim.attemptId,
        deliveryId: claim.deliveryId,
        webhookId: claim.webhookId,
        attempt: claim.attempt,
        startedAt: now,
      })),
    );
    return claims;
  });
}

export type TestTarget = SecretColumns &
  Pick<typeof webhooks.$inferSelect, "id" | "tenantId" | "url" | "headers">;

/**
 * Records a test event as a delivery already claimed by this instance (it is
 * sent at once, outside the queue), with its one attempt started.
 */
export async function claimTestDelivery(
  db: Database,
  hook: TestTarget,
  event: { id: string; type: string; body: string },
  now: Date,
  leaseMs: number,
): Promise<ClaimedDelivery> {
  const claim: ClaimedDelivery = {
    deliveryId: newId(),
    webhookId: hook.id,
    leaseToken: newId(),
    attemptId: newId(),
    attempt: 1,
    retryIndex: 0,
    claimedAt: now,
    url: hook.url,
    customHeaders: hook.headers,
    keys: signingKeys(hook, now),
    eventId: event.id,
    eventType: event.type,
    body: event.body,
  };
  await db.transaction(async (tx) => {
    await tx.insert(d).values({
      id: claim.deliveryId,
      tenantId: hook.tenantId,
      webhookId: hook.id,
      eventId: event.id,
      eventType: event.type,
      payload: event.body,
      status: "pending",
      attemptCount: 1,
      nextAttemptAt: now,
      leaseToken: claim.leaseToken,
      leaseUntil: new Date(now.getTime() + leaseMs),
      lastAttemptAt: now,
      createdAt: now,
      updatedAt: now,
    });
    await tx.insert(webhookAttempts).values({
      id: claim.attemptId,
      deliveryId: claim.deliveryId,
      webhookId: hook.id,
      attempt: 1,
      startedAt: now,
    });
  });
  return claim;
}
