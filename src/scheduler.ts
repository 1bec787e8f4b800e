import { hostname } from "node:os";
import { Cron } from "croner";
import { eq, or, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { schedulerJobs, schedulerLeases } from "../db/schema";
import type { Clock } from "./clock";
import { ConfigError } from "./config";
import type { Logger } from "./logger";

/** Default schedules: checks run every minute, housekeeping hourly. */
export const EVERY_MINUTE = "* * * * *";
export const HOURLY = "0 * * * *";

export interface JobRun {
  /** When this run started (from the app clock). */
  now: Date;
  /** `now` of the last successful run of this job by any instance; null on its first run. */
  since: Date | null;
  /** The `state` the last successful run returned (JSON); null on the first run. */
  state: unknown;
}

export interface JobDefinition {
  /** Unique name; CRMD_CRON_<NAME> overrides the schedule (non-alphanumerics become _). */
  name: string;
  /** Default cron expression (croner syntax, seconds optional). */
  cron: string;
  /**
   * Does the work; may return state (JSON) for the next run and how many
   * events of each type it emitted. Throwing fails the run: it is retried
   * next tick from the same watermark.
   */
  run(run: JobRun): Promise<{ state?: unknown; events?: EventCounts } | undefined>;
}

/** Events emitted by type. */
export type EventCounts = Record<string, number>;

export type RunResult =
  | { outcome: "ok"; duration_ms: number; events: EventCounts }
  | { outcome: "error"; duration_ms: number; error: string }
  | { outcome: "skipped"; reason: "running" | "lease_held" | "stopped"; holder?: string };

export interface JobStatus {
  name: string;
  cron: string;
  /** Running on this instance now. */
  running: boolean;
  last_run_at: string | null;
  last_run_by: string | null;
  last_duration_ms: number | null;
  last_outcome: "ok" | "error" | null;
  last_error: string | null;
  /** `now` of the last successful run: the next run covers what became due after it. */
  watermark: string | null;
  /** Next scheduled tick on this instance (null when its timers are not started). */
  next_run_at: string | null;
  lease_holder: string | null;
  lease_expires_at: string | null;
}

export interface SchedulerOptions {
  db: Database;
  logger: Logger;
  clock: Clock;
  /** Cron overrides by normalised job name (config.cron). */
  overrides?: Record<string, string>;
  /** How long a job's lease lasts without renewal. */
  leaseMs: number;
  /** Identifies this process in leases and run records. */
  instanceId?: string;
  /** Told of every run that ran (metrics). */
  onRun?: (job: string, result: RunResult) => void;
}

interface Job {
  def: JobDefinition;
  cron: string;
  timer?: Cron;
  running: Promise<RunResult> | null;
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const round = (ms: number) => Math.round(ms * 100) / 100;

/** Key of a job name in config.cron (CRMD_CRON_TASK_OVERDUE → task_overdue). */
export const cronKey = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "_");

/**
 * Runs jobs registered by plugins on croner schedules.
 *
 * - A job never overlaps itself: in this process (one run at a time), and
 *   across processes on one database (a lease row per job: only its holder
 *   runs the job; the holder renews it on every tick and while a run lasts;
 *   a dead holder's lease expires and another instance takes over).
 * - Each run gets `since` (the watermark: `now` of the last successful run,
 *   whoever ran it) and the state that run left; both are stored in the
 *   database, so restarts and other instances continue where it stopped.
 * - A failing run is logged and recorded; its watermark is not advanced, so
 *   the next tick retries the same span.
 */
export class Scheduler {
  readonly instanceId: string;
  private jobs = new Map<string, Job>();
  private started = false;
  private stopped = false;

  constructor(private readonly options: SchedulerOptions) {
    this.instanceId =
      options.instanceId ?? `${hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`;
  }

  register(def: JobDefinition): void {
    if (this.jobs.has(def.name)) throw new Error(`job ${def.name} registered twice`);
    const override = this.options.overrides?.[cronKey(def.name)];
    const cron = override ?? def.cron;
    try {
      new Cron(cron, { paused: true }).stop();
    } catch (error) {
      const from = override ? ` (CRMD_CRON_${cronKey(def.name).toUpperCase()})` : "";
      const message = `job ${def.name}: invalid cron "${cron}"${from}: ${(error as Error).message}`;
      throw override ? new ConfigError(message) : new Error(message);
    }
    this.jobs.set(def.name, { def, cron, running: null });
    if (this.started) this.schedule(def.name);
  }

  /**
   * Refuses an override (CRMD_CRON_<JOB>) that names no registered job: a
   * misspelt name would otherwise leave the job on its default schedule unseen.
   */
  checkOverrides(): void {
    const known = [...this.jobs.keys()].map(cronKey).sort();
    const unknown = Object.keys(this.options.overrides ?? {}).filter((k) => !known.includes(k));
    if (unknown.length)
      throw new ConfigError(
        `${unknown.map((k) => `CRMD_CRON_${k.toUpperCase()}`).join(", ")} names no scheduler job; the jobs are ${known.join(", ")}`,
      );
  }

  start(): void {
    if (this.stopped) return;
    this.started = true;
    for (const name of this.jobs.keys()) this.schedule(name);
  }

  /** Stops the timers, waits for running jobs and releases this instance's leases. Idempotent. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.started = false;
    for (const job of this.jobs.values()) job.timer?.stop();
    await Promise.all([...this.jobs.values()].map((job) => job.running));
    await this.options.db
      .transaction((tx) =>
        tx.delete(schedulerLeases).where(eq(schedulerLeases.holder, this.instanceId)),
      )
      .catch((error) => this.options.logger.warn("releasing leases failed", { error }));
  }

  /**
   * Runs a job now, as a tick would (tests advance the clock, then call this).
   * Skipped when it is already running here, when another instance holds its
   * lease, or after stop().
   */
  runNow(name: string): Promise<RunResult> {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`no job named ${name}`);
    if (this.stopped) return Promise.resolve({ outcome: "skipped", reason: "stopped" });
    if (job.running) return Promise.resolve({ outcome: "skipped", reason: "running" });
    job.running = this.tick(job)
      .then((result) => {
        if (result.outcome !== "skipped") this.options.onRun?.(name, result);
        return result;
      })
      .finally(() => {
        job.running = null;
      });
    return job.running;
  }

  /** Every job with its last run (from the database, whichever instance ran it), next tick and lease. */
  async status(): Promise<JobStatus[]> {
    const { db } = this.options;
    const [runs, leases] = await Promise.all([
      db.read.select().from(schedulerJobs),
      db.read.select().from(schedulerLeases),
    ]);
    const runOf = new Map(runs.map((r) => [r.job, r]));
    const leaseOf = new Map(leases.map((l) => [l.job, l]));
    return [...this.jobs.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, job]) => {
        const run = runOf.get(name);
        const lease = leaseOf.get(name);
        return {
          name,
          cron: job.cron,
          running: job.running !== null,
          last_run_at: iso(run?.lastRunAt),
          last_run_by: run?.lastRunBy ?? null,
          last_duration_ms: run?.lastDurationMs ?? null,
          last_outcome: (run?.lastOutcome as JobStatus["last_outcome"]) ?? null,
          last_error: run?.lastError ?? null,
          watermark: iso(run?.watermark),
          next_run_at: iso(job.timer?.nextRun()),
          lease_holder: lease?.holder ?? null,
          lease_expires_at: iso(lease?.expiresAt),
        };
      });
  }

  private schedule(name: string) {
    const job = this.jobs.get(name);
    if (!job || job.timer) return;
    job.timer = new Cron(job.cron, { protect: true, catch: true, unref: true }, async () => {
      await this.runNow(name);
    });
  }

  private async tick(job: Job): Promise<RunResult> {
    const { clock, logger, leaseMs } = this.options;
    const name = job.def.name;
    const now = clock.now();
    let holder: string;
    try {
      holder = await this.acquireLease(name, now);
    } catch (error) {
      logger.error("job lease failed", { job: name, error });
      return { outcome: "error", duration_ms: 0, error: (error as Error).message };
    }
    if (holder !== this.instanceId) {
      logger.debug("job skipped: another instance holds its lease", { job: name, holder });
      return { outcome: "skipped", reason: "lease_held", holder };
    }

    // Keep the lease while a long run (a catch-up) lasts.
    const renewal = setInterval(() => {
      this.acquireLease(name, clock.now()).catch((error) =>
        logger.warn("job lease renewal failed", { job: name, error }),
      );
    }, leaseMs / 3);
    const started = performance.now();
    try {
      const [previous] = await this.options.db.read
        .select()
        .from(schedulerJobs)
        .where(eq(schedulerJobs.job, name));
      const result = await job.def.run({
        now,
        since: previous?.watermark ?? null,
        state: previous?.state ?? null,
      });
      const duration = round(performance.now() - started);
      await this.recordSuccess(name, now, duration, result?.state ?? null);
      logger.debug("job ran", { job: name, duration_ms: duration, events: result?.events ?? {} });
      return { outcome: "ok", duration_ms: duration, events: result?.events ?? {} };
    } catch (error) {
      const duration = round(performance.now() - started);
      const message = (error as Error).message;
      logger.error("job failed", { job: name, error });
      await this.recordFailure(name, now, duration, message).catch((e) =>
        logger.error("recording job failure failed", { job: name, error: e }),
      );
      return { outcome: "error", duration_ms: duration, error: message };
    } finally {
      clearInterval(renewal);
    }
  }

  /**
   * Takes or renews the job's lease in one conditional upsert: it succeeds
   * when nobody holds it, this instance holds it, or the holder's lease has
   * expired. Returns the holder afterwards.
   */
  private async acquireLease(job: string, now: Date): Promise<string> {
    const expiresAt = new Date(now.getTime() + this.options.leaseMs);
    const [taken] = await this.options.db.transaction((tx) =>
      tx
        .insert(schedulerLeases)
        .values({ job, holder: this.instanceId, expiresAt })
        .onConflictDoUpdate({
          target: schedulerLeases.job,
          set: { holder: this.instanceId, expiresAt },
          setWhere: or(
            eq(schedulerLeases.holder, this.instanceId),
            sql`${schedulerLeases.expiresAt} <= ${now.getTime()}`,
          ),
        })
        .returning({ holder: schedulerLeases.holder }),
    );
    if (taken) return taken.holder;
    const [current] = await this.options.db.read
      .select({ holder: schedulerLeases.holder })
      .from(schedulerLeases)
      .where(eq(schedulerLeases.job, job));
    return current?.holder ?? "";
  }

  /** Advances the watermark, unless another instance already moved it past `now`. */
  private recordSuccess(job: string, now: Date, durationMs: number, state: unknown) {
    const row = {
      lastRunAt: now,
      lastRunBy: this.instanceId,
      lastDurationMs: durationMs,
      lastOutcome: "ok",
      lastError: null,
      watermark: now,
      state,
    };
    return this.options.db.transaction((tx) =>
      tx
        .insert(schedulerJobs)
        .values({ job, ...row })
        .onConflictDoUpdate({
          target: schedulerJobs.job,
          set: row,
          setWhere: sql`${schedulerJobs.watermark} is null or ${schedulerJobs.watermark} <= ${now.getTime()}`,
        }),
    );
  }

  /** Records the failure; the watermark and state stay, so the next tick retries the span. */
  private recordFailure(job: string, now: Date, durationMs: number, error: string) {
    const row = {
      lastRunAt: now,
      lastRunBy: this.instanceId,
      lastDurationMs: durationMs,
      lastOutcome: "error",
      lastError: error,
    };
    return this.options.db.transaction((tx) =>
      tx
        .insert(schedulerJobs)
        .values({ job, ...row, watermark: null, state: null })
        .onConflictDoUpdate({ target: schedulerJobs.job, set: row }),
    );
  }
}
