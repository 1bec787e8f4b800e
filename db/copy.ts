import { type SQL, sql } from "drizzle-orm";
import type { Database } from "./client";
import { migrate, migrationsApplied } from "./migrate";
import { type TableShape, tablesOf } from "./pg/catalog";
import { INDEX_BATCH } from "./search";

/** Rows read and written per statement. */
const PAGE = 500;

/**
 * Tables read a few rows a page: documents' bytes (256 KiB a row), so a
 * copy holds about 2 MiB of them at a time whatever the documents' sizes.
 */
const SMALL_PAGES: Record<string, number> = { document_contents: 8 };

/**
 * Tables the target's triggers fill as the copied rows arrive (search
 * queue, per-tenant open deal value): not copied, rebuilt. The full-text
 * index is rebuilt from the queue at the end, its progress reported as
 * the entity `search_index`.
 */
const REBUILT = new Set(["search_docs", "search_pending", "tenant_deal_totals"]);

export interface CopyProgress {
  entity: string;
  done: number;
  total: number;
}

export interface CopiedTable {
  table: string;
  source: number;
  target: number;
}

/**
 * Where the source's writes stood: its sync counter (every record write
 * takes a number), its pipelines counter, its last event's sequence and
 * the webhook fan-out cursor (the last event whose deliveries exist).
 */
export interface SourcePosition {
  sync: number;
  pipelines: number;
  outbox_seq: number;
  webhook_fanout: number;
}

export interface CopyResult {
  /** Rows of each table: the source's in the copy's snapshot, the target's at the end. */
  tables: CopiedTable[];
  /** The source as the copy read it: every table as of this one point. */
  snapshot: SourcePosition;
  /** The source when the copy ended. */
  sourceAtEnd: SourcePosition;
  /**
   * The source was written after the snapshot (its position moved on):
   * those writes are not in the copy, which is consistent but behind.
   */
  sourceMovedOn: boolean;
}

/** What the copy says when its source moved on while it ran. */
export const MOVED_ON_WARNING =
  "the source database was written while the copy ran: the copy holds the source as of its snapshot, and the writes after it are NOT in the copy. Stop the source's servers (or pause their writes) and copy again before switching over";

type Query = (sql: string, args?: unknown[]) => Promise<Row[]>;

/**
 * Copies a whole installation from `from` to `to` (SQLite ↔ PostgreSQL,
 * remote libSQL): refuses a target that holds records, migrates it, copies
 * every table in foreign-key order a page at a time, sets the counters
 * (sync numbers, fan-out cursor) as they were, rebuilds what triggers
 * derive, then counts the rows of every table on both sides. The source is
 * only read, every table of it in one snapshot (Database.snapshot) taken
 * when the copy starts, its counts too: the copy is the source as of one
 * point, whatever is written to it meanwhile, and `sourceMovedOn` says
 * whether something was. `progress` is awaited.
 */
export async function copyDatabase(
  from: Database,
  to: Database,
  progress: (p: CopyProgress) => void | Promise<void> = () => {},
  options: { indexBatch?: number; onSnapshot?: (position: SourcePosition) => void } = {},
): Promise<CopyResult> {
  if (!(await migrationsApplied(from)))
    throw new Error("the source database is not fully migrated: run `crmd migrate` on it first");
  // Checked before migrating: the database of an older installation is left as it was.
  const onTarget: Query = (text, args) => to.execute(text, args);
  for (const table of await tablesOf(to))
    if (table.name !== "counters" && (await countRows(onTarget, table.name)) > 0)
      throw new Error(`the target database is not empty (table ${table.name} has rows)`);
  await migrate(to);
  // Counters last: the target's triggers count pipeline writes while tables arrive.
  const tables = (await tablesOf(from))
    .filter((t) => !REBUILT.has(t.name))
    .sort((a, b) => Number(a.name === "counters") - Number(b.name === "counters"));
  const { snapshot, sources } = await from.snapshot(async (read) => {
    const snapshot = await positionOf(read);
    options.onSnapshot?.(snapshot);
    for (const table of tables) await copyTable(read, to, table, progress);
    const sources = new Map<string, number>();
    for (const { name } of [...tables, { name: "search_docs" }])
      sources.set(name, await countRows(read, name));
    return { snapshot, sources };
  });
  await to.dialect.afterBulkCopy(to);
  await rebuildSearchIndex(to, progress, options.indexBatch ?? REBUILD_BATCH);
  const copied: CopiedTable[] = [];
  for (const [name, source] of sources)
    copied.push({ table: name, source, target: await countRows(onTarget, name) });
  const sourceAtEnd = await positionOf((text, args) => from.execute(text, args));
  const sourceMovedOn = (Object.keys(snapshot) as Array<keyof SourcePosition>).some(
    (k) => sourceAtEnd[k] !== snapshot[k],
  );
  return { tables: copied, snapshot, sourceAtEnd, sourceMovedOn };
}

async function positionOf(read: Query): Promise<SourcePosition> {
  const counter = (name: string) =>
    `coalesce((SELECT value FROM counters WHERE name = '${name}'), 0) AS ${name}`;
  const [row] = await read(`SELECT ${counter("sync")}, ${counter("pipelines")},
    coalesce((SELECT max(seq) FROM outbox_events), 0) AS outbox_seq, ${counter("webhook_fanout")}`);
  return {
    sync: Number(row.sync),
    pipelines: Number(row.pipelines),
    outbox_seq: Number(row.outbox_seq),
    webhook_fanout: Number(row.webhook_fanout),
  };
}

/**
 * Queued rows indexed per transaction by the rebuild: ten times a serving
 * database's batch, since nothing waits on the target's write lock yet, and
 * each batch costs a transaction and a few statements whatever its size
 * (bench/results/search-rebuild.md).
 */
export const REBUILD_BATCH = INDEX_BATCH * 10;

/** Indexes what the copied rows queued for search, with progress as the tables have it. */
async function rebuildSearchIndex(
  to: Database,
  progress: (p: CopyProgress) => void | Promise<void>,
  batch: number,
) {
  const total = await countRows((text) => to.execute(text), "search_pending");
  let done = 0;
  await progress({ entity: "search_index", done, total });
  await to.dialect.catchUpSearchIndex(to, batch, (rows) => {
    done += rows;
    void progress({ entity: "search_index", done, total });
  });
}

async function copyTable(
  from: Query,
  to: Database,
  table: TableShape,
  progress: (p: CopyProgress) => void | Promise<void>,
) {
  const total = await countRows(from, table.name);
  const order = readOrder(table);
  const pageSize = SMALL_PAGES[table.name] ?? PAGE;
  let done = 0;
  await progress({ entity: table.name, done, total });
  for (let last: Row | undefined; ; ) {
    let rows = await rowsOf(from, table, order, last ? ["> ", last] : undefined, pageSize);
    const full = rows.length === pageSize && order.length > 0;
    if (full && order !== table.key) {
      // `order` is no key here: rows that tie on it may run on past the page, so their
      // whole group is read in one go (and the next page starts after it).
      const tied = rows[rows.length - 1];
      rows = rows.filter((row) => order.some((c) => row[c] !== tied[c]));
      rows.push(...(await rowsOf(from, table, order, ["= ", tied], pageSize)));
    }
    if (rows.length === 0) break;
    await to.transaction(async (tx) => {
      if (table.name === "counters") await tx.run(sql`DELETE FROM counters`);
      for (let at = 0; at < rows.length; at += PAGE)
        await tx.run(insertRows(table, rows.slice(at, at + PAGE)));
    });
    done += rows.length;
    await progress({ entity: table.name, done, total });
    if (!full) break;
    last = rows[rows.length - 1];
  }
}

type Row = Record<string, unknown>;

const quoted = (column: string) => `"${column}"`;

/**
 * The columns a table is read in the order of: its key where no key column
 * may hold NULL, else every NOT NULL column, whose ties (rows alike in
 * them, or repeated whole) are read together.
 */
function readOrder(table: TableShape): string[] {
  const notNull = (c: string) => !table.nullable.includes(c);
  return table.key.length > 0 && table.key.every(notNull)
    ? table.key
    : table.columns.filter(notNull);
}

/**
 * Rows of `table` in `order`: a page of those after the row `bound[1]` (the
 * first page without a bound), or with `= ` every row that ties with it.
 * Keyset pagination: a row-value comparison that both databases answer
 * from an index, so each page costs the same however far into the table,
 * and a row is read once even where the database returns unordered rows
 * in any order it likes (PostgreSQL).
 */
function rowsOf(
  read: Query,
  table: TableShape,
  order: string[],
  bound: ["> " | "= ", Row] | undefined,
  pageSize: number,
): Promise<Row[]> {
  const tuple = `(${order.map(quoted).join(", ")})`;
  const where = bound ? ` WHERE ${tuple} ${bound[0]}(${order.map(() => "?").join(", ")})` : "";
  const page = order.length > 0 && bound?.[0] !== "= " ? ` LIMIT ${pageSize}` : "";
  const sorted = order.length > 0 ? ` ORDER BY ${order.map(quoted).join(", ")}` : "";
  return read(
    `SELECT ${table.columns.map(quoted).join(", ")} FROM "${table.name}"${where}${sorted}${page}`,
    bound ? order.map((c) => bound[1][c]) : [],
  );
}

function insertRows(table: TableShape, rows: Record<string, unknown>[]): SQL {
  const names = sql.raw(table.columns.map((c) => `"${c}"`).join(", "));
  const tuples = rows.map(
    (row) =>
      sql`(${sql.join(
        table.columns.map((c) => sql`${row[c] ?? null}`),
        sql`, `,
      )})`,
  );
  return sql`INSERT INTO ${sql.identifier(table.name)} (${names}) VALUES ${sql.join(tuples, sql`, `)}`;
}

async function countRows(read: Query, table: string): Promise<number> {
  const [row] = await read(`SELECT count(*) AS n FROM "${table}"`);
  return Number(row.n);
}
