import {
  and,
  asc,
  eq,
  gt,
  gte,
  inArray,
  isNull,
  lt,
  lte,
  notExists,
  type SQL,
  sql,
} from "drizzle-orm";
import { slaEmissions, tasks } from "../../db/schema";
import { type AppContext, EVERY_MINUTE, type JobDefinition, type ReadDb } from "../../src/core";
import { resyncTasks, type TaskRow, taskView } from "../tasks";
import {
  committedSyncSeq,
  type DuePoint,
  type EventSource,
  emitDue,
  forEachChanged,
} from "./emissions";

interface OverdueState {
  /** Rows with a higher sync_seq changed after the last run. */
  seq: number;
}

const point = (row: { id: string; tenantId: string; dueAt: Date }): DuePoint => ({
  tenantId: row.tenantId,
  entityType: "task",
  entityId: row.id,
  eventType: "task.overdue",
  policy: "task_due",
  stageId: "",
  anchorAt: row.dueAt.getTime(),
  dueAt: row.dueAt.getTime(),
});

/** Overdue tasks as the API shows them at `now`. */
const overdueSource = (now: Date): EventSource<TaskRow> => ({
  async load(tx, points) {
    const ids = points.map((p) => p.entityId);
    const rows = await tx.select().from(tasks).where(inArray(tasks.id, ids));
    return new Map(rows.map((row) => [row.id, row]));
  },
  // Still pending, not deleted, and still due at the same time: a completed or rescheduled task emits nothing.
  event(p, row) {
    if (row.status !== "pending" || row.deletedAt || row.dueAt?.getTime() !== p.anchorAt)
      return null;
    return { data: taskView(row, now), metadata: { due_at: new Date(p.dueAt).toISOString() } };
  },
  // is_overdue turned true: the task moves in the since / cursor feeds with its event.
  async touch(tx, ids, at) {
    const rows = await resyncTasks(tx, ids, at);
    return new Map(rows.map((row) => [row.id, row]));
  },
});

const due = { id: tasks.id, tenantId: tasks.tenantId, dueAt: tasks.dueAt, syncSeq: tasks.syncSeq };

/**
 * Not emitted yet for its due time: no task.overdue claim in sla_emissions
 * (a probe on sla_emissions_clock_idx). The rows an earlier run emitted, and
 * moved in the sync feeds by doing so, are not read again by the next run.
 */
const notClaimed = (db: ReadDb) =>
  notExists(
    db
      .select({ one: sql`1` })
      .from(slaEmissions)
      .where(
        and(
          eq(slaEmissions.entityId, tasks.id),
          eq(slaEmissions.eventType, "task.overdue"),
          eq(slaEmissions.policy, "task_due"),
          eq(slaEmissions.stageId, ""),
          eq(slaEmissions.anchorAt, tasks.dueAt),
        ),
      ),
  );

const pending = and(eq(tasks.status, "pending"), isNull(tasks.deletedAt));

/** Pending tasks not yet emitted whose due_at is before `now` (and at or after `since`): tasks_due_idx. */
export const dueWindowQuery = (db: ReadDb, since: Date | null, now: Date) =>
  db
    .select(due)
    .from(tasks)
    .where(
      and(
        pending,
        since ? gte(tasks.dueAt, since) : undefined,
        lt(tasks.dueAt, now),
        notClaimed(db),
      ) as SQL,
    );

/** A page of the tasks written in (after, to] not yet emitted for their due time: tasks_seq_idx. */
export const changedTasksQuery = (db: ReadDb, after: number, to: number, limit: number) =>
  db
    .select({ ...due, status: tasks.status, deletedAt: tasks.deletedAt })
    .from(tasks)
    .where(and(gt(tasks.syncSeq, after), lte(tasks.syncSeq, to), notClaimed(db)))
    .orderBy(asc(tasks.syncSeq))
    .limit(limit);

/**
 * Finds the pending tasks that passed their due time since the last run:
 * those whose due_at is in [since, now) (index tasks_due_idx), plus those
 * written since the last run with a due_at already past (created overdue,
 * reopened, rescheduled into the past). On the first run ever: every
 * pending task already past due, once each. Past due is `due_at < now`, as
 * the API's `is_overdue` and `status=overdue` say: at its due millisecond a
 * task is due, not yet overdue (the spans [since, now) of successive runs
 * leave no gap, since `since` is the last run's `now`). Tasks already
 * emitted for their due time are left out by the queries themselves.
 */
async function findOverdue(
  ctx: AppContext,
  since: Date | null,
  now: Date,
  fromSeq: number | null,
  toSeq: number,
) {
  const db = ctx.db.primaryRead;
  const points: DuePoint[] = [];
  for (const row of await dueWindowQuery(db, since, now))
    if (row.dueAt) points.push(point({ ...row, dueAt: row.dueAt }));
  if (since && fromSeq !== null) {
    await forEachChanged(
      fromSeq,
      toSeq,
      (after, to, limit) => changedTasksQuery(db, after, to, limit),
      (rows) => {
        for (const row of rows)
          if (row.status === "pending" && !row.deletedAt && row.dueAt && row.dueAt < now)
            points.push(point({ ...row, dueAt: row.dueAt }));
      },
    );
  }
  return points;
}

/** task.overdue: once per pending task (and due time) when it passes its due time. */
export const overdueJob = (ctx: AppContext): JobDefinition => ({
  name: "task_overdue",
  cron: EVERY_MINUTE,
  async run({ now, since, state }) {
    // The primary: a replica's read after a primary's high-water mark could miss rows for good.
    const toSeq = await committedSyncSeq(ctx.db.primaryRead);
    const fromSeq = (state as OverdueState | null)?.seq ?? null;
    const points = await findOverdue(ctx, since, now, fromSeq, toSeq);
    const emitted = await emitDue(ctx, points, overdueSource(now), now);
    // considered: overdue tasks not yet emitted that this run read (a task completed meanwhile emits nothing).
    if (points.length)
      ctx.logger.info("task.overdue emitted", { considered: points.length, events: emitted });
    return { state: { seq: toSeq } satisfies OverdueState, events: emitted };
  },
});
