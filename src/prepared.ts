import {
  getTableColumns,
  inArray,
  is,
  Placeholder,
  type SQL,
  type SQLWrapper,
  sql,
} from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { ReadDb, WriteTx } from "../db/client";
import { queryOwner, RUN_BY_POSITION, type RunByPosition } from "../db/shared-queries";

/**
 * Hot queries built once per handle and run with placeholders. Building a
 * drizzle query costs 15–45 µs (a select on pipelines: 44 µs), more than
 * running it on a cached statement; the write path of one `POST /deals` built
 * eight. The embedded write handle is one object for the life of the
 * database, so its queries are built once, as are those of PostgreSQL's
 * write batches, which share one owner (db/shared-queries.ts); a remote
 * libSQL transaction is a new object each time, and builds them per
 * transaction (no gain, no harm).
 */
const byHandle = new WeakMap<object, Map<string, unknown>>();

export function prepared<T>(handle: ReadDb | WriteTx, key: string, build: () => T): T {
  const owner = queryOwner(handle);
  let queries = byHandle.get(owner);
  if (!queries) {
    queries = new Map();
    byHandle.set(owner, queries);
  }
  let query = queries.get(key) as T | undefined;
  if (query === undefined) {
    query = build();
    queries.set(key, query);
  }
  return query;
}

/** A compiled statement that takes its values by position. */
export interface PositionalStatement {
  run(...values: unknown[]): unknown;
}

const positional = new WeakMap<object, PositionalStatement | null>();

/**
 * The embedded driver's compiled statement behind a drizzle prepared query
 * whose placeholders are `names` in that order, to run with positional
 * values: drizzle binds each value by name (a lookup and two type checks
 * each, ~15 µs for the 120 values of 20 custom-field rows). Undefined on
 * PostgreSQL and remote libSQL, whose prepared queries have no such
 * statement: run those by name.
 */
export function positionalStatement(
  query: object,
  names: readonly string[],
): PositionalStatement | undefined {
  let found = positional.get(query);
  if (found === undefined) {
    const { stmt, query: built } = query as {
      stmt?: PositionalStatement;
      query?: { params?: unknown[] };
    };
    const params = built?.params ?? [];
    const inOrder =
      typeof stmt?.run === "function" &&
      params.length === names.length &&
      params.every((p, i) => is(p, Placeholder) && p.name === names[i]);
    found = inOrder ? (stmt as PositionalStatement) : null;
    positional.set(query, found);
  }
  return found ?? undefined;
}

/** A placeholder that binds its value as given (callers pass driver values). */
export const param = (name: string): SQL => sql`${sql.placeholder(name)}`;

/**
 * `column` is one of the values of the JSON array bound as placeholder
 * `name`: one prepared statement for a list of any length.
 */
export const inJsonArray = (column: SQLWrapper, name: string): SQL =>
  inArray(column, sql`(select value from json_each(${param(name)}))`);

/** A column's driver value: what drizzle would bind for `value` (null stays null). */
function driverValue(column: SQLiteColumn, value: unknown): unknown {
  return value === null || value === undefined ? null : column.mapToDriverValue(value);
}

/**
 * A table's columns, each with its bit in a column set's number (up to 52
 * columns: exact in a double); a wider table's columns, and keys that are no
 * column, are named in the set's key instead.
 */
interface ColumnBits {
  columns: Record<string, SQLiteColumn>;
  bits: Record<string, number>;
  wide: boolean;
}
const columnBits = new WeakMap<SQLiteTable, ColumnBits>();

function bitsOf(table: SQLiteTable): ColumnBits {
  let known = columnBits.get(table);
  if (!known) {
    const columns = getTableColumns(table) as Record<string, SQLiteColumn>;
    const keys = Object.keys(columns);
    const bits: Record<string, number> = Object.create(null);
    keys.forEach((key, i) => {
      bits[key] = 2 ** i;
    });
    known = { columns, bits, wide: keys.length > 52 };
    columnBits.set(table, known);
  }
  return known;
}

type PreparedInsert = {
  run(values: Record<string, unknown>): unknown;
  [RUN_BY_POSITION]?: RunByPosition;
};

/** A prepared insert of one column set, and its placeholders' names in order when it runs by position. */
interface InsertShape {
  query: PreparedInsert;
  order: string[] | null;
}

/** Each handle's inserts, by table and column set. */
const insertsByHandle = new WeakMap<
  object,
  WeakMap<SQLiteTable, Map<number | string, InsertShape>>
>();

/**
 * `INSERT INTO table (the row's columns) VALUES (…)`, built once per handle,
 * table and column set, values encoded per column as drizzle would. The
 * column set is looked up by a number (one bit a column): naming it by its
 * keys built and hashed a string of every column's name on each insert.
 * Where the handle runs prepared statements by position (PostgreSQL), the
 * values go in the statement's order, without drizzle's binding by name.
 */
export async function insertValues<T extends SQLiteTable>(
  tx: WriteTx,
  table: T,
  row: Partial<T["$inferInsert"]>,
): Promise<void> {
  const { columns, bits, wide } = bitsOf(table);
  const given = row as Record<string, unknown>;
  let set = 0;
  let names = "";
  for (const key in given) {
    if (given[key] === undefined) continue;
    const bit = bits[key];
    if (wide || bit === undefined) names += `,${key}`;
    else set += bit;
  }
  const owner = queryOwner(tx);
  let tables = insertsByHandle.get(owner);
  if (!tables) {
    tables = new WeakMap();
    insertsByHandle.set(owner, tables);
  }
  let shapes = tables.get(table);
  if (!shapes) {
    shapes = new Map();
    tables.set(table, shapes);
  }
  const shape = names === "" ? set : `${set}${names}`;
  let insert = shapes.get(shape);
  if (!insert) {
    insert = prepareInsert(tx, table, given);
    shapes.set(shape, insert);
  }
  const { query, order } = insert;
  const byPosition = query[RUN_BY_POSITION];
  if (order && byPosition) {
    const values = new Array<unknown>(order.length);
    for (let i = 0; i < order.length; i++) {
      const key = order[i];
      values[i] = driverValue(columns[key], given[key]);
    }
    await byPosition(values);
    return;
  }
  const values: Record<string, unknown> = {};
  for (const key in given) {
    const value = given[key];
    if (value !== undefined) values[key] = driverValue(columns[key], value);
  }
  await query.run(values);
}

/** The prepared insert of `row`'s defined columns, each bound from the placeholder of its key. */
function prepareInsert(tx: WriteTx, table: SQLiteTable, row: Record<string, unknown>): InsertShape {
  const keys = Object.keys(row).filter((key) => row[key] !== undefined);
  const query = tx
    .insert(table)
    .values(Object.fromEntries(keys.map((key) => [key, param(key)])))
    .prepare() as unknown as PreparedInsert;
  if (!query[RUN_BY_POSITION]) return { query, order: null };
  const params = (query as { query?: { params?: unknown[] } }).query?.params ?? [];
  const order = params.map((p) => (is(p, Placeholder) ? p.name : null));
  return {
    query,
    order: order.every((name): name is string => name !== null) ? order : null,
  };
}
