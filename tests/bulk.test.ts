import { describe, expect, test } from "bun:test";
import { ManualClock } from "../src/clock";
import { activityFor, changeCounts, eventsFor } from "./helpers/records";
import type { Api } from "./helpers/server";
import { useTestServer } from "./helpers/suite";

const clock = new ManualClock(new Date("2026-01-10T09:00:00.000Z"));

const server = useTestServer({ clock, config: { rateLimit: 100_000 } });

const bulk = (client: Api, resource: string, records: unknown) =>
  client.post(`/api/external/${resource}/bulk`, { records });

describe("POST /contacts/bulk", () => {
  test("mixed rows: valid ones are created or updated, invalid ones fail alone", async () => {
    const { api, tenantId } = await server.tenant();
    const company = (await api.post("/api/external/companies", { name: "Acme" })).body;
    const existing = (
      await api.post("/api/external/contacts", {
        first_name: "Ada",
        title: "Countess",
        email: [{ email: "ada@one.example" }, { email: "Ada@Two.example" }],
      })
    ).body;
    const before = await changeCounts(server, tenantId);

    const reply = await bulk(api, "contacts", [
      { first_name: "New", email: [{ email: "new@x.example" }], company_id: company.id },
      { last_name: "Lovelace", email: [{ email: "ADA@TWO.EXAMPLE" }] },
      { first_name: "Bad", email: [{ email: "not-an-email" }] },
      "not an object",
      { first_name: "Ghost", company_id: "01900000-0000-7000-8000-000000000000" },
      { title: "Nobody" },
      { first_name: "No email" },
      { first_name: "Again", email: [{ email: "New@X.example" }] },
    ]);
    expect(reply.status).toBe(200);
    const { results } = reply.body;
    expect(reply.body).toMatchObject({ created: 2, updated: 2, failed: 4 });
    expect(results.map((r: any) => [r.index, r.status])).toEqual([
      [0, "created"],
      [1, "updated"],
      [2, "error"],
      [3, "error"],
      [4, "error"],
      [5, "error"],
      [6, "created"],
      [7, "updated"],
    ]);
    expect(results[1].id).toBe(existing.id);
    expect(results[7].id).toBe(results[0].id);
    expect(results[2].errors).toEqual([
      { path: "/email/0/email", message: expect.stringContaining("email") },
    ]);
    expect(results[3].errors[0].path).toBe("/");
    expect(results[4].errors).toEqual([{ path: "/company_id", message: "does not exist" }]);
    expect(results[5].errors[0].path).toBe("/");
    for (const failed of results.filter((r: any) => r.status === "error"))
      expect(failed.id).toBeUndefined();

    const ada = (await api.get(`/api/external/contacts/${existing.id}`)).body;
    expect(ada).toMatchObject({
      first_name: "Ada",
      last_name: "Lovelace",
      title: "Countess",
      email: [{ email: "ADA@TWO.EXAMPLE", type: "Work" }],
      primary_email: "ada@two.example",
    });
    const created = (await api.get(`/api/external/contacts/${results[0].id}`)).body;
    expect(created).toMatchObject({ first_name: "Again", company_id: company.id });

    // Every successful row has its activity row and event; failed rows have none.
    const after = await changeCounts(server, tenantId);
    expect(after.events - before.events).toBe(4);
    expect(after.activity - before.activity).toBe(4);
    expect((await eventsFor(server, existing.id)).map((e) => e.event_type)).toEqual([
      "contact.created",
      "contact.updated",
    ]);
    const twice = await eventsFor(server, results[0].id);
    expect(twice.map((e) => e.event_type)).toEqual(["contact.created", "contact.updated"]);
    expect(twice[1].data).toEqual(created);
    expect((await activityFor(server, results[6].id)).map((a) => a.action)).toEqual(["created"]);
    expect((await api.get("/api/external/contacts?email=new@x.example")).body.total).toBe(1);
  });

  test("upserts match only live contacts of the same tenant", async () => {
    const mine = await server.tenant();
    const theirs = await server.tenant();
    const foreign = (
      await theirs.api.post("/api/external/contacts", { email: [{ email: "same@x.example" }] })
    ).body;
    const deleted = (
      await mine.api.post("/api/external/contacts", { email: [{ email: "same@x.example" }] })
    ).body;
    await mine.api.delete(`/api/external/contacts/${deleted.id}`);
    const reply = await bulk(mine.api, "contacts", [{ email: [{ email: "same@x.example" }] }]);
    expect(reply.body.results[0].status).toBe("created");
    expect([foreign.id, deleted.id]).not.toContain(reply.body.results[0].id);
  });

  test("a field the record does not declare fails that record, naming it, as in POST /contacts", async () => {
    const { api, tenantId } = await server.tenant();
    const before = await changeCounts(server, tenantId);
    const reply = await bulk(api, "contacts", [
      { first_name: "Typo", phone_numbers: [{ number: "+15550100" }] },
      { first_name: "Nested", email: [{ email: "nested@x.example", kind: "Work" }] },
      { first_name: "Fine", custom_fields: { source: "fair" } },
    ]);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ created: 1, updated: 0, failed: 2 });
    expect(reply.body.results[0]).toEqual({
      index: 0,
      status: "error",
      errors: [{ path: "/phone_numbers", message: expect.any(String) }],
    });
    expect(reply.body.results[1].errors).toEqual([
      { path: "/email/0/kind", message: expect.any(String) },
    ]);
    expect(reply.body.results[2].status).toBe("created");
    const after = await changeCounts(server, tenantId);
    expect(after.events - before.events).toBe(1);
  });

  test("a bad envelope is 422 and writes nothing", async () => {
    const { api, tenantId } = await server.tenant();
    const before = await changeCounts(server, tenantId);
    const tooMany = Array.from({ length: 501 }, (_, i) => ({ first_name: `P${i}` }));
    for (const body of [{}, { records: [] }, { records: {} }, { records: tooMany }]) {
      const reply = await api.post("/api/external/contacts/bulk", body);
      expect(reply.status).toBe(422);
      expect(reply.body.errors[0].path).toStartWith("/records");
    }
    expect(await changeCounts(server, tenantId)).toEqual(before);
    expect((await api.get("/api/external/contacts")).body.total).toBe(0);
  });
});

describe("POST /companies/bulk", () => {
  test("upserts by domain, with or without scheme and www.; invalid rows fail alone", async () => {
    const { api, tenantId } = await server.tenant();
    const acme = (
      await api.post("/api/external/companies", {
        name: "Acme",
        website: "https://acme.com",
        sector: "Tech",
      })
    ).body;
    const before = await changeCounts(server, tenantId);
    const reply = await bulk(api, "companies", [
      { name: "Acme Corporation", website: "http://www.ACME.com/about" },
      { domain: "acme.com", size: 250 },
      { name: "Globex", domain: "globex.example" },
      { website: "https://unknown.example" },
      { name: "Broken", website: "not a site" },
      { name: "No domain" },
      { name: "Globex Two", website: "globex.example" },
    ]);
    expect(reply.status).toBe(200);
    const { results } = reply.body;
    expect(results.map((r: any) => r.status)).toEqual([
      "updated",
      "updated",
      "created",
      "error",
      "error",
      "created",
      "updated",
    ]);
    expect(reply.body).toMatchObject({ created: 2, updated: 3, failed: 2 });
    expect(results[0].id).toBe(acme.id);
    expect(results[1].id).toBe(acme.id);
    expect(results[6].id).toBe(results[2].id);
    expect(results[3].errors).toEqual([{ path: "/name", message: "is required" }]);
    expect(results[4].errors[0].path).toBe("/website");

    expect((await api.get(`/api/external/companies/${acme.id}`)).body).toMatchObject({
      name: "Acme Corporation",
      website: "http://www.ACME.com/about",
      domain: "acme.com",
      sector: "Tech",
      size: "250",
    });
    const after = await changeCounts(server, tenantId);
    expect(after.events - before.events).toBe(5);
    expect(after.activity - before.activity).toBe(5);
    expect((await eventsFor(server, acme.id)).map((e) => e.event_type)).toEqual([
      "company.created",
      "company.updated",
      "company.updated",
    ]);
    expect((await api.get("/api/external/companies?domain=globex.example")).body.total).toBe(1);
  });

  test("a record with a null domain matched by its website keeps the company's domain", async () => {
    const { api } = await server.tenant();
    const acme = (
      await api.post("/api/external/companies", { name: "Acme", website: "https://acme.com" })
    ).body;
    const record = { name: "Acme Inc", domain: null, website: "https://www.acme.com" };
    for (let run = 0; run < 2; run++) {
      const reply = await bulk(api, "companies", [record]);
      expect(reply.body.results).toEqual([{ index: 0, status: "updated", id: acme.id }]);
      expect((await api.get(`/api/external/companies/${acme.id}`)).body).toMatchObject({
        name: "Acme Inc",
        website: "https://www.acme.com",
        domain: "acme.com",
      });
    }
  });

  test("an empty domain or website fails the record at that field", async () => {
    const { api } = await server.tenant();
    const reply = await bulk(api, "companies", [
      { name: "A", domain: "" },
      { name: "B", website: "" },
    ]);
    expect(reply.body.results).toEqual([
      { index: 0, status: "error", errors: [{ path: "/domain", message: expect.any(String) }] },
      { index: 1, status: "error", errors: [{ path: "/website", message: expect.any(String) }] },
    ]);
  });

  test("needs companies:write", async () => {
    const { tenantId } = await server.tenant();
    const reader = await server.keyFor(tenantId, ["companies:read", "contacts:write"]);
    expect((await bulk(reader, "companies", [{ name: "x" }])).status).toBe(403);
    expect((await server.anonymous.post("/api/external/companies/bulk", {})).status).toBe(401);
  });
});

/** A tenant whose contacts have a unique `badge` field, and a contact holding badge A-1. */
async function tenantWithBadgeA1() {
  const { api } = await server.tenant();
  await api.post("/api/external/fields/contacts", {
    key: "badge",
    label: "Badge",
    type: "text",
    unique: true,
  });
  await api.post("/api/external/contacts", { first_name: "Ann", custom_fields: { badge: "A-1" } });
  return api;
}

describe("unique custom values in bulk upserts", () => {
  test("a value another record holds fails the record at its field path", async () => {
    const api = await tenantWithBadgeA1();
    const x = "/api/external";
    const contactsReply = await bulk(api, "contacts", [
      { first_name: "Bob", custom_fields: { badge: "B-1" } },
      { first_name: "Cy", custom_fields: { badge: "a-1" } },
    ]);
    expect(contactsReply.body.results[0].status).toBe("created");
    expect(contactsReply.body.results[1]).toEqual({
      index: 1,
      status: "error",
      errors: [{ path: "/custom_fields/badge", message: expect.any(String) }],
    });

    await api.post(`${x}/object-types`, {
      name: "vehicle",
      plural: "vehicles",
      label: "Vehicles",
      primary_field: "model",
      fields: [
        { key: "model", label: "Model", type: "text" },
        { key: "vin", label: "VIN", type: "text", unique: true },
        { key: "plate", label: "Plate", type: "text", unique: true },
      ],
    });
    await api.post(`${x}/objects/vehicles`, {
      properties: { model: "Golf", vin: "V1", plate: "P1" },
    });
    // matched by vin, the record takes a plate another vehicle holds
    await api.post(`${x}/objects/vehicles`, {
      properties: { model: "Polo", vin: "V2", plate: "P2" },
    });
    const vehiclesReply = await bulk(api, "objects/vehicles", [
      { properties: { model: "Up", vin: "V1" } },
    ]);
    const matched = await api.post(`${x}/objects/vehicles/bulk?match_by=vin`, {
      records: [{ properties: { model: "Golf", vin: "V1", plate: "P2" } }],
    });
    for (const reply of [vehiclesReply, matched]) {
      expect(reply.body.results).toEqual([
        {
          index: 0,
          status: "error",
          errors: [{ path: expect.any(String), message: expect.any(String) }],
        },
      ]);
    }
    expect(vehiclesReply.body.results[0].errors[0].path).toBe("/properties/vin");
    expect(matched.body.results[0].errors[0].path).toBe("/properties/plate");
    expect(matched.body.results[0].errors[0].message).not.toContain("custom_fields");
  });

  test("a single create names the field too: 409 with its path", async () => {
    const api = await tenantWithBadgeA1();
    const x = "/api/external";
    const dup = await api.post(`${x}/contacts`, {
      first_name: "Bob",
      custom_fields: { badge: "A-1" },
    });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({
      code: "CONFLICT",
      errors: [{ path: "/custom_fields/badge", message: expect.any(String) }],
    });
  });
});
