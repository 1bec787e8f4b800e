import { beforeAll, describe, expect, test } from "bun:test";
import type { Api, Reply } from "./helpers/server";
import { useTestServer } from "./helpers/suite";

/**
 * Tenant isolation over the whole API, driven by the OpenAPI document: every
 * route that takes an id answers another tenant's key with 404 on this
 * tenant's ids, changes nothing, and no list, search, feed or KPI of the
 * other tenant ever shows this tenant's rows.
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
let alphaKeyId: string;
let doc: any;
/** Tenant A's records, by the name the route table below uses. */
const ids: Record<string, string> = {};

beforeAll(async () => {
  doc = (await server.anonymous.get("/swagger/json")).body;
  alpha = (await server.tenant(undefined, ["*"], unlimited)).api;
  beta = (await server.tenant(undefined, ["*"], unlimited)).api;
  alphaKeyId = (await alpha.get(`${X}/api-keys`)).body.api_keys[0].id;
  ids.key = alphaKeyId;

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
  ids.lead2 = (await created(alpha, "/leads", { name: `${MARK} Lead 2` })).id;
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

/** Which of A's records a path's `{id}` names, by the path's first segments. */
function recordOf(path: string): string {
  const rest = path.slice(X.length + 1);
  const table: Array<[RegExp, string]> = [
    [/^calendar\/events\//, "event"],
    [/^documents\//, "document"],
    [/^contacts\//, "contact"],
    [/^companies\//, "company"],
    [/^notes\//, "note"],
    [/^(interactions|calls)\//, "call"],
    [/^pipelines\//, "pipeline"],
    [/^deals\//, "deal"],
    [/^leads\/\{id\}\/convert/, "lead2"],
    [/^leads\//, "lead"],
    [/^handoffs\//, "handoff"],
    [/^webhooks\//, "webhook"],
    [/^tasks\//, "task"],
    [/^partners\//, "partner"],
    [/^conversations\//, "conversation"],
    [/^messages\//, "message"],
    [/^customers\//, "customer"],
    [/^objects\//, "object"],
    [/^mls\/properties\//, "property"],
    [/^widget-keys\//, "widgetKey"],
    [/^(\{object\}|fields\/\{object\}\/archived)\//, "deal"],
  ];
  const found = table.find(([pattern]) => pattern.test(rest));
  if (!found) throw new Error(`no record for ${path}`);
  return ids[found[1]];
}

/** A's ids in a path template; null when the path names nothing of A's. */
function concrete(path: string): string | null {
  let named = false;
  const filled = path.replace(/\{([^}]+)\}/g, (_, param: string) => {
    switch (param) {
      case "id":
        named = true;
        return recordOf(path);
      case "stage_id":
        return ids.stage;
      case "key_id":
        named = true;
        return ids.key;
      case "delivery_id":
        return ids.delivery;
      case "key":
        named = true;
        return "alphafield";
      case "to":
        return "contacts";
      case "to_id":
        return ids.contact;
      case "object":
        // A's custom object type on its routes; a built-in type for fields and associations
        if (/^\/api\/external\/(objects|object-types)\//.test(path)) {
          named = true;
          return "alphathings";
        }
        return "deals";
      default:
        throw new Error(`unknown path parameter ${param} in ${path}`);
    }
  });
  return named ? filled : null;
}

/** A valid body for each write on an id, so a refusal is the tenant check, not validation. */
const BODIES: Record<string, unknown> = {
  "PATCH /calendar/events/{id}": { title: "B" },
  "PUT /calendar/events/{id}": {
    title: "B",
    start: "2030-01-02T10:00:00.000Z",
    end: "2030-01-02T11:00:00.000Z",
  },
  "PUT /documents/{id}": { name: "B" },
  "POST /documents/{id}/share": { emails: ["b@example.com"] },
  "PATCH /contacts/{id}": { first_name: "B" },
  "PUT /contacts/{id}": { first_name: "B" },
  "PATCH /companies/{id}": { name: "B" },
  "PATCH /notes/{id}": { text: "B" },
  "PATCH /calls/{id}": { notes: "B" },
  "PATCH /pipelines/{id}": { name: "B" },
  "POST /pipelines/{id}/stages": { name: "B" },
  "PATCH /pipelines/{id}/stages/{stage_id}": { name: "B" },
  "PATCH /deals/{id}": { title: "B" },
  "POST /deals/{id}/move": { stage_id: "" },
  "PATCH /leads/{id}": { name: "B" },
  "POST /leads/{id}/disqualify": { reason: "B" },
  "POST /leads/{id}/convert": {},
  "POST /deals/{id}/handoff": { to_owner: "B" },
  "POST /leads/{id}/handoff": { to_owner: "B" },
  "PUT /webhooks/{id}": { is_active: false },
  "PATCH /tasks/{id}": { title: "B" },
  "PUT /tasks/{id}": { title: "B" },
  "PATCH /partners/{id}": { name: "B" },
  "PATCH /conversations/{id}": { subject: "B" },
  "PUT /conversations/{id}": { subject: "B" },
  "POST /conversations/{id}/share": { teammate: "B" },
  "POST /conversations/{id}/seen": {},
  "PATCH /messages/{id}": { body: "B" },
  "PUT /messages/{id}": { body: "B" },
  "PATCH /customers/{id}": { first_name: "B" },
  "PUT /customers/{id}": { first_name: "B" },
  "PATCH /fields/{object}/{key}": { label: "B" },
  "PUT /{object}/{id}/associations/{to}": { associations: [] },
  "PUT /{object}/{id}/associations/{to}/{to_id}": {},
  "PATCH /object-types/{object}": { label: "B" },
  "POST /objects/{object}": { properties: { title: "B" } },
  "POST /objects/{object}/bulk": { records: [{ properties: { title: "B" } }] },
  "PATCH /objects/{object}/{id}": { properties: { title: "B" } },
  "PUT /objects/{object}/{id}": { properties: { title: "B" } },
  "PUT /mls/properties/{id}": { status: "sold", property_type: "house", address: { city: "B" } },
  "PATCH /mls/properties/{id}": { title: "B" },
  "PATCH /widget-keys/{id}": { name: "B" },
};

interface Call {
  method: string;
  template: string;
  path: string;
  body: unknown;
}

/** Every API route that names one of A's records, with A's ids filled in. */
function routesOnAlphaIds(): Call[] {
  const calls: Call[] = [];
  for (const [template, operations] of Object.entries<Record<string, any>>(doc.paths)) {
    if (!template.startsWith(`${X}/`)) continue;
    for (const [verb, op] of Object.entries<any>(operations)) {
      // the admin's routes and provider callbacks (their own signature) are no tenant key's
      if (op["x-required-scope"] === "admin" || !op["x-required-scope"]) continue;
      const filled = concrete(template);
      if (!filled) continue;
      // required query parameters
      const path = template.endsWith("/replay")
        ? `${filled}?since=2020-01-01T00:00:00.000Z`
        : filled;
      const method = verb.toUpperCase();
      const key = `${method} ${template.slice(X.length)}`;
      let body: unknown;
      if (op.requestBody) {
        if (!(key in BODIES)) throw new Error(`no body for ${key}`);
        body = BODIES[key];
        if (key === "POST /deals/{id}/move") body = { stage_id: ids.stage2 };
      }
      calls.push({ method, template, path, body });
    }
  }
  return calls;
}

/** What A can read of its own records: unchanged after B's attempts. */
async function alphaSnapshot() {
  const reads = routesOnAlphaIds().filter((c) => c.method === "GET");
  const seen: Record<string, unknown> = {};
  for (const call of reads) {
    const reply = await alpha.get(call.path);
    if (call.template.endsWith("/download")) seen[call.path] = reply.status;
    else seen[call.path] = { status: reply.status, body: withoutVolatile(reply.body) };
  }
  return seen;
}

/** Fields that change without a write (a key's last use, a webhook's delivery state). */
function withoutVolatile(body: unknown): unknown {
  return JSON.parse(
    JSON.stringify(body, (key, value) =>
      ["last_used_at", "deliveries", "next_attempt_at", "attempts", "status_code"].includes(key)
        ? undefined
        : value,
    ),
  );
}

const leaks = (reply: Reply) => JSON.stringify(reply.body ?? "").includes(MARK);

describe("tenant isolation", () => {
  test("another tenant's key gets 404 on every route that names a record, and changes nothing", async () => {
    const before = await alphaSnapshot();
    const calls = routesOnAlphaIds();
    expect(calls.length).toBeGreaterThan(60);
    const wrong: unknown[] = [];
    // Deletes last, so every other route still finds A's record there.
    const ordered = [
      ...calls.filter((c) => c.method !== "DELETE"),
      ...calls.filter((c) => c.method === "DELETE"),
    ];
    for (const call of ordered) {
      const reply = await beta.request(call.method, call.path, call.body);
      if (reply.status !== 404 || leaks(reply))
        wrong.push({
          route: `${call.method} ${call.template}`,
          status: reply.status,
          body: reply.body,
        });
    }
    expect(wrong).toEqual([]);
    expect(await alphaSnapshot()).toEqual(before);
  });
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
    for (const param of op.parameters ?? [])
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
