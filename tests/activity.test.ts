import { beforeAll, describe, expect, test } from "bun:test";
import { ManualClock } from "../src/clock";
import { failEvent } from "./fixtures/rows";
import { defineObjectType } from "./helpers/api";
import type { TenantClient } from "./helpers/server";
import { useTestServer } from "./helpers/suite";

const clock = new ManualClock(new Date("2026-05-04T08:00:00.000Z"));
let a: TenantClient;
let b: TenantClient;
const ids: Record<string, string> = {};
let keyId: string;

const list = async (query = "") => {
  const reply = await a.api.get(`/api/external/activity?${query}`);
  expect(reply.status).toBe(200);
  return reply.body;
};
const summary = (body: any) => body.activity.map((r: any) => `${r.entity_type}:${r.action}`);

const server = useTestServer({ clock });
beforeAll(async () => {
  a = await server.tenant();
  b = await server.tenant();
  const keys = await server.admin.get(`/api/external/api-keys?tenant_id=${a.tenantId}`);
  keyId = keys.body.api_keys[0].id;
  const step = () => clock.advance(1000);
  ids.task = (await a.api.post("/api/external/tasks", { title: "Call" })).body.id;
  step();
  ids.partner = (await a.api.post("/api/external/partners", { name: "Ref" })).body.id;
  step();
  await a.api.patch(`/api/external/tasks/${ids.task}`, { title: "Call back", priority: "high" });
  step();
  await a.api.post(`/api/external/tasks/${ids.task}/complete`);
  step();
  await a.api.delete(`/api/external/partners/${ids.partner}`);
  await b.api.post("/api/external/tasks", { title: "Other tenant" });
});

describe("GET /activity", () => {
  test("newest first, with actor and field-level changes", async () => {
    const body = await list();
    expect(summary(body)).toEqual([
      "partner:deleted",
      "task:completed",
      "task:updated",
      "partner:created",
      "task:created",
    ]);
    expect(body).toMatchObject({
      total: 5,
      page: 1,
      page_size: 50,
      has_more: false,
      next_cursor: null,
    });
    const updated = body.activity[2];
    expect(updated).toEqual({
      id: expect.any(String),
      entity_type: "task",
      entity_id: ids.task,
      action: "updated",
      actor: { type: "api_key", id: keyId, name: "test key" },
      changes: {
        title: { old: "Call", new: "Call back" },
        priority: { old: "medium", new: "high" },
      },
      created_at: "2026-05-04T08:00:02.000Z",
    });
    expect(body.activity[0].changes.deleted_at).toEqual({
      old: null,
      new: "2026-05-04T08:00:04.000Z",
    });
  });

  test("entity_type, entity_id and action filters", async () => {
    expect(summary(await list("entity_type=partner"))).toEqual([
      "partner:deleted",
      "partner:created",
    ]);
    expect(summary(await list(`entity_id=${ids.task}`))).toEqual([
      "task:completed",
      "task:updated",
      "task:created",
    ]);
    expect(summary(await list(`entity_type=task&entity_id=${ids.task}&action=completed`))).toEqual([
      "task:completed",
    ]);
    expect(summary(await list("action=created"))).toEqual(["partner:created", "task:created"]);
    expect((await list("entity_type=deal")).total).toBe(0);
  });

  test("entity_type knows the tenant's own object types, never another tenant's", async () => {
    await defineObjectType(b.api, "acquisition", "acquisitions");
    const own = await b.api.get("/api/external/activity?entity_type=acquisition");
    expect(own.status).toBe(200);
    const foreign = await a.api.get("/api/external/activity?entity_type=acquisition");
    expect(foreign.status).toBe(422);
    const bogus = await a.api.get("/api/external/activity?entity_type=bogus");
    expect(bogus.status).toBe(422);
    expect(bogus.body.detail).toContain("task");
    expect(bogus.body.detail).not.toContain("acquisition");
  });

  test("since: written at or after it, oldest first; page and cursor", async () => {
    const since = await list("since=2026-05-04T08:00:02.000Z");
    expect(summary(since)).toEqual(["task:updated", "task:completed", "partner:deleted"]);
    expect(since.total).toBe(3);
    const paged = await list("page=2&page_size=2");
    expect(summary(paged)).toEqual(["task:updated", "partner:created"]);
    expect(paged.has_more).toBe(true);
    const first = await list("cursor=&page_size=3");
    expect(summary(first)).toEqual(["task:created", "partner:created", "task:updated"]);
    const rest = await list(`cursor=${first.next_cursor}&page_size=3`);
    expect(summary(rest)).toEqual(["task:completed", "partner:deleted"]);
    expect(rest.has_more).toBe(false);
    const filtered = await list(`cursor=&entity_type=task&page_size=1`);
    expect(summary(filtered)).toEqual(["task:created"]);
  });

  test("entity_type takes every entity type the log holds, calendar_event included", async () => {
    const c = await server.tenant();
    const event = await c.api.post("/api/external/calendar/events", {
      title: "Demo",
      start: "2026-05-05T09:00:00Z",
      end: "2026-05-05T10:00:00Z",
    });
    expect(event.status).toBe(201);
    const rows = await c.api.get("/api/external/activity?entity_type=calendar_event");
    expect(rows.status).toBe(200);
    expect(summary(rows.body)).toEqual(["calendar_event:created"]);
    expect(rows.body.activity[0].entity_id).toBe(event.body.id);
    const documented = ["deal", "lead", "task", "pipeline", "partner", "handoff", "contact"];
    documented.push("company", "note", "document", "business_hours", "webhook");
    for (const type of documented)
      expect((await c.api.get(`/api/external/activity?entity_type=${type}`)).status).toBe(200);
  });

  test("a write that fails leaves no activity row", async () => {
    const restore = await failEvent(server.ctx.db, "task.updated");
    try {
      const reply = await a.api.patch(`/api/external/tasks/${ids.task}`, { title: "Never" });
      expect(reply.status).toBe(500);
    } finally {
      await restore();
    }
    expect((await list()).total).toBe(5);
  });

  test("bad query values are 422 at their path", async () => {
    for (const [query, path] of [
      ["page_size=0", "/page_size"],
      ["since=later", "/since"],
      ["cursor=%%%", "/cursor"],
    ]) {
      const reply = await a.api.get(`/api/external/activity?${query}`);
      expect({ query, status: reply.status, path: reply.body.errors?.[0]?.path }).toEqual({
        query,
        status: 422,
        path,
      });
    }
  });

  test("append-only: no write routes", async () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const reply = await a.api.request(method, "/api/external/activity", {});
      expect(reply.status).toBe(405);
      expect(reply.headers.get("allow")?.split(/,\s*/)).not.toContain(method);
    }
  });

  test("tenant isolation and scopes", async () => {
    const other = await b.api.get("/api/external/activity");
    expect(summary(other.body)).toEqual(["task:created"]);
    expect((await b.api.get(`/api/external/activity?entity_id=${ids.task}`)).body.total).toBe(0);
    expect((await server.anonymous.get("/api/external/activity")).status).toBe(401);
    const noScope = await server.keyFor(a.tenantId, ["tasks:read", "tasks:write"]);
    expect((await noScope.get("/api/external/activity")).status).toBe(403);
    const reader = await server.keyFor(a.tenantId, ["activity:read"]);
    expect((await reader.get("/api/external/activity")).status).toBe(200);
  });

  test("each record's changes show only to keys that may read that record, as its own routes do", async () => {
    const owner = await server.tenant();
    const X = "/api/external";
    const task = (await owner.api.post(`${X}/tasks`, { title: "Visible" })).body.id;
    const contact = (await owner.api.post(`${X}/contacts`, { first_name: "Private" })).body.id;
    await owner.api.post(`${X}/companies`, { name: "Hidden Ltd" });
    await defineObjectType(owner.api, "vehicle", "vehicles");
    const vehicle = (
      await owner.api.post(`${X}/objects/vehicles`, { properties: { title: "Van" } })
    ).body.id;
    const link = await owner.api.put(`${X}/contacts/${contact}/associations/vehicles/${vehicle}`);
    expect(link.status).toBe(201);
    const types = async (key: Awaited<ReturnType<typeof server.keyFor>>, query = "") => {
      const reply = await key.get(`${X}/activity${query}`);
      expect(reply.status).toBe(200);
      expect(reply.body.total).toBe(reply.body.activity.length);
      return [...new Set(reply.body.activity.map((r: any) => r.entity_type))].sort();
    };

    const tasksOnly = await server.keyFor(owner.tenantId, ["activity:read", "tasks:read"]);
    expect(await types(tasksOnly)).toEqual(["task"]);
    expect(await types(tasksOnly, "?cursor=")).toEqual(["task"]);
    expect(await types(tasksOnly, `?entity_id=${task}`)).toEqual(["task"]);
    expect(await types(tasksOnly, `?entity_id=${contact}`)).toEqual([]);
    expect((await tasksOnly.get(`${X}/activity?entity_type=contact`)).status).toBe(403);
    // a custom type it may not read, and one the tenant lacks: the same 403, no list of types
    for (const type of ["vehicle", "spaceship"]) {
      const refused = await tasksOnly.get(`${X}/activity?entity_type=${type}`);
      expect(refused.status).toBe(403);
      expect(JSON.stringify(refused.body)).not.toContain("vehicle,");
    }
    expect(JSON.stringify((await tasksOnly.get(`${X}/activity`)).body)).not.toContain("Private");

    // A custom object's rows need its scope; a link's, every type it could name.
    const vehicles = await server.keyFor(owner.tenantId, ["activity:read", "vehicles:read"]);
    expect(await types(vehicles)).toEqual(["vehicle"]);
    const contacts = await server.keyFor(owner.tenantId, ["activity:read", "contacts:read"]);
    expect(await types(contacts)).toEqual(["contact"]);

    // seed 001's `read`: every record type and link, not webhooks' rows
    const reader = await server.keyFor(owner.tenantId, ["read"]);
    expect(await types(reader)).toEqual(["association", "company", "contact", "task", "vehicle"]);
    expect(await types(reader, "?entity_type=vehicle")).toEqual(["vehicle"]);
  });

  test("a webhook's changes (its URL and custom headers) show only to keys that manage webhooks", async () => {
    const owner = await server.tenant();
    const hook = await owner.api.post("/api/external/webhooks", {
      url: "http://127.0.0.1:9/hook?token=receiver-query-secret",
      events: ["deal.won"],
      headers: { Authorization: "Bearer receiver-secret" },
    });
    expect(hook.status).toBe(201);
    await owner.api.post("/api/external/tasks", { title: "Visible" });
    const reader = await server.keyFor(owner.tenantId, ["read"]);
    expect((await reader.get("/api/external/webhooks")).status).toBe(403);
    expect((await reader.get("/api/external/activity?entity_type=webhook")).status).toBe(403);
    for (const query of ["", `?entity_id=${hook.body.id}`, "?cursor="]) {
      const reply = await reader.get(`/api/external/activity${query}`);
      expect(reply.status).toBe(200);
      expect(JSON.stringify(reply.body)).not.toContain("receiver-secret");
      expect(reply.body.activity.every((r: any) => r.entity_type !== "webhook")).toBe(true);
    }
    expect(summary((await reader.get("/api/external/activity")).body)).toEqual(["task:created"]);
    const manager = await server.keyFor(owner.tenantId, ["read", "webhook"]);
    const managed = await manager.get("/api/external/activity?entity_type=webhook");
    expect(summary(managed.body)).toEqual(["webhook:created"]);
    expect(managed.body.activity[0].changes.headers.new).toEqual({
      Authorization: expect.stringMatching(/^\*{8} \([0-9a-f]{8}\)$/),
    });
    expect(JSON.stringify(managed.body)).not.toContain("receiver-secret");
  });
});

describe("webhook entries", () => {
  test("a webhook's URL and headers reach only keys that manage webhooks, as GET /webhooks does", async () => {
    const c = await server.tenant();
    const hook = await c.api.post("/api/external/webhooks", {
      url: "https://hooks.example.com/services/T0/B0/url-token",
      events: ["*"],
      headers: { Authorization: "Bearer receiver-credential" },
    });
    expect(hook.status).toBe(201);
    await c.api.post("/api/external/tasks", { title: "Visible" });
    // seed 001's `read`: every :read scope, not webhooks:manage
    const reader = await server.keyFor(c.tenantId, ["read"]);
    expect((await reader.get("/api/external/webhooks")).status).toBe(403);
    const all = await reader.get("/api/external/activity");
    expect(all.status).toBe(200);
    expect(summary(all.body)).toEqual(["task:created"]);
    expect(all.body.total).toBe(1);
    expect(JSON.stringify(all.body)).not.toContain("receiver-credential");
    const byId = await reader.get(`/api/external/activity?entity_id=${hook.body.id}`);
    expect(byId.body.activity).toEqual([]);
    const byType = await reader.get("/api/external/activity?entity_type=webhook");
    expect(byType.status).toBe(403);
    const since = await reader.get("/api/external/activity?since=2000-01-01T00:00:00Z");
    expect(summary(since.body)).toEqual(["task:created"]);
    const feed = await reader.get("/api/external/activity?cursor=");
    expect(summary(feed.body)).toEqual(["task:created"]);
    // a key that manages webhooks sees them
    const manager = await server.keyFor(c.tenantId, ["activity:read", "webhooks:manage"]);
    const managed = await manager.get("/api/external/activity?entity_type=webhook");
    expect(managed.status).toBe(200);
    expect(managed.body.activity[0].changes.headers.new).toEqual({
      Authorization: expect.stringMatching(/^\*{8} \([0-9a-f]{8}\)$/),
    });
    expect(JSON.stringify(managed.body)).not.toContain("receiver-credential");
  });
});
