import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SQL } from "bun";
import { ADMIN_FAILURES_PER_MINUTE } from "../src/auth";
import { ManualClock } from "../src/clock";
import type { WebhookDispatcher } from "../src/core";
import { LAG_SAMPLE_EVERY_MS } from "../src/event-loop-lag";
import { catchUp } from "../src/webhooks/fanout";
import { testPostgresUrl } from "./helpers/database";
import { startHranaServer } from "./helpers/hrana-server";
import { startTestServer, type TestServer } from "./helpers/server";
import { insertTask } from "./sla.fixtures";
import { type Receiver, startReceiver } from "./webhook-receiver";

const METRICS_TOKEN = "metrics-token-for-tests-0123456789abcdef";
let server: TestServer;
let receiver: Receiver;
beforeAll(async () => {
  server = await startTestServer({
    config: { metricsToken: METRICS_TOKEN, rateLimit: 3, widgetIpRateLimit: 2 },
  });
  receiver = startReceiver((request) =>
    request.path === "/fail" ? new Response("no", { status: 500 }) : new Response("ok"),
  );
});
afterAll(async () => {
  receiver.close();
  await server.close();
});

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}
interface Family {
  name: string;
  type: string;
  samples: Sample[];
}

/** The system Python, where .ci/run installs prometheus_client (Debian's python3-prometheus-client). */
const PYTHON = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

/** Parses exposition text with Prometheus's reference parser (prometheus_client). */
async function parsePrometheus(text: string): Promise<Family[]> {
  const parser = Bun.spawn([PYTHON, join(import.meta.dir, "helpers", "prometheus_parse.py")], {
    stdin: new TextEncoder().encode(text),
    stdout: "pipe",
    stderr: "pipe",
  });
  const [out, err] = [
    await new Response(parser.stdout).text(),
    await new Response(parser.stderr).text(),
  ];
  if ((await parser.exited) !== 0) throw new Error(`prometheus parser failed: ${err}`);
  return JSON.parse(out);
}

/** Scrapes /metrics; returns the parsed families and a finder over their samples. */
async function scrape(token = METRICS_TOKEN) {
  const reply = await fetch(`${server.url}/metrics`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(reply.status).toBe(200);
  expect(reply.headers.get("content-type")).toStartWith("text/plain; version=0.0.4");
  const families = await parsePrometheus(await reply.text());
  const types = new Map(families.map((f) => [f.name, f.type]));
  const samples = families.flatMap((f) => f.samples);
  /** The value of the sample with this name whose labels include `labels` (undefined if none). */
  const value = (name: string, labels: Record<string, string> = {}) =>
    samples.find(
      (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
    )?.value;
  return { types, value };
}

describe("GET /metrics", () => {
  test("refuses a scrape without the metrics or admin token", async () => {
    for (const headers of [{}, { authorization: "Bearer wrong" }] as Record<string, string>[]) {
      const reply = await fetch(`${server.url}/metrics`, { headers });
      expect(reply.status).toBe(401);
      expect(((await reply.json()) as { code: string }).code).toBe("UNAUTHORIZED");
    }
    const admin = await fetch(`${server.url}/metrics`, {
      headers: { authorization: `Bearer ${server.adminToken}` },
    });
    expect(admin.status).toBe(200);
  });

  test("an address locked out after wrong tokens still gets its scrapes with the metrics token; wrong tokens and the admin token stay refused", async () => {
    // A server of its own: the lockout would refuse this file's other scrapes from this address.
    const own = await startTestServer({ config: { metricsToken: METRICS_TOKEN } });
    try {
      const get = (token: string) =>
        fetch(`${own.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
      for (let n = 0; n < ADMIN_FAILURES_PER_MINUTE; n++)
        expect((await get(`wrong-token-${n}`)).status).toBe(401);
      const locked = await get("wrong-token-x");
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
      // A Prometheus scraper behind the same address keeps scraping.
      for (let n = 0; n < 3; n++) {
        const scraped = await get(METRICS_TOKEN);
        expect(scraped.status).toBe(200);
        expect(await scraped.text()).toContain("crmd_http_requests_total");
      }
      // Guesses stay throttled: a wrong token, or no token, is 429 while locked out,
      // and so is the admin token, which could otherwise be guessed here at full speed.
      expect((await get("wrong-token-y")).status).toBe(429);
      expect((await fetch(`${own.url}/metrics`)).status).toBe(429);
      expect((await get(own.adminToken)).status).toBe(429);
      expect(
        (
          await fetch(`${own.url}/api/external/tenants`, {
            headers: { authorization: `Bearer ${own.adminToken}` },
          })
        ).status,
      ).toBe(429);
    } finally {
      await own.close();
    }
  });

  test("after traffic, a Prometheus parser finds every series: requests, rate limits, deliveries, backlogs, scheduler, database, workers, memory", async () => {
    const { api, tenantId } = await server.tenant(undefined, ["*"], { rate_limit: 100 });
    const limited = await server.tenant(undefined, ["deals:read"], { rate_limit: 1 });
    await api.get("/api/external/deals");
    await api.get("/api/external/deals/0190f5c4-7d2a-7c3e-8a1b-2f4d6e8a0b1c");
    await server.anonymous.get("/api/external/deals");
    await limited.api.get("/api/external/deals");
    expect((await limited.api.get("/api/external/deals")).status).toBe(429);

    for (const path of ["/ok", "/fail"])
      await api.post("/api/external/webhooks", { url: receiver.url(path), events: ["deal.*"] });
    await api.post("/api/external/pipelines", {
      name: "Sales",
      pipeline_type: "sales",
      stages: [{ name: "New" }, { name: "Won", kind: "won" }],
    });
    expect((await api.post("/api/external/deals", { title: "Metrics" })).status).toBe(201);
    const dispatcher = server.ctx.workers.find(
      (w) => w.name === "webhook-dispatcher",
    ) as WebhookDispatcher;
    const job = "task_overdue";
    await insertTask(server.ctx, tenantId, { dueAt: new Date(Date.now() - 3_600_000) });
    await server.ctx.scheduler.runNow(job);
    await dispatcher.drain();

    const m = await scrape();
    expect(m.types.get("crmd_http_requests")).toBe("counter");
    const requests = (route: string, status: string, method = "GET") =>
      m.value("crmd_http_requests_total", { method, route, status });
    expect(requests("/api/external/deals", "200")).toBeGreaterThanOrEqual(1);
    expect(requests("/api/external/deals/:id", "404")).toBe(1);
    expect(requests("/api/external/deals", "401")).toBe(1);
    expect(requests("/api/external/deals", "429")).toBe(1);
    expect(requests("/api/external/deals", "201", "POST")).toBe(1);
    // Refused before the first scrape loaded the metrics library: kept, not lost.
    expect(requests("/metrics", "401")).toBe(2);
    expect(m.types.get("crmd_http_request_duration_seconds")).toBe("histogram");
    const latency = { method: "GET", route: "/api/external/deals", status: "200" };
    expect(m.value("crmd_http_request_duration_seconds_count", latency)).toBe(
      requests("/api/external/deals", "200") as number,
    );
    expect(
      m.value("crmd_http_request_duration_seconds_bucket", { ...latency, le: "+Inf" }),
    ).toBeGreaterThanOrEqual(1);
    expect(m.value("crmd_rate_limit_refusals_total")).toBe(1);

    expect(m.value("crmd_webhook_deliveries_total", { outcome: "success" })).toBe(1);
    expect(m.value("crmd_webhook_deliveries_total", { outcome: "failure" })).toBe(1);
    expect(m.value("crmd_webhook_delivery_duration_seconds_count", { outcome: "failure" })).toBe(1);
    // The failed delivery waits for its retry; every event has been fanned out.
    expect(m.value("crmd_webhook_delivery_backlog")).toBe(1);
    expect(m.value("crmd_outbox_backlog")).toBe(0);
    expect(m.value("crmd_webhook_catchup_backlog")).toBe(0);

    expect(m.value("crmd_scheduler_job_runs_total", { job, outcome: "ok" })).toBe(1);
    expect(m.value("crmd_scheduler_job_duration_seconds_count", { job })).toBe(1);
    expect(m.value("crmd_scheduler_events_total", { job, type: "task.overdue" })).toBe(1);

    expect(m.value("crmd_database_up")).toBe(1);
    expect(m.value("crmd_webhook_attempts_in_flight")).toBe(0);
    expect(m.value("crmd_webhook_concurrency_limit")).toBe(server.ctx.config.webhookConcurrency);
    expect(m.value("crmd_process_memory_bytes", { kind: "rss" })).toBeGreaterThan(1e6);
  });

  test("the standard process series are there (process_start_time_seconds, CPU, memory, file descriptors); crmd_process_uptime_seconds stays", async () => {
    const m = await scrape();
    const startedAt = Date.now() / 1000 - process.uptime();
    expect(m.types.get("process_start_time_seconds")).toBe("gauge");
    expect(Math.abs((m.value("process_start_time_seconds") ?? 0) - startedAt)).toBeLessThan(2);
    // The parser names a counter's family without its _total.
    expect(m.types.get("process_cpu_seconds")).toBe("counter");
    expect(m.value("process_cpu_seconds_total")).toBeGreaterThanOrEqual(0);
    expect(m.value("process_cpu_user_seconds_total")).toBeGreaterThanOrEqual(0);
    expect(m.value("process_cpu_system_seconds_total")).toBeGreaterThanOrEqual(0);
    expect(m.value("process_resident_memory_bytes")).toBeGreaterThan(1e6);
    if (process.platform === "linux") {
      expect(m.value("process_open_fds")).toBeGreaterThan(2);
      expect(m.value("process_max_fds")).toBeGreaterThan(0);
    }
    // Kept for the dashboards built on it: the same figure as time() - process_start_time_seconds.
    const uptime = m.value("crmd_process_uptime_seconds") ?? -1;
    expect(Math.abs(uptime - (Date.now() / 1000 - startedAt))).toBeLessThan(2);
    // Bun has no V8 heap spaces: none of prom-client's nodejs_* defaults, which would read 0.
    expect([...m.types.keys()].filter((name) => name.startsWith("nodejs_"))).toEqual([]);
  });

  test("the CPU series count from the process's start: a server's first scrape has all the CPU used so far", async () => {
    const own = await startTestServer({ config: { metricsToken: METRICS_TOKEN } });
    try {
      const before = process.cpuUsage();
      const reply = await fetch(`${own.url}/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      });
      const after = process.cpuUsage();
      const samples = (await parsePrometheus(await reply.text())).flatMap((f) => f.samples);
      const seconds = (name: string) => samples.find((s) => s.name === name)?.value ?? -1;
      // The server runs in this process: its start, and every test before, are in the count.
      for (const [name, from, to] of [
        ["process_cpu_user_seconds_total", before.user, after.user],
        ["process_cpu_system_seconds_total", before.system, after.system],
        ["process_cpu_seconds_total", before.user + before.system, after.user + after.system],
      ] as const) {
        expect(seconds(name)).toBeGreaterThanOrEqual(from / 1e6);
        expect(seconds(name)).toBeLessThanOrEqual(to / 1e6);
      }
    } finally {
      await own.close();
    }
  });

  test("event-loop lag: a histogram of how late a sampling timer ran, which a stall of the loop shows in its upper buckets", async () => {
    type Scraped = Awaited<ReturnType<typeof scrape>>;
    const count = (m: Scraped, le?: string) =>
      m.value(
        le ? "crmd_event_loop_lag_seconds_bucket" : "crmd_event_loop_lag_seconds_count",
        le ? { le } : {},
      ) ?? -1;
    /** Scrapes until `seen` holds. */
    const scrapeUntil = async (seen: (m: Scraped) => boolean) => {
      for (;;) {
        const m = await scrape();
        if (seen(m)) return m;
        await Bun.sleep(LAG_SAMPLE_EVERY_MS);
      }
    };
    const first = await scrapeUntil((m) => count(m) > 0);
    expect(first.types.get("crmd_event_loop_lag_seconds")).toBe("histogram");
    expect(first.value("crmd_event_loop_lag_seconds_sum")).toBeGreaterThanOrEqual(0);
    const les = ["0.001", "0.01", "0.1", "1", "10", "+Inf"];
    const buckets = les.map((le) => count(first, le));
    expect(buckets.every((n, i) => n >= 0 && (i === 0 || n >= buckets[i - 1]))).toBe(true);
    expect(count(first, "+Inf")).toBe(count(first));
    // Samples keep coming.
    await scrapeUntil((m) => count(m) > count(first));
    // A stall of three sampling periods runs a timer at least two periods late: a sample above 0.1 s.
    const slow = (m: Scraped) => count(m) - count(m, "0.1");
    const before = await scrape();
    const stalled = Date.now() + 3 * LAG_SAMPLE_EVERY_MS;
    while (Date.now() < stalled) {}
    const later = await scrapeUntil((m) => slow(m) > slow(before));
    expect(later.value("crmd_event_loop_lag_seconds_sum")).toBeGreaterThanOrEqual(
      2 * (LAG_SAMPLE_EVERY_MS / 1000),
    );
  });

  test("group commits: a histogram of writes per batch and one of their duration, by outcome", async () => {
    const { api } = await server.tenant(undefined, ["*"], { rate_limit: 100 });
    const before = await scrape();
    const count = (m: typeof before, name: string, outcome = "committed") =>
      m.value(`crmd_group_commit_${name}`, { outcome }) ?? 0;
    const created = await Promise.all(
      ["Acme", "Globex", "Initech"].map((name) => api.post("/api/external/companies", { name })),
    );
    expect(created.map((reply) => reply.status)).toEqual([201, 201, 201]);
    const after = await scrape();
    expect(after.types.get("crmd_group_commit_batch_size")).toBe("histogram");
    expect(after.types.get("crmd_group_commit_duration_seconds")).toBe("histogram");
    const batches = count(after, "batch_size_count") - count(before, "batch_size_count");
    const writes = count(after, "batch_size_sum") - count(before, "batch_size_sum");
    expect(batches).toBeGreaterThan(0);
    expect(writes).toBeGreaterThanOrEqual(3);
    expect(batches).toBeLessThanOrEqual(writes);
    expect(count(after, "duration_seconds_count") - count(before, "duration_seconds_count")).toBe(
      batches,
    );
    expect(count(after, "duration_seconds_sum")).toBeGreaterThan(0);
    // The outcomes no batch has had yet are there at 0.
    expect(after.value("crmd_group_commit_batch_size_count", { outcome: "failed" })).toBe(0);
    expect(after.value("crmd_group_commit_batch_size_count", { outcome: "run_again" })).toBe(0);
  });

  test("rate-limit refusals are counted by the limit that refused them: an API key's or the widget's", async () => {
    const before = await scrape();
    const count = (m: typeof before, limit: string) =>
      m.value("crmd_rate_limit_refusals_total", { limit }) ?? 0;
    const limited = await server.tenant(undefined, ["deals:read"], { rate_limit: 1 });
    await limited.api.get("/api/external/deals");
    expect((await limited.api.get("/api/external/deals")).status).toBe(429);
    // The widget API's per-address limit counts before any widget key is looked at.
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await server.anonymous.get("/api/widget/settings")).status);
    expect(statuses).toEqual([401, 401, 429]);
    const after = await scrape();
    expect(count(after, "api_key") - count(before, "api_key")).toBe(1);
    expect(count(after, "widget_ip") - count(before, "widget_ip")).toBe(1);
  });

  test("every family is in docs/operations.md, and a refusal's limit is one its HELP names (an address locked out after wrong admin tokens too)", async () => {
    // A server of its own: the lockout would refuse this file's other scrapes from this address.
    const own = await startTestServer({ config: { metricsToken: METRICS_TOKEN } });
    try {
      const get = (token: string) =>
        fetch(`${own.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
      for (let n = 0; n <= ADMIN_FAILURES_PER_MINUTE; n++) await get("wrong-token-4d1e");
      // The address is locked out now; the metrics token is still served.
      const scraped = await get(METRICS_TOKEN);
      expect(scraped.status).toBe(200);
      const text = await scraped.text();
      const help = new Map(
        [...text.matchAll(/^# HELP (\S+) (.*)$/gm)].map(([, name, words]) => [name, words]),
      );
      const docs = await Bun.file(join(import.meta.dir, "../docs/operations.md")).text();
      for (const name of help.keys())
        expect(`${name}: ${docs.includes(`\`${name}\``)}`).toBe(`${name}: true`);
      const limits = (await parsePrometheus(text))
        .find((f) => f.name === "crmd_rate_limit_refusals") // the parser drops a counter's _total
        ?.samples.map((s) => s.labels.limit);
      expect(limits).toContain("admin_token");
      for (const limit of limits ?? [])
        expect(help.get("crmd_rate_limit_refusals_total")).toContain(limit);
      // Without a replica there is no replica series.
      expect(help.has("crmd_database_replica_up")).toBe(false);
    } finally {
      await own.close();
    }
  });

  test("the outbox backlog is the one at scrape time, not the one the scrape before saw", async () => {
    const { api } = await server.tenant(undefined, ["*"], { rate_limit: 100 });
    await api.post("/api/external/webhooks", { url: receiver.url("/ok"), events: ["company.*"] });
    const dispatcher = server.ctx.workers.find(
      (w) => w.name === "webhook-dispatcher",
    ) as WebhookDispatcher;
    await dispatcher.drain();
    expect((await scrape()).value("crmd_outbox_backlog")).toBe(0);
    for (const name of ["Acme", "Globex"])
      expect((await api.post("/api/external/companies", { name })).status).toBe(201);
    expect((await scrape()).value("crmd_outbox_backlog")).toBe(2);
    await dispatcher.drain();
    expect((await scrape()).value("crmd_outbox_backlog")).toBe(0);
  });

  test("catch-up work a paused webhook is still owed is its own backlog until the dispatcher has queued it", async () => {
    const { api } = await server.tenant(undefined, ["*"], { rate_limit: 100 });
    const other = await server.tenant(undefined, ["*"], { rate_limit: 100 });
    const created = await api.post("/api/external/webhooks", {
      url: receiver.url("/ok"),
      events: ["company.*"],
    });
    expect(created.status).toBe(201);
    const dispatcher = server.ctx.workers.find(
      (w) => w.name === "webhook-dispatcher",
    ) as WebhookDispatcher;
    await dispatcher.drain();
    for (const name of ["Acme", "Globex", "Initech", "Umbrella", "Hooli"])
      expect((await api.post("/api/external/companies", { name })).status).toBe(201);
    const before = await scrape();
    expect(before.value("crmd_webhook_catchup_backlog")).toBe(0);
    expect(before.value("crmd_outbox_backlog")).toBe(5);
    // Paused before fan-out reached them: the five events are owed as one catch-up range.
    const path = `/api/external/webhooks/${created.body.id}`;
    expect((await api.put(path, { is_active: false })).status).toBe(200);
    // Another tenant's events inside that range are not this webhook's catch-up work.
    expect((await other.api.post("/api/external/companies", { name: "Elsewhere" })).status).toBe(
      201,
    );
    const paused = await scrape();
    expect(paused.types.get("crmd_webhook_catchup_backlog")).toBe("gauge");
    expect(paused.value("crmd_webhook_catchup_backlog")).toBe(5);
    // One page of two read: three left.
    expect(await catchUp(server.ctx.db, server.ctx.clock.now(), 2)).toBe(2);
    expect((await scrape()).value("crmd_webhook_catchup_backlog")).toBe(3);
    await dispatcher.drain();
    const drained = await scrape();
    expect(drained.value("crmd_webhook_catchup_backlog")).toBe(0);
    // Queued for when the webhook is active again.
    expect(drained.value("crmd_webhook_delivery_backlog")).toBeGreaterThanOrEqual(5);
  });

  test("with the database unreachable a scrape still answers: crmd_database_up 0, the backlogs NaN", async () => {
    const dir = mkdtempSync(join(tmpdir(), "crmd-metrics-down-"));
    const remote = startHranaServer(join(dir, "remote.db"));
    const down = await startTestServer({
      config: { databaseUrl: remote.url, metricsToken: METRICS_TOKEN },
    });
    try {
      const scrape = () =>
        fetch(`${down.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect((await scrape()).status).toBe(200);
      remote.stop();
      const reply = await scrape();
      expect(reply.status).toBe(200);
      const families = await parsePrometheus(await reply.text());
      const value = (name: string) => families.find((f) => f.name === name)?.samples[0]?.value;
      expect(value("crmd_database_up")).toBe(0);
      // Unknown while the database does not answer: NaN, not a stale or made-up figure.
      expect(value("crmd_outbox_backlog")).toBeNull();
      expect(value("crmd_webhook_delivery_backlog")).toBeNull();
      expect(value("crmd_webhook_catchup_backlog")).toBeNull();
    } finally {
      await down.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test.skipIf(!testPostgresUrl)(
    "with PostgreSQL down a wrong token still gets 401, then 429; the throttle's failure is logged",
    async () => {
      // A clock that stands still: every attempt falls in one throttle window.
      const down = await startTestServer({
        config: { metricsToken: METRICS_TOKEN },
        captureLogs: true,
        clock: new ManualClock(new Date()),
      });
      const name = new URL(down.ctx.config.databaseUrl).pathname.slice(1);
      const admin = new SQL(testPostgresUrl as string, { max: 1 });
      try {
        const wrong = () =>
          fetch(`${down.url}/metrics`, { headers: { authorization: "Bearer guess-5f2c9a" } });
        // The outage: the database takes no connections and drops those it has.
        await admin.unsafe(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
        await admin.unsafe(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`,
        );
        for (let n = 1; n <= ADMIN_FAILURES_PER_MINUTE; n++) {
          const reply = await wrong();
          expect(reply.status).toBe(401);
          expect(((await reply.json()) as { code: string }).code).toBe("UNAUTHORIZED");
        }
        // Still throttled, counted in the process meanwhile.
        const throttled = await wrong();
        expect(throttled.status).toBe(429);
        expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThan(0);
        const failures = down.logs.filter((line) => line.msg?.includes("wrong-token throttle"));
        expect(failures.length).toBeGreaterThanOrEqual(1);
        expect(failures[0].level).toBe("error");
        expect(JSON.stringify(down.logs)).not.toContain("guess-5f2c9a");
      } finally {
        await admin.unsafe(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`);
        await admin.close();
        await down.close().catch(() => undefined);
      }
    },
  );

  test("the database pool: writes waiting for the next group commit and long reads on the worker thread", async () => {
    const { db } = server.ctx;
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The first write holds its batch open; the two queued once it runs wait for it.
    let running = () => {};
    const started = new Promise<void>((resolve) => {
      running = resolve;
    });
    const writes = [
      db.transaction(async () => {
        running();
        await gate;
      }),
    ];
    const state = (m: Awaited<ReturnType<typeof scrape>>, name: string) =>
      m.value("crmd_database_pool", { state: name });
    try {
      await started;
      writes.push(
        db.transaction(async () => {}),
        db.transaction(async () => {}),
      );
      const held = await scrape();
      expect(state(held, "commit_queue")).toBe(2);
      if (db.kind === "postgres") {
        // The open write transaction holds a connection of the primary's pool.
        const primary = { database: "primary" };
        expect(held.value("crmd_database_connections_in_use", primary)).toBeGreaterThanOrEqual(1);
        expect(held.value("crmd_database_connections_max", primary)).toBe(16);
      } else expect(held.types.has("crmd_database_connections_in_use")).toBe(false);
    } finally {
      release();
      await Promise.all(writes);
    }

    if (db.kind === "sqlite") {
      // Embedded files run long reads on one worker thread: one runs, the other waits.
      const read = { toSQL: () => ({ sql: "select 1", params: [] }) };
      const reads = [db.offload(read), db.offload(read)];
      expect(db.pool()).toMatchObject({ offloadBusy: 1, offloadQueued: 1 });
      await Promise.all(reads);
    }
    const idle = await scrape();
    expect(state(idle, "commit_queue")).toBe(0);
    expect(state(idle, "offload_busy")).toBe(0);
    expect(state(idle, "offload_queued")).toBe(0);
    if (db.kind === "postgres")
      expect(idle.value("crmd_database_connections_in_use", { database: "primary" })).toBe(0);
  });
});
