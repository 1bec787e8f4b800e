import { describe, expect, test } from "bun:test";
import { createDealInTx } from "../plugins/deals/service";
import { updateStage } from "../plugins/pipelines/service";
import { ManualClock } from "../src/clock";
import { writeScope } from "../src/core";
import { expect422, expectEnvelope } from "./helpers/api";
import { activityFor, eventsFor } from "./helpers/records";
import type { Api } from "./helpers/server";
import { useTestServer } from "./helpers/suite";
import {
  createDeal,
  createLead,
  qualificationPipeline,
  SALES_STAGES,
  salesPipeline,
} from "./sales-fixtures";

const HOUR = 3_600_000;
const clock = new ManualClock(new Date("2026-03-02T09:00:00.000Z"));
const server = useTestServer({ clock });

const url = "/api/external/pipelines";

describe("POST /pipelines", () => {
  test("creates ordered stages with their SLA policy; the first of a type becomes the default", async () => {
    const { api, tenantId } = await server.tenant();
    const reply = await api.post(url, {
      name: "Sales",
      pipeline_type: "sales",
      first_response_hours: 2,
      stages: [
        { name: "Discovery", sla_hours: 24, sla_warning_pct: 75, warn_before_minutes: 30 },
        { name: "Won", kind: "won", probability: 100 },
      ],
    });
    expect(reply.status).toBe(201);
    const pipeline = reply.body;
    expect(pipeline).toMatchObject({
      name: "Sales",
      pipeline_type: "sales",
      is_default: true,
      first_response_hours: 2,
      deleted_at: null,
    });
    expect(pipeline.stages).toMatchObject([
      {
        name: "Discovery",
        position: 1,
        kind: "open",
        sla_hours: 24,
        sla_warning_pct: 75,
        warn_before_minutes: 30,
        probability: null,
        pipeline_id: pipeline.id,
      },
      { name: "Won", position: 2, kind: "won", sla_hours: null, sla_warning_pct: 80 },
    ]);

    const second = await salesPipeline(api, "Second");
    expect(second.is_default).toBe(false);

    const [event] = await eventsFor(server, pipeline.id);
    expect(event).toMatchObject({ event_type: "pipeline.created", tenant_id: tenantId });
    expect(event.data).toEqual(pipeline);
    const [activity] = await activityFor(server, pipeline.id);
    expect(activity).toMatchObject({ entityType: "pipeline", action: "created" });
    expect(activity.changes.name).toEqual({ old: null, new: "Sales" });
  });

  test("rejects bad stage lists with the field path", async () => {
    const { api } = await server.tenant();
    const base = { name: "P", pipeline_type: "sales" };
    const cases: Array<[unknown[], string]> = [
      [[{ name: "A" }, { name: " a " }], "/stages/1/name"],
      [[{ name: "A", sla_warning_pct: 0 }], "/stages/0/sla_warning_pct"],
      [[{ name: "A", sla_warning_pct: 100 }], "/stages/0/sla_warning_pct"],
      [[{ name: "A", sla_hours: 0 }], "/stages/0/sla_hours"],
      [[{ name: "A", kind: "maybe" }], "/stages/0/kind"],
      [[{ name: "Won", kind: "won" }], "/stages"],
      [[], "/stages"],
    ];
    for (const [stages, path] of cases) expect422(await api.post(url, { ...base, stages }), path);
    expect422(await api.post(url, { ...base, pipeline_type: "x", stages: [] }), "/pipeline_type");
    // a qualification pipeline may have no stages
    expect(
      (await api.post(url, { ...base, pipeline_type: "qualification", stages: [] })).status,
    ).toBe(201);
  });

  test("a new default replaces the old one, which says so in its own event", async () => {
    const { api } = await server.tenant();
    const first = await salesPipeline(api, "First");
    const second = await salesPipeline(api, "Second", { is_default: true });
    expect(second.is_default).toBe(true);
    expect((await api.get(`${url}/${first.id}`)).body.is_default).toBe(false);
    const events = await eventsFor(server, first.id);
    expect(events.map((e) => e.event_type)).toEqual(["pipeline.created", "pipeline.updated"]);
    expect(events[1].metadata.changed_fields).toEqual(["is_default"]);
    expect((await activityFor(server, first.id))[1].changes.is_default).toEqual({
      old: true,
      new: false,
    });
    // deals without pipeline_id land in the default
    expect((await createDeal(api)).pipeline_id).toBe(second.id);
  });
});

describe("GET /pipelines and /pipelines/{id}", () => {
  test("lists with the seed envelope, filters by type, and gets one with its stages in order", async () => {
    const { api } = await server.tenant();
    const sales = await salesPipeline(api);
    const qualification = await qualificationPipeline(api);
    const all = await api.get(url);
    expect(all.status).toBe(200);
    expectEnvelope(all.body, "pipelines");
    expect(all.body).toMatchObject({ total: 2, page: 1, page_size: 50, has_more: false });
    const onlySales = await api.get(`${url}?pipeline_type=sales&page_size=1`);
    expect(onlySales.body.pipelines.map((p: any) => p.id)).toEqual([sales.id]);
    expect(onlySales.body.pipelines[0].stages.map((s: any) => s.name)).toEqual(
      SALES_STAGES.map((s) => s.name),
    );
    expect422(await api.get(`${url}?pipeline_type=other`), "/pipeline_type");
    expect422(await api.get(`${url}?page_size=0`), "/page_size");
    expect422(await api.get(`${url}?page_size=501`), "/page_size");
    const one = await api.get(`${url}/${qualification.id}`);
    expect(one.body).toEqual(qualification);
  });

  test("another tenant's pipeline is 404 for reads and writes", async () => {
    const owner = await server.tenant();
    const other = await server.tenant();
    const pipeline = await salesPipeline(owner.api);
    const stageId = pipeline.stages[0].id;
    expect((await other.api.get(`${url}/${pipeline.id}`)).status).toBe(404);
    expect((await other.api.patch(`${url}/${pipeline.id}`, { name: "x" })).status).toBe(404);
    expect((await other.api.delete(`${url}/${pipeline.id}`)).status).toBe(404);
    expect((await other.api.post(`${url}/${pipeline.id}/stages`, { name: "x" })).status).toBe(404);
    expect((await other.api.delete(`${url}/${pipeline.id}/stages/${stageId}`)).status).toBe(404);
    expect((await other.api.get(url)).body.total).toBe(0);
    expect((await owner.api.get(`${url}/${pipeline.id}`)).body.name).toBe("Sales");
  });
});

describe("PATCH /pipelines/{id}", () => {
  test("renames and replaces stages: given ids keep their stage, new ones are added, the rest removed", async () => {
    const { api } = await server.tenant();
    const pipeline = await salesPipeline(api);
    const [discovery, proposal, won] = pipeline.stages;
    const reply = await api.patch(`${url}/${pipeline.id}`, {
      name: "Renamed",
      first_response_hours: 8,
      stages: [
        { id: proposal.id, name: "Proposal", sla_hours: 12 },
        { name: "Negotiation" },
        { id: discovery.id, name: "Discovery" },
        { id: won.id, name: "Closed won" },
      ],
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ name: "Renamed", first_response_hours: 8 });
    const stages = reply.body.stages;
    expect(stages.map((s: any) => [s.name, s.position])).toEqual([
      ["Proposal", 1],
      ["Negotiation", 2],
      ["Discovery", 3],
      ["Closed won", 4],
    ]);
    expect(stages[0]).toMatchObject({ id: proposal.id, sla_hours: 12 });
    expect(stages[2]).toMatchObject({ id: discovery.id, sla_hours: 24, probability: 10 });
    expect(stages[3]).toMatchObject({ id: won.id, kind: "won" });
    expect((await api.get(`${url}/${pipeline.id}`)).body).toEqual(reply.body);

    const events = await eventsFor(server, pipeline.id);
    expect(events[1].event_type).toBe("pipeline.updated");
    expect(events[1].metadata.changed_fields).toEqual(
      expect.arrayContaining(["name", "first_response_hours", "stages"]),
    );
    const activity = await activityFor(server, pipeline.id);
    expect(activity[1].changes.name).toEqual({ old: "Sales", new: "Renamed" });
    expect(activity[1].changes.stages.old).toHaveLength(4);
    // a PATCH that changes nothing writes nothing
    const inputs = stages.map(({ id, name, sla_hours }: any) => ({ id, name, sla_hours }));
    const same = await api.patch(`${url}/${pipeline.id}`, { name: "Renamed", stages: inputs });
    expect(same.body).toEqual(reply.body);
    expect(await eventsFor(server, pipeline.id)).toHaveLength(2);
  });

  test("refuses unknown stage ids, and removing or re-kinding a stage that deals are in", async () => {
    const { api } = await server.tenant();
    const pipeline = await salesPipeline(api);
    const [discovery, proposal, won, lost] = pipeline.stages;
    await createDeal(api); // in Discovery
    expect422(
      await api.patch(`${url}/${pipeline.id}`, { stages: [{ id: "nope", name: "X" }] }),
      "/stages/0/id",
    );
    const withoutDiscovery = [proposal, won, lost].map(({ id, name }) => ({ id, name }));
    const removal = await api.patch(`${url}/${pipeline.id}`, { stages: withoutDiscovery });
    expect(removal.status).toBe(409);
    const rekind = await api.patch(`${url}/${pipeline.id}`, {
      stages: [{ id: discovery.id, name: "Discovery", kind: "lost" }, ...withoutDiscovery],
    });
    expect(rekind.status).toBe(409);
    expect((await api.get(`${url}/${pipeline.id}`)).body.stages).toHaveLength(4);
    expect((await eventsFor(server, pipeline.id)).map((e) => e.event_type)).toEqual([
      "pipeline.created",
    ]);
  });
});

describe("stage routes", () => {
  test("add at a position, update and move, remove", async () => {
    const { api } = await server.tenant();
    const pipeline = await salesPipeline(api);
    const stagesUrl = `${url}/${pipeline.id}/stages`;
    const added = await api.post(stagesUrl, { name: "Demo", position: 2, sla_hours: 6 });
    expect(added.status).toBe(201);
    expect(added.body.stages.map((s: any) => s.name)).toEqual([
      "Discovery",
      "Demo",
      "Proposal",
      "Won",
      "Lost",
    ]);
    const demo = added.body.stages[1];
    expect422(await api.post(stagesUrl, { name: "demo" }), "/name");
    expect422(
      await api.patch(`${stagesUrl}/${demo.id}`, { sla_warning_pct: 0 }),
      "/sla_warning_pct",
    );

    const moved = await api.patch(`${stagesUrl}/${demo.id}`, {
      name: "Live demo",
      position: 1,
      sla_warning_pct: 50,
      warn_before_minutes: 15,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.stages[0]).toMatchObject({
      id: demo.id,
      name: "Live demo",
      position: 1,
      sla_hours: 6,
      sla_warning_pct: 50,
      warn_before_minutes: 15,
    });
    expect(moved.body.stages.map((s: any) => s.position)).toEqual([1, 2, 3, 4, 5]);

    const removed = await api.delete(`${stagesUrl}/${demo.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body.stages.map((s: any) => s.name)).toEqual(SALES_STAGES.map((s) => s.name));
    expect((await api.delete(`${stagesUrl}/${demo.id}`)).status).toBe(404);
    expect((await api.patch(`${stagesUrl}/${demo.id}`, { name: "x" })).status).toBe(404);
  });

  test("a renamed stage moves its deals and leads in the sync feeds, so a mirror shows the new name", async () => {
    const { api } = await server.tenant();
    const sales = await salesPipeline(api);
    const qualification = await qualificationPipeline(api);
    const deal = await createDeal(api);
    const untouched = await createDeal(api, { stage: "Proposal" });
    const lead = await createLead(api);
    const feeds = { deals: "/api/external/deals", leads: "/api/external/leads" };
    const cursors = {
      deals: (await api.get(`${feeds.deals}?cursor=`)).body.next_cursor,
      leads: (await api.get(`${feeds.leads}?cursor=`)).body.next_cursor,
    };
    clock.advance(1000);
    const since = clock.now().toISOString();
    const events = (await eventsFor(server, deal.id)).length;
    await api.patch(`${url}/${sales.id}/stages/${sales.stages[0].id}`, { name: "Qualify" });
    const [inbox, working] = qualification.stages;
    const replaced = await api.patch(`${url}/${qualification.id}`, {
      stages: [
        { id: inbox.id, name: "New" },
        { id: working.id, name: working.name },
      ],
    });
    expect(replaced.status).toBe(200);

    const dealFeed = await api.get(`${feeds.deals}?cursor=${cursors.deals}`);
    expect(dealFeed.body.deals.map((d: any) => [d.id, d.stage])).toEqual([[deal.id, "Qualify"]]);
    expect(dealFeed.body.deals[0].updated_at).toBe(since);
    const leadFeed = await api.get(`${feeds.leads}?since=${encodeURIComponent(since)}`);
    expect(leadFeed.body.leads.map((l: any) => [l.id, l.stage])).toEqual([[lead.id, "New"]]);
    expect((await api.get(`${feeds.leads}?cursor=${cursors.leads}`)).body.leads).toHaveLength(1);
    // a change of the pipeline, not of the deal: no deal events
    expect(await eventsFor(server, deal.id)).toHaveLength(events);
    expect((await api.get(`${feeds.deals}/${untouched.id}`)).body).toEqual(untouched);
  });

  test("a stage with a deal in it cannot be removed; the last open stage of a sales pipeline neither", async () => {
    const { api } = await server.tenant();
    const pipeline = await salesPipeline(api);
    const [discovery, proposal] = pipeline.stages;
    await createDeal(api, { stage_id: discovery.id });
    expect((await api.delete(`${url}/${pipeline.id}/stages/${discovery.id}`)).status).toBe(409);
    const other = await salesPipeline(api, "Other");
    expect((await api.delete(`${url}/${other.id}/stages/${other.stages[1].id}`)).status).toBe(200);
    expect422(await api.delete(`${url}/${other.id}/stages/${other.stages[0].id}`), "/stages");
    // a stage of another pipeline is not found under this one
    expect((await api.delete(`${url}/${other.id}/stages/${proposal.id}`)).status).toBe(404);
  });
});

describe("default placement of new deals", () => {
  const placed = async (api: Api) => {
    const deal = await createDeal(api);
    return `${deal.pipeline_id}/${deal.stage}`;
  };

  test("follows every change of stages and of the default pipeline at once", async () => {
    const { api } = await server.tenant();
    const first = await salesPipeline(api);
    expect(await placed(api)).toBe(`${first.id}/Discovery`);
    await api.post(`${url}/${first.id}/stages`, { name: "Inbound", position: 1 });
    expect(await placed(api)).toBe(`${first.id}/Inbound`);
    const inbound = (await api.get(`${url}/${first.id}`)).body.stages[0];
    await api.patch(`${url}/${first.id}/stages/${inbound.id}`, { name: "Triage" });
    expect(await placed(api)).toBe(`${first.id}/Triage`);
    const second = await salesPipeline(api, "Enterprise", { is_default: true });
    expect(await placed(api)).toBe(`${second.id}/Discovery`);
    await api.patch(`${url}/${first.id}`, { is_default: true });
    expect(await placed(api)).toBe(`${first.id}/Triage`);
  });

  test("a change written by another process (straight to the database) is seen at once", async () => {
    const { api } = await server.tenant();
    const pipeline = await salesPipeline(api);
    expect(await placed(api)).toBe(`${pipeline.id}/Discovery`);
    await server.ctx.db.execute(
      "UPDATE stages SET name = 'Renamed elsewhere' WHERE pipeline_id = ? AND position = 1",
      [pipeline.id],
    );
    expect(await placed(api)).toBe(`${pipeline.id}/Renamed elsewhere`);
  });

  test("deals before and after a stage rename in one group commit get the name of their moment", async () => {
    const { api, tenantId } = await server.tenant();
    const pipeline = await salesPipeline(api);
    expect(await placed(api)).toBe(`${pipeline.id}/Discovery`); // the default is now kept
    const { ctx } = server;
    const scope = writeScope(ctx, tenantId, { type: "system", id: null, name: null });
    const deal = (title: string) => ctx.write((tx) => createDealInTx(tx, scope, { title }));
    // All three queue in this turn of the event loop, so they share one batch.
    const before = deal("before");
    const renamed = updateStage(ctx, scope, pipeline.id, pipeline.stages[0].id, {
      name: "Renamed in batch",
    });
    const after = deal("after");
    await renamed;
    expect((await before).stage).toBe("Discovery");
    expect((await after).stage).toBe("Renamed in batch");
    expect(await placed(api)).toBe(`${pipeline.id}/Renamed in batch`);
  });

  test("each tenant gets its own default", async () => {
    const one = await server.tenant();
    const two = await server.tenant();
    const a = await salesPipeline(one.api, "A");
    const b = await salesPipeline(two.api, "B");
    expect(await placed(one.api)).toBe(`${a.id}/Discovery`);
    expect(await placed(two.api)).toBe(`${b.id}/Discovery`);
  });
});

describe("DELETE /pipelines/{id}", () => {
  test("409 while a deal is open in it; then a tombstone in the since feed", async () => {
    const { api } = await server.tenant();
    const pipeline = await salesPipeline(api);
    const deal = await createDeal(api);
    const since = clock.now().toISOString();
    expect((await api.delete(`${url}/${pipeline.id}`)).status).toBe(409);
    await api.post(`/api/external/deals/${deal.id}/move`, { stage: "Won" });
    clock.advance(1000);
    const deleted = await api.delete(`${url}/${pipeline.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.deleted_at).toBe(clock.now().toISOString());
    expect((await api.get(`${url}/${pipeline.id}`)).status).toBe(404);
    expect((await api.get(url)).body.total).toBe(0);
    const feed = await api.get(`${url}?since=${encodeURIComponent(since)}`);
    expect(feed.body.pipelines.map((p: any) => [p.id, p.deleted_at])).toEqual([
      [pipeline.id, deleted.body.deleted_at],
    ]);
    const events = await eventsFor(server, pipeline.id);
    expect(events.at(-1)).toMatchObject({ event_type: "pipeline.deleted" });
    expect((await activityFor(server, pipeline.id)).at(-1)?.action).toBe("deleted");
    // the won deal keeps its stage name
    expect((await api.get(`/api/external/deals/${deal.id}`)).body.stage).toBe("Won");
  });

  test("deleting the default makes the oldest other pipeline of its type the default", async () => {
    const { api } = await server.tenant();
    const first = await salesPipeline(api);
    const second = await salesPipeline(api, "Second");
    const third = await salesPipeline(api, "Third");
    const qualification = await qualificationPipeline(api);
    clock.advance(1000);
    expect((await api.delete(`${url}/${first.id}`)).status).toBe(200);
    expect((await api.get(`${url}/${second.id}`)).body.is_default).toBe(true);
    expect((await api.get(`${url}/${third.id}`)).body.is_default).toBe(false);
    expect((await api.get(`${url}/${qualification.id}`)).body.is_default).toBe(true);
    const events = await eventsFor(server, second.id);
    expect(events.at(-1)).toMatchObject({
      event_type: "pipeline.updated",
      data: { is_default: true },
      metadata: { changed_fields: ["is_default"] },
    });
    expect((await createDeal(api)).pipeline_id).toBe(second.id);
    // deleting a pipeline that is not the default leaves the default alone
    await api.delete(`${url}/${third.id}`);
    expect((await api.get(`${url}/${second.id}`)).body.is_default).toBe(true);
  });

  test("409 while a lead is open in a qualification pipeline", async () => {
    const { api } = await server.tenant();
    const pipeline = await qualificationPipeline(api);
    const lead = await createLead(api);
    expect((await api.delete(`${url}/${pipeline.id}`)).status).toBe(409);
    await api.post(`/api/external/leads/${lead.id}/disqualify`, { reason: "spam" });
    expect((await api.delete(`${url}/${pipeline.id}`)).status).toBe(200);
  });
});

describe("GET /pipeline", () => {
  test("per stage: open count, value, average hours in stage and records past SLA", async () => {
    const { api } = await server.tenant();
    const other = await server.tenant();
    await salesPipeline(other.api);
    await createDeal(other.api, { value: 999 });

    const sales = await salesPipeline(api);
    const qualification = await qualificationPipeline(api);
    const start = clock.now().getTime();
    await createDeal(api, { value: 10_000 });
    await createLead(api);
    clock.set(new Date(start + 10 * HOUR));
    await createDeal(api, { value: 5_000 });
    const moved = await createDeal(api, { value: 7_000 });
    await api.post(`/api/external/deals/${moved.id}/move`, { stage: "Proposal" });
    const won = await createDeal(api, { value: 1 });
    await api.post(`/api/external/deals/${won.id}/move`, { stage: "Won" });
    await createLead(api);
    const gone = await createLead(api);
    await api.post(`/api/external/leads/${gone.id}/disqualify`, {});
    clock.set(new Date(start + 30 * HOUR));

    const reply = await api.get("/api/external/pipeline");
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.body)).toEqual(["pipelines"]);
    const [qual, sale] = reply.body.pipelines;
    expect(qual.id).toBe(qualification.id);
    expect(sale).toMatchObject({ id: sales.id, count: 3, value: 22_000 });
    const byName = Object.fromEntries(sale.stages.map((s: any) => [s.name, s]));
    // Discovery: entered 30 h and 20 h ago, SLA 24 h
    expect(byName.Discovery).toMatchObject({
      count: 2,
      value: 15_000,
      avg_time_in_stage_hours: 25,
      past_sla_count: 1,
      sla_hours: 24,
    });
    expect(byName.Proposal).toMatchObject({
      count: 1,
      value: 7_000,
      avg_time_in_stage_hours: 20,
      past_sla_count: 0,
    });
    expect(byName.Won).toMatchObject({ count: 0, value: 0, avg_time_in_stage_hours: null });
    // leads: Inbox, SLA 2 h; the disqualified one does not count
    expect(qual.stages[0]).toMatchObject({
      name: "Inbox",
      count: 2,
      value: 0,
      avg_time_in_stage_hours: 25,
      past_sla_count: 2,
    });
    expect(qual.first_response_hours).toBe(4);

    const onlyQualification = await api.get("/api/external/pipeline?pipeline_type=qualification");
    expect(onlyQualification.body.pipelines.map((p: any) => p.id)).toEqual([qualification.id]);
    expect422(await api.get("/api/external/pipeline?pipeline_type=both"), "/pipeline_type");
  });
});

describe("GET /pipeline for keys that read deals or leads only", () => {
  test("each type's figures need its records' read scope: the other type is left out, naming it 403", async () => {
    const { api, tenantId } = await server.tenant();
    const sales = await salesPipeline(api);
    const qualification = await qualificationPipeline(api);
    await createDeal(api, { value: 10_000 });
    await createLead(api);
    const overview = async (scopes: string[], query = "") => {
      const key = await server.keyFor(tenantId, ["pipelines:read", ...scopes]);
      const reply = await key.get(`/api/external/pipeline${query}`);
      return reply.status === 200 ? reply.body.pipelines.map((p: any) => p.id) : reply.status;
    };
    expect(await overview([])).toEqual([]);
    expect(await overview(["leads:read"])).toEqual([qualification.id]);
    expect(await overview(["deals:read"])).toEqual([sales.id]);
    expect(await overview(["deals:read", "leads:read"])).toEqual([qualification.id, sales.id]);
    expect(await overview(["leads:read"], "?pipeline_type=sales")).toBe(403);
    expect(await overview(["deals:read"], "?pipeline_type=sales")).toEqual([sales.id]);
    // the pipelines themselves stay readable with pipelines:read alone
    const reader = await server.keyFor(tenantId, ["pipelines:read"]);
    expect((await reader.get(url)).body.total).toBe(2);
  });
});

describe("scopes", () => {
  test("401 without a key, 403 without the scope", async () => {
    const { api, tenantId } = await server.tenant();
    const pipeline = await salesPipeline(api);
    const reader: Api = await server.keyFor(tenantId, ["pipelines:read"]);
    const dealsOnly: Api = await server.keyFor(tenantId, ["deals:read", "deals:write"]);
    expect((await server.anonymous.get(url)).status).toBe(401);
    expect((await server.anonymous.get("/api/external/pipeline")).status).toBe(401);
    expect((await reader.get(url)).status).toBe(200);
    expect((await reader.get("/api/external/pipeline")).status).toBe(200);
    const writes: Array<[string, string, unknown?]> = [
      ["POST", url, { name: "x", pipeline_type: "sales", stages: [{ name: "a" }] }],
      ["PATCH", `${url}/${pipeline.id}`, { name: "x" }],
      ["DELETE", `${url}/${pipeline.id}`],
      ["POST", `${url}/${pipeline.id}/stages`, { name: "x" }],
      ["PATCH", `${url}/${pipeline.id}/stages/${pipeline.stages[0].id}`, { name: "x" }],
      ["DELETE", `${url}/${pipeline.id}/stages/${pipeline.stages[1].id}`],
    ];
    for (const [method, path, body] of writes)
      expect((await reader.request(method, path, body)).status).toBe(403);
    expect((await dealsOnly.get(url)).status).toBe(403);
    expect((await dealsOnly.get("/api/external/pipeline")).status).toBe(403);
    expect((await dealsOnly.get(`${url}/${pipeline.id}`)).status).toBe(403);
  });
});
