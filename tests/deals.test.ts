import { describe, expect, test } from "bun:test";
import { ManualClock } from "../src/clock";
import { expect422, expectEnvelope } from "./helpers/api";
import { activityFor, changeCounts, eventsFor } from "./helpers/records";
import { useTestServer } from "./helpers/suite";
import {
  createDeal,
  createLead,
  createPipeline,
  linkTargets,
  qualificationPipeline,
  salesPipeline,
} from "./sales-fixtures";

const clock = new ManualClock(new Date("2026-03-02T09:00:00.000Z"));
const server = useTestServer({ clock });

const url = "/api/external/deals";
const tick = () => clock.advance(1000);

describe("POST /deals", () => {
  test("defaults: the default sales pipeline, its first open stage, USD; deal.created and an activity row", async () => {
    const { api, tenantId } = await server.tenant();
    const pipeline = await salesPipeline(api);
    const reply = await api.post(url, {
      title: "Acme renewal",
      value: 125_000,
      expected_close_date: "2026-06-30",
      description: "Three-year renewal",
      owner: "ann",
      tags: ["enterprise", "renewal", "enterprise"],
      custom_fields: { region: "EMEA" },
    });
    expect(reply.status).toBe(201);
    const deal = reply.body;
    const now = clock.now().toISOString();
    expect(deal).toEqual({
      id: deal.id,
      title: "Acme renewal",
      description: "Three-year renewal",
      value: 125_000,
      currency: "USD",
      status: "open",
      pipeline_id: pipeline.id,
      stage_id: pipeline.stages[0].id,
      stage: "Discovery",
      stage_entered_at: now,
      owner: "ann",
      lead_id: null,
      contact_id: null,
      contact_ids: [],
      company_id: null,
      partner_id: null,
      expected_close_date: "2026-06-30",
      won_at: null,
      lost_at: null,
      lost_reason: null,
      tags: ["enterprise", "renewal"],
      custom_fields: { region: "EMEA" },
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    const [event] = await eventsFor(server, deal.id);
    expect(event).toMatchObject({ event_type: "deal.created", tenant_id: tenantId, data: deal });
    const [activity] = await activityFor(server, deal.id);
    expect(activity).toMatchObject({ entityType: "deal", action: "created", actorType: "api_key" });
    expect(activity.changes.value).toEqual({ old: null, new: 125_000 });
  });

  test("stage by name or id; straight into a won stage closes it (deal.won)", async () => {
    const { api } = await server.tenant();
    const pipeline = await salesPipeline(api);
    expect((await createDeal(api, { stage: "Proposal" })).stage_id).toBe(pipeline.stages[1].id);
    const won = await createDeal(api, { stage_id: pipeline.stages[2].id, currency: "EUR" });
    expect(won).toMatchObject({ status: "won", stage: "Won", currency: "EUR" });
    expect(won.won_at).toBe(clock.now().toISOString());
    expect((await eventsFor(server, won.id)).map((e) => e.event_type)).toEqual([
      "deal.created",
      "deal.won",
    ]);
  });

  test("422 with the field path for bad input; nothing is written", async () => {
    const { api, tenantId } = await server.tenant();
    expect422(await api.post(url, { title: "No pipeline yet" }), "/pipeline_id");
    const pipeline = await salesPipeline(api);
    const other = await salesPipeline(api, "Other");
    const qualification = await qualificationPipeline(api);
    const events = (await changeCounts(server, tenantId)).events;
    const activity = (await changeCounts(server, tenantId)).activity;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ title: "" }, "/title"],
      [{ currency: "usd" }, "/currency"],
      [{ currency: "EURO" }, "/currency"],
      [{ value: 10.5 }, "/value"],
      [{ value: -1 }, "/value"],
      // past what JSON numbers hold exactly (and PostgreSQL's bigint): never stored rounded
      [{ value: 1e20 }, "/value"],
      [{ value: 2 ** 53 }, "/value"],
      [{ expected_close_date: "2026-02-30" }, "/expected_close_date"],
      [{ expected_close_date: "30/06/2026" }, "/expected_close_date"],
      [{ pipeline_id: qualification.id }, "/pipeline_id"],
      [{ pipeline_id: "nope" }, "/pipeline_id"],
      [{ pipeline_id: pipeline.id, stage_id: other.stages[0].id }, "/stage_id"],
      [{ stage_id: qualification.stages[0].id }, "/stage_id"],
      [{ stage: "Nowhere" }, "/stage"],
      [{ partner_id: "nope" }, "/partner_id"],
      [{ contact_id: "nope" }, "/contact_id"],
      [{ company_id: "nope" }, "/company_id"],
      [{ lead_id: "nope" }, "/lead_id"],
    ];
    for (const [body, path] of cases) expect422(await api.post(url, { title: "T", ...body }), path);
    expect((await changeCounts(server, tenantId)).events).toBe(events);
    expect((await changeCounts(server, tenantId)).activity).toBe(activity);
    expect((await api.get(url)).body.total).toBe(0);
  });

  test("links: the tenant's own partner, contact, company and lead; another tenant's partner is 422", async () => {
    const { api, tenantId } = await server.tenant();
    const other = await server.tenant();
    await salesPipeline(api);
    const mine = await linkTargets(server, tenantId);
    const theirs = await linkTargets(server, other.tenantId);
    const lead = await createLead(api);
    const deal = await createDeal(api, {
      partner_id: mine.partnerId,
      contact_id: mine.contactId,
      company_id: mine.companyId,
      lead_id: lead.id,
    });
    expect(deal).toMatchObject({
      partner_id: mine.partnerId,
      contact_id: mine.contactId,
      company_id: mine.companyId,
      lead_id: lead.id,
    });
    expect422(await api.post(url, { title: "T", partner_id: theirs.partnerId }), "/partner_id");
    expect422(await api.post(url, { title: "T", company_id: theirs.companyId }), "/company_id");
    expect422(
      await api.patch(`${url}/${deal.id}`, { contact_id: theirs.contactId }),
      "/contact_id",
    );
  });

  test("a PATCH may repeat a link the deal keeps after its record was deleted; a new one must be live", async () => {
    const { api } = await server.tenant();
    await salesPipeline(api);
    const x = "/api/external";
    const partner = (await api.post(`${x}/partners`, { name: "Old Partner" })).body;
    const company = (await api.post(`${x}/companies`, { name: "Old Co" })).body;
    const lead = await createLead(api);
    const links = { partner_id: partner.id, company_id: company.id, lead_id: lead.id };
    const deal = await createDeal(api, links);
    const gone = (await api.post(`${x}/partners`, { name: "Gone" })).body;
    await api.delete(`${x}/partners/${partner.id}`);
    await api.delete(`${x}/partners/${gone.id}`);
    await api.delete(`${x}/companies/${company.id}`);
    await api.delete(`${x}/leads/${lead.id}`);
    const synced = await api.patch(`${url}/${deal.id}`, { title: "Renewal", ...links });
    expect(synced.status).toBe(200);
    expect(synced.body).toMatchObject({ title: "Renewal", ...links });
    expect422(await api.patch(`${url}/${deal.id}`, { partner_id: gone.id }), "/partner_id");
  });
});

describe("a currency that is not an ISO 4217 code", () => {
  test("is 422 saying what a currency code looks like, on create and update", async () => {
    const { api } = await server.tenant();
    await salesPipeline(api);
    const deal = await api.post("/api/external/deals", { title: "T", currency: "eur" });
    expect(deal.status).toBe(422);
    expect(deal.body.errors).toEqual([
      {
        path: "/currency",
        message: "must be an ISO 4217 code (three upper-case letters, e.g. EUR)",
      },
    ]);
    expect(deal.body.detail).toBe(
      "currency: must be an ISO 4217 code (three upper-case letters, e.g. EUR)",
    );
    const created = await api.post("/api/external/deals", { title: "T" });
    const patch = await api.patch(`/api/external/deals/${created.body.id}`, { currency: "Euro" });
    expect([patch.status, patch.body.errors?.[0]?.message]).toEqual([
      422,
      "must be an ISO 4217 code (three upper-case letters, e.g. EUR)",
    ]);
    // Another wrong type keeps saying so.
    const number = await api.patch(`/api/external/deals/${created.body.id}`, { currency: 978 });
    expect([number.status, number.body.errors?.[0]?.message]).toEqual([422, "Expected string"]);
  });
});

describe("GET /deals", () => {
  test("the seed 001 envelope, filters and paging", async () => {
    const { api, tenantId } = await server.tenant();
    const pipeline = await salesPipeline(api);
    const other = await salesPipeline(api, "Other");
    const links = await linkTargets(server, tenantId);
    const lead = await createLead(api);
    const a = await createDeal(api, { title: "A", owner: "ann", tags: ["vip", "eu"] });
    tick();
    const b = await createDeal(api, {
      title: "B",
      owner: "bob",
      stage: "Proposal",
      partner_id: links.partnerId,
      contact_id: links.contactId,
      company_id: links.companyId,
      lead_id: lead.id,
      tags: ["vip"],
    });
    tick();
    const c = await createDeal(api, { title: "C", pipeline_id: other.id });
    tick();
    const d = await createDeal(api, { title: "D" });
    await api.post(`${url}/${d.id}/move`, { stage: "Lost", lost_reason: "price" });

    const all = await api.get(url);
    expect(all.status).toBe(200);
    expectEnvelope(all.body, "deals");
    expect(all.body).toMatchObject({
      total: 4,
      page: 1,
      page_size: 50,
      has_more: false,
      next_cursor: null,
    });
    expect(all.body.deals.map((x: any) => x.title)).toEqual(["D", "C", "B", "A"]);

    const ids = async (query: string) => {
      const reply = await api.get(`${url}?${query}`);
      expect(reply.status).toBe(200);
      return reply.body.deals.map((x: any) => x.id);
    };
    expect(await ids("status=open")).toEqual([c.id, b.id, a.id]);
    expect(await ids("status=lost")).toEqual([d.id]);
    expect(await ids("status=won")).toEqual([]);
    expect(await ids("stage=Proposal")).toEqual([b.id]);
    expect(await ids("stage=Discovery")).toEqual([c.id, a.id]);
    expect(await ids(`pipeline_id=${other.id}`)).toEqual([c.id]);
    expect(await ids(`stage_id=${pipeline.stages[0].id}`)).toEqual([a.id]);
    expect(await ids("owner=bob")).toEqual([b.id]);
    expect(await ids(`partner_id=${links.partnerId}`)).toEqual([b.id]);
    expect(await ids(`contact_id=${links.contactId}`)).toEqual([b.id]);
    expect(await ids(`company_id=${links.companyId}`)).toEqual([b.id]);
    expect(await ids(`lead_id=${lead.id}`)).toEqual([b.id]);
    expect(await ids("tags=vip")).toEqual([b.id, a.id]);
    expect(await ids("tags=vip,eu")).toEqual([a.id]);
    expect(await ids("status=open&stage=Discovery&owner=ann")).toEqual([a.id]);

    const page2 = await api.get(`${url}?page=2&page_size=3`);
    expect(page2.body).toMatchObject({ total: 4, page: 2, page_size: 3, has_more: false });
    expect(page2.body.deals.map((x: any) => x.id)).toEqual([a.id]);
    const page1 = await api.get(`${url}?page_size=3`);
    expect(page1.body.has_more).toBe(true);
  });

  test("422 for bad query values", async () => {
    const { api } = await server.tenant();
    expect422(await api.get(`${url}?page_size=0`), "/page_size");
    expect422(await api.get(`${url}?page_size=501`), "/page_size");
    expect422(await api.get(`${url}?page=0`), "/page");
    expect422(await api.get(`${url}?status=pending`), "/status");
    expect422(await api.get(`${url}?since=yesterday`), "/since");
    expect422(await api.get(`${url}?cursor=bm9wZQ`), "/cursor");
    // A position no feed can reach (past what a sync number holds): refused, not echoed as s:1e+23.
    const farCursor = Buffer.from(`s:${"9".repeat(23)}`).toString("base64url");
    expect422(await api.get(`${url}?cursor=${farCursor}`), "/cursor");
    expect((await api.get(`${url}?page_size=500`)).status).toBe(200);
  });

  test("stage names follow a renamed stage", async () => {
    const { api } = await server.tenant();
    const pipeline = await salesPipeline(api);
    await createDeal(api);
    expect((await api.get(url)).body.deals[0].stage).toBe("Discovery");
    await api.patch(`/api/external/pipelines/${pipeline.id}/stages/${pipeline.stages[0].id}`, {
      name: "Qualify",
    });
    expect((await api.get(url)).body.deals[0].stage).toBe("Qualify");
    expect((await api.get(`${url}?stage=Qualify`)).body.total).toBe(1);
  });

  test("stage names match in any letter case, as their uniqueness does (seed 004 writes them lower case)", async () => {
    const { api } = await server.tenant();
    const pipeline = await createPipeline(api, {
      name: "Europe",
      pipeline_type: "sales",
      stages: [{ name: "Discovery" }, { name: "Évaluation" }, { name: "Won", kind: "won" }],
    });
    const deal = await createDeal(api, { stage: "discovery" });
    expect(deal).toMatchObject({ stage: "Discovery", stage_id: pipeline.stages[0].id });
    const patched = await api.patch(`${url}/${deal.id}`, { stage: " ÉVALUATION " });
    expect(patched.status).toBe(200);
    expect(patched.body.stage).toBe("Évaluation");
    const total = async (stage: string) =>
      (await api.get(`${url}?stage=${encodeURIComponent(stage)}`)).body.total;
    expect(await total("évaluation")).toBe(1);
    expect(await total("DISCOVERY")).toBe(0);
    const moved = await api.post(`${url}/${deal.id}/move`, { stage: "won" });
    expect(moved.body).toMatchObject({ stage: "Won", status: "won" });
    expect(await total("WON")).toBe(1);
    const lead = await createLead(api, {
      stage: "inbox",
      pipeline_id: (await qualificationPipeline(api)).id,
    });
    expect(lead.stage).toBe("Inbox");
  });

  test("since and cursor feeds: oldest change first, tombstones included, no change missed", async () => {
    const { api } = await server.tenant();
    await salesPipeline(api);
    const first = await createDeal(api, { title: "first" });
    tick();
    const since = clock.now().toISOString();
    const second = await createDeal(api, { title: "second" });
    tick();
    const third = await createDeal(api, { title: "third" });
    tick();
    await api.patch(`${url}/${second.id}`, { value: 10 });
    tick();
    await api.delete(`${url}/${third.id}`);

    const feed = await api.get(`${url}?since=${encodeURIComponent(since)}`);
    expect(feed.body.deals.map((x: any) => [x.title, x.deleted_at !== null])).toEqual([
      ["second", false],
      ["third", true],
    ]);
    expect(feed.body.total).toBe(2);
    expect(typeof feed.body.next_cursor).toBe("string");

    // keyset paging from the start, with writes between pages
    const seen = new Map<string, any>();
    let cursor = "";
    let pages = 0;
    for (;;) {
      const reply = await api.get(`${url}?cursor=${cursor}&page_size=2`);
      expect(reply.status).toBe(200);
      for (const deal of reply.body.deals) seen.set(deal.id, deal);
      if (pages++ === 0) {
        await api.patch(`${url}/${first.id}`, { title: "first, renamed" });
        await createDeal(api, { title: "fourth" });
      }
      cursor = reply.body.next_cursor;
      if (!reply.body.has_more) break;
    }
    const current = await api.get(`${url}?page_size=500`);
    for (const deal of current.body.deals) expect(seen.get(deal.id)).toEqual(deal);
    expect(seen.get(third.id)?.deleted_at).not.toBeNull();
    expect(seen.get(first.id)?.title).toBe("first, renamed");
    // nothing new: an empty page that keeps the cursor
    const after = await api.get(`${url}?cursor=${cursor}`);
    expect(after.body).toMatchObject({ deals: [], has_more: false, next_cursor: cursor });
  });
});

describe("GET, PATCH and DELETE /deals/{id}", () => {
  test("get; another tenant's deal is 404 for every route", async () => {
    const { api } = await server.tenant();
    const other = await server.tenant();
    await salesPipeline(api);
    await salesPipeline(other.api);
    const deal = await createDeal(api);
    expect((await api.get(`${url}/${deal.id}`)).body).toEqual(deal);
    expect((await api.get(`${url}/nope`)).status).toBe(404);
    expect((await other.api.get(`${url}/${deal.id}`)).status).toBe(404);
    expect((await other.api.patch(`${url}/${deal.id}`, { title: "x" })).status).toBe(404);
    expect((await other.api.post(`${url}/${deal.id}/move`, { stage: "Won" })).status).toBe(404);
    expect((await other.api.delete(`${url}/${deal.id}`)).status).toBe(404);
    expect((await other.api.get(url)).body.total).toBe(0);
    expect((await api.get(`${url}/${deal.id}`)).body).toEqual(deal);
  });

  test("partial update: deal.updated with changed_fields, field-level activity", async () => {
    const { api } = await server.tenant();
    await salesPipeline(api);
    const deal = await createDeal(api, { title: "Old", value: 100, owner: "ann" });
    tick();
    const reply = await api.patch(`${url}/${deal.id}`, { title: "New", value: 250, owner: null });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      title: "New",
      value: 250,
      owner: null,
      currency: "USD",
      stage: "Discovery",
      stage_entered_at: deal.stage_entered_at,
      updated_at: clock.now().toISOString(),
    });
    const events = await eventsFor(server, deal.id);
    expect(events.map((e) => e.event_type)).toEqual(["deal.created", "deal.updated"]);
    expect(events[1].metadata.changed_fields.sort()).toEqual(["owner", "title", "value"]);
    expect(events[1].data).toEqual(reply.body);
    const activity = await activityFor(server, deal.id);
    expect(activity[1].action).toBe("updated");
    expect(activity[1].changes).toEqual({
      title: { old: "Old", new: "New" },
      value: { old: 100, new: 250 },
      owner: { old: "ann", new: null },
    });
    // nothing to change: no write, no event, no activity row
    tick();
    expect((await api.patch(`${url}/${deal.id}`, { title: "New" })).body).toEqual(reply.body);
    expect(await eventsFor(server, deal.id)).toHaveLength(2);
    expect(await activityFor(server, deal.id)).toHaveLength(2);
  });

  test("a stage change through PATCH behaves like a move; pipeline_id moves to another pipeline", async () => {
    const { api } = await server.tenant();
    const pipeline = await salesPipeline(api);
    const other = await salesPipeline(api, "Other");
    const deal = await createDeal(api);
    const moved = await api.patch(`${url}/${deal.id}`, { stage_id: pipeline.stages[1].id });
    expect(moved.body).toMatchObject({ stage: "Proposal", status: "open" });
    expect((await eventsFor(server, deal.id)).map((e) => e.event_type)).toEqual([
      "deal.created",
      "deal.stage_changed",
    ]);
    expect422(await api.patch(`${url}/${deal.id}`, { stage_id: other.stages[1].id }), "/stage_id");
    const switched = await api.patch(`${url}/${deal.id}`, { pipeline_id: other.id, value: 5 });
    expect(switched.body).toMatchObject({
      pipeline_id: other.id,
      stage_id: other.stages[0].id,
      value: 5,
    });
    const events = await eventsFor(server, deal.id);
    expect(events.slice(2).map((e) => e.event_type)).toEqual([
      "deal.updated",
      "deal.stage_changed",
    ]);
    expect(events[3].metadata).toMatchObject({ old_stage: "Proposal", new_stage: "Discovery" });
  });

  test("delete: soft, deal.deleted, then 404", async () => {
    const { api } = await server.tenant();
    await salesPipeline(api);
    const deal = await createDeal(api);
    tick();
    const deleted = await api.delete(`${url}/${deal.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.deleted_at).toBe(clock.now().toISOString());
    expect((await api.get(`${url}/${deal.id}`)).status).toBe(404);
    expect((await api.patch(`${url}/${deal.id}`, { title: "x" })).status).toBe(404);
    expect((await api.delete(`${url}/${deal.id}`)).status).toBe(404);
    expect((await api.get(url)).body.total).toBe(0);
    const events = await eventsFor(server, deal.id);
    expect(events.at(-1)).toMatchObject({ event_type: "deal.deleted", data: deleted.body });
    expect((await activityFor(server, deal.id)).at(-1)?.action).toBe("deleted");
  });
});

describe("POST /deals/{id}/move", () => {
  test("won, lost with a reason, and back to open; stage_changed carries old and new stage", async () => {
    const { api } = await server.tenant();
    const pipeline = await salesPipeline(api);
    const deal = await createDeal(api);
    tick();
    const won = await api.post(`${url}/${deal.id}/move`, { stage: "Won" });
    expect(won.status).toBe(200);
    const wonAt = clock.now().toISOString();
    expect(won.body).toMatchObject({
      status: "won",
      stage: "Won",
      won_at: wonAt,
      stage_entered_at: wonAt,
    });
    tick();
    const lost = await api.post(`${url}/${deal.id}/move`, {
      stage_id: pipeline.stages[3].id,
      lost_reason: "budget",
    });
    expect(lost.body).toMatchObject({
      status: "lost",
      won_at: null,
      lost_at: clock.now().toISOString(),
      lost_reason: "budget",
    });
    tick();
    const reopened = await api.post(`${url}/${deal.id}/move`, { stage: "Proposal" });
    expect(reopened.body).toMatchObject({
      status: "open",
      stage: "Proposal",
      won_at: null,
      lost_at: null,
      lost_reason: null,
    });

    const events = await eventsFor(server, deal.id);
    expect(events.map((e) => e.event_type)).toEqual([
      "deal.created",
      "deal.stage_changed",
      "deal.won",
      "deal.stage_changed",
      "deal.lost",
      "deal.stage_changed",
    ]);
    expect(events[1].metadata).toEqual({
      old_stage: "Discovery",
      new_stage: "Won",
      old_stage_id: pipeline.stages[0].id,
      new_stage_id: pipeline.stages[2].id,
    });
    expect(events[2].data.status).toBe("won");
    expect(events[4].metadata).toMatchObject({ old_stage: "Won", new_stage: "Lost" });
    expect(events[4].data.lost_reason).toBe("budget");
    const activity = await activityFor(server, deal.id);
    expect(activity.map((a) => a.action)).toEqual([
      "created",
      "stage_changed",
      "stage_changed",
      "stage_changed",
    ]);
    expect(activity[1].changes.stage).toEqual({ old: "Discovery", new: "Won" });
    expect(activity[1].changes.status).toEqual({ old: "open", new: "won" });
  });

  test("422: a stage of another pipeline, an unknown name, no stage at all; same stage is a no-op", async () => {
    const { api } = await server.tenant();
    await salesPipeline(api);
    const other = await salesPipeline(api, "Other");
    const deal = await createDeal(api);
    expect422(
      await api.post(`${url}/${deal.id}/move`, { stage_id: other.stages[1].id }),
      "/stage_id",
    );
    expect422(await api.post(`${url}/${deal.id}/move`, { stage_id: "nope" }), "/stage_id");
    expect422(await api.post(`${url}/${deal.id}/move`, { stage: "Nowhere" }), "/stage");
    expect422(await api.post(`${url}/${deal.id}/move`, {}), "/stage_id");
    const same = await api.post(`${url}/${deal.id}/move`, { stage: "Discovery" });
    expect(same.body).toEqual(deal);
    expect((await eventsFor(server, deal.id)).map((e) => e.event_type)).toEqual(["deal.created"]);
  });

  test("an empty stage_id or pipeline_id names no stage: 422, never a move to a default", async () => {
    const { api } = await server.tenant();
    await salesPipeline(api); // the default
    const other = await salesPipeline(api, "Other");
    const deal = await createDeal(api, { pipeline_id: other.id, stage: "Won" });
    const lead = await createLead(api, { pipeline_id: (await qualificationPipeline(api)).id });
    const moved = await api.patch(`/api/external/leads/${lead.id}`, { stage: "Working" });
    const refusals: Array<[string, string, Record<string, unknown>, string]> = [
      ["PATCH", `${url}/${deal.id}`, { pipeline_id: "" }, "/pipeline_id"],
      ["PATCH", `${url}/${deal.id}`, { stage_id: "" }, "/stage_id"],
      ["POST", `${url}/${deal.id}/move`, { stage_id: "" }, "/stage_id"],
      ["POST", url, { title: "T", stage_id: "" }, "/stage_id"],
      ["POST", `${url}/${deal.id}/handoff`, { to_owner: "b", to_stage_id: "" }, "/to_stage_id"],
      [
        "POST",
        `${url}/${deal.id}/handoff`,
        { to_owner: "b", to_pipeline_id: "" },
        "/to_pipeline_id",
      ],
      ["PATCH", `/api/external/leads/${lead.id}`, { stage_id: "" }, "/stage_id"],
      ["POST", `/api/external/leads/${lead.id}/convert`, { pipeline_id: "" }, "/pipeline_id"],
    ];
    for (const [method, path, body, field] of refusals)
      expect422(await api.request(method, path, body), field);
    expect((await api.get(`${url}/${deal.id}`)).body).toEqual(deal);
    expect((await api.get(`/api/external/leads/${lead.id}`)).body).toEqual(moved.body);
  });

  test("a closed deal whose pipeline was deleted: a move within it is 409; a PATCH to a live pipeline reopens it", async () => {
    const { api } = await server.tenant();
    const retired = await salesPipeline(api, "Retired");
    const current = await salesPipeline(api, "Current");
    const deal = await createDeal(api, { pipeline_id: retired.id, stage: "Won" });
    expect((await api.delete(`/api/external/pipelines/${retired.id}`)).status).toBe(200);
    for (const body of [{ stage: "Discovery" }, { stage_id: retired.stages[0].id }]) {
      const reply = await api.post(`${url}/${deal.id}/move`, body);
      expect(reply.status).toBe(409);
      expect(reply.body.detail).toContain("pipeline was deleted");
    }
    expect((await api.patch(`${url}/${deal.id}`, { stage: "Proposal" })).status).toBe(409);
    const moved = await api.patch(`${url}/${deal.id}`, { pipeline_id: current.id });
    expect(moved.body).toMatchObject({ pipeline_id: current.id, status: "open", won_at: null });
  });
});

describe("scopes", () => {
  test("401 without a key; 403 for writes with deals:read, for everything with another resource's scopes", async () => {
    const { api, tenantId } = await server.tenant();
    await salesPipeline(api);
    const deal = await createDeal(api);
    const reader = await server.keyFor(tenantId, ["deals:read"]);
    const leadsOnly = await server.keyFor(tenantId, ["leads:read", "leads:write"]);
    expect((await server.anonymous.get(url)).status).toBe(401);
    expect((await server.anonymous.post(url, { title: "x" })).status).toBe(401);
    expect((await reader.get(url)).status).toBe(200);
    expect((await reader.get(`${url}/${deal.id}`)).status).toBe(200);
    expect((await reader.post(url, { title: "x" })).status).toBe(403);
    expect((await reader.patch(`${url}/${deal.id}`, { title: "x" })).status).toBe(403);
    expect((await reader.post(`${url}/${deal.id}/move`, { stage: "Won" })).status).toBe(403);
    expect((await reader.delete(`${url}/${deal.id}`)).status).toBe(403);
    expect((await leadsOnly.get(url)).status).toBe(403);
    expect((await leadsOnly.get(`${url}/${deal.id}`)).status).toBe(403);
    // auth before validation: a bad body still answers 403
    expect((await reader.post(url, { value: "lots" })).status).toBe(403);
    // seed 001's coarse aliases
    const coarse = await server.keyFor(tenantId, ["read"]);
    expect((await coarse.get(url)).status).toBe(200);
    expect((await coarse.post(url, { title: "x" })).status).toBe(403);
  });
});

describe("tags", () => {
  test("stored trimmed, each once, blank ones dropped, on create and PATCH", async () => {
    const { api } = await server.tenant();
    await salesPipeline(api);
    const deal = await createDeal(api, { tags: [" vip", "vip ", " ", "emea"] });
    expect(deal.tags).toEqual(["vip", "emea"]);
    const patched = await api.patch(`${url}/${deal.id}`, { tags: ["  ", " apac "] });
    expect(patched.body.tags).toEqual(["apac"]);
  });
});
