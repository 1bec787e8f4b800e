/**
 * `npm run bench [-- --quick]`: seeds its own data, starts the compiled crmd
 * and the raw reference (Bun.serve + bun:sqlite) on the same database file,
 * drives both with wrk pinned to the other core, and prints one table with
 * each case's ratio to the raw reference, then the same on PostgreSQL
 * (bench/postgres.ts). Figures also go to
 * bench/results/latest.json. No thresholds: it reports, it does not judge.
 */
import { Database as BunSqlite } from "bun:sqlite";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openDatabase } from "../db/client";
import { migrate } from "../db/migrate";
import { kpiQueries, periodRange } from "../plugins/kpis/service";
import { encodeCursor } from "../src/pagination";
import { coldStarts, median } from "./cold-start";
import { CREATE_FIELDS, createBodyLua, seedCustomFieldTenant } from "./lib/custom-fields";
import { seedBenchData } from "./lib/data";
import { createBenchKey } from "./lib/keys";
import { freePort, rssMb, sampleRss, waitForOk, waitForSchedulerRuns } from "./lib/process";
import { rawCustomFieldCreates, rawInsertRate } from "./lib/raw-inserts";
import type { BenchRow } from "./lib/row";
import { ensureWrk, type LoadResult, wrk } from "./lib/wrk";
import { postgresRows } from "./postgres";
import { runSchedulerBench } from "./scheduler";
import type { WebhookBenchCase } from "./webhooks";

const quick = process.argv.includes("--quick");
const root = join(import.meta.dir, "..");
const dataDir = join(root, "bench", ".data");
const dbPath = join(dataDir, "bench.db");
const binary = join(root, "dist", "crmd");
const SERVER_CPU = 0;
const LOAD_CPU = 1;
const seconds = quick ? 1 : 8;
const connections = 50;
/**
 * A case and its reference run in alternating rounds (half as long each), and
 * the ratio is the median of the rounds' ratios: this virtual machine's speed
 * drifts by up to 2× between minutes, which would otherwise land on one side.
 */
const rounds = quick ? 1 : 3;
const roundSeconds = quick ? 1 : 4;

const sizes = quick
  ? { deals: 3_000, leads: 3_000, tasks: 3_000, bigDeals: 20_000, noise: 500, cursorRow: 2_700 }
  : {
      deals: 100_000,
      leads: 100_000,
      tasks: 100_000,
      bigDeals: 1_000_000,
      noise: 10_000,
      cursorRow: 90_000,
    };

type Row = BenchRow;
const rows: Row[] = [];
const log = (msg: string) => process.stderr.write(`bench: ${msg}\n`);

function spawnPinned(cpu: number, cmd: string[], env: Record<string, string> = {}) {
  return Bun.spawn(["taskset", "-c", String(cpu), ...cmd], {
    env: { ...process.env, ...env },
    stdout: "ignore",
    stderr: "inherit",
  });
}

async function build() {
  log("building dist/crmd");
  const proc = Bun.spawn([process.execPath, "run", join(root, "scripts", "build.ts")], {
    cwd: root,
    stdout: "inherit",
    stderr: "inherit",
  });
  if ((await proc.exited) !== 0) throw new Error("build failed");
}

const createKey = (tenant: string) => createBenchKey(binary, `file:${dbPath}`, tenant);

async function load(
  path: string,
  port: number,
  key?: string,
  extra: Partial<Parameters<typeof wrk>[0]> = {},
) {
  const result = await wrk({
    url: `http://127.0.0.1:${port}${path}`,
    seconds,
    connections,
    headers: key ? { "x-api-key": key } : {},
    cpu: LOAD_CPU,
    scratchDir: dataDir,
    ...extra,
  });
  // Let the server finish what wrk left queued, so it does not spill into the next case.
  await Bun.sleep(quick ? 100 : 1500);
  return result;
}

/** The round with the median rate, as the case's figures. */
const medianRun = (results: LoadResult[]) => {
  const rate = median(results.map((r) => r.requests_per_s));
  return results.find((r) => r.requests_per_s === rate) as LoadResult;
};

/**
 * Runs `measure` and `reference` in alternating rounds; returns each side's
 * median round and the median of the per-round ratios `ratio(case, reference)`.
 */
async function paired<T, R>(
  measure: () => Promise<T>,
  reference: () => Promise<R>,
  ratio: (value: T, ref: R) => number,
) {
  const values: T[] = [];
  const refs: R[] = [];
  for (let round = 0; round < rounds; round++) {
    refs.push(await reference());
    values.push(await measure());
  }
  return { values, refs, ratio: median(values.map((value, i) => ratio(value, refs[i]))) };
}

function record(name: string, result: LoadResult, extra: Partial<Row> = {}) {
  const row: Row = {
    case: name,
    rps: result.requests_per_s,
    p50_ms: result.p50_ms,
    p99_ms: result.p99_ms,
    ...extra,
  };
  if (result.errors) row.note = `${result.errors} errors`;
  rows.push(row);
  log(`${name}: ${result.requests_per_s} req/s, p50 ${result.p50_ms} ms, p99 ${result.p99_ms} ms`);
  return result;
}

/** The KPI aggregate for a tenant, uncached, timed as crmd runs it (20 runs). */
async function kpiComputeTimes(tenantId: string) {
  const db = await openDatabase(`file:${dbPath}`);
  try {
    const now = new Date();
    const queries = kpiQueries(db.read, tenantId, periodRange("month", now), now);
    const times: number[] = [];
    for (let i = 0; i < (quick ? 5 : 20); i++) {
      const started = performance.now();
      await Promise.all([
        db.offload(queries.leads),
        db.offload(queries.deals),
        db.offload(queries.tasks),
      ]);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const at = (p: number) =>
      Math.round(times[Math.min(times.length - 1, Math.floor(p * times.length))] * 100) / 100;
    return { p50: at(0.5), p99: at(0.99) };
  } finally {
    await db.close();
  }
}

function cursorAt(tenantId: string, row: number): string {
  const db = new BunSqlite(dbPath, { readonly: true });
  const found = db
    .query(
      "SELECT sync_seq AS seq FROM deals WHERE tenant_id = ? ORDER BY sync_seq LIMIT 1 OFFSET ?",
    )
    .get(tenantId, row) as { seq: number } | null;
  db.close();
  return encodeCursor(found?.seq ?? 0);
}

/**
 * The first scheduler ticks on freshly seeded data emit one event for every
 * record already past due (tens of thousands): run them before measuring, as
 * a deployment would have long before.
 */
async function firstSchedulerTicks() {
  log("first scheduler ticks on the seeded data");
  const port = freePort();
  const admin = `bench-${crypto.randomUUID()}`;
  const proc = spawnPinned(
    SERVER_CPU,
    [binary, "serve", "--port", String(port), "--database-url", `file:${dbPath}`],
    {
      CRMD_DEMO: "0",
      CRMD_LOG_LEVEL: "warn",
      CRMD_ADMIN_TOKEN: admin,
      CRMD_CRON_SLA: "* * * * * *",
      CRMD_CRON_TASK_OVERDUE: "* * * * * *",
    },
  );
  try {
    await waitForOk(`http://127.0.0.1:${port}/readyz`, 30_000);
    await waitForSchedulerRuns(`http://127.0.0.1:${port}`, admin, ["sla", "task_overdue"]);
  } finally {
    proc.kill("SIGTERM");
    await proc.exited;
  }
}

async function coldStart(): Promise<number> {
  // The cases before wrote tens of thousands of rows: let the kernel write
  // them back first, or the starts measure the disk's writeback, not crmd.
  Bun.spawnSync(["sync"]);
  const [starts] = await coldStarts([binary], [dbPath], quick ? 2 : 9);
  return Math.round(median(starts.map((s) => s.wallMs)) * 10) / 10;
}

async function main() {
  if (!(await ensureWrk())) throw new Error("wrk is not available and could not be installed");
  await build();
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });

  const db = await openDatabase(`file:${dbPath}`);
  await migrate(db);
  const tenants = await seedBenchData(db, sizes);
  const cfTenant = await seedCustomFieldTenant(db, sizes.deals);
  await db.close();

  await firstSchedulerTicks();
  const port = freePort();
  const server = spawnPinned(
    SERVER_CPU,
    [binary, "serve", "--port", String(port), "--database-url", `file:${dbPath}`],
    {
      CRMD_DEMO: "0",
      CRMD_LOG_LEVEL: "warn",
      // Ticks every 10 s, so the loads below run with the scheduler working.
      CRMD_CRON_SLA: "*/10 * * * * *",
      CRMD_CRON_TASK_OVERDUE: "*/10 * * * * *",
    },
  );
  try {
    await waitForOk(`http://127.0.0.1:${port}/readyz`, 30_000);
    const key = await createKey(tenants.bench);
    const bigKey = await createKey(tenants.big);
    const cfKey = await createKey(cfTenant);
    await Bun.sleep(1000);
    const idleRss = rssMb(server.pid);

    const rawPort = freePort();
    const raw = spawnPinned(SERVER_CPU, [
      process.execPath,
      join(root, "bench", "raw-reference.ts"),
      dbPath,
      tenants.bench,
      String(rawPort),
    ]);
    await waitForOk(`http://127.0.0.1:${rawPort}/`);
    const list = "/api/external/deals?status=open&page_size=50";
    // Both servers warm up (JIT, caches) before anything is measured.
    await load("/", rawPort, undefined, { seconds: 1 });
    await load(list, port, key, { seconds: quick ? 1 : 2 });
    const rss = sampleRss(server.pid);
    const listPair = await paired(
      () => load(list, port, key, { seconds: roundSeconds }),
      () => load("/", rawPort, undefined, { seconds: roundSeconds }),
      (crmd, ref) => crmd.requests_per_s / ref.requests_per_s,
    );
    const peakRss = rss.stop();
    raw.kill();
    await raw.exited;
    record("raw reference: open deals page 1", medianRun(listPair.refs));
    const alone = record("GET /deals?status=open&page_size=50", medianRun(listPair.values), {
      ratio: listPair.ratio,
      reference: `raw list, median of ${rounds} alternating rounds`,
      rss_mb: peakRss,
    });

    // A list filtered on a custom field (a quarter of the tenant's deals match),
    // against the raw reference running the same indexed query.
    const cfRaw = spawnPinned(SERVER_CPU, [
      process.execPath,
      join(root, "bench", "raw-reference.ts"),
      dbPath,
      cfTenant,
      String(rawPort),
      "region",
    ]);
    await waitForOk(`http://127.0.0.1:${rawPort}/`);
    const cfList = "/api/external/deals?cf.region=emea&page_size=50";
    await load("/", rawPort, undefined, { seconds: 1 });
    await load(cfList, port, cfKey, { seconds: quick ? 1 : 2 });
    const cfPair = await paired(
      () => load(cfList, port, cfKey, { seconds: roundSeconds }),
      () => load("/", rawPort, undefined, { seconds: roundSeconds }),
      (crmd, ref) => crmd.requests_per_s / ref.requests_per_s,
    );
    cfRaw.kill();
    await cfRaw.exited;
    record("raw reference: deals with region emea, page 1", medianRun(cfPair.refs));
    record(
      `GET /deals?cf.region=emea&page_size=50 (${sizes.deals} deals)`,
      medianRun(cfPair.values),
      {
        ratio: cfPair.ratio,
        reference: `raw indexed query, median of ${rounds} alternating rounds`,
      },
    );

    const [mixedList, mixedKpi] = await Promise.all([
      load(list, port, key, { connections: 45 }),
      load("/api/external/kpis?period=month", port, bigKey, { connections: 5 }),
    ]);
    record("  same list under mixed load (KPI 1M on 5 of 50 connections)", mixedList, {
      ratio: mixedList.p99_ms / alone.p99_ms,
      reference: "p99 vs list alone",
    });
    record("  KPI requests during the mixed load", mixedKpi, {
      note: `${((mixedKpi.requests / (mixedKpi.requests + mixedList.requests)) * 100).toFixed(1)}% of requests`,
    });

    const since = new Date(Date.now() - 400 * 86_400_000).toISOString();
    record(
      "GET /deals?since=…&page_size=50",
      await load(`/api/external/deals?since=${since}&page_size=50`, port, key),
    );
    const deepPath = `/api/external/deals?cursor=${cursorAt(tenants.bench, sizes.cursorRow)}&page_size=50`;
    const cursorPair = await paired(
      () => load(deepPath, port, key, { seconds: roundSeconds }),
      () => load("/api/external/deals?cursor=&page_size=50", port, key, { seconds: roundSeconds }),
      (deep, first) => deep.p50_ms / first.p50_ms,
    );
    record("GET /deals?cursor=(row 0)", medianRun(cursorPair.refs));
    record(`GET /deals?cursor=(row ${sizes.cursorRow})`, medianRun(cursorPair.values), {
      ratio: cursorPair.ratio,
      reference: `p50 vs row 0, median of ${rounds} alternating rounds`,
    });

    // One connection: the latency of one request (KPIs are cached for a second
    // while nothing changes, so this is mostly the cached answer)...
    record(
      `GET /kpis?period=month (${sizes.deals} deals, 1 connection)`,
      await load("/api/external/kpis?period=month", port, key, { connections: 1 }),
    );
    record(
      `GET /kpis?period=month (${sizes.bigDeals} deals, 1 connection)`,
      await load("/api/external/kpis?period=month", port, bigKey, { connections: 1 }),
    );
    // ...and the aggregate itself, uncached, as the read worker runs it.
    for (const [label, tenant] of [
      [`${sizes.deals} deals`, tenants.bench],
      [`${sizes.bigDeals} deals`, tenants.big],
    ] as const) {
      const times = await kpiComputeTimes(tenant);
      rows.push({
        case: `KPI aggregate uncached (${label})`,
        p50_ms: times.p50,
        p99_ms: times.p99,
        note: "month; 3 queries on the read worker",
      });
    }

    const body = `'{"title":"bench deal ' .. counter .. '","value":' .. (counter % 100000) .. ',"currency":"EUR"}'`;
    const postPair = await paired(
      () =>
        load("/api/external/deals", port, key, {
          method: "POST",
          headers: { "x-api-key": key, "content-type": "application/json" },
          bodyLua: body,
          seconds: roundSeconds,
        }),
      async () => rawInsertRate(dbPath, roundSeconds),
      (posted, rawInserts) => posted.requests_per_s / rawInserts,
    );
    rows.push({
      case: "raw reference: autocommit inserts (bun:sqlite)",
      rps: median(postPair.refs),
    });
    record("POST /deals (with activity row + outbox event)", medianRun(postPair.values), {
      ratio: postPair.ratio,
      reference: `raw inserts, median of ${rounds} alternating rounds`,
    });
    const cfPost = await paired(
      () =>
        load("/api/external/deals", port, cfKey, {
          method: "POST",
          headers: { "x-api-key": cfKey, "content-type": "application/json" },
          bodyLua: createBodyLua(),
          seconds: roundSeconds,
        }),
      // Two references a round: raw inserts, and the same deal and value rows written raw.
      async () => ({
        inserts: rawInsertRate(dbPath, roundSeconds),
        creates: rawCustomFieldCreates(dbPath, cfTenant, CREATE_FIELDS, roundSeconds).per_s,
      }),
      (posted, raw) => posted.requests_per_s / raw.inserts,
    );
    rows.push({
      case: "raw reference: a deal and its 20 custom-field value rows, a transaction each",
      rps: median(cfPost.refs.map((r) => r.creates)),
    });
    record("POST /deals with 20 custom fields (validated, indexed)", medianRun(cfPost.values), {
      ratio: cfPost.ratio,
      reference: `raw inserts, median of ${rounds} alternating rounds`,
    });
    rows.push({
      case: "  same create vs the deal and its 20 value rows written raw",
      ratio: median(cfPost.values.map((v, i) => v.requests_per_s / cfPost.refs[i].creates)),
      reference: `raw deal + value rows (bun:sqlite), median of ${rounds} alternating rounds`,
    });

    rows.push({ case: "RSS idle", value: idleRss, unit: "MB" });
    rows.push({ case: "RSS peak under list load", value: peakRss, unit: "MB" });
  } finally {
    server.kill("SIGTERM");
    await server.exited;
  }
  rows.push({ case: "cold start to /readyz (binary)", value: await coldStart(), unit: "ms" });

  rows.push(...(await deliveryAndSchedulerRows()));
  rows.push(...(await liveRows()));
  rows.push(...(await postgresRows({ quick, binary, scratchDir: dataDir, log })));
  report();
}

/**
 * bench/webhooks.ts in a process of its own: crmd and its receiver then do
 * not share a heap (and its collections) with the runner's seeded millions.
 */
async function webhookCases(): Promise<WebhookBenchCase[]> {
  const args = [
    process.execPath,
    join(import.meta.dir, "webhooks.ts"),
    ...(quick ? ["--quick"] : []),
  ];
  const proc = Bun.spawn(args, { stdout: "pipe", stderr: "inherit" });
  const output = await new Response(proc.stdout).text();
  if ((await proc.exited) !== 0) throw new Error("bench/webhooks.ts failed");
  return output
    .split("\n")
    .filter((line) => line.startsWith('{"bench":"webhooks"'))
    .map((line) => JSON.parse(line) as WebhookBenchCase);
}

/**
 * bench/live.ts (channels and SSE against the binary) in a process of its
 * own on the load core, as the clients of the server on the server core.
 */
async function liveRows(): Promise<Row[]> {
  log("live channels and event stream");
  const args = [
    "taskset",
    "-c",
    String(LOAD_CPU),
    process.execPath,
    join(import.meta.dir, "live.ts"),
  ];
  const proc = Bun.spawn(quick ? [...args, "--quick"] : args, {
    stdout: "pipe",
    stderr: "inherit",
  });
  const output = await new Response(proc.stdout).text();
  if ((await proc.exited) !== 0) throw new Error("bench/live.ts failed");
  const cases = output
    .split("\n")
    .filter((line) => line.startsWith('{"bench":"live"'))
    .map((line) => JSON.parse(line));
  const of = (name: string) => cases.find((c) => c.case === name) ?? {};
  const idle = of("rss_idle_sockets");
  const shouts = of("channel_commit_to_receipt");
  const sse = of("sse_during_post_load");
  return [
    {
      case: `RSS per 1,000 idle channel sockets (${idle.sockets} on ${idle.topics} topics)`,
      value: idle.mb_per_1000,
      unit: "MB",
      note: `server RSS ${idle.rss_before_mb} → ${idle.rss_after_mb} MB`,
    },
    {
      case: `channel shout, commit → receipt (${idle.sockets} sockets, ${idle.topics} topics)`,
      p50_ms: shouts.p50_ms,
      p99_ms: shouts.p99_ms,
      note: `${shouts.receipts}/${shouts.expected_receipts} receipts of ${shouts.messages} messages`,
    },
    {
      case: `SSE: ${sse.clients} streams during POST /deals (${sse.posts_per_s} posts/s)`,
      value: sse.clients_complete_in_order,
      unit: "complete",
      note: `${sse.events_logged} deal.created events; ${sse.events_missing} missing over all streams`,
    },
  ];
}

/** The webhook-delivery and scheduler-tick benches (bench/webhooks.ts, bench/scheduler.ts). */
async function deliveryAndSchedulerRows(): Promise<Row[]> {
  const out: Row[] = [];
  log("webhook deliveries");
  for (const c of await webhookCases()) {
    out.push({
      case: `webhook deliveries, ${c.webhooks} webhook(s) subscribed (burst of ${c.burst_deliveries})`,
      rps: Math.round(c.deliveries_per_sec),
      p50_ms: c.p50_ms,
      p99_ms: c.p99_ms,
      note: "deliveries/s; p50/p99 = commit-to-receipt, paced stream",
    });
  }
  log("scheduler tick");
  const scheduler = await runSchedulerBench(
    quick ? { tasks: 20_000, deals: 2_000 } : { tasks: 1_000_000, deals: 100_000 },
  );
  for (const tick of scheduler.ticks) {
    out.push({
      case: `scheduler tick (${tick.tick}; ${scheduler.tasks} tasks, ${scheduler.open_deals} open deals)`,
      value: tick.total_ms,
      unit: "ms",
      note: `${tick.events} events`,
    });
  }
  return out;
}

function fmt(n: number | undefined, digits = 1) {
  return n === undefined || Number.isNaN(n) ? "" : n.toFixed(digits);
}

function report() {
  const header = ["case", "req/s", "p50 ms", "p99 ms", "RSS MB", "ratio", "vs"];
  const table = rows.map((r) => [
    r.case,
    r.rps !== undefined ? String(r.rps) : r.value !== undefined ? `${r.value} ${r.unit ?? ""}` : "",
    fmt(r.p50_ms, 2),
    fmt(r.p99_ms, 2),
    fmt(r.rss_mb),
    r.ratio !== undefined ? `${(r.ratio * 100).toFixed(0)} %` : "",
    [r.reference, r.note].filter(Boolean).join("; "),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const row of table) console.log(line(row));
  mkdirSync(join(root, "bench", "results"), { recursive: true });
  writeFileSync(
    join(root, "bench", "results", "latest.json"),
    JSON.stringify({ date: new Date().toISOString(), quick, sizes, rows }, null, 2),
  );
}

await main();
