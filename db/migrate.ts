import { sql } from "drizzle-orm";
import type { Database } from "./client";
import { migrations as all, type Migration } from "./migrations";

const BREAKPOINT = "--> statement-breakpoint";

/**
 * Applies pending migrations in order, each in its own write transaction.
 * BEGIN IMMEDIATE serialises concurrent starters (several instances on one
 * database): the second one waits, then sees the migration applied.
 * Returns the ids it applied.
 */
export async function migrate(db: Database, migrations: Migration[] = all): Promise<string[]> {
  await db.execute(
    "CREATE TABLE IF NOT EXISTS _migrations (id TEXT PRIMARY KEY NOT NULL, applied_at INTEGER NOT NULL)",
  );
  // One read first: on a normal start every migration is applied already and
  // no write transaction is needed (pending ones are re-checked under the lock).
  const known = await appliedIds(db);
  const applied: string[] = [];
  for (const migration of migrations) {
    if (known.has(migration.id)) continue;
    try {
      await db.transaction(async (tx) => {
        const found = await tx.all(sql`SELECT 1 FROM _migrations WHERE id = ${migration.id}`);
        if (found.length > 0) return;
        for (const statement of migration.sql.split(BREAKPOINT)) {
          if (statement.trim()) await tx.run(sql.raw(statement));
        }
        await tx.run(
          sql`INSERT INTO _migrations (id, applied_at) VALUES (${migration.id}, ${Date.now()})`,
        );
        applied.push(migration.id);
      });
    } catch (error) {
      throw new Error(`migration ${migration.id} failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
  return applied;
}

async function appliedIds(db: Database): Promise<Set<string>> {
  const rows = await db.execute("SELECT id FROM _migrations");
  return new Set(rows.map((row) => String(row.id)));
}

/** True when every known migration is recorded as applied (read on the read handle). */
export async function migrationsApplied(db: Database): Promise<boolean> {
  try {
    const rows = await db.read.all<{ id: string }>(sql`SELECT id FROM _migrations`);
    const done = new Set(rows.map((row) => String(row.id)));
    return all.every((m) => done.has(m.id));
  } catch {
    return false;
  }
}
