import { beforeAll, describe, expect, test } from "bun:test";
import { eq } from "drizzle-orm";
import { deals } from "../db/schema";
import { ManualClock } from "../src/clock";
import { created } from "./helpers/api";
import { activityFor, changeCounts, eventsFor } from "./helpers/records";
import { type Api, startTestServer } from "./helpers/server";
import { useTestServer } from "./helpers/suite";

const clock = new ManualClock(new Date("2026-01-10T09:00:00.000Z"));
let api: Api;
let tenantId: string;

const server = useTestServer({ clock, config: { rateLimit: 100_000 } });
beforeAll(async () => {
  ({ api, tenantId } = await server.tenant());
});

const create = (client: Api, body: Record<string, unknown>) => created(client, "/companies", body);

const ids = (reply: { body: { companies: Array<{ id: string }> } }) =>
  reply.body.companies.map((c) => c.id);

/** A deal row written straight to the table (the deals plugin is not part of this suite). */
async function insertDeal(tenant: string, companyId: string, title: string, status: string) {
  const id = Bun.randomUUIDv7();
  const now = clock.now();
  await server.ctx.write((tx) =>
    tx.insert(deals).values({
      id,
      tenantId: tenant,
      title,
      status,
      pipelineId: "p",
      stageId: "s",
      stageEnteredAt: now,
      companyId,
      value: 1000,
      createdAt: now,
      updatedAt: now,
      syncSeq: 0,
    }),
  );
  return id;
}

describe("create, read, update, delete", () => {
  test("POST derives the domain from the website: no scheme, no www., lower case", async () => {
    const company = await create(api, {
      name: "Acme Corp",
      website: "https://www.Acme.COM/about?x=1",
      sector: "Technology",
      size: 100,
      address: { street: "1 Main St", city: "Springfield", country: "US" },
      phone: "+1 555 0100",
      tags: ["customer", "customer"],
      custom_fields: { tier: 1 },
    });
    expect(company).toMatchObject({
      name: "Acme Corp",
      website: "https://www.Acme.COM/about?x=1",
      domain: "acme.com",
      sector: "Technology",
      size: "100",
      address: { street: "1 Main St", city: "Springfield", country: "US" },
      tags: ["customer"],
      custom_fields: { tier: 1 },
      created_at: "2026-01-10T09:00:00.000Z",
      deleted_at: null,
    });
    expect((await api.get(`/api/external/companies/${company.id}`)).body).toEqual(company);
    const events = await eventsFor(server, company.id);
    expect(events.map((e) => [e.event_type, e.data])).toEqual([["company.created", company]]);
    expect((await activityFor(server, company.id)).map((a) => a.action)).toEqual(["created"]);
  });

  test("unknown fields, top-level or in the address, are 422 naming each and write nothing", async () => {
    const before = await changeCounts(server, tenantId);
    const reply = await api.post("/api/external/companies", {
      name: "Extra",
      planet: "Mars",
      address: { city: "Lyon", planet: "Mars" },
    });
    expect(reply.status).toBe(422);
    expect(reply.body.errors.map((e: { path: string }) => e.path)).toEqual([
      "/planet",
      "/address/planet",
    ]);
    expect(await changeCounts(server, tenantId)).toEqual(before);
  });

  test("an explicit domain is normalised and wins over the website", async () => {
    const company = await create(api, {
      name: "Both",
      website: "https://both.example",
      domain: "HTTP://WWW.Other.Example:8080/",
    });
    expect(company.domain).toBe("other.example");
    expect((await create(api, { name: "Bare", website: "bare.example" })).domain).toBe(
      "bare.example",
    );
  });

  test("invalid input is 422 at the field and writes nothing", async () => {
    const before = await changeCounts(server, tenantId);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ website: "https://x.example" }, "/name"],
      [{ name: "" }, "/name"],
      [{ name: "A", website: "not a website" }, "/website"],
      [{ name: "A", domain: "localhost" }, "/domain"],
      [{ name: "A", domain: "" }, "/domain"],
      [{ name: "A", website: "" }, "/website"],
      [{ name: "A", website: " ", domain: "a.example" }, "/website"],
      [{ name: "A", address: { city: 5 } }, "/address/city"],
      [{ name: "A", size: -1 }, "/size"],
    ];
    for (const [body, path] of cases) {
      const reply = await api.post("/api/external/companies", body);
      expect({ body, status: reply.status }).toEqual({ body, status: 422 });
      expect(reply.body.errors[0].path).toStartWith(path);
    }
    expect(await changeCounts(server, tenantId)).toEqual(before);
  });

  test("PATCH: a new website moves the domain; null clears both; events and activity follow", async () => {
    const company = await create(api, { name: "Mover", website: "https://old.example" });
    const path = `/api/external/companies/${company.id}`;
    const moved = await api.patch(path, { website: "https://www.new.example/home" });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ name: "Mover", domain: "new.example" });
    const cleared = await api.patch(path, { website: null });
    expect(cleared.body).toMatchObject({ website: null, domain: null });
    const renamed = await api.patch(path, { name: "Renamed" });
    expect(renamed.body).toMatchObject({ name: "Renamed", website: null });
    const events = await eventsFor(server, company.id);
    expect(events.map((e) => e.event_type)).toEqual([
      "company.created",
      "company.updated",
      "company.updated",
      "company.updated",
    ]);
    expect(events[1].metadata.changed_fields).toEqual(["website", "domain"]);
    expect(events[3].data).toEqual(renamed.body);
    const activity = await activityFor(server, company.id);
    expect(activity[3].changes).toEqual({ name: { old: "Mover", new: "Renamed" } });
    expect((await api.patch(path, { domain: "nope" })).status).toBe(422);
    expect((await api.patch(path, { domain: "" })).status).toBe(422);
    expect((await api.patch(path, { website: "" })).status).toBe(422);
  });

  test("PATCH and bulk updates merge the address: parts left out stay, null clears it", async () => {
    const company = await create(api, {
      name: "Addressed",
      domain: "addressed.example",
      address: { street: "1 Main St", city: "Springfield", country: "US" },
    });
    const path = `/api/external/companies/${company.id}`;
    const moved = await api.patch(path, { address: { postal_code: "12345", city: "Shelbyville" } });
    expect(moved.body.address).toEqual({
      street: "1 Main St",
      city: "Shelbyville",
      country: "US",
      postal_code: "12345",
    });
    expect((await eventsFor(server, company.id)).at(-1)?.metadata.changed_fields).toEqual([
      "address",
    ]);
    const bulk = await api.post("/api/external/companies/bulk", {
      records: [{ domain: "addressed.example", address: { street2: "Suite 4", state: null } }],
    });
    expect(bulk.body.updated).toBe(1);
    expect((await api.get(path)).body.address).toEqual({
      street: "1 Main St",
      street2: "Suite 4",
      city: "Shelbyville",
      state: null,
      country: "US",
      postal_code: "12345",
    });
    expect((await api.patch(path, { address: null })).body.address).toBeNull();
  });

  test("a null domain beside a website is derived from it, as an absent one is", async () => {
    const company = await create(api, {
      name: "Nulls",
      website: "https://www.nulls.example",
      domain: null,
    });
    expect(company.domain).toBe("nulls.example");
    const path = `/api/external/companies/${company.id}`;
    const moved = await api.patch(path, { website: "https://moved.example", domain: null });
    expect(moved.body).toMatchObject({ website: "https://moved.example", domain: "moved.example" });
    // without a website, null still clears the domain
    const cleared = await api.patch(path, { domain: null });
    expect(cleared.body).toMatchObject({ website: "https://moved.example", domain: null });
  });

  test("DELETE is 204, emits company.deleted, then the company is 404", async () => {
    const company = await create(api, { name: "Doomed" });
    const path = `/api/external/companies/${company.id}`;
    expect((await api.delete(path)).status).toBe(204);
    expect((await api.get(path)).status).toBe(404);
    expect((await api.patch(path, { name: "x" })).status).toBe(404);
    expect((await api.delete(path)).status).toBe(404);
    const events = await eventsFor(server, company.id);
    expect(events.map((e) => e.event_type)).toEqual(["company.created", "company.deleted"]);
    expect(events[1].data.deleted_at).toBe(clock.now().toISOString());
  });

  test("another tenant's company is 404", async () => {
    const company = await create(api, { name: "Mine" });
    const other = await server.tenant();
    const path = `/api/external/companies/${company.id}`;
    expect((await other.api.get(path)).status).toBe(404);
    expect((await other.api.patch(path, { name: "Theirs" })).status).toBe(404);
    expect((await other.api.delete(path)).status).toBe(404);
    expect((await api.get(path)).body.name).toBe("Mine");
  });
});

describe("list filters", () => {
  let client: Api;
  const made: Record<string, string> = {};

  beforeAll(async () => {
    ({ api: client } = await server.tenant());
    const companies: Array<[string, Record<string, unknown>]> = [
      ["acme", { name: "Acme Corp", website: "https://www.acme.com", tags: ["customer", "emea"] }],
      ["tech", { name: "Tech Startup 100%", domain: "techstartup.io", phone: "+1 415 555 0199" }],
      ["globex", { name: "Globex", website: "http://globex.example/", tags: ["customer"] }],
    ];
    for (const [key, body] of companies) made[key] = (await create(client, body)).id;
  });

  const list = (query: string) => client.get(`/api/external/companies?${query}`);

  test("name matches a part, ignoring case; LIKE wildcards are literal", async () => {
    expect(ids(await list("name=CM"))).toEqual([made.acme]);
    expect(ids(await list("name=corp"))).toEqual([made.acme]);
    expect(ids(await list("name=100%25"))).toEqual([made.tech]);
    expect(ids(await list("name=%25"))).toEqual([made.tech]);
    expect(ids(await list("name=_"))).toEqual([]);
  });

  test("name ignores case in every script; GLOB's wildcards are literal too", async () => {
    const { api: other } = await server.tenant();
    const named = async (name: string) => (await create(other, { name })).id as string;
    const ecole = await named("École Polytechnique");
    const arzte = await named("ÖL & ÄRZTE Ωμέγα");
    const star = await named("Star*Ware [Beta]?");
    const find = async (name: string) =>
      ids(await other.get(`/api/external/companies?name=${encodeURIComponent(name)}`));
    expect(await find("école")).toEqual([ecole]);
    expect(await find("ÉCOLE POLY")).toEqual([ecole]);
    expect(await find("öl & ärzte ωμέγα")).toEqual([arzte]);
    expect(await find("*")).toEqual([star]);
    expect(await find("[beta]?")).toEqual([star]);
    expect(await find("e?")).toEqual([]);
  });

  test("name ignores case in every script on a PostgreSQL database in the C locale", async () => {
    const local = await startTestServer({ localeC: true });
    try {
      const { api: client } = await local.tenant();
      const ecole = (await create(client, { name: "École Ωμέγα Москва" })).id;
      await create(client, { name: "Ecole Omega" });
      for (const name of ["école", "ÉCOLE", "ωμέγα", "МОСКВА"]) {
        const reply = await client.get(`/api/external/companies?name=${encodeURIComponent(name)}`);
        expect({ name, found: ids(reply) }).toEqual({ name, found: [ecole] });
      }
    } finally {
      await local.close();
    }
  });

  test("website and domain match with or without scheme and www., any case", async () => {
    for (const value of [
      "acme.com",
      "ACME.com",
      "www.acme.com",
      "https://acme.com",
      "http://www.Acme.com/pricing",
    ]) {
      expect(ids(await list(`website=${encodeURIComponent(value)}`))).toEqual([made.acme]);
      expect(ids(await list(`domain=${encodeURIComponent(value)}`))).toEqual([made.acme]);
    }
    expect(ids(await list("domain=https://techstartup.io"))).toEqual([made.tech]);
    expect(ids(await list("website=acme.co"))).toEqual([]);
    const bad = await list("website=nonsense");
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe("/website");
  });

  test("search covers name, domain and phone; tags need all", async () => {
    expect(ids(await list("search=glob"))).toEqual([made.globex]);
    expect(ids(await list("search=techstartup"))).toEqual([made.tech]);
    expect(ids(await list("search=0199"))).toEqual([made.tech]);
    expect(ids(await list("tags=customer")).sort()).toEqual([made.acme, made.globex].sort());
    expect(ids(await list("tags=customer,emea"))).toEqual([made.acme]);
    expect(ids(await list("tags=customer&name=glob"))).toEqual([made.globex]);
  });

  test("since gives changes oldest first with tombstones; other tenants see none", async () => {
    clock.set("2026-03-01T00:00:00.000Z");
    await client.patch(`/api/external/companies/${made.globex}`, { sector: "Energy" });
    clock.set("2026-03-02T00:00:00.000Z");
    await client.delete(`/api/external/companies/${made.tech}`);
    clock.set("2026-01-10T09:00:00.000Z");
    const since = await list("since=2026-03-01T00:00:00Z");
    expect(since.body.companies.map((c: any) => [c.id, c.deleted_at])).toEqual([
      [made.globex, null],
      [made.tech, "2026-03-02T00:00:00.000Z"],
    ]);
    expect(ids(await list("")).sort()).toEqual([made.acme, made.globex].sort());
    expect(ids(await api.get("/api/external/companies?domain=globex.example"))).toEqual([]);
  });
});

describe("include", () => {
  test("contacts, open deals and recent activity of the company", async () => {
    const { api: client, tenantId: tenant } = await server.tenant();
    const company = await create(client, { name: "Hub", website: "hub.example" });
    const elsewhere = await create(client, { name: "Elsewhere" });
    const member = await client.post("/api/external/contacts", {
      first_name: "Member",
      company_id: company.id,
    });
    const gone = await client.post("/api/external/contacts", {
      first_name: "Gone",
      company_id: company.id,
    });
    await client.delete(`/api/external/contacts/${gone.body.id}`);
    await client.post("/api/external/contacts", { first_name: "Other", company_id: elsewhere.id });
    const open = await insertDeal(tenant, company.id, "Open deal", "open");
    await insertDeal(tenant, company.id, "Won deal", "won");
    await client.patch(`/api/external/companies/${company.id}`, { sector: "Retail" });

    const path = `/api/external/companies/${company.id}`;
    const plain = await client.get(path);
    expect(Object.keys(plain.body)).not.toContain("contacts");
    const full = await client.get(`${path}?include=contacts,deals,activity`);
    expect(full.status).toBe(200);
    expect(full.body.contacts.map((c: any) => c.id)).toEqual([member.body.id]);
    expect(full.body.contacts[0]).toEqual(member.body);
    expect(full.body.deals).toEqual([
      expect.objectContaining({ id: open, title: "Open deal", status: "open", value: 1000 }),
    ]);
    expect(full.body.activity.map((a: any) => a.action)).toEqual(["updated", "created"]);
    expect(full.body.activity[0]).toMatchObject({
      entity_type: "company",
      entity_id: company.id,
      actor_type: "api_key",
      changes: { sector: { old: null, new: "Retail" } },
    });
    const contactsOnly = await client.get(`${path}?include=contacts`);
    expect(Object.keys(contactsOnly.body)).toContain("contacts");
    expect(Object.keys(contactsOnly.body)).not.toContain("deals");
    const unknown = await client.get(`${path}?include=owners`);
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].path).toBe("/include");
  });

  test("contacts and deals created at the same time come in creation order, edited or not", async () => {
    const company = await create(api, { name: "Same instant" });
    const contactIds: string[] = [];
    for (const name of ["One", "Two", "Three", "Four"])
      contactIds.push(
        (await created(api, "/contacts", { first_name: name, company_id: company.id })).id,
      );
    const dealIds: string[] = [];
    for (const title of ["First", "Second", "Third"])
      dealIds.push(await insertDeal(tenantId, company.id, title, "open"));
    // Edits rewrite rows (PostgreSQL moves them in the table); the order stays.
    for (const id of contactIds.slice(0, 2))
      await api.patch(`/api/external/contacts/${id}`, { title: "Edited" });
    await server.ctx.write((tx) =>
      tx.update(deals).set({ description: "Edited" }).where(eq(deals.id, dealIds[0])),
    );
    const full = await api.get(`/api/external/companies/${company.id}?include=contacts,deals`);
    expect(full.body.contacts.map((c: any) => c.id)).toEqual(contactIds);
    expect(full.body.deals.map((d: any) => d.id)).toEqual(dealIds.toReversed());
  });

  test("each include needs its own read scope", async () => {
    const company = await create(api, { name: "Guarded" });
    const path = `/api/external/companies/${company.id}`;
    const reader = await server.keyFor(tenantId, ["companies:read"]);
    expect((await reader.get(path)).status).toBe(200);
    for (const include of ["contacts", "deals", "activity"])
      expect((await reader.get(`${path}?include=${include}`)).status).toBe(403);
    const wider = await server.keyFor(tenantId, ["companies:read", "contacts:read"]);
    expect((await wider.get(`${path}?include=contacts`)).status).toBe(200);
    expect((await wider.get(`${path}?include=contacts,deals`)).status).toBe(403);
  });
});

describe("scopes", () => {
  test("no key is 401; reads need companies:read, writes companies:write", async () => {
    const company = await create(api, { name: "Scoped" });
    const path = `/api/external/companies/${company.id}`;
    expect((await server.anonymous.get("/api/external/companies")).status).toBe(401);
    const reader = await server.keyFor(tenantId, ["companies:read"]);
    expect((await reader.get("/api/external/companies")).status).toBe(200);
    expect((await reader.post("/api/external/companies", { name: "x" })).status).toBe(403);
    expect((await reader.patch(path, { name: "x" })).status).toBe(403);
    expect((await reader.delete(path)).status).toBe(403);
    expect((await reader.post("/api/external/companies/bulk", { records: [{}] })).status).toBe(403);
    const writer = await server.keyFor(tenantId, ["companies:write", "contacts:read"]);
    expect((await writer.get(path)).status).toBe(403);
    expect((await writer.get("/api/external/companies")).status).toBe(403);
    expect((await writer.patch(path, { sector: "ok" })).status).toBe(200);
  });
});
