import type { Client } from "@libsql/client";
import { migrations as all, type Migration } from "./migrations";

const BREAKPOINT = "--> statement-breakpoint";

/**
 * Applies pending migrations in order, each in its own write transaction.
 * BEGIN IMMEDIATE serialises concurrent starters (several instances on one
 * database): the second one waits, then sees the migration applied.
 * Returns the ids it applied.
 */
export async function migrate(client: Client, migrations: Migration[] = all): Promise<string[]> {
  await client.execute(
    "CREATE TABLE IF NOT EXISTS _migrations (id TEXT PRIMARY KEY NOT NULL, applied_at INTEGER NOT NULL)",
  );
  const applied: string[] = [];
  // One read first: on a normal start every migration is applied already and
  // no write transaction is needed (pending ones are re-checked under the lock).
  const done = await client.execute("SELECT id FROM _migrations");
  const known = new Set(done.rows.map((row) => String(row.id)));
  for (const migration of migrations) {
    if (known.has(migration.id)) continue;
    const tx = await client.transaction("write");
    try {
      const found = await tx.execute({
        sql: "SELECT 1 FROM _migrations WHERE id = ?",
        args: [migration.id],
      });
      if (found.rows.length === 0) {
        for (const statement of migration.sql.split(BREAKPOINT)) {
          if (statement.trim()) await tx.execute(statement);
        }
        await tx.execute({
          sql: "INSERT INTO _migrations (id, applied_at) VALUES (?, ?)",
          args: [migration.id, Date.now()],
        });
        applied.push(migration.id);
      }
      await tx.commit();
    } catch (error) {
      await tx.rollback();
      throw new Error(`migration ${migration.id} failed: ${(error as Error).message}`, {
        cause: error,
      });
    } finally {
      tx.close();
    }
  }
  return applied;
}

/** True when every known migration is recorded as applied. */
export async function migrationsApplied(client: Client): Promise<boolean> {
  try {
    const result = await client.execute("SELECT id FROM _migrations");
    const done = new Set(result.rows.map((r) => String(r.id)));
    return all.every((m) => done.has(m.id));
  } catch {
    return false;
  }
}
