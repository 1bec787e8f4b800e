import { type SQL, sql } from "drizzle-orm";
import type { Database } from "./client";
import { migrate, migrationsApplied } from "./migrate";
import { type TableShape, tablesOf } from "./pg/catalog";
import { INDEX_BATCH } from "./search";

/** Rows read and written per statement. */
const PAGE = 500;

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
 * Copies a whole installation from `from` to `to` (SQLite ↔ PostgreSQL):
 * refuses a target that holds records, migrates it, copies every table
 * in foreign-key order a page at a time, sets the counters (sync numbers,
 * fan-out cursor) as they were, rebuilds what triggers derive, then counts
 * the rows of every table on both sides. The source is only read.
 */
export async function copyDatabase(
  from: Database,
  to: Database,
  progress: (p: CopyProgress) => void = () => {},
): Promise<CopiedTable[]> {
  if (!(await migrationsApplied(from)))
    throw new Error("the source database is not fully migrated: run `crmd migrate` on it first");
  // Checked before migrating: the database of an older installation is left as it was.
  for (const table of await tablesOf(to))
    if (table.name !== "counters" && (await countRows(to, table.name)) > 0)
      throw new Error(`the target database is not empty (table ${table.name} has rows)`);
  await migrate(to);
  // Counters last: the target's triggers count pipeline writes while tables arrive.
  const tables = (await tablesOf(from))
    .filter((t) => !REBUILT.has(t.name))
    .sort((a, b) => Number(a.name === "counters") - Number(b.name === "counters"));
  for (const table of tables) await copyTable(from, to, table, progress);
  await to.dialect.afterBulkCopy(to);
  await rebuildSearchIndex(to, progress);
  const copied: CopiedTable[] = [];
  for (const { name } of [...tables, { name: "search_docs" }])
    copied.push({
      table: name,
      source: await countRows(from, name),
      target: await countRows(to, name),
    });
  return copied;
}

/** Indexes what the copied rows queued for search, with progress as the tables have it. */
async function rebuildSearchIndex(to: Database, progress: (p: CopyProgress) => void) {
  const total = await countRows(to, "search_pending");
  let done = 0;
  progress({ entity: "search_index", done, total });
  await to.dialect.catchUpSearchIndex(to, INDEX_BATCH, (rows) => {
    done += rows;
    progress({ entity: "search_index", done, total });
  });
}

async function copyTable(
  from: Database,
  to: Database,
  table: TableShape,
  progress: (p: CopyProgress) => void,
) {
  const total = await countRows(from, table.name);
  let done = 0;
  progress({ entity: table.name, done, total });
  for (let last: Row | undefined; ; ) {
    const page = await pageAfter(from, table, last);
    if (page.length === 0) break;
    const rows =
      table.key.length > 0
        ? page
        : page.flatMap((row) => Array<Row>(Number(row[COPIES])).fill(row));
    await to.transaction(async (tx) => {
      if (table.name === "counters") await tx.run(sql`DELETE FROM counters`);
      for (let at = 0; at < rows.length; at += PAGE)
        await tx.run(insertRows(table, rows.slice(at, at + PAGE)));
    });
    done += rows.length;
    progress({ entity: table.name, done, total });
    if (page.length < PAGE) break;
    last = page[page.length - 1];
  }
}

type Row = Record<string, unknown>;

/** The column of a keyless table's page that says how often its row occurs. */
const COPIES = "crmd_copies";

const quoted = (column: string) => `"${column}"`;

/**
 * The page of `table` that follows the row `last` (the first page without
 * one), in a total order: keyset pagination over the table's key, so each
 * page is an index range however far into the table, and a row is read
 * once even where the database returns unordered rows in any order it
 * likes (PostgreSQL). A table without a key is read as its distinct rows,
 * ordered by every column, each with how many times it occurs.
 */
function pageAfter(db: Database, table: TableShape, last: Row | undefined): Promise<Row[]> {
  const keyed = table.key.length > 0;
  const order = keyed ? table.key : table.columns;
  const args: unknown[] = [];
  const where = last ? ` WHERE ${after(order, table.nullable, last, args)}` : "";
  const columns = table.columns.map(quoted).join(", ");
  const sorted = order
    .map((c) => (table.nullable.includes(c) ? `"${c}" NULLS FIRST` : quoted(c)))
    .join(", ");
  return db.execute(
    keyed
      ? `SELECT ${columns} FROM "${table.name}"${where} ORDER BY ${sorted} LIMIT ${PAGE}`
      : `SELECT ${columns}, count(*) AS ${COPIES} FROM "${table.name}"${where} GROUP BY ${columns} ORDER BY ${sorted} LIMIT ${PAGE}`,
    args,
  );
}

/**
 * `columns`, ordered with NULL first, come after their values in `last`
 * (their arguments pushed onto `args`): one row-value comparison, which
 * both databases answer from an index, unless a column may hold NULL, which
 * no comparison orders; then column by column: c1 > v1, or c1 = v1 and c2 > v2, …
 */
function after(columns: string[], nullable: string[], last: Row, args: unknown[]): string {
  if (!columns.some((c) => nullable.includes(c))) {
    args.push(...columns.map((c) => last[c]));
    return `(${columns.map(quoted).join(", ")}) > (${columns.map(() => "?").join(", ")})`;
  }
  const alternatives: string[] = [];
  columns.forEach((column, at) => {
    const terms = columns.slice(0, at).map((c) => {
      if (last[c] === null) return `"${c}" IS NULL`;
      args.push(last[c]);
      return `"${c}" = ?`;
    });
    if (last[column] === null) terms.push(`"${column}" IS NOT NULL`);
    else {
      args.push(last[column]);
      terms.push(`"${column}" > ?`);
    }
    alternatives.push(`(${terms.join(" AND ")})`);
  });
  return alternatives.join(" OR ");
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

async function countRows(db: Database, table: string): Promise<number> {
  const [row] = await db.execute(`SELECT count(*) AS n FROM "${table}"`);
  return Number(row.n);
}
