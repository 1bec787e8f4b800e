import { sql } from "drizzle-orm";

interface Job<Tx> {
  fn: (tx: Tx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** What one job left behind once its savepoint is settled: a result to hand over after COMMIT, or its own error. */
type Outcome =
  | { job: Job<never>; ok: true; value: unknown }
  | { job: Job<never>; ok: false; error: unknown };

interface SavepointTx {
  run(query: ReturnType<typeof sql>): Promise<unknown>;
}

/**
 * A job's savepoint statements. Through drizzle (`tx.run`) by default; a
 * backend whose statements run synchronously (bun:sqlite) gives its own,
 * prepared once and run straight on the connection: through drizzle each
 * one was built, looked up and wrapped anew.
 */
export interface SavepointStatements {
  savepoint(): unknown;
  release(): unknown;
  rollbackTo(): unknown;
}

/** What the writes sharing one commit share. */
export interface Batch {
  /** Values kept for this batch only (a block of sequence numbers), by key. */
  readonly values: Map<string, unknown>;
  /** Work for the end of the batch: in its transaction, after its last write, before COMMIT. */
  beforeCommit(fn: () => Promise<void>): void;
}

class OpenBatch implements Batch {
  readonly values = new Map<string, unknown>();
  private readonly hooks: Array<() => Promise<void>> = [];
  beforeCommit(fn: () => Promise<void>) {
    this.hooks.push(fn);
  }
  async finish() {
    for (const hook of this.hooks) await hook();
  }
}

const openBatches = new WeakMap<object, OpenBatch>();

/**
 * Thrown by a transaction that ran its writes optimistically (a backend
 * that sends writes without waiting for each answer, db/pg/pipeline.ts)
 * when one of them failed: nothing of the batch is kept and its jobs run
 * again, each statement waited for, so every job meets its own error.
 */
export class RunAgainCarefully extends Error {
  constructor(cause: unknown) {
    super("a pipelined write failed; the batch runs again statement by statement", { cause });
  }
}

/**
 * What an optimistic transaction (db/pg/pipeline.ts) tells group commit so
 * that its jobs can run without a SAVEPOINT each: whether the job running
 * now has sent a statement that may have changed something, or one that
 * failed. A job that throws having done neither leaves nothing to roll
 * back; one that throws having done either makes the batch run again with
 * a savepoint per job (RunAgainCarefully).
 */
export interface WriteTracker {
  /** A job starts: forget what the previous one sent. */
  startJob(): void;
  /** True when the current job sent a statement other than a plain read, or one that failed. */
  jobWrote(): boolean;
}

/**
 * How a batch ended: `committed`; `failed` (no transaction, or BEGIN, a
 * savepoint statement, the closing work or COMMIT failed: nothing stored);
 * `run_again` (an optimistic batch whose writes go back to the queue to run
 * with a savepoint each).
 */
export type BatchOutcome = "committed" | "failed" | "run_again";

/**
 * Told once per batch, after it ended (metrics, the debug log): how many
 * writes it held, how long its transaction took from BEGIN to COMMIT (or
 * to its failure) in seconds, and how it ended. Called with plain values,
 * so a batch costs no allocation here.
 */
export type CommitBatchObserver = (writes: number, seconds: number, outcome: BatchOutcome) => void;

/** The batch the write transaction `tx` belongs to (none outside group commit). */
export const batchOf = (tx: object): Batch | undefined => openBatches.get(tx);

/**
 * Group commit: write transactions that queue up while one is running share
 * the next COMMIT. Each caller's work runs in its own SAVEPOINT, so a caller
 * that throws is rolled back alone and gets its own error; the others' work
 * commits together, and every caller's promise settles only after that
 * COMMIT (or with the COMMIT's error: then nothing of the batch is stored).
 * An optimistic transaction that tracks its writes (WriteTracker) runs its
 * callers without savepoints, and again with them when one that wrote throws.
 *
 * Why: a commit writes every page the transaction dirtied to the WAL (a deal
 * insert touches 16 indexes, the search index, the activity log and the
 * outbox), about 0.6 ms on this machine, while the inserts themselves take
 * about 0.1 ms. Sharing it between the requests in flight is what makes
 * `POST` scale with concurrency.
 *
 * A job sees the uncommitted work of the jobs before it in the same batch,
 * exactly as it would had they committed first: writes stay serial.
 */
export class GroupCommitter<Tx extends SavepointTx> {
  private queue: Job<Tx>[] = [];
  private draining = false;
  /** Told of each batch once it ends; set by whoever watches the database (the server). */
  observer: CommitBatchObserver | null = null;
  private lastWrites = 0;
  private lastCommitted = false;

  constructor(
    /**
     * Runs `body` in one write transaction: commits when it resolves, rolls
     * back when it throws. `careful`: after a RunAgainCarefully, the batch
     * runs again with every statement waited for.
     */
    private readonly transaction: (
      body: (tx: Tx, tracker?: WriteTracker) => Promise<void>,
      careful: boolean,
    ) => Promise<void>,
    /** Most jobs sharing one commit: bounds how long a batch holds the write lock. */
    private readonly maxBatch = 64,
    /** The savepoint statements, when the backend runs them itself (else through `tx.run`). */
    private readonly savepoints?: SavepointStatements,
  ) {}

  /** Writes waiting for the next commit (the batch being committed not counted). */
  get queued(): number {
    return this.queue.length;
  }

  run<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as (value: unknown) => void, reject });
      if (this.draining) return;
      this.draining = true;
      // Start after the current turn of the event loop: the requests that
      // arrived with this one reach their writes first and share the commit.
      setImmediate(() => void this.drain());
    });
  }

  private async drain() {
    try {
      let careful = false;
      while (this.queue.length > 0) careful = await this.commitBatch(careful);
    } finally {
      this.draining = false;
    }
  }

  /** Commits the next batch and tells the observer how it went. */
  private async commitBatch(careful: boolean): Promise<boolean> {
    const observer = this.observer;
    if (!observer) return this.runBatch(careful);
    const started = performance.now();
    const runAgain = await this.runBatch(careful);
    const outcome = runAgain ? "run_again" : this.lastCommitted ? "committed" : "failed";
    try {
      observer(this.lastWrites, (performance.now() - started) / 1000, outcome);
    } catch {
      // Watching must never stop the writes: the next batch runs all the same.
    }
    return runAgain;
  }

  /**
   * Runs the next batch; true when its jobs went back to the queue to run
   * again carefully. Leaves how many writes it took and whether it
   * committed in lastWrites and lastCommitted, for the observer.
   */
  private async runBatch(careful: boolean): Promise<boolean> {
    const outcomes: Outcome[] = [];
    let current: Job<Tx> | null = null;
    let begun = false;
    try {
      await this.transaction(async (tx, tracker) => {
        begun = true;
        const batch = new OpenBatch();
        openBatches.set(tx, batch);
        const savepoints = this.savepoints ?? throughDrizzle(tx);
        try {
          while (this.queue.length > 0 && outcomes.length < this.maxBatch) {
            current = this.queue.shift() as Job<Tx>;
            outcomes.push(
              await (tracker
                ? runTracked(tx, current, tracker)
                : runInSavepoint(tx, current, savepoints)),
            );
            current = null;
          }
          await batch.finish();
        } finally {
          openBatches.delete(tx);
        }
      }, careful);
    } catch (error) {
      if (error instanceof RunAgainCarefully && !careful) {
        const jobs = outcomes.map((o) => o.job as Job<Tx>);
        if (current) jobs.push(current);
        this.queue.unshift(...jobs);
        return this.ended(jobs.length, false, true);
      }
      // No transaction (the database is unreachable): the jobs this batch would have
      // taken fail now; left queued, they would be retried at once, forever.
      if (!begun) {
        const jobs = this.queue.splice(0, this.maxBatch);
        for (const job of jobs) job.reject(error);
        return this.ended(jobs.length, false, false);
      }
      // BEGIN, a savepoint statement, the batch's closing work or COMMIT failed:
      // nothing of this batch is stored.
      const failing = current as Job<Tx> | null;
      failing?.reject(error);
      for (const outcome of outcomes) outcome.job.reject(outcome.ok ? error : outcome.error);
      return this.ended(outcomes.length + (failing ? 1 : 0), false, false);
    }
    for (const outcome of outcomes) {
      if (outcome.ok) outcome.job.resolve(outcome.value);
      else outcome.job.reject(outcome.error);
    }
    return this.ended(outcomes.length, true, false);
  }

  private ended(writes: number, committed: boolean, runAgain: boolean): boolean {
    this.lastWrites = writes;
    this.lastCommitted = committed;
    return runAgain;
  }
}

const SAVEPOINT = sql.raw("SAVEPOINT crmd_write");
const RELEASE = sql.raw("RELEASE crmd_write");
const ROLLBACK_TO = sql.raw("ROLLBACK TO crmd_write");

const throughDrizzle = (tx: SavepointTx): SavepointStatements => ({
  savepoint: () => tx.run(SAVEPOINT),
  release: () => tx.run(RELEASE),
  rollbackTo: () => tx.run(ROLLBACK_TO),
});

/**
 * Runs one job in its savepoint. Its own failure is its outcome; a failing
 * savepoint statement is not (SQLite may have rolled the whole transaction
 * back, e.g. on a full disk) and propagates to fail the batch.
 */
async function runInSavepoint<Tx>(
  tx: Tx,
  job: Job<Tx>,
  statements: SavepointStatements,
): Promise<Outcome> {
  await statements.savepoint();
  let value: unknown;
  try {
    value = await job.fn(tx);
  } catch (error) {
    await statements.rollbackTo();
    await statements.release();
    return { job: job as Job<never>, ok: false, error };
  }
  await statements.release();
  return { job: job as Job<never>, ok: true, value };
}

/**
 * Runs one job of an optimistic batch without a savepoint: a failure before
 * it changed anything is its own outcome; after, nothing of the batch can
 * be kept without rolling back its part, so the batch runs again carefully
 * (a savepoint per job), where the job meets its error alone.
 */
async function runTracked<Tx>(tx: Tx, job: Job<Tx>, tracker: WriteTracker): Promise<Outcome> {
  tracker.startJob();
  try {
    return { job: job as Job<never>, ok: true, value: await job.fn(tx) };
  } catch (error) {
    if (tracker.jobWrote()) throw new RunAgainCarefully(error);
    return { job: job as Job<never>, ok: false, error };
  }
}

/**
 * A write transaction whose nested transactions are SAVEPOINTs that wait for
 * async work (drizzle's bun:sqlite ones commit at the first `await`) and run
 * on the same object, so work nested in a write still finds its batch.
 */
export function withSavepoints<Tx extends SavepointTx & { transaction: unknown }>(db: Tx): Tx {
  let depth = 0;
  const tx = Object.create(db) as Tx;
  tx.transaction = async <T>(fn: (inner: Tx) => Promise<T>) => {
    const name = `sp${depth++}`;
    await tx.run(sql.raw(`SAVEPOINT ${name}`));
    try {
      const result = await fn(tx);
      await tx.run(sql.raw(`RELEASE ${name}`));
      return result;
    } catch (error) {
      await tx.run(sql.raw(`ROLLBACK TO ${name}`));
      await tx.run(sql.raw(`RELEASE ${name}`));
      throw error;
    } finally {
      depth--;
    }
  };
  return tx;
}
