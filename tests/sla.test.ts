import { beforeEach, describe, expect, test } from "bun:test";
import { ManualClock } from "../src/clock";
import { outboxOf } from "./helpers/records";
import type { TenantClient } from "./helpers/server";
import { useTestServer } from "./helpers/suite";
import {
  hours,
  insertDeal,
  insertLead,
  insertPipeline,
  insertStage,
  minutes,
  moveDeal,
  tick,
  timeline,
  updateDeal,
  updateLead,
  updateStage,
} from "./sla.fixtures";

const T0 = Date.parse("2026-03-02T12:00:00.000Z"); // a Monday
const at = (ms: number) => new Date(T0 + ms).toISOString();

let tenantId: string;
let tenant: TenantClient;
let pipelineId: string;
/** 10 h target, warning at 80 % (8 h). */
let stageA: string;
/** 4 h target, warning 60 minutes before it (3 h). */
let stageB: string;

const clock = new ManualClock(new Date(T0));
const server = useTestServer({ clock });

beforeEach(async () => {
  // Each test gets its own tenant and policies; the jobs keep running over the same database.
  tenant = await server.tenant();
  tenantId = tenant.tenantId;
  pipelineId = await insertPipeline(server.ctx, tenantId);
  stageA = await insertStage(server.ctx, tenantId, pipelineId, { name: "Discovery", slaHours: 10 });
  stageB = await insertStage(server.ctx, tenantId, pipelineId, {
    name: "Proposal",
    slaHours: 4,
    warnBeforeMinutes: 60,
  });
  await tick(server.ctx); // arms the new policies
});

/** Moves the clock on and ticks; returns the new offset from the test's start. */
async function advance(ms: number) {
  clock.advance(ms);
  await tick(server.ctx);
}

describe("deals: time in stage", () => {
  test("warning at 80 %, then breach at the target, each once, with the policy in metadata", async () => {
    const start = clock.now().getTime() - T0;
    const dealId = await insertDeal(server.ctx, tenantId, pipelineId, stageA);
    await advance(hours(8) - minutes(1));
    expect(await timeline(server.ctx, dealId)).toEqual([]);
    await advance(minutes(1));
    await advance(0); // a tick with nothing new due
    const [warning] = await outboxOf(server.ctx.db, { entityId: dealId });
    expect(warning.event_type).toBe("sla.warning");
    expect(warning.tenant_id).toBe(tenantId);
    expect(warning.data).toMatchObject({
      id: dealId,
      status: "open",
      stage_id: stageA,
      stage: "Discovery",
      pipeline_id: pipelineId,
      stage_entered_at: at(start),
    });
    expect(warning.data).toEqual((await tenant.api.get(`/api/external/deals/${dealId}`)).body);
    expect(warning.metadata).toEqual({
      policy: "stage_sla",
      entity_type: "deal",
      pipeline_id: pipelineId,
      stage_id: stageA,
      stage: "Discovery",
      target_hours: 10,
      elapsed_hours: 8,
      started_at: at(start),
      warning_at: at(start + hours(8)),
      due_at: at(start + hours(10)),
      business_hours: false,
    });
    await advance(hours(2));
    await advance(hours(5));
    const events = await outboxOf(server.ctx.db, { entityId: dealId });
    expect(events.map((e) => e.event_type)).toEqual(["sla.warning", "sla.breach"]);
    expect(events[1].metadata).toMatchObject({ elapsed_hours: 10, due_at: at(start + hours(10)) });
  });

  test("warn_before_minutes sets the warning point", async () => {
    const start = clock.now().getTime() - T0;
    const dealId = await insertDeal(server.ctx, tenantId, pipelineId, stageB);
    await advance(hours(3));
    await advance(hours(1));
    expect(await timeline(server.ctx, dealId)).toEqual([
      ["sla.warning", at(start + hours(3))],
      ["sla.breach", at(start + hours(4))],
    ]);
  });

  test("a move starts a new clock; moving back starts another", async () => {
    const start = clock.now().getTime() - T0;
    const dealId = await insertDeal(server.ctx, tenantId, pipelineId, stageA);
    await advance(hours(8)); // warning in A
    await moveDeal(server.ctx, dealId, stageB);
    await advance(hours(2)); // A's target passes: the deal is no longer there
    await advance(hours(1)); // 3 h in B: warning
    await moveDeal(server.ctx, dealId, stageA); // back before B's target
    await advance(hours(8));
    await advance(hours(2));
    expect(await timeline(server.ctx, dealId)).toEqual([
      ["sla.warning", at(start + hours(8))],
      ["sla.warning", at(start + hours(11))],
      ["sla.warning", at(start + hours(19))],
      ["sla.breach", at(start + hours(21))],
    ]);
  });

  test("won, lost and deleted deals stop their clocks", async () => {
    const won = await insertDeal(server.ctx, tenantId, pipelineId, stageA);
    const deleted = await insertDeal(server.ctx, tenantId, pipelineId, stageA);
    await advance(hours(8));
    await updateDeal(server.ctx, won, { status: "won", wonAt: clock.now() });
    await updateDeal(server.ctx, deleted, { deletedAt: clock.now() });
    await advance(hours(3));
    expect((await timeline(server.ctx, won)).map(([type]) => type)).toEqual(["sla.warning"]);
    expect((await timeline(server.ctx, deleted)).map(([type]) => type)).toEqual(["sla.warning"]);
  });

  test("a deal written with a stage clock already past its target gets one breach", async () => {
    const start = clock.now().getTime() - T0;
    const dealId = await insertDeal(server.ctx, tenantId, pipelineId, stageA, {
      stageEnteredAt: new Date(T0 + start - hours(20)),
    });
    await advance(minutes(1));
    await advance(minutes(1));
    expect(await timeline(server.ctx, dealId)).toEqual([["sla.breach", at(start - hours(10))]]);
  });
});

describe("the exact target millisecond", () => {
  test("GET /pipeline counts a deal past SLA from the millisecond its sla.breach is due", async () => {
    // 1.1 h is 3,960,000 ms, though 1.1 × 3,600,000 in floating point is a little more.
    const stage = await insertStage(server.ctx, tenantId, pipelineId, { slaHours: 1.1 });
    await tick(server.ctx);
    const dealId = await insertDeal(server.ctx, tenantId, pipelineId, stage);
    const shown = async () => {
      const reply = await tenant.api.get("/api/external/pipeline");
      const stages = reply.body.pipelines.flatMap((p: { stages: unknown[] }) => p.stages);
      const { past_sla_count } = stages.find((s: { id: string }) => s.id === stage);
      const events = (await timeline(server.ctx, dealId)).map(([type]) => type);
      return { past_sla_count, events };
    };
    await advance(minutes(66) - 1);
    expect(await shown()).toEqual({ past_sla_count: 0, events: ["sla.warning"] });
    await advance(1);
    expect(await shown()).toEqual({ past_sla_count: 1, events: ["sla.warning", "sla.breach"] });
  });
});

describe("closing stages", () => {
  test("a lead in a won stage with sla_hours has no SLA clock: no events, not counted past SLA", async () => {
    const qualification = await insertPipeline(server.ctx, tenantId, {
      pipelineType: "qualification",
    });
    const won = await insertStage(server.ctx, tenantId, qualification, {
      kind: "won",
      slaHours: 1,
    });
    await tick(server.ctx);
    const leadId = await insertLead(server.ctx, tenantId, {
      pipelineId: qualification,
      stageId: won,
      status: "qualified",
    });
    await advance(hours(2));
    const reply = await tenant.api.get("/api/external/pipeline?pipeline_type=qualification");
    const [stage] = reply.body.pipelines[0].stages;
    expect({ count: stage.count, past_sla_count: stage.past_sla_count }).toEqual({
      count: 1,
      past_sla_count: 0,
    });
    expect(await timeline(server.ctx, leadId)).toEqual([]);
  });
});

describe("several tenants", () => {
  test("stages sharing a target are checked together; each event keeps its tenant and stage", async () => {
    const other = (await server.tenant()).tenantId;
    const otherPipeline = await insertPipeline(server.ctx, other);
    const otherStage = await insertStage(server.ctx, other, otherPipeline, {
      name: "Elsewhere",
      slaHours: 10,
    });
    await tick(server.ctx);
    const mine = await insertDeal(server.ctx, tenantId, pipelineId, stageA);
    const theirs = await insertDeal(server.ctx, other, otherPipeline, otherStage);
    await advance(hours(10));
    const events = (await outboxOf(server.ctx.db)).filter((e) =>
      [mine, theirs].includes(e.data.id),
    );
    expect(events.map((e) => [e.data.id, e.tenant_id, e.event_type, e.metadata.stage])).toEqual([
      [mine, tenantId, "sla.warning", "Discovery"],
      [theirs, other, "sla.warning", "Elsewhere"],
      [mine, tenantId, "sla.breach", "Discovery"],
      [theirs, other, "sla.breach", "Elsewhere"],
    ]);
  });
});

describe("policies created over existing records", () => {
  test("one event each (the latest point passed), never one per tick", async () => {
    const plain = await insertStage(server.ctx, tenantId, pipelineId, { name: "No SLA yet" });
    const start = clock.now().getTime() - T0;
    const old = await insertDeal(server.ctx, tenantId, pipelineId, plain);
    await advance(hours(21));
    const middle = await insertDeal(server.ctx, tenantId, pipelineId, plain);
    await advance(hours(8) + minutes(30));
    const recent = await insertDeal(server.ctx, tenantId, pipelineId, plain);
    await advance(hours(1));
    // Now: old 30.5 h in stage, middle 9.5 h, recent 1 h. The policy appears: 10 h, warning at 8 h.
    await updateStage(server.ctx, plain, { slaHours: 10 });
    await advance(0);
    await advance(minutes(1));
    await advance(minutes(1));
    expect(await timeline(server.ctx, old)).toEqual([["sla.breach", at(start + hours(10))]]);
    expect(await timeline(server.ctx, middle)).toEqual([["sla.warning", at(start + hours(29))]]);
    expect(await timeline(server.ctx, recent)).toEqual([]);
    await advance(hours(1));
    expect(await timeline(server.ctx, middle)).toEqual([
      ["sla.warning", at(start + hours(29))],
      ["sla.breach", at(start + hours(31))],
    ]);
    // Changing the policy re-arms it without repeating what was already emitted.
    await updateStage(server.ctx, plain, { slaHours: 9 });
    await advance(0); // re-armed: recent is 2 h in, nothing due yet
    await advance(hours(9));
    expect(await timeline(server.ctx, old)).toHaveLength(1);
    expect(await timeline(server.ctx, middle)).toHaveLength(2);
    expect((await timeline(server.ctx, recent)).map(([type]) => type)).toEqual([
      "sla.warning",
      "sla.breach",
    ]);
  });
});

describe("leads", () => {
  let qualification: string;
  let stageQ: string;
  beforeEach(async () => {
    qualification = await insertPipeline(server.ctx, tenantId, {
      pipelineType: "qualification",
      firstResponseHours: 2,
    });
    stageQ = await insertStage(server.ctx, tenantId, qualification, {
      name: "Qualifying",
      slaHours: 24,
    });
    await tick(server.ctx);
  });

  test("first response: warning at 80 % then breach while the lead stays new", async () => {
    const start = clock.now().getTime() - T0;
    const leadId = await insertLead(server.ctx, tenantId, { pipelineId: qualification });
    await advance(minutes(96));
    await advance(minutes(24));
    const events = await outboxOf(server.ctx.db, { entityId: leadId });
    expect(events.map((e) => [e.event_type, e.metadata.policy])).toEqual([
      ["sla.warning", "first_response"],
      ["sla.breach", "first_response"],
    ]);
    expect(events[1].data).toMatchObject({ id: leadId, status: "new", pipeline_id: qualification });
    expect(events[1].data).toEqual((await tenant.api.get(`/api/external/leads/${leadId}`)).body);
    expect(events[1].metadata).toMatchObject({
      entity_type: "lead",
      pipeline_id: qualification,
      stage_id: null,
      target_hours: 2,
      elapsed_hours: 2,
      started_at: at(start),
      warning_at: at(start + minutes(96)),
      due_at: at(start + hours(2)),
    });
  });

  test("a lead contacted in time gets no first-response event; its stage clock runs on", async () => {
    const start = clock.now().getTime() - T0;
    const leadId = await insertLead(server.ctx, tenantId, {
      pipelineId: qualification,
      stageId: stageQ,
    });
    await advance(hours(1));
    await updateLead(server.ctx, leadId, { status: "contacted", firstRespondedAt: clock.now() });
    await advance(hours(2));
    await advance(hours(16) + minutes(12)); // 19.2 h in stage
    await advance(hours(4) + minutes(48)); // 24 h
    const events = await outboxOf(server.ctx.db, { entityId: leadId });
    expect(events.map((e) => [e.event_type, e.metadata.policy, e.metadata.due_at])).toEqual([
      ["sla.warning", "stage_sla", at(start + hours(24))],
      ["sla.breach", "stage_sla", at(start + hours(24))],
    ]);
    expect(events[0].data).toMatchObject({ stage: "Qualifying", status: "contacted" });
    expect(events[0].metadata).toMatchObject({ stage_id: stageQ, stage: "Qualifying" });
  });

  test("disqualified and converted leads stop their clocks", async () => {
    const disqualified = await insertLead(server.ctx, tenantId, {
      pipelineId: qualification,
      stageId: stageQ,
    });
    const converted = await insertLead(server.ctx, tenantId, {
      pipelineId: qualification,
      stageId: stageQ,
    });
    await advance(hours(1));
    await updateLead(server.ctx, disqualified, { status: "disqualified" });
    await updateLead(server.ctx, converted, { status: "converted" });
    await advance(hours(30));
    expect(await timeline(server.ctx, disqualified)).toEqual([]);
    expect(await timeline(server.ctx, converted)).toEqual([]);
  });
});

describe("catch-up after downtime", () => {
  test("the first tick emits what became due meanwhile, in due order, once, with true due times", async () => {
    const start = clock.now().getTime() - T0;
    const first = await insertDeal(server.ctx, tenantId, pipelineId, stageA);
    clock.advance(hours(1));
    const second = await insertDeal(server.ctx, tenantId, pipelineId, stageB);
    clock.advance(hours(12)); // no ticks for 12 hours
    await tick(server.ctx);
    await tick(server.ctx);
    const events = (await outboxOf(server.ctx.db)).filter((e) =>
      [first, second].includes(e.data.id),
    );
    expect(
      events.map((e) => [e.data.id, e.event_type, e.metadata.warning_at, e.metadata.due_at]),
    ).toEqual([
      [second, "sla.warning", at(start + hours(4)), at(start + hours(5))],
      [second, "sla.breach", at(start + hours(4)), at(start + hours(5))],
      [first, "sla.warning", at(start + hours(8)), at(start + hours(10))],
      [first, "sla.breach", at(start + hours(8)), at(start + hours(10))],
    ]);
    expect(events[3].metadata.elapsed_hours).toBe(13);
  });
});

describe("failures", () => {
  test("a failed run rolls back its events and claims; the next tick emits them once", async () => {
    const start = clock.now().getTime() - T0;
    const dealId = await insertDeal(server.ctx, tenantId, pipelineId, stageB);
    const write = server.ctx.write;
    server.ctx.write = (fn) =>
      write(async (tx) => {
        await fn(tx);
        throw new Error("disk full");
      });
    clock.advance(hours(3));
    try {
      const failed = await server.ctx.scheduler.runNow("sla");
      expect(failed).toMatchObject({ outcome: "error", error: "disk full" });
    } finally {
      server.ctx.write = write;
    }
    expect(await timeline(server.ctx, dealId)).toEqual([]);
    const [status] = (await server.ctx.scheduler.status()).filter((j) => j.name === "sla");
    expect(status).toMatchObject({ last_outcome: "error", last_error: "disk full" });
    expect(status.watermark).not.toBe(at(start + hours(3)));
    await advance(minutes(1));
    await advance(minutes(1));
    expect(await timeline(server.ctx, dealId)).toEqual([["sla.warning", at(start + hours(3))]]);
  });
});
