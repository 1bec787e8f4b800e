/**
 * Several instances writing at once on one database while a client follows
 * the cursor feed: every committed row reaches the poller. Sync numbers are
 * handed out under the database's write lock (PostgreSQL: the writer's
 * advisory lock), so a row never commits behind a cursor already past it.
 * Runs on SQLite (three handles on one file) and, in the PostgreSQL run, on
 * PostgreSQL (three handles on one database).
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Api } from "./helpers/server";
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
