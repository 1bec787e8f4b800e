import type { SQL } from "bun";
import type { ReplicaObserver, ReplicaRead } from "../client";
import { type Runner, runnerOf } from "./database";
import { PoolUse } from "./pool-use";

/** How long reads stay on the primary after the replica failed, before it is tried again. */
const RETRY_AFTER_MS = 5000;
/**
 * The most a read served by the replica lags the primary: a read sees every
 * write committed (on any instance) at least this long before it started.
 */
export const REPLICA_MAX_LAG_MS = 1000;
/** Freshness is confirmed again once the last confirmation is this old, while reads come. */
const CONFIRM_AFTER_MS = REPLICA_MAX_LAG_MS / 4;
/** The primary's position is sampled at most this often (confirmations may follow each other closely). */
const SAMPLE_EVERY_MS = 50;
const REPLAYED = "SELECT (pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint";
/** The primary's WAL position: every transaction committed so far lies before it. */
export const WAL_INSERTED = "SELECT (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint";

/**
 * Reads on a streaming replica, with three guarantees:
 * - bounded lag: the replica serves reads only while it is known to have
 *   replayed everything the primary had written REPLICA_MAX_LAG_MS ago (the
 *   primary's WAL position is sampled every CONFIRM_AFTER_MS while reads
 *   come, and the replica's replay position compared with the samples: the
 *   newest sample it has replayed past tells how far behind it is at most,
 *   so a primary that never stops writing does not keep it unconfirmed); a
 *   replica further behind, or not yet confirmed, leaves the reads to the
 *   primary;
 * - read-your-writes per instance: after this instance commits, reads go to
 *   the primary until the replica has replayed that commit;
 * - fallback: a read that cannot reach the replica runs on the primary, and
 *   reads stay there for a few seconds; a warning is logged once per outage
 *   (an answer from the replica ends it). SQL errors are not retried.
 * A request may also ask for the primary itself (`prefersPrimary`: the
 * `X-Consistency: strong` header).
 */
export class ReplicaReads {
  private downUntil = 0;
  /** When the outage under way was first noticed (its warning logged); null while the replica serves. */
  private downSince: number | null = null;
  private readonly onReplica: Runner;
  /** WAL position of this instance's last commit, and how far the replica has replayed. */
  private written = 0;
  private replayed = 0;
  /** When the primary's position that the replica was last seen to have replayed was sampled. */
  private confirmedAt = Number.NEGATIVE_INFINITY;
  /** The primary's positions sampled within the lag bound, oldest first, with when. */
  private samples: Array<{ at: number; lsn: number }> = [];
  private confirming: Promise<void> | null = null;
  /**
   * The replica reads waiting for their answer, rejected when the replica is
   * marked down so that they move to the primary. (Not a race with one
   * promise pending for as long as the replica is up: each read raced
   * against it would stay reachable from it, its rows with it.)
   */
  private readonly waiters = new Set<(error: Error) => void>();
  /** Replica reads waiting for their answer, and the one timer that keeps checking the replica meanwhile. */
  private waiting = 0;
  private watch: ReturnType<typeof setInterval> | null = null;
  /** The replica pool's work now. */
  readonly use: PoolUse;
  /** Told where each read goes and when reads fall back (metrics). */
  observer: ReplicaObserver | null = null;

  constructor(
    private readonly primary: Runner,
    private readonly replica: SQL,
    private readonly warn?: (message: string, fields: Record<string, unknown>) => void,
    private readonly prefersPrimary: () => boolean = () => false,
    private readonly info?: (message: string, fields: Record<string, unknown>) => void,
  ) {
    this.use = new PoolUse(replica);
    this.onReplica = this.use.counted(runnerOf(replica));
  }

  /** Whether the replica answers a query now, within REPLICA_MAX_LAG_MS (what a scrape reports). */
  async answers(): Promise<boolean> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const silent = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), REPLICA_MAX_LAG_MS);
    });
    try {
      return await Promise.race([
        this.onReplica("SELECT 1", [], false).then(
          () => true,
          () => false,
        ),
        silent,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** This instance committed up to `lsn` (the primary's WAL position after COMMIT). */
  noteCommit(lsn: number) {
    if (lsn > this.written) this.written = lsn;
  }

  readonly runner: Runner = async (sql, params, arrays) => {
    const onPrimary = (why: ReplicaRead) => {
      this.observer?.read(why);
      return this.primary(sql, params, arrays);
    };
    if (this.prefersPrimary()) return onPrimary("primary_strong");
    if (Date.now() < this.downUntil) return onPrimary("primary_down");
    const now = performance.now();
    if (this.replayed < this.written || now - this.confirmedAt >= CONFIRM_AFTER_MS)
      this.confirmSoon();
    if (this.replayed < this.written || now - this.confirmedAt >= REPLICA_MAX_LAG_MS)
      return onPrimary("primary_lag");
    try {
      const rows = await this.untilDown(this.onReplica(sql, params, arrays));
      this.observer?.read("replica");
      this.downUntil = 0;
      if (this.downSince !== null) {
        this.info?.("read replica answering again; reading from it", {
          down_ms: Date.now() - this.downSince,
        });
        this.downSince = null;
        this.observer?.fallback(false);
      }
      return rows;
    } catch (error) {
      if (!isConnectionError(error)) {
        this.observer?.read("replica");
        throw error;
      }
      this.markDown(error);
      return onPrimary("primary_down");
    }
  };

  private confirmSoon() {
    this.confirming ??= this.confirm().finally(() => {
      this.confirming = null;
    });
  }

  /**
   * `read`, unless the replica is marked down first. A replica fallen silent
   * leaves a read sent to it unanswered until the network gives up on the
   * connection; while one waits, the replica keeps being checked (as if
   * reads kept coming), so the read moves to the primary within about
   * REPLICA_MAX_LAG_MS of the silence being noticed. A slow query on a
   * replica that still answers its checks goes on waiting.
   */
  private async untilDown<T>(read: Promise<T>): Promise<T> {
    read.catch(() => {});
    if (this.waiting++ === 0) this.watch = setInterval(() => this.confirmSoon(), CONFIRM_AFTER_MS);
    try {
      return await new Promise<T>((resolve, reject) => {
        this.waiters.add(reject);
        read.then(resolve, reject).finally(() => this.waiters.delete(reject));
      });
    } finally {
      if (--this.waiting === 0 && this.watch) {
        clearInterval(this.watch);
        this.watch = null;
      }
    }
  }

  /** Samples the primary's WAL position, then how far the replica has replayed. */
  private async confirm() {
    const sampledAt = performance.now();
    this.samples = this.samples.filter((s) => sampledAt - s.at < REPLICA_MAX_LAG_MS);
    const last = this.samples.at(-1);
    if (!last || sampledAt - last.at >= SAMPLE_EVERY_MS) {
      const lsn = await position(this.primary, WAL_INSERTED).catch(() => null);
      if (lsn === null) return;
      this.samples.push({ at: sampledAt, lsn });
    }
    try {
      // A replica that stopped answering (its host gone, a network cut: no
      // error, only silence) counts as down, as one that refuses does.
      const replayed = await answerWithin(position(this.onReplica, REPLAYED), REPLICA_MAX_LAG_MS);
      this.replayed = Math.max(this.replayed, replayed);
      const caughtUp = this.samples.filter((s) => s.lsn <= replayed).at(-1);
      if (caughtUp && caughtUp.at > this.confirmedAt) this.confirmedAt = caughtUp.at;
    } catch (error) {
      if (isConnectionError(error)) this.markDown(error);
    }
  }

  private markDown(error: unknown) {
    if (this.downSince === null) {
      this.downSince = Date.now();
      this.warn?.("read replica unreachable; reading from the primary", {
        error: (error as Error).message,
      });
      this.observer?.fallback(true);
    }
    this.downUntil = Date.now() + RETRY_AFTER_MS;
    const down = new Error(`read replica marked down: ${(error as Error).message}`);
    for (const reject of this.waiters) reject(down);
    this.waiters.clear();
  }

  async close() {
    await this.replica.close();
  }
}

/** `answer`, or a connection error (no SQLSTATE) once `ms` have passed without one. */
function answerWithin<T>(answer: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const silence = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  answer.catch(() => {});
  return Promise.race([answer, silence]).finally(() => clearTimeout(timer));
}

/**
 * The replica cannot answer (as opposed to a bad query): no SQLSTATE at all
 * (refused, reset, timed out), a connection exception (08…), a server
 * shutting down or starting (57P0…), or a database it has not replayed yet.
 */
/** A WAL position as a number. */
export async function position(runner: Runner, query: string): Promise<number> {
  const [row] = (await runner(query, [], true)) as unknown[][];
  return Number(row[0]);
}

function isConnectionError(error: unknown): boolean {
  const state = (error as { errno?: unknown }).errno;
  if (typeof state !== "string" || !/^[0-9A-Z]{5}$/.test(state)) return true;
  return state.startsWith("08") || state.startsWith("57P0") || state === "3D000";
}
