import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineObjectType } from "./helpers/api";
import { Api, startTestServer, type TestServer } from "./helpers/server";
import { SseClient } from "./helpers/sse";
import { useTestServer } from "./helpers/suite";

const X = "/api/external";
const server = useTestServer({ config: { rateLimit: 100_000, liveHeartbeatSeconds: 1 } });
let api: Api;
let key: string;
let tenantId: string;

beforeAll(async () => {
  ({ api, key, tenantId } = await server.tenant());
});

const contact = (client: Api, name: string) => client.post(`${X}/contacts`, { first_name: name });
const types = (body: { events: Array<{ event_type: string }> }) =>
  body.events.map((e) => e.event_type);

describe("GET /events", () => {
  test("every event of the tenant, oldest first, cursor-paged, as webhooks get it", async () => {
    const { api: fresh } = await server.tenant();
    const a = (await contact(fresh, "A")).body.id;
    await fresh.patch(`${X}/contacts/${a}`, { first_name: "A2" });
    await contact(fresh, "B");
    const first = await fresh.get(`${X}/events?page_size=2`);
    expect(first.status).toBe(200);
    expect(types(first.body)).toEqual(["contact.created", "contact.updated"]);
    expect(first.body.events[0]).toMatchObject({
      id: expect.stringMatching(/^evt_/),
      data: { id: a, first_name: "A" },
      tenant_id: expect.any(String),
    });
    expect(first.body.has_more).toBe(true);
    const rest = await fresh.get(`${X}/events?cursor=${first.body.next_cursor}`);
    expect(types(rest.body)).toEqual(["contact.created"]);
    const none = await fresh.get(`${X}/events?cursor=${rest.body.next_cursor}`);
    expect(none.body.events).toEqual([]);
    expect(none.body.next_cursor).toBe(rest.body.next_cursor);
  });

  test("since: the events that occurred at or after a time", async () => {
    const { api: fresh } = await server.tenant();
    await contact(fresh, "before");
    const all = (await fresh.get(`${X}/events`)).body.events;
    const cut = all[0].timestamp;
    await Bun.sleep(5);
    const later = new Date().toISOString();
    await contact(fresh, "after");
    const since = await fresh.get(`${X}/events?since=${later}`);
    expect(
      since.body.events.map((e: { data: { first_name: string } }) => e.data.first_name),
    ).toEqual(["after"]);
    expect((await fresh.get(`${X}/events?since=${cut}`)).body.events.length).toBe(2);
    expect((await fresh.get(`${X}/events?since=yesterday`)).status).toBe(422);
  });

  test("types filter (exact and prefix.*), bad cursors are 422", async () => {
    const { api: fresh } = await server.tenant();
    const who = (await fresh.post(`${X}/customers/identify`, { email: "t@example.com" })).body.id;
    const conversation = (await fresh.post(`${X}/conversations`, { customer_id: who })).body.id;
    await fresh.post(`${X}/messages`, { conversation_id: conversation, body: "hi" });
    expect(
      types((await fresh.get(`${X}/events?types=conversation.*,message.created`)).body),
    ).toEqual(["conversation.created", "message.created"]);
    expect((await fresh.get(`${X}/events?cursor=nonsense`)).status).toBe(422);
    const farCursor = Buffer.from(`e:${"9".repeat(23)}`).toString("base64url");
    const far = await fresh.get(`${X}/events?cursor=${farCursor}`);
    expect([far.status, far.body.errors?.[0]?.path]).toEqual([422, "/cursor"]);
    expect((await fresh.get(`${X}/events?page_size=0`)).status).toBe(422);
  });

  test("a key sees only the events of resources it may read; other tenants' never", async () => {
    const { tenantId: mine, api: owner } = await server.tenant();
    await contact(owner, "C");
    await owner.post(`${X}/companies`, { name: "Co" });
    const contactsOnly = await server.keyFor(mine, ["events:read", "contacts:read"]);
    expect(types((await contactsOnly.get(`${X}/events`)).body)).toEqual(["contact.created"]);
    const manager = await server.keyFor(mine, ["events:read", "webhooks:manage"]);
    expect(types((await manager.get(`${X}/events`)).body)).toEqual([
      "contact.created",
      "company.created",
    ]);
  });

  test("an association's events need the read scopes of both linked objects", async () => {
    const { tenantId: mine, api: owner } = await server.tenant();
    const who = (await contact(owner, "C")).body.id;
    const company = (await owner.post(`${X}/companies`, { name: "Co" })).body.id;
    const link = `${X}/companies/${company}/associations/contacts/${who}`;
    expect((await owner.put(link, { label: "employee" })).status).toBe(201);
    const linkEvents = async (scopes: string[]) => {
      const reader = await server.keyFor(mine, ["events:read", ...scopes]);
      return types((await reader.get(`${X}/events?types=association.*`)).body);
    };
    expect(await linkEvents(["contacts:read"])).toEqual([]);
    expect(await linkEvents(["companies:read"])).toEqual([]);
    expect(await linkEvents(["contacts:read", "companies:read"])).toEqual(["association.created"]);
    expect(await linkEvents(["webhooks:manage"])).toEqual(["association.created"]);
  });

  test("a key without events:read is refused; other tenants' events are never shown", async () => {
    const { tenantId: mine } = await server.tenant();
    const noScope = await server.keyFor(mine, ["contacts:read"]);
    expect((await noScope.get(`${X}/events`)).status).toBe(403);
    const { api: stranger } = await server.tenant();
    expect((await stranger.get(`${X}/events`)).body.events).toEqual([]);
  });
});

describe("GET /events/stream", () => {
  const stream = (headers: Record<string, string> = { "x-api-key": key }, query = "") =>
    new SseClient(`${server.url}${X}/events/stream${query}`, headers);

  test("live events, then a reconnect with Last-Event-ID gets exactly the missed ones", async () => {
    const client = stream();
    await client.connect();
    expect(client.status).toBe(200);
    await contact(api, "live-1");
    await contact(api, "live-2");
    await client.until(() => client.events.length === 2);
    expect(client.events.map((e) => JSON.parse(e.data).data.first_name)).toEqual([
      "live-1",
      "live-2",
    ]);
    expect(client.events[0].event).toBe("contact.created");
    client.close();
    await contact(api, "missed-1");
    await contact(api, "missed-2");
    const resumed = stream();
    await resumed.connect(client.lastEventId);
    await contact(api, "after");
    await resumed.until(() => resumed.events.length === 3);
    expect(resumed.events.map((e) => JSON.parse(e.data).data.first_name)).toEqual([
      "missed-1",
      "missed-2",
      "after",
    ]);
    resumed.close();
  });

  test("idle streams get heartbeats; types filter; no key is 401", async () => {
    const client = stream({ "x-api-key": key }, "?types=company.*");
    await client.connect();
    const before = client.comments;
    await client.until(() => client.comments > before + 1, 4000);
    await contact(api, "not-a-company");
    await api.post(`${X}/companies`, { name: "Streamed" });
    await client.until(() => client.events.length === 1);
    expect(client.events[0].event).toBe("company.created");
    client.close();
    const anonymous = stream({});
    await anonymous.connect();
    expect(anonymous.status).toBe(401);
    const plain = await api.get(`${X}/events/stream`);
    expect(plain.status).toBe(406);
  });

  test("another tenant's events never reach a stream", async () => {
    const client = stream();
    await client.connect();
    const { api: stranger } = await server.tenant();
    await contact(stranger, "foreign");
    await contact(api, "own");
    await client.until(() => client.events.length >= 1);
    expect(client.events.map((e) => JSON.parse(e.data).tenant_id)).toEqual([tenantId]);
    client.close();
  });
});

describe("what a stream or page shows as keys and types change", () => {
  const streamOf = (apiKey: string) =>
    new SseClient(`${server.url}${X}/events/stream`, { "x-api-key": apiKey });

  test("call, email and SMS events show to keys that read interactions", async () => {
    const { api: owner, tenantId: own } = await server.tenant();
    const reader = await server.keyFor(own, ["events:read", "interactions:read"]);
    const call = await owner.post(`${X}/calls`, {
      direction: "outbound",
      from: "+15550001",
      to: "+15550002",
    });
    expect(call.status).toBe(201);
    expect(types((await reader.get(`${X}/events`)).body)).toEqual(["call.started"]);
    const blind = await server.keyFor(own, ["events:read", "contacts:read"]);
    expect(types((await blind.get(`${X}/events`)).body)).toEqual([]);
  });

  test("a revoked key's stream ends", async () => {
    const { api: owner, tenantId: own } = await server.tenant();
    const created = await owner.post(`${X}/api-keys`, {
      name: "stream",
      permissions: ["events:read", "contacts:read"],
    });
    const client = streamOf(created.body.key);
    await client.connect();
    await contact(owner, "seen");
    await client.until(() => client.events.length === 1);
    expect((await owner.delete(`${X}/api-keys/${created.body.id}?tenant_id=${own}`)).status).toBe(
      200,
    );
    await client.until(() => client.isEnded);
    await contact(owner, "after revocation");
    expect(client.events.length).toBe(1);
    client.close();
  });

  test("events of an object type defined after the stream opened reach it", async () => {
    const { api: owner, tenantId: own } = await server.tenant();
    const reader = await server.keyFor(own, ["events:read", "objects:read"]);
    const client = streamOf(reader.headers["x-api-key"]);
    await client.connect();
    await defineObjectType(owner, "vessel", "vessels");
    const record = await owner.post(`${X}/objects/vessels`, { properties: { title: "H-1" } });
    expect(record.status).toBe(201);
    await client.until(() => client.events.some((e) => e.event === "vessel.created"));
    client.close();
  });
});

describe("restarts and several instances", () => {
  let dir: string;
  const servers: TestServer[] = [];
  const start = async () => {
    const started = await startTestServer({ dir, config: { rateLimit: 100_000 } });
    servers.push(started);
    return started;
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "crmd-events-"));
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("a stream resumed after a server restart misses no event", async () => {
    const first = await start();
    const { api: owner, key: ownKey } = await first.tenant();
    const client = new SseClient(`${first.url}${X}/events/stream`, { "x-api-key": ownKey });
    await client.connect();
    await contact(owner, "one");
    await client.until(() => client.events.length === 1);
    client.close();
    await contact(owner, "two");
    const open = new SseClient(`${first.url}${X}/events/stream`, { "x-api-key": ownKey });
    await open.connect();
    await first.close(); // does not wait for open streams: it ends them
    await open.until(() => open.isEnded);
    const second = await start();
    const again = new Api(second.url, owner.headers);
    await contact(again, "three");
    const resumed = new SseClient(`${second.url}${X}/events/stream`, { "x-api-key": ownKey });
    await resumed.connect(client.lastEventId);
    await resumed.until(() => resumed.events.length === 2);
    expect(resumed.events.map((e) => JSON.parse(e.data).data.first_name)).toEqual(["two", "three"]);
    resumed.close();
  });

  test("an event written through instance A reaches a stream on instance B", async () => {
    const a = await start();
    const b = await start();
    const { api: onA, key: ownKey } = await a.tenant();
    const client = new SseClient(`${b.url}${X}/events/stream`, { "x-api-key": ownKey });
    await client.connect();
    await contact(onA, "from-a");
    await client.until(() => client.events.length === 1, 3000);
    expect(JSON.parse(client.events[0].data).data.first_name).toBe("from-a");
    client.close();
  });
});
