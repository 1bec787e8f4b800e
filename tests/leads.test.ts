import { describe, expect, test } from "bun:test";
import { ManualClock } from "../src/clock";
import { expect422, expectEnvelope } from "./helpers/api";
import { activityFor, changeCounts, eventsFor } from "./helpers/records";
import { useTestServer } from "./helpers/suite";
import { createLead, linkTargets, qualificationPipeline, salesPipeline } from "./sales-fixtures";

const clock = new ManualClock(new Date("2026-03-02T09:00:00.000Z"));
const server = useTestServer({ clock });

const url = "/api/external/leads";
const tick = () => clock.advance(1000);

describe("POST /leads", () => {
  test("lands in the default qualification pipeline's first stage; lead.created and an activity row", async () => {
    const { api, tenantId } = await server.tenant();
    const pipeline = await qualificationPipeline(api);
    const reply = await api.post(url, {
      name: "Dana Scully",
      email: "dana@example.com",
      phone: "+1 555 0100",
      company_name: "FBI",
      title: "Agent",
      source: "web",
      tier: "A",
      score: 87,
      owner: "ann",
      notes: "Met at the conference",
      tags: ["hot"],
      custom_fields: { campaign: "spring" },
    });
    expect(reply.status).toBe(201);
    const lead = reply.body;
    const now = clock.now().toISOString();
    expect(lead).toEqual({
      id: lead.id,
      name: "Dana Scully",
      email: "dana@example.com",
      phone: "+1 555 0100",
      company_name: "FBI",
      title: "Agent",
      source: "web",
      status: "new",
      tier: "A",
      score: 87,
      owner: "ann",
      partner_id: null,
      contact_id: null,
      company_id: null,
      pipeline_id: pipeline.id,
      stage_id: pipeline.stages[0].id,
      stage: "Inbox",
      stage_entered_at: now,
      first_responded_at: null,
      qualified_at: null,
      disqualified_at: null,
      disqualify_reason: null,
      converted_at: null,
      converted_deal_id: null,
      notes: "Met at the conference",
      tags: ["hot"],
      custom_fields: { campaign: "spring" },
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    const [event] = await eventsFor(server, lead.id);
    expect(event).toMatchObject({ event_type: "lead.created", data: lead, tenant_id: tenantId });
    const [activity] = await activityFor(server, lead.id);
    expect(activity).toMatchObject({ entityType: "lead", action: "created" });
    expect(activity.changes.tier).toEqual({ old: null, new: "A" });
  });

  test("without a qualification pipeline a lead has none; contacted at creation starts responded", async () => {
    const { api } = await server.tenant();
    const lead = await createLead(api, { status: "contacted" });
    expect(lead).toMatchObject({ pipeline_id: null, stage_id: null, stage: null });
    expect(lead.first_responded_at).toBe(clock.now().toISOString());
    expect422(await api.patch(`${url}/${lead.id}`, { stage: "Inbox" }), "/pipeline_id");
    const empty = await api.post("/api/external/pipelines", {
      name: "Empty",
      pipeline_type: "qualification",
      stages: [],
    });
    expect422(await api.patch(`${url}/${lead.id}`, { pipeline_id: empty.body.id }), "/stage_id");
  });

  test("422 with the field path; links must be the tenant's own", async () => {
    const { api, tenantId } = await server.tenant();
    const other = await server.tenant();
    const sales = await salesPipeline(api);
    await qualificationPipeline(api);
    const theirs = await linkTargets(server, other.tenantId);
    const events = (await changeCounts(server, tenantId)).events;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: "" }, "/name"],
      [{ status: "converted" }, "/status"],
      [{ status: "won" }, "/status"],
      [{ tier: "E" }, "/tier"],
      [{ score: 101 }, "/score"],
      [{ score: -1 }, "/score"],
      [{ email: "not-an-email" }, "/email"],
      [{ pipeline_id: sales.id }, "/pipeline_id"],
      [{ stage_id: sales.stages[0].id }, "/stage_id"],
      [{ stage: "Nowhere" }, "/stage"],
      [{ partner_id: theirs.partnerId }, "/partner_id"],
      [{ contact_id: theirs.contactId }, "/contact_id"],
      [{ company_id: theirs.companyId }, "/company_id"],
    ];
    for (const [body, path] of cases) expect422(await api.post(url, { name: "L", ...body }), path);
    expect((await changeCounts(server, tenantId)).events).toBe(events);
    const mine = await linkTargets(server, tenantId);
    const linked = await createLead(api, {
      partner_id: mine.partnerId,
      contact_id: mine.contactId,
      company_id: mine.companyId,
    });
    expect(linked.partner_id).toBe(mine.partnerId);
  });
});

describe("an email that is not an email address", () => {
  test("is 422 'must be an email address' at its path, on leads, partners and a contact's emails alike", async () => {
    const { api } = await server.tenant();
    await qualificationPipeline(api);
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ["/api/external/leads", { name: "L", email: "nope" }, "/email"],
      ["/api/external/partners", { name: "P", email: "nope@" }, "/email"],
      ["/api/external/contacts", { first_name: "C", email: [{ email: "nope" }] }, "/email/0/email"],
    ];
    for (const [path, body, at] of cases) {
      const reply = await api.post(path, body);
      expect({ path, status: reply.status, errors: reply.body.errors }).toEqual({
        path,
        status: 422,
        errors: [{ path: at, message: "must be an email address" }],
      });
    }
    // Another wrong type keeps saying so.
    const number = await api.post("/api/external/leads", { name: "L", email: 5 });
    expect(number.body.errors).toEqual([{ path: "/email", message: "Expected string" }]);
  });
});

describe("GET /leads", () => {
  test("the seed 001 envelope, filters and paging", async () => {
    const { api, tenantId } = await server.tenant();
    const pipeline = await qualificationPipeline(api);
    const second = await qualificationPipeline(api, "Partners");
    const { partnerId } = await linkTargets(server, tenantId);
    const a = await createLead(api, { name: "A", tier: "A", source: "web", tags: ["x", "y"] });
    tick();
    const b = await createLead(api, {
      name: "B",
      tier: "B",
      source: "referral",
      owner: "bob",
      partner_id: partnerId,
      stage: "Working",
      tags: ["x"],
    });
    tick();
    const c = await createLead(api, { name: "C", pipeline_id: second.id });
    await api.post(`${url}/${c.id}/qualify`);

    const all = await api.get(url);
    expect(all.status).toBe(200);
    expectEnvelope(all.body, "leads");
    expect(all.body).toMatchObject({ total: 3, page: 1, page_size: 50, has_more: false });
    const ids = async (query: string) => {
      const reply = await api.get(`${url}?${query}`);
      expect(reply.status).toBe(200);
      return reply.body.leads.map((x: any) => x.id);
    };
    expect(await ids("")).toEqual([c.id, b.id, a.id]);
    expect(await ids("status=new")).toEqual([b.id, a.id]);
    expect(await ids("status=qualified")).toEqual([c.id]);
    expect(await ids("status=converted")).toEqual([]);
    expect(await ids("tier=A")).toEqual([a.id]);
    expect(await ids("source=referral")).toEqual([b.id]);
    expect(await ids("owner=bob")).toEqual([b.id]);
    expect(await ids(`partner_id=${partnerId}`)).toEqual([b.id]);
    expect(await ids(`pipeline_id=${second.id}`)).toEqual([c.id]);
    expect(await ids(`stage_id=${pipeline.stages[1].id}`)).toEqual([b.id]);
    expect(await ids("tags=x")).toEqual([b.id, a.id]);
    expect(await ids("tags=x,y")).toEqual([a.id]);
    expect(await ids("page=2&page_size=2")).toEqual([a.id]);
    expect((await api.get(`${url}?page_size=2`)).body.has_more).toBe(true);
    expect((await api.get(`${url}?stage_id=${pipeline.stages[1].id}`)).body.leads[0].stage).toBe(
      "Working",
    );

    expect422(await api.get(`${url}?page_size=0`), "/page_size");
    expect422(await api.get(`${url}?page_size=501`), "/page_size");
    expect422(await api.get(`${url}?status=open`), "/status");
    expect422(await api.get(`${url}?tier=Z`), "/tier");
    expect422(await api.get(`${url}?since=2026-13-45`), "/since");
  });

  test("since and cursor feeds include tombstones", async () => {
    const { api } = await server.tenant();
    await createLead(api, { name: "old" });
    tick();
    const since = clock.now().toISOString();
    const kept = await createLead(api, { name: "kept" });
    const gone = await createLead(api, { name: "gone" });
    tick();
    await api.delete(`${url}/${gone.id}`);
    const feed = await api.get(`${url}?since=${encodeURIComponent(since)}&page_size=1`);
    expect(feed.body.leads.map((l: any) => l.id)).toEqual([kept.id]);
    expect(feed.body.has_more).toBe(true);
    const rest = await api.get(`${url}?cursor=${feed.body.next_cursor}`);
    expect(rest.body.leads.map((l: any) => [l.id, l.deleted_at])).toEqual([
      [gone.id, clock.now().toISOString()],
    ]);
  });
});

describe("PATCH /leads/{id}", () => {
  test("a stage move sets stage_entered_at and says old_stage / new_stage; first response is kept once", async () => {
    const { api } = await server.tenant();
    const pipeline = await qualificationPipeline(api);
    const lead = await createLead(api);
    tick();
    const contacted = await api.patch(`${url}/${lead.id}`, {
      status: "contacted",
      stage: "Working",
    });
    expect(contacted.status).toBe(200);
    const respondedAt = clock.now().toISOString();
    expect(contacted.body).toMatchObject({
      status: "contacted",
      stage_id: pipeline.stages[1].id,
      stage: "Working",
      stage_entered_at: respondedAt,
      first_responded_at: respondedAt,
    });
    tick();
    const back = await api.patch(`${url}/${lead.id}`, { status: "new", score: 5 });
    expect(back.body.first_responded_at).toBe(respondedAt);

    const events = await eventsFor(server, lead.id);
    expect(events.map((e) => e.event_type)).toEqual([
      "lead.created",
      "lead.updated",
      "lead.updated",
    ]);
    expect(events[1].metadata).toMatchObject({
      old_stage: "Inbox",
      new_stage: "Working",
      old_stage_id: pipeline.stages[0].id,
      new_stage_id: pipeline.stages[1].id,
    });
    expect(events[1].metadata.changed_fields).toEqual(
      expect.arrayContaining(["status", "stage_id", "stage", "first_responded_at"]),
    );
    expect(events[2].metadata.old_stage).toBeUndefined();
    const activity = await activityFor(server, lead.id);
    expect(activity[1].changes.stage).toEqual({ old: "Inbox", new: "Working" });
    expect(activity[2].changes).toEqual({
      status: { old: "contacted", new: "new" },
      score: { old: null, new: 5 },
    });
  });

  test("a stage of a sales pipeline, another tenant's lead, a deleted lead", async () => {
    const { api } = await server.tenant();
    const other = await server.tenant();
    const sales = await salesPipeline(api);
    await qualificationPipeline(api);
    const lead = await createLead(api);
    expect422(await api.patch(`${url}/${lead.id}`, { stage_id: sales.stages[0].id }), "/stage_id");
    expect422(await api.patch(`${url}/${lead.id}`, { status: "converted" }), "/status");
    for (const reply of [
      await other.api.get(`${url}/${lead.id}`),
      await other.api.patch(`${url}/${lead.id}`, { name: "x" }),
      await other.api.post(`${url}/${lead.id}/qualify`),
      await other.api.post(`${url}/${lead.id}/disqualify`, {}),
      await other.api.post(`${url}/${lead.id}/convert`, {}),
      await other.api.delete(`${url}/${lead.id}`),
    ])
      expect(reply.status).toBe(404);
    expect((await other.api.get(url)).body.total).toBe(0);
    expect((await api.delete(`${url}/${lead.id}`)).status).toBe(200);
    expect((await api.get(`${url}/${lead.id}`)).status).toBe(404);
    expect((await api.post(`${url}/${lead.id}/qualify`)).status).toBe(404);
    const events = await eventsFor(server, lead.id);
    expect(events.at(-1)?.event_type).toBe("lead.deleted");
  });

  test("a closed lead whose pipeline was deleted reopens only with a move to a live one (409)", async () => {
    const { api } = await server.tenant();
    const retired = await qualificationPipeline(api, "Retired");
    const lead = await createLead(api, { pipeline_id: retired.id });
    await api.post(`${url}/${lead.id}/disqualify`, { reason: "no budget" });
    expect((await api.delete(`/api/external/pipelines/${retired.id}`)).status).toBe(200);
    const current = await qualificationPipeline(api, "Current");
    const closed = (await api.get(`${url}/${lead.id}`)).body;
    for (const reply of [
      await api.post(`${url}/${lead.id}/qualify`),
      await api.patch(`${url}/${lead.id}`, { status: "contacted" }),
    ]) {
      expect(reply.status).toBe(409);
      expect(reply.body.detail).toContain("pipeline was deleted");
    }
    expect((await api.get(`${url}/${lead.id}`)).body).toEqual(closed);
    // still closed, it may change otherwise
    expect((await api.patch(`${url}/${lead.id}`, { tier: "B" })).status).toBe(200);
    const reopened = await api.patch(`${url}/${lead.id}`, {
      status: "qualified",
      pipeline_id: current.id,
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({
      status: "qualified",
      pipeline_id: current.id,
      stage: "Inbox",
    });
    const overview = await api.get("/api/external/pipeline?pipeline_type=qualification");
    expect(overview.body.pipelines[0]).toMatchObject({ id: current.id, count: 1 });
  });
});

describe("qualify and disqualify", () => {
  test("qualify stamps qualified_at and emits lead.qualified; disqualify keeps the reason", async () => {
    const { api } = await server.tenant();
    const lead = await createLead(api);
    tick();
    const qualified = await api.post(`${url}/${lead.id}/qualify`);
    expect(qualified.status).toBe(200);
    const at = clock.now().toISOString();
    expect(qualified.body).toMatchObject({
      status: "qualified",
      qualified_at: at,
      first_responded_at: at,
    });
    tick();
    // qualifying again changes nothing
    expect((await api.post(`${url}/${lead.id}/qualify`)).body).toEqual(qualified.body);
    const disqualified = await api.post(`${url}/${lead.id}/disqualify`, { reason: "no budget" });
    expect(disqualified.body).toMatchObject({
      status: "disqualified",
      disqualified_at: clock.now().toISOString(),
      disqualify_reason: "no budget",
      qualified_at: at,
    });
    tick();
    const reopened = await api.patch(`${url}/${lead.id}`, { status: "contacted" });
    expect(reopened.body).toMatchObject({ disqualified_at: null, disqualify_reason: null });

    const events = await eventsFor(server, lead.id);
    expect(events.map((e) => e.event_type)).toEqual([
      "lead.created",
      "lead.qualified",
      "lead.disqualified",
      "lead.updated",
    ]);
    expect(events[2].data.disqualify_reason).toBe("no budget");
    const activity = await activityFor(server, lead.id);
    expect(activity.map((a) => a.action)).toEqual([
      "created",
      "qualified",
      "disqualified",
      "updated",
    ]);
    expect(activity[1].changes.status).toEqual({ old: "new", new: "qualified" });
  });

  test("a PATCH to qualified with other changes emits lead.updated and lead.qualified", async () => {
    const { api } = await server.tenant();
    const lead = await createLead(api);
    await api.patch(`${url}/${lead.id}`, { status: "qualified", tier: "B" });
    const events = await eventsFor(server, lead.id);
    expect(events.map((e) => e.event_type)).toEqual([
      "lead.created",
      "lead.updated",
      "lead.qualified",
    ]);
  });
});

describe("POST /leads/{id}/convert", () => {
  test("creates the deal and marks the lead converted, in one go; twice is 409", async () => {
    const { api, tenantId } = await server.tenant();
    const sales = await salesPipeline(api);
    const links = await linkTargets(server, tenantId);
    const lead = await createLead(api, {
      company_name: "Acme",
      owner: "ann",
      partner_id: links.partnerId,
      contact_id: links.contactId,
      company_id: links.companyId,
      tags: ["hot"],
    });
    tick();
    const reply = await api.post(`${url}/${lead.id}/convert`, { value: 50_000, currency: "EUR" });
    expect(reply.status).toBe(200);
    const { lead: converted, deal } = reply.body;
    const now = clock.now().toISOString();
    expect(deal).toMatchObject({
      title: "Acme",
      value: 50_000,
      currency: "EUR",
      status: "open",
      pipeline_id: sales.id,
      stage: "Discovery",
      owner: "ann",
      lead_id: lead.id,
      partner_id: links.partnerId,
      contact_id: links.contactId,
      company_id: links.companyId,
      tags: ["hot"],
    });
    expect(converted).toMatchObject({
      status: "converted",
      converted_at: now,
      converted_deal_id: deal.id,
      first_responded_at: now,
    });
    expect((await api.get(`/api/external/deals/${deal.id}`)).body).toEqual(deal);
    expect((await api.get(`/api/external/deals?lead_id=${lead.id}`)).body.total).toBe(1);

    const leadEvents = await eventsFor(server, lead.id);
    expect(leadEvents.at(-1)).toMatchObject({ event_type: "lead.updated", data: converted });
    expect(leadEvents.at(-1)?.metadata.changed_fields).toEqual(
      expect.arrayContaining(["status", "converted_at", "converted_deal_id"]),
    );
    const dealEvents = await eventsFor(server, deal.id);
    expect(dealEvents).toHaveLength(1);
    expect(dealEvents[0]).toMatchObject({ event_type: "deal.created", data: { lead_id: lead.id } });

    const again = await api.post(`${url}/${lead.id}/convert`, {});
    expect(again.status).toBe(409);
    expect((await api.post(`${url}/${lead.id}/qualify`)).status).toBe(409);
    expect((await api.patch(`${url}/${lead.id}`, { status: "new" })).status).toBe(409);
    expect((await api.get("/api/external/deals")).body.total).toBe(1);
  });

  test("into a named pipeline and stage, with a title and no body fields from the lead", async () => {
    const { api } = await server.tenant();
    await salesPipeline(api);
    const other = await salesPipeline(api, "Enterprise");
    const lead = await createLead(api, { name: "Solo" });
    const reply = await api.post(`${url}/${lead.id}/convert`, {
      pipeline_id: other.id,
      stage: "Proposal",
      title: "Solo deal",
    });
    expect(reply.body.deal).toMatchObject({
      pipeline_id: other.id,
      stage_id: other.stages[1].id,
      title: "Solo deal",
      value: 0,
      currency: "USD",
    });
    const empty = await createLead(api, { name: "Bodyless", company_name: " " });
    const bodyless = await api.post(`${url}/${empty.id}/convert`);
    expect(bodyless.status).toBe(200);
    expect(bodyless.body.deal.title).toBe("Bodyless"); // a blank company name is no title
  });

  test("a convert that fails halfway leaves no deal, no activity row and no event", async () => {
    const { api, tenantId } = await server.tenant();
    const sales = await salesPipeline(api);
    const other = await salesPipeline(api, "Other");
    const lead = await createLead(api);
    const events = (await changeCounts(server, tenantId)).events;
    const activity = (await changeCounts(server, tenantId)).activity;
    const failures: Array<[Record<string, unknown>, string]> = [
      [{ stage_id: "nope" }, "/stage_id"],
      [{ pipeline_id: sales.id, stage_id: other.stages[0].id }, "/stage_id"],
      [{ currency: "eur" }, "/currency"],
      [{ value: 1e20 }, "/value"],
    ];
    for (const [body, path] of failures)
      expect422(await api.post(`${url}/${lead.id}/convert`, body), path);
    expect((await changeCounts(server, tenantId)).events).toBe(events);
    expect((await changeCounts(server, tenantId)).activity).toBe(activity);
    expect((await api.get(`${url}/${lead.id}`)).body).toEqual(lead);
    expect((await api.get("/api/external/deals")).body.total).toBe(0);
  });

  test("a lead whose partner, contact or company was deleted still converts; its deal links only live ones", async () => {
    const { api } = await server.tenant();
    await salesPipeline(api);
    const x = "/api/external";
    const partner = (await api.post(`${x}/partners`, { name: "Gone Partner" })).body;
    const contact = (await api.post(`${x}/contacts`, { first_name: "Gone" })).body;
    const company = (await api.post(`${x}/companies`, { name: "Kept Co" })).body;
    const lead = await createLead(api, {
      partner_id: partner.id,
      contact_id: contact.id,
      company_id: company.id,
    });
    expect((await api.delete(`${x}/partners/${partner.id}`)).status).toBe(200);
    expect((await api.delete(`${x}/contacts/${contact.id}`)).status).toBe(204);
    // the lead keeps them, and a PATCH may send them back unchanged
    const synced = await api.patch(`${url}/${lead.id}`, {
      name: "Synced",
      partner_id: partner.id,
      contact_id: contact.id,
    });
    expect(synced.status).toBe(200);
    const reply = await api.post(`${url}/${lead.id}/convert`, {});
    expect(reply.status).toBe(200);
    expect(reply.body.lead).toMatchObject({ status: "converted", partner_id: partner.id });
    expect(reply.body.deal).toMatchObject({
      lead_id: lead.id,
      partner_id: null,
      contact_id: null,
      contact_ids: [],
      company_id: company.id,
    });
  });

  test("no sales pipeline: 422; a disqualified lead: 409", async () => {
    const { api } = await server.tenant();
    const lead = await createLead(api);
    expect422(await api.post(`${url}/${lead.id}/convert`, {}), "/pipeline_id");
    await salesPipeline(api);
    await api.post(`${url}/${lead.id}/disqualify`, {});
    expect((await api.post(`${url}/${lead.id}/convert`, {})).status).toBe(409);
  });
});

describe("scopes", () => {
  test("401 without a key; 403 for writes with leads:read and for a deals-only key", async () => {
    const { api, tenantId } = await server.tenant();
    const lead = await createLead(api);
    const reader = await server.keyFor(tenantId, ["leads:read"]);
    const dealsOnly = await server.keyFor(tenantId, ["deals:read", "deals:write"]);
    expect((await server.anonymous.get(url)).status).toBe(401);
    expect((await reader.get(url)).status).toBe(200);
    expect((await reader.get(`${url}/${lead.id}`)).status).toBe(200);
    const writes: Array<[string, string, unknown?]> = [
      ["POST", url, { name: "x" }],
      ["PATCH", `${url}/${lead.id}`, { name: "x" }],
      ["DELETE", `${url}/${lead.id}`],
      ["POST", `${url}/${lead.id}/qualify`],
      ["POST", `${url}/${lead.id}/disqualify`, {}],
      ["POST", `${url}/${lead.id}/convert`, {}],
    ];
    for (const [method, path, body] of writes) {
      expect((await reader.request(method, path, body)).status).toBe(403);
      expect((await dealsOnly.request(method, path, body)).status).toBe(403);
    }
    expect((await dealsOnly.get(url)).status).toBe(403);
  });
});

describe("converting needs deals:write", () => {
  test("a key that writes leads but not deals gets 403 and the lead stays as it was", async () => {
    const { api, tenantId } = await server.tenant();
    await salesPipeline(api);
    const lead = await createLead(api);
    const leadsOnly = await server.keyFor(tenantId, ["leads:read", "leads:write", "deals:read"]);
    const refused = await leadsOnly.post(`${url}/${lead.id}/convert`, {});
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain("deals:write");
    expect((await api.get(`${url}/${lead.id}`)).body).toEqual(lead);
    expect((await api.get("/api/external/deals")).body.total).toBe(0);
    const both = await server.keyFor(tenantId, ["leads:write", "deals:write"]);
    const converted = await both.post(`${url}/${lead.id}/convert`, {});
    expect(converted.status).toBe(200);
    expect(converted.body.lead.status).toBe("converted");
  });
});

describe("converting: deals:write is checked before the body", () => {
  test("a key without deals:write gets 403 for an invalid body or an unknown field, never a 422; the same body is 422 with it", async () => {
    const { api, tenantId } = await server.tenant();
    await salesPipeline(api);
    const lead = await createLead(api);
    const leadsOnly = await server.keyFor(tenantId, ["leads:read", "leads:write"]);
    const both = await server.keyFor(tenantId, ["leads:write", "deals:write"]);
    for (const body of [{ currency: "euro" }, { value: -1 }, { title: " " }, { probability: 10 }]) {
      const refused = await leadsOnly.post(`${url}/${lead.id}/convert`, body);
      expect({ body, status: refused.status }).toEqual({ body, status: 403 });
      expect(refused.body.code).toBe("FORBIDDEN");
      expect(refused.body.detail).toContain("deals:write");
      expect(refused.body.errors).toBeUndefined();
      expect((await both.post(`${url}/${lead.id}/convert`, body)).status).toBe(422);
    }
    expect((await api.get(`${url}/${lead.id}`)).body).toEqual(lead);
  });
});

describe("tags", () => {
  test("stored trimmed, each once, blank ones dropped, on create and PATCH", async () => {
    const { api } = await server.tenant();
    await qualificationPipeline(api);
    const lead = await createLead(api, { tags: [" vip", "vip ", " ", "emea"] });
    expect(lead.tags).toEqual(["vip", "emea"]);
    const patched = await api.patch(`${url}/${lead.id}`, { tags: ["  ", " apac "] });
    expect(patched.body.tags).toEqual(["apac"]);
  });
});
