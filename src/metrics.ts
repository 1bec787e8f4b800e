import { Memoirist } from "memoirist";
import type * as PromClient from "prom-client";
import type { ConnectionUse, PoolState, ReplicaRead } from "../db/client";
import type { BatchOutcome } from "../db/group-commit";
import type { RateLimitKind } from "./auth";
import { sampleEventLoopLag } from "./event-loop-lag";
import type { RunResult } from "./scheduler";
import type { Backlogs } from "./webhooks/fanout";

const SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** A group commit on an embedded file takes well under a millisecond. */
const COMMIT_SECONDS = [0.00025, 0.0005, ...SECONDS];
/** Writes per group commit: at most 64 (GroupCommitter's maxBatch). */
const BATCH_SIZES = [1, 2, 4, 8, 16, 32, 64];
const BATCH_OUTCOMES: BatchOutcome[] = ["committed", "failed", "run_again"];
const REPLICA_READS: ReplicaRead[] = ["replica", "primary_strong", "primary_lag", "primary_down"];

/** One outcome's two series, bound to its label once. */
interface BatchSeries {
  size: PromClient.Histogram.Internal<string>;
  seconds: PromClient.Histogram.Internal<string>;
}

export interface MetricsProbes {
  /** Outbox events not yet fanned out, deliveries waiting to be sent, catch-up work owed. */
  backlogs(): Promise<Backlogs>;
  /** Whether the database answers a query now. */
  databaseUp(): Promise<boolean>;
  /** Work waiting on the database now. */
  pool(): PoolState;
  /** With a read replica only: whether it answers a query now. */
  replicaUp?: () => Promise<boolean>;
  /** PostgreSQL only: the work on each connection pool now. */
  connections?: () => ConnectionUse[];
}

/** With a read replica only: where reads went, and whether they fell back to the primary. */
interface ReplicaSeries {
  reads: Record<ReplicaRead, PromClient.Counter.Internal>;
  fallback: PromClient.Gauge;
  fallbacks: PromClient.Counter;
}

/** prom-client's series of one server, built once the library has loaded. */
class Series {
  readonly registry: PromClient.Registry;
  private readonly registers: PromClient.Registry[];
  readonly requests: PromClient.Counter;
  readonly requestSeconds: PromClient.Histogram;
  readonly rateLimited: PromClient.Counter;
  readonly deliveries: PromClient.Counter;
  readonly deliverySeconds: PromClient.Histogram;
  readonly deliveriesInFlight: PromClient.Gauge;
  readonly jobRuns: PromClient.Counter;
  readonly jobSeconds: PromClient.Histogram;
  readonly jobEvents: PromClient.Counter;
  readonly commitBatches: Record<BatchOutcome, BatchSeries>;
  /** Ends the event-loop lag sampling into this registry. */
  readonly stopLagSampling: () => void;
  readonly replica: ReplicaSeries | null;

  constructor(
    { Counter, Gauge, Histogram, Registry }: typeof PromClient,
    processCollectors: ProcessCollector[],
    probes: MetricsProbes,
    concurrency: number,
  ) {
    this.registry = new Registry();
    this.registers = [this.registry];
    for (const registerOn of processCollectors) registerOn(this.registry);
    processCpu(Counter, this.registers);
    const lag = new Histogram({
      name: "crmd_event_loop_lag_seconds",
      help: "How late a timer due every 100 ms ran: time the event loop was busy before it could run it (sampled; a stall of 100 ms or more always shows)",
      buckets: SECONDS,
      registers: this.registers,
    });
    this.stopLagSampling = sampleEventLoopLag((seconds) => lag.observe(seconds));
    // Before the series whose collect queries the database: the pools as they were, not that work.
    const { connections } = probes;
    if (connections) connectionSeries(Gauge, this.registers, connections);
    this.replica = probes.replicaUp ? replicaSeries(Counter, Gauge, this.registers) : null;
    this.requests = new Counter({
      name: "crmd_http_requests_total",
      help: "HTTP requests answered, by method, route pattern and status",
      labelNames: ["method", "route", "status"],
      registers: this.registers,
    });
    this.requestSeconds = new Histogram({
      name: "crmd_http_request_duration_seconds",
      help: "Time from a request's arrival to its answer, by method, route pattern and status",
      labelNames: ["method", "route", "status"],
      buckets: SECONDS,
      registers: this.registers,
    });
    this.rateLimited = new Counter({
      name: "crmd_rate_limit_refusals_total",
      help: "Requests refused with 429 by a rate limit, by limit (api_key; widget_ip, widget_visitor: the widget API's; admin_token: an address locked out after too many wrong admin or metrics tokens)",
      labelNames: ["limit"],
      registers: this.registers,
    });
    this.deliveries = new Counter({
      name: "crmd_webhook_deliveries_total",
      help: "Webhook delivery attempts by outcome (success: a 2xx answer)",
      labelNames: ["outcome"],
      registers: this.registers,
    });
    this.deliverySeconds = new Histogram({
      name: "crmd_webhook_delivery_duration_seconds",
      help: "Duration of webhook delivery attempts by outcome",
      labelNames: ["outcome"],
      buckets: SECONDS,
      registers: this.registers,
    });
    this.deliveriesInFlight = new Gauge({
      name: "crmd_webhook_attempts_in_flight",
      help: "Webhook delivery requests in flight now (at most the configured concurrency)",
      registers: this.registers,
    });
    this.jobRuns = new Counter({
      name: "crmd_scheduler_job_runs_total",
      help: "Scheduler job runs by job and outcome",
      labelNames: ["job", "outcome"],
      registers: this.registers,
    });
    this.jobSeconds = new Histogram({
      name: "crmd_scheduler_job_duration_seconds",
      help: "Duration of scheduler job runs by job",
      labelNames: ["job"],
      buckets: SECONDS,
      registers: this.registers,
    });
    this.jobEvents = new Counter({
      name: "crmd_scheduler_events_total",
      help: "Events emitted by scheduler jobs, by job and event type",
      labelNames: ["job", "type"],
      registers: this.registers,
    });
    const batchSize = new Histogram({
      name: "crmd_group_commit_batch_size",
      help: "Writes that shared one group commit (one transaction), by outcome (committed; failed: nothing of it stored; run_again: a pipelined PostgreSQL batch in which a write failed, run again with a savepoint per write)",
      labelNames: ["outcome"],
      buckets: BATCH_SIZES,
      registers: this.registers,
    });
    const batchSeconds = new Histogram({
      name: "crmd_group_commit_duration_seconds",
      help: "Time of a group commit's transaction, from asking for the write lock to COMMIT (or its failure), by outcome",
      labelNames: ["outcome"],
      buckets: COMMIT_SECONDS,
      registers: this.registers,
    });
    // Every outcome's series exists from the start (0), so rates over them need no first failure.
    for (const outcome of BATCH_OUTCOMES) {
      batchSize.zero({ outcome });
      batchSeconds.zero({ outcome });
    }
    this.commitBatches = Object.fromEntries(
      BATCH_OUTCOMES.map((outcome) => [
        outcome,
        { size: batchSize.labels({ outcome }), seconds: batchSeconds.labels({ outcome }) },
      ]),
    ) as Record<BatchOutcome, BatchSeries>;
    const registers = this.registers;
    new Gauge({
      name: "crmd_webhook_concurrency_limit",
      help: "Webhook delivery requests allowed in flight at once per instance",
      registers,
    }).set(concurrency);
    // One query per scrape for the backlogs: a scrape collects every gauge at once.
    // Unknown (NaN) while the database does not answer: the scrape still shows crmd_database_up 0.
    let reading: Promise<Backlogs | null> | null = null;
    const backlogs = () =>
      (reading ??= probes
        .backlogs()
        .catch(() => null)
        .finally(() => {
          reading = null;
        }));
    new Gauge({
      name: "crmd_outbox_backlog",
      help: "Outbox events not yet fanned out to webhooks",
      registers,
      async collect() {
        this.set((await backlogs())?.outbox ?? Number.NaN);
      },
    });
    new Gauge({
      name: "crmd_webhook_delivery_backlog",
      help: "Webhook deliveries waiting to be sent (due now or later)",
      registers,
      async collect() {
        this.set((await backlogs())?.deliveries ?? Number.NaN);
      },
    });
    new Gauge({
      name: "crmd_webhook_catchup_backlog",
      help: "Outbox events paused or disabled webhooks' catch-ups have still to read before their deliveries are queued",
      registers,
      async collect() {
        this.set((await backlogs())?.catchUp ?? Number.NaN);
      },
    });
    new Gauge({
      name: "crmd_database_up",
      help: "1 when the database answered a query at scrape time",
      registers,
      async collect() {
        this.set((await probes.databaseUp()) ? 1 : 0);
      },
    });
    const { replicaUp } = probes;
    if (replicaUp)
      new Gauge({
        name: "crmd_database_replica_up",
        help: "1 when the read replica answered a query within 1 s at scrape time (0: reads go to the primary); only with a replica",
        registers,
        async collect() {
          this.set((await replicaUp()) ? 1 : 0);
        },
      });
    const pool = new Gauge({
      name: "crmd_database_pool",
      help: "Database work now: commit_queue (writes waiting for the next group commit), offload_busy (long-read worker threads running a query), offload_queued (long reads waiting for one)",
      labelNames: ["state"],
      registers,
      collect() {
        const state = probes.pool();
        pool.set({ state: "commit_queue" }, state.commitQueue);
        pool.set({ state: "offload_busy" }, state.offloadBusy);
        pool.set({ state: "offload_queued" }, state.offloadQueued);
      },
    });
    const memory = new Gauge({
      name: "crmd_process_memory_bytes",
      help: "Process memory by kind (rss, heap_total, heap_used, external)",
      labelNames: ["kind"],
      registers,
      collect() {
        const usage = process.memoryUsage();
        memory.set({ kind: "rss" }, usage.rss);
        memory.set({ kind: "heap_total" }, usage.heapTotal);
        memory.set({ kind: "heap_used" }, usage.heapUsed);
        memory.set({ kind: "external" }, usage.external);
      },
    });
    new Gauge({
      name: "crmd_process_uptime_seconds",
      help: "Seconds since the process started (deprecated: time() - process_start_time_seconds)",
      registers,
      collect() {
        this.set(process.uptime());
      },
    });
  }

  observeRequest(method: string, route: string, status: number, seconds: number) {
    const labels = { method, route, status: String(status) };
    this.requests.inc(labels);
    this.requestSeconds.observe(labels, seconds);
  }

  observeCommitBatch(writes: number, seconds: number, outcome: BatchOutcome) {
    const series = this.commitBatches[outcome];
    series.size.observe(writes);
    series.seconds.observe(seconds);
  }

  observeDelivery(ok: boolean, seconds: number) {
    const outcome = ok ? "success" : "failure";
    this.deliveries.inc({ outcome });
    this.deliverySeconds.observe({ outcome }, seconds);
  }

  observeJob(job: string, result: RunResult) {
    this.jobRuns.inc({ job, outcome: result.outcome });
    if ("duration_ms" in result) this.jobSeconds.observe({ job }, result.duration_ms / 1000);
    if (result.outcome !== "ok") return;
    for (const [type, count] of Object.entries(result.events))
      this.jobEvents.inc({ job, type }, count);
  }
}

/** PostgreSQL's connection pools: their work now, and their size. */
function connectionSeries(
  Gauge: typeof PromClient.Gauge,
  registers: PromClient.Registry[],
  connections: () => ConnectionUse[],
) {
  const max = new Gauge({
    name: "crmd_database_connections_max",
    help: "Connections a PostgreSQL pool of this instance opens at most, by database (primary, replica)",
    labelNames: ["database"],
    registers,
  });
  for (const pool of connections()) max.set({ database: pool.database }, pool.max);
  const inUse = new Gauge({
    name: "crmd_database_connections_in_use",
    help: "Work on a PostgreSQL pool of this instance now, by database (primary, replica): open transactions and statements awaiting their answer, each holding a connection; beyond crmd_database_connections_max the rest wait for one",
    labelNames: ["database"],
    registers,
    collect() {
      for (const pool of connections()) inUse.set({ database: pool.database }, pool.inUse);
    },
  });
}

function replicaSeries(
  Counter: typeof PromClient.Counter,
  Gauge: typeof PromClient.Gauge,
  registers: PromClient.Registry[],
): ReplicaSeries {
  const reads = new Counter({
    name: "crmd_database_replica_reads_total",
    help: "Reads with a read replica, by where they were served: replica; primary_strong (X-Consistency: strong); primary_lag (the replica not known to be within 1 s of the primary, or not yet at this instance's last commit); primary_down (fallen back: the replica failed to answer)",
    labelNames: ["served_by"],
    registers,
  });
  const fallbacks = new Counter({
    name: "crmd_database_replica_fallbacks_total",
    help: "Times the read replica failed to answer and reads fell back to the primary (once an outage, as its warning is logged)",
    registers,
  });
  const fallback = new Gauge({
    name: "crmd_database_replica_fallback",
    help: "1 while reads have fallen back to the primary after the read replica failed to answer, until a read on it is answered again; 0 while it serves them",
    registers,
  });
  // Every way a read may go is there from the start (0), as the fallback series are.
  for (const servedBy of REPLICA_READS) reads.inc({ served_by: servedBy }, 0);
  return {
    reads: Object.fromEntries(
      REPLICA_READS.map((servedBy) => [servedBy, reads.labels({ served_by: servedBy })]),
    ) as ReplicaSeries["reads"],
    fallback,
    fallbacks,
  };
}

type ProcessCollector = (registry: PromClient.Registry) => void;

/**
 * process_cpu_seconds_total, process_cpu_user_seconds_total and
 * process_cpu_system_seconds_total, counted from the process's start as
 * every Prometheus client counts them (prom-client's own count from when it
 * is loaded, after the listener, leaving out the start's CPU).
 */
function processCpu(Counter: typeof PromClient.Counter, registers: PromClient.Registry[]) {
  const counter = (name: string, help: string, collect?: () => void) =>
    new Counter({ name, help, registers, collect });
  // The first series' collect sets all three from one reading: the registry reads them in this order.
  const user: PromClient.Counter = counter(
    "process_cpu_user_seconds_total",
    "Total user CPU time spent in seconds.",
    () => {
      const usage = process.cpuUsage();
      for (const [series, micros] of [
        [user, usage.user],
        [system, usage.system],
        [total, usage.user + usage.system],
      ] as const) {
        series.reset();
        series.inc(micros / 1e6);
      }
    },
  );
  const system = counter(
    "process_cpu_system_seconds_total",
    "Total system CPU time spent in seconds.",
  );
  const total = counter(
    "process_cpu_seconds_total",
    "Total user and system CPU time spent in seconds.",
  );
}

/**
 * prom-client's standard process series, as every Prometheus client names
 * them: process_start_time_seconds,
 * process_resident_memory_bytes (with process_virtual_memory_bytes and
 * process_heap_bytes on Linux), process_open_fds and process_max_fds
 * (Linux); the CPU series are crmd's (processCpu). Its `nodejs_*` defaults
 * are left out: on Bun the V8 heap spaces read 0 and the version is Node's,
 * and its event-loop lag gauges start over at every scrape (two scrapers
 * each see part of the stalls) and cannot be summed across instances, where
 * the histogram crmd_event_loop_lag_seconds can.
 */
const processCollectors = (): Promise<ProcessCollector[]> =>
  Promise.all([
    import("prom-client/lib/metrics/processStartTime"),
    import("prom-client/lib/metrics/osMemoryHeap"),
    import("prom-client/lib/metrics/processOpenFileDescriptors"),
    import("prom-client/lib/metrics/processMaxFileDescriptors"),
  ]).then((modules) => modules.map((module) => module.default));

/** Recorded before prom-client loads: replayed into the series once it has. */
type Recording = (series: Series) => void;

/** Records kept waiting before the library is loaded anyway. */
const MAX_WAITING = 10_000;

/**
 * The process's Prometheus metrics, one registry per server (tests run several
 * servers in one process). prom-client loads after the listener is up (or at
 * the first scrape), off the cold-start path; what is recorded before waits
 * and is replayed, so nothing is lost. Figures that live in the database are
 * read when scraped, not kept up to date on every write.
 */
export class Metrics {
  private series: Series | null = null;
  private loading: Promise<Series> | null = null;
  private waiting: Recording[] = [];
  private stopped = false;

  constructor(
    private readonly probes: MetricsProbes,
    private readonly concurrency: number,
  ) {}

  /** Loads prom-client and builds the series (once); resolves to them. */
  load(): Promise<Series> {
    this.loading ??= Promise.all([import("prom-client"), processCollectors()]).then(
      ([client, collectors]) => {
        const series = new Series(client, collectors, this.probes, this.concurrency);
        if (this.stopped) series.stopLagSampling();
        for (const record of this.waiting) record(series);
        this.waiting = [];
        this.series = series;
        return series;
      },
    );
    return this.loading;
  }

  /** Stops what runs in the background for the metrics (the event-loop lag sampling). */
  stop() {
    this.stopped = true;
    this.series?.stopLagSampling();
  }

  /** The Prometheus text exposition and its content type. */
  async scrape(): Promise<{ text: string; contentType: string }> {
    const { registry } = await this.load();
    return { text: await registry.metrics(), contentType: registry.contentType };
  }

  private record(recording: Recording) {
    if (this.series) return recording(this.series);
    this.waiting.push(recording);
    if (this.waiting.length >= MAX_WAITING) void this.load();
  }

  /** Records an answered request; `route` is the route pattern, never the raw path. */
  observeRequest(method: string, route: string, status: number, seconds: number) {
    this.record((series) => series.observeRequest(method, route, status, seconds));
  }

  /** Records a group-commit batch; once the library has loaded, without allocating. */
  observeCommitBatch(writes: number, seconds: number, outcome: BatchOutcome) {
    if (this.series) this.series.observeCommitBatch(writes, seconds, outcome);
    else this.record((series) => series.observeCommitBatch(writes, seconds, outcome));
  }

  /** Records where a read went, with a read replica; once the library has loaded, without allocating. */
  observeReplicaRead(servedBy: ReplicaRead) {
    if (this.series) this.series.replica?.reads[servedBy].inc();
    else this.record((series) => series.replica?.reads[servedBy].inc());
  }

  /** Reads fall back to the primary (`true`), or are served by the replica again. */
  observeReplicaFallback(active: boolean) {
    this.record((series) => {
      if (!series.replica) return;
      series.replica.fallback.set(active ? 1 : 0);
      if (active) series.replica.fallbacks.inc();
    });
  }

  observeRateLimited(limit: RateLimitKind) {
    this.record((series) => series.rateLimited.inc({ limit }));
  }

  observeDelivery(ok: boolean, seconds: number) {
    this.record((series) => series.observeDelivery(ok, seconds));
  }

  /** A delivery request starts (+1) or ends (-1). */
  deliveryInFlight(change: 1 | -1) {
    this.record((series) => series.deliveriesInFlight.inc(change));
  }

  /** Records a job run that ran (not a skipped one): its outcome, duration and events. */
  observeJob(job: string, result: RunResult) {
    this.record((series) => series.observeJob(job, result));
  }
}

/**
 * The route pattern a method and path would match (`/api/external/deals/:id`),
 * or `unmatched`: metrics label requests by pattern, never by raw path.
 */
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** The methods a path has routes for (none: no route at all), for a 405's `Allow`. */
export function allowedMethods(routes: ReadonlyArray<{ method: string; path: string }>) {
  const router = new Memoirist<true>();
  for (const { method, path } of routes)
    if (METHODS.includes(method)) router.add(method, path, true);
  return (path: string): string[] => METHODS.filter((method) => router.find(method, path));
}

export function routeNamer(routes: ReadonlyArray<{ method: string; path: string }>) {
  const router = new Memoirist<string>();
  for (const { method, path } of routes) router.add(method, path, path);
  return (method: string, path: string): string =>
    router.find(method, path)?.store ?? router.find("ALL", path)?.store ?? "unmatched";
}
