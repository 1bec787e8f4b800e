import { beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asc } from "drizzle-orm";
import { type Database, openDatabase } from "../db/client";
import { migrate, migrationsOf } from "../db/migrate";
import { markWidgetOpened } from "../db/migrations/1411_conversation_visitor_identity";
import { activityLog, conversations, widgetKeys } from "../db/schema";
import { reserveSyncSeq } from "../db/sequence";
import { ManualClock } from "../src/clock";
import { testDatabase } from "./helpers/database";
import { activityFor, eventsFor } from "./helpers/records";
import { Api, startTestServer } from "./helpers/server";
import { useTestServer } from "./helpers/suite";

const clock = new ManualClock(new Date("2026-03-01T10:00:00.000Z"));
const server = useTestServer({ clock, config: { rateLimit: 100_000 } });
const X = "/api/external";
let api: Api;
let other: Api;
let customer: string;

beforeAll(async () => {
  ({ api } = await server.tenant());
  ({ api: other } = await server.tenant());
  customer = (
    await api.post(`${X}/customers/identify`, { email: "ann@example.com", name: "Ann Lee" })
  ).body.id;
});

const open = async (body: Record<string, unknown> = {}) => {
  const reply = await api.post(`${X}/conversations`, { customer_id: customer, ...body });
  expect(reply.status).toBe(201);
  return reply.body;
};
const send = (body: Record<string, unknown>, client = api) => client.post(`${X}/messages`, body);

describe("customers", () => {
  test("identify finds or creates one contact per identity, idempotently", async () => {
    const first = await api.post(`${X}/customers/identify`, {
      email: "John@Example.com",
      name: "John Doe",
      external_id: "u-123",
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      first_name: "John",
      last_name: "Doe",
      primary_email: "john@example.com",
      external_id: "u-123",
    });
    const again = await api.post(`${X}/customers/identify`, { external_id: "u-123" });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const byEmail = await api.post(`${X}/customers/identify`, { email: "john@example.com" });
    expect(byEmail.body.id).toBe(first.body.id);
    // A customer is a contact: the contacts API sees it, with its event.
    expect((await api.get(`${X}/contacts/${first.body.id}`)).status).toBe(200);
    expect((await eventsFor(server, first.body.id)).map((e) => e.event_type)).toEqual([
      "contact.created",
    ]);
  });

  test("an email found links a new external id to that contact", async () => {
    const linked = await api.post(`${X}/customers/identify`, {
      email: "ann@example.com",
      external_id: "ann-1",
    });
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({ id: customer, external_id: "ann-1" });
    const list = await api.get(`${X}/customers?external_id=ann-1`);
    expect(list.body.customers.map((c: { id: string }) => c.id)).toEqual([customer]);
    expect((await api.get(`${X}/customers?external_id=nobody`)).body.customers).toEqual([]);
  });

  test("an external id linked to a known customer is a change: feed, activity and contact.updated", async () => {
    const { api: own } = await server.tenant();
    const found = await own.post(`${X}/customers/identify`, { email: "lin@example.com" });
    const cursor = (await own.get(`${X}/customers?cursor=`)).body.next_cursor;
    const linked = await own.post(`${X}/customers/identify`, {
      email: "lin@example.com",
      external_id: "lin-7",
    });
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({ id: found.body.id, external_id: "lin-7" });
    // A poller of the customers feed learns the new external id.
    const feed = await own.get(`${X}/customers?cursor=${cursor}`);
    expect(feed.body.customers).toEqual([linked.body]);
    const events = await eventsFor(server, found.body.id);
    expect(events.map((e) => e.event_type)).toEqual(["contact.created", "contact.updated"]);
    expect(events[1].metadata.changed_fields).toEqual(["external_id"]);
    expect((await activityFor(server, found.body.id)).map((a) => a.action)).toEqual([
      "created",
      "updated",
    ]);
    // The same identity again changes nothing.
    const again = await own.post(`${X}/customers/identify`, {
      email: "lin@example.com",
      external_id: "lin-7",
    });
    expect(again.body).toEqual(linked.body);
    expect(await eventsFor(server, found.body.id)).toHaveLength(2);
  });

  test("an anonymous visitor (external id only) becomes a contact called Visitor", async () => {
    const visitor = await api.post(`${X}/customers/identify`, { external_id: "anon-9" });
    expect(visitor.status).toBe(201);
    expect(visitor.body).toMatchObject({ first_name: "Visitor", email: [], external_id: "anon-9" });
  });

  test("identify needs an email or an external id; get, list and update map onto contacts", async () => {
    const empty = await api.post(`${X}/customers/identify`, { name: "Nobody" });
    expect(empty.status).toBe(422);
    const updated = await api.patch(`${X}/customers/${customer}`, { title: "CTO" });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id: customer, title: "CTO", external_id: "ann-1" });
    expect((await api.get(`${X}/customers/${customer}`)).body.title).toBe("CTO");
    const list = await api.get(`${X}/customers?email=ann@example.com`);
    expect(list.body).toMatchObject({
      total: 1,
      customers: [{ id: customer, external_id: "ann-1" }],
    });
    expect((await other.get(`${X}/customers/${customer}`)).status).toBe(404);
  });

  test("the list takes the contacts list's filters, external_id among them, and include=associations", async () => {
    const { api: own } = await server.tenant();
    await own.post(`${X}/fields/contacts`, { key: "tier", label: "Tier", type: "text" });
    const gold = await own.post(`${X}/customers/identify`, {
      email: "gold@example.com",
      external_id: "g-1",
    });
    await own.patch(`${X}/customers/${gold.body.id}`, { custom_fields: { tier: "gold" } });
    await own.post(`${X}/customers/identify`, { email: "plain@example.com", external_id: "p-1" });
    const ids = async (query: string) => {
      const reply = await own.get(`${X}/customers?${query}`);
      expect(reply.status).toBe(200);
      return reply.body.customers.map((c: { id: string }) => c.id);
    };
    expect(await ids("cf.tier=gold")).toEqual([gold.body.id]);
    // external_id narrows the list: other filters and paging still apply
    expect(await ids("external_id=g-1")).toEqual([gold.body.id]);
    expect(await ids("external_id=g-1&email=plain@example.com")).toEqual([]);
    expect(await ids("external_id=g-1&page=2")).toEqual([]);
    const feed = await own.get(`${X}/customers?external_id=g-1&cursor=`);
    expect(feed.body.next_cursor).not.toBeNull();
    expect(
      (await own.get(`${X}/customers?external_id=g-1&cursor=${feed.body.next_cursor}`)).body
        .customers,
    ).toEqual([]);
    const company = await own.post(`${X}/companies`, { name: "Gold Ltd" });
    const link = `${X}/contacts/${gold.body.id}/associations/companies/${company.body.id}`;
    expect((await own.put(link, {})).status).toBe(201);
    const linked = await own.get(`${X}/customers?external_id=g-1&include=associations`);
    expect(linked.body.customers[0]).toMatchObject({
      id: gold.body.id,
      external_id: "g-1",
      associations: { companies: [{ id: company.body.id, object: "companies", label: null }] },
    });
  });
});

describe("conversations", () => {
  test("open with defaults; the customer must be a contact of the tenant", async () => {
    const conversation = await open({ subject: "Login problem", tags: ["vip", "vip", " bug "] });
    expect(conversation).toMatchObject({
      customer_id: customer,
      status: "open",
      priority: "medium",
      channel: "chat",
      subject: "Login problem",
      tags: ["vip", "bug"],
      assignee: null,
      shared_with: [],
      archived: false,
      last_message_at: null,
      unread_count: 0,
    });
    const foreign = await other.post(`${X}/conversations`, { customer_id: customer });
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors[0].path).toBe("/customer_id");
    expect((await eventsFor(server, conversation.id)).map((e) => e.event_type)).toEqual([
      "conversation.created",
    ]);
  });

  test("update, share and archive write events and activity", async () => {
    const { id } = await open();
    const updated = await api.patch(`${X}/conversations/${id}`, {
      status: "pending",
      assignee: "maria",
      priority: "high",
    });
    expect(updated.body).toMatchObject({ status: "pending", assignee: "maria", priority: "high" });
    const shared = await api.post(`${X}/conversations/${id}/share`, { teammate: "li" });
    expect(shared.body.shared_with).toEqual(["li"]);
    await api.post(`${X}/conversations/${id}/share`, { teammate: "li" });
    const archived = await api.post(`${X}/conversations/${id}/archive`);
    expect(archived.body).toMatchObject({
      archived: true,
      archived_at: "2026-03-01T10:00:00.000Z",
    });
    await api.post(`${X}/conversations/${id}/archive`);
    const events = await eventsFor(server, id);
    expect(events.map((e) => e.event_type)).toEqual([
      "conversation.created",
      "conversation.updated",
      "conversation.updated",
      "conversation.archived",
    ]);
    expect(events[1].metadata.changed_fields).toEqual(["status", "assignee", "priority"]);
    expect((await activityFor(server, id)).map((a) => a.action)).toEqual([
      "created",
      "updated",
      "updated",
      "archived",
    ]);
    const bad = await api.patch(`${X}/conversations/${id}`, { status: "snoozed" });
    expect(bad.status).toBe(422);
  });

  test("a customer's message brings an archived conversation back to the inbox, open", async () => {
    const { id } = await open({ status: "closed" });
    await api.post(`${X}/conversations/${id}/archive`);
    const inbox = async () =>
      (
        await api.get(`${X}/conversations?archived=false&status=open&customer_id=${customer}`)
      ).body.conversations.map((c: { id: string }) => c.id);
    expect(await inbox()).not.toContain(id);
    // The team's own reply leaves it archived.
    expect((await send({ conversation_id: id, body: "Closing this" })).status).toBe(201);
    expect((await api.get(`${X}/conversations/${id}`)).body.archived).toBe(true);
    const reply = await send({
      conversation_id: id,
      body: "Still broken",
      author_type: "customer",
    });
    expect(reply.status).toBe(201);
    expect((await api.get(`${X}/conversations/${id}`)).body).toMatchObject({
      status: "open",
      archived: false,
      archived_at: null,
    });
    expect(await inbox()).toContain(id);
    const events = await eventsFor(server, id);
    expect(events.map((e) => e.event_type)).toEqual([
      "conversation.created",
      "conversation.archived",
      "conversation.unarchived",
      "conversation.updated",
    ]);
    expect(events[2].data).toMatchObject({ archived: false, archived_at: null });
    expect((await activityFor(server, id)).map((a) => a.action)).toEqual([
      "created",
      "archived",
      "unarchived",
      "updated",
    ]);
    // Writing again while it is in the inbox changes neither.
    await send({ conversation_id: id, body: "Hello?", author_type: "customer" });
    expect((await eventsFor(server, id)).length).toBe(4);
  });

  test("the team unarchives a conversation as it archives it (conversation.unarchived, once)", async () => {
    const { id } = await open();
    const notArchived = await api.post(`${X}/conversations/${id}/unarchive`);
    expect(notArchived.status).toBe(200);
    expect(notArchived.body.archived).toBe(false);
    await api.post(`${X}/conversations/${id}/archive`);
    const back = await api.post(`${X}/conversations/${id}/unarchive`);
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ archived: false, archived_at: null, status: "open" });
    await api.post(`${X}/conversations/${id}/unarchive`);
    expect((await eventsFor(server, id)).map((e) => e.event_type)).toEqual([
      "conversation.created",
      "conversation.archived",
      "conversation.unarchived",
    ]);
    expect((await activityFor(server, id)).map((a) => a.action)).toEqual([
      "created",
      "archived",
      "unarchived",
    ]);
    // Another tenant's conversation, like a missing one, is not found.
    expect((await other.post(`${X}/conversations/${id}/unarchive`)).status).toBe(404);
    expect((await api.post(`${X}/conversations/nope/unarchive`)).status).toBe(404);
  });

  test("lists filter by status, assignee, customer, channel, unread and archived", async () => {
    const { api: fresh } = await server.tenant();
    const who = (await fresh.post(`${X}/customers/identify`, { email: "f@example.com" })).body.id;
    const make = async (body: Record<string, unknown>) =>
      (await fresh.post(`${X}/conversations`, { customer_id: who, ...body })).body.id;
    const a = await make({ channel: "email", assignee: "maria" });
    const b = await make({ status: "closed" });
    const c = await make({ channel: "sms" });
    await fresh.post(`${X}/messages`, { conversation_id: c, body: "hi", author_type: "customer" });
    await fresh.post(`${X}/conversations/${b}/archive`);
    const ids = async (q: string) =>
      (await fresh.get(`${X}/conversations?${q}`)).body.conversations.map(
        (x: { id: string }) => x.id,
      );
    expect(await ids("status=closed")).toEqual([b]);
    expect(await ids("assignee=maria")).toEqual([a]);
    expect(await ids("channel=sms")).toEqual([c]);
    expect(await ids("unread=true")).toEqual([c]);
    expect((await ids("unread=false")).sort()).toEqual([a, b].sort());
    expect(await ids("archived=true")).toEqual([b]);
    expect((await ids(`customer_id=${who}`)).length).toBe(3);
    expect((await fresh.get(`${X}/conversations?channel=fax`)).status).toBe(422);
  });

  test("an inbox lists unassigned conversations and sorts them by latest activity", async () => {
    const opened = clock.now(); // the file's other tests expect the clock where it was
    try {
      const { api: fresh } = await server.tenant();
      const who = (await fresh.post(`${X}/customers/identify`, { email: "i@example.com" })).body.id;
      const make = async (body: Record<string, unknown> = {}) => {
        clock.advance(60_000);
        return (await fresh.post(`${X}/conversations`, { customer_id: who, ...body })).body.id;
      };
      const assigned = await make({ assignee: "maria" });
      const imported = await make();
      const quiet = await make(); // no message yet: its latest activity is its opening
      clock.advance(60_000);
      await fresh.post(`${X}/messages`, { conversation_id: assigned, body: "hi" });
      await fresh.post(`${X}/messages`, {
        conversation_id: imported,
        body: "an old email",
        sent_at: "2026-01-05T08:00:00Z",
      });
      const ids = async (q: string) => {
        const reply = await fresh.get(`${X}/conversations?${q}`);
        expect(reply.status).toBe(200);
        return reply.body.conversations.map((x: { id: string }) => x.id);
      };
      expect(await ids("")).toEqual([quiet, imported, assigned]);
      expect(await ids("sort=-created_at")).toEqual([quiet, imported, assigned]);
      expect(await ids("sort=created_at")).toEqual([assigned, imported, quiet]);
      expect(await ids("sort=-last_message_at")).toEqual([assigned, quiet, imported]);
      expect(await ids("sort=last_message_at")).toEqual([imported, quiet, assigned]);
      expect(await ids("sort=-last_message_at&page_size=2&page=2")).toEqual([imported]);
      expect(await ids("unassigned=true")).toEqual([quiet, imported]);
      expect(await ids("unassigned=true&sort=-last_message_at")).toEqual([quiet, imported]);
      expect(await ids("unassigned=false")).toEqual([assigned]);
      // Unassigning puts a conversation back among the unassigned.
      await fresh.patch(`${X}/conversations/${assigned}`, { assignee: null });
      expect(await ids("unassigned=true&sort=-last_message_at")).toEqual([
        assigned,
        quiet,
        imported,
      ]);
      // A feed goes by change, oldest change first, whatever sort says.
      expect(await ids("sort=-last_message_at&cursor=")).toEqual([quiet, imported, assigned]);
      const bad = await fresh.get(`${X}/conversations?sort=updated_at`);
      expect(bad.status).toBe(422);
      expect(bad.body.errors[0].path).toBe("/sort");
    } finally {
      clock.set(opened);
    }
  });

  test("the assignee is stored trimmed, as a shared teammate is, so the assignee filter finds it", async () => {
    const { api: fresh } = await server.tenant();
    const who = (await fresh.post(`${X}/customers/identify`, { email: "a@example.com" })).body.id;
    const created = await fresh.post(`${X}/conversations`, {
      customer_id: who,
      assignee: " maria ",
    });
    expect(created.body.assignee).toBe("maria");
    const { id } = created.body;
    expect(
      (await fresh.patch(`${X}/conversations/${id}`, { assignee: "li\t" })).body.assignee,
    ).toBe("li");
    expect(
      (await fresh.put(`${X}/conversations/${id}`, { assignee: " maria" })).body.assignee,
    ).toBe("maria");
    // Trimming is no change: nothing written, no event.
    await fresh.patch(`${X}/conversations/${id}`, { assignee: "maria " });
    expect((await eventsFor(server, id)).map((e) => e.event_type)).toEqual([
      "conversation.created",
      "conversation.updated",
      "conversation.updated",
    ]);
    const shared = await fresh.post(`${X}/conversations/${id}/share`, { teammate: " maria " });
    expect(shared.body).toMatchObject({ assignee: "maria", shared_with: ["maria"] });
    const listed = await fresh.get(`${X}/conversations?assignee=maria`);
    expect(listed.body.conversations.map((c: { id: string }) => c.id)).toEqual([id]);
    const blank = await fresh.patch(`${X}/conversations/${id}`, { assignee: "  " });
    expect(blank.status).toBe(422);
    expect(blank.body.errors[0].path).toBe("/assignee");
  });

  test("lists filter by tags (carrying all of them), as the tags field says", async () => {
    const { api: fresh } = await server.tenant();
    const who = (await fresh.post(`${X}/customers/identify`, { email: "t@example.com" })).body.id;
    const make = async (tags: string[]) =>
      (await fresh.post(`${X}/conversations`, { customer_id: who, tags })).body.id;
    const billing = await make(["billing"]);
    const vipBilling = await make(["vip", "billing"]);
    await make(["bug"]);
    const ids = async (q: string) => {
      const reply = await fresh.get(`${X}/conversations?${q}`);
      expect(reply.status).toBe(200);
      return reply.body.conversations.map((x: { id: string }) => x.id).sort();
    };
    expect(await ids("tags=billing")).toEqual([billing, vipBilling].sort());
    expect(await ids("tags=vip, billing")).toEqual([vipBilling]);
    expect(await ids("tags=billing&status=open&page_size=1&page=2")).toHaveLength(1);
    expect(await ids("tags=none")).toEqual([]);
  });
});

describe("messages", () => {
  test("messages move the conversation's last_message_at and unread_count; seen resets it", async () => {
    const { id } = await open();
    const fromCustomer = await send({
      conversation_id: id,
      body: "Hello!",
      author_type: "customer",
    });
    expect(fromCustomer.status).toBe(201);
    expect(fromCustomer.body).toMatchObject({
      conversation_id: id,
      customer_id: customer,
      author_type: "customer",
      author_id: customer,
      channel: "chat",
      sent_at: "2026-03-01T10:00:00.000Z",
      seen_at: null,
    });
    clock.advance(60_000);
    const reply = await send({
      conversation_id: id,
      body: "Hi Ann, how can I help?",
      author_id: "maria",
      attachments: [{ url: "https://files.example.com/guide.pdf" }],
    });
    expect(reply.body).toMatchObject({
      author_type: "agent",
      author_id: "maria",
      attachments: [{ url: "https://files.example.com/guide.pdf", name: null, mime_type: null }],
    });
    await send({ conversation_id: id, body: "My login fails", author_type: "customer" });
    let conversation = (await api.get(`${X}/conversations/${id}`)).body;
    expect(conversation).toMatchObject({
      unread_count: 2,
      last_message_at: "2026-03-01T10:01:00.000Z",
    });
    const seen = await api.post(`${X}/conversations/${id}/seen`, {});
    expect(seen.body.seen.map((m: { author_type: string }) => m.author_type)).toEqual([
      "customer",
      "customer",
    ]);
    conversation = (await api.get(`${X}/conversations/${id}`)).body;
    expect(conversation.unread_count).toBe(0);
    expect((await eventsFor(server, fromCustomer.body.id)).map((e) => e.event_type)).toEqual([
      "message.created",
      "message.seen",
    ]);
    const list = await api.get(`${X}/messages?conversation_id=${id}&author_type=customer`);
    expect(list.body.total).toBe(2);
    expect((await api.get(`${X}/messages?conversation_id=${id}&unseen=true`)).body.total).toBe(1);
  });

  test("a customer writing to a closed or pending conversation reopens it; an agent's reply does not", async () => {
    const { id } = await open({ status: "closed" });
    const agentNote = await send({ conversation_id: id, body: "Closing note", author_id: "maria" });
    expect(agentNote.status).toBe(201);
    expect((await api.get(`${X}/conversations/${id}`)).body.status).toBe("closed");
    const reply = await send({
      conversation_id: id,
      body: "Still broken",
      author_type: "customer",
    });
    expect(reply.status).toBe(201);
    const reopened = (await api.get(`${X}/conversations/${id}`)).body;
    expect(reopened).toMatchObject({ status: "open", unread_count: 1 });
    const ids = (await api.get(`${X}/conversations?status=open&unread=true`)).body.conversations;
    expect(ids.map((c: { id: string }) => c.id)).toContain(id);
    const events = await eventsFor(server, id);
    expect(events.map((e) => e.event_type)).toEqual([
      "conversation.created",
      "conversation.updated",
    ]);
    expect(events[1].metadata.changed_fields).toEqual(["status"]);
    expect(events[1].data).toEqual(reopened);
    expect((await activityFor(server, id)).map((a) => a.action)).toEqual(["created", "updated"]);
    // pending (waiting on the customer) opens too; an open one writes nothing more
    await api.patch(`${X}/conversations/${id}`, { status: "pending" });
    await send({ conversation_id: id, body: "Here you go", author_type: "customer" });
    await send({ conversation_id: id, body: "And more", author_type: "customer" });
    expect((await api.get(`${X}/conversations/${id}`)).body.status).toBe("open");
    expect((await eventsFor(server, id)).map((e) => e.event_type)).toEqual([
      "conversation.created",
      "conversation.updated",
      "conversation.updated",
      "conversation.updated",
    ]);
  });

  test("agents and the customer's widget see a thread in one order: by sent_at, ties by id", async () => {
    const site = "https://shop.example.com";
    const widgetKey = (
      await api.post(`${X}/widget-keys`, { name: "Shop", allowed_origins: [site] })
    ).body.key;
    const page = (headers: Record<string, string>) =>
      new Api(server.url, { origin: site, ...headers });
    const visitor = await page({ "x-widget-key": widgetKey }).post("/api/widget/customers", {});
    const opened = await page({ authorization: `Bearer ${visitor.body.visitor_token}` }).post(
      "/api/widget/conversations",
      {},
    );
    const id = opened.body.conversation.id;
    const widget = page({ authorization: `Bearer ${opened.body.visitor_token}` });
    // A live reply, then an email thread imported afterwards with the times it was sent.
    const post = async (body: string, sentAt?: string) =>
      (await send({ conversation_id: id, body, sent_at: sentAt })).body.id as string;
    const live = await post("live reply");
    const first = await post("imported 1", "2026-02-20T09:00:00Z");
    const sameTime = await post("imported 2", "2026-02-20T09:00:00Z");
    const later = await post("imported 3", "2026-02-25T09:00:00Z");
    const thread = [first, sameTime, later, live]; // oldest first
    const shown = await widget.get(`/api/widget/conversations/${id}/messages`);
    expect(shown.body.messages.map((m: { id: string }) => m.id)).toEqual(thread);
    // The agents' list, newest first like every list, is the same thread from its end.
    const listed = await api.get(`${X}/messages?conversation_id=${id}`);
    expect(listed.body.messages.map((m: { id: string }) => m.id)).toEqual([...thread].reverse());
    const paged = await api.get(`${X}/messages?conversation_id=${id}&page_size=3&page=2`);
    expect(paged.body.messages.map((m: { id: string }) => m.id)).toEqual([first]);
  });

  test("seen marks follow the thread order, ties by id: up_to marks up to a message sent at the same time as others", async () => {
    const { id } = await open();
    const same = "2026-02-20T09:00:00.000Z";
    const post = async (body: string, sentAt: string, author_type = "customer") =>
      (await send({ conversation_id: id, body, sent_at: sentAt, author_type })).body.id as string;
    await post("before", "2026-02-20T08:00:00.000Z");
    for (const body of ["a", "b", "c", "d"]) await post(body, same);
    await post("after", "2026-02-20T10:00:00.000Z");
    await post("agent's, same time", same, "agent");
    // The thread as agents see it (newest first, ties by id), read from its end.
    const listed = await api.get(`${X}/messages?conversation_id=${id}&author_type=customer`);
    const thread: string[] = listed.body.messages.map((m: { id: string }) => m.id).reverse();
    const unseen = async () =>
      (
        await api.get(`${X}/messages?conversation_id=${id}&unseen=true&author_type=customer`)
      ).body.messages
        .map((m: { id: string }) => m.id)
        .reverse();
    // Up to the second of the four sent at the same time: it and those before it, none after.
    const upTo = thread[2];
    const seen = await api.post(`${X}/conversations/${id}/seen`, { up_to: upTo });
    expect(seen.status).toBe(200);
    expect(seen.body.seen.map((m: { id: string }) => m.id)).toEqual(thread.slice(0, 3));
    expect(await unseen()).toEqual(thread.slice(3));
    expect((await api.get(`${X}/conversations/${id}`)).body.unread_count).toBe(3);
    // The same position again marks nothing more; the last of the same time marks up to it.
    expect((await api.post(`${X}/conversations/${id}/seen`, { up_to: upTo })).body.seen).toEqual(
      [],
    );
    const next = await api.post(`${X}/conversations/${id}/seen`, { up_to: thread[4] });
    expect(next.body.seen.map((m: { id: string }) => m.id)).toEqual(thread.slice(3, 5));
    expect(await unseen()).toEqual([thread[5]]);
    // A position that is no message of this conversation is refused, nothing marked.
    const elsewhere = (await send({ conversation_id: (await open()).id, body: "x" })).body.id;
    for (const bad of [elsewhere, "no-such-message"]) {
      const refused = await api.post(`${X}/conversations/${id}/seen`, { up_to: bad });
      expect(refused.status).toBe(422);
      expect(refused.body.errors[0].path).toBe("/up_to");
    }
    expect(await unseen()).toEqual([thread[5]]);
  });

  test("a sent_at on a day the month does not have is 422, never moved into the next month", async () => {
    const { id } = await open();
    for (const sentAt of ["2026-02-30T10:00:00Z", "2026-02-29", "2026-04-31T23:00:00+02:00"]) {
      const reply = await send({ conversation_id: id, body: "late", sent_at: sentAt });
      expect(reply.status).toBe(422);
      expect(reply.body.errors[0].path).toBe("/sent_at");
    }
    const leapDay = await send({
      conversation_id: id,
      body: "ok",
      sent_at: "2028-02-29T10:00:00Z",
    });
    expect(leapDay.status).toBe(201);
    expect(leapDay.body.sent_at).toBe("2028-02-29T10:00:00.000Z");
    expect((await api.get(`${X}/messages?conversation_id=${id}`)).body.total).toBe(1);
  });

  test("an external id already stored returns that message (200), nothing written twice", async () => {
    const { id } = await open({ channel: "sms" });
    const body = {
      conversation_id: id,
      body: "SMS in",
      author_type: "customer",
      external_id: "SM1",
    };
    const first = await send(body);
    const again = await send({ ...body, body: "retry" });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body).toEqual(first.body);
    expect(first.body.channel).toBe("sms");
    expect((await api.get(`${X}/conversations/${id}`)).body.unread_count).toBe(1);
  });

  test("a deleted message's external id is free again: sending it creates a new message", async () => {
    const { id } = await open({ channel: "sms" });
    const body = {
      conversation_id: id,
      body: "SMS in",
      author_type: "customer",
      external_id: "SM9",
    };
    const first = await send(body);
    expect(first.status).toBe(201);
    expect((await api.delete(`${X}/messages/${first.body.id}`)).status).toBe(204);
    const again = await send({ ...body, body: "SMS in, again" });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({
      external_id: "SM9",
      body: "SMS in, again",
      deleted_at: null,
    });
    expect(again.body.id).not.toBe(first.body.id);
    // The new message is the one its external id now names; the deleted one stays a tombstone.
    const repeat = await send({ ...body, body: "retry" });
    expect(repeat.status).toBe(200);
    expect(repeat.body.id).toBe(again.body.id);
    expect((await api.get(`${X}/messages/${first.body.id}`)).status).toBe(404);
    const listed = await api.get(`${X}/messages?conversation_id=${id}`);
    expect(listed.body.messages.map((m: { id: string }) => m.id)).toEqual([again.body.id]);
    expect((await api.get(`${X}/conversations/${id}`)).body.unread_count).toBe(1);
    expect((await eventsFor(server, again.body.id)).map((e) => e.event_type)).toEqual([
      "message.created",
    ]);
    // Deleted again, and sent again: each delete frees the id once more.
    expect((await api.delete(`${X}/messages/${again.body.id}`)).status).toBe(204);
    const third = await send(body);
    expect(third.status).toBe(201);
    expect(new Set([first.body.id, again.body.id, third.body.id]).size).toBe(3);
  });

  test("edit and delete: events, tombstone in the feed, counters follow", async () => {
    const { id } = await open();
    const message = (await send({ conversation_id: id, body: "typo", author_type: "customer" }))
      .body;
    const edited = await api.patch(`${X}/messages/${message.id}`, { body: "fixed" });
    expect(edited.body.body).toBe("fixed");
    const cursor = (await api.get(`${X}/messages?cursor=`)).body.next_cursor;
    expect((await api.delete(`${X}/messages/${message.id}`)).status).toBe(204);
    expect((await api.get(`${X}/messages/${message.id}`)).status).toBe(404);
    const feed = await api.get(`${X}/messages?cursor=${cursor}`);
    expect(feed.body.messages).toMatchObject([{ id: message.id, deleted_at: expect.any(String) }]);
    expect((await api.get(`${X}/conversations/${id}`)).body).toMatchObject({
      unread_count: 0,
      last_message_at: null,
    });
    expect((await eventsFor(server, message.id)).map((e) => e.event_type)).toEqual([
      "message.created",
      "message.updated",
      "message.deleted",
    ]);
  });

  test("a conversation's message counters put it in the conversations feed", async () => {
    const { id } = await open();
    const cursor = (await api.get(`${X}/conversations?cursor=`)).body.next_cursor;
    await send({ conversation_id: id, body: "ping", author_type: "customer" });
    const feed = await api.get(`${X}/conversations?cursor=${cursor}`);
    expect(feed.body.conversations).toMatchObject([{ id, unread_count: 1 }]);
  });

  test("tenants never see each other's conversations or messages", async () => {
    const { id } = await open();
    const message = (await send({ conversation_id: id, body: "secret" })).body;
    expect((await other.get(`${X}/conversations/${id}`)).status).toBe(404);
    expect((await other.get(`${X}/messages/${message.id}`)).status).toBe(404);
    expect((await other.patch(`${X}/messages/${message.id}`, { body: "x" })).status).toBe(404);
    expect((await other.post(`${X}/conversations/${id}/archive`)).status).toBe(404);
    const foreign = await send({ conversation_id: id, body: "x" }, other);
    expect(foreign.status).toBe(422);
    expect((await other.get(`${X}/messages?conversation_id=${id}`)).body.total).toBe(0);
  });

  test("scopes: read keys cannot write, and messages need their own scope", async () => {
    const { tenantId, api: owner } = await server.tenant();
    const reader = await server.keyFor(tenantId, ["conversations:read"]);
    const who = (await owner.post(`${X}/customers/identify`, { email: "s@example.com" })).body.id;
    const { id } = (await owner.post(`${X}/conversations`, { customer_id: who })).body;
    expect((await reader.get(`${X}/conversations/${id}`)).status).toBe(200);
    expect((await reader.patch(`${X}/conversations/${id}`, { status: "closed" })).status).toBe(403);
    expect((await reader.get(`${X}/messages`)).status).toBe(403);
    expect((await reader.post(`${X}/customers/identify`, { email: "x@example.com" })).status).toBe(
      403,
    );
  });
});

/**
 * Two servers on one database (two instances), one tenant's key on both,
 * and a customer's conversation (`conversation`: its other fields).
 */
async function onTwoInstances(
  conversation: Record<string, string>,
  run: (onA: Api, onB: Api, conversationId: string) => Promise<void>,
) {
  const dir = mkdtempSync(join(tmpdir(), "crmd-two-instances-"));
  const config = { rateLimit: 100_000 };
  const a = await startTestServer({ dir, config });
  const b = await startTestServer({ dir, config });
  try {
    const { api: onA, key } = await a.tenant();
    const onB = new Api(b.url, { "x-api-key": key });
    const who = (await onA.post(`${X}/customers/identify`, { email: "r@example.com" })).body.id;
    const { id } = (await onA.post(`${X}/conversations`, { customer_id: who, ...conversation }))
      .body;
    await run(onA, onB, id);
  } finally {
    await b.close();
    await a.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("counters under concurrent writes", () => {
  test("one new external id sent at once through two instances (a channel retrying) is stored once", async () => {
    await onTwoInstances({ channel: "sms" }, async (onA, onB, id) => {
      const n = 40;
      const body = { conversation_id: id, body: "SMS in", author_type: "customer" };
      const replies = await Promise.all(
        Array.from({ length: n }, (_, i) =>
          send({ ...body, external_id: "SM1" }, i % 2 ? onA : onB),
        ),
      );
      expect(replies.map((r) => r.status).sort()).toEqual([...Array(n - 1).fill(200), 201]);
      const stored = replies.find((r) => r.status === 201)?.body;
      for (const reply of replies) expect(reply.body).toEqual(stored);
      expect((await onA.get(`${X}/messages?conversation_id=${id}`)).body.total).toBe(1);
      expect((await onA.get(`${X}/conversations/${id}`)).body.unread_count).toBe(1);
    });
  }, 60_000);

  test("customer messages sent at once through two instances each count in unread_count", async () => {
    await onTwoInstances({}, async (onA, onB, id) => {
      const n = 200;
      const sentAt = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
      const replies = await Promise.all(
        Array.from({ length: n }, (_, i) =>
          send(
            { conversation_id: id, body: `m${i}`, author_type: "customer", sent_at: sentAt(i) },
            i % 2 ? onA : onB,
          ),
        ),
      );
      expect(replies.map((r) => r.status)).toEqual(Array(n).fill(201));
      const conversation = (await onA.get(`${X}/conversations/${id}`)).body;
      expect(conversation.unread_count).toBe(n);
      expect(conversation.last_message_at).toBe(sentAt(n - 1));
    });
  }, 60_000);
});

describe("migration 1372", () => {
  test("assignees stored with white space around them are trimmed, and move in the feed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "crmd-assignees-"));
    const database = await testDatabase(dir, { empty: true });
    const db: Database = await openDatabase(database.url);
    const trimmed = "1372_conversation_assignees_trimmed";
    try {
      await migrate(
        db,
        migrationsOf(db).filter((m) => m.id !== trimmed),
      );
      const then = new Date("2026-01-01T00:00:00.000Z");
      const assigned = [" maria ", "li", "\tbo\n", "   ", null];
      await db.transaction(async (tx) => {
        const first = await reserveSyncSeq(tx, assigned.length);
        await tx.insert(conversations).values(
          assigned.map((assignee, i) => ({
            id: `c${i}`,
            tenantId: "t1",
            customerId: "p1",
            status: "open",
            assignee,
            priority: "medium",
            channel: "chat",
            createdAt: then,
            updatedAt: then,
            syncSeq: first + i,
          })),
        );
      });
      expect(await migrate(db, migrationsOf(db))).toEqual([trimmed]);
      const rows = await db.read
        .select({
          assignee: conversations.assignee,
          updatedAt: conversations.updatedAt,
          syncSeq: conversations.syncSeq,
        })
        .from(conversations)
        .orderBy(asc(conversations.id));
      expect(rows.map((r) => r.assignee)).toEqual(["maria", "li", "bo", null, null]);
      // The rows changed moved in the feed; the others kept their place.
      const moved = rows.map((r) => r.updatedAt.getTime() !== then.getTime() && r.syncSeq > 5);
      expect(moved).toEqual([true, false, true, true, false]);
    } finally {
      await db.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("migration 1411", () => {
  test("conversations a widget key opened before become unverified, and move in the feed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "crmd-visitor-identity-"));
    const database = await testDatabase(dir, { empty: true });
    const db: Database = await openDatabase(database.url);
    try {
      await migrate(db, migrationsOf(db));
      const then = new Date("2026-01-01T00:00:00.000Z");
      // c0: opened through the widget; c1: by an API key; c2: by an API key, then written to through the widget.
      const openedBy = [
        { type: "system", id: "wk1" },
        { type: "api_key", id: "k1" },
        { type: "api_key", id: "k1" },
      ];
      await db.transaction(async (tx) => {
        await tx.insert(widgetKeys).values({
          id: "wk1",
          tenantId: "t1",
          name: "Shop",
          keyHash: "h",
          keyPrefix: "pk_",
          allowedOrigins: [],
          settings: {},
          tokenSecret: "s",
          createdAt: then,
          updatedAt: then,
        });
        const first = await reserveSyncSeq(tx, 10);
        await tx.insert(conversations).values(
          openedBy.map((_, i) => ({
            id: `c${i}`,
            tenantId: "t1",
            customerId: "p1",
            status: "open",
            priority: "medium",
            channel: "chat",
            createdAt: then,
            updatedAt: then,
            syncSeq: first + i,
          })),
        );
        const activity = (i: number, action: string, actor: { type: string; id: string }) => ({
          id: `a${i}-${action}`,
          tenantId: "t1",
          entityType: "conversation",
          entityId: `c${i}`,
          action,
          actorType: actor.type,
          actorId: actor.id,
          actorName: null,
          changes: {},
          createdAt: then,
          syncSeq: first + 5 + i,
        });
        await tx
          .insert(activityLog)
          .values([
            ...openedBy.map((actor, i) => activity(i, "created", actor)),
            activity(2, "updated", openedBy[0]),
          ]);
      });
      await db.transaction((tx) =>
        markWidgetOpened(tx, { foldCase: db.foldCase, progress: () => {} }),
      );
      const rows = await db.read
        .select({
          identity: conversations.visitorIdentity,
          updatedAt: conversations.updatedAt,
          syncSeq: conversations.syncSeq,
        })
        .from(conversations)
        .orderBy(asc(conversations.id));
      expect(rows.map((r) => r.identity)).toEqual(["unverified", null, null]);
      const moved = rows.map((r) => r.updatedAt.getTime() !== then.getTime() && r.syncSeq > 10);
      expect(moved).toEqual([true, false, false]);
    } finally {
      await db.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
