/**
 * `bun bench/custom-fields.ts [--quick]`: the custom-field cases of
 * `npm run bench` on their own (a database of their own, ports the kernel
 * picks), for measuring them without the rest: a list filtered on a custom
 * field against the raw reference running the same indexed query, and a
 * create with 20 custom fields against two references: raw single-row
 * inserts into a five-column table (the reference of every POST case), and
 * the same deal row and 20 value-index rows written raw, one transaction a
 * create (rawCustomFieldCreates). Each ratio comes twice:
 * of rates, and of CPU time per operation (what the two would reach on a
 * core each, which other load on a shared machine hardly moves). Run
 * `npm run build` first. Prints a table and writes
 * bench/results/custom-fields.json.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openDatabase } from "../db/client";
import { migrate } from "../db/migrate";
import { CREATE_FIELDS, createBodyLua, seedCustomFieldTenant } from "./lib/custom-fields";
import { createBenchKey } from "./lib/keys";
import { cpuMs, freePort, waitForOk } from "./lib/process";
import { type Rate, rawCustomFieldCreates, rawInserts } from "./lib/raw-inserts";
import { type LoadResult, wrk } from "./lib/wrk";

const quick = process.argv.includes("--quick");
const deals = quick ? 3_000 : 100_000;
const rounds = quick ? 1 : 3;
const seconds = quick ? 1 : 4;
const root = join(import.meta.dir, "..");
const dataDir = join(root, "bench", ".data", "custom-fields");
const dbPath = join(dataDir, "bench.db");
const [PORT, RAW_PORT] = [freePort(), freePort()];

const spawnPinned = (cpu: number, cmd: string[], env: Record<string, string> = {}) =>
  Bun.spawn(["taskset", "-c", String(cpu), ...cmd], {
    env: { ...process.env, CRMD_DEMO: "0", CRMD_LOG_LEVEL: "warn", ...env },
    stdout: "ignore",
    stderr: "inherit",
  });

const load =
  (path: string, port: number, extra: Parameters<typeof wrk>[0]["headers"] = {}) =>
  async (more: Partial<Parameters<typeof wrk>[0]> = {}) => {
    const result = await wrk({
      url: `http://127.0.0.1:${port}${path}`,
      seconds,
      connections: 50,
      headers: extra,
      cpu: 1,
      scratchDir: dataDir,
      ...more,
    });
    await Bun.sleep(quick ? 100 : 1500);
    return result;
  };

/** A load run on the server `pid`, with its CPU time per request. */
async function measured(pid: number, run: () => Promise<LoadResult>): Promise<Rate> {
  const cpu = cpuMs(pid);
  const result = await run();
  const used = cpuMs(pid) - cpu;
  return { per_s: result.requests_per_s, cpu_us: (used * 1000) / Math.max(result.requests, 1) };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** A case's figures against one reference (medians of the per-round figures). */
const against = (runs: Array<{ value: Rate; ref: Rate }>) => ({
  rps: median(runs.map((r) => r.value.per_s)),
  reference: median(runs.map((r) => r.ref.per_s)),
  ratio: median(runs.map((r) => r.value.per_s / r.ref.per_s)),
  cpu_us: median(runs.map((r) => r.value.cpu_us)),
  reference_cpu_us: median(runs.map((r) => r.ref.cpu_us)),
  cpu_ratio: median(runs.map((r) => r.ref.cpu_us / r.value.cpu_us)),
});

/**
 * Alternating rounds of the case and its references (each round: the
 * references, then the case): per reference, the median of the per-round
 * ratios of rates, and of CPU time per operation (the reference's over
 * crmd's: the rate ratio each would reach on a core of its own, which load
 * from other processes on a shared machine hardly moves).
 */
async function paired(measure: () => Promise<Rate>, ...references: Array<() => Promise<Rate>>) {
  const runs: Array<{ value: Rate; refs: Rate[] }> = [];
  for (let round = 0; round < rounds; round++) {
    const refs: Rate[] = [];
    for (const reference of references) refs.push(await reference());
    runs.push({ refs, value: await measure() });
  }
  return references.map((_, i) => against(runs.map((r) => ({ value: r.value, ref: r.refs[i] }))));
}

rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });
const db = await openDatabase(`file:${dbPath}`);
await migrate(db);
const tenant = await seedCustomFieldTenant(db, deals);
await db.close();

const server = spawnPinned(0, [
  join(root, "dist", "crmd"),
  "serve",
  "--port",
  String(PORT),
  "--database-url",
  `file:${dbPath}`,
]);
const raw = spawnPinned(0, [
  process.execPath,
  join(root, "bench", "raw-reference.ts"),
  dbPath,
  tenant,
  String(RAW_PORT),
  "region",
]);
try {
  await waitForOk(`http://127.0.0.1:${PORT}/readyz`, 30_000);
  await waitForOk(`http://127.0.0.1:${RAW_PORT}/`);
  const key = await createBenchKey(join(root, "dist", "crmd"), `file:${dbPath}`, tenant);
  const list = load("/api/external/deals?cf.region=emea&page_size=50", PORT, { "x-api-key": key });
  const rawList = load("/", RAW_PORT);
  await rawList({ seconds: 1 });
  await list({ seconds: 1 });
  const [filtered] = await paired(
    () => measured(server.pid, list),
    () => measured(raw.pid, rawList),
  );
  const post = load("/api/external/deals", PORT, {
    "x-api-key": key,
    "content-type": "application/json",
  });
  const [created, createdRaw] = await paired(
    () => measured(server.pid, () => post({ method: "POST", bodyLua: createBodyLua() })),
    async () => rawInserts(dbPath, seconds),
    async () => rawCustomFieldCreates(dbPath, tenant, CREATE_FIELDS, seconds),
  );
  const rows = [
    {
      case: `GET /deals?cf.region=emea&page_size=50 (${deals} deals, a quarter match)`,
      ...filtered,
      target: 0.5,
    },
    { case: "POST /deals with 20 custom fields, vs raw inserts", ...created, target: 0.2 },
    {
      case: "POST /deals with 20 custom fields, vs the deal and its 20 value rows written raw",
      ...createdRaw,
      target: 0.2,
    },
  ];
  for (const r of rows)
    console.log(
      `| ${r.case} | ${Math.round(r.rps)} req/s | reference ${Math.round(r.reference)}/s | ${(r.ratio * 100).toFixed(0)} % (target ≥ ${r.target * 100} %) | CPU ${r.cpu_us.toFixed(0)} µs vs ${r.reference_cpu_us.toFixed(1)} µs: ${(r.cpu_ratio * 100).toFixed(0)} % |`,
    );
  mkdirSync(join(root, "bench", "results"), { recursive: true });
  writeFileSync(
    join(root, "bench", "results", "custom-fields.json"),
    JSON.stringify(
      { date: new Date().toISOString(), quick, deals, rounds, seconds, rows },
      null,
      2,
    ),
  );
} finally {
  server.kill("SIGTERM");
  raw.kill();
  await Promise.all([server.exited, raw.exited]);
}
