import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import { eq } from "drizzle-orm";
import { type Channel, Presence, Socket } from "phoenix";
import { apiKeys } from "../db/schema";
import { PresenceTracker } from "../plugins/live/presence";
import { ManualClock } from "../src/clock";
import type { WebhookDispatcher } from "../src/core";
import { type HranaServer, startHranaServer } from "./helpers/hrana-server";
import { Api, startTestServer, type TestServer } from "./helpers/server";
import { useTestServer } from "./helpers/suite";
import { type Receiver, startReceiver } from "./webhook-receiver";

const X = "/api/external";
const server = useTestServer({ config: { rateLimit: 100_000 } });
let api: Api;
let key: string;
let tenantId: string;
let conversation: string;
let receiver: Receiver;
const sockets: Socket[] = [];

beforeAll(async () => {
  ({ api, key, tenantId } = await server.tenant());
  const customer = (await api.post(`${X}/customers/identify`, { email: "c@example.com" })).body.id;
  conversation = (await api.post(`${X}/conversations`, { customer_id: customer })).body.id;
  receiver = startReceiver();
});
afterAll(() => {
  for (const socket of sockets) socket.disconnect();
  receiver.close();
});

/** A `phoenix` client socket, as a seed 003 inbox opens it. */
function connect(url: string, params: Record<string, string> = { token: key }): Socket {
  const socket = new Socket(`${url.replace(/^http/, "ws")}/socket`, { params });
  socket.connect();
  sockets.push(socket);
  return socket;
}

/** Joins; resolves with the reply's status and response (ok or error). */
function join(channel: Channel): Promise<{ status: string; response: any }> {
  return new Promise((resolve) => {
    channel
      .join()
      .receive("ok", (response) => resolve({ status: "ok", response }))
      .receive("error", (response) => {
        channel.leave();
        resolve({ status: "error", response });
      });
  });
}

function push(
  channel: Channel,
  event: string,
  payload: object,
): Promise<{ status: string; response: any }> {
  return new Promise((resolve) => {
    channel
      .push(event, payload)
      .receive("ok", (response) => resolve({ status: "ok", response }))
      .receive("error", (response) => resolve({ status: "error", response }))
      .receive("timeout", () => resolve({ status: "timeout", response: null }));
  });
}

/** Collects a channel's events of one name. */
function collect(channel: Channel, event: string): any[] {
  const seen: any[] = [];
  channel.on(event, (payload) => {
    seen.push(payload);
  });
  return seen;
}

/** The payloads of the server's phx_close on `channels` (not the client's own leave). */
function closesOf(...channels: Channel[]): unknown[] {
  const closes: unknown[] = [];
  for (const channel of channels)
    channel.onClose((payload: unknown) => {
      if (payload !== "leave") closes.push(payload);
    });
  return closes;
}

/** Posts a message and waits until a socket of a valid key hears it; returns its id. */
async function heardElsewhere(url: string, conversationId: string, body: string, as = key) {
  const watcher = connect(url, { token: as }).channel(`conversation:${conversationId}`, {});
  const heard = collect(watcher, "shout");
  expect((await join(watcher)).status).toBe("ok");
  const sent = await new Api(url, { "x-api-key": as }).post(`${X}/messages`, {
    conversation_id: conversationId,
    body,
  });
  expect(sent.status).toBe(201);
  await until(() => heard.some((s) => s.id === sent.body.id), "the watcher hears it");
  watcher.leave();
  return sent.body.id as string;
}

async function until(predicate: () => boolean, what: string, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`not met: ${what}`);
    await Bun.sleep(10);
  }
}

describe("conversation channel", () => {
  test("join, presence, shout through the service, typing to the others", async () => {
    const agent = connect(server.url).channel(`conversation:${conversation}`, { name: "maria" });
    const agentPresence = new Presence(agent);
    const shouts = collect(agent, "shout");
    const typing = collect(agent, "typing");
    expect((await join(agent)).status).toBe("ok");

    const other = connect(server.url).channel(`conversation:${conversation}`, { name: "li" });
    const otherShouts = collect(other, "shout");
    const otherTyping = collect(other, "typing");
    expect((await join(other)).status).toBe("ok");
    await until(() => agentPresence.list().length === 2, "both present");
    expect(agentPresence.list((id) => id).sort()).toEqual(["agent:li", "agent:maria"]);

    const sent = await push(other, "shout", {
      body: "Hello!",
      sent_at: "2026-03-01T10:00:00.000Z",
    });
    expect(sent.status).toBe("ok");
    expect(sent.response).toMatchObject({
      body: "Hello!",
      author_type: "agent",
      conversation_id: conversation,
    });
    await until(() => shouts.length === 1 && otherShouts.length === 1, "shout broadcast");
    expect(shouts[0]).toMatchObject({ id: sent.response.id, body: "Hello!" });
    const listed = await api.get(`${X}/messages?conversation_id=${conversation}`);
    expect(listed.body.messages.map((m: { id: string }) => m.id)).toContain(sent.response.id);

    expect((await push(other, "typing", { typing: true })).status).toBe("ok");
    await until(() => typing.length === 1, "typing");
    expect(typing[0]).toMatchObject({ typing: true, type: "agent", name: "li" });
    expect(otherTyping).toEqual([]);

    other.leave();
    await until(() => agentPresence.list().length === 1, "presence leave");

    // A socket that drops without leaving is gone from presence too.
    const dropped = connect(server.url);
    await join(dropped.channel(`conversation:${conversation}`, { name: "sam" }));
    await until(() => agentPresence.list().length === 2, "sam present");
    dropped.disconnect();
    await until(() => agentPresence.list().length === 1, "presence after a dropped socket");
    expect(agentPresence.list((id) => id)).toEqual(["agent:maria"]);
  });

  test("a shout as seed 003 writes it (body, customer_id, sent_at) is stored", async () => {
    const customerId = (await api.get(`${X}/conversations/${conversation}`)).body.customer_id;
    const channel = connect(server.url).channel(`conversation:${conversation}`, {});
    expect((await join(channel)).status).toBe("ok");
    const sentAt = new Date().toISOString();
    const sent = await push(channel, "shout", {
      body: "Hello!",
      customer_id: customerId,
      sent_at: sentAt,
    });
    expect(sent.status).toBe("ok");
    expect(sent.response).toMatchObject({
      body: "Hello!",
      customer_id: customerId,
      sent_at: sentAt,
    });
    // Other fields are refused, as POST /messages refuses them, whatever ran first in the process.
    const unknown = await push(channel, "shout", { body: "x", unknown_field: 1 });
    expect(unknown.response.reason).toMatch(/^invalid payload: \/unknown_field/);
    expect(
      (
        await api.post(`${X}/messages`, {
          conversation_id: conversation,
          body: "x",
          unknown_field: 1,
        })
      ).status,
    ).toBe(422);
    channel.leave();
  });

  test("a shout refused for its payload says what to fix at which field, as POST /messages does", async () => {
    const channel = connect(server.url).channel(`conversation:${conversation}`, {});
    expect((await join(channel)).status).toBe("ok");
    const cases: Array<[unknown, string]> = [
      ["   ", "must not be blank"],
      ["x".repeat(100_001), "must be at most 100000 characters"],
    ];
    for (const [body, message] of cases) {
      const refused = await push(channel, "shout", { body });
      expect(refused).toEqual({
        status: "error",
        response: {
          reason: `invalid payload: /body ${message}`,
          code: "VALIDATION_ERROR",
          errors: [{ path: "/body", message }],
        },
      });
      const http = await api.post(`${X}/messages`, { conversation_id: conversation, body });
      expect(http.body.errors).toEqual([{ path: "/body", message }]);
    }
    channel.leave();
  });

  test("presence comes after the join reply, as Phoenix sends it", async () => {
    const channel = connect(server.url).channel(`conversation:${conversation}`, { name: "ines" });
    const states: any[] = [];
    const diffs: any[] = [];
    await new Promise<void>((resolve) =>
      channel.join().receive("ok", () => {
        // A client that listens once it has joined still gets its presence state and join.
        channel.on("presence_state", (state) => {
          states.push(state);
        });
        channel.on("presence_diff", (diff) => {
          diffs.push(diff);
        });
        resolve();
      }),
    );
    await until(() => states.length === 1 && diffs.length === 1, "presence after the join reply");
    expect(Object.keys(diffs[0].joins)).toEqual(["agent:ines"]);
    channel.leave();
  });

  test("a pushed message fires message.created webhooks", async () => {
    const created = await api.post(`${X}/webhooks`, {
      url: receiver.url("/live"),
      events: ["message.created"],
    });
    expect(created.status).toBe(201);
    const channel = connect(server.url).channel(`conversation:${conversation}`, {});
    await join(channel);
    const sent = await push(channel, "shout", { body: "for the webhook" });
    const dispatcher = server.ctx.workers.find(
      (w) => w.name === "webhook-dispatcher",
    ) as WebhookDispatcher;
    await dispatcher.drain();
    await receiver.waitFor(() =>
      receiver.received.some((r) => r.json?.data?.id === sent.response.id),
    );
    const delivered = receiver.received.find((r) => r.json?.data?.id === sent.response.id);
    expect(delivered?.json.event_type).toBe("message.created");
  });

  test("after a dropped connection the client rejoins, and reads what it missed with since", async () => {
    // The client waits to reconnect until the missed message is written, however long that takes.
    let offline = true;
    const socket = new Socket(`${server.url.replace(/^http/, "ws")}/socket`, {
      params: { token: key },
      reconnectAfterMs: () => (offline ? 60_000 : 20),
      rejoinAfterMs: () => 20,
    });
    socket.connect();
    sockets.push(socket);
    const channel = socket.channel(`conversation:${conversation}`, {});
    const shouts = collect(channel, "shout");
    let joins = 0;
    channel.join().receive("ok", () => joins++);
    await until(() => joins === 1, "joined");
    const before = await api.post(`${X}/messages`, { conversation_id: conversation, body: "1" });
    await until(() => shouts.some((s) => s.id === before.body.id), "heard before the drop");
    const lastHeard = shouts.at(-1).updated_at;
    const conn = (socket as unknown as { conn: WebSocket }).conn;
    conn.close();
    // Closed, not just closing: the server has the close frame and sends nothing more.
    await until(() => conn.readyState === WebSocket.CLOSED, "dropped");
    // Heard by another socket first: the relay has sent it (on PostgreSQL it polls the outbox),
    // so a rejoin that came sooner cannot have heard it late.
    const missed = { body: { id: await heardElsewhere(server.url, conversation, "2") } };
    offline = false;
    // Back online: the client's own reconnect timer, brought forward.
    (
      socket as unknown as { reconnectTimer: { scheduleTimeout(): void } }
    ).reconnectTimer.scheduleTimeout();
    await until(() => joins === 2, "rejoined by itself");
    const after = await api.post(`${X}/messages`, { conversation_id: conversation, body: "3" });
    await until(() => shouts.some((s) => s.id === after.body.id), "heard after the rejoin");
    expect(shouts.map((s) => s.id)).not.toContain(missed.body.id);
    const caughtUp = await api.get(
      `${X}/messages?conversation_id=${conversation}&since=${encodeURIComponent(lastHeard)}`,
    );
    const ids = caughtUp.body.messages.map((m: { id: string }) => m.id);
    expect(ids.slice(-3)).toEqual([before.body.id, missed.body.id, after.body.id]);
    channel.leave();
  });

  test("messages:seen marks the customer's messages and tells the channel", async () => {
    await api.post(`${X}/messages`, {
      conversation_id: conversation,
      body: "from customer",
      author_type: "customer",
    });
    const channel = connect(server.url).channel(`conversation:${conversation}`, {});
    const seen = collect(channel, "messages:seen");
    await join(channel);
    const reply = await push(channel, "messages:seen", {});
    expect(reply.status).toBe("ok");
    expect(reply.response.message_ids.length).toBeGreaterThan(0);
    await until(() => seen.length === reply.response.message_ids.length, "seen broadcast");
    expect((await api.get(`${X}/conversations/${conversation}`)).body.unread_count).toBe(0);
  });

  test("messages:seen with up_to marks up to that message in thread order, ties by id", async () => {
    const { api: own, key: ownKey } = await server.tenant();
    const who = (await own.post(`${X}/customers/identify`, { email: "t@example.com" })).body.id;
    const id = (await own.post(`${X}/conversations`, { customer_id: who })).body.id;
    const same = "2026-02-20T09:00:00.000Z";
    for (const body of ["one", "two", "three"])
      await own.post(`${X}/messages`, {
        conversation_id: id,
        body,
        author_type: "customer",
        sent_at: same,
      });
    const listed = await own.get(`${X}/messages?conversation_id=${id}`);
    const thread: string[] = listed.body.messages.map((m: { id: string }) => m.id).reverse();
    const channel = connect(server.url, { token: ownKey }).channel(`conversation:${id}`, {});
    await join(channel);
    const reply = await push(channel, "messages:seen", { up_to: thread[1] });
    expect(reply.status).toBe("ok");
    expect(reply.response.message_ids).toEqual(thread.slice(0, 2));
    const refused = await push(channel, "messages:seen", { up_to: "no-such-message" });
    expect(refused.status).toBe("error");
    expect(refused.response).toMatchObject({ code: "VALIDATION_ERROR" });
    expect((await own.get(`${X}/conversations/${id}`)).body.unread_count).toBe(1);
    channel.leave();
  });
});

describe("notification channel", () => {
  test("agents get new conversations, updates and messages of their tenant", async () => {
    const channel = connect(server.url).channel(`notification:${tenantId}`, {});
    const created = collect(channel, "conversation:created");
    const updated = collect(channel, "conversation:updated");
    const messages = collect(channel, "message:created");
    expect((await join(channel)).status).toBe("ok");
    const customer = (await api.post(`${X}/customers/identify`, { email: "n@example.com" })).body
      .id;
    const id = (await api.post(`${X}/conversations`, { customer_id: customer })).body.id;
    await api.patch(`${X}/conversations/${id}`, { status: "pending" });
    await api.post(`${X}/messages`, { conversation_id: id, body: "new", author_type: "customer" });
    await until(
      () => created.length === 1 && updated.length === 2 && messages.length === 1,
      "notifications",
    );
    // The customer's message reopens the pending conversation.
    expect(updated).toMatchObject([
      { id, status: "pending" },
      { id, status: "open" },
    ]);
    const { api: stranger } = await server.tenant();
    const foreignCustomer = (
      await stranger.post(`${X}/customers/identify`, { email: "s@example.com" })
    ).body.id;
    await stranger.post(`${X}/conversations`, { customer_id: foreignCustomer });
    await api.post(`${X}/messages`, { conversation_id: id, body: "marker" });
    await until(() => messages.length === 2, "marker");
    expect(created.length).toBe(1);
  });
});

describe("archived conversations coming back", () => {
  /** A team socket on the tenant's inbox and on the conversation, each collecting conversation:updated. */
  async function watch(id: string) {
    const socket = connect(server.url);
    const inbox = socket.channel(`notification:${tenantId}`, {});
    const topic = socket.channel(`conversation:${id}`, {});
    const heard = {
      inbox: collect(inbox, "conversation:updated"),
      topic: collect(topic, "conversation:updated"),
    };
    expect((await join(inbox)).status).toBe("ok");
    expect((await join(topic)).status).toBe("ok");
    return heard;
  }

  async function archived() {
    const customer = (await api.post(`${X}/customers/identify`, { email: "a@example.com" })).body
      .id;
    const id = (await api.post(`${X}/conversations`, { customer_id: customer })).body.id as string;
    expect((await api.post(`${X}/conversations/${id}/archive`)).body.archived).toBe(true);
    return id;
  }

  const unarchivedOf = (id: string) => (c: { id: string; archived: boolean }) =>
    c.id === id && c.archived === false;

  test("POST /conversations/{id}/unarchive reaches the inbox and the conversation's topic", async () => {
    const id = await archived();
    const heard = await watch(id);
    expect((await api.post(`${X}/conversations/${id}/unarchive`)).status).toBe(200);
    await until(
      () => heard.inbox.some(unarchivedOf(id)) && heard.topic.some(unarchivedOf(id)),
      "conversation:updated with archived false on both topics",
    );
    expect(heard.topic.find(unarchivedOf(id))).toMatchObject({
      id,
      archived: false,
      archived_at: null,
    });
  });

  test("a customer's reply to an archived conversation reaches them unarchived", async () => {
    // Still open: the reply's one conversation event is conversation.unarchived.
    const id = await archived();
    const heard = await watch(id);
    const reply = await api.post(`${X}/messages`, {
      conversation_id: id,
      body: "It broke again",
      author_type: "customer",
    });
    expect(reply.status).toBe(201);
    await until(
      () =>
        [heard.inbox, heard.topic].every((seen) =>
          seen.some((c) => c.id === id && c.archived === false && c.status === "open"),
        ),
      "conversation:updated, unarchived and open, on both topics",
    );
    expect(heard.inbox.find(unarchivedOf(id))).toMatchObject({ id, archived: false });
  });
});

describe("authorization and bad input", () => {
  test("joins need a valid token, the right scope and the key's own tenant", async () => {
    const { api: stranger, tenantId: strangerTenant } = await server.tenant();
    const foreign = (await stranger.post(`${X}/customers/identify`, { email: "f@example.com" }))
      .body.id;
    const foreignConversation = (
      await stranger.post(`${X}/conversations`, { customer_id: foreign })
    ).body.id;
    const socket = connect(server.url);
    expect(
      (await join(socket.channel(`conversation:${foreignConversation}`, {}))).response.reason,
    ).toBe("not found");
    expect((await join(socket.channel(`notification:${strangerTenant}`, {}))).response.reason).toBe(
      "unauthorized",
    );
    expect((await join(socket.channel("rooms:lobby", {}))).response.reason).toBe("unmatched topic");
    const anonymous = connect(server.url, {});
    expect(
      (await join(anonymous.channel(`conversation:${conversation}`, {}))).response.reason,
    ).toBe("unauthorized");
    expect(
      (await join(anonymous.channel(`conversation:${conversation}`, { token: key }))).status,
    ).toBe("ok");
    const reader = await server.keyFor(tenantId, ["conversations:read"]);
    const readOnly = connect(server.url, { token: reader.headers["x-api-key"] }).channel(
      `conversation:${conversation}`,
      {},
    );
    expect((await join(readOnly)).status).toBe("ok");
    expect((await push(readOnly, "shout", { body: "no" })).response.reason).toBe("unauthorized");
    const noScope = await server.keyFor(tenantId, ["deals:read"]);
    const denied = connect(server.url, { token: noScope.headers["x-api-key"] });
    expect((await join(denied.channel(`conversation:${conversation}`, {}))).response.reason).toBe(
      "unauthorized",
    );
  });

  test("a key without messages:read hears its conversations change but no messages, as over HTTP", async () => {
    const reader = (await server.keyFor(tenantId, ["conversations:read"])).headers["x-api-key"];
    expect((await new Api(server.url, { "x-api-key": reader }).get(`${X}/messages`)).status).toBe(
      403,
    );
    const socket = connect(server.url, { token: reader });
    const channel = socket.channel(`conversation:${conversation}`, {});
    const inbox = socket.channel(`notification:${tenantId}`, {});
    const heard = [
      ...["shout", "message:updated", "message:deleted", "messages:seen"].map((event) =>
        collect(channel, event),
      ),
      collect(inbox, "message:created"),
    ];
    const updates = [
      collect(channel, "conversation:updated"),
      collect(inbox, "conversation:updated"),
    ];
    expect((await join(channel)).status).toBe("ok");
    expect((await join(inbox)).status).toBe("ok");
    const sent = await api.post(`${X}/messages`, {
      conversation_id: conversation,
      body: "card ending 4242",
      author_type: "customer",
    });
    await api.patch(`${X}/messages/${sent.body.id}`, { body: "card ending ****" });
    await api.post(`${X}/conversations/${conversation}/seen`, {});
    await api.delete(`${X}/messages/${sent.body.id}`);
    // The conversation's own change comes after the message events, in commit order.
    await api.patch(`${X}/conversations/${conversation}`, { priority: "high" });
    await until(() => updates.every((u) => u.length === 1), "the conversation updates");
    expect(heard.flat()).toEqual([]);
    await api.patch(`${X}/conversations/${conversation}`, { priority: "medium" });
    channel.leave();
    inbox.leave();
  });

  test("a key's writes over the channel count against its rate limit, as its HTTP requests do", async () => {
    const limited = await server.keyFor(tenantId, ["conversations:read", "messages:write"], {
      rate_limit: 3,
    });
    const channel = connect(server.url, { token: limited.headers["x-api-key"] }).channel(
      `conversation:${conversation}`,
      {},
    );
    expect((await join(channel)).status).toBe("ok");
    const replies = [];
    for (let i = 0; i < 3; i++) replies.push(await push(channel, "shout", { body: `burst ${i}` }));
    replies.push(await push(channel, "messages:seen", {}));
    expect(replies.map((r) => r.status)).toEqual(["ok", "ok", "ok", "error"]);
    expect(replies[3].response.code).toBe("RATE_LIMITED");
    expect((await limited.get(`${X}/conversations/${conversation}`)).status).toBe(429);
    // Typing writes nothing and has no HTTP counterpart: a team sharing one key keeps it.
    expect((await push(channel, "typing", { typing: true })).status).toBe("ok");
    channel.leave();
  });

  test("a key made by a key spends its maker's budget over the channel too", async () => {
    const maker = await server.keyFor(
      tenantId,
      ["keys:manage", "conversations:read", "messages:write"],
      { rate_limit: 4 },
    );
    // One minute's window for the whole test.
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 5_000) await Bun.sleep(left + 50);
    const made = await maker.post(`${X}/api-keys`, {
      name: "made by a key",
      permissions: ["conversations:read", "messages:write"],
      rate_limit: 4,
    }); // the maker's window: 1
    expect(made.status).toBe(201);
    const channel = connect(server.url, { token: made.body.key }).channel(
      `conversation:${conversation}`,
      {},
    );
    expect((await join(channel)).status).toBe("ok");
    const replies = [];
    for (let i = 0; i < 4; i++) replies.push(await push(channel, "shout", { body: `made ${i}` }));
    // Its own window holds 4, but the maker's 4 are spent by the 4th push.
    expect(replies.map((r) => r.status)).toEqual(["ok", "ok", "ok", "error"]);
    expect(replies[3].response.code).toBe("RATE_LIMITED");
    expect((await maker.get(`${X}/conversations/${conversation}`)).status).toBe(429);
    channel.leave();
  });

  test("a key revoked while its socket is open is closed out of its topics and hears no more", async () => {
    const created = await server.admin.post(`/api/external/api-keys?tenant_id=${tenantId}`, {
      name: "inbox tab",
      permissions: ["conversations:read", "messages:write"],
    });
    expect(created.status).toBe(201);
    const socket = connect(server.url, { token: created.body.key });
    const channel = socket.channel(`conversation:${conversation}`, {});
    const inbox = socket.channel(`notification:${tenantId}`, {});
    const shouts = collect(channel, "shout");
    const notified = collect(inbox, "message:created");
    const closes = closesOf(channel, inbox);
    expect((await join(channel)).status).toBe("ok");
    expect((await join(inbox)).status).toBe("ok");
    const revoked = await server.admin.delete(
      `/api/external/api-keys/${created.body.id}?tenant_id=${tenantId}`,
    );
    expect(revoked.status).toBe(200);
    await until(() => closes.length === 2, "both topics closed", 3000);
    expect(closes).toEqual([{ reason: "unauthorized" }, { reason: "unauthorized" }]);
    const sent = await heardElsewhere(server.url, conversation, "after the revocation");
    // The client does not rejoin a topic the server closed (its first rejoin would come after 1 s).
    await Bun.sleep(1200);
    expect(shouts.map((s) => s.id)).not.toContain(sent);
    expect(notified.map((m) => m.id)).not.toContain(sent);
    expect([channel.state, inbox.state]).toEqual(["closed", "closed"]);
    const rejoin = socket.channel(`notification:${tenantId}`, {});
    expect((await join(rejoin)).response.reason).toBe("unauthorized");
  });

  test("the client's authToken option (Sec-WebSocket-Protocol) authenticates the socket", async () => {
    const socket = new Socket(`${server.url.replace(/^http/, "ws")}/socket`, { authToken: key });
    socket.connect();
    sockets.push(socket);
    expect((await join(socket.channel(`conversation:${conversation}`, {}))).status).toBe("ok");
  });

  test("a bad token at connect refuses the upgrade", async () => {
    const response = await fetch(`${server.url}/socket/websocket?vsn=2.0.0&token=elk_nope`, {
      headers: {
        upgrade: "websocket",
        connection: "Upgrade",
        "sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ==",
        "sec-websocket-version": "13",
      },
    });
    expect(response.status).toBe(403);
  });

  test("malformed frames, unknown events and oversized payloads get error replies; the socket lives on", async () => {
    const ws = new WebSocket(
      `${server.url.replace(/^http/, "ws")}/socket/websocket?vsn=2.0.0&token=${key}`,
    );
    const frames: any[] = [];
    ws.onmessage = (event) => frames.push(JSON.parse(String(event.data)));
    await new Promise((resolve) => (ws.onopen = resolve));
    const replyTo = async (ref: string) => {
      await until(() => frames.some((f) => f[1] === ref), `reply ${ref}`);
      return frames.find((f) => f[1] === ref);
    };
    ws.send("not json");
    ws.send(JSON.stringify({ event: "phx_join" }));
    ws.send(JSON.stringify(["1", "1", "rooms", 42, {}]));
    await until(() => frames.length === 3, "three malformed replies");
    expect(frames.every((f) => f[3] === "phx_reply" && f[4].status === "error")).toBe(true);
    ws.send(JSON.stringify(["2", "2", `conversation:${conversation}`, "phx_join", {}]));
    expect((await replyTo("2"))[4].status).toBe("ok");
    ws.send(JSON.stringify(["2", "3", `conversation:${conversation}`, "dance", {}]));
    expect((await replyTo("3"))[4].response.reason).toBe("unknown event");
    ws.send(
      JSON.stringify([
        "2",
        "4",
        `conversation:${conversation}`,
        "shout",
        { body: "x".repeat(300_000) },
      ]),
    );
    expect((await replyTo("4"))[4].response.reason).toBe("payload too large");
    ws.send(JSON.stringify(["2", "5", `conversation:${conversation}`, "shout", { body: 7 }]));
    expect((await replyTo("5"))[4].response.reason).toMatch(/^invalid payload: \/body/);
    ws.send(JSON.stringify(["9", "6", "conversation:other", "shout", { body: "x" }]));
    expect((await replyTo("6"))[4].response.reason).toBe("unmatched topic");
    ws.send(JSON.stringify([null, "7", "phoenix", "heartbeat", {}]));
    expect((await replyTo("7"))[4]).toEqual({ status: "ok", response: {} });
    ws.close();
  });
});

describe("several instances", () => {
  let dir: string;
  const started: TestServer[] = [];
  beforeAll(() => {
    dir = mkdtempSync(joinPath(tmpdir(), "crmd-live-"));
  });
  afterAll(async () => {
    for (const s of started) await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("a message written through instance A reaches a channel on instance B", async () => {
    const a = await startTestServer({ dir });
    started.push(a);
    const b = await startTestServer({ dir });
    started.push(b);
    const { api: onA, key: shared } = await a.tenant();
    const customer = (await onA.post(`${X}/customers/identify`, { email: "ab@example.com" })).body
      .id;
    const id = (await onA.post(`${X}/conversations`, { customer_id: customer })).body.id;
    const channel = connect(b.url, { token: shared }).channel(`conversation:${id}`, {});
    const shouts = collect(channel, "shout");
    expect((await join(channel)).status).toBe("ok");
    const sent = await onA.post(`${X}/messages`, { conversation_id: id, body: "across" });
    await until(() => shouts.length === 1, "cross-instance shout", 3000);
    expect(shouts[0].id).toBe(sent.body.id);
  });
});

describe("an instance learns of another's revocations and scope changes", () => {
  let dir: string;
  let a: TestServer;
  let b: TestServer;
  // B's key cache expires when its clock moves (10 s on one SQLite file, 0.5 s on PostgreSQL).
  const clockB = new ManualClock();
  const started: TestServer[] = [];
  let tenant: string;
  let admin: string;
  let id: string;
  beforeAll(async () => {
    dir = mkdtempSync(joinPath(tmpdir(), "crmd-live-keys-"));
    a = await startTestServer({ dir });
    started.push(a);
    b = await startTestServer({ dir, clock: clockB });
    started.push(b);
    ({ tenantId: tenant, key: admin } = await a.tenant());
    const onA = new Api(a.url, { "x-api-key": admin });
    const customer = (await onA.post(`${X}/customers/identify`, { email: "k@example.com" })).body
      .id;
    id = (await onA.post(`${X}/conversations`, { customer_id: customer })).body.id;
  });
  afterAll(async () => {
    for (const s of started) await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function keyOnA(permissions: string[]) {
    const created = await a.admin.post(`${X}/api-keys?tenant_id=${tenant}`, {
      name: "inbox tab",
      permissions,
    });
    expect(created.status).toBe(201);
    return created.body as { id: string; key: string };
  }

  /** A socket on B with `token`, joined to the conversation and the inbox. */
  async function joinedOnB(token: string) {
    const socket = connect(b.url, { token });
    const channel = socket.channel(`conversation:${id}`, {});
    const inbox = socket.channel(`notification:${tenant}`, {});
    const shouts = collect(channel, "shout");
    const notified = collect(inbox, "message:created");
    const closes = closesOf(channel, inbox);
    expect((await join(channel)).status).toBe("ok");
    expect((await join(inbox)).status).toBe("ok");
    return { channel, heard: () => [...shouts, ...notified], closes };
  }

  const setPermissions = (keyId: string, permissions: string[]) =>
    a.ctx.write((tx) => tx.update(apiKeys).set({ permissions }).where(eq(apiKeys.id, keyId)));

  test("a key revoked on A is closed out of its topics on B", async () => {
    const created = await keyOnA(["conversations:read", "messages:write"]);
    const { heard, closes } = await joinedOnB(created.key);
    const revoked = await a.admin.delete(`${X}/api-keys/${created.id}?tenant_id=${tenant}`);
    expect(revoked.status).toBe(200);
    clockB.advance(11_000);
    await until(() => closes.length === 2, "both topics closed on B", 3000);
    const sent = await heardElsewhere(b.url, id, "after the revocation on A", admin);
    expect(heard().map((m) => m.id)).not.toContain(sent);
  });

  test("a key's scopes changed in the database apply to the topics it has joined", async () => {
    const created = await keyOnA(["conversations:read", "messages:write"]);
    const { channel, heard, closes } = await joinedOnB(created.key);
    await setPermissions(created.id, ["conversations:read"]);
    clockB.advance(11_000);
    expect((await push(channel, "shout", { body: "no longer allowed" })).response).toEqual({
      reason: "unauthorized",
    });
    await setPermissions(created.id, ["deals:read"]);
    clockB.advance(11_000);
    await until(() => closes.length === 2, "both topics closed on B", 3000);
    const sent = await heardElsewhere(b.url, id, "after the scope change", admin);
    expect(heard().map((m) => m.id)).not.toContain(sent);
  });
});

/** A server on a database that answers over the network, with one conversation: each join waits on it. */
async function onRemoteDatabase(
  work: (remote: {
    hrana: HranaServer;
    url: string;
    api: Api;
    key: string;
    conversation: string;
  }) => Promise<void>,
) {
  const dir = mkdtempSync(joinPath(tmpdir(), "crmd-live-remote-"));
  const hrana = startHranaServer(joinPath(dir, "remote.db"));
  const remote = await startTestServer({ config: { databaseUrl: hrana.url } });
  try {
    const { api, key } = await remote.tenant();
    const customer = (await api.post(`${X}/customers/identify`, { email: "q@example.com" })).body
      .id;
    const conversation = (await api.post(`${X}/conversations`, { customer_id: customer })).body.id;
    await work({ hrana, url: remote.url, api, key, conversation });
  } finally {
    await remote.close();
    hrana.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("a socket that closes while its join is under way", () => {
  test("leaves no presence behind, on a database that answers over the network", async () => {
    await onRemoteDatabase(async ({ url: remoteUrl, key: remoteKey, conversation: id }) => {
      const url = `${remoteUrl.replace(/^http/, "ws")}/socket/websocket?vsn=2.0.0&token=${remoteKey}`;
      for (const name of ["gone1", "gone2", "gone3"]) {
        const ws = new WebSocket(url);
        await new Promise((resolve) => (ws.onopen = resolve));
        // The join's reads are still in flight when the close arrives.
        ws.send(JSON.stringify(["1", "1", `conversation:${id}`, "phx_join", { name }]));
        ws.close();
      }
      const channel = connect(remoteUrl, { token: remoteKey }).channel(`conversation:${id}`, {
        name: "here",
      });
      const presence = new Presence(channel);
      expect((await join(channel)).status).toBe("ok");
      await until(
        () => presence.list((key) => key).join() === "agent:here",
        "only the open socket present",
      );
      channel.leave();
    });
  }, 20_000);
});

describe("the relay from the outbox to the sockets", () => {
  test("starts on a later join when the database could not be read at the first", async () => {
    await onRemoteDatabase(async ({ hrana, url, api: onRemote, key: remoteKey, conversation }) => {
      const topic = `conversation:${conversation}`;
      hrana.refuse(/max\("seq"\)\s+from\s+"outbox_events"/i);
      try {
        const early = connect(url, { token: remoteKey }).channel(topic, {});
        expect((await join(early)).status).toBe("error");
      } finally {
        hrana.refuse(null);
      }
      const channel = connect(url, { token: remoteKey }).channel(topic, {});
      const shouts = collect(channel, "shout");
      expect((await join(channel)).status).toBe("ok");
      const posted = await onRemote.post(`${X}/messages`, {
        conversation_id: conversation,
        body: "back",
      });
      await until(() => shouts.length === 1, "the message relayed");
      expect(shouts[0].id).toBe(posted.body.id);
      channel.leave();
    });
  }, 20_000);
});

describe("a team socket after its key ends", () => {
  // The recheck of open sockets reads keys through a cache that lasts while this clock stands still:
  // only the check as events are sent can keep them from a key that ended.
  const clock = new ManualClock();
  let s: TestServer;
  let tenant: string;
  let control: Api;
  let controlKey: string;
  let id: string;
  beforeAll(async () => {
    s = await startTestServer({ clock, config: { rateLimit: 100_000 } });
    ({ tenantId: tenant, api: control, key: controlKey } = await s.tenant());
    const customer = (await control.post(`${X}/customers/identify`, { email: "e@example.com" }))
      .body.id;
    id = (await control.post(`${X}/conversations`, { customer_id: customer })).body.id;
  });
  afterAll(() => s.close());

  /** A socket of `token` joined to the conversation and the inbox, with what it hears. */
  async function joined(token: string) {
    const socket = connect(s.url, { token });
    const channel = socket.channel(`conversation:${id}`, {});
    const inbox = socket.channel(`notification:${tenant}`, {});
    const shouts = collect(channel, "shout");
    const notified = collect(inbox, "message:created");
    const closes = closesOf(channel, inbox);
    expect((await join(channel)).status).toBe("ok");
    expect((await join(inbox)).status).toBe("ok");
    return {
      heard: () => [...shouts, ...notified].map((m) => m.id as string),
      closes,
      /** A round trip on the socket: its reply comes after every frame sent to it before. */
      roundTrip: () => join(socket.channel(`notification:${crypto.randomUUID()}`, {})),
    };
  }

  async function keyOf(options: Record<string, unknown> = {}) {
    const created = await s.admin.post(`${X}/api-keys?tenant_id=${tenant}`, {
      name: "inbox tab",
      permissions: ["conversations:read", "messages:read"],
      ...options,
    });
    expect(created.status).toBe(201);
    return created.body as { id: string; key: string };
  }

  /** A message committed now; resolves once a socket of a valid key heard it (so every socket was sent it, or not). */
  async function answer(watcher: Awaited<ReturnType<typeof joined>>, body: string) {
    const sent = await control.post(`${X}/messages`, { conversation_id: id, body });
    expect(sent.status).toBe(201);
    await until(() => watcher.heard().includes(sent.body.id), "the valid key's socket hears it");
    return sent.body.id as string;
  }

  test("an event committed after the key expired never reaches its socket", async () => {
    const watcher = await joined(controlKey);
    const expiring = await joined((await keyOf({ expires_in_days: 1 })).key);
    const before = await answer(watcher, "before the expiry");
    await expiring.roundTrip();
    expect(expiring.heard()).toContain(before);
    clock.advance(24 * 3600_000 + 1000);
    const after = await answer(watcher, "after the expiry");
    await expiring.roundTrip();
    expect(expiring.heard()).not.toContain(after);
    expect(expiring.closes).toEqual([{ reason: "unauthorized" }, { reason: "unauthorized" }]);
  });

  test("an event committed after the key was revoked by another instance never reaches its socket", async () => {
    const watcher = await joined(controlKey);
    const created = await keyOf();
    const revoked = await joined(created.key);
    const before = await answer(watcher, "before the revocation");
    await revoked.roundTrip();
    expect(revoked.heard()).toContain(before);
    // Written as another instance writes it: straight to the database, no signal to this one.
    await s.ctx.write((tx) =>
      tx.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, created.id)),
    );
    const after = await answer(watcher, "after the revocation elsewhere");
    await revoked.roundTrip();
    expect(revoked.heard()).not.toContain(after);
    expect(revoked.closes).toEqual([{ reason: "unauthorized" }, { reason: "unauthorized" }]);
  });

  test("an event committed after the key was revoked here never reaches its socket", async () => {
    const watcher = await joined(controlKey);
    const created = await keyOf();
    const revoked = await joined(created.key);
    expect((await s.admin.delete(`${X}/api-keys/${created.id}?tenant_id=${tenant}`)).status).toBe(
      200,
    );
    const after = await answer(watcher, "after the revocation here");
    await revoked.roundTrip();
    expect(revoked.heard()).not.toContain(after);
  });
});

describe("a message write that fails", () => {
  test("keeps the message's body and the customer's details out of the log, over HTTP and the channel", async () => {
    const failing = await startTestServer({ captureLogs: true });
    const sockets: Socket[] = [];
    try {
      const { api: team, key: teamKey } = await failing.tenant();
      const email = "private.person@example.com";
      const customer = (await team.post(`${X}/customers/identify`, { email })).body.id;
      const opened = (await team.post(`${X}/conversations`, { customer_id: customer })).body.id;
      // The database refuses every new message (as a full disk or a lost primary would).
      if (failing.ctx.db.kind === "postgres") {
        await failing.ctx.db.execute(
          "CREATE FUNCTION refuse_messages() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'messages refused'; END $$",
        );
        await failing.ctx.db.execute(
          "CREATE TRIGGER refuse_messages BEFORE INSERT ON messages FOR EACH ROW EXECUTE FUNCTION refuse_messages()",
        );
      } else
        await failing.ctx.db.execute(
          "CREATE TRIGGER refuse_messages BEFORE INSERT ON messages BEGIN SELECT RAISE(ABORT, 'messages refused'); END",
        );
      const http = await team.post(`${X}/messages`, {
        conversation_id: opened,
        body: "My card number is 4111 1111 1111 1111",
      });
      expect(http.status).toBe(500);
      const socket = new Socket(`${failing.url.replace(/^http/, "ws")}/socket`, {
        params: { token: teamKey },
      });
      socket.connect();
      sockets.push(socket);
      const channel = socket.channel(`conversation:${opened}`, {});
      expect((await join(channel)).status).toBe("ok");
      const pushed = await push(channel, "shout", { body: "My password is hunter2" });
      expect(pushed).toEqual({ status: "error", response: { reason: "internal error" } });

      const errors = failing.logs.filter((line) => line.level === "error");
      expect(errors.map((line) => line.msg).sort()).toEqual([
        "channel push failed",
        "unhandled error",
      ]);
      const logged = JSON.stringify(failing.logs);
      for (const secret of ["4111 1111", "hunter2", email, customer])
        expect({ secret, logged: logged.includes(secret) }).toEqual({ secret, logged: false });
      // Why it failed is still there for the operator.
      for (const line of errors) expect(JSON.stringify(line)).toContain("messages refused");
    } finally {
      for (const socket of sockets) socket.disconnect();
      await failing.close();
    }
  });
});

describe("the presence tracker", () => {
  test("a leave removes that connection's presence only, whatever phx_ref another has", () => {
    const tracker = new PresenceTracker();
    const presence = (name: string) => {
      const shown = {
        key: `agent:${name}`,
        meta: { phx_ref: "same", online_at: 0, type: "agent" as const, name },
      };
      return {
        team: shown,
        visitor: { key: "agent:Agent", meta: { ...shown.meta, name: "Agent" } },
      };
    };
    const [gone, here] = [presence("gone"), presence("here")];
    tracker.track("conversation:1", gone);
    tracker.track("conversation:1", here);
    expect(tracker.state("conversation:1", "visitor")["agent:Agent"].metas).toHaveLength(2);
    expect(tracker.untrack("conversation:1", gone).team.leaves).toEqual({
      "agent:gone": { metas: [gone.team.meta] },
    });
    expect(Object.keys(tracker.state("conversation:1", "team"))).toEqual(["agent:here"]);
    expect(tracker.state("conversation:1", "visitor")["agent:Agent"].metas).toHaveLength(1);
    expect(tracker.untrack("conversation:1", gone).team.leaves).toEqual({});
  });
});
