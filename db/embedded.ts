import type { Database as BunSqlite } from "bun:sqlite";
import { rmSync } from "node:fs";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/bun-sqlite";
import { Checkpointer } from "./checkpointer";
import type { Database, OffloadableQuery, ReadDb, WriteTx } from "./client";
import { CachingConnection } from "./connection";
import { dialect } from "./dialect";
import { GroupCommitter, withSavepoints } from "./group-commit";
import { Mutex } from "./mutex";
import { keyedRows, ReadWorker } from "./read-pool";
import * as schema from "./schema";
import { outsideWriteCounter, registerOutsideWriteVersion } from "./write-version";

const WRITER_PRAGMAS = [
  // First: another process opening the file at the same moment (or recovering
  // the WAL of one that was killed) may hold a lock any later statement waits for.
  "PRAGMA busy_timeout = 5000",
  "PRAGMA journal_mode = WAL",
  "PRAGMA synchronous = NORMAL",
  "PRAGMA foreign_keys = ON",
  // Statement journals (any write that fires a trigger) in memory, not a
  // temporary file per statement: 60 µs of a deal insert's 75 µs.
  "PRAGMA temp_store = MEMORY",
  // 16 MiB of pages: the hot ends of the deal indexes stay cached between writes.
  "PRAGMA cache_size = -16384",
  // Checkpoints run on their own thread (db/checkpointer.ts); the writer's
  // automatic one (at 40 MB of WAL) only catches up if that thread falls behind.
  "PRAGMA wal_autocheckpoint = 10000",
  // A WAL that grew under a burst is cut back to 64 MiB once it restarts.
  "PRAGMA journal_size_limit = 67108864",
];
/** The write connection's SQL function for JavaScript's toLowerCase (Database.foldCase). */
const FOLD_CASE = "crmd_fold_case";
const READER_PRAGMAS = ["PRAGMA busy_timeout = 5000", "PRAGMA query_only = ON"];
/**
 * The seed's million-row loads want more cache than requests do. Raised on the
 * first bulk load and left there: shrinking it between batches would drop the
 * pages the next batch needs.
 */
const BULK_CACHE = "PRAGMA cache_size = -65536";

/**
 * An embedded file on two bun:sqlite connections over one WAL: a read
 * connection that never waits for writers, and a write connection driven by
 * crmd's own async transactions (BEGIN IMMEDIATE … COMMIT, group-committed),
 * so a transaction stays open across the `await`s of the service that runs
 * in it. drizzle's own bun:sqlite transaction() is synchronous (it would
 * commit at the first `await`) and is never used. Both connections reuse
 * compiled statements (db/connection.ts).
 */
export function openEmbedded(url: string, path: string, opts: { temporary: boolean }): Database {
  const writer = new CachingConnection(path, { readwrite: true, create: true, strict: true });
  for (const pragma of WRITER_PRAGMAS) writer.exec(pragma);
  writer.function(FOLD_CASE, { deterministic: true }, (value: string | null) =>
    value === null ? null : String(value).toLowerCase(),
  );
  const reader = new CachingConnection(path, { readwrite: true, strict: true });
  for (const pragma of READER_PRAGMAS) reader.exec(pragma);
  const versionStmt = reader.query("PRAGMA data_version");

  const mutex = new Mutex();
  // Without its thread, the writer checkpoints again as SQLite does by default.
  const checkpointer = new Checkpointer(path, () =>
    writer.exec("PRAGMA wal_autocheckpoint = 1000"),
  );
  const tx = withSavepoints(drizzle(writer) as unknown as WriteTx);
  const writerVersion = writer.query("PRAGMA data_version");
  const outsideWrites = outsideWriteCounter(
    () => (writerVersion.get() as { data_version: number }).data_version,
  );
  registerOutsideWriteVersion(tx, outsideWrites.read);
  const savepoint = writer.prepare("SAVEPOINT crmd_write");
  const release = writer.prepare("RELEASE crmd_write");
  const rollbackTo = writer.prepare("ROLLBACK TO crmd_write");
  const committer = new GroupCommitter<WriteTx>(
    (body) =>
      mutex.run(async () => {
        writer.exec("BEGIN IMMEDIATE");
        try {
          await body(tx);
          writer.exec("COMMIT");
          checkpointer.noteCommit();
        } catch (error) {
          if (writer.inTransaction) writer.exec("ROLLBACK");
          throw error;
        }
      }),
    undefined,
    {
      savepoint: () => void savepoint.run(),
      release: () => void release.run(),
      rollbackTo: () => void rollbackTo.run(),
    },
  );
  // Started on the first long read: an idle server does not pay for the thread.
  let worker: ReadWorker | null = null;
  let bulkCache = false;

  const read = drizzle(reader) as unknown as ReadDb;
  return {
    kind: "sqlite",
    read,
    primaryRead: read,
    raw: reader,
    sharedWindows: null,
    claimTransaction: null,
    sharedCacheMs: null,
    foldCase: (value) => sql`${sql.raw(FOLD_CASE)}(${value})`,
    clock: null,
    tables: schema,
    dialect,
    url,
    transaction: (fn) => committer.run(fn),
    execute: (sql, args = []) =>
      mutex.run(async () => {
        outsideWrites.bump();
        const rows = writer.query(sql).all(...(args as never[])) as Record<string, unknown>[];
        checkpointer.noteCommit();
        return rows;
      }),
    snapshot: async (fn) => {
      // A connection of its own: the shared reader keeps seeing new commits.
      const conn = new CachingConnection(path, { readwrite: true, strict: true });
      try {
        for (const pragma of READER_PRAGMAS) conn.exec(pragma);
        conn.exec("BEGIN");
        // A deferred transaction takes its snapshot at its first read: now.
        conn.query("SELECT count(*) FROM sqlite_schema").get();
        return await fn(
          async (sql, args = []) =>
            conn.query(sql).all(...(args as never[])) as Record<string, unknown>[],
        );
      } finally {
        if (conn.inTransaction) conn.exec("ROLLBACK");
        conn.close();
      }
    },
    bulkWrite: <T>(fn: (conn: BunSqlite) => T) =>
      mutex.run(async () => {
        if (!bulkCache) writer.exec(BULK_CACHE);
        bulkCache = true;
        outsideWrites.bump();
        const result = writer.transaction(() => fn(writer)).immediate();
        checkpointer.noteCommit();
        return result;
      }),
    offload: async <T>(query: OffloadableQuery) => {
      worker ??= new ReadWorker(path);
      const { sql, params } = query.toSQL();
      return keyedRows<T>(query, await worker.query<unknown[]>(sql, params));
    },
    changeVersion: () => (versionStmt.get() as { data_version: number }).data_version,
    observeCommits: (observer) => {
      committer.observer = observer;
    },
    pool: () => {
      const reads = worker?.inFlight ?? 0;
      return {
        commitQueue: committer.queued,
        offloadBusy: Math.min(reads, 1),
        offloadQueued: Math.max(reads - 1, 0),
      };
    },
    async close() {
      await mutex.run(async () => {
        await worker?.close();
        await checkpointer.close();
        reader.close();
        writer.close();
      });
      if (opts.temporary)
        for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
    },
  };
}
