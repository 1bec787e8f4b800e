import { beforeAll, describe, expect, test } from "bun:test";
import { created, expect422 } from "./helpers/api";
import { eventsFor } from "./helpers/records";
import type { Api } from "./helpers/server";
import { useTestServer } from "./helpers/suite";

/** Seed 000 updates with PUT: a full replacement, beside PATCH's partial update. */
const server = useTestServer({ config: { rateLimit: 100_000 } });
const base = "/api/external";
let api: Api;
beforeAll(async () => {
  ({ api } = await server.tenant());
});

describe("PUT replaces, PATCH merges", () => {
  test("tasks: fields left out are emptied, custom fields replaced", async () => {
    await created(api, "/fields/tasks", { key: "effort", label: "Effort", type: "number" });
    await created(api, "/fields/tasks", { key: "area", label: "Area", type: "text" });
    const task = await created(api, "/tasks", {
      title: "Call Ann",
      description: "About the renewal",
      priority: "high",
      due_at: "2030-01-01T10:00:00Z",
      tags: ["vip"],
      custom_fields: { effort: 3, area: "north" },
    });
    const patched = await api.patch(`${base}/tasks/${task.id}`, { custom_fields: { effort: 5 } });
    expect(patched.body).toMatchObject({
      description: "About the renewal",
      custom_fields: { effort: 5, area: "north" },
    });
    const put = await api.put(`${base}/tasks/${task.id}`, {
      title: "Call Ann again",
      custom_fields: { effort: 1 },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      title: "Call Ann again",
      description: null,
      priority: "medium",
      status: "pending",
      due_at: null,
      tags: [],
      custom_fields: { effort: 1 },
    });
    expect((await eventsFor(server, task.id)).map((e) => e.event_type)).toEqual([
      "task.created",
      "task.updated",
      "task.updated",
    ]);
    expect422(await api.put(`${base}/tasks/${task.id}`, { description: "no title" }), "/title");
    expect((await api.get(`${base}/tasks?cf.area=north`)).body.tasks).toEqual([]);
  });

  test("contacts (seed 000's clients)", async () => {
    const contact = await created(api, "/contacts", {
      first_name: "Ann",
      last_name: "Lee",
      title: "CTO",
      email: [{ email: "ann@example.com" }],
      tags: ["vip"],
      custom_fields: { source: "fair" },
    });
    const put = await api.put(`${base}/contacts/${contact.id}`, { first_name: "Anna" });
    expect(put.body).toMatchObject({
      first_name: "Anna",
      last_name: null,
      title: null,
      email: [],
      primary_email: null,
      tags: [],
      custom_fields: {},
    });
    // the result must still be a valid contact
    expect422(await api.put(`${base}/contacts/${contact.id}`, { title: "x" }), "/");
    // consent is the exception: a replacement that leaves it out never opts a contact back in
    await api.patch(`${base}/contacts/${contact.id}`, { email_opt_out: true });
    const kept = await api.put(`${base}/contacts/${contact.id}`, { first_name: "Anna" });
    expect(kept.body.email_opt_out).toBe(true);
    const lifted = await api.put(`${base}/contacts/${contact.id}`, {
      first_name: "Anna",
      email_opt_out: false,
    });
    expect(lifted.body.email_opt_out).toBe(false);
  });

  test("calendar events", async () => {
    const event = await created(api, "/calendar/events", {
      title: "Demo",
      description: "Product demo",
      location: "Room 1",
      start: "2030-01-15T09:00:00Z",
      end: "2030-01-15T10:00:00Z",
      tags: ["demo"],
    });
    const put = await api.put(`${base}/calendar/events/${event.id}`, {
      title: "Demo (moved)",
      start: "2030-01-16T09:00:00Z",
      end: "2030-01-16T09:30:00Z",
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      title: "Demo (moved)",
      description: null,
      location: null,
      tags: [],
    });
  });

  test("calendar events: an end left out is what a create without one makes", async () => {
    const allDay = await created(api, "/calendar/events", {
      title: "Fair",
      start: "2030-02-10",
      end: "2030-02-14",
      all_day: true,
    });
    // an all-day event without an end lasts its start day, as on create
    const put = await api.put(`${base}/calendar/events/${allDay.id}`, {
      title: "Fair (day one)",
      start: "2030-02-10",
      all_day: true,
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ start: "2030-02-10", end: "2030-02-10" });
    // a timed event needs one, as on create
    const timed = await created(api, "/calendar/events", {
      title: "Call",
      start: "2030-02-10T09:00:00Z",
      end: "2030-02-10T17:00:00Z",
    });
    expect422(
      await api.put(`${base}/calendar/events/${timed.id}`, {
        title: "Call",
        start: "2030-02-10T08:00:00Z",
      }),
      "/end",
    );
    expect422(
      await api.post(`${base}/calendar/events`, { title: "x", start: "2030-02-10T08:00:00Z" }),
      "/end",
    );
  });

  test("calendar events: a cancelled event stays cancelled unless the body reopens it", async () => {
    const event = await created(api, "/calendar/events", {
      title: "Viewing",
      start: "2030-03-01T09:00:00Z",
      end: "2030-03-01T10:00:00Z",
    });
    const cancelled = (await api.delete(`${base}/calendar/events/${event.id}`)).body;
    expect(cancelled.status).toBe("cancelled");
    const replace = (fields: Record<string, unknown>) =>
      api.put(`${base}/calendar/events/${event.id}`, {
        title: "Viewing (notes)",
        start: "2030-03-01T09:00:00Z",
        end: "2030-03-01T10:00:00Z",
        ...fields,
      });
    // status left out: the replacement edits the cancelled event, it does not reopen it
    const edited = await replace({ description: "Buyer withdrew" });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      title: "Viewing (notes)",
      description: "Buyer withdrew",
      status: "cancelled",
      cancelled_at: cancelled.cancelled_at,
    });
    // the body as GET shows it, status included, is a valid replacement
    const same = await replace({ description: "Buyer withdrew", status: "cancelled" });
    expect(same.status).toBe(200);
    expect(same.body).toEqual(edited.body);
    const reopened = await replace({ status: "tentative" });
    expect(reopened.body).toMatchObject({ status: "tentative", cancelled_at: null });
    // a live event: status left out is the create default, as before
    expect((await replace({})).body).toMatchObject({ status: "confirmed", cancelled_at: null });
    const types = (await eventsFor(server, event.id)).map((e) => e.event_type);
    expect(types).toEqual([
      "calendar.event.created",
      "calendar.event.cancelled",
      "calendar.event.updated",
      "calendar.event.updated",
      "calendar.event.updated",
    ]);
  });

  test("documents: details replaced, content kept", async () => {
    const deal = await created(api, "/contacts", { first_name: "Linked" });
    const doc = await created(api, "/documents", {
      url: "https://example.com/proposal.pdf",
      name: "proposal.pdf",
      description: "Draft",
      contact_id: deal.id,
      tags: ["draft"],
    });
    const put = await api.put(`${base}/documents/${doc.id}`, { name: "proposal-signed.pdf" });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      name: "proposal-signed.pdf",
      description: null,
      contact_id: null,
      tags: [],
      url: "https://example.com/proposal.pdf",
    });
    expect((await eventsFor(server, doc.id)).map((e) => e.event_type)).toEqual([
      "document.uploaded",
      "document.updated",
    ]);
    expect422(
      await api.put(`${base}/documents/${doc.id}`, { name: "x", deal_id: "nope" }),
      "/deal_id",
    );
  });
});
