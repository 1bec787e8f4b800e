import type { Database } from "../../db/client";

/**
 * The INSERT statements `fn` makes on `tables` of a PostgreSQL database, by
 * table: statement-level triggers count them while `fn` runs.
 */
export async function insertStatements(
  db: Database,
  tables: readonly string[],
  fn: () => Promise<unknown>,
): Promise<Record<string, number>> {
  await db.execute("CREATE TABLE IF NOT EXISTS test_statements (table_name text NOT NULL)");
  await db.execute(`CREATE OR REPLACE FUNCTION test_count_statement() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN INSERT INTO test_statements VALUES (TG_TABLE_NAME); RETURN NULL; END $$`);
  for (const table of tables)
    await db.execute(
      `CREATE TRIGGER test_${table}_statements AFTER INSERT ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION test_count_statement()`,
    );
  try {
    await db.execute("DELETE FROM test_statements");
    await fn();
    const rows = await db.execute(
      "SELECT table_name, count(*)::int AS n FROM test_statements GROUP BY 1 ORDER BY 1",
    );
    return Object.fromEntries(rows.map((row) => [String(row.table_name), Number(row.n)]));
  } finally {
    for (const table of tables)
      await db.execute(`DROP TRIGGER test_${table}_statements ON ${table}`);
  }
}
