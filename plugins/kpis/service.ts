import { and, count, eq, gte, isNull, lt, type SQL, sql, sum } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { ReadDb } from "../../db/client";
import { deals, leads, tasks, tenantDealTotals } from "../../db/schema";
import type { AppContext } from "../../src/core";
import type { KpiView, PeriodName } from "./model";

const DAY = 86_400_000;

export interface Range {
  start: Date;
  /** Start of the next period (exclusive). */
  end: Date;
}

/** The current calendar period containing `now`, in UTC; weeks start Monday 00:00. */
export function periodRange(period: PeriodName, now: Date): Range {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  switch (period) {
    case "week": {
      const sinceMonday = (now.getUTCDay() + 6) % 7;
      const start = Date.UTC(y, m, now.getUTCDate() - sinceMonday);
      return { start: new Date(start), end: new Date(start + 7 * DAY) };
    }
    case "month":
      return { start: new Date(Date.UTC(y, m, 1)), end: new Date(Date.UTC(y, m + 1, 1)) };
    case "quarter": {
      const first = m - (m % 3);
      return { start: new Date(Date.UTC(y, first, 1)), end: new Date(Date.UTC(y, first + 3, 1)) };
    }
    case "year":
      return { start: new Date(Date.UTC(y, 0, 1)), end: new Date(Date.UTC(y + 1, 0, 1)) };
  }
}

const within = (column: SQLiteColumn, range: Range) =>
  and(gte(column, range.start), lt(column, range.end));

/** Live rows of the tenant: matches the partial indexes, so the aggregates read only them. */
const live = (table: typeof deals | typeof leads | typeof tasks, tenantId: string) =>
  and(eq(table.tenantId, tenantId), isNull(table.deletedAt));

/** `(subquery)` as a column of the outer aggregate, so each table costs one query. */
const scalar = (query: SQL | { getSQL(): SQL }) => sql<number>`coalesce((${query}), 0)`;

/**
 * One aggregate query per table; every part is a plain range count or sum
 * over a partial index that holds exactly the rows it needs (see
 * db/schema/sales.ts), so no row is read and nothing is evaluated per row.
 * Deals: a count per status over deals_tenant_status_idx (cheaper than one
 * CASE per row), open value from the same index, won value from
 * deals_tenant_won_idx (won deals only, hence the literal 'won').
 */
export function kpiQueries(db: ReadDb, tenantId: string, range: Range, now: Date) {
  const createdWith = (status: "won" | "lost") =>
    db
      .select({ n: count() })
      .from(deals)
      .where(and(live(deals, tenantId), eq(deals.status, status), within(deals.createdAt, range)));
  // Kept by triggers on deals (db/migrations/0610): no sum over every open deal.
  const openValue = db
    .select({ v: tenantDealTotals.openValue })
    .from(tenantDealTotals)
    .where(eq(tenantDealTotals.tenantId, tenantId));
  const wonValue = db
    .select({ v: sum(deals.value) })
    .from(deals)
    .where(and(live(deals, tenantId), sql`${deals.status} = 'won'`, within(deals.wonAt, range)));
  const qualified = db
    .select({ n: count() })
    .from(leads)
    .where(and(live(leads, tenantId), within(leads.qualifiedAt, range)));
  const overdue = db
    .select({ n: count() })
    .from(tasks)
    .where(and(live(tasks, tenantId), eq(tasks.status, "pending"), lt(tasks.dueAt, now)));
  return {
    leads: db
      .select({ total: count(), qualified: scalar(qualified) })
      .from(leads)
      .where(and(live(leads, tenantId), within(leads.createdAt, range))),
    deals: db
      .select({
        open: count(),
        won: scalar(createdWith("won")),
        lost: scalar(createdWith("lost")),
        value: scalar(openValue),
        wonValue: scalar(wonValue),
      })
      .from(deals)
      .where(and(live(deals, tenantId), eq(deals.status, "open"), within(deals.createdAt, range))),
    tasks: db
      .select({ total: count(), overdue: scalar(overdue) })
      .from(tasks)
      .where(and(live(tasks, tenantId), within(tasks.createdAt, range))),
  };
}

/** part / whole × 100, one decimal; 0 when whole is 0. */
const rate = (part: number, whole: number) =>
  whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;

/**
 * A tenant's KPIs are computed at most once a second while the database is
 * unchanged: a dashboard polling them, or many, costs one aggregate, and
 * `generated_at` says when it was made. (`tasks.overdue` moves with time
 * alone, hence the second.)
 */
const FRESH_MS = 1000;

export function kpis(ctx: AppContext, tenantId: string, period: PeriodName): Promise<KpiView> {
  return ctx.cache.get(
    ctx.db,
    `kpis|${tenantId}|${period}`,
    () => computeKpis(ctx, tenantId, period),
    {
      maxAgeMs: FRESH_MS,
      nowMs: ctx.clock.now().getTime(),
    },
  );
}

async function computeKpis(
  ctx: AppContext,
  tenantId: string,
  period: PeriodName,
): Promise<KpiView> {
  const now = ctx.clock.now();
  const range = periodRange(period, now);
  const queries = kpiQueries(ctx.db.read, tenantId, range, now);
  // Off the event loop: at a million deals these take tens of milliseconds,
  // which would stall every other request in the process.
  const [[lead], [deal], [task]] = await Promise.all([
    ctx.db.offload<{ total: number; qualified: number }>(queries.leads),
    ctx.db.offload<{ open: number; won: number; lost: number; value: number; wonValue: number }>(
      queries.deals,
    ),
    ctx.db.offload<{ total: number; overdue: number }>(queries.tasks),
  ]);
  const n = Number;
  return {
    period,
    period_start: range.start.toISOString(),
    generated_at: now.toISOString(),
    leads: {
      total: n(lead.total),
      qualified: n(lead.qualified),
      qualification_rate: rate(n(lead.qualified), n(lead.total)),
    },
    deals: {
      // status is one of open | won | lost
      total: n(deal.open) + n(deal.won) + n(deal.lost),
      open: n(deal.open),
      won: n(deal.won),
      lost: n(deal.lost),
      win_rate: rate(n(deal.won), n(deal.won) + n(deal.lost)),
    },
    pipeline: { value: n(deal.value), won_value: n(deal.wonValue) },
    tasks: { total: n(task.total), overdue: n(task.overdue) },
  };
}
