import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { and, eq } from "drizzle-orm";
import { activityLog, webhooks } from "../db/schema";
import { keepingSecrets } from "../plugins/webhooks/service";
import { ManualClock } from "../src/clock";
import { SecretBox } from "../src/secrets";
import { created, defineObjectType } from "./helpers/api";
import { type Api, startTestServer, type TenantClient, type TestServer } from "./helpers/server";
import {
  type Receiver,
  seedPythonVerifies,
  standardVerifies,
  startReceiver,
} from "./webhook-receiver";

const clock = new ManualClock(new Date());
let server: TestServer;
let receiver: Receiver;
let alice: TenantClient;
let bob: TenantClient;

beforeAll(async () => {
  server = await startTestServer({ clock });
  receiver = startReceiver();
  alice = await server.tenant(undefined, ["webhook"]); // seed 001's alias
  bob = await server.tenant(undefined, ["webhooks:manage"]);
});
afterAll(async () => {
  receiver.close();
  await server.close();
});

let paths = 0;
const uniquePath = () => `/hook/api-${++paths}`;

const register = (api: Api, body: Record<string, unknown> = {}) =>
  created(api, "/webhooks", { url: receiver.url(uniquePath()), events: ["*"], ...body });

describe("auth", () => {
  const routes: Array<[string, string]> = [
    ["POST", "/webhooks"],
    ["GET", "/webhooks"],
    ["GET", "/webhooks/x"],
    ["PUT", "/webhooks/x"],
    ["DELETE", "/webhooks/x"],
    ["POST", "/webhooks/test/x"],
    ["GET", "/webhooks/x/deliveries"],
    ["POST", "/webhooks/x/deliveries/y/redeliver"],
    ["POST", "/webhooks/x/replay?since=2026-01-01"],
    ["POST", "/webhooks/x/rotate-secret"],
  ];

  test("every route: 401 without a key, 403 without webhooks:manage", async () => {
    const reader = await server.keyFor(alice.tenantId, ["read", "write", "keys:manage"]);
    for (const [method, path] of routes) {
      const body = method === "POST" || method === "PUT" ? {} : undefined;
      const anonymous = await server.anonymous.request(method, `/api/external${path}`, body);
      expect({ path, status: anonymous.status }).toEqual({ path, status: 401 });
      const forbidden = await reader.request(method, `/api/external${path}`, body);
      expect({ path, status: forbidden.status }).toEqual({ path, status: 403 });
    }
  });
});

describe("OpenAPI", () => {
  test("every webhook route is documented under the webhooks tag with its security", async () => {
    const doc = (await server.anonymous.get("/swagger/json")).body;
    const expected: Array<[string, string]> = [
      ["/api/external/webhooks", "post"],
      ["/api/external/webhooks", "get"],
      ["/api/external/webhooks/{id}", "get"],
      ["/api/external/webhooks/{id}", "put"],
      ["/api/external/webhooks/{id}", "delete"],
      ["/api/external/webhooks/test/{id}", "post"],
      ["/api/external/webhooks/{id}/deliveries", "get"],
      ["/api/external/webhooks/{id}/deliveries/{delivery_id}/redeliver", "post"],
      ["/api/external/webhooks/{id}/replay", "post"],
      ["/api/external/webhooks/{id}/rotate-secret", "post"],
    ];
    for (const [path, method] of expected) {
      const operation = doc.paths[path]?.[method];
      expect({ path, method, tags: operation?.tags }).toEqual({ path, method, tags: ["webhooks"] });
      expect(operation.summary).toBeTruthy();
      expect(operation.security?.length).toBeGreaterThan(0);
    }
  });
});

describe("registration", () => {
  test("create answers 201 with the secret once; reads never show it", async () => {
    const created = await register(alice.api, {
      events: ["deal.stage_changed", "deal.won", "lead.created"],
      headers: { "X-Custom-Header": "value" },
    });
    expect(created).toMatchObject({
      tenant_id: alice.tenantId,
      events: ["deal.stage_changed", "deal.won", "lead.created"],
      is_active: true,
      headers: { "X-Custom-Header": "********" },
      disabled_reason: null,
      consecutive_failures: 0,
    });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const one = await alice.api.get(`/api/external/webhooks/${created.id}`);
    expect(one.status).toBe(200);
    expect(one.body.recent_deliveries).toEqual([]);
    const list = await alice.api.get("/api/external/webhooks");
    for (const reply of [one, list]) {
      expect(JSON.stringify(reply.body)).not.toContain(created.secret);
      expect(JSON.stringify(reply.body)).not.toContain('"secret"');
    }
    const [row] = await server.ctx.db.read
      .select()
      .from(webhooks)
      .where(eq(webhooks.id, created.id));
    // Stored sealed, never in clear; it opens to the secret that was shown.
    expect(row.secret).not.toContain(created.secret);
    expect(row.secret).not.toContain(created.secret.slice(6));
    expect(server.ctx.secrets.open(row.secret)).toBe(created.secret);
  });

  test("is_active defaults to true and headers to {}", async () => {
    const created = await register(alice.api);
    expect(created.is_active).toBe(true);
    expect(created.headers).toEqual({});
  });

  const invalidCases: Array<[string, Record<string, unknown>, string]> = [
    ["ftp URL", { url: "ftp://example.com/hook" }, "/url"],
    ["javascript URL", { url: "javascript:alert(1)" }, "/url"],
    ["file URL", { url: "file:///etc/passwd" }, "/url"],
    ["not a URL", { url: "example.com/hook" }, "/url"],
    ["user and password in the URL", { url: "https://user:pw@example.com/hook" }, "/url"],
    ["user in the URL", { url: "https://user@example.com/hook" }, "/url"],
    ["unknown event type", { events: ["deal.won", "deal.nope"] }, "/events/1"],
    ["unknown prefix", { events: ["nope.*"] }, "/events/0"],
    ["bare prefix", { events: ["deal"] }, "/events/0"],
    ["no events", { events: [] }, "/events"],
    [
      "X-Webhook-Signature header",
      { headers: { "X-Webhook-Signature": "sha256=0" } },
      "/headers/X-Webhook-Signature",
    ],
    [
      "any X-Webhook- header",
      { headers: { "x-webhook-event": "deal.won" } },
      "/headers/x-webhook-event",
    ],
    ["webhook-id header", { headers: { "Webhook-Id": "evt_x" } }, "/headers/Webhook-Id"],
    [
      "webhook-signature header",
      { headers: { "webhook-signature": "v1,x" } },
      "/headers/webhook-signature",
    ],
    ["Content-Type header", { headers: { "Content-Type": "text/plain" } }, "/headers/Content-Type"],
    ["Content-Length header", { headers: { "content-length": "1" } }, "/headers/content-length"],
    ["Host header", { headers: { Host: "evil.example" } }, "/headers/Host"],
    [
      "traceparent header in any case",
      { headers: { TraceParent: "00-x" } },
      "/headers/TraceParent",
    ],
    ["User-Agent header in any case", { headers: { "USER-agent": "x" } }, "/headers/USER-agent"],
    ["invalid header name", { headers: { "Bad Header": "x" } }, "/headers/Bad Header"],
    ["header value with a newline", { headers: { "X-Ok": "a\r\nX-Injected: 1" } }, "/headers/X-Ok"],
    ["header value HTTP cannot carry", { headers: { "X-Office": "東京" } }, "/headers/X-Office"],
    ["header value with a control character", { headers: { "X-Ok": "a\u0007b" } }, "/headers/X-Ok"],
    ["the same header twice", { headers: { "X-Ok": "1", "x-ok": "2" } }, "/headers/x-ok"],
  ];
  for (const [name, body, path] of invalidCases) {
    test(`422 for ${name}`, async () => {
      const reply = await alice.api.post("/api/external/webhooks", {
        url: "https://hooks.example.com/crm",
        events: ["*"],
        ...body,
      });
      expect(reply.status).toBe(422);
      expect(reply.body.code).toBe("VALIDATION_ERROR");
      expect(reply.body.errors[0].path).toBe(path);
    });
  }

  test("prefix.* and * are valid; duplicates collapse", async () => {
    const created = await register(alice.api, { events: ["deal.*", "sla.*", "deal.*", "*"] });
    expect(created.events).toEqual(["deal.*", "sla.*", "*"]);
  });

  test("a rejected create writes no webhook and no activity", async () => {
    const tenant = await server.tenant(undefined, ["webhook"]);
    const reply = await tenant.api.post("/api/external/webhooks", {
      url: "ftp://x",
      events: ["*"],
    });
    expect(reply.status).toBe(422);
    const rows = await server.ctx.db.read
      .select()
      .from(webhooks)
      .where(eq(webhooks.tenantId, tenant.tenantId));
    const activity = await server.ctx.db.read
      .select()
      .from(activityLog)
      .where(eq(activityLog.tenantId, tenant.tenantId));
    expect(rows).toEqual([]);
    expect(activity).toEqual([]);
  });
});

describe("secrets stay out of logs", () => {
  test("a failed write that carried a secret is rethrown without it", async () => {
    const secret = "whsec_c2VjcmV0LXRoYXQtbXVzdC1ub3QtbGVhaw==";
    const failing = async () => {
      throw new Error("outer", {
        cause: new Error(`Failed query: insert into webhooks params: x,${secret},y`),
      });
    };
    const error = (await keepingSecrets(failing).catch((e) => e)) as Error;
    expect(error.message).toContain("whsec_***");
    expect(error.message).toContain("Failed query");
    expect(error.message).not.toContain(secret);
    expect(error.stack ?? "").not.toContain(secret);
    expect(await keepingSecrets(async () => 42)).toBe(42);
  });

  test("custom header values are in no log line, whatever happens to the webhook", async () => {
    const logged = await startTestServer({ captureLogs: true });
    const failing = startReceiver(() => new Response("down", { status: 503 }));
    try {
      const tenant = await logged.tenant(undefined, ["webhooks:manage"]);
      const value = "Bearer rcv_logged_0a1b2c3d";
      const hook = await created(tenant.api, "/webhooks", {
        url: failing.url("/down"),
        events: ["*"],
        headers: { Authorization: value },
      });
      const url = `/api/external/webhooks/${hook.id}`;
      expect((await tenant.api.post(`/api/external/webhooks/test/${hook.id}`)).body.success).toBe(
        false,
      );
      expect(failing.received[0].headers.authorization).toBe(value);
      await tenant.api.put(url, { headers: { Authorization: "********", "X-B": value } });
      const refused = await tenant.api.put(url, { headers: { "X-C": `${value}\n` } });
      expect(refused.status).toBe(422);
      expect(JSON.stringify(refused.body)).not.toContain("rcv_logged");
      await tenant.api.delete(url);
      expect(logged.logs.length).toBeGreaterThan(0);
      expect(JSON.stringify(logged.logs)).not.toContain("rcv_logged");
    } finally {
      failing.close();
      await logged.close();
    }
  });
});

describe("read, update, delete", () => {
  test("list pages the tenant's webhooks, newest first", async () => {
    const tenant = await server.tenant(undefined, ["webhook"]);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push((await register(tenant.api)).id);
      clock.advance(1);
    }
    const first = await tenant.api.get("/api/external/webhooks?page_size=2");
    expect(first.body).toMatchObject({ total: 3, page: 1, page_size: 2, has_more: true });
    expect(first.body.webhooks.map((w: any) => w.id)).toEqual([ids[2], ids[1]]);
    const second = await tenant.api.get("/api/external/webhooks?page_size=2&page=2");
    expect(second.body.webhooks.map((w: any) => w.id)).toEqual([ids[0]]);
    expect(second.body.has_more).toBe(false);
    expect((await tenant.api.get("/api/external/webhooks?page_size=501")).status).toBe(422);
  });

  test("PUT takes seed 001's body; omitted fields are kept", async () => {
    const created = await register(alice.api, { events: ["deal.won"], headers: { "X-A": "1" } });
    const newUrl = receiver.url(uniquePath());
    const reply = await alice.api.put(`/api/external/webhooks/${created.id}`, {
      url: newUrl,
      events: ["*"],
      is_active: true,
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      url: newUrl,
      events: ["*"],
      is_active: true,
      headers: { "X-A": "********" },
    });
    const headersOnly = await alice.api.put(`/api/external/webhooks/${created.id}`, {
      headers: {},
    });
    expect(headersOnly.body).toMatchObject({ url: newUrl, events: ["*"], headers: {} });
    const bad = await alice.api.put(`/api/external/webhooks/${created.id}`, { events: ["x.y"] });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe("/events/0");
    const badHeader = await alice.api.put(`/api/external/webhooks/${created.id}`, {
      headers: { "webhook-timestamp": "1" },
    });
    expect(badHeader.status).toBe(422);
    expect((await alice.api.put("/api/external/webhooks/nope", { events: ["*"] })).status).toBe(
      404,
    );
  });

  test("changes are in the activity log, without the secret", async () => {
    const created = await register(alice.api);
    await alice.api.put(`/api/external/webhooks/${created.id}`, { is_active: false });
    await alice.api.post(`/api/external/webhooks/${created.id}/rotate-secret`);
    await alice.api.delete(`/api/external/webhooks/${created.id}`);
    const rows = await server.ctx.db.read
      .select()
      .from(activityLog)
      .where(and(eq(activityLog.entityType, "webhook"), eq(activityLog.entityId, created.id)))
      .orderBy(activityLog.syncSeq);
    expect(rows.map((r) => r.action)).toEqual(["created", "updated", "secret_rotated", "deleted"]);
    expect(rows[1].changes.is_active).toEqual({ old: true, new: false });
    expect(rows[0].actorType).toBe("api_key");
    expect(JSON.stringify(rows)).not.toContain(created.secret);
    expect(JSON.stringify(rows)).not.toContain("whsec_");
  });

  test("DELETE removes the webhook and its delivery log", async () => {
    const created = await register(alice.api);
    await alice.api.post(`/api/external/webhooks/test/${created.id}`);
    const deleted = await alice.api.delete(`/api/external/webhooks/${created.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.id).toBe(created.id);
    expect((await alice.api.get(`/api/external/webhooks/${created.id}`)).status).toBe(404);
    expect((await alice.api.get(`/api/external/webhooks/${created.id}/deliveries`)).status).toBe(
      404,
    );
    expect((await alice.api.delete(`/api/external/webhooks/${created.id}`)).status).toBe(404);
  });

  test("another tenant's webhook is invisible and unchangeable", async () => {
    const created = await register(alice.api);
    const base = `/api/external/webhooks/${created.id}`;
    const attempts = [
      bob.api.get(base),
      bob.api.put(base, { events: ["*"] }),
      bob.api.delete(base),
      bob.api.post(`/api/external/webhooks/test/${created.id}`),
      bob.api.get(`${base}/deliveries`),
      bob.api.post(`${base}/rotate-secret`),
      bob.api.post(`${base}/replay?since=2020-01-01`),
      bob.api.post(`${base}/deliveries/x/redeliver`),
    ];
    for (const reply of await Promise.all(attempts)) expect(reply.status).toBe(404);
    const list = await bob.api.get("/api/external/webhooks");
    expect(list.body.webhooks.map((w: any) => w.id)).not.toContain(created.id);
    expect((await alice.api.get(base)).status).toBe(200);
  });

  test("event types another tenant defined (its custom objects) are unknown here: 422", async () => {
    const carol = await server.tenant(undefined, ["*"]);
    await defineObjectType(carol.api, "acquisition", "acquisitions");
    await register(carol.api, { events: ["acquisition.created", "acquisition.*"] });
    for (const events of [["acquisition.created"], ["acquisition.*"]]) {
      const reply = await bob.api.post("/api/external/webhooks", {
        url: receiver.url(uniquePath()),
        events,
      });
      expect(reply.status).toBe(422);
      expect(reply.body.errors[0]).toEqual({
        path: "/events/0",
        message: `unknown event type "${events[0]}"`,
      });
    }
  });
});

describe("custom header values", () => {
  const token = "Bearer rcv_9f8e7d6c5b4a39281706";
  /** The headers the receiver got from a test send to the webhook. */
  const sentHeaders = async (hook: { id: string; url: string }) => {
    const reply = await alice.api.post(`/api/external/webhooks/test/${hook.id}`);
    expect(reply.body).toMatchObject({ success: true, error: null });
    const path = new URL(hook.url).pathname;
    const requests = receiver.received.filter((r) => r.path === path);
    return requests[requests.length - 1].headers;
  };

  test("are stored encrypted and shown masked in every answer and activity entry, sent in clear", async () => {
    const created = await register(alice.api, { headers: { Authorization: token } });
    expect(created.headers).toEqual({ Authorization: "********" });
    const [row] = await server.ctx.db.read
      .select()
      .from(webhooks)
      .where(eq(webhooks.id, created.id));
    expect(JSON.stringify(row)).not.toContain("rcv_9f8e7d6c5b4a39281706");
    expect(server.ctx.secrets.open(row.headers.Authorization)).toBe(token);
    expect((await sentHeaders(created)).authorization).toBe(token);
    const answers = [
      created,
      (await alice.api.get(`/api/external/webhooks/${created.id}`)).body,
      (await alice.api.get("/api/external/webhooks")).body,
      (await alice.api.put(`/api/external/webhooks/${created.id}`, { events: ["deal.*"] })).body,
      (await alice.api.put(`/api/external/webhooks/${created.id}`, { headers: { "X-B": "2" } }))
        .body,
      (await alice.api.post(`/api/external/webhooks/${created.id}/rotate-secret`)).body,
      (await alice.api.delete(`/api/external/webhooks/${created.id}`)).body,
    ];
    const activity = await server.ctx.db.read
      .select()
      .from(activityLog)
      .where(and(eq(activityLog.entityType, "webhook"), eq(activityLog.entityId, created.id)));
    expect(activity).toHaveLength(5);
    for (const shown of [...answers, activity])
      expect(JSON.stringify(shown)).not.toContain("rcv_9f8e7d6c5b4a39281706");
  });

  test("an update without headers keeps them; with headers replaces them, the mask keeping a value", async () => {
    const created = await register(alice.api, {
      headers: { Authorization: token, "X-Tenant": "acme" },
    });
    const url = `/api/external/webhooks/${created.id}`;
    expect((await alice.api.put(url, { is_active: true })).body.headers).toEqual({
      Authorization: "********",
      "X-Tenant": "********",
    });
    expect(await sentHeaders(created)).toMatchObject({ authorization: token, "x-tenant": "acme" });

    // What a read shows, sent back with one value changed: the masked one is kept.
    const read = (await alice.api.get(url)).body.headers;
    const changed = await alice.api.put(url, { headers: { ...read, "X-Tenant": "globex" } });
    expect(changed.status).toBe(200);
    expect(changed.body.headers).toEqual({ Authorization: "********", "X-Tenant": "********" });
    expect(await sentHeaders(created)).toMatchObject({
      authorization: token,
      "x-tenant": "globex",
    });

    // Names ignore case: the mask under another spelling keeps the value, renamed.
    await alice.api.put(url, { headers: { authorization: "********" } });
    const only = await sentHeaders(created);
    expect(only.authorization).toBe(token);
    expect(only["x-tenant"]).toBeUndefined();

    // The mask for a header the webhook does not have: nothing to keep.
    const unknown = await alice.api.put(url, { headers: { "X-Other": "********" } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].path).toBe("/headers/X-Other");
    const onCreate = await alice.api.post("/api/external/webhooks", {
      url: receiver.url(uniquePath()),
      events: ["*"],
      headers: { Authorization: "********" },
    });
    expect(onCreate.status).toBe(422);
    expect(onCreate.body.errors[0].path).toBe("/headers/Authorization");

    // A new value replaces the old one; {} removes every header.
    await alice.api.put(url, { headers: { Authorization: "Bearer rotated" } });
    expect((await sentHeaders(created)).authorization).toBe("Bearer rotated");
    expect((await alice.api.put(url, { headers: {} })).body.headers).toEqual({});
    expect((await sentHeaders(created)).authorization).toBeUndefined();
  });

  test("an update that changes only a value shows in its activity entry: masked, with a keyed hint, never the value", async () => {
    const hinted = /^\*{8} \([0-9a-f]{8}\)$/;
    const created = await register(alice.api, {
      headers: { Authorization: token, "X-Tenant": "acme-tenant-value" },
    });
    const url = `/api/external/webhooks/${created.id}`;
    const put = async (headers: Record<string, string>) =>
      expect((await alice.api.put(url, { headers })).status).toBe(200);
    await put({ Authorization: "********", "X-Tenant": "globex-tenant-value" }); // a value changed
    await put({ Authorization: "********", "X-Tenant": "globex-tenant-value" }); // nothing changed
    await put({ Authorization: "********", "X-Tenant": "acme-tenant-value" }); // back to the first
    const auditor = await server.keyFor(alice.tenantId, ["activity:read", "webhooks:manage"]);
    const reply = await auditor.get(`/api/external/activity?entity_id=${created.id}`);
    expect(reply.status).toBe(200);
    const entries = [...reply.body.activity].reverse(); // oldest first
    expect(entries.map((e: any) => e.action)).toEqual(["created", "updated", "updated", "updated"]);
    const [made, changed, unchanged, back] = entries.map((e: any) => e.changes);
    const first = made.headers.new;
    expect(Object.keys(first)).toEqual(["Authorization", "X-Tenant"]);
    for (const value of Object.values(first)) expect(value).toMatch(hinted);
    // The name whose value changed, old and new both masked, their hints different.
    expect(changed.headers.old).toEqual(first);
    expect(changed.headers.new.Authorization).toBe(first.Authorization);
    expect(changed.headers.new["X-Tenant"]).toMatch(hinted);
    expect(changed.headers.new["X-Tenant"]).not.toBe(first["X-Tenant"]);
    expect(unchanged.headers).toBeUndefined();
    expect(back.headers).toEqual({ old: changed.headers.new, new: first });
    const shown = JSON.stringify(reply.body);
    for (const secret of ["rcv_9f8e7d6c5b4a39281706", "acme-tenant-value", "globex-tenant-value"])
      expect(shown).not.toContain(secret);
    // Hints are keyed per tenant: the same value elsewhere gives another.
    const other = await register(bob.api, { headers: { "X-Tenant": "acme-tenant-value" } });
    const bobAuditor = await server.keyFor(bob.tenantId, ["activity:read", "webhooks:manage"]);
    const bobs = await bobAuditor.get(`/api/external/activity?entity_id=${other.id}`);
    expect(bobs.body.activity[0].changes.headers.new["X-Tenant"]).toMatch(hinted);
    expect(bobs.body.activity[0].changes.headers.new["X-Tenant"]).not.toBe(first["X-Tenant"]);
  });

  test("a value sealed under another key does not stop an update: its entry says undecryptable", async () => {
    const created = await register(alice.api, { headers: { Authorization: token } });
    const foreign = new SecretBox(Buffer.alloc(32, 7)).seal(token);
    await server.ctx.db.transaction((tx) =>
      tx
        .update(webhooks)
        .set({ headers: { Authorization: foreign } })
        .where(eq(webhooks.id, created.id)),
    );
    const url = `/api/external/webhooks/${created.id}`;
    expect((await alice.api.put(url, { events: ["deal.*"] })).status).toBe(200);
    const replaced = await alice.api.put(url, { headers: { Authorization: "Bearer new" } });
    expect(replaced.status).toBe(200);
    const auditor = await server.keyFor(alice.tenantId, ["activity:read", "webhooks:manage"]);
    const [latest] = (await auditor.get(`/api/external/activity?entity_id=${created.id}`)).body
      .activity;
    expect(latest.changes.headers.old).toEqual({ Authorization: "******** (undecryptable)" });
    expect(latest.changes.headers.new.Authorization).toMatch(/^\*{8} \([0-9a-f]{8}\)$/);
  });
});

describe("test endpoint", () => {
  test("custom header values reach the receiver as registered (ISO-8859-1 included)", async () => {
    const headers = { "X-City": "Zürich", "X-Note": "a\tb c" };
    const created = await register(alice.api, { headers });
    const reply = await alice.api.post(`/api/external/webhooks/test/${created.id}`);
    expect(reply.body).toMatchObject({ success: true, error: null });
    const path = new URL(created.url).pathname;
    const [request] = receiver.received.filter((r) => r.path === path);
    expect(request.headers).toMatchObject({ "x-city": "Zürich", "x-note": "a\tb c" });
  });

  test("sends a signed webhook.test event now and reports success", async () => {
    const created = await register(alice.api, {
      headers: { Authorization: "Bearer receiver-token" },
    });
    const path = new URL(created.url).pathname;
    const reply = await alice.api.post(`/api/external/webhooks/test/${created.id}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ success: true, status_code: 200, error: null });
    expect(reply.body.duration_ms).toBeGreaterThanOrEqual(0);
    const [request] = receiver.received.filter((r) => r.path === path);
    expect(request.json).toMatchObject({
      id: reply.body.event_id,
      event_type: "webhook.test",
      tenant_id: alice.tenantId,
      data: { webhook_id: created.id },
    });
    expect(request.headers["x-webhook-event"]).toBe("webhook.test");
    expect(request.headers.authorization).toBe("Bearer receiver-token");
    expect(standardVerifies(created.secret, request)).toBe(true);
    const python = seedPythonVerifies(request, created.secret);
    if (python !== null) expect(python).toBe(true);

    const detail = await alice.api.get(`/api/external/webhooks/${created.id}`);
    expect(detail.body.recent_deliveries).toHaveLength(1);
    expect(detail.body.recent_deliveries[0]).toMatchObject({
      id: reply.body.delivery_id,
      event_id: reply.body.event_id,
      event_type: "webhook.test",
      status: "succeeded",
      attempt_count: 1,
      last_status_code: 200,
      next_attempt_at: null,
    });
    expect(detail.body.recent_deliveries[0].attempts).toEqual([
      expect.objectContaining({ attempt: 1, status_code: 200, error: null }),
    ]);
  });

  test("reports the receiver's failure without counting it against the webhook", async () => {
    const created = await register(alice.api, { is_active: false });
    const path = new URL(created.url).pathname;
    receiver.respond = (r) => new Response("nope", { status: r.path === path ? 500 : 200 });
    try {
      const reply = await alice.api.post(`/api/external/webhooks/test/${created.id}`);
      expect(reply.body).toMatchObject({ success: false, status_code: 500, error: "HTTP 500" });
    } finally {
      receiver.respond = () => new Response("ok");
    }
    const detail = await alice.api.get(`/api/external/webhooks/${created.id}`);
    expect(detail.body).toMatchObject({ consecutive_failures: 0, is_active: false });
    expect(detail.body.recent_deliveries[0]).toMatchObject({
      status: "failed",
      last_error: "HTTP 500",
    });
  });

  test("an unreachable receiver: no status code, an error", async () => {
    const closed = startReceiver();
    const url = closed.url("/gone");
    closed.close();
    const created = await register(alice.api, { url });
    const reply = await alice.api.post(`/api/external/webhooks/test/${created.id}`);
    expect(reply.status).toBe(200);
    expect(reply.body.success).toBe(false);
    expect(reply.body.status_code).toBeNull();
    expect(reply.body.error).toBeTruthy();
    expect((await alice.api.post("/api/external/webhooks/test/nope")).status).toBe(404);
  });
});

describe("secret rotation", () => {
  test("for 24 hours both secrets sign; then only the new one", async () => {
    const created = await register(alice.api);
    const path = new URL(created.url).pathname;
    const rotated = await alice.api.post(`/api/external/webhooks/${created.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.secret);
    const expires = new Date(clock.now().getTime() + 86_400_000).toISOString();
    expect(rotated.body.previous_secret_expires_at).toBe(expires);
    const detail = await alice.api.get(`/api/external/webhooks/${created.id}`);
    expect(detail.body.previous_secret_expires_at).toBe(expires);
    expect(JSON.stringify(detail.body)).not.toContain(rotated.body.secret);

    await alice.api.post(`/api/external/webhooks/test/${created.id}`);
    const during = receiver.received.filter((r) => r.path === path).at(-1)!;
    expect(during.headers["webhook-signature"].split(" ")).toHaveLength(2);
    expect(standardVerifies(rotated.body.secret, during)).toBe(true);
    expect(standardVerifies(created.secret, during)).toBe(true);
    expect(seedPythonVerifies(during, rotated.body.secret) ?? true).toBe(true);
    expect(seedPythonVerifies(during, created.secret) ?? false).toBe(false);

    clock.advance(86_400_000 + 1000);
    await alice.api.post(`/api/external/webhooks/test/${created.id}`);
    const after = receiver.received.filter((r) => r.path === path).at(-1)!;
    expect(after.headers["webhook-signature"].split(" ")).toHaveLength(1);
    expect(standardVerifies(rotated.body.secret, after)).toBe(true);
    expect(standardVerifies(created.secret, after)).toBe(false);
    const later = await alice.api.get(`/api/external/webhooks/${created.id}`);
    expect(later.body.previous_secret_expires_at).toBeNull();
  });
});

describe("rotating again within the overlap", () => {
  test("every secret keeps signing for its own 24 hours; the overlap ends with the last one's", async () => {
    const created = await register(alice.api);
    const path = new URL(created.url).pathname;
    const rotate = async () =>
      (await alice.api.post(`/api/external/webhooks/${created.id}/rotate-secret`)).body;
    const signed = async () => {
      await alice.api.post(`/api/external/webhooks/test/${created.id}`);
      const request = receiver.received.filter((r) => r.path === path).at(-1)!;
      return (secret: string) => standardVerifies(secret, request);
    };
    const first = await rotate();
    clock.advance(3_600_000);
    // A retried rotate call, say, whose first answer was lost: the consumer still has the original secret.
    const second = await rotate();
    const secondEnds = new Date(clock.now().getTime() + 86_400_000).toISOString();
    expect(second.previous_secret_expires_at).toBe(secondEnds);
    const both = await signed();
    expect([created.secret, first.secret, second.secret].map(both)).toEqual([true, true, true]);

    clock.advance(23 * 3_600_000 + 1000); // the first rotation's 24 hours are over
    const later = await signed();
    expect([created.secret, first.secret, second.secret].map(later)).toEqual([false, true, true]);
    const detail = await alice.api.get(`/api/external/webhooks/${created.id}`);
    expect(detail.body.previous_secret_expires_at).toBe(secondEnds);

    clock.advance(3_600_000);
    const last = await signed();
    expect([created.secret, first.secret, second.secret].map(last)).toEqual([false, false, true]);
  });

  test("at most 10 earlier secrets sign at once: more rotations end the oldest overlaps first", async () => {
    const created = await register(alice.api);
    const path = new URL(created.url).pathname;
    const secrets = [created.secret];
    for (let i = 0; i < 12; i++) {
      const rotated = await alice.api.post(`/api/external/webhooks/${created.id}/rotate-secret`);
      secrets.push(rotated.body.secret);
    }
    await alice.api.post(`/api/external/webhooks/test/${created.id}`);
    const request = receiver.received.filter((r) => r.path === path).at(-1)!;
    expect(request.headers["webhook-signature"].split(" ")).toHaveLength(11);
    expect(secrets.map((secret) => standardVerifies(secret, request))).toEqual([
      false,
      false,
      ...Array(11).fill(true),
    ]);
  });
});

describe("delivery log endpoints", () => {
  test("deliveries: status filter, paging, validation", async () => {
    const created = await register(alice.api);
    const path = new URL(created.url).pathname;
    let calls = 0;
    receiver.respond = (r) =>
      new Response("", { status: r.path === path && calls++ % 2 ? 500 : 200 });
    try {
      for (let i = 0; i < 4; i++) {
        await alice.api.post(`/api/external/webhooks/test/${created.id}`);
        clock.advance(1);
      }
    } finally {
      receiver.respond = () => new Response("ok");
    }
    const base = `/api/external/webhooks/${created.id}/deliveries`;
    const all = await alice.api.get(base);
    expect(all.body).toMatchObject({
      total: 4,
      page: 1,
      page_size: 50,
      has_more: false,
      next_cursor: null,
    });
    expect(all.body.deliveries.map((d: any) => d.status)).toEqual([
      "failed",
      "succeeded",
      "failed",
      "succeeded",
    ]);
    const failed = await alice.api.get(`${base}?status=failed`);
    expect(failed.body.total).toBe(2);
    expect(failed.body.deliveries.every((d: any) => d.status === "failed")).toBe(true);
    const paged = await alice.api.get(`${base}?page_size=3&page=2`);
    expect(paged.body).toMatchObject({ total: 4, page: 2, has_more: false });
    expect(paged.body.deliveries).toHaveLength(1);
    const bad = await alice.api.get(`${base}?status=exploded`);
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe("/status");
  });

  test("redeliver and replay: 404, 409 when inactive, 422 for a bad since", async () => {
    const created = await register(alice.api);
    const test = await alice.api.post(`/api/external/webhooks/test/${created.id}`);
    const base = `/api/external/webhooks/${created.id}`;
    expect((await alice.api.post(`${base}/deliveries/nope/redeliver`)).status).toBe(404);
    const queued = await alice.api.post(`${base}/deliveries/${test.body.delivery_id}/redeliver`);
    expect(queued.status).toBe(202);
    expect(queued.body).toMatchObject({
      status: "pending",
      next_attempt_at: clock.now().toISOString(),
    });

    const missing = await alice.api.post(`${base}/replay`);
    expect(missing.status).toBe(422);
    const bad = await alice.api.post(`${base}/replay?since=yesterday`);
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe("/since");
    const none = await alice.api.post(`${base}/replay?since=2020-01-01T00:00:00Z`);
    expect(none.status).toBe(202);
    expect(none.body).toEqual({ replayed: 0 });

    await alice.api.put(base, { is_active: false });
    expect(
      (await alice.api.post(`${base}/deliveries/${test.body.delivery_id}/redeliver`)).status,
    ).toBe(409);
    expect((await alice.api.post(`${base}/replay?since=2020-01-01`)).status).toBe(409);
  });
});
