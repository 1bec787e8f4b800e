/**
 * `bun bench/ab-list.ts <crmd A> <crmd B> [--rounds N] [--seconds S] [--deals N] [--keep]`:
 * the list case of `npm run bench` (`GET /deals?status=open&page_size=50`)
 * for two builds of crmd and the raw reference, all three on one database
 * file seeded once by A's CLI, all pinned to core 0, wrk on core 1. Each round
 * runs A, the raw reference and B (the order of A and B flips every round);
 * besides the rates it reports the CPU time each server spent per request
 * (from /proc), which other processes on the machine disturb far less than a
 * rate. `--keep` reuses the seeded database of the last run.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createBenchKey } from "./lib/keys";
import { cpuMs, freePort, startPinnedCrmd, waitForOk } from "./lib/process";
import { wrk } from "./lib/wrk";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: "string", default: "6" },
    seconds: { type: "string", default: "4" },
    deals: { type: "string", default: "100000" },
    keep: { type: "boolean", default: false },
  },
});
if (positionals.length !== 2) throw new Error("usage: ab-list.ts <crmd A> <crmd B>");
const rounds = Number(values.rounds);
const seconds = Number(values.seconds);
const dataDir = join(import.meta.dir, ".data", "ab-list");
const dbPath = join(dataDir, "bench.db");
const url = `file:${dbPath}`;
const log = (msg: string) => process.stderr.write(`ab: ${msg}\n`);
const binaries = positionals.map((b) => resolve(b));
const list = "/api/external/deals?status=open&page_size=50";

async function cli(binary: string, args: string[]) {
  const proc = Bun.spawn([binary, ...args, "--database-url", url], {
    env: { ...process.env, CRMD_LOG_LEVEL: "warn" },
    stdout: "pipe",
    stderr: "inherit",
  });
  const out = await new Response(proc.stdout).text();
  if ((await proc.exited) !== 0) throw new Error(`${binary} ${args.join(" ")} failed`);
  return out;
}

const metaPath = join(dataDir, "meta.json");
let meta: { tenant: string; key: string };
if (values.keep && existsSync(metaPath)) {
  meta = JSON.parse(readFileSync(metaPath, "utf8"));
} else {
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const tenant = JSON.parse(await cli(binaries[0], ["tenants", "create", "--name", "bench"]))
    .id as string;
  log(`seeding ${values.deals} deals`);
  await cli(binaries[0], ["seed", "--tenant", tenant, "--deals", values.deals as string]);
  const key = await createBenchKey(binaries[0], url, tenant);
  meta = { tenant, key };
  writeFileSync(metaPath, JSON.stringify(meta));
}

interface Side {
  label: string;
  port: number;
  proc: ReturnType<typeof Bun.spawn>;
  key?: string;
}

async function startCrmd(label: string, binary: string): Promise<Side> {
  const port = freePort();
  const proc = await startPinnedCrmd(binary, port, url);
  return { label, port, proc, key: meta.key };
}

async function startRaw(): Promise<Side> {
  const port = freePort();
  const proc = Bun.spawn(
    [
      "taskset",
      "-c",
      "0",
      process.execPath,
      join(import.meta.dir, "raw-reference.ts"),
      dbPath,
      meta.tenant,
      String(port),
    ],
    { stdout: "ignore", stderr: "inherit" },
  );
  await waitForOk(`http://127.0.0.1:${port}/`);
  return { label: "raw", port, proc };
}

async function load(side: Side, roundSeconds: number) {
  const pid = side.proc.pid;
  const before = cpuMs(pid);
  const result = await wrk({
    url: `http://127.0.0.1:${side.port}${side.key ? list : "/"}`,
    seconds: roundSeconds,
    connections: 50,
    headers: side.key ? { "x-api-key": side.key } : {},
    cpu: 1,
    scratchDir: dataDir,
  });
  if (result.errors > 0) throw new Error(`${side.label}: ${result.errors} errors`);
  const cpuUs = ((cpuMs(pid) - before) * 1000) / Math.max(1, result.requests);
  return { rps: result.requests_per_s, cpuUs };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

const sides = [await startCrmd("A", binaries[0]), await startCrmd("B", binaries[1])];
const raw = await startRaw();
const results = new Map<string, { rps: number; cpuUs: number; ratio: number; cpuRatio: number }[]>(
  sides.map((s) => [s.label, []]),
);
try {
  for (const side of [...sides, raw]) await load(side, 2);
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) {
      const r = await load(raw, seconds);
      const c = await load(side, seconds);
      const run = { ...c, ratio: c.rps / r.rps, cpuRatio: r.cpuUs / c.cpuUs };
      results.get(side.label)?.push(run);
      console.log(
        `round ${round + 1} ${side.label}: ${c.rps} req/s, ${c.cpuUs.toFixed(0)} µs CPU each; raw ${r.rps} req/s, ${r.cpuUs.toFixed(0)} µs; ${pct(run.ratio)} by rate, ${pct(run.cpuRatio)} by CPU`,
      );
    }
  }
} finally {
  for (const side of [...sides, raw]) {
    side.proc.kill("SIGTERM");
    await side.proc.exited;
  }
}
for (const side of sides) {
  const runs = results.get(side.label) ?? [];
  console.log(
    `${side.label} (${binaries[side.label === "A" ? 0 : 1]}), medians of ${runs.length} rounds: ${median(runs.map((r) => r.rps))} req/s, ${pct(median(runs.map((r) => r.ratio)))} of raw by rate; ${median(runs.map((r) => r.cpuUs)).toFixed(0)} µs CPU a request, ${pct(median(runs.map((r) => r.cpuRatio)))} of raw by CPU`,
  );
}
const [a, b] = sides.map((s) => results.get(s.label) ?? []);
console.log(
  `B / A, median of the rounds: ${pct(median(b.map((r, i) => r.rps / a[i].rps)))} of A's rate, ${pct(median(b.map((r, i) => r.cpuUs / a[i].cpuUs)))} of A's CPU a request`,
);
