import { beforeAll, describe, expect, test } from "bun:test";
import { resolveRef } from "./contract/openapi";
import type { Api } from "./helpers/server";
import { useTestServer } from "./helpers/suite";

/**
 * Tenant isolation beyond ids in paths (tests/contract/isolation.test.ts
 * calls every route with another tenant's ids): no list, search, feed or KPI
 * shows another tenant's rows whatever filter names them, no write links to
 * another tenant's record, and no upsert matches one.
 */
const server = useTestServer();
const X = "/api/external";
/** Every text tenant A stores carries it: a reply to B that contains it leaks A's data. */
const MARK = "ALPHAMARK";
const unlimited = { rate_limit: 1_000_000 };

/** POSTs to `path` (under /api/external), expects 201, returns the record. */
async function created(api: Api, path: string, body: unknown) {
  const reply = await api.post(`${X}${path}`, body);
  expect({ path, status: reply.status, body: reply.status === 201 ? null : reply.body }).toEqual({
    path,
    status: 201,
    body: null,
  });
  return reply.body;
}

let alpha: Api;
let beta: Api;
let doc: any;
/** Tenant A's records, by kind. */
const ids: Record<string, string> = {};

beforeAll(async () => {
  doc = (await server.anonymous.get("/swagger/json")).body;
  alpha = (await server.tenant(undefined, ["*"], unlimited)).api;
  beta = (await server.tenant(undefined, ["*"], unlimited)).api;

  const sales = await created(alpha, "/pipelines", {
    name: `${MARK} Sales`,
    pipeline_type: "sales",
    stages: [{ name: `${MARK} Discovery` }, { name: "Proposal" }, { name: "Won", kind: "won" }],
  });
  ids.pipeline = sales.id;
  ids.stage = sales.stages[0].id;
  ids.stage2 = sales.stages[1].id;
  const qualification = await created(alpha, "/pipelines", {
    name: `${MARK} Qualification`,
    pipeline_type: "qualification",
    stages: [{ name: "Inbox" }, { name: "Working" }],
  });
  ids.qualification = qualification.id;
  ids.company = (
    await created(alpha, "/companies", { name: `${MARK} Co`, domain: "alpha.example" })
  ).id;
  ids.contact = (
    await created(alpha, "/contacts", {
      first_name: MARK,
      email: [{ email: "alpha@example.com" }],
      company_id: ids.company,
    })
  ).id;
  ids.partner = (await created(alpha, "/partners", { name: `${MARK} Partner` })).id;
  ids.lead = (
    await created(alpha, "/leads", {
      name: `${MARK} Lead`,
      partner_id: ids.partner,
      pipeline_id: ids.qualification,
    })
  ).id;
  ids.deal = (
    await created(alpha, "/deals", {
      title: `${MARK} Deal`,
      pipeline_id: ids.pipeline,
      contact_id: ids.contact,
      company_id: ids.company,
      partner_id: ids.partner,
      value: 1000,
      currency: "EUR",
    })
  ).id;
  ids.task = (await created(alpha, "/tasks", { title: `${MARK} Task`, deal_id: ids.deal })).id;
  ids.note = (await created(alpha, "/notes", { text: `${MARK} note`, deal_id: ids.deal })).id;
  ids.event = (
    await created(alpha, "/calendar/events", {
      title: `${MARK} Meeting`,
      start: "2030-01-01T10:00:00.000Z",
      end: "2030-01-01T11:00:00.000Z",
      deal_id: ids.deal,
    })
  ).id;
  const form = new FormData();
  form.append("file", new Blob([`${MARK} file`], { type: "text/plain" }), `${MARK}.txt`);
  form.append("deal_id", ids.deal);
  ids.document = (await created(alpha, "/documents", form as never)).id;
  ids.customer = (
    await alpha.post(`${X}/customers/identify`, {
      email: "visitor@example.com",
      name: `${MARK} Visitor`,
      external_id: `${MARK}-u1`,
    })
  ).body.id;
  ids.conversation = (
    await created(alpha, "/conversations", { customer_id: ids.customer, subject: MARK })
  ).id;
  ids.message = (
    await created(alpha, "/messages", { conversation_id: ids.conversation, body: `${MARK} hi` })
  ).id;
  ids.call = (
    await created(alpha, "/calls", {
      direction: "outbound",
      from: "+15550001",
      to: "+15550002",
      contact_id: ids.contact,
      notes: MARK,
    })
  ).id;
  ids.webhook = (
    await created(alpha, "/webhooks", { url: "http://127.0.0.1:9/alpha", events: ["*"] })
  ).id;
  expect((await alpha.post(`${X}/webhooks/test/${ids.webhook}`)).status).toBeLessThan(300);
  ids.delivery = (await alpha.get(`${X}/webhooks/${ids.webhook}/deliveries`)).body.deliveries[0].id;
  ids.handoff = (
    await created(alpha, `/deals/${ids.deal}/handoff`, { to_owner: `${MARK} owner` })
  ).id;
  await created(alpha, "/fields/deals", { key: "alphafield", label: MARK, type: "text" });
  await created(alpha, "/object-types", {
    name: "alphathing",
    plural: "alphathings",
    label: `${MARK} things`,
    primary_field: "title",
    fields: [{ key: "title", label: "Title", type: "text" }],
  });
  ids.object = (await created(alpha, "/objects/alphathings", { properties: { title: MARK } })).id;
  ids.property = (
    await created(alpha, "/mls/properties", {
      status: "active",
      property_type: "house",
      mls_number: "ALPHA-1",
      title: MARK,
      address: { city: MARK },
    })
  ).id;
  ids.widgetKey = (
    await created(alpha, "/widget-keys", { name: MARK, allowed_origins: ["https://alpha.example"] })
  ).id;
  const associated = await alpha.put(
    `${X}/deals/${ids.deal}/associations/contacts/${ids.contact}`,
    {},
  );
  expect(associated.status).toBeLessThan(300);
});

/** A's values for list filters, by query parameter. */
function filterValues(): Record<string, string> {
  return {
    deal_id: ids.deal,
    lead_id: ids.lead,
    contact_id: ids.contact,
    company_id: ids.company,
    partner_id: ids.partner,
    pipeline_id: ids.pipeline,
    stage_id: ids.stage,
    task_id: ids.task,
    conversation_id: ids.conversation,
    customer_id: ids.customer,
    entity_id: ids.deal,
    associated_with: `contacts:${ids.contact}`,
    attendee: ids.contact,
    search: MARK,
    q: MARK,
    name: `${MARK} Co`,
    email: "alpha@example.com",
    external_id: `${MARK}-u1`,
    city: MARK,
    since: "2000-01-01T00:00:00.000Z",
  };
}

/** Every list, search, feed and KPI route B can call, plain and with each of A's ids as a filter. */
function listCalls(): string[] {
  const values = filterValues();
  const paths: string[] = [];
  for (const [template, operations] of Object.entries<Record<string, any>>(doc.paths)) {
    const op = operations.get;
    if (!template.startsWith(`${X}/`) || !op) continue;
    if (op["x-required-scope"] === "admin" || template.endsWith("/stream")) continue;
    if (/\{(id|key|key_id)\}/.test(template)) continue;
    const base = template
      .replace("{object}", template.startsWith(`${X}/fields/`) ? "deals" : "alphathings")
      .replace(/\{[^}]+\}/g, "x");
    paths.push(base);
    for (const param of (op.parameters ?? []).map((p: unknown) => resolveRef(doc, p)))
      if (param.in === "query" && param.name in values)
        paths.push(`${base}?${param.name}=${encodeURIComponent(values[param.name])}`);
  }
  return paths;
}

describe("lists, search, feeds and KPIs", () => {
  test("never show another tenant's rows, whatever the filter names", async () => {
    const paths = listCalls();
    expect(paths.length).toBeGreaterThan(60);
    const alphaIds = Object.values(ids);
    const wrong: unknown[] = [];
    for (const path of paths) {
      const reply = await beta.get(path);
      const text = JSON.stringify(reply.body ?? "");
      const leaked = alphaIds.filter((id) => text.includes(id));
      if (![200, 404, 422].includes(reply.status) || text.includes(MARK) || leaked.length)
        wrong.push({ path, status: reply.status, leaked, body: reply.body });
    }
    expect(wrong).toEqual([]);
  });

  test("KPIs count only the caller's tenant", async () => {
    for (const period of ["week", "month", "quarter", "year"]) {
      const kpis = (await beta.get(`${X}/kpis?period=${period}`)).body;
      expect({ period, leads: kpis.leads.total, deals: kpis.deals.total }).toEqual({
        period,
        leads: 0,
        deals: 0,
      });
      expect(kpis.pipeline.value).toBe(0);
      expect(kpis.tasks.total).toBe(0);
    }
  });
});

describe("references to another tenant's records", () => {
  test("a write naming another tenant's record is refused and leaks nothing", async () => {
    const own: Record<string, string> = {};
    own.pipeline = (
      await created(beta, "/pipelines", {
        name: "Beta",
        pipeline_type: "sales",
        stages: [{ name: "One" }, { name: "Two" }],
      })
    ).id;
    own.deal = (await created(beta, "/deals", { title: "Beta deal" })).id;
    own.lead = (await created(beta, "/leads", { name: "Beta lead" })).id;
    own.contact = (await created(beta, "/contacts", { first_name: "Beta" })).id;
    own.task = (await created(beta, "/tasks", { title: "Beta task" })).id;
    own.event = (
      await created(beta, "/calendar/events", {
        title: "Beta",
        start: "2030-01-01T10:00:00.000Z",
        end: "2030-01-01T11:00:00.000Z",
      })
    ).id;
    own.conversation = (await created(beta, "/conversations", { customer_id: own.contact })).id;
    const form = new FormData();
    form.append("file", new Blob(["beta"], { type: "text/plain" }), "beta.txt");
    own.document = (await created(beta, "/documents", form as never)).id;
    const event = {
      title: "B",
      start: "2030-01-01T10:00:00.000Z",
      end: "2030-01-01T11:00:00.000Z",
    };
    const call = { direction: "outbound", from: "+15550001", to: "+15550002" };
    const writes: Array<[string, string, unknown]> = [
      ...["deal_id", "lead_id", "contact_id"].map((field): [string, string, unknown] => [
        "POST",
        "/calendar/events",
        { ...event, [field]: ids[field.slice(0, -3)] },
      ]),
      ["PATCH", `/calendar/events/${own.event}`, { deal_id: ids.deal }],
      ["PUT", `/documents/${own.document}`, { name: "B", deal_id: ids.deal }],
      ["POST", `/documents/${own.document}/share`, { contact_ids: [ids.contact] }],
      ["POST", "/contacts", { first_name: "B", company_id: ids.company }],
      ["PATCH", `/contacts/${own.contact}`, { company_id: ids.company }],
      ...["contact_id", "company_id", "deal_id", "lead_id", "task_id"].map(
        (field): [string, string, unknown] => [
          "POST",
          "/notes",
          { text: "B", [field]: ids[field.slice(0, -3)] },
        ],
      ),
      ...["contact_id", "company_id", "deal_id"].map((field): [string, string, unknown] => [
        "POST",
        "/calls",
        { ...call, [field]: ids[field.slice(0, -3)] },
      ]),
      ...["lead_id", "contact_id", "company_id", "partner_id", "pipeline_id", "stage_id"].map(
        (field): [string, string, unknown] => [
          "POST",
          "/deals",
          { title: "B", [field]: ids[field.slice(0, -3)] },
        ],
      ),
      ["POST", "/deals", { title: "B", contact_ids: [ids.contact] }],
      ["POST", "/deals", { title: "B", pipeline_id: own.pipeline, stage_id: ids.stage }],
      ["PATCH", `/deals/${own.deal}`, { contact_id: ids.contact }],
      ["PATCH", `/deals/${own.deal}`, { company_id: ids.company }],
      ["PATCH", `/deals/${own.deal}`, { partner_id: ids.partner }],
      ["PATCH", `/deals/${own.deal}`, { lead_id: ids.lead }],
      ["POST", `/deals/${own.deal}/move`, { stage_id: ids.stage2 }],
      // the caller's own parent, another tenant's child
      ["PATCH", `/pipelines/${own.pipeline}/stages/${ids.stage}`, { name: "B" }],
      ["DELETE", `/pipelines/${own.pipeline}/stages/${ids.stage}`, undefined],
      ["DELETE", `/deals/${own.deal}/associations/contacts/${ids.contact}`, undefined],
      ["PUT", `/deals/${own.deal}/associations/alphathings/${ids.object}`, {}],
      ["GET", `/deals/${own.deal}/associations/alphathings`, undefined],
      ["GET", `/fields/alphathings`, undefined],
      ["POST", `/deals/${own.deal}/handoff`, { to_owner: "B", to_pipeline_id: ids.pipeline }],
      ...["partner_id", "contact_id", "company_id", "pipeline_id", "stage_id"].map(
        (field): [string, string, unknown] => [
          "POST",
          "/leads",
          { name: "B", [field]: ids[field.slice(0, -3)] },
        ],
      ),
      ["PATCH", `/leads/${own.lead}`, { partner_id: ids.partner }],
      ["PATCH", `/leads/${own.lead}`, { contact_id: ids.contact }],
      ["POST", `/leads/${own.lead}/convert`, { pipeline_id: ids.pipeline }],
      ["POST", `/leads/${own.lead}/convert`, { stage_id: ids.stage }],
      ...["deal_id", "lead_id", "contact_id", "company_id"].map(
        (field): [string, string, unknown] => [
          "POST",
          "/tasks",
          { title: "B", [field]: ids[field.slice(0, -3)] },
        ],
      ),
      ["PATCH", `/tasks/${own.task}`, { deal_id: ids.deal }],
      ["POST", "/conversations", { customer_id: ids.customer }],
      ["POST", "/messages", { conversation_id: ids.conversation, body: "B" }],
      ["PUT", `/deals/${own.deal}/associations/contacts/${ids.contact}`, {}],
      ["PUT", `/deals/${own.deal}/associations/contacts`, { associations: [{ id: ids.contact }] }],
      [
        "POST",
        "/mls/properties",
        { status: "active", property_type: "house", address: {}, photo_ids: [ids.document] },
      ],
    ];
    const wrong: unknown[] = [];
    for (const [method, path, body] of writes) {
      const reply = await beta.request(method, `${X}${path}`, body);
      const text = JSON.stringify(reply.body ?? "");
      if (reply.status < 400 || reply.status >= 500 || text.includes(MARK))
        wrong.push({ method, path, body, status: reply.status, reply: reply.body });
    }
    expect(wrong).toEqual([]);
    // A's stage and link are still there.
    const stages = (await alpha.get(`${X}/pipelines/${ids.pipeline}`)).body.stages;
    expect(stages.map((stage: { id: string }) => stage.id)).toContain(ids.stage);
    const links = (await alpha.get(`${X}/deals/${ids.deal}/associations/contacts`)).body;
    expect(links.associations.map((link: { id: string }) => link.id)).toEqual([ids.contact]);
    // Marking another conversation's messages seen marks nothing (ids not in it are skipped).
    const seen = await beta.post(`${X}/conversations/${own.conversation}/seen`, {
      message_ids: [ids.message],
    });
    expect(seen.body.seen).toEqual([]);
    expect((await alpha.get(`${X}/messages/${ids.message}`)).body.seen_at ?? null).toBeNull();
  });

  test("matching by email, domain, MLS number or external id finds the caller's records only", async () => {
    const identified = await beta.post(`${X}/customers/identify`, {
      external_id: `${MARK}-u1`,
      email: "visitor@example.com",
    });
    expect(identified.status).toBe(201);
    expect(identified.body.id).not.toBe(ids.customer);
    const contacts = await beta.post(`${X}/contacts/bulk`, {
      records: [{ first_name: "B", email: [{ email: "alpha@example.com" }] }],
    });
    expect(contacts.body.results[0].status).toBe("created");
    const companies = await beta.post(`${X}/companies/bulk`, {
      records: [{ name: "B", domain: "alpha.example" }],
    });
    expect(companies.body.results[0].status).toBe("created");
    const listing = await beta.post(`${X}/mls/properties/bulk`, {
      records: [{ mls_number: "ALPHA-1", status: "active", property_type: "house", address: {} }],
    });
    expect(listing.body.results[0].status).toBe("created");
    const replies = JSON.stringify([identified.body, contacts.body, companies.body, listing.body]);
    for (const id of Object.values(ids)) expect(replies).not.toContain(id);
  });
});
