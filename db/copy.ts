import { type SQL, sql } from "drizzle-orm";
import type { Database } from "./client";
import { migrate, migrationsApplied } from "./migrate";
import { type TableShape, tablesOf } from "./pg/catalog";

/** Rows read and written per statement. */
const PAGE = 500;

/**
 * Tables the target's triggers fill as the copied rows arrive (search
 * queue, per-tenant open deal value): not copied, rebuilt. The full-text
 * index is rebuilt from the queue at the end.
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
  await to.dialect.catchUpSearchIndex(to);
  const copied: CopiedTable[] = [];
  for (const { name } of [...tables, { name: "search_docs" }])
    copied.push({
      table: name,
      source: await countRows(from, name),
      target: await countRows(to, name),
    });
  return copied;
}

async function copyTable(
  from: Database,
  to: Database,
  table: TableShape,
  progress: (p: CopyProgress) => void,
) {
  const total = await countRows(from, table.name);
  const quoted = table.columns.map((c) => `"${c}"`).join(", ");
  const order =
    table.key.length > 0 ? ` ORDER BY ${table.key.map((c) => `"${c}"`).join(", ")}` : "";
  let done = 0;
  progress({ entity: table.name, done, total });
  for (;;) {
    const rows = await from.execute(
      `SELECT ${quoted} FROM "${table.name}"${order} LIMIT ${PAGE} OFFSET ${done}`,
    );
    if (rows.length === 0) break;
    await to.transaction(async (tx) => {
      if (table.name === "counters") await tx.run(sql`DELETE FROM counters`);
      await tx.run(insertRows(table, rows));
    });
    done += rows.length;
    progress({ entity: table.name, done, total });
    if (rows.length < PAGE) break;
  }
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
