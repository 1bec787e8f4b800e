import type { Database as BunSqlite } from "bun:sqlite";
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import type { Dialect } from "./dialect";
import { openEmbedded } from "./embedded";
import { openRemote } from "./remote";
import type * as schema from "./schema";

export type Schema = typeof schema;
/**
 * A handle for reads: bun:sqlite (sync driver) on embedded files, libSQL elsewhere. Always `await` it.
 * Handles carry no relational schema: crmd writes its joins itself, and building
 * drizzle's relational config cost ~5 ms of every start.
 */
// biome-ignore lint/suspicious/noExplicitAny: the two drivers' result types differ; services only await rows.
export type ReadDb = BaseSQLiteDatabase<"sync" | "async", any>;
/** A handle inside a write transaction. Always `await` it: remote databases answer asynchronously. */
// biome-ignore lint/suspicious/noExplicitAny: covers both drivers and their transaction objects.
export type WriteTx = BaseSQLiteDatabase<"async", any>;

/** A drizzle select: its SQL, and the field names in select order. */
export interface OffloadableQuery {
  toSQL(): { sql: string; params: unknown[] };
  _?: { selectedFields?: Record<string, unknown> };
}

export interface Database {
  /** Read handle: no transaction needed. */
  read: ReadDb;
  /**
   * Runs `fn` in a write transaction: its work commits when it resolves and
   * is rolled back when it throws. Calls that queue up while one runs share
   * one COMMIT (db/group-commit.ts); each resolves only once it is durable.
   */
  transaction<T>(fn: (tx: WriteTx) => Promise<T>): Promise<T>;
  /**
   * Runs a long read (an aggregate over many rows) off the event loop and
   * returns rows keyed like the select's fields, with raw driver values (no
   * Date or JSON decoding). Embedded files use a worker thread; remote
   * databases are asynchronous already.
   */
  offload<T>(query: OffloadableQuery): Promise<T[]>;
  /**
   * Runs one SQL statement on the write handle, between write transactions
   * (migration bookkeeping, pragmas, operators' and tests' raw SQL). Rows
   * come back as objects keyed by column name.
   */
  execute(sql: string, args?: unknown[]): Promise<Record<string, unknown>[]>;
  /** The raw bun:sqlite read connection when embedded, for hot prepared statements. */
  raw: BunSqlite | null;
  /**
   * Embedded files only (null elsewhere): runs `fn` synchronously in one
   * write transaction on the write connection, serialised with
   * `transaction`. For bulk loads (the seed): no drizzle, no per-row await.
   */
  bulkWrite: (<T>(fn: (conn: BunSqlite) => T) => Promise<T>) | null;
  /**
   * Changes whenever any connection commits (SQLite's data_version as seen by
   * the read connection); null when it cannot be known (remote databases).
   */
  dataVersion(): number | null;
  tables: Schema;
  dialect: Dialect;
  url: string;
  close(): Promise<void>;
}

/**
 * Opens the database at `url`. Embedded files (`file:`, `:memory:`) are
 * served by bun:sqlite (db/embedded.ts); remote libSQL URLs (`libsql://`,
 * `http(s)://`, `ws(s)://`) by @libsql/client (db/remote.ts). `:memory:` is
 * a temporary file removed on close, so the read and write connections see
 * the same data.
 */
export function openDatabase(url: string, authToken?: string): Promise<Database> {
  if (url === ":memory:" || url === "file::memory:") {
    const path = join(tmpdir(), `crmd-mem-${Bun.randomUUIDv7()}.db`);
    return Promise.resolve(openEmbedded(url, path, { temporary: true }));
  }
  if (url.startsWith("file:")) {
    const path = url.slice("file:".length).split("?")[0];
    mkdirSync(dirname(path), { recursive: true });
    return Promise.resolve(openEmbedded(url, path, { temporary: false }));
  }
  return openRemote(url, authToken);
}
