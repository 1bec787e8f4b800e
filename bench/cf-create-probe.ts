/**
 * `bun <path>/bench/cf-create-probe.ts [service|http] [--blocks N]`, run from
 * the root of any crmd checkout (an older commit's tree too): the CPU time of
 * one create of a deal with 20 custom fields (the bench's fields and body),
 * 25 creates in flight, in an in-process test server of that checkout.
 * `service` (default) calls the deals service inside `ctx.write` (group
 * commit, no HTTP); `http` posts to the server over HTTP (the process's CPU
 * then includes the client's share, the same for every checkout). Blocks
 * of 2,000 creates; prints the smallest and the median block. Compare
 * checkouts in alternating runs, not absolute values.
 */
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { blocks: { type: "string", default: "7" } },
});
const mode = positionals[0] ?? "service";
const blocks = Number(values.blocks);
const PER_BLOCK = 2_000;
const IN_FLIGHT = 25;

const root = process.cwd();
const { startTestServer } = await import(`${root}/tests/helpers/server.ts`);
const { createDealInTx } = await import(`${root}/plugins/deals/index.ts`);
const { writeScope } = await import(`${root}/src/writes.ts`);

const server = await startTestServer({ config: { rateLimit: 1_000_000_000 } });
const { api, tenantId } = await server.tenant("probe", ["*"], { rate_limit: 1_000_000_000 });
await api.post("/api/external/pipelines", {
  name: "Sales",
  pipeline_type: "sales",
  is_default: true,
  stages: [{ name: "Open" }, { name: "Won", kind: "won" }, { name: "Lost", kind: "lost" }],
});
for (let i = 0; i < 20; i++) {
  const reply = await api.post("/api/external/fields/deals", {
    key: `f${i + 1}`,
    label: `f${i + 1}`,
    type: i % 2 ? "number" : "text",
  });
  if (reply.status !== 201) throw new Error(`POST /fields/deals answered ${reply.status}`);
}

const body = (n: number) => {
  const custom_fields: Record<string, unknown> = {};
  for (let i = 0; i < 20; i++) custom_fields[`f${i + 1}`] = i % 2 ? n % 1000 : `value ${n}`;
  return { title: `cf deal ${n}`, value: 100, currency: "EUR", custom_fields };
};
const actor = { type: "api_key", id: null, name: "probe" };
const ctx = server.ctx;
const create =
  mode === "http"
    ? async (n: number) => {
        const reply = await api.post("/api/external/deals", body(n));
        if (reply.status !== 201) throw new Error(`POST /deals answered ${reply.status}`);
      }
    : (n: number) =>
        ctx.write((tx: unknown) => createDealInTx(tx, writeScope(ctx, tenantId, actor), body(n)));

let next = 0;
async function run(count: number) {
  const end = next + count;
  const worker = async () => {
    while (next < end) await create(next++);
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
}

await run(1_000); // warm-up: JIT, caches
await Bun.sleep(300);
const cpu: number[] = [];
const wall: number[] = [];
for (let block = 0; block < blocks; block++) {
  const usage = process.cpuUsage();
  const start = performance.now();
  await run(PER_BLOCK);
  wall.push(((performance.now() - start) * 1000) / PER_BLOCK);
  const { user, system } = process.cpuUsage(usage);
  cpu.push((user + system) / PER_BLOCK);
  await Bun.sleep(300);
}
const sorted = (list: number[]) => [...list].sort((a, b) => a - b);
const [c, w] = [sorted(cpu), sorted(wall)];
console.log(
  JSON.stringify({
    checkout: root,
    mode,
    cpu_us_per_create: { min: Math.round(c[0]), median: Math.round(c[c.length >> 1]) },
    wall_us_per_create: { min: Math.round(w[0]), median: Math.round(w[w.length >> 1]) },
  }),
);
await server.close();
process.exit(0);
