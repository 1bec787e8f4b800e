/**
 * `bun <path>/bench/list-json-probe.ts`, run from the root of any crmd
 * checkout (an older commit's worktree too): the CPU time of building a
 * list page of 50 deal views (that checkout's `dealView`, versions and all)
 * and of serialising it as the list route does, and of serialising alone.
 * Twenty blocks of 2,000 pages; the smallest block is the least disturbed by
 * other work on the machine, so compare checkouts by it, run alternately.
 */
import { join } from "node:path";

type Row = Record<string, unknown>;
type DealView = (row: Row, stage: string | null) => object;
const { dealView } = (await import(join(process.cwd(), "plugins/deals/service.ts"))) as {
  dealView: DealView;
};

const start = Date.parse("2026-01-01T00:00:00Z");
const at = (i: number, offset: number) => new Date(start + i * 60_000 + offset);
const rows: Row[] = Array.from({ length: 50 }, (_, i) => ({
  id: Bun.randomUUIDv7(),
  tenantId: Bun.randomUUIDv7(),
  title: `Deal ${i} with a customer`,
  description: i % 3 === 0 ? null : "Renewal of the yearly plan",
  value: 1_000 + i * 17,
  currency: "EUR",
  status: "open",
  pipelineId: Bun.randomUUIDv7(),
  stageId: Bun.randomUUIDv7(),
  stageEnteredAt: at(i, 1),
  owner: "owner@example.com",
  leadId: null,
  contactId: Bun.randomUUIDv7(),
  contactIds: [Bun.randomUUIDv7()],
  companyId: i % 2 === 0 ? Bun.randomUUIDv7() : null,
  partnerId: null,
  expectedCloseDate: "2026-03-31",
  wonAt: null,
  lostAt: null,
  lostReason: null,
  tags: ["renewal", "q1"],
  customFields: { region: "north", seats: 12 },
  createdAt: at(i, 0),
  updatedAt: at(i, 2),
  deletedAt: null,
  syncSeq: 10_000 + i,
}));
const page = (items: object[]) =>
  JSON.stringify({ deals: items, next_cursor: "eyJpZCI6IjAxIn0", has_more: true, total: null });

const BLOCKS = 20;
const PAGES = 2_000;
function measure(label: string, run: () => string) {
  for (let i = 0; i < PAGES; i++) run();
  const blocks: number[] = [];
  for (let b = 0; b < BLOCKS; b++) {
    const before = process.cpuUsage();
    for (let i = 0; i < PAGES; i++) run();
    const used = process.cpuUsage(before);
    blocks.push((used.user + used.system) / PAGES);
  }
  blocks.sort((a, b) => a - b);
  const median = blocks[BLOCKS >> 1];
  console.log(
    `${label}: ${blocks[0].toFixed(1)} µs per page (smallest block), median ${median.toFixed(1)}`,
  );
}

const built = rows.map((row) => dealView(row, "Proposal"));
measure("build and serialise 50 deal views", () =>
  page(rows.map((row) => dealView(row, "Proposal"))),
);
measure("serialise 50 built deal views", () => page(built));
