import type { SQL } from "bun";
import { RunAgainCarefully, type WriteTracker } from "../group-commit";
import { type Runner, runnerOf } from "./database";

/**
 * A statement whose answer a write never needs, beyond "it worked": a
 * savepoint statement, or a plain INSERT … VALUES (no ON CONFLICT, no
 * RETURNING), which stores exactly its rows or fails.
 */
const SAVEPOINT_WORK = /^(savepoint|release|rollback to)\s/i;
const PLAIN_INSERT = /^insert\s+into\s+[^(]+\([^)]*\)\s+values\s*\(/i;
const ANSWER_MATTERS = /\s(on\s+conflict|returning)\s/i;

/** A statement that only reads: a SELECT (a WITH may hold a write, so it counts as one). */
const PLAIN_READ = /^\s*select\s/i;

/** How many rows a plain INSERT … VALUES stores: its value tuples. */
const insertedRows = (sql: string): number => sql.split("), (").length;

/**
 * The write connection of one optimistic group-commit batch on PostgreSQL:
 * statements whose answer does not matter are sent without waiting for it
 * (Bun.SQL pipelines them on the connection), so a batch of POSTs costs a
 * few round trips instead of five or more per write. The connection answers
 * in order, so a later read sees them. Should one fail, the transaction is
 * aborted: `settle` throws RunAgainCarefully before COMMIT and the batch
 * runs again with every statement waited for (db/group-commit.ts), where the
 * failing write meets its own error.
 */
export class PipelinedWrites implements WriteTracker {
  readonly runner: Runner;
  private pending: Promise<unknown>[] = [];
  private failure: { error: unknown } | null = null;
  /** The current group-commit job sent a write, or a statement of it failed. */
  private wrote = false;

  constructor(private readonly conn: SQL) {
    const run = runnerOf(conn);
    const tracked: Runner = (sql, params, arrays) => {
      if (!PLAIN_READ.test(sql)) this.wrote = true;
      return run(sql, params, arrays).catch((error: unknown) => {
        this.wrote = true;
        throw error;
      });
    };
    this.runner = Object.assign(tracked, { send: this.send });
  }

  startJob(): void {
    this.wrote = false;
  }

  jobWrote(): boolean {
    return this.wrote;
  }

  /** Sends `sql` without waiting; undefined when its answer is needed (run it normally). */
  private readonly send = (
    sql: string,
    params: unknown[],
  ): { rowsAffected: number } | undefined => {
    const savepoint = SAVEPOINT_WORK.test(sql);
    if (!savepoint && !(PLAIN_INSERT.test(sql) && !ANSWER_MATTERS.test(sql))) return undefined;
    this.wrote = true;
    const answer = this.conn.unsafe(sql, params).then(
      () => {},
      (error: unknown) => {
        this.failure ??= { error };
      },
    );
    this.pending.push(answer);
    return { rowsAffected: savepoint ? 0 : insertedRows(sql) };
  };

  /** Waits for every statement sent; throws RunAgainCarefully when one failed. */
  async settle(): Promise<void> {
    await Promise.all(this.pending);
    this.pending = [];
    if (this.failure) throw new RunAgainCarefully(this.failure.error);
  }
}
