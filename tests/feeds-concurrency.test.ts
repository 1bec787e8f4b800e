/**
 * Several instances writing at once on one database while a client follows
 * the cursor feed: every committed row reaches the poller. Sync numbers are
 * handed out under the database's write lock (PostgreSQL: the writer's
 * advisory lock), so a row never commits behind a cursor already past it.
 * Runs on SQLite (three handles on one file) and, in the PostgreSQL run, on
 * PostgreSQL (three handles on one database).
 */
import { afterAll, beforeAll, expect, setSystemTime, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SQL } from "bun";
import { testPostgresUrl } from "./helpers/database";
import type { Api, Reply } from "./helpers/server";
import { startTestServer, type TestServer } from "./helpers/server";
import { salesPipeline } from "./sales-fixtures";

const dir = mkdtempSync(join(tmpdir(), "crmd-feeds-"));
const servers: TestServer[] = [];
const writers: Api[] = [];
let poller: Api;

beforeAll(async () => {
  const config = { rateLimit: 1_000_000 };
  for (let n = 0; n < 3; n++) servers.push(await startTestServer({ dir, config }));
  const tenant = await servers[0].tenant();
  poller = tenant.api;
  await salesPipeline(poller);
  for (const server of servers) writers.push(await server.keyFor(tenant.tenantId, ["*"]));
});

afterAll(async () => {
  for (const server of servers) await server.close();
  rmSync(dir, { recursive: true, force: true });
});

test("a client following the cursor sees every row committed by concurrent writers", async () => {
  const seen = new Set<string>();
  let cursor = "";
  const follow = async () => {
    for (;;) {
      const page = await poller.get(`/api/external/deals?cursor=${cursor}&page_size=7`);
      expect(page.status).toBe(200);
      for (const deal of page.body.deals) seen.add(deal.id);
      cursor = page.body.next_cursor;
      if (!page.body.has_more) return;
    }
  };
  let writing = true;
  const polling = (async () => {
    while (writing) await follow();
  })();
  const written = await Promise.all(
    Array.from({ length: 150 }, async (_, n) => {
      const reply = await writers[n % 3].post("/api/external/deals", { title: `Feed ${n}` });
      expect(reply.status).toBe(201);
      // Every third deal changes again at once: an update moves it in the feed.
      if (n % 3 === 0)
        await writers[(n + 1) % 3].patch(`/api/external/deals/${reply.body.id}`, { value: n });
      return reply.body.id as string;
    }),
  );
  writing = false;
  await polling;
  await follow();
  expect(written.filter((id) => !seen.has(id))).toEqual([]);
}, 60_000);

test("a client polling `since` from the newest updated_at it saw sees every row committed by concurrent writers", async () => {
  // What a seed 001 client does: `since` the newest change time it has, again and again.
  const { tenantId } = await servers[0].tenant();
  const client = await servers[0].keyFor(tenantId, ["*"]);
  await salesPipeline(client);
  const instances = await Promise.all(servers.map((server) => server.keyFor(tenantId, ["*"])));
  const seen = new Map<string, number>();
  let since = new Date(Date.now() - 60_000).toISOString();
  const poll = async () => {
    for (;;) {
      const page = await client.get(`/api/external/deals?since=${since}&page_size=100`);
      expect(page.status).toBe(200);
      for (const deal of page.body.deals) {
        seen.set(deal.id, deal.value);
        if (deal.updated_at > since) since = deal.updated_at;
      }
      if (!page.body.has_more) return;
    }
  };
  let writing = true;
  const polling = (async () => {
    while (writing) await poll();
  })();
  const written = await Promise.all(
    Array.from({ length: 300 }, async (_, n) => {
      const reply = await instances[n % 3].post("/api/external/deals", { title: `Since ${n}` });
      expect(reply.status).toBe(201);
      // Every third deal changes again at once, on another instance: the poller must see that too.
      if (n % 3 === 0) {
        const patched = await instances[(n + 1) % 3].patch(`/api/external/deals/${reply.body.id}`, {
          value: n + 1,
        });
        expect(patched.status).toBe(200);
      }
      return [reply.body.id as string, n % 3 === 0 ? n + 1 : 0] as const;
    }),
  );
  writing = false;
  await polling;
  await poll();
  expect(written.filter(([id, value]) => seen.get(id) !== value)).toEqual([]);
}, 60_000);

test.skipIf(!testPostgresUrl)(
  "on PostgreSQL change times come from the database server's clock, not the instance host's",
  async () => {
    const { tenantId } = await servers[0].tenant();
    const [first, second] = await Promise.all(
      servers.slice(0, 2).map((server) => server.keyFor(tenantId, ["*"])),
    );
    await salesPipeline(first);
    const earlier = await first.post("/api/external/deals", { title: "On time" });
    expect(earlier.status).toBe(201);
    // The host of the next write runs a minute behind (one process: every instance here).
    setSystemTime(new Date(Date.now() - 60_000));
    let later: Reply;
    try {
      later = await second.post("/api/external/deals", { title: "Behind" });
    } finally {
      setSystemTime();
    }
    expect(later.status).toBe(201);
    expect(later.body.updated_at >= earlier.body.updated_at).toBe(true);
    const since = await first.get(`/api/external/deals?since=${earlier.body.updated_at}`);
    expect(since.body.deals.map((deal: { id: string }) => deal.id)).toContain(later.body.id);
  },
);

test.skipIf(!testPostgresUrl)(
  "on PostgreSQL a write is stamped after the writer lock it waited for was released",
  async () => {
    const { tenantId } = await servers[0].tenant();
    const client = await servers[0].keyFor(tenantId, ["*"]);
    await salesPipeline(client);
    // Another instance's write batch, held open: it owns the writer lock.
    const holder = new SQL(servers[0].ctx.config.databaseUrl, { max: 1 });
    let waiting: Promise<Reply> | undefined;
    let released = "";
    try {
      await holder.begin(async (tx) => {
        await tx.unsafe("SELECT pg_advisory_xact_lock(7411002)");
        waiting = client.post("/api/external/deals", { title: "Waited" });
        await Bun.sleep(300);
        [{ released }] = await tx.unsafe(
          `SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS released`,
        );
      });
    } finally {
      await holder.close();
    }
    const deal = await (waiting as Promise<Reply>);
    expect(deal.status).toBe(201);
    expect(deal.body.created_at >= released).toBe(true);
  },
);
