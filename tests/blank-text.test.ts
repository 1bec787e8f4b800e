import { beforeAll, describe, expect, test } from "bun:test";
import { created, defineObjectType } from "./helpers/api";
import type { Api } from "./helpers/server";
import { useTestServer } from "./helpers/suite";
import { createDeal, createLead, salesPipeline } from "./sales-fixtures";

/**
 * A record's name, title, subject or body made only of white space is
 * refused (422 "must not be blank" at that field), on every resource and
 * in creates, PUT, PATCH and bulk alike, instead of being stored blank.
 */
const server = useTestServer({ config: { rateLimit: 100_000 } });
const base = "/api/external";
let api: Api;
beforeAll(async () => {
  ({ api } = await server.tenant());
});

const BLANKS = ["   ", "\t\n", "", "\u00a0"];

function expectBlank(reply: { status: number; body: any }, path: string) {
  expect(reply.status).toBe(422);
  expect(reply.body.code).toBe("VALIDATION_ERROR");
  expect(reply.body.errors).toEqual([{ path, message: "must not be blank" }]);
  expect(reply.body.detail).toBe(`${path.slice(1)}: must not be blank`);
}

describe("blank required text is 422 at its field", () => {
  test("conversation subjects (create, PATCH, PUT) and message bodies", async () => {
    const customer = await created(api, "/contacts", { first_name: "Cy" });
    const conversation = await created(api, "/conversations", { customer_id: customer.id });
    for (const blank of BLANKS) {
      expectBlank(
        await api.post(`${base}/conversations`, { customer_id: customer.id, subject: blank }),
        "/subject",
      );
      const path = `${base}/conversations/${conversation.id}`;
      expectBlank(await api.patch(path, { subject: blank }), "/subject");
      expectBlank(await api.put(path, { subject: blank }), "/subject");
      expectBlank(
        await api.post(`${base}/messages`, { conversation_id: conversation.id, body: blank }),
        "/body",
      );
    }
    const cleared = await api.patch(`${base}/conversations/${conversation.id}`, { subject: null });
    expect(cleared.body.subject).toBeNull();
  });

  test("deals, leads, pipelines and stages (which trim what they keep)", async () => {
    const pipeline = await salesPipeline(api);
    const deal = await createDeal(api, { title: "  Renewal  " });
    expect(deal.title).toBe("Renewal");
    const lead = await createLead(api);
    const stages = `${base}/pipelines/${pipeline.id}/stages`;
    for (const blank of BLANKS) {
      expectBlank(await api.post(`${base}/deals`, { title: blank }), "/title");
      expectBlank(await api.patch(`${base}/deals/${deal.id}`, { title: blank }), "/title");
      expectBlank(await api.post(`${base}/leads`, { name: blank }), "/name");
      expectBlank(await api.patch(`${base}/leads/${lead.id}`, { name: blank }), "/name");
      expectBlank(await api.post(`${base}/leads/${lead.id}/convert`, { title: blank }), "/title");
      expectBlank(
        await api.post(`${base}/pipelines`, {
          name: blank,
          pipeline_type: "sales",
          stages: [{ name: "A" }],
        }),
        "/name",
      );
      expectBlank(
        await api.post(`${base}/pipelines`, {
          name: "P",
          pipeline_type: "sales",
          stages: [{ name: blank }],
        }),
        "/stages/0/name",
      );
      expectBlank(await api.patch(`${base}/pipelines/${pipeline.id}`, { name: blank }), "/name");
      expectBlank(await api.post(stages, { name: blank }), "/name");
      expectBlank(await api.patch(`${stages}/${pipeline.stages[0].id}`, { name: blank }), "/name");
    }
    expect((await api.get(`${base}/deals/${deal.id}`)).body.title).toBe("Renewal");
    expect((await api.get(`${base}/deals`)).body.total).toBe(1);
  });

  test("partners, companies (and their bulk upsert), tasks (and PUT)", async () => {
    const partner = await created(api, "/partners", { name: "Referrer" });
    const company = await created(api, "/companies", { name: "Acme" });
    const task = await created(api, "/tasks", { title: "Call" });
    for (const blank of BLANKS) {
      expectBlank(await api.post(`${base}/partners`, { name: blank }), "/name");
      expectBlank(await api.patch(`${base}/partners/${partner.id}`, { name: blank }), "/name");
      expectBlank(await api.post(`${base}/companies`, { name: blank }), "/name");
      expectBlank(await api.patch(`${base}/companies/${company.id}`, { name: blank }), "/name");
      expectBlank(await api.post(`${base}/tasks`, { title: blank }), "/title");
      expectBlank(await api.put(`${base}/tasks/${task.id}`, { title: blank }), "/title");
      expectBlank(await api.patch(`${base}/tasks/${task.id}`, { title: blank }), "/title");
    }
    const bulk = await api.post(`${base}/companies/bulk`, {
      records: [{ name: "Globex" }, { name: "   " }],
    });
    expect(bulk.status).toBe(200);
    expect(bulk.body).toMatchObject({ created: 1, failed: 1 });
    expect(bulk.body.results[1].errors).toEqual([{ path: "/name", message: "must not be blank" }]);
    expect((await api.get(`${base}/partners/${partner.id}`)).body.name).toBe("Referrer");
    expect((await api.get(`${base}/tasks/${task.id}`)).body.title).toBe("Call");
  });

  test("notes, calendar events, labels (custom fields, object types, links), document and API key names, customer ids", async () => {
    const contact = await created(api, "/contacts", { first_name: "Ann" });
    const event = await created(api, "/calendar/events", {
      title: "Meeting",
      start: "2026-04-01T09:00:00Z",
      end: "2026-04-01T10:00:00Z",
    });
    const type = await defineObjectType(api, "vehicle", "vehicles");
    for (const blank of BLANKS) {
      expectBlank(
        await api.post(`${base}/notes`, {
          type: "contact_note",
          contact_id: contact.id,
          text: blank,
        }),
        "/text",
      );
      expectBlank(
        await api.post(`${base}/calendar/events`, { title: blank, start: "2026-04-01T09:00:00Z" }),
        "/title",
      );
      expectBlank(
        await api.put(`${base}/calendar/events/${event.id}`, {
          title: blank,
          start: "2026-04-01T09:00:00Z",
        }),
        "/title",
      );
      expectBlank(
        await api.post(`${base}/fields/deals`, { key: "area", label: blank, type: "text" }),
        "/label",
      );
      expectBlank(await api.patch(`${base}/object-types/${type.name}`, { label: blank }), "/label");
      expectBlank(
        await api.post(`${base}/api-keys`, { name: blank, permissions: ["read"] }),
        "/name",
      );
    }
    const deal = await createDeal(api, { title: "Linked" });
    const link = `${base}/deals/${deal.id}/associations/contacts/${contact.id}`;
    for (const blank of BLANKS.filter(Boolean)) {
      expectBlank(await api.put(link, { label: blank }), "/label");
      expectBlank(
        await api.post(`${base}/documents`, { url: "https://example.com/a.pdf", name: blank }),
        "/name",
      );
      expectBlank(
        await api.post(`${base}/customers/identify`, {
          external_id: blank,
          email: "a@example.com",
        }),
        "/external_id",
      );
    }
    // a custom object's primary field: required, and blank once trimmed
    const records = await api.post(`${base}/objects/vehicles`, { properties: { title: "   " } });
    expect(records.status).toBe(422);
    expect(records.body.errors).toEqual([
      { path: "/properties/title", message: "must not be blank" },
    ]);
  });
});

describe("required text that is missing or not text says so", () => {
  test("a missing field is 'is required', a number or an array 'Expected string', not 'must not be blank'", async () => {
    const pipeline = await salesPipeline(api);
    const cases: Array<[string, Record<string, unknown>, string, string]> = [
      ["/deals", { pipeline_id: pipeline.id }, "/title", "is required"],
      ["/deals", { title: 5 }, "/title", "Expected string"],
      ["/deals", { title: ["Acme"] }, "/title", "Expected string"],
      ["/leads", {}, "/name", "is required"],
      ["/tasks", { title: { text: "Call" } }, "/title", "Expected string"],
      ["/webhooks", { events: ["*"] }, "/url", "is required"],
    ];
    for (const [path, body, field, message] of cases) {
      const reply = await api.post(`${base}${path}`, body);
      expect({ path, body, status: reply.status, errors: reply.body.errors }).toEqual({
        path,
        body,
        status: 422,
        errors: [{ path: field, message }],
      });
      expect(reply.body.detail).toBe(`${field.slice(1)}: ${message}`);
    }
  });
});

describe("required text that is too long says so", () => {
  test("a message body, SMS body or subject over its limit is 'must be at most N characters', not 'must not be blank'", async () => {
    const customer = await created(api, "/contacts", { first_name: "Lu" });
    const conversation = await created(api, "/conversations", { customer_id: customer.id });
    const cases: Array<[string, Record<string, unknown>, string, string]> = [
      [
        "/messages",
        { conversation_id: conversation.id, body: "x".repeat(100_001) },
        "/body",
        "must be at most 100000 characters",
      ],
      [
        "/sms/send",
        { to: "+14155550123", from: "+14155550100", body: "x".repeat(801) },
        "/body",
        "must be at most 800 characters",
      ],
      [
        "/conversations",
        { customer_id: customer.id, subject: "x".repeat(501) },
        "/subject",
        "must be at most 500 characters",
      ],
    ];
    for (const [path, body, field, message] of cases) {
      const reply = await api.post(`${base}${path}`, body);
      expect({ path, status: reply.status, errors: reply.body.errors }).toEqual({
        path,
        status: 422,
        errors: [{ path: field, message }],
      });
      expect(reply.body.detail).toBe(`${field.slice(1)}: ${message}`);
    }
  });
});
