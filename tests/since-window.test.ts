import { beforeAll, expect, test } from "bun:test";
import { and, asc, eq, gte } from "drizzle-orm";
import { deals } from "../db/schema";
import { seedTenant } from "../db/seed";
import { ManualClock } from "../src/clock";
import { SINCE_WINDOW } from "../src/pagination";
import type { TenantClient } from "./helpers/server";
import { useTestServer } from "./helpers/suite";

/**
 * A `since` page first walks a window of the tenant's next SINCE_WINDOW rows
 * and falls back to finding its floor when the window comes up short. Both
 * must give exactly the rows changed since, oldest change first: checked
 * here against a direct query, on more rows than one window holds.
 */

const NOW = new Date("2026-06-15T12:00:00.000Z");
const DAY = 86_400_000;
const clock = new ManualClock(NOW);
const server = useTestServer({ clock });
let tenant: TenantClient;

beforeAll(async () => {
  tenant = await server.tenant();
  // Seeded rows get their sync_seq in insertion order and times spread over a
  // year: the rows changed since a given time are scattered through the feed.
  await seedTenant(
    server.ctx.db,
    tenant.tenantId,
    { deals: SINCE_WINDOW + 700, leads: 0, tasks: 0, partners: 2 },
    undefined,
    { now: NOW, seed: 11 },
  );
});

/** Every id a client sees following `since` and then `next_cursor` to the end. */
async function follow(since: string): Promise<string[]> {
  const seen: string[] = [];
  let path = `/api/external/deals?since=${since}&page_size=100`;
  for (let pages = 0; pages < 100; pages++) {
    const reply = await tenant.api.get(path);
    expect(reply.status).toBe(200);
    seen.push(...reply.body.deals.map((d: { id: string }) => d.id));
    if (!reply.body.has_more) return seen;
    path = `/api/external/deals?since=${since}&cursor=${reply.body.next_cursor}&page_size=100`;
  }
  throw new Error("the feed did not end");
}

async function expected(since: Date): Promise<string[]> {
  const rows = await server.ctx.db.read
    .select({ id: deals.id })
    .from(deals)
    .where(and(eq(deals.tenantId, tenant.tenantId), gte(deals.updatedAt, since)))
    .orderBy(asc(deals.syncSeq));
  return rows.map((row) => row.id);
}

test("an old since (a first sync) pages through every row, oldest change first", async () => {
  const since = new Date(NOW.getTime() - 400 * DAY);
  const ids = await expected(since);
  expect(ids.length).toBe(SINCE_WINDOW + 700);
  expect(await follow(since.toISOString())).toEqual(ids);
});

test("a since that only some rows, scattered through the feed, changed after", async () => {
  for (const daysAgo of [300, 120, 30, 3]) {
    const since = new Date(NOW.getTime() - daysAgo * DAY);
    const ids = await expected(since);
    expect(ids.length).toBeGreaterThan(0);
    expect(await follow(since.toISOString())).toEqual(ids);
  }
});

test("a recent since, met only by rows changed at the end of the feed, past the window", async () => {
  clock.set(new Date(NOW.getTime() + DAY));
  const since = new Date(NOW.getTime() + DAY - 1000);
  const [first] = await expected(new Date(0));
  const touched = [first];
  const renamed = await tenant.api.patch(`/api/external/deals/${first}`, { title: "renamed" });
  expect(renamed.status).toBe(200);
  const created = await tenant.api.post("/api/external/deals", { title: "new", value: 1 });
  expect(created.status).toBe(201);
  touched.push(created.body.id);
  expect(await expected(since)).toEqual(touched);
  expect(await follow(since.toISOString())).toEqual(touched);
});
