import { beforeAll, describe, expect, test } from "bun:test";
import { expect422 } from "./helpers/api";
import { activityFor, eventsFor } from "./helpers/records";
import type { Api } from "./helpers/server";
import { useTestServer } from "./helpers/suite";

/** Seed 003 updates with PUT: a full replacement, beside PATCH's partial update. */
const server = useTestServer({ config: { rateLimit: 100_000 } });
const X = "/api/external";
let api: Api;
let other: Api;
let tenantId: string;
let customer: string;

beforeAll(async () => {
  ({ api, tenantId } = await server.tenant());
  ({ api: other } = await server.tenant());
  customer = (
    await api.post(`${X}/customers/identify`, { email: "ann@example.com", name: "Ann Lee" })
  ).body.id;
});

const open = async () =>
  (
    await api.post(`${X}/conversations`, {
      customer_id: customer,
      status: "pending",
      assignee: "bob",
      priority: "urgent",
      subject: "Refund",
      tags: ["billing"],
    })
  ).body;

describe("PUT replaces, PATCH merges (seed 003)", () => {
  test("conversations: fields left out are emptied or back to their defaults", async () => {
    const { id } = await open();
    const patched = await api.patch(`${X}/conversations/${id}`, { subject: "Refund, again" });
    expect(patched.body).toMatchObject({ assignee: "bob", priority: "urgent", tags: ["billing"] });
    const put = await api.put(`${X}/conversations/${id}`, { status: "closed" });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      id,
      customer_id: customer,
      status: "closed",
      assignee: null,
      priority: "medium",
      subject: null,
      tags: [],
    });
    expect((await api.get(`${X}/conversations/${id}`)).body).toEqual(put.body);
    const events = await eventsFor(server, id);
    expect(events.map((e) => e.event_type)).toEqual([
      "conversation.created",
      "conversation.updated",
      "conversation.updated",
    ]);
    expect(events[2]?.data).toMatchObject({ status: "closed", assignee: null });
    expect((await activityFor(server, id)).map((a) => a.action)).toEqual([
      "created",
      "updated",
      "updated",
    ]);
    // a PUT that is the record already writes nothing
    await api.put(`${X}/conversations/${id}`, { status: "closed" });
    expect(await eventsFor(server, id)).toHaveLength(3);
    expect422(await api.put(`${X}/conversations/${id}`, { status: "gone" }), "/status");
    expect422(await api.put(`${X}/conversations/${id}`, { channel: "sms" }), "/channel");
  });

  test("messages: body required, attachments left out are removed", async () => {
    const { id: conversation } = await open();
    const sent = await api.post(`${X}/messages`, {
      conversation_id: conversation,
      body: "See the invoice",
      attachments: [{ url: "https://files.example.com/invoice.pdf", name: "invoice.pdf" }],
    });
    const { id } = sent.body;
    const put = await api.put(`${X}/messages/${id}`, { body: "See the new invoice" });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ id, body: "See the new invoice", attachments: [] });
    expect((await api.get(`${X}/messages/${id}`)).body.attachments).toEqual([]);
    expect((await eventsFor(server, id)).map((e) => e.event_type)).toEqual([
      "message.created",
      "message.updated",
    ]);
    expect((await activityFor(server, id)).map((a) => a.action)).toEqual(["created", "updated"]);
    await api.put(`${X}/messages/${id}`, { body: "See the new invoice" });
    expect(await eventsFor(server, id)).toHaveLength(2);
    expect422(await api.put(`${X}/messages/${id}`, { attachments: [] }), "/body");
  });

  test("customers: as PUT /contacts/{id}, the external id kept", async () => {
    const made = await api.post(`${X}/customers/identify`, {
      email: "cy@example.com",
      name: "Cy Young",
      phone: "+1 555 0100",
      external_id: "cy-1",
    });
    const { id } = made.body;
    const put = await api.put(`${X}/customers/${id}`, { first_name: "Cyrus" });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      id,
      first_name: "Cyrus",
      last_name: null,
      email: [],
      primary_email: null,
      external_id: "cy-1",
    });
    expect((await eventsFor(server, id)).map((e) => e.event_type)).toEqual([
      "contact.created",
      "contact.updated",
    ]);
    expect((await activityFor(server, id)).map((a) => a.action)).toEqual(["created", "updated"]);
    await api.put(`${X}/customers/${id}`, { first_name: "Cyrus" });
    expect(await eventsFor(server, id)).toHaveLength(2);
    // the result must still be a customer one can identify
    expect422(await api.put(`${X}/customers/${id}`, { title: "x" }), "/");
  });

  test("scopes: a read key gets 403, and nothing is written", async () => {
    const { id } = await open();
    const msg = (await api.post(`${X}/messages`, { conversation_id: id, body: "hi" })).body;
    const reader = await server.keyFor(tenantId, [
      "conversations:read",
      "messages:read",
      "contacts:read",
    ]);
    const puts = [
      reader.put(`${X}/conversations/${id}`, { status: "closed" }),
      reader.put(`${X}/messages/${msg.id}`, { body: "changed" }),
      reader.put(`${X}/customers/${customer}`, { first_name: "Changed" }),
    ];
    expect((await Promise.all(puts)).map((r) => r.status)).toEqual([403, 403, 403]);
    const writer = await server.keyFor(tenantId, ["conversations:write"]);
    expect((await writer.put(`${X}/messages/${msg.id}`, { body: "changed" })).status).toBe(403);
    expect((await api.get(`${X}/conversations/${id}`)).body.status).toBe("pending");
    expect((await api.get(`${X}/messages/${msg.id}`)).body.body).toBe("hi");
  });

  test("another tenant's ids are 404, and stay as they were", async () => {
    const { id } = await open();
    const msg = (await api.post(`${X}/messages`, { conversation_id: id, body: "hi" })).body;
    const puts = [
      other.put(`${X}/conversations/${id}`, { status: "closed" }),
      other.put(`${X}/messages/${msg.id}`, { body: "changed" }),
      other.put(`${X}/customers/${customer}`, { first_name: "Changed" }),
    ];
    expect((await Promise.all(puts)).map((r) => r.status)).toEqual([404, 404, 404]);
    expect((await api.get(`${X}/conversations/${id}`)).body.subject).toBe("Refund");
    expect((await api.get(`${X}/customers/${customer}`)).body.first_name).toBe("Ann");
  });
});
