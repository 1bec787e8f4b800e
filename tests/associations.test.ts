import { beforeAll, describe, expect, test } from "bun:test";
import { created, expect422 } from "./helpers/api";
import { outboxOf } from "./helpers/records";
import type { Api } from "./helpers/server";
import { useTestServer } from "./helpers/suite";
import { salesPipeline } from "./sales-fixtures";

const server = useTestServer({ config: { rateLimit: 100_000 } });
const base = "/api/external";

let api: Api;
let tenantId: string;
beforeAll(async () => {
  ({ api, tenantId } = await server.tenant());
  await salesPipeline(api);
});

const contact = (name: string) => created(api, "/contacts", { first_name: name });
const deal = (body: Record<string, unknown> = {}) =>
  created(api, "/deals", { title: "D", ...body });
const linksOf = async (path: string) => {
  const reply = await api.get(`${base}${path}`);
  expect(reply.status).toBe(200);
  return reply.body.associations.map((a: any) => [a.id, a.label]);
};
const eventsOf = async (type: string, id: string) =>
  (await outboxOf(server.ctx.db, { tenantId, type }))
    .filter((e) => e.data.from_id === id || e.data.to_id === id)
    .map((e) => [e.data.from_object, e.data.to_object, e.data.label]);

describe("links between records, both ways, with labels", () => {
  test("PUT one link: 201, then 200 unchanged; both sides list it; association.created once", async () => {
    const d = await deal();
    const ann = await contact("Ann");
    const path = `/deals/${d.id}/associations/contacts/${ann.id}`;
    const first = await api.put(`${base}${path}`, { label: "decision maker" });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ id: ann.id, object: "contacts", label: "decision maker" });
    expect((await api.put(`${base}${path}`, { label: "decision maker" })).status).toBe(200);
    // a second role for the same pair is a second link
    expect((await api.put(`${base}${path}`, { label: "champion" })).status).toBe(201);
    expect(await linksOf(`/deals/${d.id}/associations/contacts`)).toEqual([
      [ann.id, "decision maker"],
      [ann.id, "champion"],
    ]);
    expect(await linksOf(`/contacts/${ann.id}/associations/deals`)).toEqual([
      [d.id, "decision maker"],
      [d.id, "champion"],
    ]);
    expect(await linksOf(`/contacts/${ann.id}/associations/deals?label=champion`)).toEqual([
      [d.id, "champion"],
    ]);
    expect(await eventsOf("association.created", ann.id)).toEqual([
      ["deals", "contacts", "decision maker"],
      ["deals", "contacts", "champion"],
    ]);
    // the deal shows the contact in contact_ids
    expect((await api.get(`${base}/deals/${d.id}`)).body.contact_ids).toEqual([ann.id]);
    // DELETE with a label removes that link only; without, the rest
    expect((await api.delete(`${base}${path}?label=champion`)).status).toBe(204);
    expect(await linksOf(`/deals/${d.id}/associations/contacts`)).toEqual([
      [ann.id, "decision maker"],
    ]);
    expect((await api.delete(`${base}${path}`)).status).toBe(204);
    expect((await api.delete(`${base}${path}`)).status).toBe(404);
    expect(await eventsOf("association.deleted", ann.id)).toHaveLength(2);
    expect((await api.get(`${base}/deals/${d.id}`)).body.contact_ids).toEqual([]);
  });

  test("PUT on the collection replaces the links to that object type", async () => {
    const company = await created(api, "/companies", { name: "Acme" });
    const [a, b, c] = [await contact("A"), await contact("B"), await contact("C")];
    const path = `${base}/companies/${company.id}/associations/contacts`;
    await api.put(path, { associations: [{ id: a.id, label: "employee" }, { id: b.id }] });
    const replaced = await api.put(path, {
      associations: [{ id: b.id }, { id: c.id, label: "owner" }],
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.associations.map((x: any) => [x.id, x.label])).toEqual([
      [b.id, null],
      [c.id, "owner"],
    ]);
    expect(await eventsOf("association.deleted", a.id)).toEqual([
      ["companies", "contacts", "employee"],
    ]);
    expect(await eventsOf("association.created", b.id)).toHaveLength(1);
    expect422(await api.put(path, { associations: [{ id: "nope" }] }), "/associations/0/id");
    // a record's links to its own object type: itself is not one of them
    const selfLinks = `${base}/contacts/${a.id}/associations/contacts`;
    expect422(
      await api.put(selfLinks, { associations: [{ id: b.id }, { id: a.id }] }),
      "/associations/1/id",
    );
    expect((await api.delete(path)).status).toBe(204);
    expect(await linksOf(`/companies/${company.id}/associations/contacts`)).toEqual([]);
  });

  test("include=associations on a record's GET groups its links by object type", async () => {
    const d = await deal();
    const ann = await contact("Ann");
    const company = await created(api, "/companies", { name: "Co" });
    await api.put(`${base}/deals/${d.id}/associations/contacts/${ann.id}`, { label: "buyer" });
    await api.put(`${base}/deals/${d.id}/associations/companies/${company.id}`);
    const got = (await api.get(`${base}/deals/${d.id}?include=associations`)).body;
    expect(Object.keys(got.associations).sort()).toEqual(["companies", "contacts"]);
    expect(got.associations.contacts[0]).toMatchObject({ id: ann.id, label: "buyer" });
    expect((await api.get(`${base}/deals/${d.id}`)).body.associations).toBeUndefined();
    const c = (await api.get(`${base}/contacts/${ann.id}?include=associations`)).body;
    expect(c.associations.deals.map((x: any) => x.id)).toEqual([d.id]);
    const co = (await api.get(`${base}/companies/${company.id}?include=associations`)).body;
    expect(co.associations.deals.map((x: any) => x.id)).toEqual([d.id]);
  });

  test("include=associations on a list gives each record of the page its links", async () => {
    const ann = await contact("Ann");
    const bob = await contact("Bob");
    const linked = await deal({ title: "Linked" });
    const alone = await deal({ title: "Alone" });
    await api.put(`${base}/deals/${linked.id}/associations/contacts/${ann.id}`, { label: "buyer" });
    await api.put(`${base}/deals/${linked.id}/associations/contacts/${bob.id}`);
    const page = await api.get(`${base}/deals?include=associations&page_size=100`);
    expect(page.status).toBe(200);
    const byId = new Map(page.body.deals.map((d: any) => [d.id, d.associations]));
    const links = byId.get(linked.id) as any;
    expect(links.contacts.map((x: any) => [x.id, x.label])).toEqual([
      [ann.id, "buyer"],
      [bob.id, null],
    ]);
    expect(byId.get(alone.id)).toEqual({});
    const plain = await api.get(`${base}/deals?page_size=100`);
    expect(plain.body.deals.every((d: any) => d.associations === undefined)).toBe(true);
    const contacts = await api.get(`${base}/contacts?include=associations&page_size=100`);
    const annRow = contacts.body.contacts.find((c: any) => c.id === ann.id);
    expect(annRow.associations.deals.map((x: any) => x.id)).toEqual([linked.id]);
    expect422(await api.get(`${base}/deals?include=everything`), "/include");
  });

  test("include=associations on company and custom-object lists and records", async () => {
    await created(api, "/object-types", {
      name: "site",
      plural: "sites",
      label: "Sites",
      primary_field: "code",
      fields: [{ key: "code", label: "Code", type: "text" }],
    });
    const acme = await created(api, "/companies", { name: "Acme Links" });
    const lone = await created(api, "/companies", { name: "Lone Links" });
    const site = await created(api, "/objects/sites", { properties: { code: "S-1" } });
    const ann = await contact("Ann");
    await api.put(`${base}/companies/${acme.id}/associations/sites/${site.id}`, { label: "hq" });
    await api.put(`${base}/sites/${site.id}/associations/contacts/${ann.id}`);
    const companies = await api.get(`${base}/companies?include=associations&page_size=500`);
    expect(companies.status).toBe(200);
    const byId = new Map(companies.body.companies.map((c: any) => [c.id, c.associations]));
    expect((byId.get(acme.id) as any).sites.map((x: any) => [x.id, x.label])).toEqual([
      [site.id, "hq"],
    ]);
    expect(byId.get(lone.id)).toEqual({});
    const sites = await api.get(`${base}/objects/sites?include=associations`);
    expect(sites.status).toBe(200);
    const links = sites.body.sites[0].associations;
    expect(Object.keys(links).sort()).toEqual(["companies", "contacts"]);
    expect(links.contacts.map((x: any) => x.id)).toEqual([ann.id]);
    const one = await api.get(`${base}/objects/sites/${site.id}?include=associations`);
    expect(one.body.associations).toEqual(links);
    expect((await api.get(`${base}/objects/sites/${site.id}`)).body.associations).toBeUndefined();
    expect((await api.get(`${base}/objects/sites`)).body.sites[0].associations).toBeUndefined();
    expect422(await api.get(`${base}/companies?include=contacts`), "/include");
    expect422(await api.get(`${base}/objects/sites?include=all`), "/include");
  });

  test("lists filter by association (associated_with=<object>:<id>[:<label>])", async () => {
    const ann = await contact("Ann");
    const [d1, d2] = [await deal({ title: "one" }), await deal({ title: "two" })];
    await deal({ title: "three" });
    await api.put(`${base}/deals/${d1.id}/associations/contacts/${ann.id}`, { label: "owner" });
    await api.put(`${base}/contacts/${ann.id}/associations/deals/${d2.id}`);
    const titles = async (q: string) =>
      (await api.get(`${base}/deals?${q}`)).body.deals.map((x: any) => x.title).sort();
    expect(await titles(`associated_with=contacts:${ann.id}`)).toEqual(["one", "two"]);
    expect(await titles(`associated_with=contacts:${ann.id}:owner`)).toEqual(["one"]);
    // a label is any text, colons included
    await api.put(`${base}/deals/${d2.id}/associations/contacts/${ann.id}`, {
      label: "role: buyer",
    });
    expect(
      await titles(`associated_with=contacts:${ann.id}:${encodeURIComponent("role: buyer")}`),
    ).toEqual(["two"]);
    const contacts = await api.get(`${base}/contacts?associated_with=deals:${d2.id}`);
    expect(contacts.body.contacts.map((x: any) => x.id)).toEqual([ann.id]);
    expect422(await api.get(`${base}/deals?associated_with=contacts`), "/associated_with");
  });
});

describe("seed 004: contact_ids on deals", () => {
  test("create and PATCH link contacts; contact_id stays the primary one", async () => {
    const [a, b, c] = [await contact("A"), await contact("B"), await contact("C")];
    const d = await deal({ contact_ids: [a.id, b.id] });
    expect(d).toMatchObject({ contact_id: a.id, contact_ids: [a.id, b.id] });
    expect(await linksOf(`/contacts/${b.id}/associations/deals`)).toEqual([[d.id, null]]);
    const keep = await api.patch(`${base}/deals/${d.id}`, { contact_ids: [c.id, a.id] });
    expect(keep.body).toMatchObject({ contact_id: a.id, contact_ids: [a.id, c.id] });
    const moved = await api.patch(`${base}/deals/${d.id}`, { contact_ids: [c.id] });
    expect(moved.body).toMatchObject({ contact_id: c.id, contact_ids: [c.id] });
    expect(await linksOf(`/contacts/${b.id}/associations/deals`)).toEqual([]);
    const primary = await deal({ contact_id: b.id });
    expect(primary).toMatchObject({ contact_id: b.id, contact_ids: [b.id] });
    expect422(
      await api.post(`${base}/deals`, { title: "x", contact_ids: ["nope"] }),
      "/contact_ids/0",
    );
  });

  test("a contact's deals: associated_with=contacts:<id> finds any linked; contact_id the primary only", async () => {
    const [a, b] = [await contact("Primary"), await contact("Second")];
    const d = await deal({ title: "Two contacts", contact_ids: [a.id, b.id] });
    const other = await deal({ title: "Linked later" });
    await api.put(`${base}/contacts/${b.id}/associations/deals/${other.id}`, { label: "buyer" });
    const ids = async (q: string) => {
      const reply = await api.get(`${base}/deals?${q}`);
      expect(reply.status).toBe(200);
      return reply.body.deals.map((x: any) => x.id).sort();
    };
    expect(await ids(`associated_with=contacts:${b.id}`)).toEqual([d.id, other.id].sort());
    expect(await ids(`associated_with=contacts:${b.id}:buyer`)).toEqual([other.id]);
    expect(await ids(`associated_with=contacts:${a.id}`)).toEqual([d.id]);
    // contact_id is the deal's field: its primary contact
    expect(await ids(`contact_id=${a.id}`)).toEqual([d.id]);
    expect(await ids(`contact_id=${b.id}`)).toEqual([other.id]);
    expect((await api.get(`${base}/deals/${other.id}`)).body.contact_id).toBe(b.id);
  });

  test("deleting a contact removes its links with events; the deal's contact_ids follow", async () => {
    const [a, b] = [await contact("A"), await contact("B")];
    const d = await deal({ contact_ids: [a.id, b.id] });
    const before = (await api.get(`${base}/deals/${d.id}`)).body.updated_at;
    expect((await api.delete(`${base}/contacts/${b.id}`)).status).toBe(204);
    // the event tells the link from the deleted record's side
    expect(await eventsOf("association.deleted", b.id)).toEqual([["contacts", "deals", null]]);
    const after = (await api.get(`${base}/deals/${d.id}`)).body;
    expect(after.contact_ids).toEqual([a.id]);
    expect(after.updated_at >= before).toBe(true);
    expect(await linksOf(`/deals/${d.id}/associations/contacts`)).toEqual([[a.id, null]]);
    // a deleted deal's links go too
    await api.delete(`${base}/deals/${d.id}`);
    expect(await linksOf(`/contacts/${a.id}/associations/deals`)).toEqual([]);
  });
});

describe("seed 004: the primary contact follows links removed elsewhere", () => {
  test("unlinking or deleting the primary contact makes the next linked one primary", async () => {
    const [a, b, c] = [await contact("A"), await contact("B"), await contact("C")];
    const d = await deal({ contact_ids: [a.id, b.id, c.id] });
    expect(d.contact_id).toBe(a.id);
    const path = `${base}/deals/${d.id}/associations/contacts`;
    expect((await api.delete(`${path}/${a.id}`)).status).toBe(204);
    expect((await api.get(`${base}/deals/${d.id}`)).body).toMatchObject({
      contact_id: b.id,
      contact_ids: [b.id, c.id],
    });
    expect((await api.delete(`${base}/contacts/${b.id}`)).status).toBe(204);
    expect((await api.get(`${base}/deals/${d.id}`)).body).toMatchObject({
      contact_id: c.id,
      contact_ids: [c.id],
    });
    expect((await api.delete(path)).status).toBe(204);
    expect((await api.get(`${base}/deals/${d.id}`)).body).toMatchObject({
      contact_id: null,
      contact_ids: [],
    });
    // each change reached webhook consumers as a deal.updated, with its activity row
    const updates = (await outboxOf(server.ctx.db, { tenantId, type: "deal.updated" })).filter(
      (e) => e.data.id === d.id,
    );
    expect(updates.map((e) => [e.data.contact_id, e.data.contact_ids])).toEqual([
      [b.id, [b.id, c.id]],
      [c.id, [c.id]],
      [null, []],
    ]);
    expect(updates[0].metadata.changed_fields).toEqual(["contact_id", "contact_ids"]);
    const activity = await api.get(`${base}/activity?entity_type=deal&entity_id=${d.id}`);
    expect(activity.body.activity.filter((a: any) => a.action === "updated")).toHaveLength(3);
  });
});

describe("isolation and scopes", () => {
  test("another tenant's records are not found, either side", async () => {
    const other = await server.tenant();
    const foreign = await created(other.api, "/contacts", { first_name: "F" });
    const d = await deal();
    expect(
      (await api.put(`${base}/deals/${d.id}/associations/contacts/${foreign.id}`)).status,
    ).toBe(404);
    expect((await api.get(`${base}/contacts/${foreign.id}/associations/deals`)).status).toBe(404);
    expect((await other.api.get(`${base}/deals/${d.id}/associations/contacts`)).status).toBe(404);
    expect((await api.get(`${base}/planets/${d.id}/associations/contacts`)).status).toBe(404);
    expect((await api.get(`${base}/deals/${d.id}/associations/planets`)).status).toBe(404);
  });

  test("include=associations leaves out links to object types the key may not read", async () => {
    await created(api, "/object-types", {
      name: "gadget",
      plural: "gadgets",
      label: "Gadgets",
      primary_field: "code",
      fields: [{ key: "code", label: "Code", type: "text" }],
    });
    const d = await deal({ title: "Scoped include" });
    const ann = await contact("Ann");
    const co = await created(api, "/companies", { name: "Scoped Co" });
    const gadget = await created(api, "/objects/gadgets", { properties: { code: "G-1" } });
    await api.put(`${base}/deals/${d.id}/associations/contacts/${ann.id}`, { label: "buyer" });
    await api.put(`${base}/deals/${d.id}/associations/companies/${co.id}`);
    await api.put(`${base}/deals/${d.id}/associations/gadgets/${gadget.id}`);
    const one = async (key: Api, path: string) => {
      const reply = await key.get(`${base}${path}?include=associations`);
      expect(reply.status).toBe(200);
      return Object.keys(reply.body.associations).sort();
    };
    const inList = async (key: Api, list: string, id: string) => {
      const reply = await key.get(`${base}/${list}?include=associations&page_size=500`);
      expect(reply.status).toBe(200);
      const row = reply.body[list.split("/").pop() as string].find((r: any) => r.id === id);
      return Object.keys(row.associations).sort();
    };
    const everything = ["companies", "contacts", "gadgets"];
    expect(await one(api, `/deals/${d.id}`)).toEqual(everything);
    expect(await inList(api, "deals", d.id)).toEqual(everything);
    const dealsOnly = await server.keyFor(tenantId, ["deals:read"]);
    expect(await one(dealsOnly, `/deals/${d.id}`)).toEqual([]);
    expect(await inList(dealsOnly, "deals", d.id)).toEqual([]);
    const some = await server.keyFor(tenantId, ["deals:read", "contacts:read", "gadgets:read"]);
    expect(await one(some, `/deals/${d.id}`)).toEqual(["contacts", "gadgets"]);
    expect(await inList(some, "deals", d.id)).toEqual(["contacts", "gadgets"]);
    const contactsOnly = await server.keyFor(tenantId, ["contacts:read"]);
    expect(await one(contactsOnly, `/contacts/${ann.id}`)).toEqual([]);
    expect(await inList(contactsOnly, "contacts", ann.id)).toEqual([]);
    expect(await one(some, `/contacts/${ann.id}`)).toEqual(["deals"]);
    const companiesOnly = await server.keyFor(tenantId, ["companies:read"]);
    expect(await one(companiesOnly, `/companies/${co.id}`)).toEqual([]);
    expect(await inList(companiesOnly, "companies", co.id)).toEqual([]);
    const objects = await server.keyFor(tenantId, ["objects:read"]);
    expect(await one(objects, `/objects/gadgets/${gadget.id}`)).toEqual([]);
    const withDeals = await server.keyFor(tenantId, ["objects:read", "deals:read"]);
    expect(await one(withDeals, `/objects/gadgets/${gadget.id}`)).toEqual(["deals"]);
    expect(await inList(withDeals, "objects/gadgets", gadget.id)).toEqual(["deals"]);
  });

  test("a list filtered by association needs :read on the linked object type", async () => {
    const d = await deal({ title: "Filtered by a hidden link" });
    const ann = await contact("Ann");
    await api.put(`${base}/deals/${d.id}/associations/contacts/${ann.id}`);
    const byAnn = `${base}/deals?associated_with=contacts:${ann.id}`;
    const dealsOnly = await server.keyFor(tenantId, ["deals:read"]);
    const denied = await dealsOnly.get(byAnn);
    expect([denied.status, denied.body.detail]).toEqual([403, "Missing permission: contacts:read"]);
    expect((await dealsOnly.get(`${byAnn}:buyer&include=associations`)).status).toBe(403);
    const contactsOnly = await server.keyFor(tenantId, ["contacts:read"]);
    for (const list of ["contacts", "customers"]) {
      const reply = await contactsOnly.get(`${base}/${list}?associated_with=deals:${d.id}`);
      expect([list, reply.status]).toEqual([list, 403]);
    }
    const both = await server.keyFor(tenantId, ["deals:read", "contacts:read"]);
    const found = await both.get(byAnn);
    expect(found.status).toBe(200);
    expect(found.body.deals.map((x: any) => x.id)).toEqual([d.id]);
    const contacts = await both.get(`${base}/contacts?associated_with=deals:${d.id}`);
    expect(contacts.body.contacts.map((x: any) => x.id)).toEqual([ann.id]);
  });

  test("reading links needs :read on both object types; changing them, :write on the record's and :read on the other", async () => {
    const d = await deal();
    const [ann, bob] = [await contact("Ann"), await contact("Bob")];
    await api.put(`${base}/deals/${d.id}/associations/contacts/${ann.id}`);
    const path = `${base}/deals/${d.id}/associations/contacts`;
    const back = `${base}/contacts/${ann.id}/associations/deals`;
    const denied = async (reply: Promise<{ status: number; body: any }>, missing: string) => {
      const { status, body } = await reply;
      expect({ status, detail: body?.detail }).toEqual({
        status: 403,
        detail: `Missing permission: ${missing}`,
      });
    };
    // one side's read scope does not show which records of the other are linked
    const dealsReader = await server.keyFor(tenantId, ["deals:read"]);
    await denied(dealsReader.get(path), "contacts:read");
    await denied(dealsReader.get(back), "contacts:read");
    const contactsReader = await server.keyFor(tenantId, ["contacts:read"]);
    await denied(contactsReader.get(back), "deals:read");
    const reader = await server.keyFor(tenantId, ["deals:read", "contacts:read"]);
    expect((await reader.get(path)).status).toBe(200);
    expect((await reader.get(back)).status).toBe(200);
    await denied(reader.put(`${path}/${bob.id}`), "deals:write");
    await denied(reader.delete(`${path}/${ann.id}`), "deals:write");
    // writing the record's links without seeing the other object type: 403, nothing changes
    const blind = await server.keyFor(tenantId, ["deals:read", "deals:write"]);
    await denied(blind.put(`${path}/${bob.id}`), "contacts:read");
    await denied(blind.put(path, { associations: [{ id: bob.id }] }), "contacts:read");
    await denied(blind.delete(`${path}/${ann.id}`), "contacts:read");
    await denied(blind.delete(path), "contacts:read");
    expect(await linksOf(`/deals/${d.id}/associations/contacts`)).toEqual([[ann.id, null]]);
    // :write on the record's object and :read on the other's is enough
    const writer = await server.keyFor(tenantId, ["deals:write", "contacts:read"]);
    expect((await writer.put(`${path}/${bob.id}`, { label: "buyer" })).status).toBe(201);
    expect((await writer.delete(`${path}/${bob.id}`)).status).toBe(204);
    const replaced = await writer.put(path, { associations: [{ id: bob.id }] });
    expect(replaced.status).toBe(200);
    expect(await linksOf(`/deals/${d.id}/associations/contacts`)).toEqual([[bob.id, null]]);
    // ...but not to read the links, nor to change them from the contact's side
    await denied(writer.get(path), "deals:read");
    await denied(
      writer.put(`${base}/contacts/${ann.id}/associations/deals/${d.id}`),
      "contacts:write",
    );
    // linking from the contact's side rewrites the deal's contact_ids: deals:write too
    const contactWriter = await server.keyFor(tenantId, ["contacts:write", "deals:read"]);
    await denied(
      contactWriter.put(`${base}/contacts/${ann.id}/associations/deals/${d.id}`),
      "deals:write",
    );
    await denied(
      contactWriter.delete(`${base}/contacts/${bob.id}/associations/deals`),
      "deals:write",
    );
    expect(await linksOf(`/deals/${d.id}/associations/contacts`)).toEqual([[bob.id, null]]);
    expect((await writer.delete(path)).status).toBe(204);
    // seed 001's coarse `write` (no read) links records as before
    const coarse = await server.keyFor(tenantId, ["write"]);
    expect((await coarse.put(`${path}/${ann.id}`)).status).toBe(201);
    await denied(coarse.get(path), "deals:read");
    expect(await linksOf(`/deals/${d.id}/associations/contacts`)).toEqual([[ann.id, null]]);
  });
});
