import { beforeAll, describe, expect, test } from "bun:test";
import { periodRange } from "../plugins/kpis/service";
import { ManualClock } from "../src/clock";
import { insertDeal, insertLead, insertTask } from "./fixtures/rows";
import type { TenantClient } from "./helpers/server";
import { useTestServer } from "./helpers/suite";

const d = (value: string) => new Date(value);
const clock = new ManualClock(d("2026-03-15T18:00:00.000Z"));

const server = useTestServer({ clock });

const kpis = async (tenant: TenantClient, period: string) => {
  const reply = await tenant.api.get(`/api/external/kpis?period=${period}`);
  expect(reply.status).toBe(200);
  return reply.body;
};

describe("periodRange", () => {
  const start = (period: "week" | "month" | "quarter" | "year", now: string) =>
    periodRange(period, d(now)).start.toISOString();

  test("weeks start Monday 00:00 UTC", () => {
    expect(start("week", "2026-03-15T23:59:59.999Z")).toBe("2026-03-09T00:00:00.000Z"); // Sunday
    expect(start("week", "2026-03-16T00:00:00.000Z")).toBe("2026-03-16T00:00:00.000Z"); // Monday
    expect(start("week", "2026-03-16T23:59:59.999Z")).toBe("2026-03-16T00:00:00.000Z");
    expect(start("week", "2027-01-01T00:00:00.000Z")).toBe("2026-12-28T00:00:00.000Z"); // across years
    expect(start("week", "2026-03-01T10:00:00.000Z")).toBe("2026-02-23T00:00:00.000Z"); // across months
    expect(periodRange("week", d("2026-03-15T12:00:00.000Z")).end.toISOString()).toBe(
      "2026-03-16T00:00:00.000Z",
    );
  });

  test("months, quarters (Jan/Apr/Jul/Oct) and years", () => {
    expect(start("month", "2028-02-29T12:00:00.000Z")).toBe("2028-02-01T00:00:00.000Z");
    expect(start("month", "2026-12-31T23:59:59.999Z")).toBe("2026-12-01T00:00:00.000Z");
    expect(start("quarter", "2026-03-31T23:59:59.999Z")).toBe("2026-01-01T00:00:00.000Z");
    expect(start("quarter", "2026-04-01T00:00:00.000Z")).toBe("2026-04-01T00:00:00.000Z");
    expect(start("quarter", "2026-09-30T12:00:00.000Z")).toBe("2026-07-01T00:00:00.000Z");
    expect(start("quarter", "2026-12-31T23:59:59.999Z")).toBe("2026-10-01T00:00:00.000Z");
    expect(start("year", "2026-12-31T23:59:59.999Z")).toBe("2026-01-01T00:00:00.000Z");
    expect(periodRange("quarter", d("2026-11-05T00:00:00.000Z")).end.toISOString()).toBe(
      "2027-01-01T00:00:00.000Z",
    );
    expect(periodRange("month", d("2026-12-05T00:00:00.000Z")).end.toISOString()).toBe(
      "2027-01-01T00:00:00.000Z",
    );
  });
});

describe("GET /kpis on a Sunday in March (week, month, quarter = year)", () => {
  let tenant: TenantClient;

  beforeAll(async () => {
    tenant = await server.tenant();
    const db = server.ctx.db;
    const t = tenant.tenantId;
    const deal = (created: string, status: string, value: number, extra = {}) =>
      insertDeal(db, t, { createdAt: d(created), status, value, ...extra });
    await deal("2026-03-09T00:00:00.000Z", "open", 1000); // exactly the week start
    await deal("2026-03-08T23:59:59.999Z", "won", 2000, { wonAt: d("2026-03-10T10:00:00Z") });
    await deal("2026-03-15T17:00:00.000Z", "won", 3000, { wonAt: d("2026-03-15T17:30:00Z") });
    await deal("2026-03-12T00:00:00.000Z", "lost", 100, { lostAt: d("2026-03-13T00:00:00Z") });
    await deal("2026-03-01T00:00:00.000Z", "won", 4000, { wonAt: d("2026-03-01T00:00:00Z") });
    await deal("2026-02-28T23:59:59.999Z", "open", 5000);
    await deal("2026-01-01T00:00:00.000Z", "won", 6000, { wonAt: d("2026-02-10T00:00:00Z") });
    await deal("2025-12-31T23:59:59.999Z", "won", 7000, { wonAt: d("2026-03-09T00:00:00Z") });
    await deal("2026-03-10T00:00:00.000Z", "open", 8000, { deletedAt: d("2026-03-11T00:00:00Z") });
    await deal("2025-06-01T00:00:00.000Z", "open", 9000);
    await deal("2025-11-20T00:00:00.000Z", "won", 10000, { wonAt: d("2025-12-31T23:59:59.999Z") });

    const lead = (created: string, qualified?: string, extra = {}) =>
      insertLead(db, t, {
        createdAt: d(created),
        status: qualified ? "qualified" : "new",
        qualifiedAt: qualified ? d(qualified) : null,
        ...extra,
      });
    await lead("2026-03-09T00:00:00.000Z", "2026-03-10T00:00:00Z");
    await lead("2026-03-08T23:59:59.999Z", "2026-03-09T00:00:00.000Z");
    await lead("2026-03-14T00:00:00.000Z");
    await lead("2026-03-12T00:00:00.000Z");
    await lead("2026-02-15T00:00:00.000Z", "2026-03-02T00:00:00Z");
    await lead("2025-12-31T23:59:59.999Z", "2026-01-01T00:00:00.000Z");
    await lead("2026-03-11T00:00:00.000Z", "2026-03-12T00:00:00Z", {
      deletedAt: d("2026-03-13T00:00:00Z"),
    });
    await lead("2026-01-20T00:00:00.000Z");

    const task = (created: string, status: string, due: string | null, extra = {}) =>
      insertTask(db, t, { createdAt: d(created), status, dueAt: due ? d(due) : null, ...extra });
    await task("2026-03-09T00:00:00.000Z", "pending", "2026-03-15T17:59:59.999Z"); // overdue
    await task("2026-03-15T00:00:00.000Z", "pending", "2026-03-15T18:00:00.000Z"); // due now: not yet
    await task("2026-02-01T00:00:00.000Z", "pending", "2026-02-10T00:00:00Z"); // overdue
    await task("2025-10-01T00:00:00.000Z", "pending", "2025-10-05T00:00:00Z"); // overdue
    await task("2026-03-10T00:00:00.000Z", "completed", "2026-03-11T00:00:00Z");
    await task("2026-03-10T00:00:00.000Z", "pending", "2026-03-11T00:00:00Z", {
      deletedAt: d("2026-03-12T00:00:00Z"),
    });
    await task("2026-03-08T23:59:59.999Z", "pending", null);
  });

  test("week: Monday 2026-03-09 onwards", async () => {
    clock.set("2026-03-15T18:00:00.000Z");
    expect(await kpis(tenant, "week")).toEqual({
      period: "week",
      period_start: "2026-03-09T00:00:00.000Z",
      generated_at: "2026-03-15T18:00:00.000Z",
      leads: { total: 3, qualified: 2, qualification_rate: 66.7 },
      deals: { total: 3, open: 1, won: 1, lost: 1, win_rate: 50 },
      pipeline: { value: 15000, won_value: 12000 },
      tasks: { total: 3, overdue: 3 },
    });
  });

  test("month", async () => {
    expect(await kpis(tenant, "month")).toMatchObject({
      period_start: "2026-03-01T00:00:00.000Z",
      leads: { total: 4, qualified: 3, qualification_rate: 75 },
      deals: { total: 5, open: 1, won: 3, lost: 1, win_rate: 75 },
      pipeline: { value: 15000, won_value: 16000 },
      tasks: { total: 4, overdue: 3 },
    });
  });

  test("quarter and year (both from January 1st)", async () => {
    for (const period of ["quarter", "year"]) {
      expect(await kpis(tenant, period)).toMatchObject({
        period,
        period_start: "2026-01-01T00:00:00.000Z",
        leads: { total: 6, qualified: 4, qualification_rate: 66.7 },
        deals: { total: 7, open: 2, won: 4, lost: 1, win_rate: 80 },
        pipeline: { value: 15000, won_value: 22000 },
        tasks: { total: 5, overdue: 3 },
      });
    }
  });

  test("overdue moves with the clock", async () => {
    // A second on: KPIs may be reused for a second while no record changes.
    clock.set("2026-03-15T18:00:01.000Z");
    expect((await kpis(tenant, "week")).tasks.overdue).toBe(4);
    clock.set("2026-03-15T18:00:00.000Z");
  });

  test("month is the default period; the response has exactly seed 001's fields", async () => {
    const reply = await tenant.api.get("/api/external/kpis");
    expect(reply.body.period).toBe("month");
    expect(Object.keys(reply.body).sort()).toEqual(
      ["deals", "generated_at", "leads", "period", "period_start", "pipeline", "tasks"].sort(),
    );
    expect(Object.keys(reply.body.deals).sort()).toEqual(
      ["lost", "open", "total", "win_rate", "won"].sort(),
    );
  });
});

describe("GET /kpis at quarter and year boundaries", () => {
  test("mid-May: week, month, quarter (April 1st) and year all differ", async () => {
    const tenant = await server.tenant();
    const db = server.ctx.db;
    const t = tenant.tenantId;
    const deal = (created: string, status: string, value: number, wonAt?: string) =>
      insertDeal(db, t, { createdAt: d(created), status, value, wonAt: wonAt ? d(wonAt) : null });
    await deal("2026-04-01T00:00:00.000Z", "won", 500, "2026-04-01T00:00:00.000Z");
    await deal("2026-03-31T23:59:59.999Z", "lost", 700);
    await deal("2026-05-18T00:00:00.000Z", "open", 900);
    await deal("2026-05-17T23:59:59.999Z", "won", 1100, "2026-05-19T00:00:00.000Z");
    await deal("2026-05-01T00:00:00.000Z", "lost", 1300);
    const lead = (created: string, qualified: string) =>
      insertLead(db, t, { createdAt: d(created), status: "qualified", qualifiedAt: d(qualified) });
    await lead("2026-04-01T00:00:00.000Z", "2026-05-18T00:00:00.000Z");
    await lead("2026-03-31T23:59:59.999Z", "2026-04-01T00:00:00.000Z");

    clock.set("2026-05-20T12:00:00.000Z");
    const expected = {
      week: {
        period_start: "2026-05-18T00:00:00.000Z",
        leads: { total: 0, qualified: 1, qualification_rate: 0 },
        deals: { total: 1, open: 1, won: 0, lost: 0, win_rate: 0 },
        pipeline: { value: 900, won_value: 1100 },
      },
      month: {
        period_start: "2026-05-01T00:00:00.000Z",
        leads: { total: 0, qualified: 1, qualification_rate: 0 },
        deals: { total: 3, open: 1, won: 1, lost: 1, win_rate: 50 },
        pipeline: { value: 900, won_value: 1100 },
      },
      quarter: {
        period_start: "2026-04-01T00:00:00.000Z",
        leads: { total: 1, qualified: 2, qualification_rate: 200 },
        deals: { total: 4, open: 1, won: 2, lost: 1, win_rate: 66.7 },
        pipeline: { value: 900, won_value: 1600 },
      },
      year: {
        period_start: "2026-01-01T00:00:00.000Z",
        leads: { total: 2, qualified: 2, qualification_rate: 100 },
        deals: { total: 5, open: 1, won: 2, lost: 2, win_rate: 50 },
        pipeline: { value: 900, won_value: 1600 },
      },
    };
    for (const [period, figures] of Object.entries(expected)) {
      expect(await kpis(tenant, period)).toEqual({
        period,
        generated_at: "2026-05-20T12:00:00.000Z",
        tasks: { total: 0, overdue: 0 },
        ...figures,
      });
    }
  });

  test("New Year 00:00: the week reaches back into December, month/quarter/year start now", async () => {
    const tenant = await server.tenant();
    const db = server.ctx.db;
    const t = tenant.tenantId;
    const deal = (created: string, status: string, value: number, wonAt?: string) =>
      insertDeal(db, t, { createdAt: d(created), status, value, wonAt: wonAt ? d(wonAt) : null });
    await deal("2027-01-01T00:00:00.000Z", "open", 10);
    await deal("2026-12-31T23:59:59.999Z", "won", 20, "2026-12-31T23:59:59.999Z");
    await deal("2026-12-28T00:00:00.000Z", "lost", 30);
    await deal("2026-12-27T23:59:59.999Z", "open", 40);

    clock.set("2027-01-01T00:00:00.000Z");
    expect(await kpis(tenant, "week")).toMatchObject({
      period_start: "2026-12-28T00:00:00.000Z",
      deals: { total: 3, open: 1, won: 1, lost: 1, win_rate: 50 },
      pipeline: { value: 50, won_value: 20 },
    });
    for (const period of ["month", "quarter", "year"]) {
      expect(await kpis(tenant, period)).toMatchObject({
        period_start: "2027-01-01T00:00:00.000Z",
        deals: { total: 1, open: 1, won: 0, lost: 0, win_rate: 0 },
        pipeline: { value: 50, won_value: 0 },
      });
    }
  });
});

describe("GET /kpis access", () => {
  test("tenant isolation, 422 for an unknown period, 401/403", async () => {
    const empty = await server.tenant();
    clock.set("2026-03-15T18:00:00.000Z");
    expect(await kpis(empty, "year")).toMatchObject({
      leads: { total: 0, qualified: 0, qualification_rate: 0 },
      deals: { total: 0, open: 0, won: 0, lost: 0, win_rate: 0 },
      pipeline: { value: 0, won_value: 0 },
      tasks: { total: 0, overdue: 0 },
    });
    const bad = await empty.api.get("/api/external/kpis?period=decade");
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toEqual({
      path: "/period",
      message: "must be one of: week, month, quarter, year",
    });
    expect((await server.anonymous.get("/api/external/kpis")).status).toBe(401);
    const noScope = await server.keyFor(empty.tenantId, ["deals:read", "tasks:read"]);
    expect((await noScope.get("/api/external/kpis")).status).toBe(403);
    const reader = await server.keyFor(empty.tenantId, ["kpis:read"]);
    expect((await reader.get("/api/external/kpis")).status).toBe(200);
  });
});

describe("KPI freshness", () => {
  test("computed at most once a second while nothing changes; a write shows at once", async () => {
    const tenant = await server.tenant();
    clock.set("2026-03-15T18:00:00.000Z");
    // The key's first use writes its last_used_at (a change like any other): let it land.
    await kpis(tenant, "week");
    await Bun.sleep(50);
    const first = await kpis(tenant, "month");
    clock.advance(500);
    const again = await kpis(tenant, "month");
    expect(again.generated_at).toBe(first.generated_at);
    await insertDeal(server.ctx.db, tenant.tenantId, {
      createdAt: clock.now(),
      status: "open",
      value: 5,
    });
    const fresh = await kpis(tenant, "month");
    expect(fresh.deals.total).toBe(first.deals.total + 1);
    expect(fresh.generated_at).toBe("2026-03-15T18:00:00.500Z");
    clock.advance(1000);
    expect((await kpis(tenant, "month")).generated_at).toBe("2026-03-15T18:00:01.500Z");
  });
});

describe("open pipeline value", () => {
  test("follows every write: create, value change, won, reopen, delete", async () => {
    const tenant = await server.tenant();
    const api = tenant.api;
    const pipeline = await api.post("/api/external/pipelines", {
      name: "Sales",
      pipeline_type: "sales",
      stages: [{ name: "New" }, { name: "Won", kind: "won" }],
    });
    expect(pipeline.status).toBe(201);
    const value = async () => {
      clock.advance(2000); // past the one-second KPI cache
      return (await kpis(tenant, "month")).pipeline.value;
    };
    const a = (await api.post("/api/external/deals", { title: "a", value: 100 })).body;
    const b = (await api.post("/api/external/deals", { title: "b", value: 50 })).body;
    expect(await value()).toBe(150);
    await api.patch(`/api/external/deals/${a.id}`, { value: 175 });
    expect(await value()).toBe(225);
    await api.post(`/api/external/deals/${a.id}/move`, { stage: "Won" });
    expect(await value()).toBe(50);
    await api.post(`/api/external/deals/${a.id}/move`, { stage: "New" });
    expect(await value()).toBe(225);
    await api.delete(`/api/external/deals/${b.id}`);
    expect(await value()).toBe(175);
  });
});
