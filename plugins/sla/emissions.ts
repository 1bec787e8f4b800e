import { eq } from "drizzle-orm";
import type { WriteTx } from "../../db/client";
import { counters, slaEmissions } from "../../db/schema";
import { type AppContext, type EventCounts, emit, newId, type ReadDb } from "../../src/core";

export type ScheduledEventType = "sla.warning" | "sla.breach" | "task.overdue";
export type PolicyKind = "stage_sla" | "first_response" | "task_due";

/** One point of one clock that has passed: emitted at most once, ever. */
export interface DuePoint {
  tenantId: string;
  entityType: "deal" | "lead" | "task";
  entityId: string;
  eventType: ScheduledEventType;
  policy: PolicyKind;
  /** The stage whose clock this is; '' when the clock is not per stage. */
  stageId: string;
  /** What identifies the clock: stage_entered_at, created_at (first response) or due_at (tasks). */
  anchorAt: number;
  /** When the point passed. */
  dueAt: number;
}

/**
 * How a job turns due points into events: `load` reads the entities of a batch
 * inside the emitting transaction (so a record completed or moved meanwhile is
 * seen as it is now), `event` checks the point still applies to that row and
 * builds the event, or answers null.
 */
export interface EventSource<Row> {
  load(tx: WriteTx, points: DuePoint[]): Promise<Map<string, Row>>;
  event(point: DuePoint, row: Row): { data: unknown; metadata: Record<string, unknown> } | null;
  /**
   * When the event changes what the entity's API view shows (a task's
   * `is_overdue`): moves the rows of the points just claimed in the sync
   * feeds, in the emitting transaction, and returns them as now stored; the
   * events are built from those.
   */
  touch?(tx: WriteTx, ids: string[], now: Date): Promise<Map<string, Row>>;
}

const BATCH = 250;
const ORDER: Record<ScheduledEventType, number> = {
  "sla.warning": 0,
  "sla.breach": 1,
  "task.overdue": 2,
};

const clockKey = (p: DuePoint) =>
  `${p.entityId}|${p.eventType}|${p.policy}|${p.stageId}|${p.anchorAt}`;

/** Due points in the order they passed (a warning before its breach), each once. */
export function orderPoints(points: DuePoint[]): DuePoint[] {
  const unique = new Map(points.map((p) => [clockKey(p), p]));
  return [...unique.values()].sort(
    (a, b) =>
      a.dueAt - b.dueAt ||
      ORDER[a.eventType] - ORDER[b.eventType] ||
      a.entityId.localeCompare(b.entityId),
  );
}

/**
 * Emits the events of `points` in batches, one transaction each. Each event
 * first claims its clock key in sla_emissions; a key already claimed (by an
 * earlier tick, another instance, or a run that crashed after committing)
 * emits nothing. Returns how many events of each type were emitted.
 */
export async function emitDue<Row>(
  ctx: AppContext,
  points: DuePoint[],
  source: EventSource<Row>,
  now: Date,
): Promise<EventCounts> {
  const ordered = orderPoints(points);
  const emitted: EventCounts = {};
  for (let i = 0; i < ordered.length; i += BATCH) {
    // The driver runs synchronously: between batches, let requests in, so a
    // large catch-up (first start on a big database) never stalls the API.
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    const batch = ordered.slice(i, i + BATCH);
    const written = await ctx.write(async (tx) => {
      // What a batch changes carries the time it runs, not the tick's: a batch of a long
      // catch-up commits after writes stamped since the tick began, and change times must
      // follow commit order for pollers of `since` (src/writes.ts, writeScope).
      const at = ctx.clock.now();
      const rows = await source.load(tx, batch);
      const events = batch.flatMap((point) => {
        const row = rows.get(point.entityId);
        const event = row === undefined ? null : source.event(point, row);
        return event ? [{ point, ...event }] : [];
      });
      const claimed = await claim(
        tx,
        events.map((e) => e.point),
        now,
      );
      const fresh = events.filter((e) => claimed.has(clockKey(e.point)));
      const touched = source.touch
        ? await source.touch(tx, [...new Set(fresh.map((e) => e.point.entityId))], at)
        : null;
      const types: string[] = [];
      for (const { point, ...built } of fresh) {
        const row = touched?.get(point.entityId);
        const { data, metadata } = (row === undefined ? null : source.event(point, row)) ?? built;
        await emit(tx, {
          tenantId: point.tenantId,
          type: point.eventType,
          data,
          metadata,
          entityType: point.entityType,
          entityId: point.entityId,
          occurredAt: at,
        });
        types.push(point.eventType);
      }
      return types;
    });
    for (const type of written) emitted[type] = (emitted[type] ?? 0) + 1;
  }
  return emitted;
}

/** Claims the points' clock keys; returns the keys this call claimed (not claimed before). */
async function claim(tx: WriteTx, points: DuePoint[], now: Date): Promise<Set<string>> {
  if (points.length === 0) return new Set();
  const claimed = await tx
    .insert(slaEmissions)
    .values(
      points.map((point) => ({
        id: newId(),
        tenantId: point.tenantId,
        entityType: point.entityType,
        entityId: point.entityId,
        eventType: point.eventType,
        policy: point.policy,
        stageId: point.stageId,
        anchorAt: new Date(point.anchorAt),
        dueAt: new Date(point.dueAt),
        emittedAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning({
      entityId: slaEmissions.entityId,
      eventType: slaEmissions.eventType,
      policy: slaEmissions.policy,
      stageId: slaEmissions.stageId,
      anchorAt: slaEmissions.anchorAt,
    });
  return new Set(
    claimed.map((c) => clockKey({ ...c, anchorAt: c.anchorAt.getTime() } as DuePoint)),
  );
}

/** The global sync sequence as committed now: rows with a higher sync_seq changed after this read. */
export async function committedSyncSeq(db: ReadDb): Promise<number> {
  const [row] = await db
    .select({ value: counters.value })
    .from(counters)
    .where(eq(counters.name, "sync"));
  return row?.value ?? 0;
}

/**
 * Visits the rows whose sync_seq is in (from, to], oldest change first, in
 * pages: `page(after, to, limit)` must select on sync_seq alone so the
 * sync_seq index serves it.
 */
export async function forEachChanged<R extends { syncSeq: number }>(
  from: number,
  to: number,
  page: (after: number, to: number, limit: number) => Promise<R[]>,
  visit: (rows: R[]) => void,
): Promise<void> {
  const limit = 2000;
  for (let after = from; after < to; ) {
    const rows = await page(after, to, limit);
    if (rows.length === 0) return;
    visit(rows);
    after = rows[rows.length - 1].syncSeq;
    if (rows.length < limit) return;
  }
}
