import { sql } from "drizzle-orm";
import type { Database } from "./client";
import { type Migration, migrations as sqliteMigrations } from "./migrations";
import { postgresMigrations } from "./pg/migrations";

const BREAKPOINT = "--> statement-breakpoint";

/** How far a migration's data step is (as `crmd seed` and `crmd copy` report theirs). */
export interface MigrationProgress {
  entity: string;
  done: number;
  total: number;
}

/** What else a migration run takes: a stop request, and word of what it is about to apply. */
export interface MigrateOptions {
  /**
   * A stop request (SIGTERM during a first start): the step under way rolls
   * back at its next progress report or lock wait, or else finishes, and no
   * further step starts; migrate then throws MigrationsInterrupted.
   */
  signal?: AbortSignal;
  /** Called once with the ids about to be applied, when there are any. */
  starting?: (pending: string[]) => void;
  /** Encrypts secrets a data step stores (MigrationStep.seal). */
  seal?: (plain: string) => string;
}

/**
 * A run stopped on request between steps: every applied step is committed,
 * none half-done, and the next run starts with the first pending one.
 */
export class MigrationsInterrupted extends Error {
  constructor(
    readonly applied: string[],
    readonly pending: string[],
  ) {
    super(`migrations stopped on request: ${applied.length} applied, ${pending.length} pending`);
  }
}

/** Thrown inside a step's transaction to roll it back on a stop request. */
class StopRequested extends Error {}

/** One turn of the event loop, so a signal's handler can run between steps. */
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Applies pending migrations in order, each in its own write transaction.
 * Concurrent starters (several instances on one database) are serialised
 * by the write lock (db/pg/database.ts has PostgreSQL's): the second one
 * waits, then sees the migration applied. A long data step tells
 * `progress` how far it is.
 * Returns the ids it applied.
 */
export async function migrate(
  db: Database,
  migrations: Migration[] = migrationsOf(db),
  progress: (progress: MigrationProgress) => void = () => {},
  options: MigrateOptions = {},
): Promise<string[]> {
  const { signal } = options;
  const stopIfRequested = () => {
    if (signal?.aborted) throw new StopRequested();
  };
  const postgres = db.kind === "postgres";
  // One read first: on a normal start every migration is applied already and
  // no write transaction is needed (pending ones are re-checked under the lock).
  const known = await appliedIds(db).catch(async (error) => {
    // Anything but a missing table (the database does not answer, refuses the login)
    // fails the start now, rather than after a second wait on the same connection.
    if (!lacksMigrationsTable(error)) throw error;
    // A new database. Under the write lock: PostgreSQL's CREATE TABLE IF NOT
    // EXISTS fails in one of several instances running it at the same moment.
    await db.transaction((tx) =>
      tx.run(
        sql.raw(
          `CREATE TABLE IF NOT EXISTS _migrations (id TEXT PRIMARY KEY NOT NULL, applied_at ${postgres ? "BIGINT" : "INTEGER"} NOT NULL)`,
        ),
      ),
    );
    return appliedIds(db);
  });
  const applied: string[] = [];
  const pending = migrations.filter((migration) => !known.has(migration.id));
  if (pending.length > 0) options.starting?.(pending.map((migration) => migration.id));
  for (const [index, migration] of pending.entries()) {
    const interrupted = () =>
      new MigrationsInterrupted(
        applied,
        pending.slice(index).map((m) => m.id),
      );
    if (signal) {
      await nextTurn();
      if (signal.aborted) throw interrupted();
    }
    try {
      await db.transaction(async (tx) => {
        const found = await tx.all(sql`SELECT 1 FROM _migrations WHERE id = ${migration.id}`);
        if (found.length > 0) return;
        // A stop that came while this step waited for the write lock.
        stopIfRequested();
        for (const statement of migration.sql.split(BREAKPOINT)) {
          if (statement.trim()) await tx.run(sql.raw(statement));
        }
        await migration.run?.(tx, {
          foldCase: db.foldCase,
          seal: options.seal,
          progress: (done, total) => {
            progress({ entity: migration.id, done, total });
            stopIfRequested();
          },
        });
        await tx.run(
          sql`INSERT INTO _migrations (id, applied_at) VALUES (${migration.id}, ${Date.now()})`,
        );
        applied.push(migration.id);
      });
    } catch (error) {
      if (error instanceof StopRequested) throw interrupted();
      throw new Error(`migration ${migration.id} failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
  return applied;
}

/** The migrations of the database's dialect. */
export const migrationsOf = (db: Database): Migration[] =>
  db.kind === "postgres" ? postgresMigrations : sqliteMigrations;

/** Whether `error` (or one of its causes) says there is no `_migrations` table, on any driver. */
function lacksMigrationsTable(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause)
    if (/no such table: _migrations|relation "_migrations" does not exist/.test(e.message))
      return true;
  return false;
}

async function appliedIds(db: Database): Promise<Set<string>> {
  const rows = await db.execute("SELECT id FROM _migrations");
  return new Set(rows.map((row) => String(row.id)));
}

/** True when every known migration is recorded as applied (read on the read handle). */
export async function migrationsApplied(db: Database): Promise<boolean> {
  try {
    const rows = await db.primaryRead.all<{ id: string }>(sql`SELECT id FROM _migrations`);
    const done = new Set(rows.map((row) => String(row.id)));
    return migrationsOf(db).every((m) => done.has(m.id));
  } catch {
    return false;
  }
}
