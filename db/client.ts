import type { Database as BunSqlite } from "bun:sqlite";
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { SQL, SQLWrapper } from "drizzle-orm";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import type { Dialect } from "./dialect";
import { openEmbedded } from "./embedded";
import type { CommitBatchObserver } from "./group-commit";
import { openRemote } from "./remote";
import type * as schema from "./schema";
import { isPostgresUrl } from "./urls";

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

/** Per-key request counts that several instances share (rate limits). */
export interface SharedWindows {
  /** Counts one request of `key` in the window starting at `windowStart`; returns the window's count so far. */
  hit(key: string, windowStart: number): Promise<{ count: number; windowStart: number }>;
}

/** One statement run in a snapshot (Database.snapshot): rows keyed by column name. */
export type SnapshotRead = (sql: string, args?: unknown[]) => Promise<Record<string, unknown>[]>;

export interface Database {
  /** Which engine: the few places that differ ask the dialect, not this. */
  kind: "sqlite" | "postgres";
  /**
   * Read handle: no transaction needed. On PostgreSQL with a replica it
   * reads the replica, which may lag the primary.
   */
  read: ReadDb;
  /** Reads that must see every committed write (the primary; `read` elsewhere). */
  primaryRead: ReadDb;
  /**
   * Runs `fn` in a write transaction: its work commits when it resolves and
   * is rolled back when it throws. Calls that queue up while one runs share
   * one COMMIT (db/group-commit.ts); each resolves only once it is durable.
   */
  transaction<T>(fn: (tx: WriteTx) => Promise<T>): Promise<T>;
  /**
   * Where several writers share the database (PostgreSQL): runs `fn` in a
   * transaction of its own that does not take the writer lock, for work
   * that coordinates through row locks (`FOR UPDATE SKIP LOCKED`: webhook
   * claims) and takes no sync number and writes no event. Null where one
   * writer does everything: such work runs in `transaction`.
   */
  claimTransaction: (<T>(fn: (tx: WriteTx) => Promise<T>) => Promise<T>) | null;
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
  /**
   * Runs `fn` with reads that all see one snapshot of the database, taken
   * when `snapshot` starts: commits by any connection after that are not
   * seen, and writers are not held up. One read transaction on a connection
   * of its own (a new one on embedded files; `BEGIN ISOLATION LEVEL
   * REPEATABLE READ READ ONLY` on the PostgreSQL primary, never the
   * replica; a libSQL `read` transaction on remote servers), ended when
   * `fn` settles. For long consistent reads (`crmd copy`): while it is
   * open, SQLite cannot checkpoint past it and PostgreSQL's vacuum keeps
   * what it may still see. Rows come back as `execute` gives them.
   */
  snapshot<T>(fn: (read: SnapshotRead) => Promise<T>): Promise<T>;
  /** The raw bun:sqlite read connection when embedded, for hot prepared statements. */
  raw: BunSqlite | null;
  /**
   * Embedded files only (null elsewhere): runs `fn` synchronously in one
   * write transaction on the write connection, serialised with
   * `transaction`. For bulk loads (the seed): no drizzle, no per-row await.
   */
  bulkWrite: (<T>(fn: (conn: BunSqlite) => T) => Promise<T>) | null;
  /**
   * A number that changes whenever any connection, process or instance
   * commits a record, pipeline, stage or event that reads through `read`
   * can see: SQLite's data_version on an embedded file (any commit; no round
   * trip), the sync and pipelines counters plus the outbox sequence on
   * PostgreSQL (primary-key reads); null when it cannot be known (remote
   * libSQL). Caches of reads (list totals, KPIs, stage names) and the event
   * tail's polling key on it.
   */
  changeVersion(): number | null | Promise<number | null>;
  /**
   * Rate-limit windows kept in the database, where several instances serve
   * one database (PostgreSQL); null where one process keeps them in memory.
   */
  sharedWindows: SharedWindows | null;
  /**
   * How long an instance may trust a row it cached (API keys) before reading
   * it again, where other instances write too; null where every writer is
   * this process (it drops its cache entries itself).
   */
  sharedCacheMs: number | null;
  /**
   * SQL for JavaScript's toLowerCase of a text value (every script), where
   * the write connection can run it: embedded files register it as a
   * function. Null on remote libSQL and PostgreSQL, whose lower() folds
   * ASCII only (SQLite, PostgreSQL's C locale) or by the database's locale:
   * there the text comes to JavaScript. For write transactions only.
   */
  foldCase: ((value: SQLWrapper) => SQL) | null;
  /**
   * The clock instances sharing the database tell the time by, where they
   * may run on several hosts: PostgreSQL's server clock, read with every
   * write batch's lock (db/pg/server-clock.ts), so change times follow
   * commit order whatever the hosts' clocks say. Null where the host's own
   * clock serves: an embedded file has one host, and remote libSQL gives
   * crmd no lock to read a time under.
   */
  clock: { now(): Date } | null;
  /** Work waiting on the database now (metrics). */
  pool(): PoolState;
  /** Tells `observer` of every group-commit batch once it ends (metrics, the debug log). */
  observeCommits(observer: CommitBatchObserver): void;
  /** PostgreSQL with a read replica only: whether the replica answers a query now (within 1 s). */
  replicaUp?: () => Promise<boolean>;
  /** PostgreSQL only: the work on each connection pool now (metrics). */
  connections?: () => ConnectionUse[];
  /**
   * PostgreSQL with a read replica only: tells `observer` where each read
   * went, and when reads fall back to the primary and come back (metrics).
   */
  observeReplica?: (observer: ReplicaObserver) => void;
  tables: Schema;
  dialect: Dialect;
  url: string;
  close(): Promise<void>;
}

export interface PoolState {
  /** Writes waiting for the next group commit. */
  commitQueue: number;
  /** Long-read worker threads running a query (embedded files: 0 or 1). */
  offloadBusy: number;
  /** Long reads waiting for a worker thread. */
  offloadQueued: number;
}

/** One PostgreSQL connection pool's work now. */
export interface ConnectionUse {
  /** The pool's server: the primary, or the read replica. */
  database: "primary" | "replica";
  /**
   * Open transactions and statements awaiting their answer: each holds a
   * connection, or waits for one while `max` are taken.
   */
  inUse: number;
  /** Connections the pool opens at most. */
  max: number;
}

/**
 * Where a read on PostgreSQL with a replica went: the replica, or the
 * primary because the request asked for it (`X-Consistency: strong`),
 * because the replica is not known to be within the lag bound or has not
 * replayed this instance's last commit yet (`lag`), or because the replica
 * failed to answer (`down`).
 */
export type ReplicaRead = "replica" | "primary_strong" | "primary_lag" | "primary_down";

export interface ReplicaObserver {
  /** A read was served. */
  read(servedBy: ReplicaRead): void;
  /**
   * The replica failed to answer and reads fall back to the primary
   * (`true`, once an outage, as its warning is logged), or a read on it was
   * answered again (`false`).
   */
  fallback(active: boolean): void;
}

export interface OpenOptions {
  /** PostgreSQL only: a streaming replica for reads that may lag. */
  replicaUrl?: string;
  /** Where a degraded but working database says so (the replica is down). */
  warn?: (message: string, fields: Record<string, unknown>) => void;
  /** Where it says it works fully again (the replica answers again). */
  info?: (message: string, fields: Record<string, unknown>) => void;
  /** PostgreSQL with a replica: true while the current request's reads must see the primary. */
  prefersPrimary?: () => boolean;
}

/**
 * Opens the database at `url`. Embedded files (`file:`, `:memory:`) are
 * served by bun:sqlite (db/embedded.ts); remote libSQL URLs (`libsql://`,
 * `http(s)://`, `ws(s)://`) by @libsql/client (db/remote.ts); PostgreSQL
 * (`postgres://`, `postgresql://`) by Bun's built-in client (db/pg/).
 * `:memory:` is a temporary file removed on close, so the read and write
 * connections see the same data.
 */
export async function openDatabase(
  url: string,
  authToken?: string,
  options: OpenOptions = {},
): Promise<Database> {
  if (isPostgresUrl(url)) {
    const { openPostgres } = await import("./pg/database");
    return openPostgres(url, options);
  }
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
