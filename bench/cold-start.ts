/**
 * Cold start: spawn to the first 200 from `/readyz`, the binary pinned to
 * core 0 as in `npm run bench`, `/readyz` polled every 2 ms. Besides the
 * wall time, the CPU time the process used until then (all its threads,
 * from /proc): on a machine shared with other work it moves far less.
 *
 * `bun bench/cold-start.ts [--rounds N] [binary…]` (default: dist/crmd)
 * starts each binary on a migrated database of its own, then runs N rounds
 * (default 15), each starting every binary once in turn, so they share the
 * machine's drift; prints each binary's medians and minimums.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, waitForOk } from "./lib/process";

/** CPU time a process's threads have used, in ms (Linux schedstat; NaN elsewhere). */
function cpuMs(pid: number): number {
  try {
    const tasks = readdirSync(`/proc/${pid}/task`);
    const ns = tasks.map((task) =>
      Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, "utf8").split(" ")[0]),
    );
    return ns.reduce((sum, n) => sum + n, 0) / 1e6;
  } catch {
    return Number.NaN;
  }
}

export interface Start {
  wallMs: number;
  cpuMs: number;
}

/** One start of `binary` on the database file `db`. */
export async function coldStart(binary: string, db: string): Promise<Start> {
  const port = freePort();
  const started = performance.now();
  const proc = Bun.spawn(
    ["taskset", "-c", "0", binary, "serve", "--port", String(port), "--database-url", `file:${db}`],
    {
      env: { ...process.env, CRMD_DEMO: "0", CRMD_LOG_LEVEL: "warn" },
      stdout: "ignore",
      stderr: "inherit",
    },
  );
  await waitForOk(`http://127.0.0.1:${port}/readyz`);
  const start = { wallMs: performance.now() - started, cpuMs: cpuMs(proc.pid) };
  proc.kill("SIGTERM");
  await proc.exited;
  return start;
}

export const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** `rounds` alternating starts of each binary, each on `dbs[i]` (migrated by a first start). */
export async function coldStarts(binaries: string[], dbs: string[], rounds: number) {
  for (const [i, binary] of binaries.entries()) await coldStart(binary, dbs[i]);
  const times = binaries.map(() => [] as Start[]);
  for (let round = 0; round < rounds; round++)
    for (const [i, binary] of binaries.entries()) times[i].push(await coldStart(binary, dbs[i]));
  return times;
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const at = args.indexOf("--rounds");
  const rounds = at >= 0 ? Number(args.splice(at, 2)[1]) : 15;
  const binaries = args.length ? args : [join(import.meta.dir, "..", "dist", "crmd")];
  const dir = mkdtempSync(join(tmpdir(), "crmd-cold-"));
  try {
    const dbs = binaries.map((_, i) => join(dir, `${i}.db`));
    const times = await coldStarts(binaries, dbs, rounds);
    const figures = (values: number[]) =>
      `median ${median(values).toFixed(1)} ms, min ${Math.min(...values).toFixed(1)}`;
    for (const [i, binary] of binaries.entries())
      console.log(
        `${binary}: wall ${figures(times[i].map((t) => t.wallMs))}; CPU ${figures(times[i].map((t) => t.cpuMs))} (${rounds} starts)`,
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
