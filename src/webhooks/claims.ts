import {
  and,
  asc,
  count,
  eq,
  exists,
  gt,
  isNotNull,
  isNull,
  lt,
  lte,
  min,
  notExists,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Database, ReadDb, WriteTx } from "../../db/client";
import type { Dialect } from "../../db/dialect";
import {
  outboxEvents,
  type RetiringSecret,
  webhookAttempts,
  webhookCatchups,
  webhookDeliveries,
  webhooks,
} from "../../db/schema";
import { newId } from "../ids";
import { inJsonArray, param, prepared } from "../prepared";
import { traceparentNow } from "../tracing";
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
  attempt: number;
  /** Failed attempts so far in the current retry schedule. */
  retryIndex: number;
  claimedAt: Date;
  url: string;
  /** The webhook's custom headers, values sealed as stored (opened only to send). */
  customHeaders: Record<string, string>;
  keys: SigningKeys;
  eventId: string;
  eventType: string;
  /** Null when the event has left the outbox: the attempt then fails without a request. */
  body: string | null;
  /** The trace of the request that caused the event (W3C traceparent), if any. */
  traceParent: string | null;
}

const d = webhookDeliveries;
const earlier = alias(webhookDeliveries, "earlier");
/** Deliveries a claim picks among, webhook by webhook. */
const candidate = alias(webhookDeliveries, "candidate");

/**
 * The dispatcher's queries run several times a pass, some once per webhook:
 * they are prepared once per handle (src/prepared.ts) and take times as
 * epoch milliseconds and id lists as one JSON array, so any number of ids
 * binds to one statement. Building them anew was a quarter of a pass.
 */
const ms = (at: Date) => at.getTime();

/**
 * Pending, as the claim's partial indexes say it (migration 0740): a literal,
 * since a bound value would have SQLite prepare the statement anew at every
 * run to check that the index still applies.
 */
const isPending = (of: typeof d | typeof candidate | typeof earlier): SQL =>
  sql`${of.status} = 'pending'`;

/** Due at `now`, epoch milliseconds as SQL (a placeholder or a value). */
const dueNow = (now: SQL, of: typeof d | typeof candidate = d): SQL =>
  and(
    isPending(of),
    lte(of.nextAttemptAt, now),
    or(isNull(of.leaseUntil), lte(of.leaseUntil, now)),
  ) as SQL;

/**
 * Active webhooks with a delivery due and not leased. Selecting webhooks
 * first keeps a claim's cost proportional to the webhooks with work, not to
 * the deliveries waiting behind busy or inactive ones. A webhook still
 * owed deliveries from before it was last made inactive (webhook_catchups)
 * waits until they exist, so an entity's earlier event is never overtaken.
 */
export const webhooksWithDueWorkQuery = (db: ReadDb) =>
  db
    .select({
      id: webhooks.id,
      url: webhooks.url,
      headers: webhooks.headers,
      secret: webhooks.secret,
      previousSecret: webhooks.previousSecret,
      previousSecretExpiresAt: webhooks.previousSecretExpiresAt,
      earlierSecrets: webhooks.earlierSecrets,
    })
    .from(webhooks)
    .where(
      and(
        eq(webhooks.isActive, true),
        exists(
          db
            .select({ one: sql`1` })
            .from(d)
            .where(and(eq(d.webhookId, webhooks.id), dueNow(param("now")))),
        ),
        notExists(
          db
            .select({ one: sql`1` })
            .from(webhookCatchups)
            .where(eq(webhookCatchups.webhookId, webhooks.id)),
        ),
      ),
    );

function webhooksWithDueWork(db: ReadDb, now: Date) {
  const query = prepared(db, "webhooks-with-due-work", () =>
    webhooksWithDueWorkQuery(db).prepare(),
  );
  return query.all({ now: ms(now) });
}

type DueWebhook = Awaited<ReturnType<typeof webhooksWithDueWork>>[number];

/** What a claim asks of the database's dialect. */
export type ClaimDialect = Pick<Dialect, "lockWebhooksForClaim" | "inCorrelated">;

/**
 * Up to `limit` due deliveries of each webhook in `ids` (a JSON array),
 * oldest first per webhook and webhooks in the order given, skipping any
 * whose entity has an earlier event still pending to that webhook
 * (per-entity commit order). One statement for all of them: a query per
 * webhook cost ~100 µs, 10 ms for one event fanned out to 100 webhooks.
 */
export const dueDeliveriesQuery = (db: ReadDb, dialect: Pick<ClaimDialect, "inCorrelated">) => {
  const oldestDue = db
    .select({ id: candidate.id })
    .from(candidate)
    .where(
      and(
        sql`${candidate.webhookId} = hook.value`,
        dueNow(param("now"), candidate),
        notExists(
          db
            .select({ one: sql`1` })
            .from(earlier)
            .where(
              and(
                eq(earlier.webhookId, candidate.webhookId),
                eq(earlier.entityKey, candidate.entityKey),
                isPending(earlier),
                lt(earlier.eventSeq, candidate.eventSeq),
              ),
            ),
        ),
      ),
    )
    .orderBy(asc(candidate.nextAttemptAt), asc(candidate.eventSeq))
    .limit(sql.placeholder("limit"));
  return db
    .select({
      webhookId: d.webhookId,
      deliveryId: d.id,
      attemptCount: d.attemptCount,
      retryIndex: d.retryIndex,
      eventId: d.eventId,
      eventType: d.eventType,
      payload: d.payload,
      outboxBody: outboxEvents.body,
      traceParent: outboxEvents.traceParent,
    })
    .from(sql`json_each(${param("ids")}) as hook`)
    .innerJoin(d, dialect.inCorrelated(d.id, oldestDue))
    .leftJoin(outboxEvents, eq(outboxEvents.seq, d.eventSeq))
    .orderBy(sql`hook.key`, asc(d.nextAttemptAt), asc(d.eventSeq));
};

function dueDeliveriesOf(db: ReadDb, dialect: ClaimDialect, ids: string, now: Date, limit: number) {
  const query = prepared(db, "due-deliveries-of", () => dueDeliveriesQuery(db, dialect).prepare());
  return query.all({ ids, now: ms(now), limit });
}

type DueRow = Awaited<ReturnType<typeof dueDeliveriesOf>>[number];
/** A due delivery picked for this claim, with its webhook. */
type PickedDelivery = { hook: DueWebhook; row: DueRow };

interface WebhookLoad {
  /** Attempts in flight: leased deliveries, any instance. */
  inFlight: number;
  /** Finished attempts started in the last hour. */
  lastHour: number;
  /** When the oldest of those leaves the window. */
  windowFreesAt: Date | null;
}

/** Attempts started in the last hour, per webhook among `ids` (JSON), with the oldest start. */
function hourlyUsage(db: ReadDb, ids: string, hourAgo: Date) {
  const query = prepared(db, "webhook-hourly-usage", () =>
    db
      .select({
        webhookId: webhookAttempts.webhookId,
        n: count(),
        oldest: min(webhookAttempts.startedAt),
      })
      .from(webhookAttempts)
      .where(
        and(
          inJsonArray(webhookAttempts.webhookId, "ids"),
          gt(webhookAttempts.startedAt, param("since")),
        ),
      )
      .groupBy(webhookAttempts.webhookId)
      .prepare(),
  );
  return query.all({ ids, since: ms(hourAgo) });
}

/** Leased deliveries (attempts in flight, any instance) per webhook among `ids` (JSON). */
function leasedCounts(db: ReadDb, ids: string, now: Date) {
  const query = prepared(db, "webhook-leased-counts", () =>
    db
      .select({ webhookId: d.webhookId, n: count() })
      .from(d)
      .where(
        and(
          inJsonArray(d.webhookId, "ids"),
          isNotNull(d.leaseToken), // the leased-deliveries index
          isPending(d),
          gt(d.leaseUntil, param("now")),
        ),
      )
      .groupBy(d.webhookId)
      .prepare(),
  );
  return query.all({ ids, now: ms(now) });
}

/**
 * In-flight and last-hour attempts per webhook: the input of its concurrency
 * and hourly limits. Without an hourly cap the hour is not counted (at
 * thousands of deliveries a second that count would grow with every pass).
 */
async function loadOf(
  db: ReadDb,
  now: Date,
  ids: string[],
  hourly: boolean,
): Promise<Map<string, WebhookLoad>> {
  const idList = JSON.stringify(ids);
  const usage = hourly ? await hourlyUsage(db, idList, new Date(now.getTime() - HOUR_MS)) : [];
  const leased = await leasedCounts(db, idList, now);
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
  "secret" | "previousSecret" | "previousSecretExpiresAt" | "earlierSecrets"
>;

function signingKeys(row: SecretColumns, now: Date): SigningKeys {
  const previous = retiringSecrets(row).filter((s) => s.expiresAt > now.getTime());
  return { current: row.secret, previous: previous.map((s) => s.secret) };
}

/** Every pre-rotation secret with its end, newest first (expired ones included). */
export function retiringSecrets(row: SecretColumns): RetiringSecret[] {
  const last =
    row.previousSecret !== null && row.previousSecretExpiresAt !== null
      ? [{ secret: row.previousSecret, expiresAt: row.previousSecretExpiresAt.getTime() }]
      : [];
  return [...last, ...row.earlierSecrets];
}

/** Fisher-Yates: webhooks take turns for free slots instead of the same ones always first. */
function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Makes the webhook's due deliveries wait until its hourly window has room (never drops them). */
async function postponeUntil(tx: WriteTx, webhookId: string, at: Date, now: Date) {
  await tx
    .update(d)
    .set({ nextAttemptAt: at, updatedAt: now })
    .where(and(eq(d.webhookId, webhookId), dueNow(sql`${ms(now)}`), lt(d.nextAttemptAt, at)));
}

/**
 * Leases the picked deliveries, of every webhook, to this claim in one
 * statement: no other claim attempts them until the lease ends.
 */
async function lease(
  tx: WriteTx,
  picks: PickedDelivery[],
  now: Date,
  leaseMs: number,
): Promise<ClaimedDelivery[]> {
  const leaseToken = newId();
  const query = prepared(tx, "lease-deliveries", () =>
    tx
      .update(d)
      .set({
        leaseToken: param("token"),
        leaseUntil: param("until"),
        attemptCount: sql`${d.attemptCount} + 1`,
        lastAttemptAt: param("now"),
        updatedAt: param("now"),
      })
      // Still due: a result recorded since the pick (another instance's) stands.
      .where(and(inJsonArray(d.id, "ids"), dueNow(param("now"))))
      .returning({ id: d.id })
      .prepare(),
  );
  const leased = await query.all({
    token: leaseToken,
    until: now.getTime() + leaseMs,
    now: ms(now),
    ids: JSON.stringify(picks.map(({ row }) => row.deliveryId)),
  });
  const taken = new Set(leased.map((row) => row.id));
  return picks
    .filter(({ row }) => taken.has(row.deliveryId))
    .map(({ hook, row }) => ({
      deliveryId: row.deliveryId,
      webhookId: hook.id,
      leaseToken,
      attempt: row.attemptCount + 1,
      retryIndex: row.retryIndex,
      claimedAt: now,
      url: hook.url,
      customHeaders: hook.headers,
      keys: signingKeys(hook, now),
      eventId: row.eventId,
      eventType: row.eventType,
      body: row.payload ?? row.outboxBody,
      traceParent: row.traceParent,
    }));
}

/**
 * Due deliveries for the free slots, webhooks taking turns in the plan's
 * order, each within its room. Reads as many webhooks at a time as could
 * fill the slots, and more only if some had less due than their room.
 */
async function pickDue(
  db: ReadDb,
  dialect: ClaimDialect,
  claimable: ClaimPlan["claimable"],
  now: Date,
  limits: ClaimLimits,
): Promise<PickedDelivery[]> {
  const picks: PickedDelivery[] = [];
  let next = 0;
  while (next < claimable.length && picks.length < limits.slots) {
    const free = limits.slots - picks.length;
    let end = next;
    for (let room = 0; end < claimable.length && room < free; end++) room += claimable[end].room;
    const turn = claimable.slice(next, end);
    next = end;
    const ids = JSON.stringify(turn.map(({ hook }) => hook.id));
    const perWebhook = Math.min(limits.perWebhook, free);
    const due = Map.groupBy(
      await dueDeliveriesOf(db, dialect, ids, now, perWebhook),
      (row) => row.webhookId,
    );
    for (const { hook, room } of turn) {
      const take = Math.min(room, limits.slots - picks.length);
      for (const row of (due.get(hook.id) ?? []).slice(0, take)) picks.push({ hook, row });
    }
  }
  return picks;
}

/** Of the webhooks `ids`, those this claim holds (Dialect.lockWebhooksForClaim). */
type LockWebhooks = (ids: string[]) => Promise<string[]>;

interface ClaimPlan {
  /** Webhooks with due work and room, in the order they get slots. */
  claimable: Array<{ hook: DueWebhook; room: number }>;
  /** Webhooks out of hourly allowance, and when their window has room again. */
  capped: Array<{ webhookId: string; until: Date }>;
}

/** Which webhooks may send how many attempts now, within their in-flight and hourly limits. */
async function planClaims(
  db: ReadDb,
  now: Date,
  limits: ClaimLimits,
  lock: LockWebhooks = async (ids) => ids,
): Promise<ClaimPlan> {
  const plan: ClaimPlan = { claimable: [], capped: [] };
  const due = await webhooksWithDueWork(db, now);
  const held = new Set(due.length > 0 ? await lock(due.map((hook) => hook.id)) : []);
  const hooks = due.filter((hook) => held.has(hook.id));
  if (hooks.length === 0) return plan;
  const load = await loadOf(
    db,
    now,
    hooks.map((hook) => hook.id),
    limits.maxPerHour < Number.MAX_SAFE_INTEGER,
  );
  for (const hook of shuffled(hooks)) {
    const { inFlight, lastHour, windowFreesAt } = load.get(hook.id) as WebhookLoad;
    const used = lastHour + inFlight;
    if (used >= limits.maxPerHour && windowFreesAt)
      plan.capped.push({ webhookId: hook.id, until: windowFreesAt });
    const room = Math.min(limits.perWebhook - inFlight, limits.maxPerHour - used);
    if (room > 0) plan.claimable.push({ hook, room });
  }
  return plan;
}

/**
 * Read-only check on the read handle, so an idle or saturated instance
 * looks for work without taking the write lock.
 */
export async function hasClaimableWork(
  db: Database,
  now: Date,
  limits: ClaimLimits,
): Promise<boolean> {
  const plan = await planClaims(db.read, now, limits);
  return plan.claimable.length > 0 || plan.capped.length > 0;
}

/**
 * Claims up to `limits.slots` due deliveries in the caller's write
 * transaction (writers are serialised by the database's write lock, on
 * PostgreSQL the writer lock of db/pg/database.ts, so two instances never
 * claim the same delivery): leases each one (no other instance attempts it until the
 * lease expires), keeps each webhook within its in-flight and hourly
 * limits, and postpones the deliveries of webhooks that used up their
 * hourly allowance (they wait, never dropped). `dialect` is the
 * database's: where claims run side by side, it locks the webhooks claimed for.
 */
export async function claimDue(
  tx: WriteTx,
  now: Date,
  limits: ClaimLimits,
  dialect: ClaimDialect,
): Promise<ClaimedDelivery[]> {
  const handle = tx as unknown as ReadDb;
  const lock = (ids: string[]) => dialect.lockWebhooksForClaim(tx, ids);
  const plan = await planClaims(handle, now, limits, lock);
  for (const { webhookId, until } of plan.capped) await postponeUntil(tx, webhookId, until, now);
  const picks = await pickDue(handle, dialect, plan.claimable, now, limits);
  return picks.length > 0 ? lease(tx, picks, now, limits.leaseMs) : [];
}

export type TestTarget = SecretColumns &
  Pick<typeof webhooks.$inferSelect, "id" | "tenantId" | "url" | "headers">;

/**
 * Records a test event as a delivery already claimed by this instance: it
 * is sent at once, outside the queue.
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
    attempt: 1,
    retryIndex: 0,
    claimedAt: now,
    url: hook.url,
    customHeaders: hook.headers,
    keys: signingKeys(hook, now),
    eventId: event.id,
    eventType: event.type,
    body: event.body,
    traceParent: traceparentNow(),
  };
  await db.transaction((tx) =>
    tx.insert(d).values({
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
    }),
  );
  return claim;
}
