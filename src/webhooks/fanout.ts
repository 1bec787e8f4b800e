import { and, asc, eq, gt, inArray, lte, max, min, sql } from "drizzle-orm";
import type { Database, WriteTx } from "../../db/client";
import {
  counters,
  outboxEvents,
  webhookCatchups,
  webhookDeliveries,
  webhooks,
} from "../../db/schema";
import { newId } from "../ids";
import { insertValues, param, prepared } from "../prepared";
import { matchesSubscription } from "./subscriptions";

/** Counter row holding the last outbox seq whose deliveries exist (created by migration 0200). */
export const FANOUT_CURSOR = "webhook_fanout";
const EVENT_BATCH = 500;
/** Deliveries per transaction, so a burst to many webhooks never holds the write lock long. */
const MAX_DELIVERIES = 2000;
/** Outbox events read per catch-up transaction (webhook_catchups). */
export const CATCH_UP_PAGE = 500;

/** What a dispatcher pass needs to know first. */
export interface DispatchState {
  /** An active webhook exists: without one there is nothing to fan out or claim. */
  anyActive: boolean;
  /** Outbox events past the fan-out cursor, with an active webhook they might go to. */
  unfanned: boolean;
  /** Webhooks made inactive are still owed deliveries (webhook_catchups). */
  catchUp: boolean;
}

/**
 * Cheap read-only check, run every pass. Without an active webhook the
 * cursor waits: a webhook only ever receives events after its from_seq, so
 * fanOut later skips what it missed in one step.
 */
export async function dispatchState(db: Database): Promise<DispatchState> {
  const { read } = db;
  const query = prepared(read, "dispatch-state", () =>
    read
      .select({
        anyActive: sql<number>`exists (select 1 from ${webhooks} where ${webhooks.isActive} = 1)`,
        behind: sql<number>`(select max(${outboxEvents.seq}) from ${outboxEvents}) > coalesce((select ${counters.value} from ${counters} where ${counters.name} = ${FANOUT_CURSOR}), 0)`,
        catchUp: sql<number>`exists (select 1 from ${webhookCatchups})`,
      })
      .from(sql`(select 1)`)
      .prepare(),
  );
  const [row] = await query.all();
  const anyActive = Boolean(row?.anyActive);
  return {
    anyActive,
    unfanned: anyActive && Boolean(row?.behind),
    catchUp: Boolean(row?.catchUp),
  };
}

/** How far delivery is behind (metrics). */
export interface Backlogs {
  /** Outbox events past the fan-out cursor. */
  outbox: number;
  /** Deliveries still pending (due now or waiting for a retry). */
  deliveries: number;
  /**
   * Outbox events that catch-ups (webhook_catchups) have still to read: the
   * events of each paused or disabled webhook's tenant in the range it is
   * owed, summed over webhooks; those its subscription does not take are read
   * and skipped, the rest become deliveries.
   */
  catchUp: number;
}

/** How far delivery is behind, for metrics, in one query. */
export async function backlogs(db: Database): Promise<Backlogs> {
  const { read } = db;
  const query = prepared(read, "delivery-backlogs", () =>
    read
      .select({
        // Without an active webhook nothing waits: a new webhook starts at the outbox's end.
        outbox: sql<number>`case when exists (select 1 from ${webhooks} where ${webhooks.isActive} = 1) then (select count(*) from ${outboxEvents} where ${outboxEvents.seq} > coalesce((select ${counters.value} from ${counters} where ${counters.name} = ${FANOUT_CURSOR}), 0)) else 0 end`,
        deliveries: sql<number>`(select count(*) from ${webhookDeliveries} where ${webhookDeliveries.status} = 'pending')`,
        // Each range counted on outbox_tenant_seq_idx; a deleted webhook's row is owed nothing.
        catchUp: sql<number>`(select coalesce(sum((select count(*) from ${outboxEvents} where ${outboxEvents.tenantId} = ${webhookCatchups.tenantId} and ${outboxEvents.seq} > ${webhookCatchups.afterSeq} and ${outboxEvents.seq} <= ${webhookCatchups.throughSeq})), 0) from ${webhookCatchups} where exists (select 1 from ${webhooks} where ${webhooks.id} = ${webhookCatchups.webhookId}))`,
      })
      .from(sql`(select 1)`)
      .prepare(),
  );
  const [row] = await query.all();
  return {
    outbox: Number(row?.outbox ?? 0),
    deliveries: Number(row?.deliveries ?? 0),
    catchUp: Number(row?.catchUp ?? 0),
  };
}

export const entityKey = (type: string | null, id: string | null): string | null =>
  type && id ? `${type}:${id}` : null;

/** What fan-out reads of an outbox event to make its deliveries. */
const FANNED_EVENT = {
  seq: outboxEvents.seq,
  id: outboxEvents.id,
  tenantId: outboxEvents.tenantId,
  eventType: outboxEvents.eventType,
  entityType: outboxEvents.entityType,
  entityId: outboxEvents.entityId,
};

/**
 * Turns the next outbox events into deliveries, one per active
 * webhook of the event's tenant whose subscription matches, and moves the
 * cursor past them, in one transaction: each event is fanned out exactly
 * once, whichever instance does it and whenever it crashes.
 * Returns the number of events consumed.
 */
export async function fanOut(db: Database, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    // Writing the cursor row first takes the write lock (a row lock on
    // PostgreSQL), so concurrent instances queue here instead of both reading it.
    const [cursor] = await tx
      .update(counters)
      .set({ value: sql`${counters.value}` })
      .where(eq(counters.name, FANOUT_CURSOR))
      .returning({ value: counters.value });
    const eventsAfter = prepared(tx, "fanout-events", () =>
      tx
        .select(FANNED_EVENT)
        .from(outboxEvents)
        .where(gt(outboxEvents.seq, param("after")))
        .orderBy(asc(outboxEvents.seq))
        .limit(EVENT_BATCH)
        .prepare(),
    );
    // No active webhook gets an event at or before its from_seq: those are skipped unread.
    const floorOf = prepared(tx, "fanout-floor", () =>
      tx
        .select({ seq: min(webhooks.fromSeq) })
        .from(webhooks)
        .where(eq(webhooks.isActive, true))
        .prepare(),
    );
    const [floor] = await floorOf.all();
    if (floor?.seq == null) return 0;
    const after = Math.max(cursor.value, floor.seq);
    const events = await eventsAfter.all({ after });
    if (events.length === 0) {
      if (after > cursor.value) await moveCursor(tx, after);
      return 0;
    }

    const tenantIds = [...new Set(events.map((event) => event.tenantId))];
    const hooks = await tx
      .select({
        id: webhooks.id,
        tenantId: webhooks.tenantId,
        events: webhooks.events,
        fromSeq: webhooks.fromSeq,
      })
      .from(webhooks)
      .where(and(eq(webhooks.isActive, true), inArray(webhooks.tenantId, tenantIds)));
    const byTenant = Map.groupBy(hooks, (hook) => hook.tenantId);

    const rows: DeliveryRow[] = [];
    let consumed = 0;
    for (const event of events) {
      if (rows.length >= MAX_DELIVERIES) break;
      consumed++;
      for (const hook of byTenant.get(event.tenantId) ?? []) {
        const row = deliveryOf(event, hook, now);
        if (row) rows.push(row);
      }
    }
    // One prepared insert a row: building a multi-row insert cost more than running it.
    for (const row of rows) await insertValues(tx, webhookDeliveries, row);
    await moveCursor(tx, events[consumed - 1].seq);
    return consumed;
  });
}

type DeliveryRow = typeof webhookDeliveries.$inferInsert;
type FannedEvent = Pick<
  typeof outboxEvents.$inferSelect,
  "seq" | "id" | "tenantId" | "eventType" | "entityType" | "entityId"
>;
type FanOutTarget = Pick<typeof webhooks.$inferSelect, "id" | "events" | "fromSeq">;

/** The delivery of `event` to `hook`, or null when the hook does not take it. */
function deliveryOf(event: FannedEvent, hook: FanOutTarget, now: Date): DeliveryRow | null {
  if (hook.fromSeq >= event.seq || !matchesSubscription(hook.events, event.eventType)) return null;
  return {
    id: newId(),
    tenantId: event.tenantId,
    webhookId: hook.id,
    eventId: event.id,
    eventType: event.eventType,
    eventSeq: event.seq,
    entityKey: entityKey(event.entityType, event.entityId),
    status: "pending",
    nextAttemptAt: now,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Records, in the caller's transaction, that a webhook about to become
 * inactive is owed the events it subscribed to that fan-out has not reached
 * yet: they were committed while it was active, and fan-out only serves
 * active webhooks, so it would pass them by. One row, whatever the backlog:
 * catchUp turns it into deliveries a page at a time, and like the
 * deliveries queued before, they wait for the webhook to be active again.
 */
export async function fanOutBeforeDeactivation(
  tx: WriteTx,
  hook: FanOutTarget & Pick<typeof webhooks.$inferSelect, "tenantId">,
  now: Date,
): Promise<void> {
  const [row] = await tx
    .select({
      cursor: sql<number>`coalesce((select ${counters.value} from ${counters} where ${counters.name} = ${FANOUT_CURSOR}), 0)`,
      latest: max(outboxEvents.seq),
    })
    .from(outboxEvents);
  const after = Math.max(Number(row?.cursor ?? 0), hook.fromSeq);
  const through = Number(row?.latest ?? 0);
  if (through <= after) return;
  await tx
    .insert(webhookCatchups)
    .values({
      webhookId: hook.id,
      tenantId: hook.tenantId,
      events: hook.events,
      afterSeq: after,
      throughSeq: through,
      createdAt: now,
    })
    .onConflictDoNothing();
}

/**
 * One page of the oldest catch-up: the deliveries of up to `pageSize`
 * of its events, and the row moved past them (deleted once through), in
 * one transaction, so each event is queued exactly once. Returns the
 * number of events read (0: nothing to catch up).
 */
export async function catchUp(
  db: Database,
  now: Date,
  pageSize: number = CATCH_UP_PAGE,
): Promise<number> {
  return db.transaction(async (tx) => {
    const [owed] = await tx
      .select()
      .from(webhookCatchups)
      .orderBy(
        asc(webhookCatchups.createdAt),
        asc(webhookCatchups.webhookId),
        asc(webhookCatchups.throughSeq),
      )
      .limit(1);
    if (!owed) return 0;
    const row = and(
      eq(webhookCatchups.webhookId, owed.webhookId),
      eq(webhookCatchups.throughSeq, owed.throughSeq),
    );
    const events = await tx
      .select(FANNED_EVENT)
      .from(outboxEvents)
      .where(
        and(
          eq(outboxEvents.tenantId, owed.tenantId),
          gt(outboxEvents.seq, owed.afterSeq),
          lte(outboxEvents.seq, owed.throughSeq),
        ),
      )
      .orderBy(asc(outboxEvents.seq))
      .limit(pageSize);
    const [hook] = await tx
      .select({ id: webhooks.id })
      .from(webhooks)
      .where(eq(webhooks.id, owed.webhookId));
    // A deleted webhook is owed nothing.
    if (hook)
      for (const event of events) {
        const target = { id: owed.webhookId, events: owed.events, fromSeq: owed.afterSeq };
        const delivery = deliveryOf(event, target, now);
        if (delivery) await insertValues(tx, webhookDeliveries, delivery);
      }
    if (!hook || events.length < pageSize) await tx.delete(webhookCatchups).where(row);
    else
      await tx
        .update(webhookCatchups)
        .set({ afterSeq: events[events.length - 1].seq })
        .where(row);
    return Math.max(events.length, 1);
  });
}

const moveCursor = (tx: WriteTx, seq: number) =>
  tx.update(counters).set({ value: seq }).where(eq(counters.name, FANOUT_CURSOR));
