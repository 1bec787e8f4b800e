import { beforeAll, describe, expect, test } from "bun:test";
import { createHmac } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { getTableConfig, type SQLiteTable } from "drizzle-orm/sqlite-core";
import { type Channel, Socket } from "phoenix";
import * as schema from "../db/schema";
import { outboxEvents, widgetKeys } from "../db/schema";
import { ManualClock } from "../src/clock";
import { eventsFor } from "./helpers/records";
import { Api } from "./helpers/server";
import { useTestServer } from "./helpers/suite";

const X = "/api/external";
const W = "/api/widget";
const SITE = "https://shop.example.com";
const DAY = 86_400_000;
const clock = new ManualClock(new Date());
const server = useTestServer({
  clock,
  captureLogs: true,
  config: { rateLimit: 100_000, widgetRateLimit: 10_000, widgetIpRateLimit: 100_000 },
});
let api: Api;
let tenantId: string;

/** What the site's backend computes for a visitor: hex HMAC-SHA256(identity secret, identifier). */
const userHash = (secret: string, identifier: string) =>
  createHmac("sha256", secret).update(identifier).digest("hex");

/** A browser page on the site calling the widget API. */
const page = (headers: Record<string, string> = {}) =>
  new Api(server.url, { origin: SITE, ...headers });

interface CreatedKey {
  id: string;
  key: string;
  identity_secret: string;
}

async function widgetKey(owner: Api, extra: Record<string, unknown> = {}): Promise<CreatedKey> {
  const created = await owner.post(`${X}/widget-keys`, {
    name: "Shop",
    allowed_origins: [SITE],
    ...extra,
  });
  expect(created.status).toBe(201);
  return created.body;
}

const identify = (key: CreatedKey | string, body: Record<string, unknown>) =>
  page({ "x-widget-key": typeof key === "string" ? key : key.key }).post(`${W}/customers`, body);

const asVisitor = (token: string) => page({ authorization: `Bearer ${token}` });

/** A customer of the tenant (made through the API, as the support team or the site's backend does) with one conversation. */
async function knownCustomer(owner: Api, identity: Record<string, string>) {
  const customer = (await owner.post(`${X}/customers/identify`, identity)).body.id as string;
  const conversation = (
    await owner.post(`${X}/conversations`, { customer_id: customer, subject: "Earlier order" })
  ).body.id as string;
  await owner.post(`${X}/messages`, {
    conversation_id: conversation,
    body: "Your refund is on its way",
  });
  return { customer, conversation };
}

beforeAll(async () => {
  ({ api, tenantId } = await server.tenant());
});

describe("the identity secret", () => {
  test("is shown once, on creation and rotation, and is never stored, listed or logged in clear", async () => {
    const created = await widgetKey(api);
    expect(created.identity_secret).toMatch(/^wis_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({
      identity_verification_required: false,
      has_identity_secret: true,
      previous_identity_secret_expires_at: null,
    });
    const rotated = await api.post(`${X}/widget-keys/${created.id}/rotate-identity-secret`);
    expect(rotated.status).toBe(200);
    const secrets = [created.identity_secret, rotated.body.identity_secret];
    expect(secrets[1]).toMatch(/^wis_/);
    expect(secrets[1]).not.toBe(secrets[0]);

    const patched = await api.patch(`${X}/widget-keys/${created.id}`, { name: "Renamed" });
    const listed = await api.get(`${X}/widget-keys`);
    for (const reply of [patched, listed]) {
      expect(reply.status).toBe(200);
      expect(JSON.stringify(reply.body)).not.toContain("wis_");
      expect(JSON.stringify(reply.body)).not.toContain('"identity_secret"');
    }

    // Sealed in its row; no table holds either secret in clear.
    const [row] = await server.ctx.db.read
      .select()
      .from(widgetKeys)
      .where(eq(widgetKeys.id, created.id));
    expect(server.ctx.secrets.open(row.identitySecret as string)).toBe(secrets[1]);
    expect(server.ctx.secrets.open(row.retiredIdentitySecrets[0].secret)).toBe(secrets[0]);
    const tables = (Object.values(schema) as unknown[]).filter(
      (value): value is SQLiteTable =>
        typeof value === "object" &&
        value !== null &&
        Symbol.for("drizzle:IsDrizzleTable") in value,
    );
    let scanned = 0;
    for (const table of tables) {
      const rows = await server.ctx.db.read.select().from(table);
      const text = JSON.stringify(rows);
      for (const secret of secrets) {
        expect({
          table: getTableConfig(table).name,
          clear: text.includes(secret.slice(4)),
        }).toEqual({ table: getTableConfig(table).name, clear: false });
      }
      scanned++;
    }
    expect(scanned).toBeGreaterThan(20);
    const logged = JSON.stringify(server.logs);
    for (const secret of secrets) expect(logged).not.toContain(secret.slice(4));
  });

  test("creation and rotation refuse Idempotency-Key, so no replay keeps the secret", async () => {
    const withKey = (path: string, body?: unknown) =>
      api.post(path, body, { "idempotency-key": `identity-${crypto.randomUUID()}` });
    const create = await withKey(`${X}/widget-keys`, { name: "Replay", allowed_origins: [SITE] });
    expect(create.status).toBe(400);
    const created = await widgetKey(api);
    const rotate = await withKey(`${X}/widget-keys/${created.id}/rotate-identity-secret`);
    expect(rotate.status).toBe(400);
    // The refused rotation changed nothing: the creation's secret still verifies.
    const proven = await identify(created, {
      email: "replay@example.com",
      user_hash: userHash(created.identity_secret, "replay@example.com"),
    });
    expect(proven.status).toBe(201);
    expect(proven.body.verified).toBe(true);
  });
});

describe("a verified visitor", () => {
  test("with a valid hash of its email is that customer and reads its conversations", async () => {
    const key = await widgetKey(api);
    const { customer, conversation } = await knownCustomer(api, { email: "ada@example.com" });
    const reply = await identify(key, {
      email: "ada@example.com",
      name: "Ada",
      user_hash: userHash(key.identity_secret, "ada@example.com"),
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ customer_id: customer, verified: true });
    const visitor = asVisitor(reply.body.visitor_token);
    const listed = await visitor.get(`${W}/conversations`);
    expect(listed.status).toBe(200);
    expect(listed.body.conversations.map((c: { id: string }) => c.id)).toEqual([conversation]);
    expect((await visitor.get(`${W}/conversations/${conversation}`)).body.subject).toBe(
      "Earlier order",
    );
    const thread = await visitor.get(`${W}/conversations/${conversation}/messages`);
    expect(thread.body.messages.map((m: { body: string }) => m.body)).toEqual([
      "Your refund is on its way",
    ]);
    const sent = await visitor.post(`${W}/conversations/${conversation}/messages`, {
      body: "Thanks!",
    });
    expect(sent.status).toBe(201);
    // A conversation it opens keeps the verified access (its new token too).
    const opened = await visitor.post(`${W}/conversations`, { body: "Another question" });
    expect(opened.status).toBe(201);
    const again = asVisitor(opened.body.visitor_token);
    const both = (await again.get(`${W}/conversations`)).body.conversations;
    expect(both.map((c: { id: string }) => c.id)).toEqual([
      opened.body.conversation.id,
      conversation,
    ]);
    expect((await again.get(`${W}/conversations/${conversation}/messages`)).status).toBe(200);
    // Another customer's conversation stays out of reach.
    const other = await knownCustomer(api, { email: "grace@example.com" });
    expect((await visitor.get(`${W}/conversations/${other.conversation}`)).status).toBe(404);
  });

  test("with a valid hash of its external id is the customer linked to it; the email sent along is not trusted", async () => {
    const key = await widgetKey(api);
    const { customer, conversation } = await knownCustomer(api, {
      external_id: "user-42",
      email: "linked@example.com",
    });
    const victim = await knownCustomer(api, { email: "victim@example.com" });
    const proven = await identify(key, {
      external_id: "user-42",
      email: "victim@example.com",
      user_hash: userHash(key.identity_secret, "user-42"),
    });
    expect(proven.status).toBe(201);
    expect(proven.body).toMatchObject({ customer_id: customer, verified: true });
    const listed = await asVisitor(proven.body.visitor_token).get(`${W}/conversations`);
    expect(listed.body.conversations.map((c: { id: string }) => c.id)).toEqual([conversation]);

    // A new external id gets a new customer: never the one the unproven email names, and that email is not stored on it.
    const fresh = await identify(key, {
      external_id: "user-43",
      email: "victim@example.com",
      name: "Mallory",
      user_hash: userHash(key.identity_secret, "user-43"),
    });
    expect(fresh.status).toBe(201);
    expect(fresh.body.customer_id).not.toBe(victim.customer);
    const made = (await api.get(`${X}/customers/${fresh.body.customer_id}`)).body;
    expect(made).toMatchObject({ external_id: "user-43", first_name: "Mallory" });
    expect(JSON.stringify(made)).not.toContain("victim@example.com");
    const victimsConversations = await asVisitor(fresh.body.visitor_token).get(
      `${W}/conversations`,
    );
    expect(victimsConversations.body.conversations).toEqual([]);
  });

  test("joins its customer's conversations on the live channel; an unverified visitor does not", async () => {
    const key = await widgetKey(api);
    const { conversation } = await knownCustomer(api, { email: "live@example.com" });
    const proven = await identify(key, {
      email: "live@example.com",
      user_hash: userHash(key.identity_secret, "live@example.com"),
    });
    const claimed = await identify(key, { email: "live@example.com" });
    const join = async (token: string) => {
      const socket = new Socket(`${server.url.replace(/^http/, "ws")}/socket`, {
        params: { token },
      });
      socket.connect();
      try {
        const channel: Channel = socket.channel(`conversation:${conversation}`, {});
        return await new Promise<{ status: string; response: any }>((resolve) =>
          channel
            .join()
            .receive("ok", (response: any) => resolve({ status: "ok", response }))
            .receive("error", (response: any) => resolve({ status: "error", response })),
        );
      } finally {
        socket.disconnect();
      }
    };
    expect((await join(proven.body.visitor_token)).status).toBe("ok");
    expect(await join(claimed.body.visitor_token)).toEqual({
      status: "error",
      response: { reason: "not found" },
    });
  });
});

describe("a wrong or missing hash", () => {
  test("a wrong hash is 403 IDENTITY_VERIFICATION_FAILED, readable by the page, on any key", async () => {
    const key = await widgetKey(api);
    const other = await widgetKey(api);
    await knownCustomer(api, { email: "bob@example.com" });
    const wrong: Array<[string, Record<string, unknown>]> = [
      [
        "another email's hash",
        { email: "bob@example.com", user_hash: userHash(key.identity_secret, "eve@example.com") },
      ],
      [
        "another key's secret",
        { email: "bob@example.com", user_hash: userHash(other.identity_secret, "bob@example.com") },
      ],
      [
        "the email's hash for an external id",
        {
          external_id: "bob-1",
          email: "bob@example.com",
          user_hash: userHash(key.identity_secret, "bob@example.com"),
        },
      ],
      ["zeros", { email: "bob@example.com", user_hash: "0".repeat(64) }],
    ];
    for (const [why, body] of wrong) {
      const reply = await identify(key, body);
      expect({ why, status: reply.status, code: reply.body.code }).toEqual({
        why,
        status: 403,
        code: "IDENTITY_VERIFICATION_FAILED",
      });
      expect(reply.headers.get("access-control-allow-origin")).toBe(SITE);
    }
    // Upper-case hex is the same hash.
    const upper = await identify(key, {
      email: "bob@example.com",
      user_hash: userHash(key.identity_secret, "bob@example.com").toUpperCase(),
    });
    expect(upper.status).toBe(201);
    // Not hex, or a hash with nothing it could prove: 422.
    expect((await identify(key, { email: "bob@example.com", user_hash: "abc" })).status).toBe(422);
    const alone = await identify(key, { user_hash: userHash(key.identity_secret, "") });
    expect(alone.status).toBe(422);
    expect(alone.body.errors[0].path).toBe("/user_hash");
  });

  test("a key that requires verified identities refuses an email or external id without a hash; anonymous visitors still chat", async () => {
    const key = await widgetKey(api, { identity_verification_required: true });
    expect(
      (await api.get(`${X}/widget-keys`)).body.widget_keys.find(
        (k: { id: string }) => k.id === key.id,
      ),
    ).toMatchObject({ identity_verification_required: true });
    for (const body of [
      { email: "carol@example.com" },
      { external_id: "carol-1" },
      { email: "carol@example.com", name: "Carol" },
    ]) {
      const refused = await identify(key, body);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe("IDENTITY_NOT_VERIFIED");
      expect(refused.body.detail).toContain("user_hash");
    }
    for (const body of [{}, { name: "Just a name" }]) {
      const anonymous = await identify(key, body);
      expect(anonymous.status).toBe(201);
      expect(anonymous.body.verified).toBe(false);
      const opened = await asVisitor(anonymous.body.visitor_token).post(`${W}/conversations`, {
        body: "Hello",
      });
      expect(opened.status).toBe(201);
    }
    const proven = await identify(key, {
      external_id: "carol-1",
      user_hash: userHash(key.identity_secret, "carol-1"),
    });
    expect(proven.status).toBe(201);
    // Switched off again, the same key takes unverified visitors.
    await api.patch(`${X}/widget-keys/${key.id}`, { identity_verification_required: false });
    expect((await identify(key, { email: "carol@example.com" })).status).toBe(201);
  });

  test("without a hash, on a key that does not require one, a returning customer is recognised but reads only what it opens", async () => {
    const key = await widgetKey(api);
    const { customer, conversation } = await knownCustomer(api, {
      email: "dana@example.com",
      external_id: "dana-1",
    });
    // Seed 003's identify of a returning customer: the team sees one customer, not one per visit.
    for (const claim of [{ email: "dana@example.com" }, { external_id: "dana-1" }]) {
      const claimed = await identify(key, { ...claim, name: "Dana?" });
      expect(claimed.status).toBe(201);
      expect(claimed.body.verified).toBe(false);
      expect(claimed.body.customer_id).toBe(customer);
      const visitor = asVisitor(claimed.body.visitor_token);
      expect((await visitor.get(`${W}/conversations`)).body.conversations).toEqual([]);
      expect((await visitor.get(`${W}/conversations/${conversation}`)).status).toBe(404);
      const opened = await visitor.post(`${W}/conversations`, {});
      expect(opened.status).toBe(201);
      const listed = await asVisitor(opened.body.visitor_token).get(`${W}/conversations`);
      expect(listed.body.conversations.map((c: { id: string }) => c.id)).toEqual([
        opened.body.conversation.id,
      ]);
    }
    // An unproven external id is never linked to a contact found by the email.
    await identify(key, { email: "dana@example.com", external_id: "claimed-by-visitor" });
    expect((await api.get(`${X}/customers?external_id=claimed-by-visitor`)).body.customers).toEqual(
      [],
    );
    // A proven identity reads the customer's conversations, not those the unproven visits opened.
    const proven = await identify(key, {
      email: "dana@example.com",
      user_hash: userHash(key.identity_secret, "dana@example.com"),
    });
    expect(proven.body.customer_id).toBe(customer);
    const all = await asVisitor(proven.body.visitor_token).get(`${W}/conversations`);
    expect(all.body.conversations.map((c: { id: string }) => c.id)).toEqual([conversation]);
  });

  test("a verified visitor never inherits the conversations an unverified claim of its email opened", async () => {
    const key = await widgetKey(api);
    const email = "newcomer@example.com";
    // Someone claims an email nobody has used yet: a contact is made for it, and a conversation opened.
    const claimed = await identify(key, { email, name: "Newcomer?" });
    expect(claimed.body.verified).toBe(false);
    const opened = await asVisitor(claimed.body.visitor_token).post(`${W}/conversations`, {
      body: "Please send my invoice to evil@example.com",
    });
    expect(opened.status).toBe(201);
    const claimedId = opened.body.conversation.id as string;
    const claimant = asVisitor(opened.body.visitor_token);
    // The real owner of the email, proven by the site: the same customer, none of the claim's conversations.
    const proven = await identify(key, { email, user_hash: userHash(key.identity_secret, email) });
    expect(proven.body).toMatchObject({ customer_id: claimed.body.customer_id, verified: true });
    const owner = asVisitor(proven.body.visitor_token);
    expect((await owner.get(`${W}/conversations`)).body.conversations).toEqual([]);
    expect((await owner.get(`${W}/conversations/${claimedId}`)).status).toBe(404);
    expect((await owner.get(`${W}/conversations/${claimedId}/messages`)).status).toBe(404);
    expect(
      (await owner.post(`${W}/conversations/${claimedId}/messages`, { body: "my card is…" }))
        .status,
    ).toBe(404);
    expect((await owner.post(`${W}/conversations/${claimedId}/seen`, {})).status).toBe(404);
    const socket = new Socket(`${server.url.replace(/^http/, "ws")}/socket`, {
      params: { token: proven.body.visitor_token },
    });
    socket.connect();
    try {
      const channel: Channel = socket.channel(`conversation:${claimedId}`, {});
      const joined = await new Promise<unknown>((resolve) =>
        channel
          .join()
          .receive("ok", () => resolve("ok"))
          .receive("error", (response: unknown) => resolve(response)),
      );
      expect(joined).toEqual({ reason: "not found" });
    } finally {
      socket.disconnect();
    }
    // What the owner opens is its own; the claim's token still reads only the claim's conversation.
    const own = await owner.post(`${W}/conversations`, { body: "Hello" });
    const ownId = own.body.conversation.id as string;
    const listed = await asVisitor(own.body.visitor_token).get(`${W}/conversations`);
    expect(listed.body.conversations.map((c: { id: string }) => c.id)).toEqual([ownId]);
    expect((await claimant.get(`${W}/conversations/${claimedId}`)).status).toBe(200);
    expect((await claimant.get(`${W}/conversations/${ownId}`)).status).toBe(404);
    // The team sees both, on one customer, and which one a proven visitor opened.
    const team = await api.get(`${X}/conversations?customer_id=${claimed.body.customer_id}`);
    const byId = Object.fromEntries(
      team.body.conversations.map((c: { id: string; visitor_identity: string }) => [
        c.id,
        c.visitor_identity,
      ]),
    );
    expect(byId).toEqual({ [claimedId]: "unverified", [ownId]: "verified" });
  });

  test("an unverified visitor reads every conversation it opened in its session, never another session's", async () => {
    const key = await widgetKey(api);
    const email = "gina@example.com";
    const known = await knownCustomer(api, { email });
    const first = await asVisitor((await identify(key, {})).body.visitor_token).post(
      `${W}/conversations`,
      { body: "First question" },
    );
    const firstId = first.body.conversation.id as string;
    const second = await asVisitor(first.body.visitor_token).post(`${W}/conversations`, {
      body: "Second question",
    });
    const secondId = second.body.conversation.id as string;
    // The latest token lists and reads both, newest first.
    const latest = asVisitor(second.body.visitor_token);
    expect(
      (await latest.get(`${W}/conversations`)).body.conversations.map((c: { id: string }) => c.id),
    ).toEqual([secondId, firstId]);
    const thread = await latest.get(`${W}/conversations/${firstId}/messages`);
    expect(thread.body.messages.map((m: { body: string }) => m.body)).toEqual(["First question"]);
    expect(
      (await latest.post(`${W}/conversations/${firstId}/messages`, { body: "Any news?" })).status,
    ).toBe(201);
    // Claiming an email in the same session keeps them, and gives none of the customer's own.
    const claimed = await asVisitor(second.body.visitor_token).post(`${W}/customers`, { email });
    expect(claimed.body).toMatchObject({ customer_id: known.customer, verified: false });
    const claimant = asVisitor(claimed.body.visitor_token);
    expect(ids(await claimant.get(`${W}/conversations`))).toEqual([firstId, secondId].sort());
    expect((await claimant.get(`${W}/conversations/${known.conversation}`)).status).toBe(404);
    const planted = await claimant.post(`${W}/conversations`, { body: "As Gina" });
    // Another session, anonymous or claiming the same email, reads none of them.
    const strangers = [
      (await identify(key, {})).body.visitor_token as string,
      (await identify(key, { email })).body.visitor_token as string,
    ];
    for (const token of strangers) {
      const stranger = asVisitor(token);
      expect((await stranger.get(`${W}/conversations`)).body.conversations).toEqual([]);
      for (const id of [firstId, secondId, planted.body.conversation.id])
        expect((await stranger.get(`${W}/conversations/${id}`)).status).toBe(404);
    }
    // On the live channel too.
    const socket = new Socket(`${server.url.replace(/^http/, "ws")}/socket`, {
      params: { token: second.body.visitor_token },
    });
    socket.connect();
    try {
      const joined = await new Promise((resolve) =>
        socket
          .channel(`conversation:${firstId}`, {})
          .join()
          .receive("ok", () => resolve("ok"))
          .receive("error", (response: unknown) => resolve(response)),
      );
      expect(joined).toBe("ok");
      // The session's later token (claiming the email) hears the answers in the anonymous conversation.
      const heard: string[] = [];
      const claimedSocket = new Socket(`${server.url.replace(/^http/, "ws")}/socket`, {
        params: { token: claimed.body.visitor_token },
      });
      claimedSocket.connect();
      try {
        const channel = claimedSocket.channel(`conversation:${firstId}`, {});
        channel.on("shout", (payload: { id: string }) => {
          heard.push(payload.id);
        });
        const status = await new Promise((resolve) =>
          channel
            .join()
            .receive("ok", () => resolve("ok"))
            .receive("error", (response: unknown) => resolve(response)),
        );
        expect(status).toBe("ok");
        const answer = await api.post(`${X}/messages`, { conversation_id: firstId, body: "Yes" });
        await until(() => heard.includes(answer.body.id), "the claim's token hears the answer");
      } finally {
        claimedSocket.disconnect();
      }
    } finally {
      socket.disconnect();
    }
  });

  test("an unverified claim does not spend the claimed customer's per-visitor budget", async () => {
    const key = await widgetKey(api, { visitor_rate_limit: 2 });
    await knownCustomer(api, { email: "erin@example.com" });
    const proven = await identify(key, {
      email: "erin@example.com",
      user_hash: userHash(key.identity_secret, "erin@example.com"),
    });
    const claimed = await identify(key, { email: "erin@example.com" });
    const impostor = asVisitor(claimed.body.visitor_token);
    for (let i = 0; i < 3; i++) await impostor.get(`${W}/conversations`);
    expect((await impostor.get(`${W}/conversations`)).status).toBe(429);
    expect((await asVisitor(proven.body.visitor_token).get(`${W}/conversations`)).status).toBe(200);
  });

  test("unverified claims of one email each have their own budget: one claimant never spends another's", async () => {
    const key = await widgetKey(api, { visitor_rate_limit: 2 });
    await knownCustomer(api, { email: "fred@example.com" });
    const flooder = asVisitor(
      (await identify(key, { email: "fred@example.com" })).body.visitor_token,
    );
    const other = await identify(key, { email: "fred@example.com" });
    for (let i = 0; i < 3; i++) await flooder.get(`${W}/conversations`);
    expect((await flooder.get(`${W}/conversations`)).status).toBe(429);
    // Another browser claiming the same email still chats, and its tokens share its own budget.
    const opened = await asVisitor(other.body.visitor_token).post(`${W}/conversations`, {
      body: "Hello",
    });
    expect(opened.status).toBe(201);
    const next = asVisitor(opened.body.visitor_token);
    expect((await next.get(`${W}/conversations`)).status).toBe(200);
    expect((await next.get(`${W}/conversations`)).status).toBe(429);
  });
});

/** The conversation.identity_verified events of `conversationId`: their tenant and metadata. */
async function identityVerifiedEvents(conversationId: string) {
  const rows = await server.ctx.db.primaryRead
    .select()
    .from(outboxEvents)
    .where(
      and(
        eq(outboxEvents.eventType, "conversation.identity_verified"),
        eq(outboxEvents.entityId, conversationId),
      ),
    )
    .orderBy(asc(outboxEvents.seq));
  return rows.map((row) => {
    const body = JSON.parse(row.body);
    return { tenant_id: row.tenantId, data: body.data, metadata: body.metadata };
  });
}

async function until(predicate: () => boolean, what: string, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`not met: ${what}`);
    await Bun.sleep(10);
  }
}

const ids = (reply: { body: { conversations: Array<{ id: string }> } }) =>
  reply.body.conversations.map((c) => c.id).sort();

describe("a visitor that proves its identity", () => {
  test("takes over the conversations it opened unverified in the same session, with its token sent along", async () => {
    const key = await widgetKey(api);
    const email = "olivia@example.com";
    const known = await knownCustomer(api, { email });
    // Anonymous on the site: two conversations, each token made from the one before.
    const anonymous = await identify(key, {});
    const anonymousId = anonymous.body.customer_id as string;
    const first = await asVisitor(anonymous.body.visitor_token).post(`${W}/conversations`, {
      body: "Do you ship to Norway?",
    });
    const firstId = first.body.conversation.id as string;
    const second = await asVisitor(first.body.visitor_token).post(`${W}/conversations`, {
      subject: "Returns",
      body: "And returns?",
    });
    const secondId = second.body.conversation.id as string;
    // It logs in on the site: the backend's proof, sent with the anonymous token.
    const proven = await asVisitor(second.body.visitor_token).post(`${W}/customers`, {
      email,
      user_hash: userHash(key.identity_secret, email),
    });
    expect(proven.status).toBe(201);
    expect(proven.body).toMatchObject({ customer_id: known.customer, verified: true });
    const owner = asVisitor(proven.body.visitor_token);
    expect(ids(await owner.get(`${W}/conversations`))).toEqual(
      [known.conversation, firstId, secondId].sort(),
    );
    const thread = await owner.get(`${W}/conversations/${firstId}/messages`);
    expect(thread.status).toBe(200);
    expect(thread.body.messages.map((m: { body: string }) => m.body)).toEqual([
      "Do you ship to Norway?",
    ]);
    expect(
      (await owner.post(`${W}/conversations/${secondId}/messages`, { body: "Thanks" })).status,
    ).toBe(201);
    // The team sees them on the proven customer, verified from now on, their messages with them.
    for (const id of [firstId, secondId]) {
      const conversation = await api.get(`${X}/conversations/${id}`);
      expect(conversation.body).toMatchObject({
        customer_id: known.customer,
        visitor_identity: "verified",
      });
      const events = await identityVerifiedEvents(id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        tenant_id: tenantId,
        data: { id, customer_id: known.customer, visitor_identity: "verified" },
        metadata: { previous_customer_id: anonymousId },
      });
    }
    const messages = await api.get(`${X}/messages?conversation_id=${firstId}`);
    expect(messages.body.messages.map((m: { customer_id: string }) => m.customer_id)).toEqual([
      known.customer,
    ]);
    expect(messages.body.messages[0].author_id).toBe(known.customer);
    const moved = await api.get(`${X}/conversations?customer_id=${anonymousId}`);
    expect(moved.body.conversations).toEqual([]);
    // The anonymous tokens no longer read what moved to the proven customer.
    expect(
      (await asVisitor(second.body.visitor_token).get(`${W}/conversations/${secondId}`)).status,
    ).toBe(404);
    // Proving again changes nothing more.
    await asVisitor(second.body.visitor_token).post(`${W}/customers`, {
      email,
      user_hash: userHash(key.identity_secret, email),
    });
    expect(await identityVerifiedEvents(firstId)).toHaveLength(1);
  });

  test("leaves no empty anonymous contact behind: the one it used goes (contact.deleted) when nothing else is on it", async () => {
    const key = await widgetKey(api);
    const email = "piet@example.com";
    const anonymous = await identify(key, {});
    const anonymousId = anonymous.body.customer_id as string;
    expect((await api.get(`${X}/contacts/${anonymousId}`)).body.first_name).toBe("Visitor");
    const opened = await asVisitor(anonymous.body.visitor_token).post(`${W}/conversations`, {
      body: "Is this in stock?",
    });
    const proven = await asVisitor(opened.body.visitor_token).post(`${W}/customers`, {
      email,
      user_hash: userHash(key.identity_secret, email),
    });
    expect(proven.status).toBe(201);
    expect(proven.body.customer_id).not.toBe(anonymousId);
    expect((await api.get(`${X}/contacts/${anonymousId}`)).status).toBe(404);
    const listed = await api.get(`${X}/contacts?page_size=500`);
    expect(listed.body.contacts.map((c: { id: string }) => c.id)).not.toContain(anonymousId);
    expect((await eventsFor(server, anonymousId)).map((e) => e.event_type)).toEqual([
      "contact.created",
      "contact.deleted",
    ]);
    // The conversation it opened is on the proven customer, readable by its new token.
    const moved = await api.get(`${X}/conversations/${opened.body.conversation.id}`);
    expect(moved.body.customer_id).toBe(proven.body.customer_id);
    const owner = asVisitor(proven.body.visitor_token);
    expect((await owner.get(`${W}/conversations/${opened.body.conversation.id}`)).status).toBe(200);
    // A token of the removed contact is refused as expired: the widget identifies again.
    const stale = await asVisitor(anonymous.body.visitor_token).post(`${W}/conversations`, {
      body: "Still there?",
    });
    expect(stale.status).toBe(401);
  });

  test("keeps the anonymous contact it used while something is still on it (a conversation it did not open, a note, a reference)", async () => {
    const key = await widgetKey(api);
    const email = "keeps.anon@example.com";
    // The team opened a conversation with the anonymous contact: it stays with it.
    const first = await identify(key, {});
    const firstId = first.body.customer_id as string;
    const teams = await api.post(`${X}/conversations`, { customer_id: firstId });
    expect(teams.status).toBe(201);
    const firstProof = await asVisitor(first.body.visitor_token).post(`${W}/customers`, {
      email,
      user_hash: userHash(key.identity_secret, email),
    });
    expect(firstProof.status).toBe(201);
    expect((await api.get(`${X}/contacts/${firstId}`)).status).toBe(200);
    expect((await api.get(`${X}/conversations/${teams.body.id}`)).body.customer_id).toBe(firstId);
    // A note on it keeps it too.
    const second = await identify(key, {});
    const secondId = second.body.customer_id as string;
    const note = await api.post(`${X}/notes`, {
      contact_id: secondId,
      text: "Asked about bulk prices",
    });
    expect(note.status).toBe(201);
    await asVisitor(second.body.visitor_token).post(`${W}/conversations`, { body: "Bulk?" });
    await asVisitor(second.body.visitor_token).post(`${W}/customers`, {
      email,
      user_hash: userHash(key.identity_secret, email),
    });
    expect((await api.get(`${X}/contacts/${secondId}`)).status).toBe(200);
    // A company's reference field that names it keeps it too.
    expect(
      (
        await api.post(`${X}/fields/companies`, {
          key: "visitor_ref",
          label: "Visitor",
          type: "reference",
          reference_object: "contacts",
        })
      ).status,
    ).toBe(201);
    const third = await identify(key, {});
    const thirdId = third.body.customer_id as string;
    const company = await api.post(`${X}/companies`, {
      name: "Bulk Buyers",
      custom_fields: { visitor_ref: thirdId },
    });
    expect(company.status).toBe(201);
    await asVisitor(third.body.visitor_token).post(`${W}/customers`, {
      email,
      user_hash: userHash(key.identity_secret, email),
    });
    expect((await api.get(`${X}/contacts/${thirdId}`)).status).toBe(200);
    for (const id of [firstId, secondId, thirdId])
      expect((await eventsFor(server, id)).map((e) => e.event_type)).not.toContain(
        "contact.deleted",
      );
  });

  test("takes over none of what other sessions opened claiming the identity, nor what a token it does not hold opened", async () => {
    const key = await widgetKey(api);
    const email = "pablo@example.com";
    const known = await knownCustomer(api, { email });
    // An attacker claims the email in its own browser and opens a conversation.
    const claim = await identify(key, { email });
    const planted = await asVisitor(claim.body.visitor_token).post(`${W}/conversations`, {
      body: "Send my invoice to evil@example.com",
    });
    const plantedId = planted.body.conversation.id as string;
    // Another anonymous visitor's conversation, whose token the owner's browser does not hold.
    const stranger = await identify(key, {});
    const strangers = await asVisitor(stranger.body.visitor_token).post(`${W}/conversations`, {
      body: "Hi",
    });
    const strangersId = strangers.body.conversation.id as string;
    // The real owner, anonymous in its own browser, then logging in with its own token.
    const own = await identify(key, {});
    const opened = await asVisitor(own.body.visitor_token).post(`${W}/conversations`, {
      body: "Where is my parcel?",
    });
    const ownId = opened.body.conversation.id as string;
    const proven = await asVisitor(opened.body.visitor_token).post(`${W}/customers`, {
      email,
      user_hash: userHash(key.identity_secret, email),
    });
    const owner = asVisitor(proven.body.visitor_token);
    expect(ids(await owner.get(`${W}/conversations`))).toEqual([known.conversation, ownId].sort());
    expect((await owner.get(`${W}/conversations/${plantedId}`)).status).toBe(404);
    expect((await owner.get(`${W}/conversations/${strangersId}`)).status).toBe(404);
    expect((await api.get(`${X}/conversations/${plantedId}`)).body).toMatchObject({
      customer_id: known.customer,
      visitor_identity: "unverified",
    });
    expect((await api.get(`${X}/conversations/${strangersId}`)).body).toMatchObject({
      customer_id: stranger.body.customer_id,
      visitor_identity: "unverified",
    });
    expect(await identityVerifiedEvents(plantedId)).toEqual([]);
    // A proof sent without the token, or with a verified one, takes nothing over.
    const loner = await identify(key, {});
    const lonely = await asVisitor(loner.body.visitor_token).post(`${W}/conversations`, {
      body: "Anyone?",
    });
    const lonelyId = lonely.body.conversation.id as string;
    await identify(key, { email, user_hash: userHash(key.identity_secret, email) });
    await owner.post(`${W}/customers`, { email, user_hash: userHash(key.identity_secret, email) });
    expect((await api.get(`${X}/conversations/${lonelyId}`)).body.visitor_identity).toBe(
      "unverified",
    );
    // A token whose visitor was altered is no token at all.
    const [payload, signature] = (opened.body.visitor_token as string).slice(3).split(".");
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString());
    const forged = `vt_${Buffer.from(JSON.stringify({ ...claims, v: lonelyId })).toString("base64url")}.${signature}`;
    const refused = await asVisitor(forged).post(`${W}/customers`, {
      email,
      user_hash: userHash(key.identity_secret, email),
    });
    expect(refused.status).toBe(401);
    expect((await api.get(`${X}/conversations/${lonelyId}`)).body.visitor_identity).toBe(
      "unverified",
    );
    // The claimant proving its own identity takes its own conversation to itself, away from the email's owner.
    const mallory = "mallory@example.com";
    const self = await asVisitor(planted.body.visitor_token).post(`${W}/customers`, {
      email: mallory,
      user_hash: userHash(key.identity_secret, mallory),
    });
    expect((await api.get(`${X}/conversations/${plantedId}`)).body).toMatchObject({
      customer_id: self.body.customer_id,
      visitor_identity: "verified",
    });
    expect(self.body.customer_id).not.toBe(known.customer);
    expect((await owner.get(`${W}/conversations/${plantedId}`)).status).toBe(404);
  });

  test("on the live channel: the anonymous token's topic closes, the verified token joins and hears it", async () => {
    const key = await widgetKey(api);
    const email = "rosa@example.com";
    const anonymous = await identify(key, {});
    const opened = await asVisitor(anonymous.body.visitor_token).post(`${W}/conversations`, {
      body: "Hi there",
    });
    const id = opened.body.conversation.id as string;
    const sockets: Socket[] = [];
    const open = (token: string) => {
      const socket = new Socket(`${server.url.replace(/^http/, "ws")}/socket`, {
        params: { token },
      });
      const frames: Array<{ topic: string; event: string; payload: any }> = [];
      socket.onMessage((frame: object) => {
        frames.push(frame as { topic: string; event: string; payload: any });
      });
      socket.connect();
      sockets.push(socket);
      return { socket, frames };
    };
    const join = (channel: Channel) =>
      new Promise<{ status: string; response: any }>((resolve) =>
        channel
          .join()
          .receive("ok", (response: any) => resolve({ status: "ok", response }))
          .receive("error", (response: any) => resolve({ status: "error", response })),
      );
    try {
      const before = open(opened.body.visitor_token);
      expect((await join(before.socket.channel(`conversation:${id}`, {}))).status).toBe("ok");
      const proven = await asVisitor(opened.body.visitor_token).post(`${W}/customers`, {
        email,
        user_hash: userHash(key.identity_secret, email),
      });
      expect(proven.status).toBe(201);
      await until(
        () =>
          before.frames.some((f) => f.topic === `conversation:${id}` && f.event === "phx_close"),
        "the anonymous token's topic closes",
      );
      const after = open(proven.body.visitor_token);
      const channel = after.socket.channel(`conversation:${id}`, {});
      const shouts: any[] = [];
      channel.on("shout", (payload: any) => {
        shouts.push(payload);
      });
      expect((await join(channel)).status).toBe("ok");
      const answer = await api.post(`${X}/messages`, { conversation_id: id, body: "Welcome back" });
      expect(answer.status).toBe(201);
      await until(
        () => shouts.some((m) => m.id === answer.body.id),
        "the verified visitor hears it",
      );
      // A round trip on the anonymous socket after that: nothing of the conversation came before it.
      const again = await join(before.socket.channel(`conversation:${id}`, {}));
      expect(again).toEqual({ status: "error", response: { reason: "not found" } });
      const heard = before.frames.filter((f) => f.event === "shout").map((f) => f.payload.id);
      expect(heard).not.toContain(answer.body.id);
    } finally {
      for (const socket of sockets) socket.disconnect();
    }
  });

  test("takes over only its own tenant's conversations", async () => {
    const { api: otherApi } = await server.tenant();
    const mine = await widgetKey(api);
    const theirs = await widgetKey(otherApi);
    const email = "quinn@example.com";
    const here = await identify(mine, {});
    const hereOpened = await asVisitor(here.body.visitor_token).post(`${W}/conversations`, {
      body: "Hello",
    });
    const there = await identify(theirs, {});
    const thereOpened = await asVisitor(there.body.visitor_token).post(`${W}/conversations`, {
      body: "Hallo",
    });
    const thereId = thereOpened.body.conversation.id as string;
    // Even a conversation of another tenant with the same visitor id stays where it is.
    const [row] = await server.ctx.db.execute("SELECT visitor_id FROM conversations WHERE id = ?", [
      hereOpened.body.conversation.id,
    ]);
    expect(String(row.visitor_id)).toMatch(/^vis_/);
    await server.ctx.db.execute("UPDATE conversations SET visitor_id = ? WHERE id = ?", [
      row.visitor_id,
      thereId,
    ]);
    // The other tenant's proof does not verify on this tenant's token (its key is the token's).
    const crossed = await page({
      authorization: `Bearer ${hereOpened.body.visitor_token}`,
      "x-widget-key": theirs.key,
    }).post(`${W}/customers`, { email, user_hash: userHash(theirs.identity_secret, email) });
    expect(crossed.status).toBe(403);
    const proven = await asVisitor(hereOpened.body.visitor_token).post(`${W}/customers`, {
      email,
      user_hash: userHash(mine.identity_secret, email),
    });
    expect(proven.status).toBe(201);
    expect(ids(await asVisitor(proven.body.visitor_token).get(`${W}/conversations`))).toEqual([
      hereOpened.body.conversation.id,
    ]);
    expect((await otherApi.get(`${X}/conversations/${thereId}`)).body).toMatchObject({
      customer_id: there.body.customer_id,
      visitor_identity: "unverified",
    });
    expect(await identityVerifiedEvents(thereId)).toEqual([]);
  });

  test("takes over every conversation it opened, however many, with their messages and events in one write", async () => {
    const key = await widgetKey(api);
    const email = "rosa@example.com";
    const anonymous = await identify(key, {});
    const anonymousId = anonymous.body.customer_id as string;
    const visitor = asVisitor(anonymous.body.visitor_token);
    // A long-lived browser session (a kiosk, a widget opening a chat per visit): over 1,000.
    const opened: string[] = [];
    for (let i = 0; i < 1001; i += 25) {
      const replies = await Promise.all(
        Array.from({ length: Math.min(25, 1001 - i) }, (_, j) =>
          visitor.post(`${W}/conversations`, { body: `Question ${i + j}` }),
        ),
      );
      for (const reply of replies) {
        expect(reply.status).toBe(201);
        opened.push(reply.body.conversation.id);
      }
    }
    const last = opened.at(-1) as string;
    await api.post(`${X}/messages`, { conversation_id: last, body: "An agent's answer" });

    const proven = await visitor.post(`${W}/customers`, {
      email,
      user_hash: userHash(key.identity_secret, email),
    });
    expect(proven.status).toBe(201);
    const provenId = proven.body.customer_id as string;

    const rows = await server.ctx.db.execute(
      "SELECT customer_id, visitor_identity, sync_seq FROM conversations WHERE visitor_id = (SELECT visitor_id FROM conversations WHERE id = ?)",
      [last],
    );
    expect(rows).toHaveLength(1001);
    for (const row of rows)
      expect(row).toMatchObject({ customer_id: provenId, visitor_identity: "verified" });
    // Each moved in the sync feed with a number of its own.
    expect(new Set(rows.map((row) => String(row.sync_seq))).size).toBe(1001);
    const left = await server.ctx.db.execute(
      "SELECT count(*) AS n FROM messages WHERE customer_id = ? OR author_id = ?",
      [anonymousId, anonymousId],
    );
    expect(Number(left[0].n)).toBe(0);
    const thread = await api.get(`${X}/messages?conversation_id=${last}`);
    expect(
      thread.body.messages.map((m: { author_type: string; author_id: string | null }) => [
        m.author_type,
        m.author_id,
      ]),
    ).toEqual([
      ["agent", null],
      ["customer", provenId],
    ]);
    const verified = await server.ctx.db.primaryRead
      .select({ entityId: outboxEvents.entityId, body: outboxEvents.body })
      .from(outboxEvents)
      .where(
        and(
          eq(outboxEvents.tenantId, tenantId),
          eq(outboxEvents.eventType, "conversation.identity_verified"),
        ),
      );
    const events = verified
      .map((row) => JSON.parse(row.body))
      .filter((event) => event.metadata.previous_customer_id === anonymousId);
    expect(events.map((event) => event.data.id).sort()).toEqual([...opened].sort());
    // Nothing is left on the anonymous contact, so it goes.
    expect((await api.get(`${X}/contacts/${anonymousId}`)).status).toBe(404);
    expect(
      (await asVisitor(proven.body.visitor_token).get(`${W}/conversations/${opened[0]}`)).status,
    ).toBe(200);
  }, 120_000);
});

describe("rotation", () => {
  test("the old secret keeps verifying for 24 hours after the rotation that replaced it", async () => {
    const key = await widgetKey(api, { identity_verification_required: true });
    const email = "frank@example.com";
    const first = await api.post(`${X}/widget-keys/${key.id}/rotate-identity-secret`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ id: key.id, identity_verification_required: true });
    expect(Date.parse(first.body.previous_identity_secret_expires_at)).toBe(
      clock.now().getTime() + DAY,
    );
    const proves = async (secret: string) =>
      (await identify(key, { email, user_hash: userHash(secret, email) })).status;
    expect(await proves(key.identity_secret)).toBe(201);
    expect(await proves(first.body.identity_secret)).toBe(201);

    clock.advance(12 * 3_600_000);
    try {
      // A second rotation does not cut the first secret's 24 hours short.
      const second = await api.post(`${X}/widget-keys/${key.id}/rotate-identity-secret`);
      expect(Date.parse(second.body.previous_identity_secret_expires_at)).toBe(
        clock.now().getTime() + DAY,
      );
      expect(await proves(key.identity_secret)).toBe(201);
      expect(await proves(first.body.identity_secret)).toBe(201);
      expect(await proves(second.body.identity_secret)).toBe(201);

      clock.advance(12 * 3_600_000 + 1000);
      expect(await proves(key.identity_secret)).toBe(403);
      expect(await proves(first.body.identity_secret)).toBe(201);
      expect(await proves(second.body.identity_secret)).toBe(201);

      clock.advance(12 * 3_600_000);
      expect(await proves(first.body.identity_secret)).toBe(403);
      expect(await proves(second.body.identity_secret)).toBe(201);
      const view = (await api.get(`${X}/widget-keys`)).body.widget_keys.find(
        (k: { id: string }) => k.id === key.id,
      );
      expect(view.previous_identity_secret_expires_at).toBeNull();
    } finally {
      clock.advance(-(36 * 3_600_000 + 1000));
    }
  });

  test("a verified visitor's token ends when the secret that proved it stops verifying; an anonymous visitor's does not", async () => {
    const key = await widgetKey(api);
    const email = "hana@example.com";
    await knownCustomer(api, { email });
    const proven = await identify(key, { email, user_hash: userHash(key.identity_secret, email) });
    const anonymous = await identify(key, {});
    const reads = async (token: string) =>
      (await asVisitor(token).get(`${W}/conversations`)).status;
    expect(await reads(proven.body.visitor_token)).toBe(200);

    await api.post(`${X}/widget-keys/${key.id}/rotate-identity-secret`);
    clock.advance(DAY - 1000);
    try {
      expect(await reads(proven.body.visitor_token)).toBe(200);
      clock.advance(2000);
      // A leaked secret, replaced: what it proved is no longer trusted.
      const ended = await asVisitor(proven.body.visitor_token).get(`${W}/conversations`);
      expect(ended.status).toBe(401);
      expect(await reads(anonymous.body.visitor_token)).toBe(200);
    } finally {
      clock.advance(-(DAY + 1000));
    }
  });

  test("a live socket's topics joined with a verified token close (phx_close) once the token ends: secret rotated out, or expired", async () => {
    const key = await widgetKey(api);
    const email = "ivo@example.com";
    const { conversation } = await knownCustomer(api, { email });
    const ws = `${server.url.replace(/^http/, "ws")}/socket`;
    /** A socket on the site's page, its visitor's token in the connect params, joined to the conversation. */
    const joined = async (token: string, id = conversation) => {
      const socket = new Socket(ws, { params: { token } });
      socket.connect();
      const channel: Channel = socket.channel(`conversation:${id}`, {});
      const closes: unknown[] = [];
      channel.onClose((payload: unknown) => {
        if (payload !== "leave") closes.push(payload);
      });
      const status = await new Promise((resolve) =>
        channel
          .join()
          .receive("ok", () => resolve("ok"))
          .receive("error", (response: unknown) => resolve(response)),
      );
      expect(status).toBe("ok");
      return { socket, channel, closes };
    };
    const waitFor = async (predicate: () => boolean, what: string) => {
      for (let i = 0; !predicate(); i++) {
        if (i > 500) throw new Error(`not met: ${what}`);
        await Bun.sleep(10);
      }
    };
    const prove = async () =>
      (await identify(key, { email, user_hash: userHash(key.identity_secret, email) })).body
        .visitor_token as string;
    // 1. The secret that proved it is rotated out (24 hours after the rotation).
    const proven = await joined(await prove());
    const anonymous = await identify(key, {});
    const opened = await asVisitor(anonymous.body.visitor_token).post(`${W}/conversations`, {});
    await api.post(`${X}/widget-keys/${key.id}/rotate-identity-secret`);
    clock.advance(DAY + 1000);
    try {
      await waitFor(() => proven.closes.length > 0, "the rotated-out token's topic closes");
      expect(proven.closes).toEqual([{ reason: "unauthorized" }]);
      expect(proven.channel.state).toBe("closed");
      // The server ended it: joining again with that token is refused; the socket stays up.
      const rejoin = proven.socket.channel(`conversation:${conversation}`, {});
      const again = await new Promise((resolve) =>
        rejoin
          .join()
          .receive("ok", () => resolve("ok"))
          .receive("error", (response: unknown) => resolve(response)),
      );
      expect(again).toEqual({ reason: "unauthorized" });
      rejoin.leave();
      proven.socket.disconnect();
      // An anonymous visitor's token proved nothing: its topic stays open.
      const still = await joined(opened.body.visitor_token, opened.body.conversation.id);
      still.socket.disconnect();
    } finally {
      clock.advance(-(DAY + 1000));
    }
    // 2. The token expires (30 days after it was made).
    key.identity_secret = (
      await api.post(`${X}/widget-keys/${key.id}/rotate-identity-secret`)
    ).body.identity_secret;
    const expiring = await joined(await prove());
    clock.advance(30 * DAY + 1000);
    try {
      await waitFor(() => expiring.closes.length > 0, "the expired token's topic closes");
      expect(expiring.closes).toEqual([{ reason: "unauthorized" }]);
    } finally {
      expiring.socket.disconnect();
      clock.advance(-(30 * DAY + 1000));
    }
  });

  test("nothing reaches a live topic after its visitor token ends (expiry, or its widget key revoked on any instance), while a valid visitor's socket gets it", async () => {
    const main = await widgetKey(api);
    const email = "jules@example.com";
    const { conversation } = await knownCustomer(api, { email });
    const ws = `${server.url.replace(/^http/, "ws")}/socket`;
    const topic = `conversation:${conversation}`;
    const opened: Socket[] = [];
    /** A visitor's socket joined to the conversation, with every frame it receives. */
    const joined = async (token: string) => {
      const socket = new Socket(ws, { params: { token } });
      const frames: Array<{ topic: string; event: string; payload: any }> = [];
      socket.onMessage((frame: object) => {
        frames.push(frame as { topic: string; event: string; payload: any });
      });
      socket.connect();
      opened.push(socket);
      const channel: Channel = socket.channel(topic, {});
      const status = await new Promise((resolve) =>
        channel
          .join()
          .receive("ok", () => resolve("ok"))
          .receive("error", (response: unknown) => resolve(response)),
      );
      expect(status).toBe("ok");
      const shouts = () => frames.filter((f) => f.topic === topic && f.event === "shout");
      /** A round trip on the socket: its reply comes after every frame sent to it before. */
      const roundTrip = () =>
        new Promise((resolve) =>
          socket
            .channel(`notification:${crypto.randomUUID()}`, {})
            .join()
            .receive("ok", resolve)
            .receive("error", resolve),
        );
      return { shouts, roundTrip };
    };
    const prove = async (key: CreatedKey) =>
      (await identify(key, { email, user_hash: userHash(key.identity_secret, email) })).body
        .visitor_token as string;
    /** An agent's answer, committed now; resolves once `control` heard it. */
    const answer = async (control: Awaited<ReturnType<typeof joined>>, body: string) => {
      const sent = await api.post(`${X}/messages`, { conversation_id: conversation, body });
      expect(sent.status).toBe(201);
      await until(
        () => control.shouts().some((f) => f.payload.id === sent.body.id),
        "the valid visitor hears it",
      );
      return sent.body.id as string;
    };
    let advanced = 0;
    try {
      // 1. Expiry: a token made a day before the control's ends first.
      const expiring = await joined(await prove(main));
      clock.advance(DAY);
      advanced += DAY;
      const control = await joined(await prove(main));
      clock.advance(29 * DAY + 1000);
      advanced += 29 * DAY + 1000;
      const late = await answer(control, "After your token ended");
      await expiring.roundTrip();
      expect(expiring.shouts().map((f) => f.payload.id)).not.toContain(late);

      // 2. Revocation written by another instance (straight to the database, no signal here).
      const other = await widgetKey(api);
      const revokedThere = await joined(await prove(other));
      const before = await answer(control, "Before the revocation");
      await revokedThere.roundTrip();
      expect(revokedThere.shouts().map((f) => f.payload.id)).toContain(before);
      await server.ctx.write((tx) =>
        tx
          .update(widgetKeys)
          .set({ revokedAt: new Date(), updatedAt: new Date() })
          .where(eq(widgetKeys.id, other.id)),
      );
      const afterThere = await answer(control, "After the revocation elsewhere");
      await revokedThere.roundTrip();
      expect(revokedThere.shouts().map((f) => f.payload.id)).not.toContain(afterThere);

      // 3. Revocation through the API on this instance.
      const third = await widgetKey(api);
      const revokedHere = await joined(await prove(third));
      expect((await api.delete(`${X}/widget-keys/${third.id}`)).status).toBe(204);
      const afterHere = await answer(control, "After the revocation here");
      await revokedHere.roundTrip();
      expect(revokedHere.shouts().map((f) => f.payload.id)).not.toContain(afterHere);
    } finally {
      for (const socket of opened) socket.disconnect();
      clock.advance(-advanced);
    }
  });

  test("a key made before identity verification gets its first secret by rotation, and cannot require verification before", async () => {
    const key = await widgetKey(api);
    await server.ctx.write((tx) =>
      tx.update(widgetKeys).set({ identitySecret: null }).where(eq(widgetKeys.id, key.id)),
    );
    const required = await api.patch(`${X}/widget-keys/${key.id}`, {
      identity_verification_required: true,
    });
    expect(required.status).toBe(409);
    const rotated = await api.post(`${X}/widget-keys/${key.id}/rotate-identity-secret`);
    expect(rotated.body).toMatchObject({
      has_identity_secret: true,
      previous_identity_secret_expires_at: null,
    });
    expect(
      (await api.patch(`${X}/widget-keys/${key.id}`, { identity_verification_required: true })).body
        .identity_verification_required,
    ).toBe(true);
    const proven = await identify(key, {
      email: "gail@example.com",
      user_hash: userHash(rotated.body.identity_secret, "gail@example.com"),
    });
    expect(proven.status).toBe(201);
  });
});

describe("tenant isolation", () => {
  test("a verified identity is a customer of the key's tenant only; another tenant cannot rotate or read the key", async () => {
    const { api: otherApi } = await server.tenant();
    const mine = await widgetKey(api);
    const theirs = await widgetKey(otherApi);
    const email = "henry@example.com";
    const home = await knownCustomer(api, { email });
    const away = await knownCustomer(otherApi, { email });
    // The other tenant's secret proves nothing on this tenant's key, and the reverse.
    expect(
      (await identify(mine, { email, user_hash: userHash(theirs.identity_secret, email) })).status,
    ).toBe(403);
    const there = await identify(theirs, {
      email,
      user_hash: userHash(theirs.identity_secret, email),
    });
    expect(there.body.customer_id).toBe(away.customer);
    const visitor = asVisitor(there.body.visitor_token);
    expect(
      (await visitor.get(`${W}/conversations`)).body.conversations.map((c: { id: string }) => c.id),
    ).toEqual([away.conversation]);
    expect((await visitor.get(`${W}/conversations/${home.conversation}`)).status).toBe(404);
    // Managing the key is its own tenant's.
    expect((await otherApi.post(`${X}/widget-keys/${mine.id}/rotate-identity-secret`)).status).toBe(
      404,
    );
    expect(
      (
        await otherApi.patch(`${X}/widget-keys/${mine.id}`, {
          identity_verification_required: true,
        })
      ).status,
    ).toBe(404);
    const noScope = await server.keyFor(tenantId, ["contacts:read"]);
    expect((await noScope.post(`${X}/widget-keys/${mine.id}/rotate-identity-secret`)).status).toBe(
      403,
    );
    // The refused rotation left this tenant's secret as it was.
    expect(
      (await identify(mine, { email, user_hash: userHash(mine.identity_secret, email) })).body
        .customer_id,
    ).toBe(home.customer);
  });
});

describe("keys:manage is no way into the conversations", () => {
  test("a widget key and its identity secret go only to a key that holds what a verified visitor does", async () => {
    const manager = await server.keyFor(tenantId, ["keys:manage"]);
    const { conversation } = await knownCustomer(api, { email: "iris@example.com" });
    // The manager cannot read the conversation itself...
    expect((await manager.get(`${X}/conversations/${conversation}`)).status).toBe(403);
    // ...so it may not make a widget key, whose identity secret would prove any customer and read theirs,
    const made = await manager.post(`${X}/widget-keys`, {
      name: "Side door",
      allowed_origins: [SITE],
    });
    expect(made.status).toBe(403);
    expect(made.body.identity_secret).toBeUndefined();
    // nor take the identity secret of a key made by someone who may.
    const key = await widgetKey(api);
    const rotated = await manager.post(`${X}/widget-keys/${key.id}/rotate-identity-secret`);
    expect(rotated.status).toBe(403);
    expect(rotated.body.identity_secret).toBeUndefined();
    expect((await manager.get(`${X}/widget-keys`)).status).toBe(200);
    // A key holding the conversation, message and contact scopes may.
    const support = await server.keyFor(tenantId, [
      "keys:manage",
      "contacts:write",
      "conversations:read",
      "conversations:write",
      "messages:read",
      "messages:write",
    ]);
    const allowed = await widgetKey(support);
    expect(
      (await support.post(`${X}/widget-keys/${allowed.id}/rotate-identity-secret`)).status,
    ).toBe(200);
  });
});
