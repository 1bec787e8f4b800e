import type { TObject } from "@sinclair/typebox";
import {
  and,
  asc,
  count,
  desc,
  eq,
  getTableName,
  gt,
  gte,
  isNull,
  lt,
  lte,
  ne,
  type SQL,
  sql,
} from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { type TSchema, t } from "elysia";
import type { Database } from "../db/client";
import { compileRowMapper } from "../db/row-mapper";
import { counters } from "../db/schema";
import { invalid } from "./errors";
import { AssociationsField, JsonInteger } from "./fields";
import { readyJson } from "./http-conventions";
import { named } from "./openapi/schemas";
import { prepared } from "./prepared";
import type { ReadCache } from "./read-cache";

export const MAX_PAGE = 2_147_483_647;

/**
 * Query parameters every list accepts (seed 001 plus keyset `cursor`).
 * Plain integers: the core converts query strings strictly (strict-input.ts).
 * `page` stops where `(page - 1) * page_size` would leave SQLite's integers.
 */
export const pageQuery = {
  page: t.Optional(
    JsonInteger({
      minimum: 1,
      maximum: MAX_PAGE,
      default: 1,
      description: "Page number (default 1)",
    }),
  ),
  page_size: t.Optional(
    JsonInteger({
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

/**
 * The list envelope of seed 001, plus `next_cursor` for keyset paging.
 * Documented but not re-validated at run time (NoValidate): list items come
 * from typed view functions, and checking every field of 500 rows (a format
 * regex per timestamp) was the largest cost of a list request after SQLite.
 */
export const listResponse = <T extends TSchema>(
  name: string,
  item: T,
  itemName = singular(name),
  rowExtra?: TObject,
) =>
  t.NoValidate(
    named(
      `${itemName}List`,
      t.Object({
        [name]: t.Array(
          rowExtra ? t.Intersect([named(itemName, item), rowExtra]) : named(itemName, item),
        ),
        total: JsonInteger(),
        page: JsonInteger(),
        page_size: JsonInteger(),
        has_more: t.Boolean(),
        next_cursor: t.Union([t.String(), t.Null()]),
      }),
    ),
  );

/** A list whose rows carry their links with `include=associations`. */
export const linkedListResponse = <T extends TSchema>(name: string, item: T) =>
  listResponse(name, item, undefined, t.Object({ associations: AssociationsField }));

/** `deals` → `Deal`, `companies` → `Company`, `activity` → `Activity`: a list's item type name. */
const singular = (name: string) => {
  const one = name.replace(/ies$/, "y").replace(/s$/, "");
  return one.charAt(0).toUpperCase() + one.slice(1);
};

/** A page as the ready JSON answer of its list route (readyJson: neither cloned, checked nor read back). */
export const listJson = <T>(name: string, { items, ...page }: Page<T>): Response =>
  readyJson({ [name]: items, ...page }, page);

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  page_size: number;
  has_more: boolean;
  next_cursor: string | null;
}

/** Parses an ISO 8601 timestamp from a query or body field, or answers 422 at `path`. */
export function parseTime(given: string, path: string): Date {
  // A `+hh:mm` offset left unencoded in a query string arrives with a space for its `+`.
  const value = given.replace(
    /^(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?) (\d{2}:?\d{2})$/,
    "$1+$4",
  );
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value))
    throw invalid(path, "must be an ISO 8601 timestamp, e.g. 2026-01-10T00:00:00Z");
  // A time without an offset is UTC (never the server's local zone).
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(value);
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : hasZone ? value : `${value}Z`);
  if (Number.isNaN(date.getTime()) || !isCalendarDay(value.slice(0, 10)))
    throw invalid(path, "is not a valid date");
  return date;
}

/** `YYYY-MM-DD` names a day its month has: the Date parser rolls 2026-02-30 over to March 2. */
function isCalendarDay(ymd: string): boolean {
  const [year, month, day] = ymd.split("-").map(Number);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const encodeCursor = (seq: number): string => Buffer.from(`s:${seq}`).toString("base64url");

export function decodeCursor(cursor: string): number {
  if (cursor === "") return 0;
  const text = Buffer.from(cursor, "base64url").toString();
  const match = /^s:(\d+)$/.exec(text);
  const seq = match ? Number(match[1]) : Number.NaN;
  // Past what a sync number holds: no feed reaches it, and it would come back as s:1e+23.
  if (!Number.isSafeInteger(seq)) throw invalid("/cursor", "is not a cursor returned by this API");
  return seq;
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

/**
 * A list filter as data — column, operator, value — so a list can be
 * prepared once per shape and bound per request: building a drizzle query
 * costs more than running it on the hot list endpoints.
 */
export interface FieldFilter {
  column: SQLiteColumn;
  op: keyof typeof OPERATORS;
  value: unknown;
}

const OPERATORS = { eq, ne, gt, gte, lt, lte };

/**
 * A list filter of any SQL shape with bound values (a subquery on a side
 * index, as custom-field filters are): prepared once per `shape` too.
 */
export interface BoundFilter {
  /** Identifies the SQL apart from its values. */
  shape: string;
  values: unknown[];
  /** The condition, given each value as it is to be bound. */
  build: (bound: unknown[]) => SQL;
}

const isBoundFilter = (f: SQL | FieldFilter | BoundFilter | undefined): f is BoundFilter =>
  f !== undefined && "build" in f && "shape" in f;

/** A FieldFilter, or nothing when the query parameter was not given. */
export const filterBy = (
  column: SQLiteColumn,
  op: FieldFilter["op"],
  value: unknown,
): FieldFilter | undefined => (value === undefined ? undefined : { column, op, value });

const isFieldFilter = (f: SQL | FieldFilter | BoundFilter | undefined): f is FieldFilter =>
  f !== undefined && "op" in f && "column" in f;

/** The condition of one filter, its values bound as `bind` says. */
function condition(f: SQL | FieldFilter | BoundFilter | undefined, i: number, bind: Bind) {
  if (isFieldFilter(f)) return OPERATORS[f.op](f.column, bind(`f${i}`, f.value));
  if (isBoundFilter(f)) return f.build(f.values.map((v, j) => bind(`f${i}_${j}`, v)));
  return f;
}

export interface ListQueryOptions {
  db: Database;
  table: SyncedTable | AppendOnlyTable;
  tenantId: string;
  /** FieldFilters and BoundFilters (prepared once per shape) or any SQL condition. */
  filters: Array<SQL | FieldFilter | BoundFilter | undefined>;
  query: PageQuery;
  /** Order of a plain (non-sync) list; default newest first. */
  order?: SQL[];
}

export interface ListOptions<Row, Out> extends ListQueryOptions {
  /** Caches `total` until the next write. */
  cache: ReadCache;
  map: (row: Row) => Out;
}

/** Where a value goes into the SQL: inline, or as a named placeholder of a prepared statement. */
type Bind = (name: string, value: unknown) => unknown;
const inline: Bind = (_name, value) => value;
const placeholder: Bind = (name) => sql.placeholder(name);

/** Plain driver values for placeholders (prepared statements skip drizzle's column encoding). */
const driverValue = (value: unknown) =>
  value instanceof Date ? value.getTime() : typeof value === "boolean" ? Number(value) : value;

function listPlan(opts: ListQueryOptions) {
  const { query } = opts;
  const page = query.page ?? 1;
  const pageSize = query.page_size ?? 50;
  const since = query.since !== undefined ? parseTime(query.since, "/since") : undefined;
  const afterSeq = query.cursor !== undefined ? decodeCursor(query.cursor) : undefined;
  return {
    page: afterSeq !== undefined ? 1 : page,
    pageSize,
    syncMode: query.since !== undefined || query.cursor !== undefined,
    since,
    afterSeq,
    offset: afterSeq !== undefined ? 0 : (page - 1) * pageSize,
    /** A `since` page looks only at rows up to this sync_seq (see sincePage); undefined: no bound. */
    windowEnd: undefined as number | undefined,
  };
}
type ListPlan = ReturnType<typeof listPlan>;

function composeQueries(opts: ListQueryOptions, plan: ListPlan, bind: Bind) {
  const { db, table } = opts;
  const changedAt = "updatedAt" in table ? table.updatedAt : table.createdAt;
  const deletedAt = "deletedAt" in table ? table.deletedAt : undefined;
  const scope = and(
    eq(table.tenantId, bind("tenant", opts.tenantId)),
    ...opts.filters.map((f, i) => condition(f, i, bind)),
    plan.syncMode || !deletedAt ? undefined : isNull(deletedAt),
  );
  const base = plan.since ? and(scope, gte(changedAt, bind("since", plan.since))) : scope;
  // Inside raw SQL no column encodes the time: bind its driver value.
  const since = plan.since ? bind("since", plan.since.getTime()) : undefined;
  // A page of a `since` feed walks the sync_seq index, never sorting every
  // row changed since. Within a window (see sincePage) it filters as it
  // walks; otherwise it starts from the first row changed since, found
  // through the updated_at index.
  const sinceFloor = !since
    ? undefined
    : plan.windowEnd !== undefined
      ? and(
          sql`+${changedAt} >= ${since}`,
          sql`${table.syncSeq} <= ${bind("windowEnd", plan.windowEnd)}`,
        )
      : and(
          sql`+${changedAt} >= ${since}`,
          sql`${table.syncSeq} >= (select min(${table.syncSeq}) from ${table} where ${table.tenantId} = ${bind("tenant", opts.tenantId)} and ${changedAt} >= ${since})`,
        );
  const where = and(
    scope,
    sinceFloor,
    plan.afterSeq !== undefined ? gt(table.syncSeq, bind("after", plan.afterSeq)) : undefined,
  );
  const order = plan.syncMode
    ? [asc(table.syncSeq)]
    : (opts.order ?? [desc(table.createdAt), desc(table.id)]);
  return {
    rows: db.read
      .select()
      .from(table)
      .where(where)
      .orderBy(...order)
      .limit(bind("limit", plan.pageSize + 1) as number)
      .offset(bind("offset", plan.offset) as number),
    count: db.read.select({ n: count() }).from(table).where(base),
  };
}

/**
 * The page and count queries of a list, unexecuted, values inline (the index
 * test explains them). Plain lists skip deleted rows, newest first; with
 * `since` or `cursor` the list is a change feed: oldest change first,
 * tombstones included.
 */
export function buildListQueries(opts: ListQueryOptions, windowEnd?: number) {
  const plan = { ...listPlan(opts), windowEnd };
  return { ...plan, ...composeQueries(opts, plan, inline) };
}

/** A statement run with named values (a drizzle prepared query, or a raw bun:sqlite one). */
type Runner = (values: Record<string, unknown>) => Promise<unknown[]>;

interface PreparedList {
  shape: string;
  rows: Runner;
  count: Runner;
}
const preparedLists = new WeakMap<Database, Map<string, PreparedList>>();

type Composed = ReturnType<typeof composeQueries>;

/**
 * On an embedded file the statements run straight on the bun:sqlite read
 * connection and rows are decoded by a mapper compiled for the table;
 * elsewhere they are drizzle prepared queries.
 */
function runners(opts: ListQueryOptions, composed: Composed): Pick<PreparedList, "rows" | "count"> {
  const raw = opts.db.raw;
  if (!raw) {
    const rows = composed.rows.prepare();
    const count = composed.count.prepare();
    return {
      rows: async (values) => (await rows.all(values)) as unknown[],
      count: async (values) => (await count.all(values)) as unknown[],
    };
  }
  const statement = (query: { toSQL(): { sql: string; params: unknown[] } }) => {
    const { sql: text, params } = query.toSQL();
    // query(), not prepare(): the connection caches it and finalizes it on close.
    const stmt = raw.query(text);
    const names = params.map((p) => (p as { name?: string }).name);
    return (values: Record<string, unknown>) =>
      stmt.values(...(names.map((name, i) => (name ? values[name] : params[i])) as never[]));
  };
  const selectRows = statement(composed.rows);
  const selectCount = statement(composed.count);
  const toRow = compileRowMapper(opts.table);
  return {
    rows: async (values) => selectRows(values).map((row) => toRow(row as unknown[])),
    count: async (values) => selectCount(values).map((row) => ({ n: (row as unknown[])[0] })),
  };
}

/** The list's statements, prepared once per shape (table, mode, filter columns and operators). */
function preparedFor(opts: ListQueryOptions, plan: ListPlan): PreparedList {
  const filters = opts.filters as Array<FieldFilter | BoundFilter | undefined>;
  const shape = [
    getTableName(opts.table),
    plan.syncMode,
    plan.since !== undefined,
    plan.afterSeq !== undefined,
    plan.windowEnd !== undefined,
    ...filters.map((f) => (isBoundFilter(f) ? f.shape : f ? `${f.column.name}:${f.op}` : "-")),
  ].join("|");
  let byShape = preparedLists.get(opts.db);
  if (!byShape) {
    byShape = new Map();
    preparedLists.set(opts.db, byShape);
  }
  let prepared = byShape.get(shape);
  if (!prepared) {
    prepared = { shape, ...runners(opts, composeQueries(opts, plan, placeholder)) };
    byShape.set(shape, prepared);
  }
  return prepared;
}

async function runPrepared(opts: ListQueryOptions, plan: ListPlan, cache: ReadCache) {
  const prepared = preparedFor(opts, plan);
  const values: Record<string, unknown> = { tenant: opts.tenantId };
  opts.filters.forEach((f, i) => {
    if (isBoundFilter(f)) {
      for (const [j, v] of f.values.entries()) values[`f${i}_${j}`] = driverValue(v);
    } else if (f) values[`f${i}`] = driverValue((f as FieldFilter).value);
  });
  if (plan.since) values.since = plan.since.getTime();
  const countValues = { ...values };
  const countKey = `${prepared.shape}\u0000${JSON.stringify(countValues)}`;
  if (plan.afterSeq !== undefined) values.after = plan.afterSeq;
  if (plan.windowEnd !== undefined) values.windowEnd = plan.windowEnd;
  values.limit = plan.pageSize + 1;
  values.offset = plan.offset;
  const rows = await prepared.rows(values);
  const total = await cache.get(opts.db, countKey, async () => {
    const [row] = (await prepared.count(countValues)) as Array<{ n: number }>;
    return row.n;
  });
  return { rows, total };
}

async function runInline(opts: ListQueryOptions, plan: ListPlan, cache: ReadCache) {
  const { rows: rowsQuery, count: countQuery } = composeQueries(opts, plan, inline);
  const rows = (await rowsQuery) as unknown[];
  const { sql: text, params } = countQuery.toSQL();
  const total = await cache.get(opts.db, `${text}\u0000${JSON.stringify(params)}`, async () => {
    const [row] = (await countQuery) as Array<{ n: number }>;
    return row.n;
  });
  return { rows, total };
}

/**
 * Rows a `since` page walks in sync_seq order before it looks for its floor
 * instead. For an old `since` (a first sync) nearly every row qualifies and
 * the page fills within the window; finding the floor would mean reading
 * every row changed since (16 ms at 100,000 rows). For a recent `since` few
 * rows qualify, the window comes up short, and the floor is cheap.
 */
export const SINCE_WINDOW = 2000;

type Run = (opts: ListQueryOptions, plan: ListPlan, cache: ReadCache) => Promise<RunResult>;
interface RunResult {
  rows: unknown[];
  total: number;
}

/** A `since` page: within the next SINCE_WINDOW rows of the tenant when they fill it, else from its floor. */
async function sincePage(opts: ListQueryOptions, plan: ListPlan, cache: ReadCache, run: Run) {
  const windowEnd = await sinceWindowEnd(opts, plan);
  const windowed = await run(
    opts,
    { ...plan, windowEnd: windowEnd ?? Number.MAX_SAFE_INTEGER },
    cache,
  );
  if (windowEnd === null || windowed.rows.length > plan.pageSize) return windowed;
  return run(opts, plan, cache);
}

/** The sync_seq of the tenant's SINCE_WINDOW-th row after the cursor; null when fewer are left. */
async function sinceWindowEnd(opts: ListQueryOptions, plan: ListPlan): Promise<number | null> {
  const { db, table } = opts;
  const afterCursor = plan.afterSeq !== undefined;
  const query = prepared(db.read, `since-window:${getTableName(table)}:${afterCursor}`, () =>
    db.read
      .select({ seq: table.syncSeq })
      .from(table)
      .where(
        and(
          eq(table.tenantId, sql.placeholder("tenant")),
          afterCursor ? gt(table.syncSeq, sql.placeholder("after")) : undefined,
        ),
      )
      .orderBy(asc(table.syncSeq))
      .limit(1)
      .offset(SINCE_WINDOW - 1)
      .prepare(),
  );
  const [row] = (await query.all({ tenant: opts.tenantId, after: plan.afterSeq })) as Array<{
    seq: number;
  }>;
  return row?.seq ?? null;
}

/** One page of a tenant's rows, with `total` (cached until the next write) and `next_cursor`. */
export async function listPage<Row, Out>(opts: ListOptions<Row, Out>): Promise<Page<Out>> {
  const plan = listPlan(opts);
  const preparable =
    !opts.order &&
    opts.filters.every((f) => f === undefined || isFieldFilter(f) || isBoundFilter(f));
  const run = preparable ? runPrepared : runInline;
  const { rows, total } = plan.since
    ? await sincePage(opts, plan, opts.cache, run)
    : await run(opts, plan, opts.cache);
  const hasMore = rows.length > plan.pageSize;
  if (hasMore) rows.pop();
  const last = rows[rows.length - 1] as { syncSeq?: number } | undefined;
  return {
    items: (rows as Row[]).map(opts.map),
    total,
    page: plan.page,
    page_size: plan.pageSize,
    has_more: hasMore,
    next_cursor: plan.syncMode
      ? encodeCursor(last?.syncSeq ?? (plan.afterSeq || (await emptyFeedPosition(opts.db))))
      : null,
  };
}

/**
 * Where an empty feed without a cursor of its own continues from: the sync
 * sequence as committed now (every later change gets a higher one), never
 * the start of the feed.
 */
export async function emptyFeedPosition(db: Database): Promise<number> {
  const [row] = await db.read
    .select({ value: counters.value })
    .from(counters)
    .where(eq(counters.name, "sync"));
  return row?.value ?? 0;
}
