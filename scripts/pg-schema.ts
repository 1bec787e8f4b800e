/**
 * Prints PostgreSQL DDL for tables of the SQLite schema, as a PostgreSQL
 * migration's body: `bun scripts/pg-schema.ts table_a table_b` (all tables
 * when none is named). Triggers, views and full-text search are written by
 * hand (db/pg/migrations).
 */
import { type Database, openDatabase } from "../db/client";
import { migrate } from "../db/migrate";
import { sqliteTables } from "../db/pg/catalog";
import { postgresTableDdl } from "../db/pg/ddl";

const db = await openDatabase(":memory:");
await migrate(db);
const names = process.argv.slice(2);
const tables = await referencedFirst(db, names.length > 0 ? names : await sqliteTables(db));
const statements: string[] = [];
for (const table of tables) statements.push(...(await postgresTableDdl(db, table)));
console.log(`${statements.join(";\n--> statement-breakpoint\n")};`);
await db.close();

/** Tables ordered so that each comes after the tables its foreign keys reference. */
async function referencedFirst(db: Database, tables: string[]): Promise<string[]> {
  const ordered: string[] = [];
  const visit = async (table: string) => {
    if (ordered.includes(table) || !tables.includes(table)) return;
    for (const key of await db.execute(`PRAGMA foreign_key_list('${table}')`))
      if (key.table !== table) await visit(String(key.table));
    ordered.push(table);
  };
  for (const table of tables) await visit(table);
  return ordered;
}
