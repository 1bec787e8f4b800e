import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SQL } from "bun";
import { eq } from "drizzle-orm";
import { openDatabase } from "../db/client";
import { migrate, migrationsOf } from "../db/migrate";
import { nationalFormsOf, phoneParses } from "../db/phone-words";
import { companies, contacts, deals, leads } from "../db/schema";
import { ManualClock } from "../src/clock";
import { created } from "./helpers/api";
import { testDatabase, testPostgresUrl } from "./helpers/database";
import { type Api, startTestServer } from "./helpers/server";
import { useTestServer } from "./helpers/suite";

const clock = new ManualClock(new Date("2026-01-10T09:00:00.000Z"));
let api: Api;
let tenantId: string;
const ids: Record<string, string> = {};

const row = (tenant: string) => {
  const now = clock.now();
  return { id: Bun.randomUUIDv7(), tenantId: tenant, createdAt: now, updatedAt: now, syncSeq: 0 };
};

/** Deals and leads are written straight to their tables (their plugins are not part of this suite). */
async function insertDeal(tenant: string, title: string, description: string | null) {
  const values = {
    ...row(tenant),
    title,
    description,
    status: "open",
    pipelineId: "p",
    stageId: "s",
  };
  await server.ctx.write((tx) =>
    tx.insert(deals).values({ ...values, stageEnteredAt: clock.now() }),
  );
  return values.id;
}

async function insertLead(tenant: string, fields: Partial<typeof leads.$inferInsert>) {
  const values = { ...row(tenant), name: "Lead", status: "new", ...fields };
  await server.ctx.write((tx) => tx.insert(leads).values(values));
  return values.id;
}

const search = (query: string, client = api) => client.get(`/api/external/search?${query}`);
const found = async (query: string, client = api) =>
  (await search(query, client)).body.results.map((r: any) => `${r.type}:${r.id}`);

const server = useTestServer({ clock, config: { rateLimit: 100_000 } });
/** Rows waiting for the full-text index, and what the index holds for a word (read directly). */
const queued = async () =>
  Number((await server.ctx.db.execute("select count(*) as n from search_pending"))[0].n);
const INDEXED_WORD = {
  sqlite: "select entity_id from search_index where search_index match ?",
  postgres: "select entity_id from search_index where words @@ to_tsquery('simple', ?)",
};
const indexed = async (word: string) =>
  (await server.ctx.db.execute(INDEXED_WORD[server.ctx.db.kind], [word])).map(
    (row) => row.entity_id,
  );
beforeAll(async () => {
  ({ api, tenantId } = await server.tenant());
  const post = async (path: string, body: Record<string, unknown>) =>
    (await api.post(`/api/external/${path}`, body)).body.id;
  ids.ada = await post("contacts", {
    first_name: "Ada",
    last_name: "Lovelace",
    email: [{ email: "countess@analytical.example" }],
    phone_number: [{ number: "+44 20 7946 0958" }],
  });
  ids.jose = await post("contacts", { first_name: "José", last_name: "Núñez" });
  ids.strasse = await post("companies", { name: "Weiße Straße Œuvres Æsir Iğdır" });
  ids.engines = await post("companies", {
    name: "Analytical Engines",
    website: "https://engines.example",
  });
  ids.babbage = await post("companies", { name: "Babbage", phone: "+1 415 555 0100" });
  ids.deal = await insertDeal(tenantId, "Difference engine", "Analytical upgrade for the mill");
  ids.lead = await insertLead(tenantId, {
    name: "Charles Baker",
    email: "cb@lead.example",
    phone: "+33 1 23 45 67 89",
    companyName: "Analytical Partners",
  });
  ids.note = await post("notes", {
    contact_id: ids.ada,
    text: "Met at the fair. She mentioned babbage and the analytical engine twice.",
  });
});

describe("search", () => {
  test("finds every type, ranked, with a title and a highlighted snippet", async () => {
    const reply = await search("q=analytical");
    expect(reply.status).toBe(200);
    expect(reply.body.total).toBe(5);
    const got = reply.body.results.map((r: any) => `${r.type}:${r.id}`);
    expect(got.sort()).toEqual(
      [
        `contacts:${ids.ada}`,
        `companies:${ids.engines}`,
        `deals:${ids.deal}`,
        `leads:${ids.lead}`,
        `notes:${ids.note}`,
      ].sort(),
    );
    const scores = reply.body.results.map((r: any) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(reply.body.results[0]).toMatchObject({
      type: "companies",
      id: ids.engines,
      title: "Analytical Engines",
      snippet: "<mark>Analytical</mark> Engines",
    });
    const note = reply.body.results.find((r: any) => r.type === "notes");
    expect(note.title).toStartWith("Met at the fair.");
    expect(note.snippet).toContain("<mark>analytical</mark>");
    const contact = reply.body.results.find((r: any) => r.type === "contacts");
    expect(contact.title).toBe("Ada Lovelace");
  });

  test("the snippet is HTML: the record's own text is escaped, only the matches are marked", async () => {
    const zed = await created(api, "/contacts", { first_name: "Zed <img src=x onerror=alert(1)>" });
    const note = await created(api, "/notes", {
      contact_id: zed.id,
      text: 'zedonk wrote "</mark><script>alert(1)</script>"',
    });
    const chips = await created(api, "/companies", { name: "Fish & Zedchips" });
    const snippets = Object.fromEntries(
      (await search("q=zed")).body.results.map((r: any) => [r.id, r.snippet]),
    );
    expect(Object.keys(snippets).sort()).toEqual([zed.id, note.id, chips.id].sort());
    expect(snippets[zed.id]).toStartWith("<mark>Zed</mark> &lt;img src=x onerror");
    expect(snippets[note.id]).toStartWith("<mark>zedonk</mark> wrote &quot;");
    expect(snippets[chips.id]).toBe("Fish &amp; <mark>Zedchips</mark>");
    for (const snippet of Object.values<string>(snippets))
      expect(snippet.replaceAll("<mark>", "").replaceAll("</mark>", "")).not.toMatch(/[<>"]/);
    // the title is plain text, as stored
    const titles = (await search("q=zed&types=contacts")).body.results.map((r: any) => r.title);
    expect(titles).toEqual(["Zed <img src=x onerror=alert(1)>"]);
  });

  test("a title match outranks a passing mention", async () => {
    expect((await found("q=babbage"))[0]).toBe(`companies:${ids.babbage}`);
    expect(await found("q=babbage")).toContain(`notes:${ids.note}`);
  });

  test("words match as prefixes, all of them; accents and case do not matter", async () => {
    expect(await found("q=love%20ada")).toEqual([`contacts:${ids.ada}`]);
    expect(await found("q=lov")).toEqual([`contacts:${ids.ada}`]);
    expect(await found("q=ada%20babbage")).toEqual([]);
    expect(await found("q=jose%20NUNEZ")).toEqual([`contacts:${ids.jose}`]);
    expect(await found("q=Jos%C3%A9")).toEqual([`contacts:${ids.jose}`]);
    const [hit] = (await search("q=nunez")).body.results;
    expect(hit.snippet).toBe("José <mark>Núñez</mark>");
  });

  test("a word is found as it is written, letters such as ß, Œ, Æ and ı included", async () => {
    const words = [
      ["Straße", "Straße"],
      ["straß", "Straße"],
      ["Weiße", "Weiße"],
      ["œuvres", "Œuvres"],
      ["ÆSIR", "Æsir"],
      ["Iğdır", "Iğdır"],
    ];
    for (const [word, marked] of words) {
      const reply = await search(`q=${encodeURIComponent(word)}`);
      expect(reply.body.results.map((r: any) => `${r.type}:${r.id}`)).toEqual([
        `companies:${ids.strasse}`,
      ]);
      expect(reply.body.results[0].snippet).toContain(`<mark>${marked}</mark>`);
      const listed = await api.get(`/api/external/companies?search=${encodeURIComponent(word)}`);
      expect(listed.body.companies.map((c: any) => c.id)).toEqual([ids.strasse]);
    }
  });

  test("letters such as ß, Œ, Æ and ı are letters of their own: spelled out, they are other words", async () => {
    for (const word of ["strasse", "weisse", "oeuvres", "aesir", "igdir"]) {
      expect({ word, found: await found(`q=${word}`) }).toEqual({ word, found: [] });
      const listed = await api.get(`/api/external/companies?search=${word}`);
      expect({ word, listed: listed.body.companies }).toEqual({ word, listed: [] });
    }
  });

  test("Hangul words are found as typed", async () => {
    const company = await created(api, "/companies", { name: "한국어 회사" });
    for (const word of ["한국어", "한국", "회사"])
      expect({ word, found: await found(`q=${encodeURIComponent(word)}&types=companies`) }).toEqual(
        {
          word,
          found: [`companies:${company.id}`],
        },
      );
  });

  test("emails and phone numbers, formatted or as digits", async () => {
    expect(await found("q=countess%40analytical.example")).toEqual([`contacts:${ids.ada}`]);
    expect(await found("q=7946%200958")).toEqual([`contacts:${ids.ada}`]);
    expect(await found("q=%2B442079460958")).toEqual([`contacts:${ids.ada}`]);
    expect(await found("q=cb%40lead.example")).toEqual([`leads:${ids.lead}`]);
    expect(await found("q=33123456789")).toEqual([`leads:${ids.lead}`]);
    expect(await found("q=4155550100")).toEqual([`companies:${ids.babbage}`]);
    expect(await found("q=14155550100")).toEqual([`companies:${ids.babbage}`]);
  });

  test("a phone number is found in any format, whichever format it was stored in", async () => {
    const { api: client } = await server.tenant();
    const stored = [
      "+15551234567",
      "+1 (555) 123-4567",
      "(555) 123-4567",
      "555-123-4567",
      "555.123.4567",
      "5551234567",
      "15551234567",
      "+1 555-123-4567 x89",
      "555/123/4567",
    ];
    const made: string[] = [];
    for (const number of stored)
      made.push(
        (await created(client, "/contacts", { last_name: "Caller", phone_number: [{ number }] }))
          .id,
      );
    const other = await created(client, "/contacts", {
      last_name: "Elsewhere",
      phone_number: [{ number: "+1 (555) 765-4321" }],
    });
    for (const q of [...stored, "555 123 4567", "+1 555 123 4567", "1 555 123 4567"]) {
      const reply = await client.get(`/api/external/search?q=${encodeURIComponent(q)}`);
      const listed = await client.get(`/api/external/contacts?search=${encodeURIComponent(q)}`);
      expect({ q, found: reply.body.results.map((r: any) => r.id).sort() }).toEqual({
        q,
        found: [...made].sort(),
      });
      expect({ q, listed: listed.body.contacts.map((c: any) => c.id).sort() }).toEqual({
        q,
        listed: [...made].sort(),
      });
    }
    // A few digits (a zip code, a year) still match only words that start with them:
    // 1234 is inside every number above, but starts none of their words.
    const suite = await created(client, "/contacts", { last_name: "Suite 1234" });
    expect(
      (await client.get("/api/external/search?q=1234")).body.results.map((r: any) => r.id),
    ).toEqual([suite.id]);
    expect(
      (await client.get("/api/external/search?q=4567")).body.results.map((r: any) => r.id),
    ).not.toContain(other.id);
  });

  test("a number on many records is parsed once, and each record is found by its national forms", async () => {
    const { api: client } = await server.tenant();
    const before = phoneParses();
    const stored = ["+44 20 7946 0100", "+442079460100", "+44 207 946 0100", "442079460100"];
    const made: string[] = [];
    for (const number of stored)
      made.push(
        (
          await created(client, "/contacts", {
            last_name: "Switchboard",
            phone_number: [{ number }],
          })
        ).id,
      );
    for (const q of ["020 7946 0100", "2079460100", "+44 20 7946 0100"]) {
      const reply = await client.get(`/api/external/search?q=${encodeURIComponent(q)}`);
      expect({ q, found: reply.body.results.map((r: any) => r.id).sort() }).toEqual({
        q,
        found: [...made].sort(),
      });
    }
    // Indexing four records and a search read one number: libphonenumber parsed it once.
    expect(phoneParses() - before).toBe(1);
  });

  test("+1 and ten digits get the national forms libphonenumber gives them, without parsing", async () => {
    const { parsePhoneNumberFromString } = await import("libphonenumber-js");
    const before = phoneParses();
    // Every leading digit and area code, and assorted subscriber numbers.
    for (let i = 0; i < 3000; i++) {
      const national = String((i * 3_331_333_337 + 1_234_567) % 10_000_000_000).padStart(10, "0");
      const parsed = parsePhoneNumberFromString(`+1${national}`);
      const expected = parsed?.isPossible()
        ? [...new Set([parsed.nationalNumber, parsed.formatNational().replace(/\D/g, "")])]
        : [];
      expect({ national, forms: [...nationalFormsOf(`1${national}`)] }).toEqual({
        national,
        forms: expected,
      });
    }
    expect(phoneParses() - before).toBe(0);
  });

  test("types narrows the search; unknown types are 422", async () => {
    expect(await found("q=analytical&types=deals,leads")).toEqual(
      expect.arrayContaining([`deals:${ids.deal}`, `leads:${ids.lead}`]),
    );
    expect((await search("q=analytical&types=deals,leads")).body.total).toBe(2);
    expect(await found("q=analytical&types=notes")).toEqual([`notes:${ids.note}`]);
    const unknown = await search("q=analytical&types=contacts,people");
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].path).toBe("/types");
  });

  test("pages through results", async () => {
    const first = await search("q=analytical&page_size=2");
    expect(first.body).toMatchObject({ total: 5, page: 1, page_size: 2, has_more: true });
    const third = await search("q=analytical&page_size=2&page=3");
    expect(third.body).toMatchObject({ page: 3, has_more: false });
    expect(third.body.results).toHaveLength(1);
    const all = (await search("q=analytical&page_size=100")).body.results.map((r: any) => r.id);
    expect(all.slice(0, 2)).toEqual(first.body.results.map((r: any) => r.id));
    expect((await search("q=analytical&page_size=101")).status).toBe(422);
  });

  test("query syntax is never interpreted; text without words is 422", async () => {
    for (const q of ['ada" OR "babbage', "NEAR(ada babbage)", "ada*", "-ada", "title:ada"])
      expect((await search(`q=${encodeURIComponent(q)}`)).status).toBe(200);
    for (const q of ["*", "%22%22", "%40%40"]) {
      const reply = await search(`q=${q}`);
      expect(reply.status).toBe(422);
      expect(reply.body.errors[0].path).toBe("/q");
    }
    expect((await search("")).status).toBe(422);
  });
});

describe("index kept in step with writes", () => {
  test("updates re-index; soft deletes drop out", async () => {
    const { api: client, tenantId: tenant } = await server.tenant();
    const contact = (await client.post("/api/external/contacts", { first_name: "Zebulon" })).body;
    expect(await found("q=zebulon", client)).toEqual([`contacts:${contact.id}`]);
    await client.patch(`/api/external/contacts/${contact.id}`, { first_name: "Quentin" });
    expect(await found("q=zebulon", client)).toEqual([]);
    expect(await found("q=quentin", client)).toEqual([`contacts:${contact.id}`]);
    await client.patch(`/api/external/contacts/${contact.id}`, { title: "Unindexed" });
    expect(await found("q=quentin", client)).toEqual([`contacts:${contact.id}`]);
    await client.delete(`/api/external/contacts/${contact.id}`);
    expect(await found("q=quentin", client)).toEqual([]);

    const company = (await client.post("/api/external/companies", { name: "Xylo" })).body;
    const note = (
      await client.post("/api/external/notes", { company_id: company.id, text: "xylophone" })
    ).body;
    expect(await found("q=xylo", client)).toHaveLength(2);
    await client.patch(`/api/external/notes/${note.id}`, { text: "marimba" });
    expect(await found("q=xylo", client)).toEqual([`companies:${company.id}`]);
    await client.delete(`/api/external/notes/${note.id}`);
    await client.delete(`/api/external/companies/${company.id}`);
    expect(await found("q=xylo", client)).toEqual([]);
    expect(await found("q=marimba", client)).toEqual([]);

    const deal = await insertDeal(tenant, "Yodel contract", null);
    expect(await found("q=yodel", client)).toEqual([`deals:${deal}`]);
    await server.ctx.write((tx) =>
      tx.update(deals).set({ deletedAt: clock.now() }).where(eq(deals.id, deal)),
    );
    expect(await found("q=yodel", client)).toEqual([]);
  });

  test("writes only queue their rows; a search indexes what is queued before it answers", async () => {
    const { api: client } = await server.tenant();
    const contact = (await client.post("/api/external/contacts", { first_name: "Wilhelmina" }))
      .body;
    expect(await queued()).toBeGreaterThan(0);
    expect(await indexed("wilhelmina")).toEqual([]);
    expect(await found("q=wilhelmina", client)).toEqual([`contacts:${contact.id}`]);
    expect(await queued()).toBe(0);
    expect(await indexed("wilhelmina")).toEqual([contact.id]);
  });

  test("the background indexer empties the queue without any search", async () => {
    const { api: client } = await server.tenant();
    const company = (await client.post("/api/external/companies", { name: "Vortigern" })).body;
    expect(await queued()).toBeGreaterThan(0);
    const indexer = server.ctx.workers.find((worker) => worker.name === "search_indexer");
    if (!indexer) throw new Error("no search indexer registered");
    await indexer.start();
    try {
      for (let waited = 0; waited < 5000 && (await queued()) > 0; waited += 50) await Bun.sleep(50);
    } finally {
      await indexer.stop();
    }
    expect(await queued()).toBe(0);
    expect(await indexed("vortigern")).toEqual([company.id]);
  });

  test("a rolled-back write leaves nothing in the index", async () => {
    const { api: client, tenantId: tenant } = await server.tenant();
    const failing = server.ctx.write(async (tx) => {
      await tx.insert(leads).values({ ...row(tenant), name: "Phantom", status: "new" });
      throw new Error("rolled back");
    });
    await expect(failing).rejects.toThrow("rolled back");
    expect(await found("q=phantom", client)).toEqual([]);
  });
});

describe("migration 1340", () => {
  /** Index entries as the indexer wrote them before 1340: a phone as written and its digits only. */
  const FORMER_INDEX = {
    sqlite:
      "update search_index set body = (select v.body from contacts_search_text v where v.id = search_index.entity_id)",
    postgres:
      "update search_index set body = v.body, words = search_words(search_index.title, v.body) from contacts_search_text v where v.id = search_index.entity_id",
  };

  test("adds their national forms to indexed phone numbers, with progress", async () => {
    const dir = mkdtempSync(join(tmpdir(), "crmd-phones-"));
    const database = await testDatabase(dir, { empty: true });
    const db = await openDatabase(database.url);
    try {
      const phones = "1340_phone_search";
      await migrate(
        db,
        migrationsOf(db).filter((m) => m.id !== phones),
      );
      const now = new Date();
      const contact = (id: string, number?: string) => ({
        id,
        tenantId: "t1",
        lastName: id,
        phones: number ? [{ number, type: "Work" }] : [],
        createdAt: now,
        updatedAt: now,
        syncSeq: 0,
      });
      await db.transaction((tx) =>
        tx
          .insert(contacts)
          .values([
            contact("caller", "+1 (555) 123-4567"),
            contact("london", "+44 20 7946 0958"),
            contact("none"),
          ]),
      );
      await db.dialect.catchUpSearchIndex(db);
      await db.execute(FORMER_INDEX[db.kind]);
      const search = { tenantId: "t1", types: ["contacts"], limit: 10, offset: 0 };
      const found = async (text: string) =>
        (await db.dialect.fullTextSearch(db, { ...search, text })).hits.map((hit) => hit.id);
      expect(await found("5551234567")).toEqual([]);
      expect(await found("02079460958")).toEqual([]);
      const reports: unknown[] = [];
      expect(await migrate(db, migrationsOf(db), (p) => reports.push(p))).toEqual([phones]);
      expect(reports).toEqual([{ entity: phones, done: 3, total: 3 }]);
      expect(await found("5551234567")).toEqual(["caller"]);
      expect(await found("02079460958")).toEqual(["london"]);
      expect((await db.dialect.fullTextSearch(db, { ...search, text: "caller" })).total).toBe(1);
    } finally {
      await db.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("migration 1440 (PostgreSQL)", () => {
  test.skipIf(!testPostgresUrl)(
    "re-indexes the words of entries beyond ASCII as SQLite folds them",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "crmd-fold-"));
      const database = await testDatabase(dir, { empty: true });
      const db = await openDatabase(database.url);
      try {
        const fold = "1440_search_fold";
        await migrate(
          db,
          migrationsOf(db).filter((m) => m.id !== fold),
        );
        const now = new Date();
        const company = (id: string, name: string) => ({
          id,
          tenantId: "t1",
          name,
          createdAt: now,
          updatedAt: now,
          syncSeq: 0,
        });
        await db.transaction((tx) =>
          tx
            .insert(companies)
            .values([company("street", "Weiße Straße"), company("jose", "José Núñez")]),
        );
        await db.dialect.catchUpSearchIndex(db);
        const search = { tenantId: "t1", types: ["companies"], limit: 10, offset: 0 };
        const found = async (text: string) =>
          (await db.dialect.fullTextSearch(db, { ...search, text })).hits.map((hit) => hit.id);
        // Before: unaccent wrote Straße's words as "strasse".
        const before = await db.execute(
          "select entity_id from search_index where words @@ search_query('strasse')",
        );
        expect(before.map((row) => row.entity_id)).toEqual(["street"]);
        expect(await migrate(db)).toEqual([fold]);
        expect(await found("strasse")).toEqual([]);
        expect(await found("straße")).toEqual(["street"]);
        expect(await found("jose nunez")).toEqual(["jose"]);
        const [hit] = (await db.dialect.fullTextSearch(db, { ...search, text: "nunez" })).hits;
        expect(hit.snippet).toBe("José <mark>Núñez</mark>");
      } finally {
        await db.close();
        await database.drop();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

describe("very large records", () => {
  test("a record with a million characters of words is found, and every tenant's search keeps working", async () => {
    const owner = await server.tenant();
    const fields = Array.from({ length: 200 }, (_, i) => ({
      key: `f${i}`,
      label: `F${i}`,
      type: "text",
    }));
    await created(owner.api, "/object-types", {
      name: "archive",
      plural: "archives",
      label: "Archives",
      primary_field: "f0",
      fields,
    });
    // 140,000 distinct words: more than PostgreSQL's tsvector holds (1 MB).
    let word = 36 ** 5;
    const properties: Record<string, string> = {};
    for (const { key } of fields) {
      const words: string[] = [];
      for (let length = 0; length < 4990; length += 7) words.push((word++).toString(36));
      properties[key] = words.join(" ");
    }
    const record = await created(owner.api, "/objects/archives", { properties });
    const first = await owner.api.get("/api/external/search?q=100000");
    expect(first.status).toBe(200);
    expect(first.body.results.map((r: any) => r.id)).toEqual([record.id]);
    expect(await found("q=lovelace")).toEqual([`contacts:${ids.ada}`]);
    const listed = await api.get("/api/external/contacts?search=lovelace");
    expect(listed.body.contacts.map((c: any) => c.id)).toEqual([ids.ada]);
  });
});

describe("isolation and scopes", () => {
  test("another tenant finds nothing of this one", async () => {
    const other = await server.tenant();
    expect((await search("q=analytical", other.api)).body).toMatchObject({
      results: [],
      total: 0,
    });
  });

  test("search:read is needed, plus the read scope of each type named", async () => {
    expect((await server.anonymous.get("/api/external/search?q=ada")).status).toBe(401);
    const noSearch = await server.keyFor(tenantId, ["contacts:read"]);
    expect((await search("q=ada", noSearch)).status).toBe(403);

    const limited = await server.keyFor(tenantId, ["search:read", "contacts:read"]);
    expect(await found("q=analytical", limited)).toEqual([`contacts:${ids.ada}`]);
    expect((await search("q=analytical", limited)).body.total).toBe(1);
    expect((await search("q=analytical&types=contacts", limited)).status).toBe(200);
    const denied = await search("q=analytical&types=contacts,deals", limited);
    expect(denied.status).toBe(403);
    expect(denied.body.detail).toContain("deals:read");

    const bare = await server.keyFor(tenantId, ["search:read"]);
    expect((await search("q=analytical", bare)).body).toMatchObject({ results: [], total: 0 });
  });
});

describe("object types a key may not read", () => {
  test("naming one is 403 whether the tenant has it or not, and errors list only readable types", async () => {
    const owner = await server.tenant();
    await created(owner.api, "/object-types", {
      name: "vault",
      plural: "vaults",
      label: "Vaults",
      primary_field: "name",
      fields: [{ key: "name", label: "Name", type: "text" }],
    });
    const limited = await server.keyFor(owner.tenantId, ["search:read", "contacts:read"]);
    for (const type of ["vaults", "safes"]) {
      const refused = await search(`q=x&types=${type}`, limited);
      expect(refused.status).toBe(403);
      expect(refused.body.detail).toContain(`${type}:read`);
    }
    const empty = await search("q=x&types=,", limited);
    expect(empty.status).toBe(422);
    expect(JSON.stringify(empty.body)).not.toContain("vaults");
    const withObjects = await server.keyFor(owner.tenantId, ["search:read", "objects:read"]);
    const unknown = await search("q=x&types=safes", withObjects);
    expect(unknown.status).toBe(422);
    expect(JSON.stringify(unknown.body)).toContain("vaults");
  });
});

describe("on a PostgreSQL database in the C locale", () => {
  test("words of any script are found, whatever their case", async () => {
    const local = await startTestServer({ localeC: true });
    try {
      const { api: client } = await local.tenant();
      const ivan = await created(client, "/contacts", { first_name: "Иван", last_name: "Петров" });
      const tower = await created(client, "/companies", { name: "Ωmega 東京タワー" });
      for (const [q, id] of [
        ["иван", ivan.id],
        ["ПЕТРОВ", ivan.id],
        ["ωmega", tower.id],
        ["東京タワー", tower.id],
      ]) {
        const reply = await client.get(`/api/external/search?q=${encodeURIComponent(q)}`);
        expect({ q, found: reply.body.results.map((r: any) => r.id) }).toEqual({ q, found: [id] });
      }
      const listed = await client.get("/api/external/contacts?search=%D0%B8%D0%B2%D0%B0%D0%BD");
      expect(listed.body.contacts.map((c: any) => c.id)).toEqual([ivan.id]);
    } finally {
      await local.close();
    }
  });
});

describe("the indexer beside writers (PostgreSQL)", () => {
  const pg = test.skipIf(!testPostgresUrl);
  let dir = "";
  let db: Awaited<ReturnType<typeof openDatabase>>;
  let raw: SQL;
  let drop = async () => {};
  beforeAll(async () => {
    if (!testPostgresUrl) return;
    dir = mkdtempSync(join(tmpdir(), "crmd-indexer-"));
    const database = await testDatabase(dir);
    drop = database.drop;
    db = await openDatabase(database.url);
    raw = new SQL(database.url, { max: 2 });
  });
  afterAll(async () => {
    if (!testPostgresUrl) return;
    await raw.close();
    await db.close();
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });
  const found = async (text: string) =>
    (
      await db.dialect.fullTextSearch(db, {
        tenantId: "t1",
        types: ["companies"],
        limit: 10,
        offset: 0,
        text,
      })
    ).hits.map((hit) => hit.id);
  const company = async (id: string, name: string) => {
    const now = new Date();
    await db.transaction((tx) =>
      tx
        .insert(companies)
        .values({ id, tenantId: "t1", name, createdAt: now, updatedAt: now, syncSeq: 0 }),
    );
  };

  pg(
    "a row changed by a write not committed yet is indexed with what the write commits",
    async () => {
      await company("pending", "Alpha Pending"); // queued, not indexed yet
      // Another instance's write, under way: it changes the queued row again.
      await raw.begin(async (write) => {
        await write`update companies set name = 'Beta Pending' where id = 'pending'`;
        await db.dialect.catchUpSearchIndex(db); // an indexer's turn meanwhile
      });
      await db.dialect.catchUpSearchIndex(db);
      expect(await found("beta")).toEqual(["pending"]);
      expect(await found("alpha")).toEqual([]);
    },
  );

  pg(
    "a write to a row an indexer has claimed queues it again once the indexer commits",
    async () => {
      await company("claimed", "Gamma Claimed");
      let written: Promise<unknown> = Promise.resolve();
      // An indexer's batch in flight: it has taken the row's queue entry.
      await raw.begin(async (indexer) => {
        await indexer`delete from search_pending where doc_id in (select doc_id from search_docs where entity_id = 'claimed')`;
        written = db.transaction((tx) =>
          tx.update(companies).set({ name: "Delta Claimed" }).where(eq(companies.id, "claimed")),
        );
        await Bun.sleep(100);
      });
      await written;
      await db.dialect.catchUpSearchIndex(db);
      expect(await found("delta")).toEqual(["claimed"]);
    },
  );
});
