import { describe, expect, test } from "bun:test";
import { and, eq } from "drizzle-orm";
import { activityLog } from "../db/schema";
import { ManualClock } from "../src/clock";
import type { WebhookDispatcher } from "../src/core";
import { outboxOf } from "./helpers/records";
import { useTestServer } from "./helpers/suite";
import {
  hours,
  insertDeal,
  insertLead,
  insertPipeline,
  insertStage,
  tick,
  timeline,
} from "./sla.fixtures";
import { standardVerifies, startReceiver } from "./webhook-receiver";

const clock = new ManualClock(new Date("2026-03-06T20:00:00.000Z")); // Friday 15:00 EST
const server = useTestServer({ clock });

const NEW_YORK = {
  time_zone: "America/New_York",
  working_days: ["mon", "tue", "wed", "thu", "fri"],
  start_time: "09:00",
  end_time: "17:00",
};

describe("business-hours routes", () => {
  test("PUT sets, GET shows, DELETE removes the tenant's calendar", async () => {
    const { api } = await server.tenant();
    expect((await api.get("/api/external/business-hours")).status).toBe(404);
    const put = await api.put("/api/external/business-hours", {
      ...NEW_YORK,
      working_days: ["fri", "mon", "wed", "tue", "thu"],
    });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({
      ...NEW_YORK,
      created_at: clock.now().toISOString(),
      updated_at: clock.now().toISOString(),
    });
    expect((await api.get("/api/external/business-hours")).body).toEqual(put.body);
    const changed = await api.put("/api/external/business-hours", {
      ...NEW_YORK,
      time_zone: "Asia/Kolkata",
      end_time: "24:00",
    });
    expect(changed.body).toMatchObject({ time_zone: "Asia/Kolkata", end_time: "24:00" });
    const removed = await api.delete("/api/external/business-hours");
    expect(removed.status).toBe(200);
    expect(removed.body.time_zone).toBe("Asia/Kolkata");
    expect((await api.get("/api/external/business-hours")).status).toBe(404);
    expect((await api.delete("/api/external/business-hours")).status).toBe(404);
  });

  test("changes are in the activity log and emit business_hours events", async () => {
    const { api, tenantId } = await server.tenant();
    await api.put("/api/external/business-hours", NEW_YORK);
    await api.put("/api/external/business-hours", { ...NEW_YORK, start_time: "08:30" });
    await api.delete("/api/external/business-hours");
    const activity = await server.ctx.db.read
      .select()
      .from(activityLog)
      .where(and(eq(activityLog.tenantId, tenantId), eq(activityLog.entityType, "business_hours")))
      .orderBy(activityLog.syncSeq);
    expect(activity.map((a) => a.action)).toEqual(["created", "updated", "deleted"]);
    expect(activity[1].changes).toEqual({ start_time: { old: "09:00", new: "08:30" } });
    const events = (await outboxOf(server.ctx.db)).filter((e) => e.tenant_id === tenantId);
    expect(events.map((e) => e.event_type)).toEqual([
      "business_hours.updated",
      "business_hours.updated",
      "business_hours.deleted",
    ]);
    expect(events[1].data).toMatchObject({ start_time: "08:30" });
  });

  test("a zone name in any letter case is stored as its IANA name", async () => {
    const { api } = await server.tenant();
    const put = await api.put("/api/external/business-hours", {
      ...NEW_YORK,
      time_zone: "america/new_york",
    });
    expect(put.status).toBe(200);
    expect(put.body.time_zone).toBe("America/New_York");
    expect((await api.get("/api/external/business-hours")).body.time_zone).toBe("America/New_York");
  });

  test("invalid calendars are 422 at the field's path", async () => {
    const { api } = await server.tenant();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ time_zone: "Mars/Olympus_Mons" }, "/time_zone"],
      [{ time_zone: "+02:00" }, "/time_zone"],
      [{ end_time: "09:00" }, "/end_time"],
      [{ start_time: "9:00" }, "/start_time"],
      [{ start_time: "24:00" }, "/start_time"],
      [{ working_days: [] }, "/working_days"],
      [{ working_days: ["mon", "mon"] }, "/working_days"],
      [{ working_days: ["monday"] }, "/working_days/0"],
    ];
    for (const [patch, path] of cases) {
      const reply = await api.put("/api/external/business-hours", { ...NEW_YORK, ...patch });
      expect({ patch, status: reply.status }).toEqual({ patch, status: 422 });
      expect(reply.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await api.get("/api/external/business-hours")).status).toBe(404);
  });

  test("auth: 401 without a key, 403 without the scope, read-only keys can only read", async () => {
    expect((await server.anonymous.get("/api/external/business-hours")).status).toBe(401);
    expect((await server.anonymous.put("/api/external/business-hours", NEW_YORK)).status).toBe(401);
    const { api: reader } = await server.tenant(undefined, ["pipelines:read"]);
    expect((await reader.put("/api/external/business-hours", NEW_YORK)).status).toBe(403);
    expect((await reader.delete("/api/external/business-hours")).status).toBe(403);
    expect((await reader.get("/api/external/business-hours")).status).toBe(404);
    const { api: other } = await server.tenant(undefined, ["deals:read"]);
    expect((await other.get("/api/external/business-hours")).status).toBe(403);
    expect((await server.admin.get("/api/external/business-hours")).status).toBe(403);
  });

  test("tenants are isolated", async () => {
    const a = await server.tenant();
    const b = await server.tenant();
    await a.api.put("/api/external/business-hours", NEW_YORK);
    expect((await b.api.get("/api/external/business-hours")).status).toBe(404);
    expect((await b.api.delete("/api/external/business-hours")).status).toBe(404);
    expect((await a.api.get("/api/external/business-hours")).status).toBe(200);
  });
});

/** A deal entering an 8-hour SLA stage on Friday 15:00 EST, in a tenant on New York's business hours. */
async function dealEnteringFridayAfternoonInNewYork() {
  clock.set("2026-03-06T20:00:00.000Z");
  const { api, tenantId } = await server.tenant();
  await api.put("/api/external/business-hours", NEW_YORK);
  const pipelineId = await insertPipeline(server.ctx, tenantId);
  const stageId = await insertStage(server.ctx, tenantId, pipelineId, { slaHours: 8 });
  const dealId = await insertDeal(server.ctx, tenantId, pipelineId, stageId);
  await tick(server.ctx);
  return { api, dealId };
}

// Time only moves forward here, as it does for a running scheduler.
describe("SLA clocks in business hours", () => {
  test("New York: a deal entering Friday 15:00 warns and breaches on Monday, across the weekend and DST", async () => {
    const { dealId } = await dealEnteringFridayAfternoonInNewYork();
    // Around the clock the warning would be Saturday 02:24Z and the breach 04:00Z.
    for (const time of ["2026-03-07T03:00:00Z", "2026-03-08T20:00:00Z", "2026-03-09T17:23:59Z"]) {
      clock.set(time);
      await tick(server.ctx);
    }
    expect(await timeline(server.ctx, dealId)).toEqual([]);
    clock.set("2026-03-09T17:24:00Z"); // Monday 13:24 EDT: 2 h Friday + 4.4 h Monday
    await tick(server.ctx);
    clock.set("2026-03-09T19:00:00Z"); // Monday 15:00 EDT: 8 working hours
    await tick(server.ctx);
    clock.set("2026-03-10T19:00:00Z");
    await tick(server.ctx);
    const events = await outboxOf(server.ctx.db, { entityId: dealId });
    expect(events.map((e) => e.event_type)).toEqual(["sla.warning", "sla.breach"]);
    expect(events[0].metadata).toMatchObject({
      business_hours: true,
      target_hours: 8,
      elapsed_hours: 6.4,
      started_at: "2026-03-06T20:00:00.000Z",
      warning_at: "2026-03-09T17:24:00.000Z",
      due_at: "2026-03-09T19:00:00.000Z",
    });
    expect(events[1].metadata.elapsed_hours).toBe(8);
  });

  test("GET /pipeline counts a deal past SLA in working time, from the millisecond its breach is due", async () => {
    const { api, dealId } = await dealEnteringFridayAfternoonInNewYork();
    const shown = async (time: string) => {
      clock.set(time);
      await tick(server.ctx);
      const reply = await api.get("/api/external/pipeline");
      const [stage] = reply.body.pipelines[0].stages;
      const events = (await timeline(server.ctx, dealId)).map(([type]) => type);
      return { past_sla_count: stage.past_sla_count, events };
    };
    // 48 hours in stage, 2 of them working hours
    expect(await shown("2026-03-08T20:00:00Z")).toEqual({ past_sla_count: 0, events: [] });
    expect(await shown("2026-03-09T18:59:59.999Z")).toEqual({
      past_sla_count: 0,
      events: ["sla.warning"],
    });
    // Monday 15:00 EDT: 8 working hours
    expect(await shown("2026-03-09T19:00:00Z")).toEqual({
      past_sla_count: 1,
      events: ["sla.warning", "sla.breach"],
    });
  });

  test("Asia/Kolkata (+05:30): a lead entering Friday 16:00 IST warns and breaches Monday morning", async () => {
    clock.set("2026-03-13T10:30:00.000Z"); // Friday 16:00 IST
    const { api, tenantId } = await server.tenant();
    await api.put("/api/external/business-hours", {
      time_zone: "Asia/Kolkata",
      working_days: ["mon", "tue", "wed", "thu", "fri"],
      start_time: "09:30",
      end_time: "18:00",
    });
    const pipelineId = await insertPipeline(server.ctx, tenantId, {
      pipelineType: "qualification",
    });
    const stageId = await insertStage(server.ctx, tenantId, pipelineId, { slaHours: 4 });
    const leadId = await insertLead(server.ctx, tenantId, { pipelineId, stageId });
    await tick(server.ctx);
    clock.set("2026-03-16T05:11:59Z");
    await tick(server.ctx);
    expect(await timeline(server.ctx, leadId)).toEqual([]);
    clock.set("2026-03-16T05:12:00Z"); // Monday 10:42 IST: 2 h Friday + 1.2 h Monday
    await tick(server.ctx);
    clock.set("2026-03-16T06:00:00Z"); // Monday 11:30 IST
    await tick(server.ctx);
    expect(await timeline(server.ctx, leadId)).toEqual([
      ["sla.warning", "2026-03-16T05:12:00.000Z"],
      ["sla.breach", "2026-03-16T06:00:00.000Z"],
    ]);
  });

  test("setting a calendar re-arms the tenant's clocks: due times move, nothing fires twice", async () => {
    clock.set("2026-03-20T13:00:00.000Z"); // Friday 09:00 EDT
    const { api, tenantId } = await server.tenant();
    const pipelineId = await insertPipeline(server.ctx, tenantId);
    const stageId = await insertStage(server.ctx, tenantId, pipelineId, { slaHours: 10 });
    const dealId = await insertDeal(server.ctx, tenantId, pipelineId, stageId);
    await tick(server.ctx);
    clock.advance(hours(8)); // around the clock: the warning is due
    await tick(server.ctx);
    expect((await timeline(server.ctx, dealId)).map(([type]) => type)).toEqual(["sla.warning"]);
    await api.put("/api/external/business-hours", NEW_YORK); // 8 working hours on Friday: breach Monday 11:00 EDT
    clock.set("2026-03-21T12:00:00Z");
    await tick(server.ctx);
    clock.set("2026-03-23T15:00:00Z");
    await tick(server.ctx);
    expect(await timeline(server.ctx, dealId)).toEqual([
      ["sla.warning", "2026-03-20T21:00:00.000Z"],
      ["sla.breach", "2026-03-23T15:00:00.000Z"],
    ]);
    await api.delete("/api/external/business-hours");
    clock.advance(hours(1));
    await tick(server.ctx);
    expect(await timeline(server.ctx, dealId)).toHaveLength(2);
  });

  test("Santiago, where DST starts at midnight: Saturday's last hour counts, and the clock stops when Saturday ends", async () => {
    // Clocks jump from Saturday 2026-09-05 24:00 (-04) to Sunday 01:00 (-03) at 04:00Z.
    clock.set("2026-09-06T02:00:00.000Z"); // Saturday 22:00 -04
    const { api, tenantId } = await server.tenant();
    await api.put("/api/external/business-hours", {
      time_zone: "America/Santiago",
      working_days: ["mon", "tue", "wed", "thu", "fri", "sat"],
      start_time: "00:00",
      end_time: "24:00",
    });
    const pipelineId = await insertPipeline(server.ctx, tenantId);
    const stageId = await insertStage(server.ctx, tenantId, pipelineId, { slaHours: 2 });
    const dealId = await insertDeal(server.ctx, tenantId, pipelineId, stageId);
    await tick(server.ctx);
    for (const time of ["2026-09-06T03:36:00Z", "2026-09-06T04:00:00Z", "2026-09-08T12:00:00Z"]) {
      clock.set(time);
      await tick(server.ctx);
    }
    // Two working hours from Saturday 22:00: warning at 23:36, breach at Saturday's end.
    expect(await timeline(server.ctx, dealId)).toEqual([
      ["sla.warning", "2026-09-06T03:36:00.000Z"],
      ["sla.breach", "2026-09-06T04:00:00.000Z"],
    ]);
  });

  test("a target one tenant's calendar cannot reach never comes due and stops no other tenant's SLA events", async () => {
    clock.set("2026-10-05T13:00:00.000Z"); // Monday 09:00 EDT
    // 50 000 working hours at 40 a week: about 24 years, past the 20 the clock looks ahead.
    const far = await server.tenant();
    await far.api.put("/api/external/business-hours", NEW_YORK);
    const farPipeline = await far.api.post("/api/external/pipelines", {
      name: "Renewals",
      pipeline_type: "sales",
      stages: [
        { name: "Waiting", sla_hours: 50_000 },
        { name: "Won", kind: "won" },
      ],
    });
    expect(farPipeline.status).toBe(201);
    const farDeal = await far.api.post("/api/external/deals", {
      title: "Renewal",
      pipeline_id: farPipeline.body.id,
    });
    expect(farDeal.status).toBe(201);
    // In the stage since 2007: its warning (40 000 h) has passed, its breach never comes.
    const oldDeal = await insertDeal(
      server.ctx,
      far.tenantId,
      farPipeline.body.id,
      farPipeline.body.stages[0].id,
      { stageEnteredAt: new Date("2007-01-02T14:00:00Z") },
    );

    const receiver = startReceiver();
    try {
      const other = await server.tenant();
      const hook = await other.api.post("/api/external/webhooks", {
        url: receiver.url("/sla"),
        events: ["sla.*"],
      });
      expect(hook.status).toBe(201);
      const pipeline = await other.api.post("/api/external/pipelines", {
        name: "Sales",
        pipeline_type: "sales",
        stages: [
          { name: "Discovery", sla_hours: 1 },
          { name: "Won", kind: "won" },
        ],
      });
      const deal = await other.api.post("/api/external/deals", {
        title: "Acme",
        pipeline_id: pipeline.body.id,
      });
      expect(deal.status).toBe(201);

      for (const time of ["2026-10-05T13:01:00Z", "2026-10-05T14:30:00Z", "2026-10-06T13:00:00Z"]) {
        clock.set(time);
        await tick(server.ctx);
      }
      const dispatcher = server.ctx.workers.find(
        (w) => w.name === "webhook-dispatcher",
      ) as WebhookDispatcher;
      await dispatcher.drain();
      expect(receiver.received.map((r) => [r.json.event_type, r.json.data.id])).toEqual([
        ["sla.warning", deal.body.id],
        ["sla.breach", deal.body.id],
      ]);
      for (const request of receiver.received)
        expect(standardVerifies(hook.body.secret, request)).toBe(true);
      expect(await timeline(server.ctx, farDeal.body.id)).toEqual([]);
      const [warning, ...more] = await outboxOf(server.ctx.db, { entityId: oldDeal });
      expect(more).toEqual([]);
      expect(warning.event_type).toBe("sla.warning");
      expect(warning.metadata).toMatchObject({ target_hours: 50_000, due_at: null });
    } finally {
      receiver.close();
    }
  }, 30_000); // each tick walks the calendar's 20 years for the unreachable target
});
