import { describe, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SQL } from "bun";
import { type Database, openDatabase } from "../../db/client";
import { migrate, migrationsOf } from "../../db/migrate";

/**
 * The database tests run on: a file in the test's directory, or, when
 * CRMD_TEST_POSTGRES_URL names a PostgreSQL server, a new database on it,
 * copied from a migrated template made once per test process.
 */
export const testPostgresUrl = process.env.CRMD_TEST_POSTGRES_URL || undefined;

/**
 * For tests that never touch the suite's database (documents, the CLI's own
 * checks, processes on SQLite files of their own): they run in the SQLite
 * run only, as a PostgreSQL run would repeat them unchanged.
 */
export const describeOnce = describe.skipIf(testPostgresUrl !== undefined);
export const testOnce = test.skipIf(testPostgresUrl !== undefined);

const TEMPLATE = `crmd_template_${process.pid}`;
let template: Promise<void> | null = null;

const withDatabase = (url: string, name: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
};

async function admin<T>(fn: (sql: SQL) => Promise<T>): Promise<T> {
  const sql = new SQL(testPostgresUrl as string, { max: 1 });
  try {
    return await fn(sql);
  } finally {
    await sql.close();
  }
}

function migratedTemplate(): Promise<void> {
  template ??= (async () => {
    await admin((sql) => sql.unsafe(`DROP DATABASE IF EXISTS ${TEMPLATE} WITH (FORCE)`));
    await admin((sql) => sql.unsafe(`CREATE DATABASE ${TEMPLATE}`));
    const db = await openDatabase(withDatabase(testPostgresUrl as string, TEMPLATE));
    await migrate(db);
    await db.close();
  })();
  return template;
}

const newDatabaseName = () => `crmd_test_${crypto.randomUUID().replaceAll("-", "")}`;

/**
 * A migrated database made from the template ahead of the server that will
 * take it: copying the template takes PostgreSQL from a few hundred
 * milliseconds to seconds on a busy machine, and it runs while the previous
 * test does. At most one waits, so a test process leaves at most one behind
 * (as it leaves its template).
 */
let spare: Promise<string> | null = null;

function copyOfTemplate(): Promise<string> {
  const name = newDatabaseName();
  return admin((sql) => sql.unsafe(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`)).then(
    () => name,
  );
}

async function migratedDatabase(): Promise<string> {
  await migratedTemplate();
  const next = spare ?? copyOfTemplate();
  const ahead = next.then(copyOfTemplate, copyOfTemplate);
  spare = ahead;
  // A spare that failed is made again when asked for; a test that took it gets its error.
  ahead.catch(() => {
    if (spare === ahead) spare = null;
  });
  return next;
}

/** PostgreSQL databases of directories that tests pass to several servers (restarts, instances). */
const byDir = new Map<string, string>();
/** Every PostgreSQL database made for a test directory, for processes started on that directory. */
const urlByDir = new Map<string, string>();

/** The database URL of a test directory: its PostgreSQL database, else its SQLite file. */
export const databaseUrlOf = (dir: string): string =>
  urlByDir.get(dir) ?? `file:${join(dir, "crmd.db")}`;

/**
 * A fresh database for one test server, migrated unless `empty`; `drop`
 * removes it. Servers started on one `dir` share its database, as they
 * share its SQLite file; `shared` databases live until the cluster goes.
 * `localeC`: on PostgreSQL, a database whose collation and character
 * classes are the C locale's (as `initdb --locale=C` makes them).
 */
export async function testDatabase(
  dir: string,
  options: { empty?: boolean; shared?: boolean; localeC?: boolean } = {},
): Promise<{ url: string; drop(): Promise<void> }> {
  if (!testPostgresUrl) return { url: `file:${join(dir, "crmd.db")}`, drop: async () => {} };
  const known = byDir.get(dir);
  if (known) return { url: known, drop: async () => {} };
  let name: string;
  if (!options.empty && !options.localeC) name = await migratedDatabase();
  else {
    name = newDatabaseName();
    const template = options.localeC ? " TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C'" : "";
    await admin((sql) => sql.unsafe(`CREATE DATABASE ${name}${template}`));
  }
  const url = withDatabase(testPostgresUrl, name);
  if (options.localeC && !options.empty) {
    const db = await openDatabase(url);
    await migrate(db);
    await db.close();
  }
  urlByDir.set(dir, url);
  if (options.shared) {
    byDir.set(dir, url);
    return { url, drop: async () => {} };
  }
  return {
    url: withDatabase(testPostgresUrl, name),
    drop: () => admin((sql) => sql.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

/**
 * Runs `fn` on a new database migrated up to every step but `step`, the
 * one a test then runs over the rows it writes; removes the database after.
 */
export async function beforeMigration(
  step: string,
  fn: (db: Database) => Promise<void>,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "crmd-migration-"));
  const database = await testDatabase(dir, { empty: true });
  const db = await openDatabase(database.url);
  try {
    await migrate(
      db,
      migrationsOf(db).filter((m) => m.id !== step),
    );
    await fn(db);
  } finally {
    await db.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}
