import { beforeAll, describe, expect, test } from "bun:test";
import { deals, leads, tasks } from "../db/schema";
import { ManualClock } from "../src/clock";
import { activityFor, changeCounts, eventsFor } from "./helpers/records";
import type { Api } from "./helpers/server";
import { useTestServer } from "./helpers/suite";

const clock = new ManualClock(new Date("2026-01-10T09:00:00.000Z"));
let api: Api;
let tenantId: string;
const parents: Record<string, string> = {};

/** Deal, lead and task rows written straight to their tables (their plugins are not part of this suite). */
async function insertSalesRows(tenant: string) {
  const now = clock.now();
  const common = { tenantId: tenant, createdAt: now, updatedAt: now, syncSeq: 0 };
  const [deal, lead, task] = [Bun.randomUUIDv7(), Bun.randomUUIDv7(), Bun.randomUUIDv7()];
  await server.ctx.write(async (tx) => {
    await tx.insert(deals).values({
      ...common,
      id: deal,
      title: "Deal",
      status: "open",
      pipelineId: "p",
      stageId: "s",
      stageEnteredAt: now,
    });
    await tx.insert(leads).values({ ...common, id: lead, name: "Lead", status: "new" });
    await tx.insert(tasks).values({ ...common, id: task, title: "Task", status: "pending" });
  });
  return { deal, lead, task };
}

const server = useTestServer({ clock, config: { rateLimit: 100_000 } });
beforeAll(async () => {
  ({ api, tenantId } = await server.tenant());
  parents.contact = (await api.post("/api/external/contacts", { first_name: "Ann" })).body.id;
  parents.company = (await api.post("/api/external/companies", { name: "Co" })).body.id;
  Object.assign(parents, await insertSalesRows(tenantId));
});

const post = (body: Record<string, unknown>, client = api) =>
  client.post("/api/external/notes", body);

describe("create", () => {
  test("a contact note with status and attachments (seed 004)", async () => {
    const reply = await post({
      type: "contact_note",
      contact_id: parents.contact,
      text: "Discussed pricing structure",
      status: "warm",
      attachments: [
        {
          url: "https://storage.example.com/proposal.pdf",
          name: "proposal.pdf",
          mime_type: "application/pdf",
        },
        { url: "http://storage.example.com/x" },
      ],
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      type: "contact_note",
      contact_id: parents.contact,
      company_id: null,
      deal_id: null,
      lead_id: null,
      task_id: null,
      text: "Discussed pricing structure",
      status: "warm",
      attachments: [
        {
          url: "https://storage.example.com/proposal.pdf",
          name: "proposal.pdf",
          mime_type: "application/pdf",
        },
        { url: "http://storage.example.com/x", name: null, mime_type: null },
      ],
      created_at: "2026-01-10T09:00:00.000Z",
      deleted_at: null,
    });
    const events = await eventsFor(server, reply.body.id);
    expect(events.map((e) => [e.event_type, e.data])).toEqual([["note.created", reply.body]]);
    expect((await activityFor(server, reply.body.id))[0]).toMatchObject({
      entityType: "note",
      action: "created",
    });
  });

  test("notes attach to each kind of parent; the type follows from the id", async () => {
    for (const parent of ["contact", "company", "deal", "lead", "task"]) {
      const reply = await post({ [`${parent}_id`]: parents[parent], text: `On a ${parent}` });
      expect(reply.status).toBe(201);
      expect(reply.body.type).toBe(`${parent}_note`);
      expect(reply.body[`${parent}_id`]).toBe(parents[parent]);
    }
    const company = await post({ company_id: parents.company, text: "Renewal", status: "hot" });
    expect(company.body.status).toBe("hot");
  });

  test("bad input is 422 at the field and writes nothing", async () => {
    const other = await server.tenant();
    const foreign = await other.api.post("/api/external/contacts", { first_name: "Them" });
    const deleted = await api.post("/api/external/contacts", { first_name: "Deleted" });
    await api.delete(`/api/external/contacts/${deleted.body.id}`);
    const before = await changeCounts(server, tenantId);
    const c = parents.contact;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ text: "Orphan" }, "/contact_id"],
      [{ contact_id: c, company_id: parents.company, text: "Two" }, "/company_id"],
      [{ contact_id: c, type: "deal_note", text: "Mismatch" }, "/type"],
      [{ contact_id: c, type: "meeting_note", text: "Unknown type" }, "/type"],
      [{ contact_id: c, text: "" }, "/text"],
      [{ deal_id: parents.deal, text: "x", status: "warm" }, "/status"],
      [{ contact_id: "01900000-0000-7000-8000-000000000000", text: "x" }, "/contact_id"],
      [{ contact_id: foreign.body.id, text: "x" }, "/contact_id"],
      [{ contact_id: deleted.body.id, text: "x" }, "/contact_id"],
      [{ deal_id: "nope", text: "x" }, "/deal_id"],
      [
        { contact_id: c, text: "x", attachments: [{ url: "ftp://files.example/a" }] },
        "/attachments/0/url",
      ],
      [
        { contact_id: c, text: "x", attachments: [{ url: "javascript:alert(1)" }] },
        "/attachments/0/url",
      ],
      [
        { contact_id: c, text: "x", attachments: [{ url: "https://a.example", mime_type: "pdf" }] },
        "/attachments/0/mime_type",
      ],
    ];
    for (const [body, path] of cases) {
      const reply = await post(body);
      expect({ body, status: reply.status }).toEqual({ body, status: 422 });
      expect({ body, path: reply.body.errors[0].path }).toEqual({ body, path });
    }
    expect(await changeCounts(server, tenantId)).toEqual(before);
  });
});

describe("list, read, update, delete", () => {
  test("GET /notes lists one entity's notes, newest first, or all of them", async () => {
    const { api: client, tenantId: tenant } = await server.tenant();
    const a = (await client.post("/api/external/contacts", { first_name: "A" })).body.id;
    const b = (await client.post("/api/external/contacts", { first_name: "B" })).body.id;
    const { deal } = await insertSalesRows(tenant);
    const made = [];
    for (const body of [
      { contact_id: a, text: "a1" },
      { contact_id: b, text: "b1" },
      { contact_id: a, text: "a2" },
      { deal_id: deal, text: "d1" },
    ]) {
      clock.advance(1000);
      made.push((await post(body, client)).body.id);
    }
    clock.set("2026-01-10T09:00:00.000Z");
    const texts = async (query: string) =>
      (await client.get(`/api/external/notes?${query}`)).body.notes.map((n: any) => n.text);
    expect(await texts(`contact_id=${a}`)).toEqual(["a2", "a1"]);
    expect(await texts(`contact_id=${b}`)).toEqual(["b1"]);
    expect(await texts(`deal_id=${deal}`)).toEqual(["d1"]);
    expect(await texts(`company_id=${a}`)).toEqual([]);
    expect(await texts("")).toEqual(["d1", "a2", "b1", "a1"]);
    expect((await client.get(`/api/external/notes?contact_id=${a}`)).body.total).toBe(2);
    const both = await client.get(`/api/external/notes?contact_id=${a}&deal_id=${deal}`);
    expect(both.status).toBe(422);
    expect(await texts(`contact_id=${a}&since=2026-01-10T09:00:03Z`)).toEqual(["a2"]);
    expect((await api.get(`/api/external/notes?contact_id=${a}`)).body.notes).toEqual([]);
  });

  test("PATCH edits text, status and attachments; DELETE removes; events follow", async () => {
    const note = (await post({ company_id: parents.company, text: "Draft", status: "cold" })).body;
    const path = `/api/external/notes/${note.id}`;
    expect((await api.get(path)).body).toEqual(note);
    const edited = await api.patch(path, {
      text: "Final",
      status: null,
      attachments: [{ url: "https://files.example/f.txt", name: "f.txt" }],
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      text: "Final",
      status: null,
      company_id: parents.company,
      attachments: [{ url: "https://files.example/f.txt", name: "f.txt", mime_type: null }],
    });
    expect((await api.patch(path, { text: "" })).status).toBe(422);
    expect((await api.delete(path)).status).toBe(204);
    expect((await api.get(path)).status).toBe(404);
    expect((await api.patch(path, { text: "x" })).status).toBe(404);
    expect((await api.delete(path)).status).toBe(404);
    const events = await eventsFor(server, note.id);
    expect(events.map((e) => e.event_type)).toEqual([
      "note.created",
      "note.updated",
      "note.deleted",
    ]);
    expect(events[1].metadata.changed_fields).toEqual(["text", "status", "attachments"]);
    expect(events[2].data.deleted_at).toBe(clock.now().toISOString());
    expect((await activityFor(server, note.id)).map((a) => a.action)).toEqual([
      "created",
      "updated",
      "deleted",
    ]);
  });

  test("a deal note cannot get a status", async () => {
    const note = (await post({ deal_id: parents.deal, text: "Pricing" })).body;
    const reply = await api.patch(`/api/external/notes/${note.id}`, { status: "warm" });
    expect(reply.status).toBe(422);
    expect(reply.body.errors[0].path).toBe("/status");
  });

  test("another tenant's note is 404", async () => {
    const note = (await post({ contact_id: parents.contact, text: "Mine" })).body;
    const other = await server.tenant();
    const path = `/api/external/notes/${note.id}`;
    expect((await other.api.get(path)).status).toBe(404);
    expect((await other.api.patch(path, { text: "Theirs" })).status).toBe(404);
    expect((await other.api.delete(path)).status).toBe(404);
    expect((await api.get(path)).body.text).toBe("Mine");
  });
});

describe("scopes", () => {
  test("notes:read and notes:write; seed 004's activities:* are aliases", async () => {
    const note = (await post({ contact_id: parents.contact, text: "Scoped" })).body;
    const path = `/api/external/notes/${note.id}`;
    expect((await server.anonymous.get("/api/external/notes")).status).toBe(401);
    const body = { contact_id: parents.contact, text: "via alias" };

    const activitiesWriter = await server.keyFor(tenantId, ["activities:write"]);
    expect((await activitiesWriter.post("/api/external/notes", body)).status).toBe(201);
    expect((await activitiesWriter.get(path)).status).toBe(403);
    const activitiesReader = await server.keyFor(tenantId, ["activities:read"]);
    expect((await activitiesReader.get(path)).status).toBe(200);
    expect((await activitiesReader.get("/api/external/notes")).status).toBe(200);
    expect((await activitiesReader.post("/api/external/notes", body)).status).toBe(403);
    expect((await activitiesReader.patch(path, { text: "x" })).status).toBe(403);
    expect((await activitiesReader.delete(path)).status).toBe(403);

    const contactsOnly = await server.keyFor(tenantId, ["contacts:read", "contacts:write"]);
    expect((await contactsOnly.get(path)).status).toBe(403);
    expect((await contactsOnly.post("/api/external/notes", body)).status).toBe(403);
  });
});
