import { Database as BunSqlite } from "bun:sqlite";
import { mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { type Client, createClient } from "@libsql/client";
import { drizzle as drizzleBun } from "drizzle-orm/bun-sqlite";
import { drizzle as drizzleLibsql } from "drizzle-orm/libsql";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import { type Dialect, dialect } from "./dialect";
import { ReadWorker } from "./read-pool";
import * as schema from "./schema";

export type Schema = typeof schema;
/** A handle for reads: bun:sqlite (sync driver) on embedded files, libSQL elsewhere. Always `await` it. */
// biome-ignore lint/suspicious/noExplicitAny: the two drivers' result types differ; services only await rows.
export type ReadDb = BaseSQLiteDatabase<"sync" | "async", any, Schema>;
/** A handle inside a write transaction (libSQL, async). */
// biome-ignore lint/suspicious/noExplicitAny: covers both the database and its transaction object.
export type WriteTx = BaseSQLiteDatabase<"async", any, Schema>;

/** A drizzle select: its SQL, and the field names in select order. */
export interface OffloadableQuery {
  toSQL(): { sql: string; params: unknown[] };
  _?: { selectedFields?: Record<string, unknown> };
}

export interface Database {
  /** Read handle: no transaction needed. */
  read: ReadDb;
  /** Runs `fn` in one write transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: WriteTx) => Promise<T>): Promise<T>;
  /**
   * Runs a long read (an aggregate over many rows) off the event loop and
   * returns rows keyed like the select's fields, with raw driver values (no
   * Date or JSON decoding). Embedded files use a worker thread; remote
   * databases are asynchronous already.
   */
  offload<T>(query: OffloadableQuery): Promise<T[]>;
  /** The raw libSQL client (migrations, pragmas). */
  client: Client;
  /** The raw bun:sqlite read connection when embedded, for hot prepared statements. */
  raw: BunSqlite | null;
  /**
   * Embedded files only (null elsewhere): runs `fn` synchronously in one
   * write transaction on a bun:sqlite connection, serialised with
   * `transaction`. For bulk loads (the seed): bun:sqlite binds parameters
   * about 3× cheaper than libSQL, which decides a million-row insert.
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

const PRAGMAS = [
  "PRAGMA journal_mode = WAL",
  "PRAGMA synchronous = NORMAL",
  "PRAGMA busy_timeout = 5000",
  "PRAGMA foreign_keys = ON",
];

/** Serialises async critical sections (one write transaction at a time per process). */
class Mutex {
  private tail: Promise<void> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

/**
 * Opens the database at `url`. Embedded files get a bun:sqlite read
 * connection beside the libSQL write connection on the same WAL file (the
 * read driver is ~3× faster per query); remote URLs use libSQL for both.
 * `:memory:` is served by a temporary file removed on close, so the two
 * connections see the same data.
 */
export async function openDatabase(url: string, authToken?: string): Promise<Database> {
  let filePath: string | null = null;
  let temporary = false;
  if (url === ":memory:" || url === "file::memory:") {
    filePath = join(tmpdir(), `crmd-mem-${Bun.randomUUIDv7()}.db`);
    temporary = true;
  } else if (url.startsWith("file:")) {
    filePath = url.slice("file:".length).split("?")[0];
    mkdirSync(dirname(filePath), { recursive: true });
  }
  // One connection: writes are serialised by the mutex below, so the pool
  // never opens a second connection that would miss the pragmas.
  const client = createClient(
    filePath ? { url: `file:${filePath}`, concurrency: 1 } : { url, authToken },
  );
  if (filePath) for (const pragma of PRAGMAS) await client.execute(pragma);
  const writeDb = drizzleLibsql(client, { schema });

  let raw: BunSqlite | null = null;
  let read: ReadDb = writeDb as unknown as ReadDb;
  let versionStmt: ReturnType<BunSqlite["query"]> | null = null;
  if (filePath) {
    raw = new BunSqlite(filePath, { readwrite: true, create: true, strict: true });
    raw.exec("PRAGMA busy_timeout = 5000");
    raw.exec("PRAGMA query_only = ON");
    read = drizzleBun(raw, { schema }) as unknown as ReadDb;
    versionStmt = raw.query("PRAGMA data_version");
  }
  // Started on the first long read: an idle server does not pay for the thread.
  let worker: ReadWorker | null = null;
  const readWorker = () => {
    if (filePath && !worker) worker = new ReadWorker(filePath);
    return worker;
  };

  const mutex = new Mutex();
  let bulkConn: BunSqlite | null = null;
  const bulkFile = filePath;
  const bulkWrite = bulkFile
    ? <T>(fn: (conn: BunSqlite) => T) =>
        mutex.run(async () => {
          if (!bulkConn) {
            bulkConn = new BunSqlite(bulkFile, { readwrite: true, strict: true });
            for (const pragma of [...PRAGMAS, "PRAGMA cache_size = -65536"]) bulkConn.exec(pragma);
          }
          const conn = bulkConn;
          return conn.transaction(() => fn(conn)).immediate();
        })
    : null;
  return {
    read,
    client,
    raw,
    bulkWrite,
    tables: schema,
    dialect,
    url,
    transaction: (fn) => mutex.run(() => writeDb.transaction((tx) => fn(tx as unknown as WriteTx))),
    offload: async <T>(query: OffloadableQuery) => {
      const { sql, params } = query.toSQL();
      const pool = readWorker();
      const rows = pool
        ? await pool.query<unknown[]>(sql, params)
        : (await client.execute({ sql, args: params as never[] })).rows.map((r) =>
            Array.from(r as ArrayLike<unknown>),
          );
      const names = Object.keys(query._?.selectedFields ?? {});
      return rows.map(
        (values) => Object.fromEntries(values.map((v, i) => [names[i] ?? String(i), v])) as T,
      );
    },
    dataVersion: () =>
      versionStmt ? (versionStmt.get() as { data_version: number }).data_version : null,
    async close() {
      await mutex.run(async () => {
        await (worker as ReadWorker | null)?.close();
        raw?.close();
        bulkConn?.close();
        client.close();
      });
      if (temporary && filePath)
        for (const suffix of ["", "-wal", "-shm"]) rmSync(filePath + suffix, { force: true });
    },
  };
}
