import { beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../db/client";
import { indexKey } from "../db/index-key";
import { migrate, migrationsOf } from "../db/migrate";
import { customFieldValues } from "../db/schema";
import { created, defineObjectType, expect422 } from "./helpers/api";
import { testDatabase } from "./helpers/database";
import type { Api } from "./helpers/server";
import { useTestServer } from "./helpers/suite";
import { createDeal, createLead, qualificationPipeline, salesPipeline } from "./sales-fixtures";

/**
 * The longest value each indexed text field allows is stored, read back and
 * found by its filter on every database. PostgreSQL refuses a B-tree entry
 * past about 2.7 kB where SQLite has no limit, so these values are made of
 * incompressible multibyte text (random CJK ideographs, three bytes each in
 * UTF-8, with upper-case Cyrillic letters for the filters' letter case).
 */
const server = useTestServer({ config: { rateLimit: 100_000, emailFrom: "sales@acme.test" } });
const base = "/api/external";
let api: Api;
beforeAll(async () => {
  ({ api } = await server.tenant());
});

let seed = 0x5eed;
/** A deterministic pseudo-random 32-bit number (mulberry32). */
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return (t ^ (t >>> 14)) >>> 0;
}

/** `length` random characters, about one in eight an upper-case Cyrillic letter. */
function multibyte(length: number): string {
  let text = "";
  for (let i = 0; i < length; i++) {
    const n = random();
    text += String.fromCharCode(n % 8 === 0 ? 0x0410 + (n % 32) : 0x4e00 + (n % 0x5000));
  }
  return text;
}

const stored = async (path: string) => {
  const reply = await api.get(`${base}${path}`);
  expect(reply.status).toBe(200);
  return reply.body;
};

/** The ids a list answers for `query`. */
const found = async (path: string, list: string, query: Record<string, string>) => {
  const reply = await api.get(`${base}${path}?${new URLSearchParams(query)}`);
  expect(reply.status).toBe(200);
  return reply.body[list].map((r: { id: string }) => r.id).sort();
};

describe("custom fields of text-like types take their longest values on every database", () => {
  /** About as long as a filter's URL allows (16 kB, percent-encoded): some 4.3 kB of UTF-8. */
  const FILTERABLE = 1_500;

  test("text (10,000 characters): stored, read back, found by eq, in and ne in any letter case", async () => {
    await created(api, "/fields/contacts", { key: "memo", label: "Memo", type: "text" });
    const longest = multibyte(10_000);
    const a = await created(api, "/contacts", {
      first_name: "A",
      custom_fields: { memo: longest },
    });
    expect(a.custom_fields.memo).toBe(longest);
    expect((await stored(`/contacts/${a.id}`)).custom_fields.memo).toBe(longest);

    // b and c share all but their last character: the index tells them apart
    const shared = multibyte(FILTERABLE - 1);
    const b = await created(api, "/contacts", {
      first_name: "B",
      custom_fields: { memo: `${shared}Ж` },
    });
    const c = await created(api, "/contacts", {
      first_name: "C",
      custom_fields: { memo: `${shared}Я` },
    });
    expect(await found("/contacts", "contacts", { "cf.memo": `${shared}ж`.toLowerCase() })).toEqual(
      [b.id],
    );
    expect(await found("/contacts", "contacts", { "cf.memo": `${shared}Я` })).toEqual([c.id]);
    expect(await found("/contacts", "contacts", { "cf.memo[in]": `${shared}Ж,nothing` })).toEqual([
      b.id,
    ]);
    expect(await found("/contacts", "contacts", { "cf.memo[ne]": `${shared}Я` })).toEqual(
      [a.id, b.id].sort(),
    );

    // a new value replaces the old one in the index; removing it leaves nothing behind
    const changed = await api.patch(`${base}/contacts/${b.id}`, {
      custom_fields: { memo: `${shared}Ы` },
    });
    expect(changed.status).toBe(200);
    expect(await found("/contacts", "contacts", { "cf.memo": `${shared}Ж` })).toEqual([]);
    expect(await found("/contacts", "contacts", { "cf.memo": `${shared}Ы` })).toEqual([b.id]);
    await api.patch(`${base}/contacts/${b.id}`, { custom_fields: { memo: null } });
    expect(await found("/contacts", "contacts", { "cf.memo": `${shared}Ы` })).toEqual([]);
  });

  test("a unique text field compares long values whole", async () => {
    await created(api, "/fields/companies", {
      key: "charter",
      label: "Charter",
      type: "text",
      unique: true,
    });
    const charter = multibyte(10_000);
    await created(api, "/companies", { name: "First", custom_fields: { charter } });
    const taken = await api.post(`${base}/companies`, {
      name: "Second",
      custom_fields: { charter: charter.toLowerCase() },
    });
    expect(taken.status).toBe(409);
    // the same first thousands of characters, another ending: another value
    await created(api, "/companies", {
      name: "Third",
      custom_fields: { charter: `${charter.slice(0, -1)}Ю` },
    });
  });

  test("url (no bound of its own): 10,000 characters stored, and a long one found by eq", async () => {
    await created(api, "/fields/deals", { key: "site", label: "Site", type: "url" });
    await salesPipeline(api);
    const longest = `https://example.com/${multibyte(10_000 - 20)}`;
    const a = await createDeal(api, { title: "A", custom_fields: { site: longest } });
    expect((await stored(`/deals/${a.id}`)).custom_fields.site).toBe(longest);
    const filterable = `https://example.com/${multibyte(FILTERABLE)}`;
    const b = await createDeal(api, { title: "B", custom_fields: { site: filterable } });
    expect(await found("/deals", "deals", { "cf.site": filterable.toLowerCase() })).toEqual([b.id]);
  });

  test("email (320 characters), select and multi_select (options of 200 characters)", async () => {
    const options = [multibyte(200), multibyte(200), multibyte(200)];
    await created(api, "/fields/leads", { key: "mail", label: "Mail", type: "email" });
    await created(api, "/fields/leads", { key: "pick", label: "Pick", type: "select", options });
    await created(api, "/fields/leads", {
      key: "picks",
      label: "Picks",
      type: "multi_select",
      options,
    });
    await qualificationPipeline(api);
    const mail = `${multibyte(299)}@${multibyte(15)}.${multibyte(4)}`;
    expect(mail).toHaveLength(320);
    const lead = await createLead(api, {
      custom_fields: { mail, pick: options[0], picks: [options[1], options[2]] },
    });
    const read = (await stored(`/leads/${lead.id}`)).custom_fields;
    expect(read).toEqual({
      mail: mail.toLowerCase(),
      pick: options[0],
      picks: [options[1], options[2]],
    });
    expect(await found("/leads", "leads", { "cf.mail": mail })).toEqual([lead.id]);
    expect(await found("/leads", "leads", { "cf.pick": options[0].toLowerCase() })).toEqual([
      lead.id,
    ]);
    expect(await found("/leads", "leads", { "cf.picks": options[2] })).toEqual([lead.id]);
  });

  test("a custom object's text property (10,000 characters)", async () => {
    await defineObjectType(api, "vehicle", "vehicles");
    const title = multibyte(10_000);
    const record = await created(api, "/objects/vehicles", { properties: { title } });
    expect((await stored(`/objects/vehicles/${record.id}`)).properties.title).toBe(title);
    const filterable = multibyte(FILTERABLE);
    const other = await created(api, "/objects/vehicles", { properties: { title: filterable } });
    expect(await found("/objects/vehicles", "vehicles", { "cf.title": filterable })).toEqual([
      other.id,
    ]);
  });
});

describe("core records' indexed text fields take their longest values on every database", () => {
  test("a company's domain is a host name of at most 253 characters (422 at the field past it)", async () => {
    // labels of 60 ideographs: 60 + 1 + 60 + 1 + 60 + 1 + 60 + 1 + 9 = 253
    const domain = `${[60, 60, 60, 60, 9].map((n) => multibyte(n)).join(".")}`.toLowerCase();
    expect(domain).toHaveLength(253);
    const company = await created(api, "/companies", { name: "Long", domain });
    expect(company.domain).toBe(domain);
    expect((await stored(`/companies/${company.id}`)).domain).toBe(domain);
    expect(await found("/companies", "companies", { domain })).toEqual([company.id]);

    const longer = `${multibyte(1_990)}.com`;
    expect422(await api.post(`${base}/companies`, { name: "Longer", domain: longer }), "/domain");
    expect422(
      await api.post(`${base}/companies`, { name: "Longer", website: `https://${longer}/` }),
      "/website",
    );
    expect422(await api.patch(`${base}/companies/${company.id}`, { domain: longer }), "/domain");
    const bulk = await api.post(`${base}/companies/bulk`, {
      records: [{ name: "Longer", domain: longer }],
    });
    expect(bulk.status).toBe(200);
    expect(bulk.body.results[0].errors[0].path).toBe("/domain");
  });

  test("owners, lead source, partner and stage names, MLS address and number at their bounds", async () => {
    const pipeline = await salesPipeline(api, "Bounds");
    const owner = multibyte(200);
    const deal = await createDeal(api, { title: "Owned", owner, pipeline_id: pipeline.id });
    expect(await found("/deals", "deals", { owner })).toEqual([deal.id]);
    const source = multibyte(100);
    const lead = await createLead(api, { owner, source });
    expect(await found("/leads", "leads", { owner, source })).toEqual([lead.id]);
    const task = await created(api, "/tasks", { title: "Owned", owner });
    expect(await found("/tasks", "tasks", { owner })).toEqual([task.id]);
    const partner = await created(api, "/partners", { name: multibyte(200) });
    expect((await stored(`/partners/${partner.id}`)).name).toHaveLength(200);
    const stage = multibyte(100);
    const stages = (await created(api, `/pipelines/${pipeline.id}/stages`, { name: stage })).stages;
    expect(stages.map((s: { name: string }) => s.name)).toContain(stage);
    const address = { street: "1", city: multibyte(200), postcode: multibyte(30), country: "GR" };
    const mls_number = multibyte(100);
    const listing = await created(api, "/mls/properties", {
      status: "active",
      property_type: "apartment",
      mls_number,
      address,
    });
    expect(await found("/mls/properties", "properties", { mls_number })).toEqual([listing.id]);
    expect(
      await found("/mls/properties", "properties", {
        city: address.city.toLowerCase(),
        postcode: address.postcode,
      }),
    ).toEqual([listing.id]);
  });
  test("a contact's email, a customer's external id and a link's label at their bounds", async () => {
    const email = `${"x".repeat(320 - 12)}@globex.test`;
    const contact = await created(api, "/contacts", { first_name: "Ann", email: [{ email }] });
    expect(await found("/contacts", "contacts", { email })).toEqual([contact.id]);
    const external_id = multibyte(200);
    const identified = await api.post(`${base}/customers/identify`, { external_id, name: "Bo" });
    expect(identified.status).toBe(201);
    expect(await found("/customers", "customers", { external_id })).toEqual([identified.body.id]);
    const company = await created(api, "/companies", { name: "Linked" });
    const label = multibyte(100);
    const link = await api.put(
      `${base}/contacts/${contact.id}/associations/companies/${company.id}`,
      {
        label,
      },
    );
    expect(link.status).toBeLessThan(300);
    const links = await stored(`/contacts/${contact.id}/associations/companies`);
    expect(links.associations.map((l: { label: string }) => l.label)).toEqual([label]);
  });
});

describe("inbound email's indexed texts stay within every database's bounds", () => {
  /** A random ASCII id of `length` characters (incompressible enough for PostgreSQL's index). */
  const randomId = (length: number) =>
    Array.from({ length }, () => "abcdefghijklmnopqrstuvwxyz0123456789"[random() % 36]).join("");

  async function deliver(headers: Record<string, string>) {
    const secret = (await api.post(`${base}/email/inbound-secret`)).body.secret;
    const raw = [
      ...Object.entries({ To: "sales@acme.test", Subject: "Hi", ...headers }).map(
        ([name, value]) => `${name}: ${value}`,
      ),
      "",
      "Hello",
      "",
    ].join("\r\n");
    const reply = await fetch(`${server.url}${base}/email/inbound`, {
      method: "POST",
      headers: {
        "content-type": "message/rfc822",
        authorization: `Basic ${Buffer.from(`relay:${secret}`).toString("base64")}`,
      },
      body: raw,
    });
    return { status: reply.status, body: (await reply.json()) as any };
  }

  test("a Message-ID up to 998 bytes is kept; a longer one is no id (the message's bytes are its identity)", async () => {
    const longest = `${randomId(998 - 12)}@globex.test`;
    const kept = await deliver({ From: "ann@globex.test", "Message-ID": `<${longest}>` });
    expect(kept.status).toBe(201);
    expect(kept.body.message_id).toBe(longest);
    const longer = { From: "ann@globex.test", "Message-ID": `<${randomId(3_000)}@globex.test>` };
    const first = await deliver(longer);
    expect(first.status).toBe(201);
    expect(first.body.message_id).toEndWith("@inbound.crmd");
    // the relay's retry is the same message
    const retry = await deliver(longer);
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(first.body.id);
  });

  test("a From address longer than 320 characters is 422", async () => {
    const longest = `${randomId(320 - 12)}@globex.test`;
    const kept = await deliver({ From: longest, "Message-ID": `<${randomId(20)}@globex.test>` });
    expect(kept.status).toBe(201);
    expect(kept.body.from).toBe(longest);
    const longer = await deliver({ From: `${randomId(3_000)}@globex.test` });
    expect422(longer, "/");
  });
});

describe("migration 1350", () => {
  test("keys the value index's long texts by prefix and hash, a page at a time; other rows stay", async () => {
    const id = "1350_custom_field_long_keys";
    const dir = mkdtempSync(join(tmpdir(), "crmd-long-keys-"));
    const database = await testDatabase(dir, { empty: true });
    const db = await openDatabase(database.url);
    try {
      await migrate(
        db,
        migrationsOf(db).filter((m) => m.id !== id),
      );
      const row = (recordId: string, valueText: string, valueNum = 0) => ({
        tenantId: "t1",
        objectType: "contacts",
        fieldKey: "memo",
        valueText,
        valueNum,
        recordId,
      });
      // What PostgreSQL took before: long texts that compress (SQLite took any)
      const long = Array.from({ length: 2_500 }, (_, i) =>
        row(`r${String(i).padStart(4, "0")}`, `${"ωя".repeat(1_000)}${i}`),
      );
      // SQLite keeps a NUL in text (PostgreSQL cannot), and its length() stops there
      if (db.kind !== "postgres") long.push(row("zero", `a\u0000${"b".repeat(300)}`));
      const kept = [
        row("short", "north"),
        row("number", "", 5),
        // 400 UTF-16 units, 200 code points: its own key
        row("astral", "😀".repeat(200)),
      ];
      await db.transaction(async (tx) => {
        await tx.insert(customFieldValues).values(kept);
        for (let i = 0; i < long.length; i += 500)
          await tx.insert(customFieldValues).values(long.slice(i, i + 500));
      });
      const reports: Array<{ done: number; total: number }> = [];
      expect(await migrate(db, migrationsOf(db), (p) => reports.push(p))).toEqual([id]);
      // the long rows, and the astral one (800 bytes), which comes back as it was
      const moved = long.length + 1;
      expect(reports.map((r) => r.done)).toEqual([1_000, 2_000, moved]);
      expect(reports.at(-1)?.total).toBe(moved);
      const rows = await db.read
        .select({
          recordId: customFieldValues.recordId,
          valueText: customFieldValues.valueText,
          valueNum: customFieldValues.valueNum,
        })
        .from(customFieldValues)
        .orderBy(customFieldValues.recordId);
      const expected = [...kept, ...long]
        .map((r) => ({
          recordId: r.recordId,
          valueText: indexKey(r.valueText),
          valueNum: r.valueNum,
        }))
        .sort((a, b) => (a.recordId < b.recordId ? -1 : 1));
      expect(rows).toEqual(expected);
      expect(rows.find((r) => r.recordId === "r0001")?.valueText).toHaveLength(265);
      expect(rows.find((r) => r.recordId === "astral")?.valueText).toBe("😀".repeat(200));
    } finally {
      await db.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
