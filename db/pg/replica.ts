import type { SQL } from "bun";
import { type Runner, runnerOf } from "./database";

/** How long reads stay on the primary after the replica failed, before it is tried again. */
const RETRY_AFTER_MS = 5000;
const REPLAYED = "SELECT (pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint";

/**
 * Reads on a streaming replica, with two guarantees:
 * - read-your-writes per instance: after this instance commits, reads go to
 *   the primary until the replica has replayed that commit (its WAL
 *   position, checked with one small query while it is behind); a client
 *   whose requests reach the same instance always reads its own writes;
 * - fallback: a read that cannot reach the replica runs on the primary, and
 *   reads stay there for a few seconds; a warning is logged once per outage
 *   (an answer from the replica ends it). SQL errors are not retried.
 */
export class ReplicaReads {
  private downUntil = 0;
  private readonly onReplica: Runner;
  /** WAL position of this instance's last commit, and how far the replica has replayed. */
  private written = 0;
  private replayed = 0;
  private refreshing: Promise<void> | null = null;

  constructor(
    private readonly primary: Runner,
    private readonly replica: SQL,
    private readonly warn?: (message: string, fields: Record<string, unknown>) => void,
  ) {
    this.onReplica = runnerOf(replica);
  }

  /** This instance committed up to `lsn` (the primary's WAL position after COMMIT). */
  noteCommit(lsn: number) {
    if (lsn > this.written) this.written = lsn;
  }

  readonly runner: Runner = async (sql, params, arrays) => {
    if (Date.now() < this.downUntil) return this.primary(sql, params, arrays);
    if (this.replayed < this.written) {
      this.refreshing ??= this.refresh().finally(() => {
        this.refreshing = null;
      });
      return this.primary(sql, params, arrays);
    }
    try {
      const rows = await this.onReplica(sql, params, arrays);
      this.downUntil = 0;
      return rows;
    } catch (error) {
      if (!isConnectionError(error)) throw error;
      this.markDown(error);
      return this.primary(sql, params, arrays);
    }
  };

  private async refresh() {
    try {
      const [row] = (await this.onReplica(REPLAYED, [], true)) as unknown[][];
      this.replayed = Number(row[0]);
    } catch (error) {
      if (isConnectionError(error)) this.markDown(error);
    }
  }

  private markDown(error: unknown) {
    if (this.downUntil === 0)
      this.warn?.("read replica unreachable; reading from the primary", {
        error: (error as Error).message,
      });
    this.downUntil = Date.now() + RETRY_AFTER_MS;
  }

  async close() {
    await this.replica.close();
  }
}

/**
 * The replica cannot answer (as opposed to a bad query): no SQLSTATE at all
 * (refused, reset, timed out), a connection exception (08…), a server
 * shutting down or starting (57P0…), or a database it has not replayed yet.
 */
function isConnectionError(error: unknown): boolean {
  const state = (error as { errno?: unknown }).errno;
  if (typeof state !== "string" || !/^[0-9A-Z]{5}$/.test(state)) return true;
  return state.startsWith("08") || state.startsWith("57P0") || state === "3D000";
}
