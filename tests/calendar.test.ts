import { beforeAll, describe, expect, test } from "bun:test";
import { eq } from "drizzle-orm";
import { contacts } from "../db/schema";
import { ManualClock } from "../src/clock";
import { isKnownEventType } from "../src/events";
import {
  failEvent,
  insertContact,
  insertDeal,
  insertLead,
  linkedThenDeleted,
} from "./fixtures/rows";
import { created } from "./helpers/api";
import { activityRows, outboxOf } from "./helpers/records";
import type { Api, TenantClient } from "./helpers/server";
import { useTestServer } from "./helpers/suite";

const EVENTS = "/api/external/calendar/events";
const clock = new ManualClock(new Date("2026-03-01T08:00:00.000Z"));

let owner: TenantClient;
let api: Api;

const server = useTestServer({ clock });
beforeAll(async () => {
  owner = await server.tenant();
  api = owner.api;
});

/** Creates an event (UTC times) and returns its view. */
const create = (fields: Record<string, unknown> = {}) =>
  created(api, "/calendar/events", {
    title: "Meeting",
    start: "2026-04-01T09:00:00Z",
    end: "2026-04-01T10:00:00Z",
    ...fields,
  });

const titles = (reply: { body: { events: Array<{ title: string }> } }) =>
  reply.body.events.map((event) => event.title);

/** A tenant of its own, so list filters see only this test's events. */
async function freshTenant() {
  const tenant = await server.tenant();
  const post = async (title: string, fields: Record<string, unknown>) => {
    const reply = await tenant.api.post(EVENTS, { title, ...fields });
    expect(reply.status).toBe(201);
    return reply.body;
  };
  return { ...tenant, post };
}

describe("create", () => {
  test("stores times as UTC plus the zone, shows local time with offset, emits created", async () => {
    const event = await create({
      title: "Viewing",
      description: "Flat on Main St",
      location: "Athens",
      start: "2026-03-10T09:00",
      end: "2026-03-10T10:30:00+02:00",
      time_zone: "europe/athens",
      attendees: [{ email: "Ada@Example.com", name: "Ada" }, { email: "ada@example.com" }],
      reminders: [{ minutes_before: 15 }, { minutes_before: 60, method: "email" }],
      tags: ["viewing", "viewing", "hot"],
    });
    expect(event).toMatchObject({
      title: "Viewing",
      description: "Flat on Main St",
      location: "Athens",
      start: "2026-03-10T09:00:00.000+02:00",
      end: "2026-03-10T10:30:00.000+02:00",
      start_at: "2026-03-10T07:00:00.000Z",
      end_at: "2026-03-10T08:30:00.000Z",
      time_zone: "Europe/Athens",
      all_day: false,
      status: "confirmed",
      cancelled_at: null,
      attendees: [{ contact_id: null, email: "ada@example.com", name: "Ada" }],
      reminders: [
        { minutes_before: 15, method: "notification" },
        { minutes_before: 60, method: "email" },
      ],
      tags: ["viewing", "hot"],
      created_at: "2026-03-01T08:00:00.000Z",
      deleted_at: null,
    });
    const events = await outboxOf(server.ctx.db, { tenantId: owner.tenantId, entityId: event.id });
    expect(events.map((e) => e.event_type)).toEqual(["calendar.event.created"]);
    expect(events[0].data).toEqual(event);
    const activity = await activityRows(server.ctx.db, {
      tenantId: owner.tenantId,
      entityId: event.id,
    });
    expect(activity.map((a) => [a.entityType, a.action])).toEqual([["calendar_event", "created"]]);
    expect(activity[0].changes.title).toEqual({ old: null, new: "Viewing" });
  });

  test("tags are stored trimmed, each once, blank ones dropped, as other records' tags", async () => {
    const event = await create({ tags: [" hot", "hot ", " ", "cold"] });
    expect(event.tags).toEqual(["hot", "cold"]);
    const path = `${EVENTS}/${event.id}`;
    expect((await api.patch(path, { tags: ["  ", " warm "] })).body.tags).toEqual(["warm"]);
    const replaced = await api.put(path, {
      title: "Meeting",
      start: "2026-04-01T09:00:00Z",
      end: "2026-04-01T10:00:00Z",
      tags: [" ", "x"],
    });
    expect(replaced.body.tags).toEqual(["x"]);
    expect((await api.get(`${EVENTS}/${event.id}`)).body.tags).toEqual(["x"]);
  });

  test("all-day events take dates in their zone; end is the last day, inclusive", async () => {
    const oneDay = await create({
      start: "2026-03-29",
      end: undefined,
      all_day: true,
      time_zone: "Europe/London",
    });
    // The clocks go forward that day: the day is 23 hours long.
    expect(oneDay).toMatchObject({
      start: "2026-03-29",
      end: "2026-03-29",
      start_at: "2026-03-29T00:00:00.000Z",
      end_at: "2026-03-29T23:00:00.000Z",
      all_day: true,
    });
    const threeDays = await create({ start: "2026-05-01", end: "2026-05-03", all_day: true });
    expect(threeDays.start_at).toBe("2026-05-01T00:00:00.000Z");
    expect(threeDays.end_at).toBe("2026-05-04T00:00:00.000Z");
  });

  test("a local time the clocks show twice (they go back) is its first occurrence, east or west of UTC", async () => {
    // Athens goes back at 04:00 EEST to 03:00 EET; New York at 02:00 EDT to 01:00 EST.
    const athens = await create({
      start: "2026-10-25T03:30:00",
      end: "2026-10-25T04:30:00",
      time_zone: "Europe/Athens",
    });
    expect(athens).toMatchObject({
      start: "2026-10-25T03:30:00.000+03:00",
      end: "2026-10-25T04:30:00.000+02:00",
      start_at: "2026-10-25T00:30:00.000Z",
      end_at: "2026-10-25T02:30:00.000Z",
    });
    const newYork = await create({
      start: "2026-11-01T01:30:00",
      end: "2026-11-01T02:30:00",
      time_zone: "America/New_York",
    });
    expect(newYork).toMatchObject({
      start: "2026-11-01T01:30:00.000-04:00",
      start_at: "2026-11-01T05:30:00.000Z",
      end_at: "2026-11-01T07:30:00.000Z",
    });
  });

  test("half a character (a lone surrogate escape) is answered, emitted and stored alike", async () => {
    // What a client that cut a string through an emoji sends: JSON.stringify keeps the escape.
    const body =
      '{"title":"Call \\ud83d","start":"2026-04-01T09:00:00Z","end":"2026-04-01T10:00:00Z"}';
    const reply = await api.request("POST", EVENTS, body);
    expect(reply.status).toBe(201);
    expect(reply.body.title).toBe("Call \uFFFD");
    expect((await api.get(`${EVENTS}/${reply.body.id}`)).body).toEqual(reply.body);
    const [event] = await outboxOf(server.ctx.db, {
      tenantId: owner.tenantId,
      entityId: reply.body.id,
    });
    expect(event.data).toEqual(reply.body);
  });

  test("an end before the start is 422 at /end, and nothing is written", async () => {
    const before = (await outboxOf(server.ctx.db, { tenantId: owner.tenantId })).length;
    const timed = await api.post(EVENTS, {
      title: "Backwards",
      start: "2026-04-01T10:00:00Z",
      end: "2026-04-01T09:59:59Z",
    });
    expect(timed.status).toBe(422);
    expect(timed.body.errors).toEqual([{ path: "/end", message: "must not be before start" }]);
    const allDay = await api.post(EVENTS, {
      title: "Backwards",
      start: "2026-04-02",
      end: "2026-04-01",
      all_day: true,
    });
    expect(allDay.status).toBe(422);
    expect(allDay.body.errors[0].path).toBe("/end");
    expect((await outboxOf(server.ctx.db, { tenantId: owner.tenantId })).length).toBe(before);
  });

  test("a time zone that does not exist is 422 at /time_zone", async () => {
    for (const zone of ["Mars/Olympus_Mons", "+02:00", ""]) {
      const reply = await api.post(EVENTS, {
        title: "Nowhere",
        start: "2026-04-01T09:00:00Z",
        end: "2026-04-01T10:00:00Z",
        time_zone: zone,
      });
      expect(reply.status).toBe(422);
      expect(reply.body.errors[0].path).toBe("/time_zone");
    }
  });

  test("malformed times, attendees and links are 422 at their path", async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ start: "2026-04-01", end: "2026-04-02" }, "/start"],
      [{ start: "2026-02-30T09:00:00Z" }, "/start"],
      [{ end: "tomorrow" }, "/end"],
      [{ end: undefined }, "/end"],
      [{ all_day: true }, "/start"],
      [{ attendees: [{ name: "Nobody" }] }, "/attendees/0"],
      [{ attendees: [{ email: "a@b.co", contact_id: "x" }] }, "/attendees/0"],
      [{ attendees: [{ email: "not-an-email" }] }, "/attendees/0/email"],
      [
        { attendees: [{ contact_id: "01a20000-0000-7000-8000-000000000000" }] },
        "/attendees/0/contact_id",
      ],
      [{ deal_id: "01a20000-0000-7000-8000-000000000000" }, "/deal_id"],
      [{ lead_id: "01a20000-0000-7000-8000-000000000000" }, "/lead_id"],
      [{ contact_id: "01a20000-0000-7000-8000-000000000000" }, "/contact_id"],
      [{ status: "cancelled" }, "/status"],
    ];
    for (const [fields, path] of cases) {
      const reply = await api.post(EVENTS, {
        title: "Bad",
        start: "2026-04-01T09:00:00Z",
        end: "2026-04-01T10:00:00Z",
        ...fields,
      });
      expect({ fields, status: reply.status, path: reply.body.errors?.[0]?.path }).toEqual({
        fields,
        status: 422,
        path,
      });
    }
  });

  test("links and attendee contacts of another tenant are 422", async () => {
    const other = await server.tenant();
    const foreignContact = await insertContact(server.ctx.db, other.tenantId);
    const foreignDeal = await insertDeal(server.ctx.db, other.tenantId);
    const asLink = await api.post(EVENTS, {
      title: "Foreign",
      start: "2026-04-01T09:00:00Z",
      end: "2026-04-01T10:00:00Z",
      deal_id: foreignDeal,
    });
    expect(asLink.status).toBe(422);
    expect(asLink.body.errors[0].path).toBe("/deal_id");
    const asAttendee = await api.post(EVENTS, {
      title: "Foreign",
      start: "2026-04-01T09:00:00Z",
      end: "2026-04-01T10:00:00Z",
      attendees: [{ email: "x@y.co" }, { contact_id: foreignContact }],
    });
    expect(asAttendee.status).toBe(422);
    expect(asAttendee.body.errors[0].path).toBe("/attendees/1/contact_id");
  });

  test("a failing event write rolls back the row and its activity", async () => {
    const tenant = await freshTenant();
    const restore = await failEvent(server.ctx.db, "calendar.event.created");
    try {
      const reply = await tenant.api.post(EVENTS, {
        title: "Doomed",
        start: "2026-04-01T09:00:00Z",
        end: "2026-04-01T10:00:00Z",
      });
      expect(reply.status).toBe(500);
    } finally {
      await restore();
    }
    expect((await tenant.api.get(EVENTS)).body.total).toBe(0);
    expect(await activityRows(server.ctx.db, { tenantId: tenant.tenantId })).toEqual([]);
    expect(await outboxOf(server.ctx.db, { tenantId: tenant.tenantId })).toEqual([]);
  });
});

describe("get", () => {
  test("returns the event; unknown ids and other tenants' events are 404", async () => {
    const event = await create({ title: "Mine" });
    const got = await api.get(`${EVENTS}/${event.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(event);
    expect((await api.get(`${EVENTS}/01a20000-0000-7000-8000-000000000000`)).status).toBe(404);
    const other = await server.tenant();
    expect((await other.api.get(`${EVENTS}/${event.id}`)).status).toBe(404);
  });
});

describe("list", () => {
  test("from/to returns the events overlapping the range, by start time", async () => {
    const t = await freshTenant();
    await t.post("before", { start: "2026-04-01T07:00:00Z", end: "2026-04-01T08:00:00Z" });
    await t.post("inside", { start: "2026-04-01T09:15:00Z", end: "2026-04-01T09:45:00Z" });
    await t.post("spanning", { start: "2026-04-01T06:00:00Z", end: "2026-04-01T12:00:00Z" });
    await t.post("overlapping end", { start: "2026-04-01T09:30:00Z", end: "2026-04-01T11:00:00Z" });
    await t.post("after", { start: "2026-04-01T10:00:00Z", end: "2026-04-01T11:00:00Z" });
    await t.post("instant", { start: "2026-04-01T09:00:00Z", end: "2026-04-01T09:00:00Z" });
    const range = await t.api.get(`${EVENTS}?from=2026-04-01T09:00:00Z&to=2026-04-01T10:00:00Z`);
    expect(range.status).toBe(200);
    expect(titles(range)).toEqual(["spanning", "instant", "inside", "overlapping end"]);
    expect(range.body.total).toBe(4);
    const fromOnly = await t.api.get(`${EVENTS}?from=2026-04-01T10:00:00Z`);
    expect(titles(fromOnly)).toEqual(["spanning", "overlapping end", "after"]);
    const toOnly = await t.api.get(`${EVENTS}?to=2026-04-01T07:00:00Z`);
    expect(titles(toOnly)).toEqual(["spanning"]);
    const backwards = await t.api.get(
      `${EVENTS}?from=2026-04-02T00:00:00Z&to=2026-04-01T00:00:00Z`,
    );
    expect(backwards.status).toBe(422);
    expect(backwards.body.errors[0].path).toBe("/to");
    expect((await t.api.get(`${EVENTS}?from=soon`)).body.errors[0].path).toBe("/from");
  });

  test("filters by linked deal, lead and contact, status and tags; pages", async () => {
    const t = await freshTenant();
    const deal = await insertDeal(server.ctx.db, t.tenantId);
    const lead = await insertLead(server.ctx.db, t.tenantId);
    const contact = await insertContact(server.ctx.db, t.tenantId);
    const times = { start: "2026-04-01T09:00:00Z", end: "2026-04-01T10:00:00Z" };
    await t.post("deal", { ...times, deal_id: deal, tags: ["a", "b"] });
    await t.post("lead", { ...times, lead_id: lead, status: "tentative", tags: ["a"] });
    await t.post("contact", { ...times, contact_id: contact });
    expect(titles(await t.api.get(`${EVENTS}?deal_id=${deal}`))).toEqual(["deal"]);
    expect(titles(await t.api.get(`${EVENTS}?lead_id=${lead}`))).toEqual(["lead"]);
    expect(titles(await t.api.get(`${EVENTS}?contact_id=${contact}`))).toEqual(["contact"]);
    expect(titles(await t.api.get(`${EVENTS}?status=tentative`))).toEqual(["lead"]);
    expect((await t.api.get(`${EVENTS}?tags=a`)).body.total).toBe(2);
    expect(titles(await t.api.get(`${EVENTS}?tags=a,b`))).toEqual(["deal"]);
    expect((await t.api.get(`${EVENTS}?status=maybe`)).status).toBe(422);
    const page = await t.api.get(`${EVENTS}?page=2&page_size=2`);
    expect(page.body).toMatchObject({ total: 3, page: 2, page_size: 2, has_more: false });
    expect(page.body.events).toHaveLength(1);
  });

  test("attendee matches by email (any case), by contact id, and a contact by its primary email", async () => {
    const t = await freshTenant();
    const ada = await insertContact(server.ctx.db, t.tenantId);
    await server.ctx.db.transaction((tx) =>
      tx.update(contacts).set({ primaryEmail: "ada@example.com" }).where(eq(contacts.id, ada)),
    );
    const times = { start: "2026-04-01T09:00:00Z", end: "2026-04-01T10:00:00Z" };
    await t.post("by email", { ...times, attendees: [{ email: "ADA@example.com" }] });
    await t.post("by contact", { ...times, attendees: [{ contact_id: ada }] });
    await t.post("someone else", { ...times, attendees: [{ email: "bob@example.com" }] });
    const byEmail = await t.api.get(`${EVENTS}?attendee=Ada@Example.com`);
    expect(titles(byEmail).sort()).toEqual(["by contact", "by email"]);
    const byContact = await t.api.get(`${EVENTS}?attendee=${ada}`);
    expect(titles(byContact).sort()).toEqual(["by contact", "by email"]);
    expect(titles(await t.api.get(`${EVENTS}?attendee=bob@example.com`))).toEqual(["someone else"]);
    expect((await t.api.get(`${EVENTS}?attendee=nobody@example.com`)).body.total).toBe(0);
  });

  test("without contacts:read an attendee matches only as listed: no contact's email is confirmed", async () => {
    const t = await freshTenant();
    const ada = await insertContact(server.ctx.db, t.tenantId);
    await server.ctx.db.transaction((tx) =>
      tx.update(contacts).set({ primaryEmail: "ada@example.com" }).where(eq(contacts.id, ada)),
    );
    const times = { start: "2026-04-01T09:00:00Z", end: "2026-04-01T10:00:00Z" };
    await t.post("by email", { ...times, attendees: [{ email: "ada@example.com" }] });
    await t.post("by contact", { ...times, attendees: [{ contact_id: ada }] });
    const calendarOnly = await server.keyFor(t.tenantId, ["calendar:read"]);
    const found = async (attendee: string) =>
      titles(await calendarOnly.get(`${EVENTS}?attendee=${attendee}`));
    expect(await found("ada@example.com")).toEqual(["by email"]);
    expect(await found(ada)).toEqual(["by contact"]);
    const interval = "2026-04-01T08:00:00Z/2026-04-01T11:00:00Z";
    expect(
      titles(await calendarOnly.get(`${EVENTS}?attendee=${ada}&conflicts_with=${interval}`)),
    ).toEqual(["by contact"]);
    const withContacts = await server.keyFor(t.tenantId, ["calendar:read", "contacts:read"]);
    const both = await withContacts.get(`${EVENTS}?attendee=ada@example.com`);
    expect(titles(both).sort()).toEqual(["by contact", "by email"]);
  });

  test("conflicts_with lists an attendee's non-cancelled events overlapping the interval", async () => {
    const t = await freshTenant();
    const ada = [{ email: "ada@example.com" }];
    await t.post("overlaps", {
      start: "2026-04-01T09:30:00Z",
      end: "2026-04-01T10:30:00Z",
      attendees: ada,
    });
    await t.post("touches", {
      start: "2026-04-01T08:00:00Z",
      end: "2026-04-01T09:00:00Z",
      attendees: ada,
    });
    await t.post("other attendee", {
      start: "2026-04-01T09:30:00Z",
      end: "2026-04-01T10:30:00Z",
      attendees: [{ email: "bob@example.com" }],
    });
    const cancelled = await t.post("cancelled", {
      start: "2026-04-01T09:00:00Z",
      end: "2026-04-01T10:00:00Z",
      attendees: ada,
    });
    expect((await t.api.delete(`${EVENTS}/${cancelled.id}`)).status).toBe(200);
    const interval = "2026-04-01T09:00:00Z/2026-04-01T10:00:00+00:00";
    const conflicts = await t.api.get(
      `${EVENTS}?attendee=ada@example.com&conflicts_with=${encodeURIComponent(interval)}`,
    );
    expect(conflicts.status).toBe(200);
    expect(titles(conflicts)).toEqual(["overlaps"]);
    const noAttendee = await t.api.get(`${EVENTS}?conflicts_with=${encodeURIComponent(interval)}`);
    expect(noAttendee.status).toBe(422);
    expect(noAttendee.body.errors[0].path).toBe("/attendee");
    for (const bad of [
      "2026-04-01T09:00:00Z",
      "2026-04-01T10:00:00Z/2026-04-01T09:00:00Z",
      "a/b",
    ]) {
      const reply = await t.api.get(
        `${EVENTS}?attendee=ada@example.com&conflicts_with=${encodeURIComponent(bad)}`,
      );
      expect(reply.status).toBe(422);
      expect(reply.body.errors[0].path).toBe("/conflicts_with");
    }
  });

  test("since and cursor give a change feed that carries updates and cancellations", async () => {
    const t = await freshTenant();
    clock.set("2026-03-02T00:00:00.000Z");
    const first = await t.post("first", {
      start: "2026-04-01T09:00:00Z",
      end: "2026-04-01T10:00:00Z",
    });
    clock.set("2026-03-03T00:00:00.000Z");
    const second = await t.post("second", {
      start: "2026-04-01T08:00:00Z",
      end: "2026-04-01T09:00:00Z",
    });
    const feed = await t.api.get(`${EVENTS}?cursor=`);
    expect(titles(feed)).toEqual(["first", "second"]);
    clock.set("2026-03-04T00:00:00.000Z");
    await t.api.delete(`${EVENTS}/${first.id}`);
    const next = await t.api.get(`${EVENTS}?cursor=${feed.body.next_cursor}`);
    expect(next.body.events.map((e: { id: string; status: string }) => [e.id, e.status])).toEqual([
      [first.id, "cancelled"],
    ]);
    const since = await t.api.get(`${EVENTS}?since=2026-03-03T00:00:00Z`);
    expect(since.body.events.map((e: { id: string }) => e.id)).toEqual([second.id, first.id]);
    clock.set("2026-03-01T08:00:00.000Z");
  });
});

describe("update", () => {
  test("changes fields, re-resolves times, writes activity and calendar.event.updated", async () => {
    const event = await create({ title: "Draft", time_zone: "Europe/Athens" });
    clock.advance(60_000);
    const reply = await api.patch(`${EVENTS}/${event.id}`, {
      title: "Final",
      end: "2026-04-01T14:00",
      location: "Office",
      attendees: [{ email: "new@example.com" }],
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      title: "Final",
      location: "Office",
      start_at: "2026-04-01T09:00:00.000Z",
      end_at: "2026-04-01T11:00:00.000Z",
      end: "2026-04-01T14:00:00.000+03:00",
      attendees: [{ contact_id: null, email: "new@example.com", name: null }],
      updated_at: new Date(clock.now()).toISOString(),
    });
    const events = await outboxOf(server.ctx.db, { tenantId: owner.tenantId, entityId: event.id });
    expect(events.map((e) => e.event_type)).toEqual([
      "calendar.event.created",
      "calendar.event.updated",
    ]);
    expect(events[1].data).toEqual(reply.body);
    const activity = await activityRows(server.ctx.db, {
      tenantId: owner.tenantId,
      entityId: event.id,
    });
    expect(events[1].metadata).toEqual({ changed_fields: Object.keys(activity[1].changes) });
    expect(events[1].metadata.changed_fields).toContain("title");
    expect(activity[1].action).toBe("updated");
    expect(activity[1].changes.title).toEqual({ old: "Draft", new: "Final" });
    const attendee = await api.get(`${EVENTS}?attendee=new@example.com`);
    expect(attendee.body.events.map((e: { id: string }) => e.id)).toEqual([event.id]);
  });

  test("a patch that changes nothing writes nothing", async () => {
    const event = await create({ title: "Same" });
    const reply = await api.patch(`${EVENTS}/${event.id}`, { title: "Same" });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(event);
    expect(
      await outboxOf(server.ctx.db, { tenantId: owner.tenantId, entityId: event.id }),
    ).toHaveLength(1);
  });

  test("invalid patches are 422 and change nothing", async () => {
    const event = await create({ title: "Stable" });
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ end: "2026-04-01T08:00:00Z" }, "/end"],
      [{ time_zone: "Atlantis/Capital" }, "/time_zone"],
      [{ all_day: true }, "/start"],
      [{ lead_id: "01a20000-0000-7000-8000-000000000000" }, "/lead_id"],
      [{ title: "" }, "/title"],
    ];
    for (const [patch, path] of cases) {
      const reply = await api.patch(`${EVENTS}/${event.id}`, patch);
      expect({ patch, status: reply.status, path: reply.body.errors?.[0]?.path }).toEqual({
        patch,
        status: 422,
        path,
      });
    }
    expect((await api.get(`${EVENTS}/${event.id}`)).body).toEqual(event);
  });

  test("switching to all-day with dates; links can be set and cleared", async () => {
    const deal = await insertDeal(server.ctx.db, owner.tenantId);
    const event = await create({ deal_id: deal });
    const allDay = await api.patch(`${EVENTS}/${event.id}`, {
      all_day: true,
      start: "2026-04-01",
      end: "2026-04-02",
      deal_id: null,
    });
    expect(allDay.status).toBe(200);
    expect(allDay.body).toMatchObject({
      all_day: true,
      start: "2026-04-01",
      end: "2026-04-02",
      end_at: "2026-04-03T00:00:00.000Z",
      deal_id: null,
    });
  });

  test("a patch may send back links the event keeps after their records were deleted; a new one must be live", async () => {
    const { links, gone, deleteThem } = await linkedThenDeleted(
      server.ctx.db,
      owner.tenantId,
      false,
    );
    const event = await create(links);
    await deleteThem(clock.now());
    const patched = await api.patch(`${EVENTS}/${event.id}`, { title: "Kept links", ...links });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ title: "Kept links", ...links });
    const relinked = await api.patch(`${EVENTS}/${event.id}`, { deal_id: gone });
    expect(relinked.status).toBe(422);
    expect(relinked.body.errors[0].path).toBe("/deal_id");
  });

  test("attendees as GET shows them (null fields) may be sent back by PATCH and PUT", async () => {
    const contact = await insertContact(server.ctx.db, owner.tenantId);
    const event = await create({
      attendees: [{ contact_id: contact }, { email: "bob@example.com", name: "Bob" }],
    });
    expect(event.attendees).toEqual([
      { contact_id: contact, email: null, name: null },
      { contact_id: null, email: "bob@example.com", name: "Bob" },
    ]);
    const patched = await api.patch(`${EVENTS}/${event.id}`, { attendees: event.attendees });
    expect(patched.status).toBe(200);
    expect(patched.body.attendees).toEqual(event.attendees);
    const { title, start, end, time_zone, attendees, reminders, tags } = event;
    const body = { title: `${title} (moved)`, start, end, time_zone, attendees, reminders, tags };
    const put = await api.put(`${EVENTS}/${event.id}`, body);
    expect(put.status).toBe(200);
    expect(put.body.attendees).toEqual(event.attendees);
    const neither = await api.patch(`${EVENTS}/${event.id}`, {
      attendees: [{ contact_id: null, email: null, name: "Nobody" }],
    });
    expect(neither.status).toBe(422);
    expect(neither.body.errors[0].path).toBe("/attendees/0");
  });

  test("a patch or put may send back attendees whose contacts were deleted; a new one must be live", async () => {
    const db = server.ctx.db;
    const kept = await insertContact(db, owner.tenantId);
    const gone = await insertContact(db, owner.tenantId);
    const event = await create({ attendees: [{ contact_id: kept }] });
    const now = clock.now();
    await server.ctx.write(async (tx) => {
      for (const id of [kept, gone])
        await tx.update(contacts).set({ deletedAt: now }).where(eq(contacts.id, id));
    });
    const attendees = [{ contact_id: kept }, { email: "guest@example.com" }];
    const patched = await api.patch(`${EVENTS}/${event.id}`, { attendees });
    expect(patched.status).toBe(200);
    expect(patched.body.attendees.map((a: { contact_id: string | null }) => a.contact_id)).toEqual([
      kept,
      null,
    ]);
    const { start, end } = event;
    const put = await api.put(`${EVENTS}/${event.id}`, { title: "Kept", start, end, attendees });
    expect(put.status).toBe(200);
    const added = await api.patch(`${EVENTS}/${event.id}`, {
      attendees: [...attendees, { contact_id: gone }],
    });
    expect(added.status).toBe(422);
    expect(added.body.errors[0].path).toBe("/attendees/2/contact_id");
  });

  test("status cancelled cancels; confirmed reopens", async () => {
    const event = await create({ title: "On and off" });
    const cancelled = await api.patch(`${EVENTS}/${event.id}`, { status: "cancelled" });
    expect(cancelled.body).toMatchObject({
      status: "cancelled",
      cancelled_at: clock.now().toISOString(),
    });
    const reopened = await api.patch(`${EVENTS}/${event.id}`, { status: "confirmed" });
    expect(reopened.body).toMatchObject({ status: "confirmed", cancelled_at: null });
    const types = (
      await outboxOf(server.ctx.db, { tenantId: owner.tenantId, entityId: event.id })
    ).map((e) => e.event_type);
    expect(types).toEqual([
      "calendar.event.created",
      "calendar.event.cancelled",
      "calendar.event.updated",
    ]);
  });

  test("other tenants' and unknown events are 404", async () => {
    const event = await create();
    const other = await server.tenant();
    expect((await other.api.patch(`${EVENTS}/${event.id}`, { title: "Mine now" })).status).toBe(
      404,
    );
    expect((await api.patch(`${EVENTS}/01a20000-0000-7000-8000-000000000000`, {})).status).toBe(
      404,
    );
    expect((await api.get(`${EVENTS}/${event.id}`)).body.title).toBe("Meeting");
  });
});

describe("cancel (DELETE)", () => {
  test("marks the event cancelled, keeps it, emits calendar.event.cancelled once", async () => {
    const event = await create({ title: "Called off" });
    clock.advance(5_000);
    const reply = await api.delete(`${EVENTS}/${event.id}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      id: event.id,
      status: "cancelled",
      cancelled_at: clock.now().toISOString(),
      deleted_at: null,
    });
    expect((await api.get(`${EVENTS}/${event.id}`)).body.status).toBe("cancelled");
    const again = await api.delete(`${EVENTS}/${event.id}`);
    expect(again.body).toEqual(reply.body);
    const events = await outboxOf(server.ctx.db, { tenantId: owner.tenantId, entityId: event.id });
    expect(events.map((e) => e.event_type)).toEqual([
      "calendar.event.created",
      "calendar.event.cancelled",
    ]);
    expect(events[1].data).toEqual(reply.body);
    const activity = await activityRows(server.ctx.db, {
      tenantId: owner.tenantId,
      entityId: event.id,
    });
    expect(activity.map((a) => a.action)).toEqual(["created", "cancelled"]);
    const other = await server.tenant();
    expect((await other.api.delete(`${EVENTS}/${event.id}`)).status).toBe(404);
  });

  test("cancelling a cancelled event again later keeps its cancelled_at and emits nothing", async () => {
    const event = await create({ title: "Called off twice" });
    const first = await api.delete(`${EVENTS}/${event.id}`);
    clock.advance(60_000);
    const again = await api.delete(`${EVENTS}/${event.id}`);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const events = await outboxOf(server.ctx.db, { tenantId: owner.tenantId, entityId: event.id });
    expect(events.map((e) => e.event_type)).toEqual([
      "calendar.event.created",
      "calendar.event.cancelled",
    ]);
    const activity = await activityRows(server.ctx.db, {
      tenantId: owner.tenantId,
      entityId: event.id,
    });
    expect(activity.map((a) => a.action)).toEqual(["created", "cancelled"]);
  });
});

describe("auth", () => {
  test("event types are registered", () => {
    for (const type of ["created", "updated", "cancelled"])
      expect(isKnownEventType(`calendar.event.${type}`)).toBe(true);
  });

  test("read scope reads, write scope writes; anything else is 401/403", async () => {
    const event = await create();
    const reader = await server.keyFor(owner.tenantId, ["calendar:read"]);
    const writer = await server.keyFor(owner.tenantId, ["calendar:write"]);
    const neither = await server.keyFor(owner.tenantId, ["deals:read"]);
    const body = { title: "X", start: "2026-04-01T09:00:00Z", end: "2026-04-01T10:00:00Z" };
    const routes: Array<[string, string, unknown, "read" | "write"]> = [
      ["GET", EVENTS, undefined, "read"],
      ["GET", `${EVENTS}/${event.id}`, undefined, "read"],
      ["POST", EVENTS, body, "write"],
      ["PATCH", `${EVENTS}/${event.id}`, { title: "Y" }, "write"],
      ["DELETE", `${EVENTS}/${event.id}`, undefined, "write"],
    ];
    for (const [method, path, payload, needs] of routes) {
      const allowed = needs === "read" ? reader : writer;
      const denied = needs === "read" ? writer : reader;
      expect((await server.anonymous.request(method, path, payload)).status).toBe(401);
      expect((await neither.request(method, path, payload)).status).toBe(403);
      expect((await denied.request(method, path, payload)).status).toBe(403);
      expect((await allowed.request(method, path, payload)).status).toBeLessThan(300);
    }
  });

  test("lists never show another tenant's events", async () => {
    await create({ title: "Private" });
    const other = await freshTenant();
    expect((await other.api.get(EVENTS)).body.total).toBe(0);
    expect((await other.api.get(`${EVENTS}?cursor=`)).body.events).toEqual([]);
  });
});
