import { and, count, eq, gte, isNull, lt, type SQL, sql, sum } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { ReadDb } from "../../db/client";
import { deals, leads, tasks } from "../../db/schema";
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

const countWhere = (condition: SQL) =>
  sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`;

/** `(subquery)` as a column of the outer aggregate, so each table costs one query. */
const scalar = (query: SQL | { getSQL(): SQL }) => sql<number>`coalesce((${query}), 0)`;

/**
 * One aggregate query per table. Each part is a range over a covering
 * partial index (see db/schema/sales.ts): never a loop over rows.
 */
export function kpiQueries(db: ReadDb, tenantId: string, range: Range, now: Date) {
  const qualified = db
    .select({ n: count() })
    .from(leads)
    .where(and(live(leads, tenantId), within(leads.qualifiedAt, range)));
  const openValue = db
    .select({ v: sum(deals.value) })
    .from(deals)
    .where(and(live(deals, tenantId), eq(deals.status, "open")));
  const wonValue = db
    .select({ v: sum(deals.value) })
    .from(deals)
    .where(and(live(deals, tenantId), eq(deals.status, "won"), within(deals.wonAt, range)));
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
        total: count(),
        open: countWhere(sql`${deals.status} = 'open'`),
        won: countWhere(sql`${deals.status} = 'won'`),
        lost: countWhere(sql`${deals.status} = 'lost'`),
        value: scalar(openValue),
        wonValue: scalar(wonValue),
      })
      .from(deals)
      .where(and(live(deals, tenantId), within(deals.createdAt, range))),
    tasks: db
      .select({ total: count(), overdue: scalar(overdue) })
      .from(tasks)
      .where(and(live(tasks, tenantId), within(tasks.createdAt, range))),
  };
}

/** part / whole × 100, one decimal; 0 when whole is 0. */
const rate = (part: number, whole: number) =>
  whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;

export async function kpis(
  ctx: AppContext,
  tenantId: string,
  period: PeriodName,
): Promise<KpiView> {
  const now = ctx.clock.now();
  const range = periodRange(period, now);
  const queries = kpiQueries(ctx.db.read, tenantId, range, now);
  const [lead] = await queries.leads;
  const [deal] = await queries.deals;
  const [task] = await queries.tasks;
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
      total: n(deal.total),
      open: n(deal.open),
      won: n(deal.won),
      lost: n(deal.lost),
      win_rate: rate(n(deal.won), n(deal.won) + n(deal.lost)),
    },
    pipeline: { value: n(deal.value), won_value: n(deal.wonValue) },
    tasks: { total: n(task.total), overdue: n(task.overdue) },
  };
}
