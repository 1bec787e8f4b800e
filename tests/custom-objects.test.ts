import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { WebhookDispatcher } from "../src/core";
import { created, expect422 } from "./helpers/api";
import { outboxOf } from "./helpers/records";
import { Api, spawnCrmd } from "./helpers/server";
import { useTestServer } from "./helpers/suite";
import { type Receiver, standardVerifies, startReceiver } from "./webhook-receiver";

const server = useTestServer({ config: { rateLimit: 100_000 } });
const base = "/api/external";

let receiver: Receiver;
beforeAll(() => {
  receiver = startReceiver();
});
afterAll(() => receiver.close());

/**
 * What the shared run needs to know of a domain: where its records live,
 * how to make, change and find one, and the names of its events and scopes.
 */
interface Domain {
  title: string;
  path: string;
  listKey: string;
  entity: string;
  scope: string;
  /** Defines the domain for a tenant (a custom object's type); returns nothing. */
  setup(api: Api): Promise<void>;
  body(name: string, code: string): Record<string, unknown>;
  change: Record<string, unknown>;
  /** A change of the record's name (its search title). */
  rename(name: string): Record<string, unknown>;
  nameOf(record: any): string;
  bulkPath: string;
}

const vehicles: Domain = {
  title: "a custom object",
  path: "/objects/vehicles",
  listKey: "vehicles",
  entity: "vehicle",
  scope: "vehicles",
  async setup(api) {
    await created(api, "/object-types", {
      name: "vehicle",
      plural: "vehicles",
      label: "Vehicles",
      primary_field: "model",
      fields: [
        { key: "model", label: "Model", type: "text" },
        { key: "vin", label: "VIN", type: "text", unique: true },
        { key: "seats", label: "Seats", type: "number" },
      ],
    });
  },
  body: (name, code) => ({ properties: { model: name, vin: code, seats: 4 } }),
  change: { properties: { seats: 7 } },
  rename: (name) => ({ properties: { model: name } }),
  nameOf: (record) => record.display,
  bulkPath: "/objects/vehicles/bulk?match_by=vin",
};

const contacts: Domain = {
  title: "a built-in domain (contacts)",
  path: "/contacts",
  listKey: "contacts",
  entity: "contact",
  scope: "contacts",
  async setup() {},
  body: (name, code) => ({ first_name: name, email: [{ email: `${code}@example.com` }] }),
  change: { title: "CTO" },
  rename: (name) => ({ first_name: name }),
  nameOf: (record) => record.first_name,
  bulkPath: "/contacts/bulk",
};

for (const domain of [vehicles, contacts])
  describe(`generic behaviour: ${domain.title}`, () => {
    let api: Api;
    let tenantId: string;
    const url = `${base}${domain.path}`;
    beforeAll(async () => {
      ({ api, tenantId } = await server.tenant());
      await domain.setup(api);
    });

    test("CRUD, list, search, events", async () => {
      const a = await created(api, domain.path, domain.body("Zephyr", "vin-a"));
      await created(api, domain.path, domain.body("Astra", "vin-b"));
      expect((await api.get(`${url}/${a.id}`)).body).toEqual(a);
      const patched = await api.patch(`${url}/${a.id}`, domain.change);
      expect(patched.status).toBe(200);
      const list = await api.get(`${url}?page_size=1`);
      expect(list.body).toMatchObject({ total: 2, page_size: 1, has_more: true });
      const found = await api.get(`${url}?search=zeph`);
      expect(found.body[domain.listKey].map(domain.nameOf)).toEqual(["Zephyr"]);
      expect((await api.delete(`${url}/${a.id}`)).status).toBeLessThan(300);
      expect((await api.get(`${url}/${a.id}`)).status).toBe(404);
      const events = await outboxOf(server.ctx.db, { tenantId, entityId: a.id });
      expect(events.map((e) => e.event_type)).toEqual([
        `${domain.entity}.created`,
        `${domain.entity}.updated`,
        `${domain.entity}.deleted`,
      ]);
      const activity = await api.get(`${base}/activity?entity_id=${a.id}`);
      expect(activity.body.activity.map((x: any) => x.action)).toEqual([
        "deleted",
        "updated",
        "created",
      ]);
    });

    test("global search finds it, for keys that may read it, until it is deleted", async () => {
      const r = await created(api, domain.path, domain.body("Quokka", "vin-quokka"));
      const hits = async (client: Api, query = "q=quokka") => {
        const reply = await client.get(`${base}/search?${query}`);
        expect(reply.status).toBe(200);
        return reply.body.results.map((h: any) => `${h.type}:${h.id}:${h.title}`);
      };
      const hit = `${domain.listKey}:${r.id}:Quokka`;
      expect(await hits(api)).toEqual([hit]);
      expect(await hits(api, `q=quokka&types=${domain.listKey}`)).toEqual([hit]);
      expect(await hits(api, "q=quokka&types=deals")).toEqual([]);
      const reader = await server.keyFor(tenantId, ["search:read", `${domain.scope}:read`]);
      expect(await hits(reader)).toEqual([hit]);
      const blind = await server.keyFor(tenantId, ["search:read", "deals:read"]);
      expect(await hits(blind)).toEqual([]);
      const named = await blind.get(`${base}/search?q=quokka&types=${domain.listKey}`);
      expect(named.status).toBe(403);
      const stranger = (await server.tenant()).api;
      expect(await hits(stranger)).toEqual([]);
      await api.patch(`${url}/${r.id}`, domain.rename("Wombat"));
      expect(await hits(api, "q=wombat")).toEqual([`${domain.listKey}:${r.id}:Wombat`]);
      // the other values are searched too: "vin-quokka" (a VIN, an email) still matches
      expect(await hits(api)).toEqual([`${domain.listKey}:${r.id}:Wombat`]);
      await api.delete(`${url}/${r.id}`);
      expect(await hits(api, "q=wombat")).toEqual([]);
    });

    test("since / cursor feed: oldest change first, tombstones, next_cursor", async () => {
      const start = await api.get(`${url}?cursor=`);
      let cursor = start.body.next_cursor;
      const r = await created(api, domain.path, domain.body("Feed", "vin-feed"));
      await api.patch(`${url}/${r.id}`, domain.change);
      await api.delete(`${url}/${r.id}`);
      const page = await api.get(`${url}?cursor=${cursor}`);
      expect(page.body[domain.listKey].map((x: any) => [x.id, x.deleted_at !== null])).toEqual([
        [r.id, true],
      ]);
      cursor = page.body.next_cursor;
      expect((await api.get(`${url}?cursor=${cursor}`)).body[domain.listKey]).toEqual([]);
      const since = await api.get(`${url}?since=2000-01-01T00:00:00Z&page_size=500`);
      const tombstone = since.body[domain.listKey].find((x: any) => x.id === r.id);
      expect(tombstone.deleted_at).not.toBeNull();
    });

    test("bulk upsert matches on its key; Idempotency-Key replays a create", async () => {
      const first = await api.post(`${base}${domain.bulkPath}`, {
        records: [domain.body("Bulk one", "vin-bulk")],
      });
      expect(first.body).toMatchObject({ created: 1, updated: 0, failed: 0 });
      const second = await api.post(`${base}${domain.bulkPath}`, {
        records: [domain.body("Bulk one again", "vin-bulk"), domain.body("Bulk two", "vin-two")],
      });
      expect(second.body).toMatchObject({ created: 1, updated: 1, failed: 0 });
      expect(second.body.results[0].id).toBe(first.body.results[0].id);
      const headers = { "idempotency-key": `idem-${domain.entity}` };
      const body = domain.body("Once", "vin-once");
      const one = await api.post(url, body, headers);
      const again = await api.post(url, body, headers);
      expect(again.status).toBe(201);
      expect(again.body.id).toBe(one.body.id);
      expect(again.headers.get("idempotent-replayed")).toBe("true");
    });

    test("scopes <resource>:read and :write", async () => {
      const r = await created(api, domain.path, domain.body("Scoped", "vin-scope"));
      const reader = await server.keyFor(tenantId, [`${domain.scope}:read`]);
      expect((await reader.get(`${url}/${r.id}`)).status).toBe(200);
      expect((await reader.post(url, domain.body("No", "vin-no"))).status).toBe(403);
      const other = await server.keyFor(tenantId, ["deals:read"]);
      expect((await other.get(url)).status).toBe(403);
      const writer = await server.keyFor(tenantId, [`${domain.scope}:write`]);
      expect((await writer.patch(`${url}/${r.id}`, domain.change)).status).toBe(200);
    });

    test("the event log shows its events to keys that may read it", async () => {
      const r = await created(api, domain.path, domain.body("Logged", "vin-log"));
      const seenWith = async (permissions: string[]) => {
        const key = await server.keyFor(tenantId, ["events:read", ...permissions]);
        const page = await key.get(`${base}/events?types=${domain.entity}.created`);
        expect(page.status).toBe(200);
        return page.body.events.map((e: any) => e.data.id);
      };
      expect(await seenWith([`${domain.scope}:read`])).toContain(r.id);
      expect(await seenWith(["deals:read"])).not.toContain(r.id);
    });

    test("webhooks get its events, signed", async () => {
      const hookPath = `/hook/${domain.entity}`;
      const hook = await api.post(`${base}/webhooks`, {
        url: receiver.url(hookPath),
        events: [`${domain.entity}.*`],
      });
      expect(hook.status).toBe(201);
      const r = await created(api, domain.path, domain.body("Hooked", "vin-hook"));
      const dispatcher = server.ctx.workers.find(
        (w) => w.name === "webhook-dispatcher",
      ) as WebhookDispatcher;
      await dispatcher.drain();
      await receiver.waitFor(() =>
        receiver.received.some((x) => x.path === hookPath && x.json?.data?.id === r.id),
      );
      const delivery = receiver.received.find((x) => x.json?.data?.id === r.id);
      expect(delivery?.json.event_type).toBe(`${domain.entity}.created`);
      expect(standardVerifies(hook.body.secret, delivery as never)).toBe(true);
    });
  });

describe("custom objects: types, fields and schema", () => {
  test("a type's records are validated by its fields; /schema describes them", async () => {
    const { api } = await server.tenant();
    await vehicles.setup(api);
    expect422(
      await api.post(`${base}/objects/vehicles`, { properties: { seats: 2 } }),
      "/properties/model",
    );
    const dup = await api.post(`${base}/objects/vehicles`, vehicles.body("X", "same"));
    expect(dup.status).toBe(201);
    expect((await api.post(`${base}/objects/vehicles`, vehicles.body("Y", "same"))).status).toBe(
      409,
    );
    // filters on its fields, and PUT replaces the values
    const many = await api.get(`${base}/objects/vehicles?cf.seats[gte]=4`);
    expect(many.body.vehicles).toHaveLength(1);
    const put = await api.put(`${base}/objects/vehicles/${dup.body.id}`, {
      properties: { model: "Z" },
    });
    expect(put.body.properties).toEqual({ model: "Z" });
    const schema = (await api.get(`${base}/objects/vehicles/schema`)).body;
    expect(schema.properties.properties).toMatchObject({
      properties: {
        model: { type: "string", title: "Model" },
        seats: { type: "number" },
      },
      required: ["model"],
      additionalProperties: false,
    });
    // a field added later is one more property
    await created(api, "/fields/vehicles", {
      key: "color",
      label: "Color",
      type: "select",
      options: ["red"],
    });
    const fields = (await api.get(`${base}/object-types/vehicles`)).body.fields;
    expect(fields.map((f: any) => f.key)).toEqual(["model", "vin", "seats", "color"]);
    // records link to built-in records
    const c = await created(api, "/contacts", { first_name: "Owner" });
    const link = await api.put(`${base}/vehicles/${dup.body.id}/associations/contacts/${c.id}`, {
      label: "owner",
    });
    expect(link.status).toBe(201);
    expect(
      (await api.get(`${base}/objects/vehicles?associated_with=contacts:${c.id}`)).body.vehicles,
    ).toHaveLength(1);
  });

  test("blank text is no value: a unique field takes any number of blanks, and bulk never matches on one", async () => {
    const { api } = await server.tenant();
    await vehicles.setup(api);
    const url = `${base}/objects/vehicles`;
    const first = await created(api, "/objects/vehicles", vehicles.body("First", ""));
    expect(first.properties).toEqual({ model: "First", seats: 4 });
    const second = await api.post(url, vehicles.body("Second", "   "));
    expect(second.status).toBe(201);
    expect(second.body.properties).toEqual({ model: "Second", seats: 4 });
    // a blank clears a value, as null does, and frees it
    const third = await created(api, "/objects/vehicles", vehicles.body("Third", "VIN-3"));
    const cleared = await api.patch(`${url}/${third.id}`, { properties: { vin: "" } });
    expect(cleared.body.properties).toEqual({ model: "Third", seats: 4 });
    expect((await api.get(`${url}?cf.vin=VIN-3`)).body.vehicles).toEqual([]);
    await created(api, "/objects/vehicles", vehicles.body("Fourth", "VIN-3"));
    // a blank match_by value creates a record instead of updating one of the blank ones
    const bulk = await api.post(`${url}/bulk?match_by=vin`, {
      records: [vehicles.body("Fifth", "")],
    });
    expect(bulk.body).toMatchObject({ created: 1, updated: 0, failed: 0 });
    expect((await api.get(`${url}/${first.id}`)).body.display).toBe("First");
    // a blank default is none
    const note = await created(api, "/fields/vehicles", {
      key: "note",
      label: "Note",
      type: "text",
      default: "  ",
    });
    expect(note.default).toBeNull();
    // a required text field still refuses a blank
    expect((await api.post(url, { properties: { model: " ", vin: "VIN-6" } })).body.errors).toEqual(
      [{ path: "/properties/model", message: "must not be blank" }],
    );
  });

  test("a field named like a built-in JavaScript property (constructor) is a field like any other", async () => {
    const { api } = await server.tenant();
    await created(api, "/object-types", {
      name: "machine",
      plural: "machines",
      label: "Machines",
      primary_field: "constructor",
      fields: [
        { key: "constructor", label: "Constructor", type: "text" },
        { key: "serial", label: "Serial", type: "text" },
      ],
    });
    expect422(
      await api.post(`${base}/objects/machines`, { properties: { serial: "S-1" } }),
      "/properties/constructor",
    );
    await created(api, "/fields/contacts", { key: "constructor", label: "Built by", type: "text" });
    const contact = await created(api, "/contacts", { first_name: "Ann" });
    expect(contact.custom_fields).toEqual({});
    const put = await api.put(`${base}/contacts/${contact.id}`, { first_name: "Anna" });
    expect(put.status).toBe(200);
    expect(put.body.custom_fields).toEqual({});
  });

  test("type changes are events: object_type.created, updated, deleted (and field.created per field)", async () => {
    const { api, tenantId } = await server.tenant();
    const type = await created(api, "/object-types", {
      name: "boat",
      plural: "boats",
      label: "Boats",
      primary_field: "hull",
      fields: [
        { key: "hull", label: "Hull", type: "text" },
        { key: "length", label: "Length", type: "number" },
      ],
    });
    // a change that changes nothing writes nothing: no event, the same updated_at
    for (const same of [{}, { label: "Boats", primary_field: "hull" }])
      expect((await api.patch(`${base}/object-types/boats`, same)).body).toEqual(type);
    expect((await api.patch(`${base}/object-types/boats`, { label: "Ships" })).status).toBe(200);
    expect((await api.delete(`${base}/object-types/boats`)).status).toBeLessThan(300);
    const events = await outboxOf(server.ctx.db, { tenantId, entityId: type.id });
    expect(events.map((e) => [e.event_type, e.data.label])).toEqual([
      ["object_type.created", "Boats"],
      ["object_type.updated", "Ships"],
      ["object_type.deleted", "Ships"],
    ]);
    expect(events[0].data).toEqual(type);
    const fields = await outboxOf(server.ctx.db, { tenantId, type: "field.created" });
    expect(fields.map((e) => [e.data.object, e.data.key])).toEqual([
      ["boats", "hull"],
      ["boats", "length"],
    ]);
  });

  test("a new primary field gives every record its display, and search follows", async () => {
    const { api } = await server.tenant();
    await vehicles.setup(api);
    const r = await created(api, "/objects/vehicles", vehicles.body("Golf", "WVW-1"));
    expect(r.display).toBe("Golf");
    expect(
      (await api.patch(`${base}/object-types/vehicles`, { primary_field: "vin" })).status,
    ).toBe(200);
    expect((await api.get(`${base}/objects/vehicles/${r.id}`)).body.display).toBe("WVW-1");
    const found = await api.get(`${base}/objects/vehicles?search=WVW`);
    expect(found.body.vehicles.map((v: any) => v.id)).toEqual([r.id]);
  });

  test("the primary field stays required, so every record has a display", async () => {
    const { api } = await server.tenant();
    await vehicles.setup(api);
    const golf = await created(api, "/objects/vehicles", { properties: { model: "Golf" } });
    // model is the primary field: required, and it stays so while it is the primary one
    expect((await api.patch(`${base}/fields/vehicles/model`, { required: false })).status).toBe(
      409,
    );
    expect422(
      await api.post(`${base}/objects/vehicles`, { properties: { seats: 2 } }),
      "/properties/model",
    );
    // a record without a VIN: vin cannot become the primary field until it has one
    const refused = await api.patch(`${base}/object-types/vehicles`, { primary_field: "vin" });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      {
        path: `/records/${golf.id}/properties/vin`,
        message: "is required: the primary field names every record",
      },
    ]);
    expect((await api.get(`${base}/object-types/vehicles`)).body.primary_field).toBe("model");
    await api.patch(`${base}/objects/vehicles/${golf.id}`, { properties: { vin: "WVW-9" } });
    const chosen = await api.patch(`${base}/object-types/vehicles`, { primary_field: "vin" });
    expect(chosen.status).toBe(200);
    expect(chosen.body.fields.find((f: any) => f.key === "vin").required).toBe(true);
    expect422(
      await api.post(`${base}/objects/vehicles`, { properties: { model: "Polo" } }),
      "/properties/vin",
    );
    // the former primary field keeps the required flag it was given; it may be turned off now
    expect((await api.patch(`${base}/fields/vehicles/model`, { required: false })).status).toBe(
      200,
    );
  });

  test("a conversion of the primary field's values gives the records their new display", async () => {
    const { api } = await server.tenant();
    await created(api, "/object-types", {
      name: "mailbox",
      plural: "mailboxes",
      label: "Mailboxes",
      primary_field: "address",
      fields: [{ key: "address", label: "Address", type: "text" }],
    });
    const r = await created(api, "/objects/mailboxes", {
      properties: { address: "Bob@Example.com" },
    });
    expect((await api.patch(`${base}/fields/mailboxes/address`, { type: "email" })).status).toBe(
      200,
    );
    const after = (await api.get(`${base}/objects/mailboxes/${r.id}`)).body;
    expect(after.properties.address).toBe("bob@example.com");
    expect(after.display).toBe("bob@example.com");
  });

  test("the primary field cannot be removed while it is the primary one", async () => {
    const { api } = await server.tenant();
    await vehicles.setup(api);
    const r = await created(api, "/objects/vehicles", vehicles.body("Golf", "WVW-2"));
    expect((await api.delete(`${base}/fields/vehicles/model`)).status).toBe(409);
    expect((await api.get(`${base}/objects/vehicles/${r.id}`)).body.properties.model).toBe("Golf");
    await api.patch(`${base}/object-types/vehicles`, { primary_field: "vin" });
    expect((await api.delete(`${base}/fields/vehicles/model`)).status).toBe(204);
    const type = (await api.get(`${base}/object-types/vehicles`)).body;
    expect(type.primary_field).toBe("vin");
    expect(type.fields.map((f: any) => f.key)).toEqual(["vin", "seats"]);
  });

  test("names are checked; a type with records cannot go; other tenants see nothing", async () => {
    const { api } = await server.tenant();
    await vehicles.setup(api);
    const again = await api.post(`${base}/object-types`, {
      name: "car",
      plural: "vehicles",
      label: "Cars",
      primary_field: "m",
      fields: [{ key: "m", label: "M", type: "text" }],
    });
    expect(again.status).toBe(409);
    const builtIn = await api.post(`${base}/object-types`, {
      name: "deal",
      plural: "mydeals",
      label: "Deals",
      primary_field: "m",
      fields: [{ key: "m", label: "M", type: "text" }],
    });
    expect422(builtIn, "/name");
    const r = await created(api, "/objects/vehicles", vehicles.body("Kept", "k"));
    expect((await api.delete(`${base}/object-types/vehicles`)).status).toBe(409);
    const other = await server.tenant();
    expect((await other.api.get(`${base}/objects/vehicles`)).status).toBe(404);
    expect((await other.api.get(`${base}/objects/vehicles/${r.id}`)).status).toBe(404);
    await api.delete(`${base}/objects/vehicles/${r.id}`);
    expect((await api.delete(`${base}/object-types/vehicles`)).status).toBe(204);
    expect((await api.get(`${base}/objects/vehicles`)).status).toBe(404);
  });

  test("an inline field's error points at that field in the request body", async () => {
    const { api } = await server.tenant();
    const define = (fields: Record<string, unknown>[]) =>
      api.post(`${base}/object-types`, {
        name: "gadget",
        plural: "gadgets",
        label: "Gadgets",
        primary_field: "m",
        fields: [{ key: "m", label: "M", type: "text" }, ...fields],
      });
    const noOptions = await define([{ key: "size", label: "Size", type: "select" }]);
    expect422(noOptions, "/fields/1/options");
    expect(noOptions.body.detail).toStartWith("fields/1/options: ");
    const caseTwins = await define([
      { key: "c", label: "C", type: "select", options: ["Red", "red"] },
    ]);
    expect422(caseTwins, "/fields/1/options/1");
    const badDefault = await define([{ key: "n", label: "N", type: "number", default: "many" }]);
    expect422(badDefault, "/fields/1/default");
    expect422(await define([{ key: "m", label: "Again", type: "text" }]), "/fields/1/key");
    expect((await api.get(`${base}/object-types/gadgets`)).status).toBe(404);
  });

  test("a plural that is a built-in scope's name is refused: its scopes would be another grant's", async () => {
    const { api } = await server.tenant();
    // `search:read` would read its records and `calls:write` (logging calls) write them.
    for (const plural of ["search", "calls", "events", "interactions", "email", "webhooks"]) {
      const reply = await api.post(`${base}/object-types`, {
        name: `custom_${plural}`,
        plural,
        label: "Taken",
        primary_field: "m",
        fields: [{ key: "m", label: "M", type: "text" }],
      });
      expect422(reply, "/plural");
    }
  });

  test("a plural that is an alias's name is refused: `activities:read` grants notes:read, never the type's", async () => {
    const { api, tenantId } = await server.tenant();
    const reply = await api.post(`${base}/object-types`, {
      name: "activity",
      plural: "activities",
      label: "Activities",
      primary_field: "m",
      fields: [{ key: "m", label: "M", type: "text" }],
    });
    expect422(reply, "/plural");
    // what such a type's scope would have been: a grant of notes, not of the type
    const key = await server.keyFor(tenantId, ["activities:read"]);
    expect((await key.get(`${base}/notes`)).status).toBe(200);
  });
});

describe("custom objects: a type defined again after its deletion", () => {
  const epoch = "since=1970-01-01T00:00:00Z&page_size=500";
  /** The first type: a record linked to a contact, a field removed (archived values), then deleted. */
  async function oldVehicles(api: Api) {
    await vehicles.setup(api);
    const owner = await created(api, "/contacts", { first_name: "Owner" });
    const old = await created(api, "/objects/vehicles", vehicles.body("Zephyr", "vin-old"));
    const linked = await api.put(`${base}/vehicles/${old.id}/associations/contacts/${owner.id}`, {
      label: "owner",
    });
    expect(linked.status).toBe(201);
    expect((await api.delete(`${base}/fields/vehicles/seats`)).status).toBe(204);
    expect((await api.delete(`${base}/objects/vehicles/${old.id}`)).status).toBe(200);
    return { owner, old };
  }

  test("it starts empty: only its own fields, no record, tombstone, link or search hit of the old one", async () => {
    const { api, tenantId } = await server.tenant();
    const { owner, old } = await oldVehicles(api);
    // Another object's reference field would point at the next type of that plural: refused.
    await created(api, "/fields/contacts", {
      key: "car",
      label: "Car",
      type: "reference",
      reference_object: "vehicles",
    });
    expect((await api.delete(`${base}/object-types/vehicles`)).status).toBe(409);
    expect((await api.delete(`${base}/fields/contacts/car`)).status).toBe(204);
    const type = (await api.get(`${base}/object-types/vehicles`)).body;
    expect((await api.delete(`${base}/object-types/vehicles`)).status).toBe(204);
    const removal = (await outboxOf(server.ctx.db, { tenantId })).filter(
      (e) =>
        e.event_type.startsWith("field.deleted") || e.event_type.startsWith("object_type.deleted"),
    );
    expect(removal.map((e) => [e.event_type, e.data.object ?? e.data.plural, e.data.key])).toEqual([
      ["field.deleted", "vehicles", "seats"],
      ["field.deleted", "contacts", "car"],
      ["field.deleted", "vehicles", "model"],
      ["field.deleted", "vehicles", "vin"],
      ["object_type.deleted", "vehicles", undefined],
    ]);
    expect(removal[4].data.fields.map((f: any) => f.key)).toEqual(["model", "vin"]);
    expect(removal[4].data.id).toBe(type.id);

    // Same name and plural, other fields: "vin" is now a number.
    const again = await created(api, "/object-types", {
      name: "vehicle",
      plural: "vehicles",
      label: "Fleet",
      primary_field: "plate",
      fields: [
        { key: "plate", label: "Plate", type: "text", unique: true },
        { key: "vin", label: "VIN", type: "number" },
      ],
    });
    expect(again.id).not.toBe(type.id);
    expect(again.fields.map((f: any) => f.key)).toEqual(["plate", "vin"]);
    const fields = (await api.get(`${base}/fields/vehicles`)).body.fields;
    expect(fields.map((f: any) => [f.key, f.type])).toEqual([
      ["plate", "text"],
      ["vin", "number"],
    ]);
    const schema = (await api.get(`${base}/objects/vehicles/schema`)).body.properties.properties;
    expect(Object.keys(schema.properties)).toEqual(["plate", "vin"]);
    expect(schema.required).toEqual(["plate"]);

    // Nothing of the old type anywhere, before and after a record of the new one.
    const list = async (query = "") =>
      (await api.get(`${base}/objects/vehicles?${query}`)).body.vehicles.map((r: any) => r.id);
    expect(await list()).toEqual([]);
    expect(await list(epoch)).toEqual([]);
    expect(await list("cursor=")).toEqual([]);
    expect422(
      await api.post(`${base}/objects/vehicles`, { properties: { plate: "P1", model: "Zephyr" } }),
      "/properties/model",
    );
    expect422(
      await api.post(`${base}/objects/vehicles`, { properties: { plate: "P1", vin: "vin-old" } }),
      "/properties/vin",
    );
    const fresh = await created(api, "/objects/vehicles", { properties: { plate: "P1", vin: 17 } });
    expect(fresh.properties).toEqual({ plate: "P1", vin: 17 });
    expect(await list()).toEqual([fresh.id]);
    expect(await list(epoch)).toEqual([fresh.id]);
    expect(await list("cursor=")).toEqual([fresh.id]);
    expect(await list("search=zeph")).toEqual([]);
    expect(await list(`associated_with=contacts:${owner.id}`)).toEqual([]);
    expect(await list("cf.vin[eq]=17")).toEqual([fresh.id]);
    const search = await api.get(`${base}/search?q=zephyr`);
    expect(search.body.results).toEqual([]);
    expect((await api.get(`${base}/objects/vehicles/${old.id}`)).status).toBe(404);
    expect((await api.get(`${base}/fields/vehicles/archived/${old.id}`)).status).toBe(404);
    const links = await api.get(`${base}/contacts/${owner.id}/associations/vehicles`);
    expect(links.body.associations).toEqual([]);
  });

  test("another tenant's type of the same plural keeps its fields and tombstones", async () => {
    const mine = await server.tenant();
    const theirs = await server.tenant();
    await vehicles.setup(theirs.api);
    const gone = await created(theirs.api, "/objects/vehicles", vehicles.body("Astra", "vin-a"));
    await theirs.api.delete(`${base}/objects/vehicles/${gone.id}`);
    await oldVehicles(mine.api);
    expect((await mine.api.delete(`${base}/object-types/vehicles`)).status).toBe(204);
    const feed = await theirs.api.get(`${base}/objects/vehicles?${epoch}`);
    expect(feed.body.vehicles.map((r: any) => [r.id, r.deleted_at !== null])).toEqual([
      [gone.id, true],
    ]);
    const fields = (await theirs.api.get(`${base}/fields/vehicles`)).body.fields;
    expect(fields.map((f: any) => f.key)).toEqual(["model", "vin", "seats"]);
  });
});

describe("custom objects: a record of one type is never another type's", () => {
  /** Two types in one tenant: vehicles, and boats whose `tender` field refers to vehicles. */
  async function twoTypes() {
    const { api } = await server.tenant();
    await vehicles.setup(api);
    await created(api, "/object-types", {
      name: "boat",
      plural: "boats",
      label: "Boats",
      primary_field: "hull",
      fields: [
        { key: "hull", label: "Hull", type: "text" },
        { key: "tender", label: "Tender", type: "reference", reference_object: "vehicles" },
      ],
    });
    await created(api, "/fields/contacts", {
      key: "car",
      label: "Car",
      type: "reference",
      reference_object: "vehicles",
    });
    const vehicle = await created(api, "/objects/vehicles", vehicles.body("Zephyr", "vin-z"));
    const gone = await created(api, "/objects/vehicles", vehicles.body("Gone", "vin-g"));
    expect((await api.delete(`${base}/objects/vehicles/${gone.id}`)).status).toBe(200);
    const boat = await created(api, "/objects/boats", { properties: { hull: "H1" } });
    return { api, vehicle, gone, boat };
  }

  test("a reference field to a custom object takes only a live record of that object", async () => {
    const { api, vehicle, gone, boat } = await twoTypes();
    expect422(
      await api.post(`${base}/contacts`, { first_name: "A", custom_fields: { car: boat.id } }),
      "/custom_fields/car",
    );
    expect422(
      await api.post(`${base}/objects/boats`, { properties: { hull: "H2", tender: boat.id } }),
      "/properties/tender",
    );
    const driver = await created(api, "/contacts", {
      first_name: "B",
      custom_fields: { car: vehicle.id },
    });
    expect(driver.custom_fields.car).toBe(vehicle.id);
    const tended = await created(api, "/objects/boats", {
      properties: { hull: "H3", tender: vehicle.id },
    });
    expect(tended.properties.tender).toBe(vehicle.id);
    expect422(
      await api.patch(`${base}/contacts/${driver.id}`, { custom_fields: { car: gone.id } }),
      "/custom_fields/car",
    );
    expect422(
      await api.patch(`${base}/contacts/${driver.id}`, { custom_fields: { car: boat.id } }),
      "/custom_fields/car",
    );
    expect((await api.get(`${base}/contacts/${driver.id}`)).body.custom_fields.car).toBe(
      vehicle.id,
    );
  });

  test("links, their lists and filters take a record only under its own type", async () => {
    const { api, vehicle, boat } = await twoTypes();
    const owner = await created(api, "/contacts", { first_name: "Owner" });
    const one = (object: string, id: string, to: string, toId: string) =>
      `${base}/${object}/${id}/associations/${to}/${toId}`;
    expect((await api.put(one("contacts", owner.id, "boats", vehicle.id), {})).status).toBe(404);
    expect((await api.put(one("boats", vehicle.id, "contacts", owner.id), {})).status).toBe(404);
    expect((await api.put(one("vehicles", vehicle.id, "boats", vehicle.id), {})).status).toBe(404);
    expect((await api.get(`${base}/boats/${vehicle.id}/associations/contacts`)).status).toBe(404);
    expect422(
      await api.put(`${base}/contacts/${owner.id}/associations/boats`, {
        associations: [{ id: boat.id }, { id: vehicle.id }],
      }),
      "/associations/1/id",
    );
    expect((await api.put(one("contacts", owner.id, "boats", boat.id), {})).status).toBe(201);
    expect((await api.put(one("vehicles", vehicle.id, "boats", boat.id), {})).status).toBe(201);
    const shown = await api.get(`${base}/contacts/${owner.id}?include=associations`);
    expect(shown.body.associations).toEqual({
      boats: [expect.objectContaining({ id: boat.id, object: "boats" })],
    });
    const boats = async (query: string) =>
      (await api.get(`${base}/objects/boats?${query}`)).body.boats.map((r: any) => r.id);
    expect(await boats(`associated_with=contacts:${owner.id}`)).toEqual([boat.id]);
    expect(await boats(`associated_with=vehicles:${vehicle.id}`)).toEqual([boat.id]);
    expect(await boats(`associated_with=boats:${vehicle.id}`)).toEqual([]);
    expect((await api.get(`${base}/fields/boats/archived/${vehicle.id}`)).status).toBe(404);
  });
});

describe("custom objects across instances", () => {
  test("a type created through another instance takes webhooks at once", async () => {
    const { api, key } = await server.tenant();
    const other = await spawnCrmd(server.dir, server.adminToken);
    try {
      await created(new Api(other.url, { "x-api-key": key }), "/object-types", {
        name: "boat",
        plural: "boats",
        label: "Boats",
        primary_field: "hull",
        fields: [{ key: "hull", label: "Hull", type: "text" }],
      });
    } finally {
      other.child.kill("SIGTERM");
      await other.child.exited;
    }
    const hook = await api.post(`${base}/webhooks`, {
      url: receiver.url("/hook/boat"),
      events: ["boat.created", "boat.*"],
    });
    expect(hook.status).toBe(201);
    expect422(
      await api.post(`${base}/webhooks`, {
        url: receiver.url("/hook/x"),
        events: ["ship.created"],
      }),
      "/events/0",
    );
  });
});
