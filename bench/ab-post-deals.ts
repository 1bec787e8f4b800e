/**
 * `bun bench/ab-post-deals.ts <crmd A> <crmd B> [--rounds N] [--seconds S] [--deals N] [--postgres URL]`:
 * the POST /deals case of `npm run bench` for two builds of crmd under the
 * same conditions. Each binary gets a database of its own, made and seeded by
 * its own CLI (100,000 deals, leads and tasks by default, as the full bench),
 * and the rounds alternate A and B (the order flips every round), each
 * preceded by the raw autocommit inserts on that side's file: on a machine
 * whose speed drifts and whose cores are shared, only a ratio measured next to
 * its reference, alternating, compares. Besides the rates it reports the CPU
 * time the server spent per request (from /proc), which other processes on
 * the machine disturb far less than a rate. Prints each round and the medians.
 *
 * With `--postgres URL` (a PostgreSQL server on this machine) each side gets
 * a database of its own on that server (`crmd_ab_a`, `crmd_ab_b`, made anew),
 * the reference is raw single-row Bun.SQL inserts (50 in flight) into it,
 * and each round also reports the CPU time the PostgreSQL server spent per
 * request (all its processes, from /proc).
 */
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { SQL } from "bun";
import { createBenchKey } from "./lib/keys";
import { postgresCpuMs, postmasterPid, rawPostgresInsertRate } from "./lib/postgres-cpu";
import { freshPostgresDatabase } from "./lib/postgres-database";
import { freePort, startPinnedCrmd } from "./lib/process";
import { rawInsertRate } from "./lib/raw-inserts";
import { wrk } from "./lib/wrk";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: "string", default: "6" },
    seconds: { type: "string", default: "4" },
    deals: { type: "string", default: "100000" },
    postgres: { type: "string" },
  },
});
if (positionals.length !== 2) throw new Error("usage: ab-post-deals.ts <crmd A> <crmd B>");
const rounds = Number(values.rounds);
const seconds = Number(values.seconds);
const seeded = values.deals as string;
const postgres = values.postgres;
const dataDir = join(import.meta.dir, ".data", "ab-post-deals");
const log = (msg: string) => process.stderr.write(`ab: ${msg}\n`);

interface Side {
  label: string;
  binary: string;
  dbPath: string;
  url: string;
  port: number;
  key: string;
  server?: ReturnType<typeof Bun.spawn>;
}

async function cli(side: Pick<Side, "binary" | "url">, args: string[]) {
  const proc = Bun.spawn([side.binary, ...args, "--database-url", side.url], {
    env: { ...process.env, CRMD_LOG_LEVEL: "warn" },
    stdout: "pipe",
    stderr: "inherit",
  });
  const out = await new Response(proc.stdout).text();
  if ((await proc.exited) !== 0) throw new Error(`${side.binary} ${args.join(" ")} failed`);
  return out;
}

/** A fresh database made by the side's own binary: one seeded tenant and its key. */
async function prepare(label: string, binary: string): Promise<Side> {
  const dbPath = join(dataDir, label, "bench.db");
  mkdirSync(join(dataDir, label), { recursive: true });
  const url = postgres
    ? await freshPostgresDatabase(postgres, `crmd_ab_${label.toLowerCase()}`)
    : `file:${dbPath}`;
  const side = { binary: resolve(binary), url };
  if (postgres) await cli(side, ["migrate"]);
  const tenant = JSON.parse(await cli(side, ["tenants", "create", "--name", "bench"])).id as string;
  log(`${label}: seeding ${seeded} deals, leads and tasks`);
  await cli(side, ["seed", "--tenant", tenant, "--deals", seeded, "--leads", seeded]);
  await cli(side, ["seed", "--tenant", tenant, "--tasks", seeded, "--partners", "20"]);
  const key = await createBenchKey(side.binary, side.url, tenant);
  return { label, ...side, dbPath, port: freePort(), key };
}

/**
 * Waits until the side's search queue is empty: the seeded rows are queued
 * for indexing, and a backlog indexed during the rounds would count as the
 * cost of their requests.
 */
async function searchQueueDrained(side: Side) {
  const sql = new SQL(side.url, { max: 1 });
  try {
    for (const until = Date.now() + 300_000; Date.now() < until; await Bun.sleep(500)) {
      const [{ queued }] = (await sql.unsafe(
        "SELECT count(*)::int AS queued FROM search_pending",
      )) as Array<{ queued: number }>;
      if (queued === 0) return;
    }
    log(`${side.label}: search queue still not empty`);
  } finally {
    await sql.close();
  }
}

async function start(side: Side) {
  side.server = await startPinnedCrmd(side.binary, side.port, side.url);
}

const body = `'{"title":"bench deal ' .. counter .. '","value":' .. (counter % 100000) .. ',"currency":"EUR"}'`;

async function post(side: Side, roundSeconds: number) {
  const pid = side.server?.pid as number;
  const cpuBefore = cpuMs(pid);
  const pgBefore = postmaster ? postgresCpuMs(postmaster) : 0;
  const result = await wrk({
    url: `http://127.0.0.1:${side.port}/api/external/deals`,
    seconds: roundSeconds,
    connections: 50,
    method: "POST",
    headers: { "x-api-key": side.key, "content-type": "application/json" },
    bodyLua: body,
    cpu: 1,
    scratchDir: dataDir,
  });
  const requests = Math.max(1, result.requests);
  const cpuUsPerRequest = ((cpuMs(pid) - cpuBefore) * 1000) / requests;
  const pgUsPerRequest = postmaster
    ? ((postgresCpuMs(postmaster) - pgBefore) * 1000) / requests
    : 0;
  await Bun.sleep(1500);
  return { ...result, cpuUsPerRequest, pgUsPerRequest };
}

/** User + system CPU time of a process so far, in ms (Linux /proc, 100 ticks a second). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });
const postmaster = postgres ? await postmasterPid(postgres) : 0;
const sides = [await prepare("A", positionals[0]), await prepare("B", positionals[1])];
interface RoundResult {
  rps: number;
  ratio: number;
  cpuUs: number;
  cpuRatio: number;
  /** PostgreSQL's CPU time per request (µs); 0 on SQLite. */
  pgUs: number;
}

/** The raw reference on the side's database: rate, and CPU µs per insert (client; PostgreSQL's). */
async function reference(side: Side) {
  const cpuBefore = process.cpuUsage();
  if (!postgres) {
    const raw = rawInsertRate(side.dbPath, seconds);
    const { user, system } = process.cpuUsage(cpuBefore);
    return { raw, cpuUs: (user + system) / (raw * seconds), pgUs: 0 };
  }
  const pgBefore = postgresCpuMs(postmaster);
  const raw = await rawPostgresInsertRate(side.url, seconds);
  const { user, system } = process.cpuUsage(cpuBefore);
  await Bun.sleep(200); // the reference's backends end and their CPU time reaches the postmaster
  const pgUs = ((postgresCpuMs(postmaster) - pgBefore) * 1000) / (raw * seconds);
  return { raw, cpuUs: (user + system) / (raw * seconds), pgUs };
}
const results = new Map(sides.map((s) => [s.label, [] as RoundResult[]]));
try {
  for (const side of sides) {
    await start(side);
    await post(side, 2); // warm-up: JIT, caches
  }
  if (postgres) for (const side of sides) await searchQueueDrained(side);
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) {
      const { raw, cpuUs: rawCpuUs, pgUs: rawPgUs } = await reference(side);
      const posted = await post(side, seconds);
      const run = {
        rps: posted.requests_per_s,
        ratio: posted.requests_per_s / raw,
        cpuUs: posted.cpuUsPerRequest,
        cpuRatio: (rawCpuUs + rawPgUs) / (posted.cpuUsPerRequest + posted.pgUsPerRequest),
        pgUs: posted.pgUsPerRequest,
      };
      results.get(side.label)?.push(run);
      const pg = postgres
        ? `, PostgreSQL ${run.pgUs.toFixed(0)} µs CPU each (raw ${rawPgUs.toFixed(1)})`
        : "";
      console.log(
        `round ${round + 1} ${side.label}: POST /deals ${run.rps}/s (p50 ${posted.p50_ms} ms, p99 ${posted.p99_ms} ms, ${posted.errors} errors, ${run.cpuUs.toFixed(0)} µs CPU each${pg}), raw ${raw}/s (${rawCpuUs.toFixed(1)} µs CPU each): ${pct(run.ratio)} by rate, ${pct(run.cpuRatio)} by CPU`,
      );
    }
  }
} finally {
  for (const side of sides) {
    side.server?.kill("SIGTERM");
    await side.server?.exited;
  }
}
for (const side of sides) {
  const runs = results.get(side.label) ?? [];
  const of = (pick: (r: RoundResult) => number) => median(runs.map(pick));
  const pg = postgres ? `, PostgreSQL ${of((r) => r.pgUs).toFixed(0)} µs CPU a request` : "";
  console.log(
    `${side.label} (${side.binary}), medians over ${runs.length} rounds: ${of((r) => r.rps)} req/s, ${pct(of((r) => r.ratio))} of raw inserts by rate; ${of((r) => r.cpuUs).toFixed(0)} µs CPU a request${pg}, ${pct(of((r) => r.cpuRatio))} of raw inserts by CPU`,
  );
}
// B against A round by round (the two ran back to back), the least disturbed comparison.
const [a, b] = sides.map((side) => results.get(side.label) ?? []);
const paired = (pick: (r: RoundResult) => number) => median(b.map((r, i) => pick(r) / pick(a[i])));
console.log(
  `B / A, median of the rounds: ${pct(paired((r) => r.rps))} of A's rate, ${pct(paired((r) => r.cpuUs))} of A's CPU a request`,
);
