import { Memoirist } from "memoirist";
import { Counter, Gauge, Histogram, Registry } from "prom-client";

const SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface MetricsProbes {
  /** Outbox events not yet fanned out, and deliveries waiting to be sent. */
  backlogs(): Promise<{ outbox: number; deliveries: number }>;
  /** Whether the database answers a query now. */
  databaseUp(): Promise<boolean>;
}

/**
 * The process's Prometheus metrics, one registry per server (tests run several
 * servers in one process). Figures that live in the database are read when
 * scraped, not kept up to date on every write.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly registers = [this.registry];

  readonly requests = new Counter({
    name: "crmd_http_requests_total",
    help: "HTTP requests answered, by method, route pattern and status",
    labelNames: ["method", "route", "status"],
    registers: this.registers,
  });
  readonly requestSeconds = new Histogram({
    name: "crmd_http_request_duration_seconds",
    help: "Time from a request's arrival to its answer, by method, route pattern and status",
    labelNames: ["method", "route", "status"],
    buckets: SECONDS,
    registers: this.registers,
  });
  readonly rateLimited = new Counter({
    name: "crmd_rate_limit_refusals_total",
    help: "Requests refused with 429 because their API key was over its rate limit",
    registers: this.registers,
  });
  readonly deliveries = new Counter({
    name: "crmd_webhook_deliveries_total",
    help: "Webhook delivery attempts by outcome (success: a 2xx answer)",
    labelNames: ["outcome"],
    registers: this.registers,
  });
  readonly deliverySeconds = new Histogram({
    name: "crmd_webhook_delivery_duration_seconds",
    help: "Duration of webhook delivery attempts by outcome",
    labelNames: ["outcome"],
    buckets: SECONDS,
    registers: this.registers,
  });
  readonly deliveriesInFlight = new Gauge({
    name: "crmd_webhook_attempts_in_flight",
    help: "Webhook delivery requests in flight now (at most the configured concurrency)",
    registers: this.registers,
  });
  readonly jobRuns = new Counter({
    name: "crmd_scheduler_job_runs_total",
    help: "Scheduler job runs by job and outcome",
    labelNames: ["job", "outcome"],
    registers: this.registers,
  });
  readonly jobSeconds = new Histogram({
    name: "crmd_scheduler_job_duration_seconds",
    help: "Duration of scheduler job runs by job",
    labelNames: ["job"],
    buckets: SECONDS,
    registers: this.registers,
  });

  constructor(probes: MetricsProbes, concurrency: number) {
    const registers = this.registers;
    new Gauge({
      name: "crmd_webhook_concurrency_limit",
      help: "Webhook delivery requests allowed in flight at once per instance",
      registers,
    }).set(concurrency);
    const outbox = new Gauge({
      name: "crmd_outbox_backlog",
      help: "Outbox events not yet fanned out to webhooks",
      registers,
    });
    new Gauge({
      name: "crmd_webhook_delivery_backlog",
      help: "Webhook deliveries waiting to be sent (due now or later)",
      registers,
      async collect() {
        const backlogs = await probes.backlogs();
        outbox.set(backlogs.outbox);
        this.set(backlogs.deliveries);
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
      help: "Seconds since the process started",
      registers,
      collect() {
        this.set(process.uptime());
      },
    });
  }

  /** Records an answered request; `route` is the route pattern, never the raw path. */
  observeRequest(method: string, route: string, status: number, seconds: number) {
    const labels = { method, route, status: String(status) };
    this.requests.inc(labels);
    this.requestSeconds.observe(labels, seconds);
  }

  observeDelivery(ok: boolean, seconds: number) {
    const outcome = ok ? "success" : "failure";
    this.deliveries.inc({ outcome });
    this.deliverySeconds.observe({ outcome }, seconds);
  }

  observeJob(job: string, outcome: string, seconds: number) {
    this.jobRuns.inc({ job, outcome });
    this.jobSeconds.observe({ job }, seconds);
  }
}

/**
 * The route pattern a method and path would match (`/api/external/deals/:id`),
 * or `unmatched`: metrics label requests by pattern, never by raw path.
 */
export function routeNamer(routes: ReadonlyArray<{ method: string; path: string }>) {
  const router = new Memoirist<string>();
  for (const { method, path } of routes) router.add(method, path, path);
  return (method: string, path: string): string =>
    router.find(method, path)?.store ?? router.find("ALL", path)?.store ?? "unmatched";
}
