import { Cron } from "croner";
import type { Logger } from "./logger";

export interface JobRun {
  /** When this run started (from the app clock). */
  now: Date;
}

export interface JobDefinition {
  /** Unique name; CRMD_CRON_<NAME> overrides the schedule. */
  name: string;
  /** Default cron expression (croner syntax, seconds optional). */
  cron: string;
  run(run: JobRun): Promise<void>;
}

export interface JobStatus {
  name: string;
  cron: string;
  last_run_at: string | null;
  last_duration_ms: number | null;
  last_outcome: "ok" | "error" | null;
  last_error: string | null;
  next_run_at: string | null;
  running: boolean;
}

/**
 * Runs jobs registered by plugins on croner schedules. A job never overlaps
 * itself; a failing job is logged and tried again on its next tick.
 */
export class Scheduler {
  private jobs = new Map<
    string,
    { def: JobDefinition; cron: string; timer?: Cron; status: JobStatus }
  >();
  private started = false;

  constructor(
    private readonly logger: Logger,
    private readonly now: () => Date,
    private readonly overrides: Record<string, string> = {},
  ) {}

  register(def: JobDefinition): void {
    if (this.jobs.has(def.name)) throw new Error(`job ${def.name} registered twice`);
    const cron = this.overrides[def.name.toLowerCase().replace(/[^a-z0-9]/g, "_")] ?? def.cron;
    const status: JobStatus = {
      name: def.name,
      cron,
      last_run_at: null,
      last_duration_ms: null,
      last_outcome: null,
      last_error: null,
      next_run_at: null,
      running: false,
    };
    this.jobs.set(def.name, { def, cron, status });
    if (this.started) this.schedule(def.name);
  }

  start(): void {
    this.started = true;
    for (const name of this.jobs.keys()) this.schedule(name);
  }

  stop(): void {
    this.started = false;
    for (const job of this.jobs.values()) job.timer?.stop();
  }

  /** Runs a job now (tests and catch-up); resolves when it finishes. Skips if it is already running. */
  async runNow(name: string): Promise<JobStatus> {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`no job named ${name}`);
    if (job.status.running) return job.status;
    job.status.running = true;
    const started = performance.now();
    const now = this.now();
    try {
      await job.def.run({ now });
      job.status.last_outcome = "ok";
      job.status.last_error = null;
    } catch (error) {
      job.status.last_outcome = "error";
      job.status.last_error = (error as Error).message;
      this.logger.error("job failed", { job: name, error });
    } finally {
      job.status.running = false;
      job.status.last_run_at = now.toISOString();
      job.status.last_duration_ms = Math.round((performance.now() - started) * 100) / 100;
      job.status.next_run_at = job.timer?.nextRun()?.toISOString() ?? null;
    }
    return job.status;
  }

  status(): JobStatus[] {
    return [...this.jobs.values()].map((job) => ({
      ...job.status,
      next_run_at: job.timer?.nextRun()?.toISOString() ?? null,
    }));
  }

  private schedule(name: string) {
    const job = this.jobs.get(name);
    if (!job || job.timer) return;
    job.timer = new Cron(job.cron, { protect: true, catch: true, unref: true }, async () => {
      await this.runNow(name);
    });
  }
}
