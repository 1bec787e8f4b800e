/**
 * The PostgreSQL section of `npm run bench`: the list and `POST /deals` on
 * PostgreSQL, each against a raw Bun.SQL reference in the same run, then the
 * throughput of 1, 2 and 3 crmd instances on one database. Uses the server
 * at CRMD_BENCH_POSTGRES_URL (or CRMD_PG_URL), else starts one with
 * .ci/postgres.sh for the run.
 */

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openDatabase } from "../db/client";
import { migrate } from "../db/migrate";
import { seedBenchData } from "./lib/data";
import { createBenchKey } from "./lib/keys";
import { rawPostgresInsertRate } from "./lib/postgres-cpu";
import { freshPostgresDatabase } from "./lib/postgres-database";
import { freePort, waitForOk } from "./lib/process";
import type { BenchRow } from "./lib/row";
import { type LoadResult, wrk } from "./lib/wrk";

const root = join(import.meta.dir, "..");
const LIST = "/api/external/deals?status=open&page_size=50";
const DEAL_BODY = `'{"title":"pg bench deal ' .. counter .. '","value":' .. (counter % 100000) .. '}'`;
const CONNECTIONS = 50;

interface Options {
  quick: boolean;
  binary: string;
  scratchDir: string;
  log: (message: string) => void;
}

export async function postgresRows(options: Options): Promise<BenchRow[]> {
  const cluster = await postgresServer();
  try {
    return await measure(options, await freshPostgresDatabase(cluster.url, "crmd_bench"));
  } finally {
    await cluster.stop();
  }
}

async function postgresServer(): Promise<{ url: string; stop(): Promise<void> }> {
  const given = process.env.CRMD_BENCH_POSTGRES_URL || process.env.CRMD_PG_URL;
  if (given) return { url: given, stop: async () => {} };
  const started = Bun.spawnSync(["bash", join(root, ".ci", "postgres.sh"), "start"], {
    stderr: "inherit",
  });
  if (started.exitCode !== 0) throw new Error("could not start PostgreSQL for the bench");
  const env = Object.fromEntries(
    started.stdout
      .toString()
      .split("\n")
      .map((line) => /^export (\w+)=(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1], m[2]]),
  );
  return {
    url: env.CRMD_PG_URL,
    stop: async () => {
      Bun.spawnSync(["bash", join(root, ".ci", "postgres.sh"), "stop", env.CRMD_PG_DIR]);
    },
  };
}

async function measure(options: Options, url: string): Promise<BenchRow[]> {
  const { quick, log } = options;
  const seconds = quick ? 1 : 4;
  const rows: BenchRow[] = [];
  const db = await openDatabase(url);
  await migrate(db);
  const size = quick ? 2_000 : 20_000;
  log(`PostgreSQL: seeding ${size} deals, leads and tasks`);
  const tenants = await seedBenchData(db, {
    deals: size,
    leads: size,
    tasks: size,
    bigDeals: 0,
    noise: quick ? 200 : 2_000,
  });
  await db.close();
  const key = await createBenchKey(options.binary, url, tenants.bench);
  // Ports the kernel picks: runs in other worktrees or CI do not collide.
  const [first, second, third, rawPort] = [freePort(), freePort(), freePort(), freePort()];
  const crmdPorts = [first, second, third];
  const instances = crmdPorts.map((port) => startCrmd(options.binary, url, port));
  const raw = Bun.spawn(
    [
      process.execPath,
      join(root, "bench", "raw-reference-pg.ts"),
      url,
      tenants.bench,
      String(rawPort),
    ],
    { stdout: "ignore", stderr: "inherit" },
  );
  try {
    // The raw reference answers any path.
    for (const port of [...crmdPorts, rawPort])
      await waitForOk(`http://127.0.0.1:${port}/readyz`, 30_000);
    const load = (port: number, path: string, extra: Partial<Parameters<typeof wrk>[0]> = {}) =>
      wrk({
        url: `http://127.0.0.1:${port}${path}`,
        seconds,
        connections: CONNECTIONS,
        headers: { "x-api-key": key },
        scratchDir: options.scratchDir,
        ...extra,
      });
    const post = (port: number, extra: Partial<Parameters<typeof wrk>[0]> = {}) =>
      load(port, "/api/external/deals", {
        method: "POST",
        headers: { "x-api-key": key, "content-type": "application/json" },
        bodyLua: DEAL_BODY,
        ...extra,
      });
    await load(rawPort, "/", { seconds: 1 });
    await load(first, LIST, { seconds: 1 });
    const rawList = await load(rawPort, "/");
    const list = await withCpu([instances[0]], () => load(first, LIST));
    rows.push(row("PostgreSQL raw reference: open deals page 1 (Bun.SQL)", rawList));
    rows.push(
      row("PostgreSQL GET /deals?status=open&page_size=50", list, {
        ratio: list.requests_per_s / rawList.requests_per_s,
        reference: "raw Bun.SQL list",
      }),
    );
    const rawInserts = await rawPostgresInsertRate(url, seconds, CONNECTIONS);
    // Warmed up like the list: a cold write path runs its first second unoptimised.
    await post(first, { seconds: 1 });
    const posted = await withCpu([instances[0]], () => post(first));
    rows.push({
      case: "PostgreSQL raw reference: inserts (Bun.SQL, 50 in flight)",
      rps: rawInserts,
    });
    rows.push(
      row("PostgreSQL POST /deals", posted, {
        ratio: posted.requests_per_s / rawInserts,
        reference: "raw Bun.SQL inserts",
      }),
    );
    // The other two instances have served nothing yet: warm them up as the first was.
    for (const port of [second, third]) {
      await load(port, LIST, { seconds: 1 });
      await post(port, { seconds: 1 });
    }
    for (const n of [1, 2, 3]) {
      const ports = crmdPorts.slice(0, n);
      const serving = instances.slice(0, n);
      const split = Math.floor(CONNECTIONS / n);
      const lists = await withCpu(serving, async () =>
        sum(await Promise.all(ports.map((p) => load(p, LIST, { connections: split })))),
      );
      rows.push(row(`PostgreSQL list, ${n} instance${n > 1 ? "s" : ""}`, lists));
      const posts = await withCpu(serving, async () =>
        sum(await Promise.all(ports.map((p) => post(p, { connections: split })))),
      );
      rows.push(row(`PostgreSQL POST /deals, ${n} instance${n > 1 ? "s" : ""}`, posts));
    }
  } finally {
    for (const child of [...instances, raw]) child.kill("SIGTERM");
    await Promise.all([...instances, raw].map((child) => child.exited));
  }
  return rows;
}

/** A load's result with the CPU time its crmd instances spent per request. */
type Measured = LoadResult & { cpuPerRequest?: number };

function row(name: string, result: Measured, extra: Partial<BenchRow> = {}): BenchRow {
  const notes = [
    result.cpuPerRequest === undefined
      ? ""
      : `crmd CPU ${result.cpuPerRequest.toFixed(2)} ms/request`,
    result.errors ? `${result.errors} errors` : "",
  ].filter(Boolean);
  return {
    case: name,
    rps: result.requests_per_s,
    p50_ms: result.p50_ms,
    p99_ms: result.p99_ms,
    ...(notes.length > 0 ? { note: notes.join("; ") } : {}),
    ...extra,
  };
}

/** CPU time the processes have used, in ms (Linux /proc; 0 elsewhere). */
function cpuMsOf(processes: Array<{ pid: number }>): number {
  let ticks = 0;
  for (const { pid } of processes) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      return Number.NaN;
    }
  }
  return ticks * (1000 / CLOCK_TICKS);
}

/** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in these. */
const CLOCK_TICKS = 100;

/**
 * Runs a load and adds the CPU time the serving instances spent per
 * request: steadier than req/s when other work shares the machine.
 */
async function withCpu(
  serving: Array<{ pid: number }>,
  run: () => Promise<LoadResult>,
): Promise<Measured> {
  const before = cpuMsOf(serving);
  const result = await run();
  const spent = cpuMsOf(serving) - before;
  return Number.isFinite(spent) && result.requests > 0
    ? { ...result, cpuPerRequest: spent / result.requests }
    : result;
}

/** Several loads at once as one: rates add up, latencies are the worst of them. */
const sum = (results: LoadResult[]): LoadResult => ({
  requests_per_s: results.reduce((a, r) => a + r.requests_per_s, 0),
  p50_ms: Math.max(...results.map((r) => r.p50_ms)),
  p99_ms: Math.max(...results.map((r) => r.p99_ms)),
  requests: results.reduce((a, r) => a + r.requests, 0),
  errors: results.reduce((a, r) => a + r.errors, 0),
});

function startCrmd(binary: string, url: string, port: number) {
  return Bun.spawn([binary, "serve", "--port", String(port), "--database-url", url], {
    env: { ...process.env, CRMD_DEMO: "0", CRMD_LOG_LEVEL: "warn" },
    stdout: "ignore",
    stderr: "inherit",
  });
}

/** `bun bench/postgres.ts [--quick]`: this section alone, figures in bench/results/postgres.json. */
if (import.meta.main) {
  const quick = process.argv.includes("--quick");
  const build = Bun.spawnSync([process.execPath, "run", join(root, "scripts", "build.ts")]);
  if (build.exitCode !== 0) throw new Error("build failed");
  const scratchDir = join(root, "bench", ".data");
  mkdirSync(scratchDir, { recursive: true });
  const log = (message: string) => process.stderr.write(`bench: ${message}\n`);
  const rows = await postgresRows({ quick, binary: join(root, "dist", "crmd"), scratchDir, log });
  console.table(rows);
  writeFileSync(
    join(root, "bench", "results", "postgres.json"),
    JSON.stringify({ date: new Date().toISOString(), quick, rows }, null, 2),
  );
}
