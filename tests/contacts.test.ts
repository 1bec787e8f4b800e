import { beforeAll, describe, expect, test } from "bun:test";
import { ManualClock } from "../src/clock";
import { created, expect422 } from "./helpers/api";
import { testPostgresUrl } from "./helpers/database";
import { activityFor, changeCounts, eventsFor } from "./helpers/records";
import type { Api } from "./helpers/server";
import { useTestServer } from "./helpers/suite";

const clock = new ManualClock(new Date("2026-01-10T09:00:00.000Z"));
let api: Api;
let tenantId: string;

const server = useTestServer({ clock, config: { rateLimit: 100_000 } });
beforeAll(async () => {
  ({ api, tenantId } = await server.tenant());
});

const jane = {
  first_name: "Jane",
  last_name: "Smith",
  email: [{ email: "Jane.Smith@Example.com", type: "Work" }, { email: "jane@home.example" }],
  phone_number: [{ number: "+1 (555) 123-4567", type: "Mobile" }],
  title: "CTO",
  tags: ["vip", " vip", "emea "],
  custom_fields: { source: "fair" },
};

const create = (client: Api, body: Record<string, unknown>) => created(client, "/contacts", body);

const ids = (reply: { body: { contacts: Array<{ id: string }> } }) =>
  reply.body.contacts.map((c) => c.id);

describe("create and read", () => {
  test("POST answers 201 with seed 004's shape; primary_email is the first email, lower case", async () => {
    const contact = await create(api, jane);
    expect(contact).toMatchObject({
      first_name: "Jane",
      last_name: "Smith",
      email: [
        { email: "Jane.Smith@Example.com", type: "Work" },
        { email: "jane@home.example", type: "Work" },
      ],
      phone_number: [{ number: "+1 (555) 123-4567", type: "Mobile" }],
      primary_email: "jane.smith@example.com",
      title: "CTO",
      company_id: null,
      tags: ["vip", "emea"],
      custom_fields: { source: "fair" },
      created_at: "2026-01-10T09:00:00.000Z",
      deleted_at: null,
    });
    const fetched = await api.get(`/api/external/contacts/${contact.id}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual(contact);
    // A blank type is no type: the default.
    const blank = await create(api, {
      first_name: "Blank",
      email: [{ email: "blank@example.com", type: " " }],
      phone_number: [{ number: "555 0100", type: "" }],
    });
    expect([blank.email[0].type, blank.phone_number[0].type]).toEqual(["Work", "Work"]);
  });

  test("creating writes a contact.created event with the entity and an activity row", async () => {
    const contact = await create(api, { first_name: "Evented" });
    const events = await eventsFor(server, contact.id);
    expect(events.map((e) => e.event_type)).toEqual(["contact.created"]);
    expect(events[0]).toMatchObject({ tenant_id: tenantId, data: contact });
    const activity = await activityFor(server, contact.id);
    expect(activity).toHaveLength(1);
    expect(activity[0]).toMatchObject({ entityType: "contact", action: "created" });
    expect(activity[0].changes.first_name).toEqual({ old: null, new: "Evented" });
  });

  test("a company of the same tenant can be linked", async () => {
    const company = await api.post("/api/external/companies", { name: "Linked Inc" });
    const contact = await create(api, { first_name: "Linked", company_id: company.body.id });
    expect(contact.company_id).toBe(company.body.id);
  });

  test("invalid input is 422 at the field's path and leaves no event or activity", async () => {
    const other = await server.tenant();
    const foreign = await other.api.post("/api/external/companies", { name: "Foreign" });
    const before = await changeCounts(server, tenantId);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ title: "No name, no email" }, "/"],
      [{ first_name: "A", email: [{ email: "not-an-email" }] }, "/email/0/email"],
      [{ first_name: "A", phone_number: [{ number: "call me" }] }, "/phone_number/0/number"],
      [{ first_name: "A", phone_number: [{ number: " - " }] }, "/phone_number/0/number"],
      [{ first_name: "A", linkedin_url: "ftp://x.example" }, "/linkedin_url"],
      [{ first_name: "A", company_id: "01900000-0000-7000-8000-000000000000" }, "/company_id"],
      [{ first_name: "A", company_id: foreign.body.id }, "/company_id"],
      [{ first_name: "A", last_seen_at: "yesterday" }, "/last_seen_at"],
      [{ first_name: "A", tags: [""] }, "/tags/0"],
    ];
    for (const [body, path] of cases) {
      const reply = await api.post("/api/external/contacts", body);
      expect({ body, status: reply.status }).toEqual({ body, status: 422 });
      expect(reply.body.errors[0].path).toBe(path);
    }
    expect(await changeCounts(server, tenantId)).toEqual(before);
  });

  test("text that spells a JSON escape (\\u0000, \\ud800) is stored as written", async () => {
    const text = String.raw`End C strings with \u0000; a lone "\ud800" is not UTF-16`;
    const contact = await created(api, "/contacts", { first_name: "Escapes", background: text });
    expect(contact.background).toBe(text);
    const read = await api.get(`/api/external/contacts/${contact.id}`);
    expect(read.body.background).toBe(text);
    const event = (await eventsFor(server, contact.id)).at(-1);
    expect(event?.data.background).toBe(text);
  });

  test("a NUL character reads back, and is sent, as the POST answered it", async () => {
    // SQLite keeps it; PostgreSQL's text cannot hold it and stores U+FFFD (docs/postgresql.md).
    const contact = await created(api, "/contacts", { first_name: "a\u0000b", tags: ["x\u0000"] });
    const read = await api.get(`/api/external/contacts/${contact.id}`);
    expect(read.body).toEqual(contact);
    const event = (await eventsFor(server, contact.id)).at(-1);
    expect(event?.data).toEqual(contact);
  });

  test("another tenant's contact is 404 for read, update and delete", async () => {
    const contact = await create(api, { first_name: "Private" });
    const other = await server.tenant();
    const path = `/api/external/contacts/${contact.id}`;
    expect((await other.api.get(path)).status).toBe(404);
    expect((await other.api.patch(path, { title: "x" })).status).toBe(404);
    expect((await other.api.delete(path)).status).toBe(404);
    expect((await api.get(path)).body.title).toBeNull();
    expect((await api.get("/api/external/contacts/nope")).status).toBe(404);
  });
});

describe("update and delete", () => {
  test("PATCH changes the fields given, keeps the others, and records what changed", async () => {
    const contact = await create(api, jane);
    clock.advance(1000);
    const reply = await api.patch(`/api/external/contacts/${contact.id}`, {
      title: "CEO",
      email: [{ email: "J.Smith@New.example", type: "Home" }],
    });
    clock.advance(-1000);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      first_name: "Jane",
      title: "CEO",
      email: [{ email: "J.Smith@New.example", type: "Home" }],
      primary_email: "j.smith@new.example",
      phone_number: jane.phone_number,
      updated_at: "2026-01-10T09:00:01.000Z",
      created_at: contact.created_at,
    });
    const events = await eventsFor(server, contact.id);
    expect(events.map((e) => e.event_type)).toEqual(["contact.created", "contact.updated"]);
    expect(events[1].data).toEqual(reply.body);
    expect(events[1].metadata.changed_fields).toEqual(["email", "primary_email", "title"]);
    const activity = await activityFor(server, contact.id);
    expect(activity[1].action).toBe("updated");
    expect(activity[1].changes.title).toEqual({ old: "CTO", new: "CEO" });
  });

  test("replacing emails moves the email filter with them", async () => {
    const contact = await create(api, {
      first_name: "Mover",
      email: [{ email: "old@mover.example" }],
    });
    await api.patch(`/api/external/contacts/${contact.id}`, {
      email: [{ email: "new@mover.example" }],
    });
    expect(ids(await api.get("/api/external/contacts?email=old@mover.example"))).toEqual([]);
    expect(ids(await api.get("/api/external/contacts?email=NEW@mover.example"))).toEqual([
      contact.id,
    ]);
  });

  test("PATCH may not leave a contact without a name and an email", async () => {
    const contact = await create(api, { first_name: "Only", email: [{ email: "only@x.example" }] });
    const reply = await api.patch(`/api/external/contacts/${contact.id}`, {
      first_name: null,
      email: [],
    });
    expect(reply.status).toBe(422);
    expect((await eventsFor(server, contact.id)).map((e) => e.event_type)).toEqual([
      "contact.created",
    ]);
    expect((await api.get(`/api/external/contacts/${contact.id}`)).body.first_name).toBe("Only");
  });

  test("DELETE is 204, emits contact.deleted with the tombstone, and the contact is gone", async () => {
    const contact = await create(api, { first_name: "Gone", email: [{ email: "gone@x.example" }] });
    const path = `/api/external/contacts/${contact.id}`;
    const reply = await api.delete(path);
    expect(reply.status).toBe(204);
    expect(reply.body).toBeNull();
    expect((await api.get(path)).status).toBe(404);
    expect((await api.patch(path, { title: "x" })).status).toBe(404);
    expect((await api.delete(path)).status).toBe(404);
    expect(ids(await api.get("/api/external/contacts?email=gone@x.example"))).toEqual([]);
    const events = await eventsFor(server, contact.id);
    expect(events.map((e) => e.event_type)).toEqual(["contact.created", "contact.deleted"]);
    expect(events[1].data.deleted_at).toBe(clock.now().toISOString());
    expect((await activityFor(server, contact.id)).map((a) => a.action)).toEqual([
      "created",
      "deleted",
    ]);
  });

  test("a contact whose company was deleted can be sent back with its company_id (PATCH, PUT, bulk)", async () => {
    const company = await api.post("/api/external/companies", { name: "Closing Ltd" });
    const contact = await create(api, {
      first_name: "Kept",
      email: [{ email: "kept@closing.example" }],
      company_id: company.body.id,
    });
    expect((await api.delete(`/api/external/companies/${company.body.id}`)).status).toBe(204);
    const path = `/api/external/contacts/${contact.id}`;
    const { id, primary_email, created_at, updated_at, deleted_at, ...fields } = (
      await api.get(path)
    ).body;
    expect(fields.company_id).toBe(company.body.id);
    const patched = await api.patch(path, { company_id: company.body.id, title: "CFO" });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ company_id: company.body.id, title: "CFO" });
    const put = await api.put(path, { ...fields, title: "CEO" });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ company_id: company.body.id, title: "CEO" });
    const bulk = await api.post("/api/external/contacts/bulk", {
      records: [{ ...fields, title: "COO" }],
    });
    expect(bulk.body.results).toEqual([{ index: 0, status: "updated", id: contact.id }]);
    // a new link still has to name a live company
    const other = await api.post("/api/external/companies", { name: "Closed Too" });
    await api.delete(`/api/external/companies/${other.body.id}`);
    expect422(await api.patch(path, { company_id: other.body.id }), "/company_id");
  });
});

describe("list filters", () => {
  let client: Api;
  let acme: string;
  let globex: string;
  const made: Record<string, string> = {};

  beforeAll(async () => {
    ({ api: client } = await server.tenant());
    acme = (await client.post("/api/external/companies", { name: "Acme" })).body.id;
    globex = (await client.post("/api/external/companies", { name: "Globex" })).body.id;
    const people: Array<[string, Record<string, unknown>]> = [
      [
        "ada",
        {
          first_name: "Ada",
          last_name: "Lovelace",
          email: [{ email: "ada@acme.example" }, { email: "Countess@Analytical.example" }],
          phone_number: [{ number: "+44 20 7946 0958" }],
          company_id: acme,
          tags: ["vip", "emea"],
        },
      ],
      [
        "alan",
        {
          first_name: "Alan",
          last_name: "Turing",
          email: [{ email: "alan@acme.example" }],
          company_id: acme,
          tags: ["vip"],
        },
      ],
      [
        "grace",
        {
          first_name: "Grace",
          last_name: "Hopper",
          email: [{ email: "grace@globex.example" }],
          company_id: globex,
          tags: ["emea"],
        },
      ],
    ];
    for (const [name, body] of people) made[name] = (await create(client, body)).id;
  });

  const list = (query: string) => client.get(`/api/external/contacts?${query}`);

  test("email matches any of a contact's emails, exactly, ignoring case", async () => {
    expect(ids(await list("email=ADA@ACME.example"))).toEqual([made.ada]);
    expect(ids(await list("email=countess@analytical.EXAMPLE"))).toEqual([made.ada]);
    expect(ids(await list("email=ada@acme"))).toEqual([]);
    expect(ids(await list(`email=${encodeURIComponent(" alan@acme.example ")}`))).toEqual([
      made.alan,
    ]);
  });

  // Query plans are SQLite's (EXPLAIN QUERY PLAN); PostgreSQL has the same index (tests/dialect-parity.test.ts).
  test.skipIf(testPostgresUrl !== undefined)("the email filter goes through an index", async () => {
    const plan = await server.ctx.db.execute(
      "EXPLAIN QUERY PLAN SELECT contact_id FROM contact_emails WHERE tenant_id = 't' AND email = 'e'",
    );
    const details = plan.map((row) => String(row.detail)).join(" ");
    expect(details).toContain("INDEX contact_emails_tenant_email_idx (tenant_id=? AND email=?)");
  });

  test("search matches word prefixes in names, emails and phone numbers", async () => {
    expect(ids(await list("search=lovel")).sort()).toEqual([made.ada]);
    expect(ids(await list("search=ada%20love"))).toEqual([made.ada]);
    expect(ids(await list("search=analytical"))).toEqual([made.ada]);
    expect(ids(await list("search=7946"))).toEqual([made.ada]);
    expect(ids(await list("search=442079460958"))).toEqual([made.ada]);
    expect(ids(await list("search=acme")).sort()).toEqual([made.ada, made.alan].sort());
    expect(ids(await list("search=nobody"))).toEqual([]);
    expect(ids(await list("search=%40%40"))).toEqual([]);
  });

  test("company_id and tags (all of them) narrow the list", async () => {
    expect(ids(await list(`company_id=${acme}`)).sort()).toEqual([made.ada, made.alan].sort());
    expect(ids(await list("tags=vip")).sort()).toEqual([made.ada, made.alan].sort());
    expect(ids(await list("tags=vip,emea"))).toEqual([made.ada]);
    expect(ids(await list(`tags=emea&company_id=${globex}`))).toEqual([made.grace]);
    expect(ids(await list("tags=unknown"))).toEqual([]);
  });

  test("pages: newest first, with total and has_more", async () => {
    const first = await list("page=1&page_size=2");
    expect(first.body).toMatchObject({ total: 3, page: 1, page_size: 2, has_more: true });
    const second = await list("page=2&page_size=2");
    expect(second.body).toMatchObject({ total: 3, page: 2, has_more: false });
    expect([...ids(first), ...ids(second)]).toEqual([made.grace, made.alan, made.ada]);
    expect((await list("page_size=501")).status).toBe(422);
  });

  test("another tenant's contacts never show", async () => {
    const mine = await list("page_size=500");
    expect(mine.body.total).toBe(3);
    expect(ids(await api.get("/api/external/contacts?email=ada@acme.example"))).toEqual([]);
    expect(ids(await api.get("/api/external/contacts?search=lovelace"))).toEqual([]);
  });
});

describe("sync feed", () => {
  test("since and cursor return changes oldest first, tombstones included", async () => {
    const { api: client } = await server.tenant();
    clock.set("2026-02-01T00:00:00.000Z");
    const old = await create(client, { first_name: "Old" });
    clock.set("2026-02-02T00:00:00.000Z");
    const fresh = await create(client, { first_name: "Fresh" });
    clock.set("2026-02-03T00:00:00.000Z");
    await client.delete(`/api/external/contacts/${old.id}`);
    clock.set("2026-01-10T09:00:00.000Z");

    const since = await client.get("/api/external/contacts?since=2026-02-02T00:00:00Z");
    expect(since.body.contacts.map((c: any) => [c.id, c.deleted_at])).toEqual([
      [fresh.id, null],
      [old.id, "2026-02-03T00:00:00.000Z"],
    ]);
    expect((await client.get("/api/external/contacts?since=yesterday")).status).toBe(422);

    const seen: string[] = [];
    let cursor = "";
    for (let i = 0; i < 5; i++) {
      const page = await client.get(`/api/external/contacts?cursor=${cursor}&page_size=1`);
      seen.push(...ids(page));
      cursor = page.body.next_cursor;
      if (!page.body.has_more) break;
    }
    expect(seen).toEqual([fresh.id, old.id]);
  });
});

describe("scopes", () => {
  test("no key is 401; each route needs its contacts scope", async () => {
    const contact = await create(api, { first_name: "Scoped" });
    const path = `/api/external/contacts/${contact.id}`;
    expect((await server.anonymous.get("/api/external/contacts")).status).toBe(401);
    expect((await server.anonymous.post("/api/external/contacts", {})).status).toBe(401);

    const reader = await server.keyFor(tenantId, ["contacts:read"]);
    expect((await reader.get(path)).status).toBe(200);
    expect((await reader.get("/api/external/contacts")).status).toBe(200);
    expect((await reader.post("/api/external/contacts", { first_name: "x" })).status).toBe(403);
    expect((await reader.patch(path, { title: "x" })).status).toBe(403);
    expect((await reader.delete(path)).status).toBe(403);
    expect((await reader.post("/api/external/contacts/bulk", { records: [{}] })).status).toBe(403);

    const writer = await server.keyFor(tenantId, ["contacts:write"]);
    expect((await writer.get(path)).status).toBe(403);
    expect((await writer.get("/api/external/contacts")).status).toBe(403);
    expect((await writer.patch(path, { title: "ok" })).status).toBe(200);

    const coarse = await server.keyFor(tenantId, ["read"]);
    expect((await coarse.get(path)).status).toBe(200);
    expect((await coarse.delete(path)).status).toBe(403);
  });
});

describe("no-op updates", () => {
  test("a PATCH that changes nothing writes nothing: no activity row, no event, same updated_at", async () => {
    const contact = await created(api, "/contacts", { first_name: "Same", last_name: "Again" });
    const before = await api.get(`/api/external/contacts/${contact.id}`);
    clock.advance(1000);
    const reply = await api.patch(`/api/external/contacts/${contact.id}`, { first_name: "Same" });
    expect(reply.status).toBe(200);
    expect(reply.body.updated_at).toBe(before.body.updated_at);
    expect((await eventsFor(server, contact.id)).map((e) => e.event_type)).toEqual([
      "contact.created",
    ]);
    expect(await activityFor(server, contact.id)).toHaveLength(1);
  });
});
