import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { type DealRow, dealView } from "../plugins/deals/service";
import { RECORD_VERSION, sameVersion, versionOf } from "../src/record-version";
import { created, defineObjectType } from "./helpers/api";
import { changeCounts, outboxOf } from "./helpers/records";
import { type Api, startTestServer, type TestServer } from "./helpers/server";
import { useTestServer } from "./helpers/suite";
import { salesPipeline } from "./sales-fixtures";

/**
 * Optimistic concurrency: a record's answers carry a strong ETag of its
 * version; PATCH, PUT, DELETE and actions on it honour If-Match (412
 * PRECONDITION_FAILED, nothing written, when the record changed since).
 */
const server = useTestServer({ config: { rateLimit: 100_000 } });
const base = "/api/external";
let api: Api;
let tenantId: string;
beforeAll(async () => {
  ({ api, tenantId } = await server.tenant());
  await salesPipeline(api);
});

/** Version, hash of the text, and the content coding of a compressed answer (the test client accepts br). */
const STRONG = /^"[0-9a-z]+\.[0-9a-z]+(-br|-gzip)?"$/;

/** A request with extra headers (the test client's put/patch/delete take none). */
const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  api.request(method, `${base}${path}`, body, headers);

describe("a deal, end to end", () => {
  test("strong ETags on create, GET, update and delete; If-Match guards every change", async () => {
    const create = await api.post(`${base}/deals`, { title: "Acme" });
    expect(create.status).toBe(201);
    const createdTag = create.headers.get("etag") as string;
    expect(createdTag).toMatch(STRONG);
    const path = `/deals/${create.body.id}`;

    const read = await send("GET", path);
    const tag = read.headers.get("etag") as string;
    expect(tag).toMatch(STRONG);
    // The same version: the tags name it alike, and If-None-Match (weak comparison) is 304 on either form.
    expect(tag.split(".")[0]).toBe(createdTag.split(".")[0]);
    expect((await send("GET", path, undefined, { "if-none-match": tag })).status).toBe(304);
    expect((await send("GET", path, undefined, { "if-none-match": `W/${tag}` })).status).toBe(304);

    // Support renames it; the integration's change, made from the old version, is refused.
    const renamed = await send("PATCH", path, { title: "Acme GmbH" }, { "if-match": tag });
    expect(renamed.status).toBe(200);
    const newTag = renamed.headers.get("etag") as string;
    expect(newTag).toMatch(STRONG);
    expect(newTag).not.toBe(tag);
    const before = await changeCounts(server, tenantId);
    const stale = await send("PATCH", path, { value: 500 }, { "if-match": tag });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(typeof stale.body.detail).toBe("string");
    expect((await send("GET", path)).body).toMatchObject({ title: "Acme GmbH", value: 0 });
    expect(await changeCounts(server, tenantId)).toEqual(before);
    // The old tag no longer gets a 304 either.
    expect((await send("GET", path, undefined, { "if-none-match": tag })).status).toBe(200);

    // A weak tag never matches (strong comparison); a list with the current one does; `*` is "exists".
    expect((await send("PATCH", path, { value: 1 }, { "if-match": `W/${newTag}` })).status).toBe(
      412,
    );
    const listed = await send("PATCH", path, { value: 2 }, { "if-match": `"x.y", ${newTag}` });
    expect(listed.status).toBe(200);
    expect((await send("PATCH", path, { value: 3 }, { "if-match": "*" })).status).toBe(200);

    // Actions too: a move from an old version is refused.
    const moved = await send("POST", `${path}/move`, { stage: "Proposal" }, { "if-match": tag });
    expect(moved.status).toBe(412);
    expect((await send("GET", path)).body.stage).toBe("Discovery");

    // Without If-Match nothing changes from before.
    const plain = await send("PATCH", path, { value: 4 });
    expect(plain.status).toBe(200);

    // Delete with a stale tag: refused; with the current one: a tombstone with its own tag.
    const current = (await send("GET", path)).headers.get("etag") as string;
    expect((await send("DELETE", path, undefined, { "if-match": newTag })).status).toBe(412);
    expect((await send("GET", path)).status).toBe(200);
    const deleted = await send("DELETE", path, undefined, { "if-match": current });
    expect(deleted.status).toBe(200);
    expect(deleted.headers.get("etag")).toMatch(STRONG);
    expect(deleted.headers.get("etag")?.split(".")[0]).not.toBe(current.split(".")[0]);
    // A deleted record is 404, If-Match or not (preconditions do not hide a missing record).
    expect((await send("PATCH", path, { value: 5 }, { "if-match": "*" })).status).toBe(404);

    const types = (await outboxOf(server.ctx.db, { entityId: create.body.id })).map(
      (e) => e.event_type,
    );
    expect(types).toEqual([
      "deal.created",
      "deal.updated",
      "deal.updated",
      "deal.updated",
      "deal.updated",
      "deal.deleted",
    ]);
  });

  test("If-Unmodified-Since: a change after the named time is refused", async () => {
    const deal = await created(api, "/deals", { title: "Since" });
    const path = `/deals/${deal.id}`;
    const before = new Date(Date.parse(deal.updated_at) - 60_000).toUTCString();
    const after = new Date(Date.parse(deal.updated_at) + 1000).toUTCString();
    const refused = await send("PATCH", path, { title: "x" }, { "if-unmodified-since": before });
    expect(refused.status).toBe(412);
    const allowed = await send("PATCH", path, { title: "y" }, { "if-unmodified-since": after });
    expect(allowed.status).toBe(200);
    // Not an HTTP date (an ISO time, as updated_at reads): ignored, as a download ignores it.
    const iso = new Date(Date.parse(deal.updated_at) - 60_000).toISOString();
    const ignored = await send("PATCH", path, { title: "z" }, { "if-unmodified-since": iso });
    expect(ignored.status).toBe(200);
  });

  test("lists keep their weak ETags", async () => {
    expect((await send("GET", "/deals")).headers.get("etag")).toMatch(/^W\/"/);
  });
});

interface Case {
  name: string;
  /** Creates the record; returns its path under /api/external. */
  make: () => Promise<string>;
  method: "PATCH" | "PUT" | "DELETE" | "POST";
  /** Appended to the record's path (an action). */
  suffix?: string;
  body?: Record<string, unknown>;
  /** What another client changes first, when not this same request (a DELETE: a PATCH). */
  meanwhile?: { method: "PATCH" | "PUT"; body: Record<string, unknown> };
}

const contact = () => created(api, "/contacts", { first_name: "Ann" });
const conversation = async () =>
  created(api, "/conversations", { customer_id: (await contact()).id });
const at = (path: string) => async (body: Record<string, unknown>) =>
  `${path}/${(await created(api, path, body)).id}`;

const CASES: Case[] = [
  {
    name: "deal PATCH",
    make: () => at("/deals")({ title: "D" }),
    method: "PATCH",
    body: { title: "D2" },
  },
  {
    name: "deal DELETE",
    make: () => at("/deals")({ title: "D" }),
    method: "DELETE",
    meanwhile: { method: "PATCH", body: { title: "D2" } },
  },
  {
    name: "deal move",
    make: () => at("/deals")({ title: "D" }),
    method: "POST",
    suffix: "/move",
    body: { stage: "Proposal" },
  },
  {
    name: "lead PATCH",
    make: () => at("/leads")({ name: "L" }),
    method: "PATCH",
    body: { name: "L2" },
  },
  {
    name: "lead DELETE",
    make: () => at("/leads")({ name: "L" }),
    method: "DELETE",
    meanwhile: { method: "PATCH", body: { name: "L2" } },
  },
  {
    name: "task PATCH",
    make: () => at("/tasks")({ title: "T" }),
    method: "PATCH",
    body: { title: "T2" },
  },
  {
    name: "task PUT",
    make: () => at("/tasks")({ title: "T" }),
    method: "PUT",
    body: { title: "T2" },
  },
  {
    name: "task complete",
    make: () => at("/tasks")({ title: "T" }),
    method: "POST",
    suffix: "/complete",
  },
  {
    name: "contact PATCH",
    make: () => at("/contacts")({ first_name: "A" }),
    method: "PATCH",
    body: { first_name: "B" },
  },
  {
    name: "customer PATCH",
    make: async () => `/customers/${(await contact()).id}`,
    method: "PATCH",
    body: { first_name: "B" },
  },
  {
    name: "company PATCH",
    make: () => at("/companies")({ name: "C" }),
    method: "PATCH",
    body: { name: "C2" },
  },
  {
    name: "partner PATCH",
    make: () => at("/partners")({ name: "P" }),
    method: "PATCH",
    body: { name: "P2" },
  },
  {
    name: "partner DELETE",
    make: () => at("/partners")({ name: "P" }),
    method: "DELETE",
    meanwhile: { method: "PATCH", body: { name: "P3" } },
  },
  {
    name: "pipeline PATCH",
    make: () => at("/pipelines")({ name: "Q", pipeline_type: "sales", stages: [{ name: "S" }] }),
    method: "PATCH",
    body: { name: "Q2" },
  },
  {
    name: "note PATCH",
    make: async () =>
      at("/notes")({ type: "contact_note", contact_id: (await contact()).id, text: "n" }),
    method: "PATCH",
    body: { text: "n2" },
  },
  {
    name: "conversation PATCH",
    make: async () => `/conversations/${(await conversation()).id}`,
    method: "PATCH",
    body: { subject: "S2" },
  },
  {
    name: "conversation archive",
    make: async () => `/conversations/${(await conversation()).id}`,
    method: "POST",
    suffix: "/archive",
  },
  {
    name: "message PATCH",
    make: async () => at("/messages")({ conversation_id: (await conversation()).id, body: "hi" }),
    method: "PATCH",
    body: { body: "hello" },
  },
  {
    name: "custom object record PATCH",
    make: () => at("/objects/gadgets")({ properties: { title: "G" } }),
    method: "PATCH",
    body: { properties: { title: "G2" } },
  },
  {
    name: "MLS property PATCH",
    make: () =>
      at("/mls/properties")({
        mls_number: `MLS-${crypto.randomUUID()}`,
        status: "active",
        property_type: "apartment",
        title: "Flat",
        address: { street: "Ermou 1", city: "Athens", postcode: "105 63", country: "GR" },
        price: { value: 100, currency: "EUR" },
      }),
    method: "PATCH",
    body: { title: "Flat 2" },
  },
  {
    name: "calendar event PATCH",
    make: () =>
      at("/calendar/events")({
        title: "M",
        start: "2030-04-01T09:00:00Z",
        end: "2030-04-01T10:00:00Z",
      }),
    method: "PATCH",
    body: { title: "M2" },
  },
  {
    name: "document PUT",
    make: () => at("/documents")({ url: "https://files.test/a.pdf", name: "a.pdf" }),
    method: "PUT",
    body: { name: "b.pdf" },
  },
  {
    name: "document DELETE",
    make: () => at("/documents")({ url: "https://files.test/c.pdf", name: "c.pdf" }),
    method: "DELETE",
    meanwhile: { method: "PUT", body: { name: "d.pdf" } },
  },
  {
    name: "handoff complete",
    make: async () => {
      const deal = await created(api, "/deals", { title: "H" });
      return `/handoffs/${(await created(api, `/deals/${deal.id}/handoff`, { to_owner: "bob" })).id}`;
    },
    method: "POST",
    suffix: "/complete",
  },
  {
    name: "call PATCH",
    make: async () => {
      const call = await api.post(`${base}/calls`, {
        direction: "outbound",
        from: "+15550001",
        to: "+15550002",
      });
      expect(call.status).toBe(201);
      return `/calls/${call.body.id}`;
    },
    method: "PATCH",
    body: { duration_seconds: 30 },
  },
];

/** The record as GET shows it, for paths whose GET is elsewhere (a call is an interaction). */
const readPath = (path: string) => path.replace(/^\/calls\//, "/interactions/");

describe("every versioned record: strong ETag, If-Match", () => {
  beforeAll(async () => {
    await defineObjectType(api, "gadget", "gadgets");
  });

  for (const c of CASES)
    test(c.name, async () => {
      const path = await c.make();
      const first = await send("GET", readPath(path));
      expect(first.status).toBe(200);
      const tag = first.headers.get("etag") as string;
      expect(tag).toMatch(STRONG);
      expect((await send("GET", readPath(path), undefined, { "if-none-match": tag })).status).toBe(
        304,
      );
      // Someone else changes the record meanwhile: its version moves on.
      const change = c.meanwhile ?? c;
      const other = await send(
        change.method,
        `${path}${c.meanwhile ? "" : (c.suffix ?? "")}`,
        change.body,
        {
          "if-match": `"0.0", ${tag}`,
        },
      );
      expect({ name: c.name, status: other.status }).toEqual({ name: c.name, status: 200 });
      expect(other.headers.get("etag")).toMatch(STRONG);
      expect(other.headers.get("etag")).not.toBe(tag);
      const after = await send("GET", readPath(path));
      const counts = await changeCounts(server, tenantId);
      // The same change from the old version: 412, nothing written.
      const stale = await send(c.method, `${path}${c.suffix ?? ""}`, c.body, { "if-match": tag });
      expect({ name: c.name, status: stale.status, code: stale.body?.code }).toEqual({
        name: c.name,
        status: 412,
        code: "PRECONDITION_FAILED",
      });
      expect(await changeCounts(server, tenantId)).toEqual(counts);
      const still = await send("GET", readPath(path));
      expect({ status: still.status, etag: still.headers.get("etag") }).toEqual({
        status: after.status,
        etag: after.headers.get("etag"),
      });
    });
});

describe("answers made from a record's view", () => {
  /** The version a strong tag names (before its dot). */
  const versionIn = (tag: string | null) => (tag ?? "").slice(1).split(".")[0];

  test("a view carries its version out of its enumerable keys (JSON.stringify keeps its fast path)", () => {
    const at = new Date("2026-01-01T00:00:00Z");
    const row = { id: "d1", stageEnteredAt: at, createdAt: at, updatedAt: at, deletedAt: null };
    const view = dealView({ ...row, syncSeq: 42 } as DealRow, "Proposal");
    expect(Object.getOwnPropertyDescriptor(view, RECORD_VERSION)).toMatchObject({
      value: 42,
      enumerable: false,
    });
    // A spread copies enumerable keys only: the copy that answers for the record takes it again.
    expect(versionOf({ ...view })).toBeUndefined();
    expect(versionOf(sameVersion({ ...view, more: 1 }, view))).toBe(42);
  });

  test("with its links, its company's includes, or fields left out for the key: the record's strong ETag", async () => {
    const deal = await created(api, "/deals", { title: "Linked" });
    const plain = (await send("GET", `/deals/${deal.id}`)).headers.get("etag");
    const linked = await send("GET", `/deals/${deal.id}?include=associations`);
    expect(linked.body.associations).toBeDefined();
    expect(linked.headers.get("etag")).toMatch(STRONG);
    expect(versionIn(linked.headers.get("etag"))).toBe(versionIn(plain));

    const company = await created(api, "/companies", { name: "Includes" });
    const shown = await send("GET", `/companies/${company.id}?include=contacts,associations`);
    expect(shown.body.contacts).toEqual([]);
    expect(shown.headers.get("etag")).toMatch(STRONG);
    const companyTag = (await send("GET", `/companies/${company.id}`)).headers.get("etag");
    expect(versionIn(shown.headers.get("etag"))).toBe(versionIn(companyTag));

    // A calls:write key is not shown the call's links: its answers still carry the call's version.
    const writer = await server.keyFor(tenantId, ["calls:write"]);
    const call = { direction: "outbound", from: "+15550001", to: "+15550002" };
    const logged = await writer.post(`${base}/calls`, call);
    expect(logged.status).toBe(201);
    expect(logged.body).not.toHaveProperty("contact_id");
    expect(logged.headers.get("etag")).toMatch(STRONG);
    const read = (await send("GET", `/interactions/${logged.body.id}`)).headers.get("etag");
    expect(versionIn(logged.headers.get("etag"))).toBe(versionIn(read));
    const ended = await writer.patch(`${base}/calls/${logged.body.id}`, { duration_seconds: 5 });
    expect(ended.status).toBe(200);
    expect(ended.headers.get("etag")).toMatch(STRONG);
  });
});

describe("racing writers", () => {
  test("two PATCHes with the same If-Match at once: one succeeds, one is 412, one deal.updated", async () => {
    const deal = await created(api, "/deals", { title: "Race" });
    const path = `/deals/${deal.id}`;
    const tag = (await send("GET", path)).headers.get("etag") as string;
    const replies = await Promise.all(
      ["Left", "Right"].map((title) => send("PATCH", path, { title }, { "if-match": tag })),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([200, 412]);
    const winner = replies.find((r) => r.status === 200)?.body.title;
    expect((await send("GET", path)).body.title).toBe(winner);
    const updates = await outboxOf(server.ctx.db, { entityId: deal.id, type: "deal.updated" });
    expect(updates.length).toBe(1);
  });

  describe("two instances on one database", () => {
    let second: TestServer;
    beforeAll(async () => {
      second = await startTestServer({
        config: { databaseUrl: server.ctx.config.databaseUrl, rateLimit: 100_000 },
      });
    });
    afterAll(() => second?.close());

    test("racing PATCHes through both: exactly one wins", async () => {
      const key = api.headers["x-api-key"];
      const other = new (api.constructor as typeof Api)(second.url, { "x-api-key": key });
      for (let round = 0; round < 5; round++) {
        const deal = await created(api, "/deals", { title: `Race ${round}` });
        const path = `${base}/deals/${deal.id}`;
        const tag = (await api.get(path)).headers.get("etag") as string;
        const replies = await Promise.all(
          [api, other, api, other].map((client, i) =>
            client.request("PATCH", path, { title: `W${i}` }, { "if-match": tag }),
          ),
        );
        expect(replies.map((r) => r.status).sort()).toEqual([200, 412, 412, 412]);
        const updates = await outboxOf(server.ctx.db, { entityId: deal.id, type: "deal.updated" });
        expect(updates.length).toBe(1);
      }
    });
  });
});

describe("the OpenAPI document", () => {
  test("names If-Match, If-Unmodified-Since and the 412 on changes to a record, the ETag on their answers", async () => {
    const doc = (await api.get("/swagger/json")).body;
    const resolve = (node: { $ref?: string }) =>
      node.$ref
        ? node.$ref
            .slice(2)
            .split("/")
            .reduce((at: any, key: string) => at[key], doc)
        : node;
    const headersOf = (operation: any) =>
      (operation.parameters ?? [])
        .map(resolve)
        .flatMap((p: any) => (p.in === "header" ? [p.name] : []));
    const changes: Array<[string, string]> = [
      ["/api/external/deals/{id}", "patch"],
      ["/api/external/deals/{id}", "delete"],
      ["/api/external/deals/{id}/move", "post"],
      ["/api/external/tasks/{id}", "put"],
      ["/api/external/objects/{object}/{id}", "patch"],
      ["/api/external/mls/properties/{id}", "patch"],
    ];
    for (const [path, method] of changes) {
      const operation = doc.paths[path][method];
      expect({ path, method, headers: headersOf(operation) }).toMatchObject({
        headers: expect.arrayContaining(["If-Match", "If-Unmodified-Since"]),
      });
      const refused = resolve(operation.responses["412"]);
      expect(refused.description).toContain("PRECONDITION_FAILED");
      expect(Object.keys(resolve(operation.responses["200"]).headers ?? {})).toContain("ETag");
    }
    const create = doc.paths["/api/external/deals"].post;
    expect(Object.keys(resolve(create.responses["201"]).headers ?? {})).toContain("ETag");
    expect(headersOf(create)).not.toContain("If-Match");
    // Lists and records without versions take none.
    expect(headersOf(doc.paths["/api/external/webhooks/{id}"].put)).not.toContain("If-Match");
  });
});
