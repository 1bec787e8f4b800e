import { beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { count, eq, ne } from "drizzle-orm";
import { type Database, openDatabase } from "../db/client";
import { migrate, migrationsOf } from "../db/migrate";
import { customFieldDefinitions, customFieldValues } from "../db/schema";
import { newId } from "../src/ids";
import { created, expect422 } from "./helpers/api";
import { testDatabase, testPostgresUrl } from "./helpers/database";
import { outboxOf } from "./helpers/records";
import type { Api } from "./helpers/server";
import { useTestServer } from "./helpers/suite";
import { salesPipeline } from "./sales-fixtures";

const server = useTestServer({ config: { rateLimit: 100_000 } });
const base = "/api/external";

const define = (api: Api, object: string, body: Record<string, unknown>) =>
  created(api, `/fields/${object}`, body);

const titles = (reply: { status: number; body: any }, list = "deals") => {
  expect(reply.status).toBe(200);
  return reply.body[list].map((r: any) => r.title ?? r.name ?? r.first_name).sort();
};

/**
 * Each type: a definition, values with what they are stored as, a value the
 * type refuses, and filters with the titles of the deals they match (of
 * the deals "a" and "b" created with the two values).
 */
const TYPES: Array<{
  type: string;
  extra?: Record<string, unknown>;
  a: unknown;
  storedA: unknown;
  b: unknown;
  bad: unknown;
  /** Where the refusal points, below the field (an element of a list). */
  badAt?: string;
  filters: Array<[string, string[]]>;
}> = [
  {
    type: "text",
    a: "North",
    storedA: "North",
    b: 42,
    bad: { x: 1 },
    filters: [
      ["=North", ["a"]],
      ["=42", ["b"]],
      ["[ne]=North", ["b"]],
    ],
  },
  {
    type: "number",
    a: "70.5",
    storedA: 70.5,
    b: 20,
    bad: "many",
    filters: [
      ["[gte]=50", ["a"]],
      ["[lt]=50", ["b"]],
      ["=20", ["b"]],
      ["[in]=20,70.5", ["a", "b"]],
    ],
  },
  {
    type: "money",
    extra: { currency: "EUR" },
    a: 125_000,
    storedA: { value: 125_000, currency: "EUR" },
    b: { value: 500, currency: "USD" },
    bad: 10.5,
    filters: [
      ["[gt]=1000", ["a"]],
      ["[lte]=500", ["b"]],
    ],
  },
  {
    type: "date",
    a: "2026-03-01",
    storedA: "2026-03-01",
    b: "2026-09-15T10:00:00Z",
    bad: "2026-02-30",
    filters: [
      ["[lt]=2026-07-01", ["a"]],
      ["[gte]=2026-09-15", ["b"]],
      ["=2026-09-15", ["b"]],
    ],
  },
  {
    type: "datetime",
    a: "2026-03-01T10:00:00+02:00",
    storedA: "2026-03-01T08:00:00.000Z",
    b: "2026-09-15T10:00:00Z",
    bad: "next week",
    filters: [
      ["[lt]=2026-03-01T09:00:00Z", ["a"]],
      ["[gt]=2026-03-01T08:00:00Z", ["b"]],
    ],
  },
  {
    type: "boolean",
    a: "true",
    storedA: true,
    b: false,
    bad: "maybe",
    filters: [
      ["=true", ["a"]],
      ["=false", ["b"]],
    ],
  },
  {
    type: "select",
    extra: { options: ["emea", "amer", "apac"] },
    a: "emea",
    storedA: "emea",
    b: "amer",
    bad: "mars",
    filters: [
      ["=emea", ["a"]],
      ["[in]=emea,amer", ["a", "b"]],
      ["[ne]=emea", ["b"]],
    ],
  },
  {
    type: "multi_select",
    extra: { options: ["red", "green", "blue"] },
    a: ["red", "green", "red"],
    storedA: ["red", "green"],
    b: "blue",
    bad: ["red", "pink"],
    badAt: "/1",
    filters: [
      ["=green", ["a"]],
      ["[in]=blue,red", ["a", "b"]],
    ],
  },
  {
    type: "url",
    a: "https://acme.example/x",
    storedA: "https://acme.example/x",
    b: "http://b.example",
    bad: "ftp://nope",
    filters: [["=http://b.example", ["b"]]],
  },
  {
    type: "email",
    a: " Ann@Example.COM ",
    storedA: "ann@example.com",
    b: "bob@example.com",
    bad: "not-an-email",
    filters: [["=ANN@example.com", ["a"]]],
  },
  {
    type: "phone",
    a: "+1 (555) 010-0000",
    storedA: "+1 (555) 010-0000",
    b: "+44 20 7946 0000",
    bad: "call me",
    filters: [["=%2B44 20 7946 0000", ["b"]]],
  },
];

describe("every field type: validation, coercion, filters over HTTP", () => {
  let api: Api;
  beforeAll(async () => {
    ({ api } = await server.tenant());
    await salesPipeline(api);
  });

  for (const spec of TYPES)
    test(spec.type, async () => {
      const key = `f_${spec.type}`;
      await define(api, "deals", { key, label: spec.type, type: spec.type, ...spec.extra });
      const a = await created(api, "/deals", { title: "a", custom_fields: { [key]: spec.a } });
      expect(a.custom_fields).toEqual({ [key]: spec.storedA });
      await created(api, "/deals", { title: "b", custom_fields: { [key]: spec.b } });
      expect422(
        await api.post(`${base}/deals`, { title: "bad", custom_fields: { [key]: spec.bad } }),
        `/custom_fields/${key}${spec.badAt ?? ""}`,
      );
      for (const [filter, expected] of spec.filters)
        expect({
          filter,
          titles: titles(await api.get(`${base}/deals?cf.${key}${filter}`)),
        }).toEqual({ filter, titles: expected });
      // the fields of this test's deals go, so the next type starts from two fresh deals
      for (const deal of (await api.get(`${base}/deals?page_size=500`)).body.deals)
        expect((await api.delete(`${base}/deals/${deal.id}`)).status).toBe(200);
    });

  test("reference: the id of a live record of the named object", async () => {
    const contact = await created(api, "/contacts", { first_name: "Ann" });
    await define(api, "deals", {
      key: "champion",
      label: "Champion",
      type: "reference",
      reference_object: "contacts",
    });
    const deal = await created(api, "/deals", {
      title: "ref",
      custom_fields: { champion: contact.id },
    });
    expect(deal.custom_fields.champion).toBe(contact.id);
    expect(titles(await api.get(`${base}/deals?cf.champion=${contact.id}`))).toEqual(["ref"]);
    const other = await server.tenant();
    const foreign = await created(other.api, "/contacts", { first_name: "Foreign" });
    expect422(
      await api.post(`${base}/deals`, { title: "x", custom_fields: { champion: foreign.id } }),
      "/custom_fields/champion",
    );
    await api.delete(`${base}/contacts/${contact.id}`);
    expect422(
      await api.post(`${base}/deals`, { title: "x", custom_fields: { champion: contact.id } }),
      "/custom_fields/champion",
    );
  });

  test("text, select, multi-select, url and email equality ignores letter case (any script); values keep theirs", async () => {
    const { api } = await server.tenant();
    await salesPipeline(api);
    await define(api, "deals", { key: "city", label: "City", type: "text" });
    await define(api, "deals", {
      key: "region",
      label: "Region",
      type: "select",
      options: ["EMEA", "Amer"],
    });
    await define(api, "deals", {
      key: "colors",
      label: "Colors",
      type: "multi_select",
      options: ["Red", "Blue"],
    });
    await define(api, "deals", { key: "site", label: "Site", type: "url" });
    await define(api, "deals", { key: "code", label: "Code", type: "text", unique: true });
    const a = await created(api, "/deals", {
      title: "a",
      custom_fields: {
        city: "Zürich",
        region: "EMEA",
        colors: ["Red"],
        site: "https://Acme.example/X",
        code: "ÉTÉ-1",
      },
    });
    expect(a.custom_fields).toMatchObject({ city: "Zürich", region: "EMEA", code: "ÉTÉ-1" });
    await created(api, "/deals", { title: "b", custom_fields: { city: "Ödön", region: "Amer" } });
    await created(api, "/deals", { title: "c" });
    const matching = async (filter: string) =>
      titles(
        await api.get(
          `${base}/deals?${filter.replace(/=(.*)$/, (_, v) => `=${encodeURIComponent(v)}`)}`,
        ),
      );
    expect(await matching("cf.city=ZÜRICH")).toEqual(["a"]);
    expect(await matching("cf.city=zürich")).toEqual(["a"]);
    expect(await matching("cf.city[in]=x,ödön")).toEqual(["b"]);
    expect(await matching("cf.region=emea")).toEqual(["a"]);
    expect(await matching("cf.region[in]=amer,none")).toEqual(["b"]);
    expect(await matching("cf.colors=RED")).toEqual(["a"]);
    expect(await matching("cf.site=https://acme.example/x")).toEqual(["a"]);
    // ne: every record whose value is not that one, records without a value included
    expect(await matching("cf.city[ne]=zürich")).toEqual(["b", "c"]);
    // a unique value is taken in any letter case
    const dup = await api.post(`${base}/deals`, { title: "d", custom_fields: { code: "été-1" } });
    expect(dup.status).toBe(409);
  });

  test("select options that differ only in letter case are refused; a definition that has them already keeps working", async () => {
    const { api, tenantId } = await server.tenant();
    await salesPipeline(api);
    const post = (body: Record<string, unknown>) => api.post(`${base}/fields/deals`, body);
    expect422(
      await post({ key: "tone", label: "T", type: "select", options: ["Red", "red"] }),
      "/options/1",
    );
    expect422(
      await post({
        key: "tones",
        label: "T",
        type: "multi_select",
        options: ["Blue", "Red", "BLUE"],
      }),
      "/options/2",
    );
    await define(api, "deals", {
      key: "tone",
      label: "T",
      type: "select",
      options: ["Red", "Blue"],
    });
    const patch = (key: string, body: Record<string, unknown>) =>
      api.patch(`${base}/fields/deals/${key}`, body);
    expect422(await patch("tone", { options: ["Red", "Blue", "blue"] }), "/options/2");
    expect422(await patch("tone", { type: "multi_select", options: ["Red", "RED"] }), "/options/1");
    expect((await api.get(`${base}/fields/deals/tone`)).body.options).toEqual(["Red", "Blue"]);

    // a definition stored before the rule, with options "Red" and "red"
    const now = new Date();
    await server.ctx.db.transaction((tx) =>
      tx.insert(customFieldDefinitions).values({
        id: newId(),
        tenantId,
        objectType: "deals",
        key: "colors",
        label: "Colors",
        type: "multi_select",
        options: ["Red", "red", "Blue"],
        createdAt: now,
        updatedAt: now,
      }),
    );
    const listed = await api.get(`${base}/fields/deals/colors`);
    expect(listed.body.options).toEqual(["Red", "red", "Blue"]);
    const both = await created(api, "/deals", {
      title: "both",
      custom_fields: { colors: ["Red", "red"] },
    });
    expect(both.custom_fields.colors).toEqual(["Red", "red"]);
    const lower = await created(api, "/deals", {
      title: "lower",
      custom_fields: { colors: "red" },
    });
    expect(titles(await api.get(`${base}/deals?cf.colors=RED`))).toEqual(["both", "lower"]);
    // edits that leave the options alone go through, the stored list sent back included
    const relabelled = await patch("colors", { label: "Colours" });
    expect(relabelled.status).toBe(200);
    expect(relabelled.body.options).toEqual(["Red", "red", "Blue"]);
    expect(
      (await patch("colors", { required: false, options: ["Red", "red", "Blue"] })).status,
    ).toBe(200);
    // changing the options must resolve the clash: adding one keeps it, so 422
    expect422(await patch("colors", { options: ["Red", "red", "Blue", "Green"] }), "/options/1");
    // dropping "red": stored values take the spelling of the option they match in any case
    const resolved = await patch("colors", { options: ["Red", "Blue", "Green"] });
    expect(resolved.status).toBe(200);
    expect((await api.get(`${base}/deals/${both.id}`)).body.custom_fields.colors).toEqual(["Red"]);
    expect((await api.get(`${base}/deals/${lower.id}`)).body.custom_fields.colors).toEqual(["Red"]);
    expect(titles(await api.get(`${base}/deals?cf.colors=red`))).toEqual(["both", "lower"]);
  });

  test("number and money take numbers in plain decimal notation only, in bodies and filters", async () => {
    await define(api, "deals", { key: "seats", label: "Seats", type: "number" });
    await define(api, "deals", { key: "budget", label: "Budget", type: "money" });
    const deal = await created(api, "/deals", {
      title: "decimal",
      custom_fields: { seats: "-12.5", budget: "2500" },
    });
    expect(deal.custom_fields).toEqual({ seats: -12.5, budget: { value: 2500, currency: "USD" } });
    for (const bad of ["0x10", "1e3", " 12 ", "", "Infinity", "0b1", "1_000", "12."]) {
      for (const key of ["seats", "budget"])
        expect422(
          await api.post(`${base}/deals`, { title: "x", custom_fields: { [key]: bad } }),
          `/custom_fields/${key}`,
        );
      // a filter's operands are trimmed (`[in]=1, 2`): only the body sees " 12 " as it is
      if (bad.trim() === bad)
        expect422(
          await api.get(`${base}/deals?cf.seats[gte]=${encodeURIComponent(bad)}`),
          "/cf.seats[gte]",
        );
    }
    expect(titles(await api.get(`${base}/deals?cf.seats[lt]=-12`))).toEqual(["decimal"]);
    await api.delete(`${base}/deals/${deal.id}`);
  });
});

test("a record with more fields than one index statement takes: every value indexed, stored and sent as given", async () => {
  // 40 fields: the value index takes a record's rows 32 to a statement, so this one needs two
  const { api, tenantId } = await server.tenant();
  await salesPipeline(api);
  const input: Record<string, unknown> = {};
  for (let i = 0; i < 40; i++) {
    const key = `k${i}`;
    const type = i % 2 ? "number" : "text";
    await define(api, "deals", { key, label: key, type });
    input[key] = i % 2 ? i * 10 : `Value ${i}`;
  }
  const deal = await created(api, "/deals", { title: "wide", custom_fields: input });
  expect(deal.custom_fields).toEqual(input);
  expect((await api.get(`${base}/deals/${deal.id}`)).body.custom_fields).toEqual(input);
  const [event] = await outboxOf(server.ctx.db, { tenantId, type: "deal.created" });
  expect((event.data as { custom_fields: unknown }).custom_fields).toEqual(input);
  for (let i = 0; i < 40; i++) {
    const filter = i % 2 ? `cf.k${i}=${i * 10}` : `cf.k${i}=value%20${i}`;
    expect({ filter, titles: titles(await api.get(`${base}/deals?${filter}`)) }).toEqual({
      filter,
      titles: ["wide"],
    });
  }
  const rows = await server.ctx.db.read
    .select({ n: count() })
    .from(customFieldValues)
    .where(eq(customFieldValues.recordId, deal.id));
  expect(rows[0].n).toBe(40);
});

describe("definitions", () => {
  test("required, default, unique; unknown keys refused once an object has definitions", async () => {
    const { api } = await server.tenant();
    const noDefinitions = await created(api, "/contacts", {
      first_name: "Free",
      custom_fields: { anything: { goes: true } },
    });
    expect(noDefinitions.custom_fields).toEqual({ anything: { goes: true } });
    await define(api, "contacts", {
      key: "tier",
      label: "Tier",
      type: "select",
      options: ["gold", "silver"],
      required: true,
      default: "silver",
    });
    await define(api, "contacts", { key: "badge", label: "Badge", type: "text", unique: true });
    const first = await created(api, "/contacts", {
      first_name: "Ann",
      custom_fields: { badge: "A-1" },
    });
    expect(first.custom_fields).toEqual({ tier: "silver", badge: "A-1" });
    const dup = await api.post(`${base}/contacts`, {
      first_name: "Bob",
      custom_fields: { badge: "A-1" },
    });
    expect(dup.status).toBe(409);
    expect422(
      await api.patch(`${base}/contacts/${first.id}`, { custom_fields: { tier: null } }),
      "/custom_fields/tier",
    );
    expect422(
      await api.post(`${base}/contacts`, { first_name: "C", custom_fields: { mood: "ok" } }),
      "/custom_fields/mood",
    );
    // PATCH merges: a given key changes, the others stay; the same value is not "taken" by itself
    const patched = await api.patch(`${base}/contacts/${first.id}`, {
      custom_fields: { tier: "gold", badge: "A-1" },
    });
    expect(patched.body.custom_fields).toEqual({ tier: "gold", badge: "A-1" });
    // the index follows: the old value no longer matches, the new one does
    const byTier = async (tier: string) =>
      (await api.get(`${base}/contacts?cf.tier=${tier}`)).body.contacts.map((c: any) => c.id);
    expect(await byTier("silver")).not.toContain(first.id);
    expect(await byTier("gold")).toEqual([first.id]);
    // a deleted record frees its unique value
    await api.delete(`${base}/contacts/${first.id}`);
    await created(api, "/contacts", { first_name: "Bob", custom_fields: { badge: "A-1" } });
    const list = await api.get(`${base}/fields/contacts`);
    expect(list.body.fields.map((f: any) => [f.key, f.type, f.required, f.unique])).toEqual([
      ["tier", "select", true, false],
      ["badge", "text", false, true],
    ]);
  });

  test("a required field takes no empty text and no empty selection", async () => {
    const { api } = await server.tenant();
    await define(api, "leads", { key: "need", label: "Need", type: "text", required: true });
    await define(api, "leads", {
      key: "topics",
      label: "Topics",
      type: "multi_select",
      options: ["a", "b"],
      required: true,
    });
    const ok = { need: "budget", topics: ["a"] };
    expect422(
      await api.post(`${base}/leads`, { name: "L", custom_fields: { ...ok, need: "  " } }),
      "/custom_fields/need",
    );
    expect422(
      await api.post(`${base}/leads`, { name: "L", custom_fields: { ...ok, topics: [] } }),
      "/custom_fields/topics",
    );
    const lead = await created(api, "/leads", { name: "L", custom_fields: ok });
    expect422(
      await api.patch(`${base}/leads/${lead.id}`, { custom_fields: { topics: [] } }),
      "/custom_fields/topics",
    );
  });

  test("a feed filtered on a custom field keeps the tombstones of matching records", async () => {
    const { api } = await server.tenant();
    await salesPipeline(api);
    await define(api, "deals", {
      key: "region",
      label: "Region",
      type: "select",
      options: ["emea", "apac"],
    });
    await define(api, "deals", { key: "code", label: "Code", type: "text", unique: true });
    const gone = await created(api, "/deals", {
      title: "gone",
      custom_fields: { region: "emea", code: "D-1" },
    });
    await created(api, "/deals", { title: "kept", custom_fields: { region: "emea" } });
    await created(api, "/deals", { title: "other", custom_fields: { region: "apac" } });
    expect((await api.delete(`${base}/deals/${gone.id}`)).status).toBe(200);
    const feed = await api.get(`${base}/deals?since=2020-01-01T00:00:00Z&cf.region=emea`);
    expect(feed.body.deals.map((d: any) => [d.title, d.deleted_at !== null])).toEqual([
      ["kept", false],
      ["gone", true],
    ]);
    // a change of definition re-indexes the live records and leaves the tombstones' rows
    expect((await api.patch(`${base}/fields/deals/region`, { label: "Area" })).status).toBe(200);
    const again = await api.get(`${base}/deals?since=2020-01-01T00:00:00Z&cf.region=emea`);
    expect(again.body.deals.map((d: any) => d.title)).toEqual(["kept", "gone"]);
    // outside feeds a tombstone matches nothing, and its unique value is free again
    expect(titles(await api.get(`${base}/deals?cf.region=emea`))).toEqual(["kept"]);
    await created(api, "/deals", { title: "again", custom_fields: { code: "D-1" } });
  });

  test("a definition written by another connection applies to the next write", async () => {
    const { api, tenantId } = await server.tenant();
    await salesPipeline(api);
    await define(api, "deals", { key: "first", label: "First", type: "text" });
    // Definitions are read once and kept: this write leaves them cached.
    await created(api, "/deals", { title: "warm", custom_fields: { first: "x" } });
    const refused = await api.post(`${base}/deals`, { title: "t", custom_fields: { later: "5" } });
    expect422(refused, "/custom_fields/later");
    const other = await openDatabase(server.ctx.db.url);
    try {
      const now = new Date();
      await other.transaction((tx) =>
        tx.insert(customFieldDefinitions).values({
          id: newId(),
          tenantId,
          objectType: "deals",
          key: "later",
          label: "Later",
          type: "number",
          createdAt: now,
          updatedAt: now,
        }),
      );
    } finally {
      await other.close();
    }
    const deal = await created(api, "/deals", { title: "t", custom_fields: { later: "5" } });
    expect(deal.custom_fields).toEqual({ later: 5 });
    expect(titles(await api.get(`${base}/deals?cf.later[gte]=5`))).toEqual(["t"]);
  });

  test("definition changes are events: field.created, field.updated, field.deleted", async () => {
    const { api, tenantId } = await server.tenant();
    const field = await define(api, "contacts", { key: "tier", label: "Tier", type: "text" });
    // a change that changes nothing writes nothing: no event, the same updated_at
    for (const same of [{}, { label: "Tier", type: "text", required: false }])
      expect((await api.patch(`${base}/fields/contacts/tier`, same)).body).toEqual(field);
    expect((await api.patch(`${base}/fields/contacts/tier`, { label: "Level" })).status).toBe(200);
    expect((await api.delete(`${base}/fields/contacts/tier`)).status).toBe(204);
    const events = await outboxOf(server.ctx.db, { tenantId, entityId: field.id });
    expect(events.map((e) => [e.event_type, e.data.label])).toEqual([
      ["field.created", "Tier"],
      ["field.updated", "Level"],
      ["field.deleted", "Level"],
    ]);
    expect(events[0].data).toEqual(field);
    // a refused change emits nothing
    await created(api, "/contacts", { first_name: "Ann", custom_fields: { note: "x" } });
    const refused = await api.post(`${base}/fields/contacts`, {
      key: "note",
      label: "Note",
      type: "number",
    });
    expect(refused.status).toBe(422);
    expect((await outboxOf(server.ctx.db, { tenantId, type: "field.created" })).length).toBe(1);
    const seenWith = async (permissions: string[]) => {
      const key = await server.keyFor(tenantId, ["events:read", ...permissions]);
      const page = await key.get(`${base}/events?types=field.*`);
      expect(page.status).toBe(200);
      return page.body.events.length;
    };
    expect(await seenWith(["fields:read"])).toBe(3);
    expect(await seenWith(["contacts:read"])).toBe(0);
  });

  test("definition settings are checked", async () => {
    const { api } = await server.tenant();
    const post = (body: Record<string, unknown>) => api.post(`${base}/fields/deals`, body);
    expect422(await post({ key: "s", label: "S", type: "select" }), "/options");
    expect422(await post({ key: "n", label: "N", type: "number", options: ["a"] }), "/options");
    expect422(await post({ key: "r", label: "R", type: "reference" }), "/reference_object");
    expect422(
      await post({ key: "r", label: "R", type: "reference", reference_object: "planets" }),
      "/reference_object",
    );
    expect422(await post({ key: "b", label: "B", type: "boolean", unique: true }), "/unique");
    expect422(await post({ key: "d", label: "D", type: "date", default: "soon" }), "/default");
    // a default every new record would get must be a value a record can hold
    const reference = { key: "who", label: "W", type: "reference", reference_object: "contacts" };
    expect422(await post({ ...reference, default: "nope" }), "/default");
    const ann = await created(api, "/contacts", { first_name: "Ann" });
    expect((await post({ ...reference, default: ann.id })).status).toBe(201);
    expect422(
      await post({ key: "code", label: "C", type: "text", unique: true, default: "x" }),
      "/default",
    );
    expect422(await post({ key: "Bad-Key", label: "K", type: "text" }), "/key");
    expect(
      (await api.post(`${base}/fields/planets`, { key: "a", label: "A", type: "text" })).status,
    ).toBe(404);
    await define(api, "deals", { key: "dup", label: "D", type: "text" });
    expect((await post({ key: "dup", label: "D", type: "text" })).status).toBe(409);
  });

  test("options are kept trimmed, as the values chosen among them are", async () => {
    const { api } = await server.tenant();
    const size = await define(api, "contacts", {
      key: "size",
      label: "Size",
      type: "select",
      options: [" Small", "Large "],
    });
    expect(size.options).toEqual(["Small", "Large"]);
    const contact = await created(api, "/contacts", {
      first_name: "Ann",
      custom_fields: { size: "Large " },
    });
    expect(contact.custom_fields).toEqual({ size: "Large" });
    expect422(
      await api.post(`${base}/fields/contacts`, {
        key: "tags",
        label: "Tags",
        type: "multi_select",
        options: ["a", "a "],
      }),
      "/options",
    );
    const changed = await api.patch(`${base}/fields/contacts/size`, {
      options: ["Small", "Large", " Medium "],
    });
    expect(changed.body.options).toEqual(["Small", "Large", "Medium"]);
  });

  test("text up to its 10,000 characters is stored, filtered and unique on every backend", async () => {
    const { api } = await server.tenant();
    await define(api, "contacts", { key: "essay", label: "Essay", type: "text", unique: true });
    // Random text, beyond what one PostgreSQL B-tree entry takes (about 2.7 kB once compressed).
    const random = (length: number, letters = "abcdefghijklmnopqrstuvwxyz0123456789") =>
      Array.from({ length }, () => letters[Math.floor(Math.random() * letters.length)]).join("");
    const essay = random(10_000);
    // 3 kB in UTF-8, and short enough to filter on within a URL's 16 kB
    const greek = random(1_500, "αβγδεζηθικλμνξοπρστυφχψω");
    const long = await created(api, "/contacts", { first_name: "Long", custom_fields: { essay } });
    expect(long.custom_fields.essay).toBe(essay);
    await created(api, "/contacts", { first_name: "Greek", custom_fields: { essay: greek } });
    // the same text beyond the indexed prefix is another value
    const twin = `${essay.slice(0, 9_999)}!`;
    await created(api, "/contacts", { first_name: "Twin", custom_fields: { essay: twin } });
    const taken = await api.post(`${base}/contacts`, {
      first_name: "Again",
      custom_fields: { essay: essay.toUpperCase() },
    });
    expect(taken.status).toBe(409);
    const names = async (query: string) =>
      (await api.get(`${base}/contacts?${query}`)).body.contacts.map((c: any) => c.first_name);
    expect(await names(`cf.essay=${essay.toUpperCase()}`)).toEqual(["Long"]);
    expect(await names(`cf.essay=${encodeURIComponent(greek)}`)).toEqual(["Greek"]);
  });

  test("filters: unknown field, bad operator or bad operand answer 422", async () => {
    const { api } = await server.tenant();
    await salesPipeline(api);
    await define(api, "deals", { key: "score", label: "Score", type: "number" });
    await define(api, "deals", { key: "note", label: "Note", type: "text" });
    expect422(await api.get(`${base}/deals?cf.nope=1`), "/cf.nope");
    expect422(await api.get(`${base}/deals?cf.score[about]=1`), "/cf.score[about]");
    expect422(await api.get(`${base}/deals?cf.score[gte]=lots`), "/cf.score[gte]");
    expect422(await api.get(`${base}/deals?cf.note[gt]=a`), "/cf.note[gt]");
  });

  test("a type change converts every value, or is refused and nothing changes", async () => {
    const { api } = await server.tenant();
    const ok = await created(api, "/companies", { name: "Ok", custom_fields: { seats: "12" } });
    const bad = await created(api, "/companies", {
      name: "Bad",
      custom_fields: { seats: "a few" },
    });
    // defining a key that stored values do not fit is refused the same way
    const refused = await api.post(`${base}/fields/companies`, {
      key: "seats",
      label: "Seats",
      type: "number",
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      { path: `/records/${bad.id}/custom_fields/seats`, message: "must be a number" },
    ]);
    await define(api, "companies", { key: "seats", label: "Seats", type: "text" });
    const change = await api.patch(`${base}/fields/companies/seats`, { type: "number" });
    expect(change.status).toBe(422);
    expect((await api.get(`${base}/fields/companies/seats`)).body.type).toBe("text");
    expect((await api.get(`${base}/companies?cf.seats=12`)).body.companies).toHaveLength(1);
    await api.patch(`${base}/companies/${bad.id}`, { custom_fields: { seats: "3" } });
    const changed = await api.patch(`${base}/fields/companies/seats`, { type: "number" });
    expect(changed.status).toBe(200);
    expect(changed.body.type).toBe("number");
    // a PATCH without a type keeps it
    const relabelled = await api.patch(`${base}/fields/companies/seats`, { label: "Seat count" });
    expect(relabelled.body).toMatchObject({ label: "Seat count", type: "number" });
    expect((await api.get(`${base}/companies/${ok.id}`)).body.custom_fields).toEqual({ seats: 12 });
    expect(titles(await api.get(`${base}/companies?cf.seats[gt]=5`), "companies")).toEqual(["Ok"]);
  });

  test("a change to a reference converts only ids of live records of its object", async () => {
    const { api } = await server.tenant();
    await salesPipeline(api);
    const contact = await created(api, "/contacts", { first_name: "Ann" });
    await define(api, "deals", { key: "champion", label: "Champion", type: "text" });
    const good = await created(api, "/deals", {
      title: "good",
      custom_fields: { champion: contact.id },
    });
    const bad = await created(api, "/deals", { title: "bad", custom_fields: { champion: "Ann" } });
    const toReference = { type: "reference", reference_object: "contacts" };
    const refused = await api.patch(`${base}/fields/deals/champion`, toReference);
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      { path: `/records/${bad.id}/custom_fields/champion`, message: "does not exist" },
    ]);
    expect((await api.get(`${base}/fields/deals/champion`)).body.type).toBe("text");
    await api.patch(`${base}/deals/${bad.id}`, { custom_fields: { champion: null } });
    expect((await api.patch(`${base}/fields/deals/champion`, toReference)).status).toBe(200);
    expect(titles(await api.get(`${base}/deals?cf.champion=${contact.id}`))).toEqual(["good"]);
    expect(good.custom_fields.champion).toBe(contact.id);
    // once a reference, an id whose record was deleted since stays, as a record's write keeps it:
    // the field can still be renamed, described or made required
    await api.delete(`${base}/contacts/${contact.id}`);
    const renamed = await api.patch(`${base}/fields/deals/champion`, {
      label: "Sponsor",
      required: false,
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.label).toBe("Sponsor");
    expect(titles(await api.get(`${base}/deals?cf.champion=${contact.id}`))).toEqual(["good"]);
    // to another object, it names a record of that one, or is refused
    const toCompanies = { reference_object: "companies" };
    expect((await api.patch(`${base}/fields/deals/champion`, toCompanies)).status).toBe(422);
  });

  test("removing a definition archives its values; its filter stops", async () => {
    const { api, tenantId } = await server.tenant();
    await salesPipeline(api);
    await define(api, "deals", { key: "region", label: "Region", type: "text" });
    await define(api, "deals", { key: "score", label: "Score", type: "number" });
    const deal = await created(api, "/deals", {
      title: "x",
      custom_fields: { region: "emea", score: 5 },
    });
    expect((await api.delete(`${base}/fields/deals/region`)).status).toBe(204);
    expect((await api.get(`${base}/deals/${deal.id}`)).body.custom_fields).toEqual({ score: 5 });
    const archived = await api.get(`${base}/fields/deals/archived/${deal.id}`);
    expect(archived.body).toEqual({ record_id: deal.id, archived: { region: "emea" } });
    // they are the record's data: reading them needs the record's own read scope too
    const schemaOnly = await server.keyFor(tenantId, ["fields:read"]);
    expect((await schemaOnly.get(`${base}/fields/deals/archived/${deal.id}`)).status).toBe(403);
    const dealReader = await server.keyFor(tenantId, ["fields:read", "deals:read"]);
    expect((await dealReader.get(`${base}/fields/deals/archived/${deal.id}`)).status).toBe(200);
    expect422(await api.get(`${base}/deals?cf.region=emea`), "/cf.region");
    expect((await api.get(`${base}/fields/deals/region`)).status).toBe(404);
    // the key can be defined again, empty
    await define(api, "deals", { key: "region", label: "Region", type: "text" });
    expect((await api.get(`${base}/deals?cf.region=emea`)).body.deals).toEqual([]);
  });

  test("tasks and leads take custom fields too; definitions are per tenant", async () => {
    const { api } = await server.tenant();
    const other = await server.tenant();
    await define(api, "tasks", { key: "effort", label: "Effort", type: "number" });
    const task = await created(api, "/tasks", { title: "t", custom_fields: { effort: 3 } });
    expect(task.custom_fields).toEqual({ effort: 3 });
    expect(titles(await api.get(`${base}/tasks?cf.effort[gte]=3`), "tasks")).toEqual(["t"]);
    // the other tenant has no definition: its tasks stay free-form, its filter is unknown
    const free = await created(other.api, "/tasks", { title: "o", custom_fields: { effort: "x" } });
    expect(free.custom_fields).toEqual({ effort: "x" });
    expect422(await other.api.get(`${base}/tasks?cf.effort=3`), "/cf.effort");
    expect((await other.api.get(`${base}/fields/tasks`)).body.fields).toEqual([]);
    await define(api, "leads", { key: "budget", label: "Budget", type: "money" });
    const lead = await created(api, "/leads", { name: "L", custom_fields: { budget: 100 } });
    expect(lead.custom_fields).toEqual({ budget: { value: 100, currency: "USD" } });
    expect((await api.get(`${base}/leads?cf.budget[gte]=100`)).body.leads).toHaveLength(1);
  });

  test("definitions need the fields scopes", async () => {
    const { api, tenantId } = await server.tenant();
    const reader = await server.keyFor(tenantId, ["deals:read", "fields:read"]);
    expect((await reader.get(`${base}/fields/deals`)).status).toBe(200);
    const post = await reader.post(`${base}/fields/deals`, { key: "a", label: "A", type: "text" });
    expect(post.status).toBe(403);
    const none = await server.keyFor(tenantId, ["deals:read"]);
    expect((await none.get(`${base}/fields/deals`)).status).toBe(403);
    expect((await api.get(`${base}/fields/deals`)).status).toBe(200);
  });
});

describe("migration 1300", () => {
  const caseless = "1300_custom_field_caseless";
  /** Upper-case select values beside the test's own rows: more than two of the migration's pages. */
  const BULK = 42_000;

  /** An empty database migrated up to 1300, with `rows` written; `fold` false: as where SQL has no toLowerCase. */
  async function migratedWith(
    fold: boolean,
    check: (db: Database, reports: unknown[]) => Promise<void>,
  ) {
    const dir = mkdtempSync(join(tmpdir(), "crmd-caseless-"));
    const database = await testDatabase(dir, { empty: true });
    const opened = await openDatabase(database.url);
    const db: Database = fold ? opened : { ...opened, foldCase: null };
    try {
      await migrate(
        db,
        migrationsOf(db).filter((m) => m.id !== caseless),
      );
      const now = new Date();
      const field = (key: string, type: string) => ({
        id: newId(),
        tenantId: "t1",
        objectType: "deals",
        key,
        label: key,
        type,
        createdAt: now,
        updatedAt: now,
      });
      const row = (fieldKey: string, valueText: string, recordId: string) => ({
        tenantId: "t1",
        objectType: "deals",
        fieldKey,
        valueText,
        recordId,
      });
      await db.transaction(async (tx) => {
        await tx
          .insert(customFieldDefinitions)
          .values([
            field("city", "text"),
            field("colors", "multi_select"),
            field("owner", "reference"),
            field("region", "select"),
          ]);
        await tx
          .insert(customFieldValues)
          .values([
            row("city", "Zürich", "r1"),
            row("city", "ÉTÉ", "r2"),
            row("city", "oslo", "r3"),
            row("colors", "Red", "r1"),
            row("colors", "red", "r1"),
            row("owner", "ABC-1", "r1"),
          ]);
        for (let i = 0; i < BULK; i += 2_000)
          await tx
            .insert(customFieldValues)
            .values(
              Array.from({ length: 2_000 }, (_, j) =>
                row(
                  "region",
                  (i + j) % 3 ? "North" : "Ödland",
                  `b${String(i + j).padStart(6, "0")}`,
                ),
              ),
            );
      });
      const reports: unknown[] = [];
      expect(await migrate(db, migrationsOf(db), (p) => reports.push(p))).toEqual([caseless]);
      const rows = await db.read
        .select({
          key: customFieldValues.fieldKey,
          text: customFieldValues.valueText,
          record: customFieldValues.recordId,
        })
        .from(customFieldValues)
        .where(ne(customFieldValues.fieldKey, "region"))
        .orderBy(customFieldValues.fieldKey, customFieldValues.recordId);
      expect(rows).toEqual([
        { key: "city", text: "zürich", record: "r1" },
        { key: "city", text: "été", record: "r2" },
        { key: "city", text: "oslo", record: "r3" },
        { key: "colors", text: "red", record: "r1" },
        { key: "owner", text: "ABC-1", record: "r1" },
      ]);
      const regions = await db.read
        .select({ text: customFieldValues.valueText, n: count() })
        .from(customFieldValues)
        .where(eq(customFieldValues.fieldKey, "region"))
        .groupBy(customFieldValues.valueText)
        .orderBy(customFieldValues.valueText);
      expect(regions).toEqual([
        { text: "north", n: (BULK * 2) / 3 },
        { text: "ödland", n: BULK / 3 },
      ]);
      await check(db, reports);
    } finally {
      await opened.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  }

  // An embedded file's write connection has JavaScript's toLowerCase as a SQL function; PostgreSQL has not.
  test.skipIf(testPostgresUrl !== undefined)(
    "folds the index's text values to lower case in SQL (JavaScript's toLowerCase as a function), references as they are; progress page by page",
    async () => {
      await migratedWith(true, async (_db, reports) => {
        // exactly the rows to rewrite (Zürich, ÉTÉ, Red and the bulk), a report a page of 20,000
        const total = BULK + 3;
        expect(reports.at(-1)).toEqual({ entity: caseless, done: total, total });
        const done = reports.map((r) => (r as { done: number }).done);
        expect(done).toHaveLength(3);
        expect(done).toEqual([...done].sort((a, b) => a - b));
      });
    },
  );

  test("where SQL cannot fold like JavaScript, the text comes to JavaScript in pages; same result, progress too", async () => {
    await migratedWith(false, async (_db, reports) => {
      // every row of the caseless fields is looked at
      const total = BULK + 5;
      expect(reports.at(-1)).toEqual({ entity: caseless, done: total, total });
      expect(reports.length).toBeGreaterThanOrEqual(3);
    });
  });
});
