import { beforeAll, describe, expect, test } from "bun:test";
import { ManualClock } from "../src/clock";
import { created, expect422, expectEnvelope } from "./helpers/api";
import { activityFor, eventsFor } from "./helpers/records";
import type { Api } from "./helpers/server";
import { useTestServer } from "./helpers/suite";

const clock = new ManualClock(new Date("2026-03-02T09:00:00.000Z"));
const server = useTestServer({ clock, config: { rateLimit: 100_000 } });
let api: Api;
let company: string;
let contact: string;
let other: string;

beforeAll(async () => {
  ({ api } = await server.tenant());
  company = (await created(api, "/companies", { name: "Acme" })).id;
  contact = (await created(api, "/contacts", { first_name: "Ann", company_id: company })).id;
  other = (await created(api, "/contacts", { first_name: "Bob" })).id;
});

const call = (body: Record<string, unknown>, client = api) =>
  client.post("/api/external/calls", {
    direction: "outbound",
    from: "+15550001",
    to: "+15550002",
    ...body,
  });

describe("calls", () => {
  test("a finished call: its contact's company, measured duration, call.started and call.ended", async () => {
    const reply = await call({
      contact_id: contact,
      started_at: "2026-03-01T10:00:00Z",
      ended_at: "2026-03-01T10:05:30Z",
      outcome: "answered",
      recording_url: "https://rec.example.com/1.mp3",
      notes: "Talked pricing",
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      type: "call",
      direction: "outbound",
      status: "completed",
      contact_id: contact,
      company_id: company,
      from: "+15550001",
      to: ["+15550002"],
      text: "Talked pricing",
      occurred_at: "2026-03-01T10:00:00.000Z",
      ended_at: "2026-03-01T10:05:30.000Z",
      duration_seconds: 330,
      outcome: "answered",
    });
    const events = await eventsFor(server, reply.body.id);
    expect(events.map((e) => e.event_type)).toEqual(["call.started", "call.ended"]);
    expect(events[1].data.duration_seconds).toBe(330);
    expect((await activityFor(server, reply.body.id)).map((r) => r.action)).toEqual(["created"]);
  });

  test("a call in progress ends later with PATCH: call.ended once", async () => {
    const started = await call({ contact_id: other });
    expect(started.body).toMatchObject({
      status: "in_progress",
      ended_at: null,
      duration_seconds: null,
    });
    const path = `/api/external/calls/${started.body.id}`;
    const ended = await api.patch(path, { ended_at: "2026-03-02T09:02:00Z", outcome: "voicemail" });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({
      status: "completed",
      duration_seconds: 120,
      outcome: "voicemail",
    });
    expect((await api.patch(path, { notes: "Left a message" })).body.text).toBe("Left a message");
    const types = (await eventsFor(server, started.body.id)).map((e) => e.event_type);
    expect(types).toEqual(["call.started", "call.ended"]);
  });

  test("correcting a call's end re-measures its duration, unless one is given", async () => {
    const logged = await call({
      started_at: "2026-03-01T10:00:00Z",
      ended_at: "2026-03-01T10:05:30Z",
    });
    const path = `/api/external/calls/${logged.body.id}`;
    const corrected = await api.patch(path, { ended_at: "2026-03-01T10:10:00Z" });
    expect(corrected.body).toMatchObject({
      ended_at: "2026-03-01T10:10:00.000Z",
      duration_seconds: 600,
    });
    const given = await api.patch(path, {
      ended_at: "2026-03-01T10:20:00Z",
      duration_seconds: 900,
    });
    expect(given.body.duration_seconds).toBe(900);
    expect((await api.patch(path, { notes: "fixed" })).body.duration_seconds).toBe(900);
  });

  test("bad input: unknown contact, end before start, bad outcome", async () => {
    expect422(await call({ contact_id: crypto.randomUUID() }), "/contact_id");
    expect422(
      await call({ started_at: "2026-03-01T10:00:00Z", ended_at: "2026-03-01T09:00:00Z" }),
      "/ended_at",
    );
    expect((await call({ outcome: "great" })).status).toBe(422);
  });

  test("a calls:write key without interactions:read or contacts:read is not shown the contact's company", async () => {
    const { api: own, tenantId } = await server.tenant();
    const acme = (await created(own, "/companies", { name: "Acme" })).id;
    const ann = (await created(own, "/contacts", { first_name: "Ann", company_id: acme })).id;
    const writer = await server.keyFor(tenantId, ["calls:write"]);
    const logged = await call({ contact_id: ann }, writer);
    expect(logged.status).toBe(201);
    expect(logged.body).not.toHaveProperty("company_id");
    expect(logged.body).not.toHaveProperty("contact_id");
    const ended = await writer.patch(`/api/external/calls/${logged.body.id}`, {
      ended_at: "2026-03-02T09:05:00Z",
    });
    expect(ended.status).toBe(200);
    expect(ended.body).not.toHaveProperty("company_id");
    expect(ended.body.status).toBe("completed");
    // The call is linked to the contact's company all the same.
    expect((await own.get(`/api/external/interactions/${logged.body.id}`)).body).toMatchObject({
      contact_id: ann,
      company_id: acme,
    });
    for (const scopes of [
      ["calls:write", "interactions:read"],
      ["calls:write", "contacts:read"],
    ]) {
      const reader = await server.keyFor(tenantId, scopes);
      const shown = await call({ contact_id: ann }, reader);
      expect(shown.body).toMatchObject({ contact_id: ann, company_id: acme });
    }
  });

  test("scopes: calls:write logs, interactions:read reads, neither crosses", async () => {
    const { tenantId } = await server.tenant();
    const reader = await server.keyFor(tenantId, ["interactions:read"]);
    const writer = await server.keyFor(tenantId, ["calls:write"]);
    expect((await call({}, reader)).status).toBe(403);
    const logged = await call({}, writer);
    expect(logged.status).toBe(201);
    expect((await writer.get("/api/external/interactions")).status).toBe(403);
    expect((await reader.get(`/api/external/interactions/${logged.body.id}`)).status).toBe(200);
    // another tenant's call is not found
    expect((await api.get(`/api/external/interactions/${logged.body.id}`)).status).toBe(404);
  });
});

describe("timeline", () => {
  let tenant: Api;
  let tenantId: string;
  let ann: string;
  let acme: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ({ api: tenant, tenantId } = await server.tenant());
    acme = (await created(tenant, "/companies", { name: "Acme" })).id;
    ann = (await created(tenant, "/contacts", { first_name: "Ann", company_id: acme })).id;
    clock.set(new Date("2026-03-03T08:00:00.000Z"));
    ids.note = (await created(tenant, "/notes", { contact_id: ann, text: "First met" })).id;
    ids.meeting = (
      await created(tenant, "/calendar/events", {
        title: "Demo",
        start: "2026-03-04T09:00:00Z",
        end: "2026-03-04T10:00:00Z",
        attendees: [{ contact_id: ann }],
      })
    ).id;
    clock.set(new Date("2026-03-05T08:00:00.000Z"));
    ids.call = (
      await call({ contact_id: ann, started_at: "2026-03-05T08:00:00Z" }, tenant)
    ).body.id;
    ids.companyNote = (
      await created(tenant, "/notes", { company_id: acme, text: "Big account" })
    ).id;
    ids.otherCall = (await call({ started_at: "2026-03-06T08:00:00Z" }, tenant)).body.id;
  });

  const list = async (query: string) => {
    const reply = await tenant.get(`/api/external/interactions${query}`);
    expect(reply.status).toBe(200);
    expectEnvelope(reply.body, "interactions");
    return reply.body;
  };
  const typesOf = (body: any) => body.interactions.map((i: any) => `${i.type}:${i.id}`);

  test("a contact's notes, meetings and calls, newest first", async () => {
    const body = await list(`?contact_id=${ann}`);
    expect(typesOf(body)).toEqual([
      `call:${ids.call}`,
      `meeting:${ids.meeting}`,
      `note:${ids.note}`,
    ]);
    expect(body.total).toBe(3);
    const meeting = body.interactions[1];
    expect(meeting).toMatchObject({ subject: "Demo", occurred_at: "2026-03-04T09:00:00.000Z" });
  });

  test("notes need notes:read and meetings calendar:read, as on their own routes", async () => {
    const callsOnly = await server.keyFor(tenantId, ["interactions:read"]);
    expect((await callsOnly.get("/api/external/notes")).status).toBe(403);
    const timeline = await callsOnly.get(`/api/external/interactions?contact_id=${ann}`);
    expect(typesOf(timeline.body)).toEqual([`call:${ids.call}`]);
    expect(timeline.body.total).toBe(1);
    for (const type of ["note", "meeting"])
      expect((await callsOnly.get(`/api/external/interactions?type=${type}`)).status).toBe(403);
    const withNotes = await server.keyFor(tenantId, ["interactions:read", "notes:read"]);
    const both = await withNotes.get(`/api/external/interactions?contact_id=${ann}`);
    expect(typesOf(both.body)).toEqual([`call:${ids.call}`, `note:${ids.note}`]);
  });

  test("a company's: its notes, its contacts' calls and meetings", async () => {
    const body = await list(`?company_id=${acme}`);
    expect(typesOf(body)).toEqual([
      `note:${ids.companyNote}`,
      `call:${ids.call}`,
      `meeting:${ids.meeting}`,
    ]);
  });

  test("a company's meetings (found through its contacts) only for keys that read contacts", async () => {
    const meetings = await server.keyFor(tenantId, ["interactions:read", "calendar:read"]);
    const timeline = await meetings.get(`/api/external/interactions?company_id=${acme}`);
    expect(typesOf(timeline.body)).toEqual([`call:${ids.call}`]);
    expect(timeline.body.total).toBe(1);
    const ofMeetings = await meetings.get(
      `/api/external/interactions?company_id=${acme}&type=meeting`,
    );
    expect(ofMeetings.body.total).toBe(0);
    const withContacts = await server.keyFor(tenantId, [
      "interactions:read",
      "calendar:read",
      "contacts:read",
    ]);
    expect(
      typesOf((await withContacts.get(`/api/external/interactions?company_id=${acme}`)).body),
    ).toEqual([`call:${ids.call}`, `meeting:${ids.meeting}`]);
  });

  test("notes and meetings only for keys that may read them, as GET /notes and /calendar/events", async () => {
    const calls = await server.keyFor(tenantId, ["interactions:read"]);
    const timeline = await calls.get(`/api/external/interactions?contact_id=${ann}`);
    expect(timeline.status).toBe(200);
    expect(typesOf(timeline.body)).toEqual([`call:${ids.call}`]);
    expect(timeline.body.total).toBe(1);
    const feed = await calls.get("/api/external/interactions?cursor=");
    expect(feed.body.interactions.map((i: any) => i.type)).toEqual(["call", "call"]);
    for (const type of ["note", "meeting"])
      expect((await calls.get(`/api/external/interactions?type=${type}`)).status).toBe(403);
    const withNotes = await server.keyFor(tenantId, ["interactions:read", "notes:read"]);
    expect(
      typesOf((await withNotes.get(`/api/external/interactions?contact_id=${ann}`)).body),
    ).toEqual([`call:${ids.call}`, `note:${ids.note}`]);
    const withMeetings = await server.keyFor(tenantId, ["interactions:read", "calendar:read"]);
    expect(
      typesOf((await withMeetings.get(`/api/external/interactions?contact_id=${ann}`)).body),
    ).toEqual([`call:${ids.call}`, `meeting:${ids.meeting}`]);
  });

  test("type filter, paging and has_more", async () => {
    expect(typesOf(await list("?type=call"))).toEqual([
      `call:${ids.otherCall}`,
      `call:${ids.call}`,
    ]);
    const first = await list("?page_size=2");
    expect(first).toMatchObject({ total: 5, has_more: true, page: 1 });
    const third = await list("?page_size=2&page=3");
    expect(typesOf(third)).toEqual([`note:${ids.note}`]);
    expect(third.has_more).toBe(false);
    expect422(await tenant.get("/api/external/interactions?type=fax"), "/type");
  });

  test("a cursor feed walks every change once in change order, then sees new ones and tombstones", async () => {
    const seen: string[] = [];
    let cursor = "";
    for (;;) {
      const body = await list(`?cursor=${cursor}&page_size=2`);
      seen.push(...typesOf(body));
      cursor = body.next_cursor;
      if (!body.has_more) break;
    }
    expect(seen).toEqual([
      `note:${ids.note}`,
      `meeting:${ids.meeting}`,
      `call:${ids.call}`,
      `note:${ids.companyNote}`,
      `call:${ids.otherCall}`,
    ]);
    expect((await list(`?cursor=${cursor}`)).interactions).toEqual([]);
    expect((await tenant.delete(`/api/external/notes/${ids.note}`)).status).toBe(204);
    const after = await list(`?cursor=${cursor}`);
    expect(typesOf(after)).toEqual([`note:${ids.note}`]);
    expect(after.interactions[0].deleted_at).not.toBeNull();
    expect(typesOf(await list(`?contact_id=${ann}`))).not.toContain(`note:${ids.note}`);
  });

  test("since: rows changed at or after it, oldest change first", async () => {
    const body = await list("?since=2026-03-05T00:00:00Z");
    expect(typesOf(body).slice(0, 3)).toEqual([
      `call:${ids.call}`,
      `note:${ids.companyNote}`,
      `call:${ids.otherCall}`,
    ]);
  });
});

describe("timeline of a meeting's linked contact", () => {
  test("a meeting linked to a contact (contact_id, no attendee entry) is on that contact's and company's timeline", async () => {
    const { api: tenant } = await server.tenant();
    const acme = (await created(tenant, "/companies", { name: "Acme" })).id;
    const ann = (await created(tenant, "/contacts", { first_name: "Ann", company_id: acme })).id;
    const meeting = (
      await created(tenant, "/calendar/events", {
        title: "Kick-off",
        start: "2026-03-04T09:00:00Z",
        end: "2026-03-04T10:00:00Z",
        contact_id: ann,
        attendees: [{ email: "someone@elsewhere.test" }],
      })
    ).id;
    for (const query of [`contact_id=${ann}`, `company_id=${acme}`]) {
      const body = (await tenant.get(`/api/external/interactions?${query}`)).body;
      expect(body.interactions.map((i: any) => i.id)).toEqual([meeting]);
      expect(body.interactions[0].contact_id).toBe(ann);
    }
  });
});
