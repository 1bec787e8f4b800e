/**
 * `bun <path>/bench/post-deals-probe.ts`, run from the root of any crmd
 * checkout (an older commit's worktree too): the CPU time of one POST
 * /deals, sent one after another to an in-process test server of that
 * checkout, and the SQLite statements it runs. Fifteen blocks of 200 POSTs;
 * the smallest block is the least disturbed by other work on the machine.
 * The process's CPU includes the client's share, the same for every
 * checkout, so compare checkouts run alternately, not absolute values.
 */
import { Database, type Statement } from "bun:sqlite";

let statements = 0;
type Runner = (...args: unknown[]) => unknown;
const counted = new WeakSet<Runner>();

/** Counts each run of a statement (run, all, get, values). */
function countRuns<T extends Statement>(statement: T): T {
  const target = statement as unknown as Record<string, Runner>;
  for (const method of ["run", "all", "get", "values"]) {
    const original = target[method];
    if (typeof original !== "function" || counted.has(original)) continue;
    const wrapped: Runner = function (this: unknown, ...args) {
      statements++;
      return original.apply(this, args);
    };
    counted.add(wrapped);
    target[method] = wrapped;
  }
  return statement;
}

const proto = Database.prototype as unknown as Record<string, Runner>;
for (const method of ["prepare", "query"]) {
  const original = proto[method];
  proto[method] = function (this: unknown, ...args) {
    return countRuns(original.apply(this, args) as Statement);
  };
}
for (const method of ["run", "exec"]) {
  const original = proto[method];
  proto[method] = function (this: unknown, ...args) {
    statements++;
    return original.apply(this, args);
  };
}

const { startTestServer } = await import(`${process.cwd()}/tests/helpers/server.ts`);
const server = await startTestServer({ config: { rateLimit: 1_000_000_000 } });
const { api } = await server.tenant("probe", ["*"], { rate_limit: 1_000_000_000 });
await api.post("/api/external/pipelines", {
  name: "Sales",
  pipeline_type: "sales",
  is_default: true,
  stages: [{ name: "Open" }, { name: "Won", kind: "won" }, { name: "Lost", kind: "lost" }],
});
const post = async (i: number) => {
  const reply = await api.post("/api/external/deals", {
    title: `deal ${i}`,
    value: i,
    currency: "EUR",
  });
  if (reply.status !== 201) throw new Error(`POST /deals answered ${reply.status}`);
};
for (let i = 0; i < 300; i++) await post(i); // warm-up: JIT, caches
await Bun.sleep(500);

const blocks: number[] = [];
let perPost = 0;
for (let block = 0; block < 15; block++) {
  const before = statements;
  const cpu = process.cpuUsage();
  for (let i = 0; i < 200; i++) await post(i);
  const { user, system } = process.cpuUsage(cpu);
  perPost = (statements - before) / 200;
  blocks.push(Math.round((user + system) / 200));
}
blocks.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    checkout: process.cwd(),
    statements_per_post: perPost,
    cpu_us_per_post: { min: blocks[0], p25: blocks[3], median: blocks[7] },
  }),
);
await server.close();
process.exit(0);
