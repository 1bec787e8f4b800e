import { SQL } from "bun";
import { DrizzleQueryError, entityKind } from "drizzle-orm";
import {
  BaseSQLiteDatabase,
  type PreparedQueryConfig,
  SQLiteAsyncDialect,
} from "drizzle-orm/sqlite-core";
import { type RemotePreparedQuery, SQLiteRemoteSession } from "drizzle-orm/sqlite-proxy";
import type { Database, OffloadableQuery, ReadDb, ReplicaObserver, WriteTx } from "../client";
import { GroupCommitter, withSavepoints } from "../group-commit";
import { keyedRows } from "../read-pool";
import * as schema from "../schema";
import { RUN_BY_POSITION, type RunByPosition, shareQueries } from "../shared-queries";
import { pgDialect } from "./dialect";
import { PipelinedWrites } from "./pipeline";
import { PoolUse } from "./pool-use";
import { position, ReplicaReads, WAL_INSERTED } from "./replica";
import { SERVER_NOW_MS, ServerClock } from "./server-clock";
import { fromPostgres, toPostgres, toPostgresParams } from "./translate";
import { sharedWindows } from "./windows";

/** Rows with the driver's column descriptions, and how many rows a write touched. */
export type Rows = unknown[] & { columns?: Array<{ name: string; type: number }>; count?: number };
/**
 * Runs one PostgreSQL statement: on the pool, a transaction's connection or
 * the replica. `send`, on a pipelined write connection (db/pg/pipeline.ts):
 * sends a statement whose answer is not needed without waiting for it.
 */
export type Runner = ((sql: string, params: unknown[], arrays: boolean) => Promise<Rows>) & {
  send?: (sql: string, params: unknown[]) => { rowsAffected: number } | undefined;
};

/**
 * Input SQLite stores and PostgreSQL cannot, by SQLSTATE: a number beyond
 * bigint (22003), which SQLite would have kept as a float, and a value
 * beyond one of PostgreSQL's size limits (54000), such as a text too long
 * for an index entry (about 2.7 kB once compressed; the API keeps the
 * indexed texts it takes below that). The request's input: answered 422
 * (an error with a 4xx `status` is the client's, src/http-errors.ts)
 * instead of a 500.
 */
const REFUSED_INPUT: Record<string, string> = {
  "22003": "A number in the request is too large to store",
  "54000": "A value in the request is too long to store",
};

function refuseUnstorable(error: unknown): never {
  const errno = (error as { errno?: unknown }).errno;
  const detail = typeof errno === "string" ? REFUSED_INPUT[errno] : undefined;
  if (detail) throw Object.assign(new Error(detail), { status: 422, cause: error });
  throw error;
}

/** A Runner over a Bun.SQL pool or transaction. */
export const runnerOf =
  (conn: SQL): Runner =>
  (sql, params, arrays) => {
    const query = conn.unsafe(sql, params);
    return (arrays ? query.values() : query) as Promise<Rows>;
  };

type Method = "run" | "all" | "get" | "values";

/** Runs one translated statement; rows as arrays when drizzle maps them by position. */
export async function runOn(
  runner: Runner,
  sql: string,
  params: unknown[],
  method: Method,
  arrays: boolean,
) {
  const text = params.length === 0 ? sql : toPostgres(sql);
  const values = toPostgresParams(params);
  const sent = method === "run" ? runner.send?.(text, values) : undefined;
  if (sent) return { rows: [], rowsAffected: sent.rowsAffected };
  const result = await runner(text, values, arrays).catch(refuseUnstorable);
  fromPostgres(result, result.columns, arrays);
  if (method === "get") return { rows: result[0] };
  if (method === "run") return { rows: [], rowsAffected: result.count ?? 0 };
  return { rows: [...result] };
}

/**
 * A session of drizzle's SQLite builder whose statements run on PostgreSQL:
 * the SQL is translated (db/pg/translate.ts) and rows come back as the
 * SQLite drivers give them. Selects with fields map rows by position; raw
 * `all`/`get` calls get objects keyed by column, as with bun:sqlite.
 */
class PostgresSession extends SQLiteRemoteSession<Record<string, never>, Record<string, never>> {
  static override readonly [entityKind]: string = "CrmdPostgresSession";
  constructor(
    private readonly runner: () => Runner,
    dialect: SQLiteAsyncDialect,
  ) {
    super((() => {}) as never, dialect, undefined, undefined as never);
  }
  override prepareQuery<T extends Omit<PreparedQueryConfig, "run">>(
    ...args: Parameters<
      SQLiteRemoteSession<Record<string, never>, Record<string, never>>["prepareQuery"]
    >
  ): RemotePreparedQuery<T> {
    const [, fields, , , mapper] = args;
    const arrays = fields !== undefined || mapper !== undefined;
    const prepared = super.prepareQuery<T>(...args);
    // The query's client is the runner of the handle it was prepared on.
    (prepared as unknown as { client: unknown }).client = (
      sql: string,
      params: unknown[],
      method: Method,
    ) => runOn(this.runner(), sql, params, method, arrays || method === "values");
    const [{ sql }, , method] = args;
    // Inserts: what a write batch sends most (src/prepared.ts, insertValues).
    if (method !== "run" || !sql.startsWith("insert ")) return prepared;
    const byPosition: RunByPosition = (values) =>
      runOn(this.runner(), sql, values, "run", false).catch((error: unknown) => {
        throw new DrizzleQueryError(sql, values, error as Error);
      });
    return Object.assign(prepared, { [RUN_BY_POSITION]: byPosition });
  }
}

export function drizzleOn(runner: () => Runner): WriteTx {
  const dialect = new SQLiteAsyncDialect();
  const session = new PostgresSession(runner, dialect);
  return new BaseSQLiteDatabase(
    "async",
    dialect,
    session as never,
    undefined,
  ) as unknown as WriteTx;
}

/**
 * The change version, read at most once per VERSION_REUSE_MS: a commit by
 * this instance drops the reading at once (its own writes show
 * immediately); another instance's commit shows within that time.
 */
class VersionReader {
  private last: { at: number; value: Promise<number> } | null = null;
  constructor(private readonly read: () => Promise<number>) {}
  get = (): Promise<number> => {
    const now = performance.now();
    if (this.last && now - this.last.at < VERSION_REUSE_MS) return this.last.value;
    const value = this.read();
    this.last = { at: now, value };
    value.catch(() => {
      this.last = null;
    });
    return value;
  };
  noteCommit() {
    this.last = null;
  }
}

export interface PostgresOptions {
  replicaUrl?: string;
  warn?: (message: string, fields: Record<string, unknown>) => void;
  /** Where the replica's return after an outage is logged. */
  info?: (message: string, fields: Record<string, unknown>) => void;
  /** True while the current request asks to read from the primary (`X-Consistency: strong`). */
  prefersPrimary?: () => boolean;
}

/**
 * What changes with every write of a record (each takes a sync number), of
 * pipelines or stages (their triggers count them) and of every event (the
 * outbox sequence), as seen by the server answering reads: three
 * primary-key lookups. Not the WAL position: rate-limit windows and delivery
 * bookkeeping commit on every request and would empty the caches.
 */
const CHANGE_VERSION = `SELECT (SELECT sum(value) FROM counters WHERE name IN ('sync', 'pipelines'))
  + coalesce((SELECT max(seq) FROM outbox_events), 0)`;

/** API keys are read again this often, so a revoke on one instance holds on all within a second. */
const SHARED_CACHE_MS = 500;

/** How long a change version read serves later callers (other instances' commits show within it). */
const VERSION_REUSE_MS = 25;

/**
 * crmd's single writer on PostgreSQL: every write transaction of every
 * instance first takes this transaction-scoped advisory lock, held until
 * COMMIT, as SQLite's BEGIN IMMEDIATE takes the write lock. What crmd
 * builds on one writer therefore holds across instances: sync numbers
 * reserved in memory after a plain read (db/sequence.ts), outbox order =
 * commit order (webhook fan-out, `since`/cursor feeds), scheduler and SLA
 * emissions decided inside one write. Webhook delivery claims take row
 * locks instead (claimTransaction). The lock is released after the commit
 * is visible, so the next writer sees it; a statement that fails outside
 * a savepoint releases it at once, before the ROLLBACK (PostgreSQL aborts
 * the transaction there), which is safe: nothing of that transaction can
 * commit, and its jobs run again in a new one (RunAgainCarefully) that
 * takes the lock again. Writes do not scale
 * with instances (group commit shares each COMMIT); reads, JSON, auth and
 * webhook sending do. It answers the server's time once the lock is held
 * (the materialized CTE runs first): the batch's writes are stamped from it.
 */
const WRITER_LOCK = `WITH locked AS MATERIALIZED (SELECT pg_advisory_xact_lock(7411002))
  SELECT ${SERVER_NOW_MS} FROM locked`;

/**
 * Seconds a new connection may take to be established, unless the URL says
 * (`?connect_timeout=N`, libpq's parameter, which Bun's client reads when no
 * option overrides it). Bun's own default, 30 s, kept a start on a host that
 * does not answer silent for a minute (the first query and the migration each
 * wait for it) before it said why it failed.
 */
export const CONNECT_TIMEOUT_SECONDS = 10;

/** The pool options of a connection URL: its own connect_timeout, else crmd's. */
const poolOptions = (url: string) => ({
  max: 16,
  idleTimeout: 30,
  ...(/[?&]connect_timeout=/.test(url) ? {} : { connectionTimeout: CONNECT_TIMEOUT_SECONDS }),
});

/**
 * PostgreSQL through Bun's built-in client (no native module). Writes run on
 * the primary under the writer lock, group-committed like SQLite's: one
 * transaction at a time per instance, on one connection of the pool. Reads
 * run on the replica when one is given (db/pg/replica.ts), else on the
 * primary.
 */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Database> {
  const primary = new SQL(url, poolOptions(url));
  // Transactions on the primary hold a connection each: counted with its statements.
  const primaryUse = new PoolUse(primary);
  const onPrimary = primaryUse.counted(runnerOf(primary));
  const replica = options.replicaUrl
    ? new ReplicaReads(
        onPrimary,
        new SQL(options.replicaUrl, poolOptions(options.replicaUrl)),
        options.warn,
        options.prefersPrimary,
        options.info,
      )
    : null;
  // Every write batch's handle runs on this session, which sends each statement on the
  // batch open at the time (one at a time: the GroupCommitter), so the write path's
  // prepared queries are built once, not once per batch (db/shared-queries.ts).
  const clock = new ServerClock(async () => {
    const [reading] = (await onPrimary(`SELECT ${SERVER_NOW_MS}`, [], false)) as Array<{
      now_ms: number;
    }>;
    return reading.now_ms;
  });
  let batchRunner: Runner | null = null;
  const writes = drizzleOn(() => {
    if (!batchRunner) throw new Error("no write batch is open");
    return batchRunner;
  });
  const write = new GroupCommitter<WriteTx>(async (body, careful) => {
    await primaryUse.during(
      primary.begin(async (conn) => {
        const [locked] = await conn.unsafe(WRITER_LOCK);
        clock.observe(locked.now_ms);
        const pipelined = careful ? null : new PipelinedWrites(conn);
        const runner = pipelined?.runner ?? runnerOf(conn);
        batchRunner = runner;
        const tx = withSavepoints(writes);
        shareQueries(tx, writes);
        try {
          // An optimistic batch runs its jobs without a SAVEPOINT each (group-commit.ts, runTracked).
          await body(tx, pipelined ?? undefined);
        } finally {
          try {
            await pipelined?.settle();
          } finally {
            batchRunner = null;
          }
        }
      }),
    );
    version.noteCommit();
    if (replica) {
      // The replica serves this instance's reads again once it has replayed this position.
      replica.noteCommit(await position(onPrimary, WAL_INSERTED));
    }
  });
  const reads = (): Runner => (replica ? replica.runner : onPrimary);
  const read = drizzleOn(reads) as unknown as ReadDb;
  const versionOn = async (runner: Runner) => {
    const { rows } = await runOn(runner, CHANGE_VERSION, [], "values", true);
    return Number((rows as unknown[][])[0][0]);
  };
  const version = new VersionReader(() => versionOn(reads()));
  // A request that reads from the primary keys its cached answers on the primary's version.
  const strong = replica ? options.prefersPrimary : undefined;
  const primaryRead = drizzleOn(() => onPrimary) as unknown as ReadDb;
  return {
    kind: "postgres",
    read,
    primaryRead,
    raw: null,
    bulkWrite: null,
    sharedWindows: sharedWindows(onPrimary),
    sharedCacheMs: SHARED_CACHE_MS,
    foldCase: null,
    clock,
    tables: schema,
    dialect: pgDialect,
    url,
    transaction: (fn) => write.run(fn),
    claimTransaction: (fn) =>
      primaryUse.during(
        primary.begin((conn) => fn(withSavepoints(drizzleOn(() => runnerOf(conn))))),
      ),
    execute: async (sql, args = []) =>
      (await runOn(onPrimary, sql, args, "all", false)).rows as Record<string, unknown>[],
    // The primary: a replica would do (one snapshot is consistent) but may lag it, and a
    // long transaction there is cancelled when replay needs the rows it still sees.
    snapshot: (fn) =>
      primaryUse.during(
        primary.begin("ISOLATION LEVEL REPEATABLE READ READ ONLY", async (conn) => {
          const runner = runnerOf(conn);
          // The snapshot is taken at the transaction's first statement: now.
          await conn.unsafe("SELECT 1");
          return fn(
            async (sql, args = []) =>
              (await runOn(runner, sql, args, "all", false)).rows as Record<string, unknown>[],
          );
        }),
      ),
    offload: async <T>(query: OffloadableQuery) => {
      const { sql, params } = query.toSQL();
      const { rows } = await runOn(reads(), sql, params, "values", true);
      return keyedRows<T>(query, rows as unknown[][]);
    },
    changeVersion: () => (strong?.() ? versionOn(onPrimary) : version.get()),
    // Long reads are pooled queries here: no worker threads to wait for.
    observeCommits: (observer) => {
      write.observer = observer;
    },
    pool: () => ({ commitQueue: write.queued, offloadBusy: 0, offloadQueued: 0 }),
    connections: () => [
      { database: "primary", inUse: primaryUse.inUse, max: primaryUse.max },
      ...(replica
        ? [{ database: "replica" as const, inUse: replica.use.inUse, max: replica.use.max }]
        : []),
    ],
    ...(replica
      ? {
          replicaUp: () => replica.answers(),
          observeReplica: (observer: ReplicaObserver) => {
            replica.observer = observer;
          },
        }
      : {}),
    async close() {
      await replica?.close();
      await primary.close();
    },
  };
}
