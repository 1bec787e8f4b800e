import { beforeAll, describe, expect, test } from "bun:test";
import { ManualClock } from "../src/clock";
import { failEvent, insertDeal, insertLead } from "./fixtures/rows";
import { created } from "./helpers/api";
import { activityRows, outboxOf } from "./helpers/records";
import type { Api, TenantClient } from "./helpers/server";
import { useTestServer } from "./helpers/suite";

const clock = new ManualClock(new Date("2026-04-01T09:00:00.000Z"));
let a: TenantClient;
let b: TenantClient;

const server = useTestServer({ clock });
beforeAll(async () => {
  a = await server.tenant();
  b = await server.tenant();
});

const create = (client: Api, body: Record<string, unknown>) => created(client, "/partners", body);

describe("partners CRUD", () => {
  test("create: defaults, zero figures, activity and partner.created", async () => {
    const partner = await create(a.api, { name: "Acme Referrals", email: "hi@acme.test" });
    expect(partner).toMatchObject({
      name: "Acme Referrals",
      partner_type: "referral",
      status: "active",
      email: "hi@acme.test",
      phone: null,
      website: null,
      commission_pct: null,
      tags: [],
      lead_count: 0,
      deal_count: 0,
      won_deals: 0,
      won_value: 0,
      created_at: clock.now().toISOString(),
      deleted_at: null,
    });
    const events = await outboxOf(server.ctx.db, { tenantId: a.tenantId, entityId: partner.id });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ event_type: "partner.created", data: partner });
    const [row] = await activityRows(server.ctx.db, { tenantId: a.tenantId, entityId: partner.id });
    expect(row).toMatchObject({ entityType: "partner", action: "created" });
    expect(row.changes.name).toEqual({ old: null, new: "Acme Referrals" });
    expect(row.changes.lead_count).toBeUndefined();
  });

  test("names are unique per tenant among live partners: 409", async () => {
    await create(a.api, { name: "Unique Co" });
    const dup = await a.api.post("/api/external/partners", { name: "Unique Co" });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe("CONFLICT");
    await create(b.api, { name: "Unique Co" });
    const other = await create(a.api, { name: "Other Co" });
    const rename = await a.api.patch(`/api/external/partners/${other.id}`, { name: "Unique Co" });
    expect(rename.status).toBe(409);
    expect((await a.api.get(`/api/external/partners/${other.id}`)).body.name).toBe("Other Co");
    expect(
      await outboxOf(server.ctx.db, { tenantId: a.tenantId, entityId: other.id }),
    ).toHaveLength(1);
    await a.api.delete(`/api/external/partners/${other.id}`);
    await create(a.api, { name: "Other Co" });
  });

  test("names are stored trimmed, so surrounding spaces make no second partner of a name", async () => {
    const padded = await create(a.api, { name: "  Padded Partners " });
    expect(padded.name).toBe("Padded Partners");
    const dup = await a.api.post("/api/external/partners", { name: "Padded Partners  " });
    expect(dup.status).toBe(409);
    const other = await create(a.api, { name: "Second Partners" });
    const path = `/api/external/partners/${other.id}`;
    expect((await a.api.patch(path, { name: " Padded Partners" })).status).toBe(409);
    expect((await a.api.patch(path, { name: " Second  " })).body.name).toBe("Second");
  });

  test("422 with the field path for bad input", async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{}, "/name"],
      [{ name: "" }, "/name"],
      [{ name: "x", partner_type: "vendor" }, "/partner_type"],
      [{ name: "x", status: "paused" }, "/status"],
      [{ name: "x", email: "not-an-email" }, "/email"],
      [{ name: "x", commission_pct: 101 }, "/commission_pct"],
      [{ name: "x", commission_pct: -1 }, "/commission_pct"],
      [{ name: "x", tags: [""] }, "/tags/0"],
    ];
    for (const [body, path] of cases) {
      const reply = await a.api.post("/api/external/partners", body);
      expect({ body, status: reply.status, path: reply.body.errors?.[0]?.path }).toEqual({
        body,
        status: 422,
        path,
      });
    }
  });

  test("get, patch with diff and partner.updated, no-op patch, delete", async () => {
    const partner = await create(a.api, { name: "Patchable", partner_type: "reseller" });
    expect((await a.api.get(`/api/external/partners/${partner.id}`)).body).toEqual(partner);
    expect((await b.api.get(`/api/external/partners/${partner.id}`)).status).toBe(404);
    clock.advance(60_000);
    const patched = await a.api.patch(`/api/external/partners/${partner.id}`, {
      status: "inactive",
      commission_pct: 12.5,
      website: "https://patchable.test",
    });
    expect(patched.body).toMatchObject({
      status: "inactive",
      commission_pct: 12.5,
      partner_type: "reseller",
      updated_at: clock.now().toISOString(),
    });
    const [, updated] = await activityRows(server.ctx.db, {
      tenantId: a.tenantId,
      entityId: partner.id,
    });
    expect(updated.changes).toEqual({
      status: { old: "active", new: "inactive" },
      commission_pct: { old: null, new: 12.5 },
      website: { old: null, new: "https://patchable.test" },
    });
    const same = await a.api.patch(`/api/external/partners/${partner.id}`, { status: "inactive" });
    expect(same.body).toEqual(patched.body);
    expect((await b.api.patch(`/api/external/partners/${partner.id}`, { name: "x" })).status).toBe(
      404,
    );
    expect((await b.api.delete(`/api/external/partners/${partner.id}`)).status).toBe(404);
    const deleted = await a.api.delete(`/api/external/partners/${partner.id}`);
    expect(deleted.body.deleted_at).toBe(clock.now().toISOString());
    expect((await a.api.get(`/api/external/partners/${partner.id}`)).status).toBe(404);
    expect((await a.api.delete(`/api/external/partners/${partner.id}`)).status).toBe(404);
    const events = await outboxOf(server.ctx.db, { tenantId: a.tenantId, entityId: partner.id });
    expect(events.map((e) => e.event_type)).toEqual([
      "partner.created",
      "partner.updated",
      "partner.deleted",
    ]);
    // as every *.updated event: the fields the change touched
    expect(events[1].metadata).toEqual({
      changed_fields: ["website", "status", "commission_pct"],
    });
  });

  test("a failing event rolls back the partner and its activity row", async () => {
    const restore = await failEvent(server.ctx.db, "partner.created");
    try {
      expect((await a.api.post("/api/external/partners", { name: "Ghost" })).status).toBe(500);
    } finally {
      await restore();
    }
    const list = await a.api.get("/api/external/partners?cursor=&page_size=500");
    expect(list.body.partners.some((p: any) => p.name === "Ghost")).toBe(false);
    const activity = await activityRows(server.ctx.db, { tenantId: a.tenantId });
    expect(activity.some((r) => r.changes.name?.new === "Ghost")).toBe(false);
    await create(a.api, { name: "Ghost" });
  });
});

describe("GET /partners", () => {
  let t: TenantClient;
  const ids: Record<string, string> = {};
  const names = async (query: string) => {
    const reply = await t.api.get(`/api/external/partners?${query}`);
    expect(reply.status).toBe(200);
    return reply.body.partners.map((p: any) => p.name);
  };

  beforeAll(async () => {
    t = await server.tenant();
    const specs = [
      { name: "P1", partner_type: "referral", tags: ["gold", "eu"] },
      { name: "P2", partner_type: "reseller", status: "inactive", tags: ["gold"] },
      { name: "P3", partner_type: "affiliate" },
    ];
    for (const spec of specs) {
      clock.advance(1000);
      ids[spec.name] = (await create(t.api, spec)).id;
    }
    const db = server.ctx.db;
    const { P1, P2 } = ids;
    for (const fields of [{ partnerId: P1 }, { partnerId: P1 }, { partnerId: P2 }])
      await insertLead(db, t.tenantId, fields);
    await insertLead(db, t.tenantId, { partnerId: P1, deletedAt: clock.now() });
    const dealSpecs = [
      { partnerId: P1, status: "won", value: 150_000 },
      { partnerId: P1, status: "won", value: 2_550 },
      { partnerId: P1, status: "open", value: 99_999 },
      { partnerId: P1, status: "lost", value: 10 },
      { partnerId: P1, status: "won", value: 7, deletedAt: clock.now() },
      { partnerId: P2, status: "open", value: 500 },
    ];
    for (const fields of dealSpecs) await insertDeal(db, t.tenantId, fields);
    // another tenant's rows naming the same partner id never count
    await insertDeal(db, b.tenantId, { partnerId: P1, status: "won", value: 1_000_000 });
    await insertLead(db, b.tenantId, { partnerId: P1 });
  });

  test("each partner carries its lead and deal figures", async () => {
    const reply = await t.api.get("/api/external/partners");
    expect(reply.body).toMatchObject({ total: 3, page: 1, page_size: 50, has_more: false });
    const byName = Object.fromEntries(reply.body.partners.map((p: any) => [p.name, p]));
    expect(byName.P1).toMatchObject({
      lead_count: 2,
      deal_count: 4,
      won_deals: 2,
      won_value: 152_550,
    });
    expect(byName.P2).toMatchObject({ lead_count: 1, deal_count: 1, won_deals: 0, won_value: 0 });
    expect(byName.P3).toMatchObject({ lead_count: 0, deal_count: 0, won_deals: 0, won_value: 0 });
    const single = await t.api.get(`/api/external/partners/${ids.P1}`);
    expect(single.body).toEqual(byName.P1);
  });

  test("filters, paging, since and cursor", async () => {
    expect(await names("")).toEqual(["P3", "P2", "P1"]);
    expect(await names("status=inactive")).toEqual(["P2"]);
    expect(await names("partner_type=affiliate")).toEqual(["P3"]);
    expect(await names("tags=gold")).toEqual(["P2", "P1"]);
    expect(await names("tags=gold,eu")).toEqual(["P1"]);
    expect(await names("page=2&page_size=2")).toEqual(["P1"]);
    clock.advance(1000);
    await t.api.patch(`/api/external/partners/${ids.P1}`, { phone: "+1 555 0100" });
    expect(await names(`since=${clock.now().toISOString()}`)).toEqual(["P1"]);
    const first = await t.api.get("/api/external/partners?cursor=&page_size=2");
    expect(first.body.partners.map((p: any) => p.name)).toEqual(["P2", "P3"]);
    const next = await t.api.get(`/api/external/partners?cursor=${first.body.next_cursor}`);
    expect(next.body.partners.map((p: any) => p.name)).toEqual(["P1"]);
    expect(next.body.partners[0].won_value).toBe(152_550);
  });

  test("bad query values are 422; other tenants see nothing", async () => {
    for (const [query, path] of [
      ["status=gone", "/status"],
      ["partner_type=x", "/partner_type"],
      ["page_size=501", "/page_size"],
      ["since=never", "/since"],
    ]) {
      const reply = await t.api.get(`/api/external/partners?${query}`);
      expect({ query, status: reply.status, path: reply.body.errors?.[0]?.path }).toEqual({
        query,
        status: 422,
        path,
      });
    }
    const other = await b.api.get("/api/external/partners?page_size=500");
    expect(other.body.partners.some((p: any) => Object.values(ids).includes(p.id))).toBe(false);
  });
});

describe("scopes", () => {
  test("401 without a key; 403 without partners:read / partners:write", async () => {
    const partner = await create(a.api, { name: "Scoped" });
    expect((await server.anonymous.get("/api/external/partners")).status).toBe(401);
    const reader = await server.keyFor(a.tenantId, ["partners:read"]);
    const other = await server.keyFor(a.tenantId, ["tasks:read", "tasks:write"]);
    expect((await reader.get("/api/external/partners")).status).toBe(200);
    expect((await reader.get(`/api/external/partners/${partner.id}`)).status).toBe(200);
    expect((await other.get("/api/external/partners")).status).toBe(403);
    expect((await other.get(`/api/external/partners/${partner.id}`)).status).toBe(403);
    const writes: Array<[string, string, unknown?]> = [
      ["POST", "/api/external/partners", { name: "x" }],
      ["PATCH", `/api/external/partners/${partner.id}`, { name: "y" }],
      ["DELETE", `/api/external/partners/${partner.id}`],
    ];
    for (const [method, path, body] of writes) {
      expect((await reader.request(method, path, body)).status).toBe(403);
      expect((await other.request(method, path, body)).status).toBe(403);
    }
    const writer = await server.keyFor(a.tenantId, ["partners:write"]);
    expect((await writer.post("/api/external/partners", { name: "By writer" })).status).toBe(201);
  });
});

describe("tags", () => {
  test("stored trimmed, each once, blank ones dropped, on create and PATCH", async () => {
    const partner = await create(a.api, { name: "Tagged", tags: [" vip", "vip ", " ", "emea"] });
    expect(partner.tags).toEqual(["vip", "emea"]);
    const path = `/api/external/partners/${partner.id}`;
    expect((await a.api.patch(path, { tags: ["  ", " apac "] })).body.tags).toEqual(["apac"]);
  });
});
