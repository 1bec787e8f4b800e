import { and, asc, count, eq, inArray, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import type { ReadDb } from "../../db/client";
import { businessHours, deals, leads, pipelines, stages } from "../../db/schema";
import { businessClock, calendarOf, wallClock } from "../../src/core";
import type { PipelineType } from "./model";
import { OPEN_LEAD_STATUSES } from "./placement";
import { pipelineView } from "./service";
import { type StageRow, stagesOf } from "./stages";

const HOUR_MS = 3_600_000;

interface StageStats {
  count: number;
  value: number;
  avgMs: number | null;
  pastSla: number;
}

/**
 * Per stage with an SLA, the latest stage entry already past it at `now`: a
 * record is past SLA from the millisecond its sla.breach is due, counted in
 * the tenant's business hours when it has them (the SLA job's clock and
 * target, rounded to whole ms). As there, only open stages have SLA clocks,
 * and a target the calendar never reaches has no entry.
 */
async function pastSlaEntries(db: ReadDb, tenantId: string, stageRows: StageRow[], now: Date) {
  const latest = new Map<string, number>();
  const withSla = stageRows.flatMap((stage) =>
    stage.kind === "open" && stage.slaHours !== null && stage.slaHours > 0
      ? [{ id: stage.id, hours: stage.slaHours }]
      : [],
  );
  if (withSla.length === 0) return latest;
  const [hours] = await db.select().from(businessHours).where(eq(businessHours.tenantId, tenantId));
  const clock = hours ? businessClock(calendarOf(hours)) : wallClock;
  for (const stage of withSla) {
    const entry = clock.latestStart(now.getTime(), Math.round(stage.hours * HOUR_MS));
    if (entry !== Number.NEGATIVE_INFINITY) latest.set(stage.id, entry);
  }
  return latest;
}

/**
 * Per stage, over its open records of one table: count, total value, average
 * time in stage and how many are past the stage's SLA (entered at or before
 * the stage's entry in `pastSla`). One GROUP BY over the tenant's open rows.
 */
async function stageStats(
  db: ReadDb,
  table: typeof deals | typeof leads,
  open: SQL,
  value: SQL<number>,
  tenantId: string,
  now: Date,
  pastSla: Map<string, number>,
): Promise<Map<string, StageStats>> {
  const elapsed = sql`(${now.getTime()} - ${table.stageEnteredAt})`;
  // Each bound next to its column, so PostgreSQL types the parameters as the columns.
  const isPast = sql.join(
    [...pastSla].map(
      ([stageId, entry]) =>
        sql`(${table.stageId} = ${stageId} and ${table.stageEnteredAt} <= ${entry})`,
    ),
    sql` or `,
  );
  const rows = await db
    .select({
      stageId: table.stageId,
      count: count(),
      value,
      avgMs: sql<number | null>`avg(${elapsed})`,
      pastSla: pastSla.size
        ? sql<number>`coalesce(sum(case when ${isPast} then 1 else 0 end), 0)`
        : sql<number>`0`,
    })
    .from(table)
    .innerJoin(stages, eq(stages.id, table.stageId))
    .where(and(eq(table.tenantId, tenantId), open, isNull(table.deletedAt)))
    .groupBy(table.stageId);
  return new Map(
    rows.map((r) => [
      r.stageId as string,
      { count: r.count, value: Number(r.value), avgMs: r.avgMs, pastSla: Number(r.pastSla) },
    ]),
  );
}

const openDealStats = (db: ReadDb, tenantId: string, now: Date, pastSla: Map<string, number>) =>
  stageStats(
    db,
    deals,
    eq(deals.status, "open"),
    sql<number>`coalesce(sum(${deals.value}), 0)`,
    tenantId,
    now,
    pastSla,
  );

const openLeadStats = (db: ReadDb, tenantId: string, now: Date, pastSla: Map<string, number>) =>
  stageStats(
    db,
    leads,
    and(inArray(leads.status, OPEN_LEAD_STATUSES), isNotNull(leads.stageId)) as SQL,
    sql<number>`0`,
    tenantId,
    now,
    pastSla,
  );

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * seed 001's `GET /pipeline`: every live pipeline of the `shown` types with
 * its stages and, per stage, the figures over its open deals (sales) or open
 * leads (qualification).
 */
export async function pipelineOverview(
  db: ReadDb,
  tenantId: string,
  shown: readonly PipelineType[],
  now: Date,
) {
  const rows = await db
    .select()
    .from(pipelines)
    .where(
      and(
        eq(pipelines.tenantId, tenantId),
        shown.length ? inArray(pipelines.pipelineType, [...shown]) : sql`1 = 0`,
        isNull(pipelines.deletedAt),
      ),
    )
    .orderBy(asc(pipelines.pipelineType), asc(pipelines.createdAt), asc(pipelines.id));
  const types = new Set(rows.map((r) => r.pipelineType));
  const stageRows = await stagesOf(
    db,
    tenantId,
    rows.map((r) => r.id),
  );
  const pastSla = await pastSlaEntries(db, tenantId, [...stageRows.values()].flat(), now);
  const [salesStats, leadStats] = await Promise.all([
    types.has("sales") ? openDealStats(db, tenantId, now, pastSla) : new Map<string, StageStats>(),
    types.has("qualification")
      ? openLeadStats(db, tenantId, now, pastSla)
      : new Map<string, StageStats>(),
  ]);
  return {
    pipelines: rows.map((row) => {
      const stats = row.pipelineType === "sales" ? salesStats : leadStats;
      const { stages: stageViews, ...pipeline } = pipelineView(row, stageRows.get(row.id) ?? []);
      const withStats = stageViews.map((stage) => {
        const s = stats.get(stage.id);
        return {
          ...stage,
          count: s?.count ?? 0,
          value: s?.value ?? 0,
          avg_time_in_stage_hours: s?.avgMs != null ? round2(s.avgMs / HOUR_MS) : null,
          past_sla_count: s?.pastSla ?? 0,
        };
      });
      return {
        ...pipeline,
        stages: withStats,
        count: withStats.reduce((sum, s) => sum + s.count, 0),
        value: withStats.reduce((sum, s) => sum + s.value, 0),
      };
    }),
  };
}
