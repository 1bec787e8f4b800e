import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { WebhookDispatcher } from "../src/core";
import { type HranaServer, startHranaServer } from "./helpers/hrana-server";
import { startTestServer, type TenantClient, type TestServer } from "./helpers/server";
import { SseClient } from "./helpers/sse";
import { standardVerifies, startReceiver } from "./webhook-receiver";

/**
 * crmd against a remote libSQL URL (`http://…`): @libsql/client over HTTP,
 * drizzle's libSQL transactions with group commit, no bun:sqlite handles in
 * crmd itself. The server at the other end is tests/helpers/hrana-server.ts.
 */

let dir: string;
let hrana: HranaServer;
let server: TestServer;
let tenant: TenantClient;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "crmd-remote-"));
  hrana = startHranaServer(join(dir, "remote.db"));
  server = await startTestServer({ config: { databaseUrl: hrana.url } });
  tenant = await server.tenant();
  const pipeline = await tenant.api.post("/api/external/pipelines", {
    name: "Sales",
    pipeline_type: "sales",
    stages: [{ name: "New" }, { name: "Won", kind: "won" }],
  });
  expect(pipeline.status).toBe(201);
});

afterAll(async () => {
  await server?.close();
  hrana?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test("migrations, keys and writes go to the remote database", async () => {
  expect(server.ctx.db.raw).toBeNull();
  expect(hrana.requests()).toBeGreaterThan(50);
  const ready = await server.anonymous.get("/readyz");
  expect(ready.body).toEqual({ status: "ready", database: true });
  const created = await tenant.api.post("/api/external/deals", { title: "Remote", value: 700 });
  expect(created.status).toBe(201);
  expect(created.body.stage).toBe("New");
  const read = await tenant.api.get(`/api/external/deals/${created.body.id}`);
  expect(read.body.title).toBe("Remote");
});

test("concurrent writes share commits; one that fails is rolled back alone", async () => {
  const other = await server.tenant();
  const foreignLead = await other.api.post("/api/external/leads", { name: "Not yours" });
  expect(foreignLead.status).toBe(201);
  /** The committed batches' count and writes so far, as the metrics have them. */
  const committed = async () => {
    const { text } = await server.ctx.metrics.scrape();
    const value = (name: string) =>
      Number(text.match(new RegExp(`^${name}\\{outcome="committed"\\} (\\S+)$`, "m"))?.[1]);
    return {
      batches: value("crmd_group_commit_batch_size_count"),
      writes: value("crmd_group_commit_batch_size_sum"),
    };
  };
  const before = await committed();
  const replies = await Promise.all([
    ...Array.from({ length: 8 }, (_, i) =>
      tenant.api.post("/api/external/deals", { title: `batch ${i}`, value: i }),
    ),
    tenant.api.post("/api/external/deals", { title: "bad link", lead_id: foreignLead.body.id }),
  ]);
  expect(replies.map((r) => r.status)).toEqual([...Array(8).fill(201), 422]);
  // The remote database's group commit reports its batches too.
  const after = await committed();
  expect(after.writes - before.writes).toBeGreaterThanOrEqual(8);
  expect(after.batches - before.batches).toBeGreaterThan(0);
  expect(after.batches - before.batches).toBeLessThan(after.writes - before.writes);
  const list = await tenant.api.get("/api/external/deals?page_size=100");
  const titles = list.body.deals.map((d: { title: string }) => d.title);
  for (let i = 0; i < 8; i++) expect(titles).toContain(`batch ${i}`);
  expect(titles).not.toContain("bad link");
  expect(list.body.total).toBe(titles.length);
  const activity = await tenant.api.get("/api/external/activity?entity_type=deal&page_size=100");
  expect(activity.body.total).toBe(titles.length);
});

test("change feeds, filters and KPIs read from the remote database", async () => {
  const since = new Date(Date.now() - 60_000).toISOString();
  const feed = await tenant.api.get(`/api/external/deals?since=${since}&page_size=3`);
  expect(feed.status).toBe(200);
  expect(feed.body.deals).toHaveLength(3);
  const next = await tenant.api.get(`/api/external/deals?cursor=${feed.body.next_cursor}`);
  const seen = [...feed.body.deals, ...next.body.deals].map((d: { id: string }) => d.id);
  expect(new Set(seen).size).toBe(seen.length);
  const open = await tenant.api.get("/api/external/deals?status=open&stage=New");
  expect(open.body.total).toBeGreaterThanOrEqual(9);
  const kpis = await tenant.api.get("/api/external/kpis?period=month");
  expect(kpis.status).toBe(200);
  expect(kpis.body.pipeline.value).toBe(700 + 28);
});

test("search indexes the queued rows on the remote database before it answers", async () => {
  const contact = await tenant.api.post("/api/external/contacts", { first_name: "Remotely" });
  expect(contact.status).toBe(201);
  const found = await tenant.api.get("/api/external/search?q=remotely");
  expect(found.body.results.map((hit: { id: string }) => hit.id)).toEqual([contact.body.id]);
  const listed = await tenant.api.get("/api/external/contacts?search=remot");
  expect(listed.body.contacts.map((row: { id: string }) => row.id)).toEqual([contact.body.id]);
});

test("webhooks fan out, are claimed and delivered, signed, through the remote database", async () => {
  const receiver = startReceiver();
  try {
    const hook = await tenant.api.post("/api/external/webhooks", {
      url: receiver.url("/remote"),
      events: ["deal.created"],
    });
    expect(hook.status).toBe(201);
    const deal = await tenant.api.post("/api/external/deals", { title: "Remote hook" });
    expect(deal.status).toBe(201);
    const dispatcher = server.ctx.workers.find(
      (worker) => worker.name === "webhook-dispatcher",
    ) as WebhookDispatcher;
    await dispatcher.drain();
    const [request] = receiver.received;
    expect(request.json).toMatchObject({ event_type: "deal.created", data: { id: deal.body.id } });
    expect(standardVerifies(hook.body.secret, request)).toBe(true);
    const deliveries = await tenant.api.get(`/api/external/webhooks/${hook.body.id}/deliveries`);
    expect(deliveries.body.deliveries.map((d: { status: string }) => d.status)).toEqual([
      "succeeded",
    ]);
  } finally {
    receiver.close();
  }
});

test("a live event stream that could not start while the database was unreachable starts on the next request", async () => {
  const stream = () =>
    new SseClient(`${server.url}/api/external/events/stream`, tenant.api.headers);
  hrana.refuse(/max\("seq"\)\s+from\s+"outbox_events"/i);
  const refused = stream();
  try {
    await refused.connect();
  } finally {
    hrana.refuse(null);
  }
  expect(refused.status).toBe(500);
  const client = stream();
  await client.connect();
  try {
    expect(client.status).toBe(200);
    const deal = await tenant.api.post("/api/external/deals", { title: "After the outage" });
    await client.until(() => client.events.some((e) => e.event === "deal.created"));
    const [event] = client.events.filter((e) => e.event === "deal.created");
    expect(JSON.parse(event.data).data.id).toBe(deal.body.id);
  } finally {
    client.close();
  }
});
