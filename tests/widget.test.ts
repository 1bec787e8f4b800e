import { beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import { type Channel, Presence, type Push, Socket } from "phoenix";
import { ManualClock } from "../src/clock";
import type { Config } from "../src/config";
import { Api, startTestServer } from "./helpers/server";
import { useTestServer } from "./helpers/suite";

const X = "/api/external";
const W = "/api/widget";
const SITE = "https://shop.example.com";
const clock = new ManualClock(new Date());
const server = useTestServer({
  clock,
  config: { rateLimit: 100_000, widgetRateLimit: 10_000, widgetIpRateLimit: 100_000 },
});
let api: Api;
let tenantId: string;
let pk: string;

/** A browser page on `origin` calling the widget API. */
const page = (headers: Record<string, string> = {}, origin = SITE) =>
  new Api(server.url, { origin, ...headers });

beforeAll(async () => {
  ({ api, tenantId } = await server.tenant());
  const created = await api.post(`${X}/widget-keys`, {
    name: "Shop",
    allowed_origins: [SITE],
    settings: { title: "Chat with us", color: "#0a84ff" },
  });
  expect(created.status).toBe(201);
  pk = created.body.key;
});

async function visitor(body: Record<string, unknown> = {}) {
  const reply = await page({ "x-widget-key": pk }).post(`${W}/customers`, body);
  expect(reply.status).toBe(201);
  return reply.body as { customer_id: string; visitor_token: string };
}

async function openConversation(body: Record<string, unknown> = { body: "Hi, I need help" }) {
  const who = await visitor();
  const opened = await page({ authorization: `Bearer ${who.visitor_token}` }).post(
    `${W}/conversations`,
    body,
  );
  expect(opened.status).toBe(201);
  return {
    ...opened.body,
    customer_id: who.customer_id,
    client: page({ authorization: `Bearer ${opened.body.visitor_token}` }),
  };
}

describe("widget keys", () => {
  test("created by a key holder, shown once, listed without the key, revocable", async () => {
    const created = await api.post(`${X}/widget-keys`, { name: "Temp", allowed_origins: [SITE] });
    expect(created.body.key).toMatch(/^pk_[A-Za-z0-9_-]{32}$/);
    const list = await api.get(`${X}/widget-keys`);
    const listed = list.body.widget_keys.find((k: { id: string }) => k.id === created.body.id);
    expect(listed).toMatchObject({ name: "Temp", allowed_origins: [SITE], revoked_at: null });
    expect(JSON.stringify(list.body)).not.toContain(created.body.key);
    const session = (await page({ "x-widget-key": created.body.key }).post(`${W}/customers`, {}))
      .body;
    expect((await api.delete(`${X}/widget-keys/${created.body.id}`)).status).toBe(204);
    expect((await page({ "x-widget-key": created.body.key }).get(`${W}/settings`)).status).toBe(
      401,
    );
    const tokenOfRevoked = page({ authorization: `Bearer ${session.visitor_token}` });
    expect((await tokenOfRevoked.post(`${W}/conversations`, {})).status).toBe(401);
    expect((await api.delete(`${X}/widget-keys/${created.body.id}`)).status).toBe(404);
    const { api: stranger } = await server.tenant();
    expect(
      (await stranger.patch(`${X}/widget-keys/${created.body.id}`, { name: "x" })).status,
    ).toBe(404);
    const noScope = await server.keyFor(tenantId, ["contacts:read"]);
    expect((await noScope.get(`${X}/widget-keys`)).status).toBe(403);
    expect(
      (await api.post(`${X}/widget-keys`, { name: "bad", allowed_origins: ["shop.example.com"] }))
        .status,
    ).toBe(422);
  });
});

describe("CORS and the origin allow-list", () => {
  test("allowed origins get CORS headers; others are refused; preflights are answered", async () => {
    const allowed = await page({ "x-widget-key": pk }).get(`${W}/settings`);
    expect(allowed.status).toBe(200);
    expect(allowed.body).toEqual({
      name: "Shop",
      settings: { title: "Chat with us", color: "#0a84ff" },
    });
    expect(allowed.headers.get("access-control-allow-origin")).toBe(SITE);
    // The page may read the ETag it sends back as If-None-Match.
    expect(allowed.headers.get("etag")).toBeTruthy();
    expect(allowed.headers.get("access-control-expose-headers")?.split(/,\s*/)).toContain("etag");
    const foreign = await page({ "x-widget-key": pk }, "https://evil.example.net").get(
      `${W}/settings`,
    );
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
    const serverSide = await new Api(server.url, { "x-widget-key": pk }).get(`${W}/settings`);
    expect(serverSide.status).toBe(200);
    const preflight = await fetch(`${server.url}${W}/customers`, {
      method: "OPTIONS",
      headers: {
        origin: SITE,
        "access-control-request-method": "POST",
        "access-control-request-headers": "x-widget-key, content-type, x-consistency",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-headers")).toContain("x-widget-key");
    // A page that reads its own write at once (X-Consistency: strong) may send the header.
    expect(preflight.headers.get("access-control-allow-headers")).toContain("x-consistency");
    // So may it every request header the document lists for the widget API (If-None-Match).
    const doc = (await server.anonymous.get("/swagger/json")).body;
    const listed = new Set<string>();
    for (const [path, operations] of Object.entries<any>(doc.paths))
      for (const op of Object.values<any>(operations))
        for (const parameter of op.parameters ?? []) {
          const p = parameter.$ref
            ? doc.components.parameters[parameter.$ref.split("/").pop()]
            : parameter;
          if (p.in === "header" && path.startsWith(`${W}/`)) listed.add(p.name.toLowerCase());
        }
    expect([...listed]).toContain("if-none-match");
    const allowHeaders = (preflight.headers.get("access-control-allow-headers") ?? "").split(
      /,\s*/,
    );
    expect([...listed].filter((name) => !allowHeaders.includes(name))).toEqual([]);
    expect((await page().get(`${W}/settings`)).status).toBe(401);
    const invalid = await page({ "x-widget-key": pk }).get(`${W}/conversations/x`);
    expect(invalid.status).toBe(401);
  });
});

describe("CORS of the API and of the widget", () => {
  test("the API's own CORS allow-list leaves the widget's preflights to the widget", async () => {
    const withApiCors = await startTestServer({
      config: { corsOrigins: ["https://admin.example.com"] },
    });
    try {
      const preflight = (origin: string, path: string) =>
        fetch(`${withApiCors.url}${path}`, {
          method: "OPTIONS",
          headers: {
            origin,
            "access-control-request-method": "POST",
            "access-control-request-headers": "x-widget-key, content-type",
          },
        });
      const shop = await preflight(SITE, `${W}/customers`);
      expect(shop.status).toBe(204);
      expect(shop.headers.get("access-control-allow-origin")).toBe(SITE);
      expect(shop.headers.get("access-control-allow-headers")).toContain("x-widget-key");
      // The API's preflights still follow its own list.
      const api = await preflight(SITE, `${X}/contacts`);
      expect(api.headers.get("access-control-allow-origin")).toBeNull();
      const admin = await preflight("https://admin.example.com", `${X}/contacts`);
      expect(admin.headers.get("access-control-allow-origin")).toBe("https://admin.example.com");
    } finally {
      await withApiCors.close();
    }
  });
});

describe("a visitor's conversation", () => {
  test("open, read, write; the inbox sees it and answers; seen marks both ways", async () => {
    const { conversation, client, customer_id } = await openConversation();
    expect(conversation).toMatchObject({ status: "open", last_message_at: expect.any(String) });
    const sent = await client.post(`${W}/conversations/${conversation.id}/messages`, {
      body: "Order #42 is late",
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ author_type: "customer", body: "Order #42 is late" });
    const inbox = await api.get(`${X}/messages?conversation_id=${conversation.id}`);
    expect(
      inbox.body.messages.map((m: { author_type: string; customer_id: string }) => [
        m.author_type,
        m.customer_id,
      ]),
    ).toEqual([
      ["customer", customer_id],
      ["customer", customer_id],
    ]);
    expect((await api.get(`${X}/conversations/${conversation.id}`)).body).toMatchObject({
      channel: "chat",
      unread_count: 2,
    });
    await api.post(`${X}/messages`, { conversation_id: conversation.id, body: "On its way!" });
    const thread = await client.get(`${W}/conversations/${conversation.id}/messages`);
    expect(thread.body.messages.map((m: { body: string }) => m.body)).toEqual([
      "Hi, I need help",
      "Order #42 is late",
      "On its way!",
    ]);
    const seen = await client.post(`${W}/conversations/${conversation.id}/seen`);
    expect(seen.body.messages.map((m: { body: string }) => m.body)).toEqual(["On its way!"]);
    expect((await client.get(`${W}/conversations/${conversation.id}`)).body.id).toBe(
      conversation.id,
    );
  });

  test("a message retried with its Idempotency-Key (a flaky mobile network) is stored once", async () => {
    const opened = await openConversation();
    const id = opened.conversation.id as string;
    const preflight = await fetch(`${server.url}${W}/conversations/${id}/messages`, {
      method: "OPTIONS",
      headers: {
        origin: SITE,
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization, content-type, idempotency-key",
      },
    });
    expect(preflight.headers.get("access-control-allow-headers")).toContain("idempotency-key");
    const send = () =>
      opened.client.post(
        `${W}/conversations/${id}/messages`,
        { body: "Is my order shipped?" },
        { "idempotency-key": "msg-1" },
      );
    const first = await send();
    expect(first.status).toBe(201);
    const retried = await send();
    expect(retried.status).toBe(201);
    expect(retried.body).toEqual(first.body);
    expect(retried.headers.get("idempotent-replayed")).toBe("true");
    // The page may read that it was a replay.
    expect(retried.headers.get("access-control-expose-headers")).toContain("idempotent-replayed");
    const thread = await opened.client.get(`${W}/conversations/${id}/messages`);
    expect(thread.body.messages.map((m: { body: string }) => m.body)).toEqual([
      "Hi, I need help",
      "Is my order shipped?",
    ]);
    // The same key with another message is a mistake of the page, not a replay.
    const reused = await opened.client.post(
      `${W}/conversations/${id}/messages`,
      { body: "Something else" },
      { "idempotency-key": "msg-1" },
    );
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe("IDEMPOTENCY_KEY_REUSED");
    // Keys are the visitor's own: another visitor's same key is another message.
    const other = await openConversation();
    const theirs = await other.client.post(
      `${W}/conversations/${other.conversation.id}/messages`,
      { body: "Is my order shipped?" },
      { "idempotency-key": "msg-1" },
    );
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(first.body.id);
    // Answers that hold a visitor token are never stored, so they refuse the header.
    for (const [path, body] of [
      [`${W}/customers`, {}],
      [`${W}/conversations`, { body: "Hello" }],
    ] as const) {
      const refused = await page({
        "x-widget-key": pk,
        authorization: `Bearer ${opened.visitor_token}`,
        "idempotency-key": "open-1",
      }).post(path, body);
      expect([path, refused.status, refused.body.code]).toEqual([path, 400, "BAD_REQUEST"]);
    }
  });

  test("a visitor's message brings its archived conversation back to the inbox", async () => {
    const { conversation, client } = await openConversation();
    await api.patch(`${X}/conversations/${conversation.id}`, { status: "closed" });
    await api.post(`${X}/conversations/${conversation.id}/archive`);
    const sent = await client.post(`${W}/conversations/${conversation.id}/messages`, {
      body: "It happened again",
    });
    expect(sent.status).toBe(201);
    expect((await api.get(`${X}/conversations/${conversation.id}`)).body).toMatchObject({
      status: "open",
      archived: false,
    });
    const inbox = await api.get(`${X}/conversations?archived=false&status=open&page_size=500`);
    expect(inbox.body.conversations.map((c: { id: string }) => c.id)).toContain(conversation.id);
  });

  test("the visitor's seen mark stops at up_to, in the thread's order: sent_at, ties by id", async () => {
    const { conversation, client } = await openConversation({});
    const same = "2026-02-20T09:00:00.000Z";
    for (const body of ["one", "two", "three"])
      await api.post(`${X}/messages`, { conversation_id: conversation.id, body, sent_at: same });
    const thread = (await client.get(`${W}/conversations/${conversation.id}/messages`)).body
      .messages as { id: string; seen_at: string | null }[];
    const seen = await client.post(`${W}/conversations/${conversation.id}/seen`, {
      up_to: thread[1].id,
    });
    expect(seen.status).toBe(200);
    expect(seen.body.messages.map((m: { id: string }) => m.id)).toEqual([
      thread[0].id,
      thread[1].id,
    ]);
    const after = (await client.get(`${W}/conversations/${conversation.id}/messages`)).body
      .messages;
    expect(after.map((m: { seen_at: string | null }) => m.seen_at !== null)).toEqual([
      true,
      true,
      false,
    ]);
    const other = await openConversation();
    const foreign = (await other.client.get(`${W}/conversations/${other.conversation.id}/messages`))
      .body.messages[0].id;
    const refused = await client.post(`${W}/conversations/${conversation.id}/seen`, {
      up_to: foreign,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].path).toBe("/up_to");
  });

  test("a token reads only its own conversation: not another visitor's, not the customer's older ones", async () => {
    const mine = await openConversation();
    const theirs = await openConversation();
    expect(
      (await mine.client.get(`${W}/conversations/${theirs.conversation.id}/messages`)).status,
    ).toBe(404);
    expect(
      (
        await mine.client.post(`${W}/conversations/${theirs.conversation.id}/messages`, {
          body: "x",
        })
      ).status,
    ).toBe(404);
    // Identifying by a known email gives a token that opens new conversations, never the existing ones.
    const known = (await api.post(`${X}/customers/identify`, { email: "known@example.com" })).body
      .id;
    const old = (await api.post(`${X}/conversations`, { customer_id: known })).body.id;
    const impostor = await visitor({ email: "known@example.com" });
    expect(impostor.customer_id).toBe(known);
    const asImpostor = page({ authorization: `Bearer ${impostor.visitor_token}` });
    expect((await asImpostor.get(`${W}/conversations/${old}`)).status).toBe(404);
    expect((await asImpostor.get(`${W}/conversations/${old}/messages`)).status).toBe(404);
  });

  test("tampered and expired tokens are 401", async () => {
    const { conversation, visitor_token } = await openConversation();
    const [payload, signature] = visitor_token.slice(3).split(".");
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString());
    const forged = `vt_${Buffer.from(JSON.stringify({ ...claims, v: "someone-else" })).toString("base64url")}.${signature}`;
    expect(
      (await page({ authorization: `Bearer ${forged}` }).get(`${W}/conversations/someone-else`))
        .status,
    ).toBe(401);
    clock.advance(31 * 86_400_000);
    try {
      const expired = page({ authorization: `Bearer ${visitor_token}` });
      expect((await expired.get(`${W}/conversations/${conversation.id}`)).status).toBe(401);
    } finally {
      clock.advance(-31 * 86_400_000);
    }
  });

  test("a page can read why its token or key was refused (CORS on 401), so it knows to identify again", async () => {
    const { conversation, visitor_token } = await openConversation();
    clock.advance(31 * 86_400_000);
    try {
      const expired = await page({ authorization: `Bearer ${visitor_token}` }).get(
        `${W}/conversations/${conversation.id}/messages`,
      );
      expect(expired.status).toBe(401);
      expect(expired.headers.get("access-control-allow-origin")).toBe(SITE);
    } finally {
      clock.advance(-31 * 86_400_000);
    }
    const unknownKey = await page({ "x-widget-key": "pk_revoked_or_mistyped" }).get(
      `${W}/settings`,
    );
    expect(unknownKey.status).toBe(401);
    expect(unknownKey.headers.get("access-control-allow-origin")).toBe(SITE);
    // A page on an origin the key does not allow still reads nothing.
    const foreign = await page({ "x-widget-key": pk }, "https://evil.example.net").get(
      `${W}/settings`,
    );
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
  });

  test("visitor tokens and widget keys reach no other route (every operation of the API)", async () => {
    const { visitor_token, conversation } = await openConversation();
    const doc = (await server.anonymous.get("/swagger/json")).body;
    let checked = 0;
    for (const [path, operations] of Object.entries<Record<string, unknown>>(doc.paths)) {
      if (path.startsWith(W) || !path.startsWith("/api/")) continue;
      for (const method of Object.keys(operations)) {
        const concrete = path.replace(/\{[^}]+\}/g, conversation.id);
        const body = ["get", "delete"].includes(method) ? undefined : {};
        const credentials: Array<Record<string, string>> = [
          { authorization: `Bearer ${visitor_token}` },
          { "x-api-key": visitor_token },
          { "x-widget-key": pk },
        ];
        // A route taking no credential (SNS's signed messages) answers them as it answers none.
        const takesNone = (operations[method] as { security?: unknown[] }).security?.length === 0;
        const status = takesNone
          ? (await page({}).request(method.toUpperCase(), concrete, body)).status
          : 401;
        for (const headers of credentials) {
          const reply = await page(headers).request(method.toUpperCase(), concrete, body);
          expect({ path, method, status: reply.status }).toEqual({ path, method, status });
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  test("without valid credentials a widget route answers 401 before it reads the body", async () => {
    const { conversation } = await openConversation();
    const messages = `${W}/conversations/${conversation.id}/messages`;
    const callers = [
      page(),
      page({ "x-widget-key": "pk_unknown" }),
      page({ authorization: "Bearer vt_forged.token" }),
    ];
    const bodies: Array<[string, unknown, Record<string, string>?]> = [
      [`${W}/customers`, "{not json"],
      [`${W}/customers`, { email: "not an email" }],
      [`${W}/customers`, { unknown_field: 1 }],
      [`${W}/customers`, "plain", { "content-type": "text/plain" }],
      [`${W}/conversations`, { unknown_field: 1 }],
      [messages, "{not json"],
      [messages, { body: "" }],
    ];
    for (const caller of callers)
      for (const [path, body, headers] of bodies) {
        const reply = await caller.post(path, body, headers);
        expect({ path, body, status: reply.status }).toEqual({ path, body, status: 401 });
      }
  });

  test("widget routes take no API key", async () => {
    const key = api.headers["x-api-key"];
    expect((await page({ "x-api-key": key }).get(`${W}/settings`)).status).toBe(401);
    expect(
      (await page({ authorization: `Bearer ${key}` }).post(`${W}/conversations`, {})).status,
    ).toBe(401);
  });
});

describe("rate limits", () => {
  test("a visitor limit is a JSON integer in range, like every integer field", async () => {
    for (const visitor_rate_limit of ["3", 0, 1.5, 100_001]) {
      const refused = await api.post(`${X}/widget-keys`, {
        name: "Bad",
        allowed_origins: [SITE],
        visitor_rate_limit,
      });
      expect(refused.status).toBe(422);
    }
  });

  test("each visitor has its own lower limit, and each IP one", async () => {
    const limited = await api.post(`${X}/widget-keys`, {
      name: "Tight",
      allowed_origins: [SITE],
      visitor_rate_limit: 3,
    });
    const who = (await page({ "x-widget-key": limited.body.key }).post(`${W}/customers`, {})).body;
    const asVisitor = page({ authorization: `Bearer ${who.visitor_token}` });
    const replies = [];
    for (let i = 0; i < 4; i++) replies.push(await asVisitor.post(`${W}/conversations`, {}));
    expect(replies.map((r) => r.status)).toEqual([201, 201, 201, 429]);
    // The page can read when to try again.
    const limitedReply = replies[3].headers;
    expect(limitedReply.get("retry-after")).toMatch(/^\d+$/);
    expect(limitedReply.get("access-control-allow-origin")).toBe(SITE);
    expect(limitedReply.get("access-control-expose-headers")).toContain("retry-after");
    const other = (await page({ "x-widget-key": limited.body.key }).post(`${W}/customers`, {}))
      .body;
    expect(
      (
        await page({ authorization: `Bearer ${other.visitor_token}` }).post(
          `${W}/conversations`,
          {},
        )
      ).status,
    ).toBe(201);

    const small = await startTestServer({ config: { widgetIpRateLimit: 2 } });
    try {
      const { api: owner } = await small.tenant();
      const key = (await owner.post(`${X}/widget-keys`, { name: "IP", allowed_origins: [SITE] }))
        .body.key;
      const client = new Api(small.url, { "x-widget-key": key });
      const codes = [];
      for (let i = 0; i < 3; i++) codes.push((await client.get(`${W}/settings`)).status);
      expect(codes).toEqual([200, 200, 429]);
    } finally {
      await small.close();
    }
  });
});

describe("the per-address limit behind a load balancer", () => {
  /** Statuses of widget requests that arrive with these X-Forwarded-For values. */
  async function statuses(config: Partial<Config>, forwardedFor: string[]): Promise<number[]> {
    const instance = await startTestServer({ config: { widgetIpRateLimit: 2, ...config } });
    try {
      const { api: owner } = await instance.tenant();
      const key = (await owner.post(`${X}/widget-keys`, { name: "LB", allowed_origins: [SITE] }))
        .body.key;
      const codes = [];
      for (const chain of forwardedFor) {
        const client = new Api(instance.url, { "x-widget-key": key, "x-forwarded-for": chain });
        codes.push((await client.get(`${W}/settings`)).status);
      }
      return codes;
    } finally {
      await instance.close();
    }
  }
  const chains = ["203.0.113.1", "203.0.113.1", "203.0.113.2", "203.0.113.2"];

  test("with the proxy trusted, each client address has its own budget", async () => {
    // The last chain claims another client first: only the address the proxy saw counts.
    const spoofed = "198.51.100.9, 203.0.113.1";
    expect(await statuses({ trustedProxies: ["loopback"] }, [...chains, spoofed])).toEqual([
      200, 200, 200, 200, 429,
    ]);
  });

  test("from a peer that is not a trusted proxy, X-Forwarded-For is ignored", async () => {
    expect(await statuses({}, chains)).toEqual([200, 200, 429, 429]);
    expect(await statuses({ trustedProxies: ["10.0.0.0/8"] }, chains)).toEqual([
      200, 200, 429, 429,
    ]);
  });
});

describe("a long conversation in the widget", () => {
  test("shows the latest 1,000 messages, oldest first", async () => {
    const { conversation, client } = await openConversation({});
    const start = Date.parse("2026-01-01T00:00:00Z");
    for (let i = 1; i <= 1000; i++) {
      const posted = await api.post(`${X}/messages`, {
        conversation_id: conversation.id,
        body: `message ${i}`,
        sent_at: new Date(start + i * 1000).toISOString(),
      });
      expect(posted.status).toBe(201);
    }
    const latest = await api.post(`${X}/messages`, {
      conversation_id: conversation.id,
      body: "the newest",
    });
    const listed = (await client.get(`${W}/conversations/${conversation.id}/messages`)).body
      .messages;
    expect(listed).toHaveLength(1000);
    expect(listed.at(-1).id).toBe(latest.body.id);
    expect(listed.at(-2).body).toBe("message 1000");
    expect(listed[0].body).toBe("message 2");
  }, 60_000);
});

describe("live channel for visitors", () => {
  test("a visitor joins its own conversation only and shouts as the customer", async () => {
    const { conversation, visitor_token } = await openConversation();
    const other = await openConversation();
    const socket = new Socket(`${server.url.replace(/^http/, "ws")}/socket`, {
      params: { token: visitor_token },
    });
    socket.connect();
    try {
      const join = (topic: string) =>
        new Promise<{ status: string; response: any; channel: Channel }>((resolve) => {
          const channel = socket.channel(topic, {});
          channel
            .join()
            .receive("ok", (response: any) => resolve({ status: "ok", response, channel }))
            .receive("error", (response: any) => resolve({ status: "error", response, channel }));
        });
      expect((await join(`conversation:${other.conversation.id}`)).response.reason).toBe(
        "not found",
      );
      expect((await join(`notification:${tenantId}`)).response.reason).toBe("unauthorized");
      const joined = (await join(`conversation:${conversation.id}`)) as {
        status: string;
        channel: any;
      };
      expect(joined.status).toBe("ok");
      const sent = await new Promise<any>((resolve) =>
        joined.channel.push("shout", { body: "typed in the widget" }).receive("ok", resolve),
      );
      expect(sent).toMatchObject({ author_type: "customer", body: "typed in the widget" });
      // Seed 003's widget sends its customer_id and sent_at along.
      const customerId = (await api.get(`${X}/conversations/${conversation.id}`)).body.customer_id;
      const asSeedSends = await new Promise<any>((resolve) =>
        joined.channel
          .push("shout", {
            body: "Hello!",
            customer_id: customerId,
            sent_at: new Date().toISOString(),
          })
          .receive("ok", (response: any) => resolve({ status: "ok", response }))
          .receive("error", (response: any) => resolve({ status: "error", response })),
      );
      expect(asSeedSends).toMatchObject({
        status: "ok",
        response: { author_type: "customer", body: "Hello!" },
      });
    } finally {
      socket.disconnect();
    }
  });
  test("a visitor's shout refuses what the widget does not take, as the HTTP route does", async () => {
    const { conversation, visitor_token } = await openConversation();
    const other = await openConversation();
    const private_ = await api.post(`${X}/messages`, {
      conversation_id: other.conversation.id,
      body: "your order 1234 ships to 5 Elm St",
      external_id: "mail-1234",
    });
    expect(private_.status).toBe(201);
    const overHttp = await page({ authorization: `Bearer ${visitor_token}` }).post(
      `${W}/conversations/${conversation.id}/messages`,
      { body: "see attached", attachments: [{ url: "https://files.example.com/a.png" }] },
    );
    expect(overHttp.status).toBe(422);
    const socket = new Socket(`${server.url.replace(/^http/, "ws")}/socket`, {
      params: { token: visitor_token },
    });
    socket.connect();
    try {
      const channel = socket.channel(`conversation:${conversation.id}`, {});
      await new Promise((resolve) => channel.join().receive("ok", resolve));
      const shout = (payload: object) =>
        new Promise<{ status: string; response: any }>((resolve) =>
          channel
            .push("shout", payload)
            .receive("ok", (response: any) => resolve({ status: "ok", response }))
            .receive("error", (response: any) => resolve({ status: "error", response })),
        );
      const attached = await shout({
        body: "see attached",
        attachments: [{ url: "https://files.example.com/a.png" }],
      });
      expect(attached).toMatchObject({
        status: "error",
        response: { code: "VALIDATION_ERROR", reason: expect.stringMatching(/^invalid payload: /) },
      });
      expect(attached.response.errors).toEqual(overHttp.body.errors);
      for (const field of [{ external_id: "mail-1234" }, { author_id: "agent-maria" }]) {
        const refused = await shout({ body: "hello", ...field });
        expect(refused).toMatchObject({ status: "error", response: { code: "VALIDATION_ERROR" } });
        expect(refused.response.errors.length).toBeGreaterThan(0);
      }
      // Seed 003's widget sends sent_at along: taken, and the server stamps the message.
      const sent = (await shout({ body: "hello", sent_at: "2020-01-01T00:00:00Z" })).response;
      expect(sent.id).not.toBe(private_.body.id);
      expect(sent).toMatchObject({ body: "hello", author_type: "customer" });
      const stored = await api.get(`${X}/messages/${sent.id}`);
      expect(stored.body).toMatchObject({ conversation_id: conversation.id, external_id: null });
      expect(new Date(stored.body.sent_at).getTime()).toBeGreaterThan(Date.parse("2021-01-01"));
      const thread = await api.get(`${X}/messages?conversation_id=${conversation.id}`);
      expect(thread.body.messages.map((m: { body: string }) => m.body)).not.toContain(
        "see attached",
      );
    } finally {
      socket.disconnect();
    }
  });
  test("a visitor never sees an API key's name: an agent without a name is shown as Agent", async () => {
    const { conversation, visitor_token } = await openConversation();
    const internalKey = (await server.keyFor(tenantId, ["*"], { name: "zapier-prod" })).headers[
      "x-api-key"
    ];
    const sockets: Socket[] = [];
    const channelOf = (token: string, params: object = {}) => {
      const socket = new Socket(`${server.url.replace(/^http/, "ws")}/socket`, {
        params: { token },
      });
      socket.connect();
      sockets.push(socket);
      return socket.channel(`conversation:${conversation.id}`, params);
    };
    const joined = (channel: Channel) =>
      new Promise((resolve) => channel.join().receive("ok", resolve));
    try {
      const visitorFrames: unknown[] = [];
      const visitorChannel = channelOf(visitor_token);
      const visitorPresence = new Presence(visitorChannel);
      for (const event of ["presence_state", "presence_diff", "typing"])
        visitorChannel.on(event, (payload) => {
          visitorFrames.push(payload);
        });
      await joined(visitorChannel);
      const teammate = channelOf(internalKey, { name: "maria" });
      const teamPresence = new Presence(teammate);
      await joined(teammate);
      const agent = channelOf(internalKey);
      const agentTyping: unknown[] = [];
      agent.on("typing", (payload) => {
        agentTyping.push(payload);
      });
      await joined(agent);
      const until = async (met: () => boolean, what: string) => {
        const deadline = Date.now() + 5000;
        while (!met()) {
          if (Date.now() > deadline) throw new Error(`not met: ${what}`);
          await Bun.sleep(10);
        }
      };
      await until(() => visitorPresence.list().length === 3, "the visitor sees both agents");
      // Agents among themselves still see the key's name.
      await until(() => teamPresence.list().length === 3, "the team sees everyone");
      expect(teamPresence.list((key) => key)).toContain("agent:zapier-prod");
      await new Promise((resolve) => agent.push("typing", { typing: true }).receive("ok", resolve));
      await until(
        () => visitorFrames.some((f) => (f as { typing?: boolean }).typing === true),
        "typing",
      );
      expect(visitorFrames.find((f) => (f as { typing?: boolean }).typing)).toEqual({
        typing: true,
        type: "agent",
        name: "Agent",
      });
      const shown = visitorPresence.list((key, { metas }) => ({
        key,
        names: metas.map((m: any) => m.name),
      }));
      expect(shown).toContainEqual({ key: "agent:Agent", names: ["Agent"] });
      expect(shown).toContainEqual({ key: "agent:maria", names: ["maria"] });
      agent.leave();
      await until(() => visitorPresence.list().length === 2, "the agent's leave");
      expect(JSON.stringify(visitorFrames)).not.toContain("zapier-prod");
      expect(visitorFrames.length).toBeGreaterThan(2);
    } finally {
      for (const socket of sockets) socket.disconnect();
    }
  });
  test("a visitor's typing and presence carry the customer's name, else Visitor; never its id", async () => {
    const agentSocket = new Socket(`${server.url.replace(/^http/, "ws")}/socket`, {
      params: { token: api.headers["x-api-key"] },
    });
    agentSocket.connect();
    try {
      for (const [identity, expected] of [
        [{ name: "Ada Lovelace", email: "ada@example.com" }, "Ada Lovelace"],
        [{ email: "anon@example.com" }, "Visitor"],
        [{}, "Visitor"],
      ] as const) {
        const who = await visitor(identity);
        const opened = await page({ authorization: `Bearer ${who.visitor_token}` }).post(
          `${W}/conversations`,
          {},
        );
        const topic = `conversation:${opened.body.conversation.id}`;
        const agent = agentSocket.channel(topic, { name: "maria" });
        const presence = new Presence(agent);
        const typing: any[] = [];
        agent.on("typing", (payload) => {
          typing.push(payload);
        });
        await new Promise((resolve) => agent.join().receive("ok", resolve));
        const socket = new Socket(`${server.url.replace(/^http/, "ws")}/socket`, {
          params: { token: opened.body.visitor_token },
        });
        socket.connect();
        try {
          const channel = socket.channel(topic, {});
          await new Promise((resolve) => channel.join().receive("ok", resolve));
          await new Promise((resolve) =>
            channel.push("typing", { typing: true }).receive("ok", resolve),
          );
          const deadline = Date.now() + 5000;
          while (typing.length === 0 && Date.now() < deadline) await Bun.sleep(10);
          expect(typing).toEqual([{ typing: true, type: "customer", name: expected }]);
          expect(JSON.stringify(typing)).not.toContain(who.customer_id);
          const joined = Date.now() + 5000;
          while (presence.list().length < 2 && Date.now() < joined) await Bun.sleep(10);
          const shown = presence.list((key: string, { metas }: any) => [key, metas[0].name]);
          expect(shown).toContainEqual([`customer:${who.customer_id}`, expected]);
        } finally {
          socket.disconnect();
          agent.leave();
        }
      }
    } finally {
      agentSocket.disconnect();
    }
  });
  test("a visitor's channel shows what the widget API shows, not the team's internals", async () => {
    const { conversation, visitor_token } = await openConversation();
    const socket = new Socket(`${server.url.replace(/^http/, "ws")}/socket`, {
      params: { token: visitor_token },
    });
    socket.connect();
    try {
      const channel = socket.channel(`conversation:${conversation.id}`, {});
      const updates: any[] = [];
      const shouts: any[] = [];
      channel.on("conversation:updated", (payload) => {
        updates.push(payload);
      });
      channel.on("shout", (payload) => {
        shouts.push(payload);
      });
      await new Promise((resolve) => channel.join().receive("ok", resolve));
      const patched = await api.patch(`${X}/conversations/${conversation.id}`, {
        assignee: "maria@netia.example",
        tags: ["refund-risk"],
      });
      expect(patched.status).toBe(200);
      const reply = await api.post(`${X}/messages`, {
        conversation_id: conversation.id,
        body: "On it!",
        author_id: "agent-maria",
        external_id: "slack-77",
      });
      expect(reply.status).toBe(201);
      // The opening message may reach the channel too (its event can come after the join).
      const replyShout = () => shouts.find((shout) => shout.id === reply.body.id);
      const deadline = Date.now() + 5000;
      while ((updates.length < 1 || !replyShout()) && Date.now() < deadline) await Bun.sleep(10);
      const widgetConversation = await page({ authorization: `Bearer ${visitor_token}` }).get(
        `${W}/conversations/${conversation.id}`,
      );
      expect(Object.keys(updates[0]).sort()).toEqual(Object.keys(widgetConversation.body).sort());
      const widgetMessages = await page({ authorization: `Bearer ${visitor_token}` }).get(
        `${W}/conversations/${conversation.id}/messages`,
      );
      expect(replyShout()).toEqual(widgetMessages.body.messages.at(-1));
    } finally {
      socket.disconnect();
    }
  });
  test("revoking the widget key closes a visitor's open topic; it hears no more and cannot join", async () => {
    const revocable = await api.post(`${X}/widget-keys`, {
      name: "Revocable",
      allowed_origins: [SITE],
    });
    const who = (await page({ "x-widget-key": revocable.body.key }).post(`${W}/customers`, {}))
      .body;
    const opened = (
      await page({ authorization: `Bearer ${who.visitor_token}` }).post(`${W}/conversations`, {})
    ).body;
    const conversationId = opened.conversation.id;
    const socket = new Socket(`${server.url.replace(/^http/, "ws")}/socket`, {
      params: { token: opened.visitor_token },
    });
    socket.connect();
    const team = new Socket(`${server.url.replace(/^http/, "ws")}/socket`, {
      params: { token: api.headers["x-api-key"] as string },
    });
    team.connect();
    try {
      const channel = socket.channel(`conversation:${conversationId}`, {});
      const { shouts, closes } = watch(channel);
      expect((await reply(channel.join())).status).toBe("ok");
      const agent = team.channel(`conversation:${conversationId}`, {});
      const { shouts: agentHeard } = watch(agent);
      expect((await reply(agent.join())).status).toBe("ok");
      expect((await api.delete(`${X}/widget-keys/${revocable.body.id}`)).status).toBe(204);
      await until(() => closes.length === 1, "the visitor's topic closed");
      expect(closes).toEqual([{ reason: "unauthorized" }]);
      const sent = await api.post(`${X}/messages`, { conversation_id: conversationId, body: "?" });
      await until(() => agentHeard.some((m) => m.id === sent.body.id), "the agent hears it");
      expect(shouts.map((m) => m.id)).not.toContain(sent.body.id);
      expect(channel.state).toBe("closed");
      const again = socket.channel(`conversation:${conversationId}`, {});
      expect((await reply(again.join())).response.reason).toBe("unauthorized");
    } finally {
      socket.disconnect();
      team.disconnect();
    }
  });
  test("a visitor token that expires while its socket is open closes its topic", async () => {
    const own = new ManualClock();
    const expiring = await startTestServer({ clock: own });
    const socket = new Socket(`${expiring.url.replace(/^http/, "ws")}/socket`, {});
    try {
      const { api: keys } = await expiring.tenant();
      const key = (await keys.post(`${X}/widget-keys`, { name: "Site", allowed_origins: [SITE] }))
        .body.key;
      const { closes } = await joinAsVisitor(expiring.url, key, socket);
      own.advance(31 * 86_400_000);
      await until(() => closes.length === 1, "the expired visitor's topic closed");
      expect(closes).toEqual([{ reason: "unauthorized" }]);
    } finally {
      socket.disconnect();
      await expiring.close();
    }
  });
});

/** A push's reply: ok or error, with its response. */
const reply = (push: Push) =>
  new Promise<{ status: string; response: any }>((resolve) =>
    push
      .receive("ok", (response: any) => resolve({ status: "ok", response }))
      .receive("error", (response: any) => resolve({ status: "error", response })),
  );

/** A channel's shouts, and the payloads of the server's phx_close on it. */
function watch(channel: Channel) {
  const shouts: any[] = [];
  const closes: unknown[] = [];
  channel.on("shout", (payload) => {
    shouts.push(payload);
  });
  channel.onClose((payload: unknown) => {
    if (payload !== "leave") closes.push(payload);
  });
  return { shouts, closes };
}

/** A visitor of the server at `url` (widget key `key`) opens a conversation and joins its topic on `socket`. */
async function joinAsVisitor(url: string, key: string, socket: Socket) {
  const on = (headers: Record<string, string>) => new Api(url, { origin: SITE, ...headers });
  const who = (await on({ "x-widget-key": key }).post(`${W}/customers`, {})).body;
  const opened = (
    await on({ authorization: `Bearer ${who.visitor_token}` }).post(`${W}/conversations`, {})
  ).body;
  socket.connect();
  const channel = socket.channel(`conversation:${opened.conversation.id}`, {
    token: opened.visitor_token,
  });
  const watched = watch(channel);
  expect((await reply(channel.join())).status).toBe("ok");
  return watched;
}

async function until(predicate: () => boolean, what: string, ms = 3000) {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`not met: ${what}`);
    await Bun.sleep(10);
  }
}

describe("unverified identities", () => {
  test("a widget visitor's external id never gets linked to a contact found by its email", async () => {
    const known = (await api.post(`${X}/customers/identify`, { email: "owner@example.com" })).body
      .id;
    const claimed = await visitor({
      email: "owner@example.com",
      external_id: "claimed-by-visitor",
    });
    expect(claimed.customer_id).toBe(known);
    const linked = await api.get(`${X}/customers?external_id=claimed-by-visitor`);
    expect(linked.body.customers).toEqual([]);
    // A new visitor's own external id is linked to the contact made for it.
    const fresh = await visitor({ external_id: "new-visitor-1" });
    const own = await api.get(`${X}/customers?external_id=new-visitor-1`);
    expect(own.body.customers.map((c: { id: string }) => c.id)).toEqual([fresh.customer_id]);
  });
});

describe("visitor pushes on the live channel", () => {
  test("count against the visitor's rate limit; typing has a budget of its own, so it never holds back a message", async () => {
    const limited = await api.post(`${X}/widget-keys`, {
      name: "Chatty",
      allowed_origins: [SITE],
      visitor_rate_limit: 3,
    });
    const who = (await page({ "x-widget-key": limited.body.key }).post(`${W}/customers`, {})).body;
    const opened = await page({ authorization: `Bearer ${who.visitor_token}` }).post(
      `${W}/conversations`,
      {},
    );
    const socket = new Socket(`${server.url.replace(/^http/, "ws")}/socket`, {
      params: { token: opened.body.visitor_token },
    });
    socket.connect();
    try {
      const channel = socket.channel(`conversation:${opened.body.conversation.id}`, {});
      await new Promise((resolve) => channel.join().receive("ok", resolve));
      const push = (event: string, payload: object) =>
        new Promise<{ status: string; response: any }>((resolve) =>
          channel
            .push(event, payload)
            .receive("ok", (response: any) => resolve({ status: "ok", response }))
            .receive("error", (response: any) => resolve({ status: "error", response })),
        );
      // A customer typing a long answer: typing indicators up to the limit, then refused.
      const typing = [];
      for (let i = 0; i < 4; i++) typing.push(await push("typing", { typing: i % 2 === 0 }));
      expect(typing.map((r) => r.status)).toEqual(["ok", "ok", "ok", "error"]);
      expect(typing[3].response.code).toBe("RATE_LIMITED");
      // When to try again, as an HTTP 429's Retry-After says it (the widget has no header here).
      expect(typing[3].response.retry_after).toBeGreaterThanOrEqual(1);
      expect(typing[3].response.retry_after).toBeLessThanOrEqual(60);
      // Its messages still go: one request of the budget went to opening the conversation.
      const shouts = [];
      for (const body of ["first", "second", "third"]) shouts.push(await push("shout", { body }));
      expect(shouts.map((r) => r.status)).toEqual(["ok", "ok", "error"]);
      expect(shouts[2].response.code).toBe("RATE_LIMITED");
    } finally {
      socket.disconnect();
    }
  });
});

describe("several instances", () => {
  test("a widget key revoked on instance A closes its visitors' topics on instance B", async () => {
    const dir = mkdtempSync(joinPath(tmpdir(), "crmd-widget-"));
    // B's widget key cache expires when its clock moves (10 s on one SQLite file, 0.5 s on PostgreSQL).
    const clockB = new ManualClock();
    const a = await startTestServer({ dir });
    const b = await startTestServer({ dir, clock: clockB });
    const socket = new Socket(`${b.url.replace(/^http/, "ws")}/socket`, {});
    try {
      const { api: onA } = await a.tenant();
      const created = (
        await onA.post(`${X}/widget-keys`, { name: "Site", allowed_origins: [SITE] })
      ).body;
      const { closes } = await joinAsVisitor(b.url, created.key, socket);
      expect((await onA.delete(`${X}/widget-keys/${created.id}`)).status).toBe(204);
      clockB.advance(11_000);
      await until(() => closes.length === 1, "the visitor's topic closed on B");
      expect(closes).toEqual([{ reason: "unauthorized" }]);
    } finally {
      socket.disconnect();
      await b.close();
      await a.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
