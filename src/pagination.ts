import { and, asc, count, desc, eq, gt, gte, isNull, type SQL } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { type TSchema, t } from "elysia";
import type { Database } from "../db/client";
import { invalid } from "./errors";

/** Query parameters every list accepts (seed 001 plus keyset `cursor`). */
// `title` names the field: Elysia checks coerced query numbers on their own
// and its range errors lose the path, which fieldErrors restores from it.
export const pageQuery = {
  page: t.Optional(
    t.Integer({ title: "page", minimum: 1, default: 1, description: "Page number (default 1)" }),
  ),
  page_size: t.Optional(
    t.Integer({
      title: "page_size",
      minimum: 1,
      maximum: 500,
      default: 50,
      description: "Items per page (1-500, default 50)",
    }),
  ),
  since: t.Optional(
    t.String({
      description:
        "ISO 8601 timestamp: rows updated at or after it, oldest change first, deletions included as tombstones (deleted_at set)",
    }),
  ),
  cursor: t.Optional(
    t.String({
      description:
        "Keyset cursor from a previous `next_cursor` (empty string: from the start). Rows come in change order, deletions included; stable while rows are written",
    }),
  ),
};

export interface PageQuery {
  page?: number;
  page_size?: number;
  since?: string;
  cursor?: string;
}

/** The list envelope of seed 001, plus `next_cursor` for keyset paging. */
export const listResponse = <T extends TSchema>(name: string, item: T) =>
  t.Object({
    [name]: t.Array(item),
    total: t.Integer(),
    page: t.Integer(),
    page_size: t.Integer(),
    has_more: t.Boolean(),
    next_cursor: t.Union([t.String(), t.Null()]),
  });

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  page_size: number;
  has_more: boolean;
  next_cursor: string | null;
}

/** Parses an ISO 8601 timestamp from a query or body field, or answers 422 at `path`. */
export function parseTime(value: string, path: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value))
    throw invalid(path, "must be an ISO 8601 timestamp, e.g. 2026-01-10T00:00:00Z");
  // A time without an offset is UTC (never the server's local zone).
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(value);
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : hasZone ? value : `${value}Z`);
  if (Number.isNaN(date.getTime())) throw invalid(path, "is not a valid date");
  return date;
}

export const encodeCursor = (seq: number): string => Buffer.from(`s:${seq}`).toString("base64url");

export function decodeCursor(cursor: string): number {
  if (cursor === "") return 0;
  const text = Buffer.from(cursor, "base64url").toString();
  const match = /^s:(\d+)$/.exec(text);
  if (!match) throw invalid("/cursor", "is not a cursor returned by this API");
  return Number(match[1]);
}

/**
 * `total` per distinct count query, valid while the database is unchanged
 * (SQLite's data_version moves on any commit, from any process), so a list
 * read under no writes costs no COUNT.
 */
export class CountCache {
  private version: number | null = null;
  private counts = new Map<string, number>();

  async get(
    db: Database,
    query: { toSQL(): { sql: string; params: unknown[] } },
    run: () => Promise<number>,
  ) {
    const version = db.dataVersion();
    if (version === null) return run();
    if (version !== this.version) {
      this.version = version;
      this.counts.clear();
    }
    const { sql, params } = query.toSQL();
    const key = `${sql}\u0000${JSON.stringify(params)}`;
    const cached = this.counts.get(key);
    if (cached !== undefined) return cached;
    const value = await run();
    if (this.counts.size > 10_000) this.counts.clear();
    this.counts.set(key, value);
    return value;
  }
}

/** Columns a table needs to be listed and synced. */
export type SyncedTable = SQLiteTable & {
  id: SQLiteColumn;
  tenantId: SQLiteColumn;
  createdAt: SQLiteColumn;
  updatedAt: SQLiteColumn;
  deletedAt: SQLiteColumn;
  syncSeq: SQLiteColumn;
};

/** An append-only table (the activity log): rows never change, so `created_at` is their change time. */
export type AppendOnlyTable = SQLiteTable & {
  id: SQLiteColumn;
  tenantId: SQLiteColumn;
  createdAt: SQLiteColumn;
  syncSeq: SQLiteColumn;
};

export interface ListQueryOptions {
  db: Database;
  table: SyncedTable | AppendOnlyTable;
  tenantId: string;
  filters: Array<SQL | undefined>;
  query: PageQuery;
  /** Order of a plain (non-sync) list; default newest first. */
  order?: SQL[];
}

export interface ListOptions<Row, Out> extends ListQueryOptions {
  counts: CountCache;
  map: (row: Row) => Out;
}

/**
 * The page and count queries of a list, unexecuted (listPage runs them; the
 * index test explains them). Plain lists skip deleted rows, newest first;
 * with `since` or `cursor` the list is a change feed: oldest change first,
 * tombstones included.
 */
export function buildListQueries(opts: ListQueryOptions) {
  const { db, table, query } = opts;
  const page = query.page ?? 1;
  const pageSize = query.page_size ?? 50;
  const syncMode = query.since !== undefined || query.cursor !== undefined;
  const since = query.since !== undefined ? parseTime(query.since, "/since") : undefined;
  const afterSeq = query.cursor !== undefined ? decodeCursor(query.cursor) : undefined;
  const changedAt = "updatedAt" in table ? table.updatedAt : table.createdAt;
  const deletedAt = "deletedAt" in table ? table.deletedAt : undefined;

  const base = and(
    eq(table.tenantId, opts.tenantId),
    ...opts.filters,
    syncMode || !deletedAt ? undefined : isNull(deletedAt),
    since ? gte(changedAt, since) : undefined,
  );
  const where = afterSeq ? and(base, gt(table.syncSeq, afterSeq)) : base;
  const order = syncMode
    ? [asc(table.syncSeq)]
    : (opts.order ?? [desc(table.createdAt), desc(table.id)]);
  return {
    page: afterSeq !== undefined ? 1 : page,
    pageSize,
    syncMode,
    afterSeq,
    rows: db.read
      .select()
      .from(table)
      .where(where)
      .orderBy(...order)
      .limit(pageSize + 1)
      .offset(afterSeq !== undefined ? 0 : (page - 1) * pageSize),
    count: db.read.select({ n: count() }).from(table).where(base),
  };
}

/** One page of a tenant's rows (see buildListQueries), with `total` and `next_cursor`. */
export async function listPage<Row, Out>(opts: ListOptions<Row, Out>): Promise<Page<Out>> {
  const { rows: rowsQuery, count: countQuery, ...list } = buildListQueries(opts);
  const rows = (await rowsQuery) as Row[];
  const hasMore = rows.length > list.pageSize;
  if (hasMore) rows.pop();

  const total = await opts.counts.get(opts.db, countQuery, async () => {
    const [row] = (await countQuery) as Array<{ n: number }>;
    return row.n;
  });

  const last = rows[rows.length - 1] as { syncSeq?: number } | undefined;
  return {
    items: rows.map(opts.map),
    total,
    page: list.page,
    page_size: list.pageSize,
    has_more: hasMore,
    next_cursor: list.syncMode ? encodeCursor(last?.syncSeq ?? list.afterSeq ?? 0) : null,
  };
}
