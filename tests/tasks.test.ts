import { beforeAll, describe, expect, test } from "bun:test";
import { eq } from "drizzle-orm";
import { tasks } from "../db/schema";
import { ManualClock } from "../src/clock";
import {
  failEvent,
  insertCompany,
  insertContact,
  insertDeal,
  insertLead,
  linkedThenDeleted,
} from "./fixtures/rows";
import { created } from "./helpers/api";
import { activityRows, outboxOf } from "./helpers/records";
import type { Api, TenantClient } from "./helpers/server";
import { useTestServer } from "./helpers/suite";

const HOUR = 3_600_000;
const clock = new ManualClock(new Date("2026-03-10T12:00:00.000Z"));
let a: TenantClient;
let b: TenantClient;

const server = useTestServer({ clock });
beforeAll(async () => {
  a = await server.tenant();
  b = await server.tenant();
});

const create = (client: Api, body: Record<string, unknown>) => created(client, "/tasks", body);

describe("POST /tasks", () => {
  test("creates a pending task with defaults, records activity and task.created", async () => {
    const task = await create(a.api, { title: "Call Ada", tags: ["vip", "vip", "q1"] });
    expect(task).toMatchObject({
      title: "Call Ada",
      description: null,
      status: "pending",
      priority: "medium",
      due_at: null,
      completed_at: null,
      is_overdue: false,
      owner: null,
      deal_id: null,
      tags: ["vip", "q1"],
      created_at: "2026-03-10T12:00:00.000Z",
      updated_at: "2026-03-10T12:00:00.000Z",
      deleted_at: null,
    });
    const events = await outboxOf(server.ctx.db, { tenantId: a.tenantId, entityId: task.id });
    expect(events.map((e) => e.event_type)).toEqual(["task.created"]);
    expect(events[0].data).toEqual(task);
    const [row] = await activityRows(server.ctx.db, { tenantId: a.tenantId, entityId: task.id });
    expect(row).toMatchObject({ entityType: "task", action: "created", actorType: "api_key" });
    expect(row.changes.title).toEqual({ old: null, new: "Call Ada" });
    expect(row.changes.is_overdue).toBeUndefined();
  });

  test("links to the tenant's deal, lead, contact and company", async () => {
    const db = server.ctx.db;
    const links = {
      deal_id: await insertDeal(db, a.tenantId),
      lead_id: await insertLead(db, a.tenantId),
      contact_id: await insertContact(db, a.tenantId),
      company_id: await insertCompany(db, a.tenantId),
    };
    const task = await create(a.api, {
      title: "Linked",
      owner: "sam",
      priority: "urgent",
      ...links,
    });
    expect(task).toMatchObject({ ...links, owner: "sam", priority: "urgent" });
  });

  test("a due time in the past is overdue at once", async () => {
    const task = await create(a.api, { title: "Late", due_at: "2026-03-10T11:00:00+01:00" });
    expect(task.due_at).toBe("2026-03-10T10:00:00.000Z");
    expect(task.is_overdue).toBe(true);
  });

  test("422 with the field path for bad input", async () => {
    const foreignDeal = await insertDeal(server.ctx.db, b.tenantId);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{}, "/title"],
      [{ title: "" }, "/title"],
      [{ title: "x", priority: "critical" }, "/priority"],
      [{ title: "x", due_at: "next tuesday" }, "/due_at"],
      [{ title: "x", tags: "a,b" }, "/tags"],
      [{ title: "x", deal_id: "00000000-0000-7000-8000-000000000000" }, "/deal_id"],
      [{ title: "x", deal_id: foreignDeal }, "/deal_id"],
      [{ title: "x", lead_id: "nope" }, "/lead_id"],
      [{ title: "x", contact_id: "nope" }, "/contact_id"],
      [{ title: "x", company_id: "nope" }, "/company_id"],
    ];
    for (const [body, path] of cases) {
      const reply = await a.api.post("/api/external/tasks", body);
      expect({ body, status: reply.status }).toEqual({ body, status: 422 });
      expect(reply.body.errors[0].path).toBe(path);
    }
    const priority = await a.api.post("/api/external/tasks", { title: "x", priority: "critical" });
    expect(priority.body.errors[0].message).toBe("must be one of: low, medium, high, urgent");
  });

  test("a day the month does not have is a 422, never the next month's", async () => {
    for (const due_at of ["2026-02-30T10:00:00Z", "2026-02-29", "2026-04-31T00:00:00+02:00"]) {
      const reply = await a.api.post("/api/external/tasks", { title: "x", due_at });
      expect({ due_at, status: reply.status, path: reply.body.errors?.[0]?.path }).toEqual({
        due_at,
        status: 422,
        path: "/due_at",
      });
    }
    const since = await a.api.get("/api/external/tasks?since=2026-06-31T00:00:00Z");
    expect(since.status).toBe(422);
    expect(since.body.errors[0].path).toBe("/since");
    const leapDay = await create(a.api, { title: "leap", due_at: "2028-02-29T10:00:00Z" });
    expect(leapDay.due_at).toBe("2028-02-29T10:00:00.000Z");
  });

  test("a failing event rolls back the task and its activity row", async () => {
    const restore = await failEvent(server.ctx.db, "task.created");
    try {
      const reply = await a.api.post("/api/external/tasks", { title: "Doomed" });
      expect(reply.status).toBe(500);
    } finally {
      await restore();
    }
    const rows = await server.ctx.db.read.select().from(tasks).where(eq(tasks.title, "Doomed"));
    expect(rows).toHaveLength(0);
    const activity = await activityRows(server.ctx.db, { tenantId: a.tenantId });
    expect(activity.some((r) => r.changes.title?.new === "Doomed")).toBe(false);
  });
});

describe("GET/PATCH/DELETE /tasks/{id}", () => {
  test("get returns the task; another tenant's or an unknown id is 404", async () => {
    const task = await create(a.api, { title: "Mine" });
    expect((await a.api.get(`/api/external/tasks/${task.id}`)).body).toEqual(task);
    expect((await b.api.get(`/api/external/tasks/${task.id}`)).status).toBe(404);
    expect((await a.api.get("/api/external/tasks/unknown")).status).toBe(404);
  });

  test("patch changes fields, records the diff and task.updated", async () => {
    const task = await create(a.api, { title: "Draft", priority: "low" });
    clock.advance(HOUR);
    const reply = await a.api.patch(`/api/external/tasks/${task.id}`, {
      title: "Final",
      description: "details",
      due_at: "2026-03-12T09:00:00Z",
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      title: "Final",
      description: "details",
      priority: "low",
      due_at: "2026-03-12T09:00:00.000Z",
      updated_at: clock.now().toISOString(),
    });
    const [, updated] = await activityRows(server.ctx.db, {
      tenantId: a.tenantId,
      entityId: task.id,
    });
    expect(updated.action).toBe("updated");
    expect(updated.changes).toEqual({
      title: { old: "Draft", new: "Final" },
      description: { old: null, new: "details" },
      due_at: { old: null, new: "2026-03-12T09:00:00.000Z" },
    });
    const events = await outboxOf(server.ctx.db, { tenantId: a.tenantId, entityId: task.id });
    expect(events.map((e) => e.event_type)).toEqual(["task.created", "task.updated"]);
    expect(events[1].data).toEqual(reply.body);
    expect(events[1].metadata).toEqual({ changed_fields: ["title", "description", "due_at"] });
  });

  test("a patch that changes nothing writes nothing", async () => {
    const task = await create(a.api, { title: "Same" });
    clock.advance(1000);
    const reply = await a.api.patch(`/api/external/tasks/${task.id}`, { title: "Same" });
    expect(reply.body).toEqual(task);
    expect(await outboxOf(server.ctx.db, { tenantId: a.tenantId, entityId: task.id })).toHaveLength(
      1,
    );
  });

  test("patch status completed emits task.completed; pending reopens", async () => {
    const task = await create(a.api, { title: "Flip" });
    const done = await a.api.patch(`/api/external/tasks/${task.id}`, { status: "completed" });
    expect(done.body).toMatchObject({
      status: "completed",
      completed_at: clock.now().toISOString(),
    });
    const reopened = await a.api.patch(`/api/external/tasks/${task.id}`, { status: "pending" });
    expect(reopened.body).toMatchObject({ status: "pending", completed_at: null });
    const types = (await outboxOf(server.ctx.db, { tenantId: a.tenantId, entityId: task.id })).map(
      (e) => e.event_type,
    );
    expect(types).toEqual(["task.created", "task.updated", "task.completed", "task.updated"]);
  });

  test("patch clears nullable fields and validates links; another tenant gets 404", async () => {
    const deal = await insertDeal(server.ctx.db, a.tenantId);
    const task = await create(a.api, { title: "Clear", owner: "sam", deal_id: deal });
    const cleared = await a.api.patch(`/api/external/tasks/${task.id}`, {
      owner: null,
      deal_id: null,
    });
    expect(cleared.body).toMatchObject({ owner: null, deal_id: null });
    const bad = await a.api.patch(`/api/external/tasks/${task.id}`, { lead_id: "missing" });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe("/lead_id");
    const badDue = await a.api.patch(`/api/external/tasks/${task.id}`, { due_at: "soon" });
    expect(badDue.body.errors[0].path).toBe("/due_at");
    expect((await b.api.patch(`/api/external/tasks/${task.id}`, { title: "x" })).status).toBe(404);
    expect((await a.api.get(`/api/external/tasks/${task.id}`)).body.title).toBe("Clear");
  });

  test("PATCH and PUT may send back links the task keeps after their records were deleted; a new one must be live", async () => {
    const { links, gone, deleteThem } = await linkedThenDeleted(server.ctx.db, a.tenantId);
    const task = await create(a.api, { title: "Follow up", ...links });
    await deleteThem(clock.now());
    const url = `/api/external/tasks/${task.id}`;
    const patched = await a.api.patch(url, { title: "Follow up again", ...links });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ title: "Follow up again", ...links });
    const replaced = await a.api.put(url, { title: "Replaced", ...links });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ title: "Replaced", ...links });
    const relinked = await a.api.patch(url, { deal_id: gone });
    expect(relinked.status).toBe(422);
    expect(relinked.body.errors[0].path).toBe("/deal_id");
  });

  test("a failing task.updated rolls back the update", async () => {
    const task = await create(a.api, { title: "Keep" });
    const restore = await failEvent(server.ctx.db, "task.updated");
    try {
      expect((await a.api.patch(`/api/external/tasks/${task.id}`, { title: "Lost" })).status).toBe(
        500,
      );
    } finally {
      await restore();
    }
    expect((await a.api.get(`/api/external/tasks/${task.id}`)).body).toEqual(task);
    expect(
      await activityRows(server.ctx.db, { tenantId: a.tenantId, entityId: task.id }),
    ).toHaveLength(1);
  });

  test("delete is soft: 404 afterwards, tombstone in the feed, task.deleted", async () => {
    const task = await create(a.api, { title: "Bye" });
    expect((await b.api.delete(`/api/external/tasks/${task.id}`)).status).toBe(404);
    clock.advance(1000);
    const deleted = await a.api.delete(`/api/external/tasks/${task.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.deleted_at).toBe(clock.now().toISOString());
    expect((await a.api.get(`/api/external/tasks/${task.id}`)).status).toBe(404);
    expect((await a.api.delete(`/api/external/tasks/${task.id}`)).status).toBe(404);
    expect((await a.api.patch(`/api/external/tasks/${task.id}`, { title: "x" })).status).toBe(404);
    expect((await a.api.post(`/api/external/tasks/${task.id}/complete`)).status).toBe(404);
    const plain = await a.api.get("/api/external/tasks?page_size=500");
    expect(plain.body.tasks.some((t: any) => t.id === task.id)).toBe(false);
    const feed = await a.api.get(`/api/external/tasks?since=${clock.now().toISOString()}`);
    expect(feed.body.tasks.find((t: any) => t.id === task.id)?.deleted_at).toBe(
      clock.now().toISOString(),
    );
    const events = await outboxOf(server.ctx.db, { tenantId: a.tenantId, entityId: task.id });
    expect(events.at(-1)).toMatchObject({ event_type: "task.deleted", data: deleted.body });
    expect(
      (await activityRows(server.ctx.db, { tenantId: a.tenantId, entityId: task.id })).at(-1)
        ?.action,
    ).toBe("deleted");
  });
});

describe("POST /tasks/{id}/complete", () => {
  test("completes once; completing again is idempotent (same completed_at, no event)", async () => {
    const task = await create(a.api, { title: "Finish", due_at: "2026-03-01T00:00:00Z" });
    expect(task.is_overdue).toBe(true);
    const first = await a.api.post(`/api/external/tasks/${task.id}/complete`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      status: "completed",
      completed_at: clock.now().toISOString(),
      is_overdue: false,
    });
    clock.advance(HOUR);
    const second = await a.api.post(`/api/external/tasks/${task.id}/complete`);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    const types = (await outboxOf(server.ctx.db, { tenantId: a.tenantId, entityId: task.id })).map(
      (e) => e.event_type,
    );
    expect(types).toEqual(["task.created", "task.completed"]);
    const [, completed] = await activityRows(server.ctx.db, {
      tenantId: a.tenantId,
      entityId: task.id,
    });
    expect(completed.action).toBe("completed");
    expect(completed.changes.status).toEqual({ old: "pending", new: "completed" });
    expect((await b.api.post(`/api/external/tasks/${task.id}/complete`)).status).toBe(404);
  });
});

describe("GET /tasks filters", () => {
  let t: TenantClient;
  const ids: Record<string, string> = {};
  const list = async (query: string) => {
    const reply = await t.api.get(`/api/external/tasks?${query}`);
    expect(reply.status).toBe(200);
    return reply.body;
  };
  const titles = async (query: string) =>
    (await list(query)).tasks.map((task: any) => task.title).sort();

  beforeAll(async () => {
    t = await server.tenant();
    const db = server.ctx.db;
    const deal = await insertDeal(db, t.tenantId);
    const lead = await insertLead(db, t.tenantId);
    const contact = await insertContact(db, t.tenantId);
    const company = await insertCompany(db, t.tenantId);
    Object.assign(ids, { deal, lead, contact, company });
    const now = clock.now().getTime();
    const specs = [
      { title: "t1", priority: "low", owner: "ann", deal_id: deal, tags: ["a", "b"] },
      { title: "t2", priority: "high", due_at: new Date(now - HOUR).toISOString(), lead_id: lead },
      { title: "t3", priority: "urgent", due_at: new Date(now + HOUR).toISOString(), tags: ["a"] },
      {
        title: "t4",
        owner: "bob",
        contact_id: contact,
        due_at: new Date(now - 2 * HOUR).toISOString(),
      },
      { title: "t5", company_id: company },
    ];
    for (const spec of specs) {
      clock.advance(1);
      const task = await create(t.api, spec);
      ids[spec.title] = task.id;
    }
    await t.api.post(`/api/external/tasks/${ids.t4}/complete`);
  });

  test("plain list: newest first, seed 001 envelope", async () => {
    const body = await list("");
    expect(body.tasks.map((task: any) => task.title)).toEqual(["t5", "t4", "t3", "t2", "t1"]);
    expect(body).toMatchObject({
      total: 5,
      page: 1,
      page_size: 50,
      has_more: false,
      next_cursor: null,
    });
  });

  test("page and page_size", async () => {
    const second = await list("page=2&page_size=2");
    expect(second.tasks.map((task: any) => task.title)).toEqual(["t3", "t2"]);
    expect(second).toMatchObject({ total: 5, page: 2, page_size: 2, has_more: true });
    expect((await list("page=3&page_size=2")).has_more).toBe(false);
  });

  test("status, overdue and priority", async () => {
    expect(await titles("status=pending")).toEqual(["t1", "t2", "t3", "t5"]);
    expect(await titles("status=completed")).toEqual(["t4"]);
    expect(await titles("status=overdue")).toEqual(["t2"]);
    expect(await titles("priority=medium")).toEqual(["t4", "t5"]);
    expect(await titles("priority=urgent")).toEqual(["t3"]);
    const overdue = await list("status=overdue");
    expect(overdue.tasks[0].is_overdue).toBe(true);
  });

  test("owner, links, due range and tags", async () => {
    expect(await titles("owner=ann")).toEqual(["t1"]);
    expect(await titles(`deal_id=${ids.deal}`)).toEqual(["t1"]);
    expect(await titles(`lead_id=${ids.lead}`)).toEqual(["t2"]);
    expect(await titles(`contact_id=${ids.contact}`)).toEqual(["t4"]);
    expect(await titles(`company_id=${ids.company}`)).toEqual(["t5"]);
    const now = clock.now().toISOString();
    expect(await titles(`due_before=${now}`)).toEqual(["t2", "t4"]);
    expect(await titles(`due_after=${now}`)).toEqual(["t3"]);
    expect(await titles("tags=a")).toEqual(["t1", "t3"]);
    expect(await titles("tags=a,b")).toEqual(["t1"]);
    expect(await titles("status=pending&tags=a&priority=low")).toEqual(["t1"]);
  });

  test("overdue follows the clock", async () => {
    clock.advance(2 * HOUR);
    try {
      expect(await titles("status=overdue")).toEqual(["t2", "t3"]);
    } finally {
      clock.advance(-2 * HOUR);
    }
  });

  test("since: changes at or after the time, oldest change first", async () => {
    clock.advance(1000);
    await t.api.patch(`/api/external/tasks/${ids.t1}`, { title: "t1b" });
    const body = await list(`since=${clock.now().toISOString()}`);
    expect(body.tasks.map((task: any) => task.title)).toEqual(["t1b"]);
    await t.api.patch(`/api/external/tasks/${ids.t1}`, { title: "t1" });
    expect(typeof body.next_cursor).toBe("string");
  });

  test("since with a +hh:mm offset left unencoded in the URL (its + read as a space) means that offset", async () => {
    clock.advance(1000);
    await t.api.patch(`/api/external/tasks/${ids.t1}`, { title: "t1c" });
    const utc = clock.now().toISOString().replace("Z", "+00:00"); // Python's isoformat()
    const east = new Date(clock.now().getTime() + 2 * HOUR).toISOString().replace("Z", "+02:00");
    for (const since of [utc, east, east.replace("+02:00", "+0200")]) {
      const body = await list(`since=${since}`);
      expect({ since, titles: body.tasks.map((task: any) => task.title) }).toEqual({
        since,
        titles: ["t1c"],
      });
    }
    await t.api.patch(`/api/external/tasks/${ids.t1}`, { title: "t1" });
  });

  test("cursor pages in change order", async () => {
    const first = await list("cursor=&page_size=3");
    expect(first.tasks.map((task: any) => task.title)).toEqual(["t2", "t3", "t5"]);
    expect(first.has_more).toBe(true);
    const second = await list(`cursor=${first.next_cursor}&page_size=3`);
    expect(second.tasks.map((task: any) => task.title)).toEqual(["t4", "t1"]);
    expect(second.has_more).toBe(false);
    const empty = await list(`cursor=${second.next_cursor}`);
    expect(empty.tasks).toEqual([]);
    expect(empty.next_cursor).toBe(second.next_cursor);
  });

  test("bad query values are 422 at their path", async () => {
    const cases: Array<[string, string]> = [
      ["status=late", "/status"],
      ["priority=none", "/priority"],
      ["page_size=0", "/page_size"],
      ["page_size=501", "/page_size"],
      ["page=0", "/page"],
      ["since=yesterday", "/since"],
      ["cursor=garbage", "/cursor"],
      ["due_before=soon", "/due_before"],
      ["due_after=2026-13-45", "/due_after"],
    ];
    for (const [query, path] of cases) {
      const reply = await t.api.get(`/api/external/tasks?${query}`);
      expect({ query, status: reply.status, path: reply.body.errors?.[0]?.path }).toEqual({
        query,
        status: 422,
        path,
      });
    }
  });

  test("another tenant sees none of them", async () => {
    const other = await b.api.get("/api/external/tasks?page_size=500");
    expect(other.body.tasks.some((task: any) => Object.values(ids).includes(task.id))).toBe(false);
    expect((await b.api.get(`/api/external/tasks?deal_id=${ids.deal}`)).body.total).toBe(0);
  });
});

describe("scopes", () => {
  test("401 without a key; 403 without tasks:read / tasks:write", async () => {
    const task = await create(a.api, { title: "Scoped" });
    expect((await server.anonymous.get("/api/external/tasks")).status).toBe(401);
    const reader = await server.keyFor(a.tenantId, ["tasks:read"]);
    const other = await server.keyFor(a.tenantId, ["deals:read", "deals:write"]);
    expect((await reader.get("/api/external/tasks")).status).toBe(200);
    expect((await reader.get(`/api/external/tasks/${task.id}`)).status).toBe(200);
    const writes: Array<[string, string, unknown?]> = [
      ["POST", "/api/external/tasks", { title: "x" }],
      ["PATCH", `/api/external/tasks/${task.id}`, { title: "x" }],
      ["DELETE", `/api/external/tasks/${task.id}`],
      ["POST", `/api/external/tasks/${task.id}/complete`],
    ];
    for (const [method, path, body] of writes) {
      expect((await reader.request(method, path, body)).status).toBe(403);
      expect((await other.request(method, path, body)).status).toBe(403);
    }
    expect((await other.get("/api/external/tasks")).status).toBe(403);
    expect((await other.get(`/api/external/tasks/${task.id}`)).status).toBe(403);
    const writer = await server.keyFor(a.tenantId, ["tasks:write"]);
    expect((await writer.post("/api/external/tasks", { title: "w" })).status).toBe(201);
    expect((await writer.get("/api/external/tasks")).status).toBe(403);
  });
});

describe("tags", () => {
  test("stored trimmed, each once, blank ones dropped, on create, PATCH and PUT", async () => {
    const task = await create(a.api, { title: "Tagged", tags: [" vip", "vip ", " ", "emea"] });
    expect(task.tags).toEqual(["vip", "emea"]);
    const path = `/api/external/tasks/${task.id}`;
    expect((await a.api.patch(path, { tags: ["  ", " apac "] })).body.tags).toEqual(["apac"]);
    const put = await a.api.put(path, { title: "Tagged", tags: [" x ", " "] });
    expect(put.body.tags).toEqual(["x"]);
  });
});
