import { beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import type { WriteTx } from "../db/client";
import { idempotencyKeys } from "../db/schema";
import { ManualClock } from "../src/clock";
import { changeCounts } from "./helpers/records";
import { Api, spawnCrmd } from "./helpers/server";
import { useTestServer } from "./helpers/suite";
import { startReceiver } from "./webhook-receiver";

const clock = new ManualClock(new Date("2026-01-10T09:00:00.000Z"));
let api: Api;
let tenantId: string;

const server = useTestServer({ clock, config: { rateLimit: 100_000 } });
beforeAll(async () => {
  ({ api, tenantId } = await server.tenant());
});

let counter = 0;
const newKey = () => `key-${++counter}-${Bun.randomUUIDv7()}`;
const withKey = (key: string) => ({ "idempotency-key": key });
const contactsNamed = async (client: Api, name: string) =>
  (await client.get(`/api/external/contacts?search=${name}`)).body.total;

describe("Idempotency-Key", () => {
  test("a retry with the same body gets the stored response, and nothing runs twice", async () => {
    const key = newKey();
    const body = { first_name: "Once", email: [{ email: "once@x.example" }] };
    const first = await api.post("/api/external/contacts", body, withKey(key));
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const before = await changeCounts(server, tenantId);

    const retry = await api.post("/api/external/contacts", body, withKey(key));
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.headers.get("content-type")).toContain("application/json");
    expect(retry.headers.get("x-ratelimit-limit")).toBe("100000");
    expect(retry.headers.get("x-request-id")).toBeTruthy();
    expect(await changeCounts(server, tenantId)).toEqual(before);
    expect(await contactsNamed(api, "once")).toBe(1);
  });

  test("a replay carries the record's ETag as the first answer did, in the coding the retry accepts", async () => {
    const post = (key: string, body: unknown, acceptEncoding: string) =>
      fetch(`${server.url}/api/external/contacts`, {
        method: "POST",
        headers: {
          "x-api-key": api.headers["x-api-key"] as string,
          "content-type": "application/json",
          "idempotency-key": key,
          "accept-encoding": acceptEncoding,
        },
        body: JSON.stringify(body),
        decompress: false,
      } as RequestInit);
    const short = { first_name: "Tagged" };
    const long = { first_name: "Tagged", background: "b".repeat(2000) };
    for (const [body, coding] of [
      [short, "identity"],
      [short, "gzip"],
      [long, "identity"],
      [long, "gzip"],
      [long, "br"],
    ] as const) {
      const key = newKey();
      const first = await post(key, body, coding);
      expect(first.status).toBe(201);
      const etag = first.headers.get("etag") as string;
      expect(etag).toMatch(/^"[0-9a-z]+\.[0-9a-z]+(-br|-gzip)?"$/);
      const retry = await post(key, body, coding);
      expect(retry.headers.get("idempotent-replayed")).toBe("true");
      const sent = { coding, long: body === long };
      expect({ ...sent, etag: retry.headers.get("etag") }).toEqual({ ...sent, etag });
      expect(retry.headers.get("content-encoding")).toBe(first.headers.get("content-encoding"));
      expect(new Uint8Array(await retry.arrayBuffer())).toEqual(
        new Uint8Array(await first.arrayBuffer()),
      );
      // Another coding: the same record's tag in that coding, which If-Match takes.
      const plain = await post(key, body, "identity");
      expect(plain.headers.get("etag")).toBe(etag.replace(/-(gzip|br)"$/, '"'));
      const id = ((await plain.json()) as { id: string }).id;
      const patched = await api.request(
        "PATCH",
        `/api/external/contacts/${id}`,
        { last_name: "Matched" },
        { "if-match": etag },
      );
      expect(patched.status).toBe(200);
    }
  });

  test("the stored replay keeps the answer's text as sent and its record's version beside it", async () => {
    const key = newKey();
    const first = await api.post("/api/external/contacts", { first_name: "Small" }, withKey(key));
    const [row] = await server.ctx.db.read
      .select()
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.key, key));
    expect(row.body).toBe(JSON.stringify(first.body));
    expect(row.version?.toString(36)).toBe(first.headers.get("etag")?.slice(1).split(".")[0]);
  });

  test("a stored replay without a record's version replays its text without an ETag", async () => {
    const key = newKey();
    const body = { first_name: "Untagged" };
    const first = await api.post("/api/external/contacts", body, withKey(key));
    expect(first.headers.get("etag")).toBeTruthy();
    await server.ctx.write((tx) =>
      tx.update(idempotencyKeys).set({ version: null }).where(eq(idempotencyKeys.key, key)),
    );
    const retry = await api.post("/api/external/contacts", body, withKey(key));
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get("etag")).toBeNull();
  });

  test("the same JSON with other key order or spacing is the same request", async () => {
    const key = newKey();
    const first = await api.post(
      "/api/external/contacts",
      '{"first_name":"Order","last_name":"Test"}',
      withKey(key),
    );
    const retry = await api.post(
      "/api/external/contacts",
      '{ "last_name": "Test",\n  "first_name": "Order" }',
      withKey(key),
    );
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body.id).toBe(first.body.id);
  });

  test("the same key with another body or path is 409 and runs nothing", async () => {
    const key = newKey();
    await api.post("/api/external/contacts", { first_name: "Original" }, withKey(key));
    const before = await changeCounts(server, tenantId);
    const otherBody = await api.post(
      "/api/external/contacts",
      { first_name: "Other" },
      withKey(key),
    );
    expect(otherBody.status).toBe(409);
    expect(otherBody.body.code).toBe("IDEMPOTENCY_KEY_REUSED");
    const otherPath = await api.post("/api/external/companies", { name: "Original" }, withKey(key));
    expect(otherPath.status).toBe(409);
    expect(await changeCounts(server, tenantId)).toEqual(before);
  });

  test("a failed request stores nothing: a corrected retry with the same key runs", async () => {
    const key = newKey();
    const bad = await api.post("/api/external/contacts", { title: "No name" }, withKey(key));
    expect(bad.status).toBe(422);
    const invalidBody = await api.post("/api/external/contacts", { first_name: 5 }, withKey(key));
    expect(invalidBody.status).toBe(422);
    const fixed = await api.post("/api/external/contacts", { first_name: "Fixed" }, withKey(key));
    expect(fixed.status).toBe(201);
    expect(fixed.headers.get("idempotent-replayed")).toBeNull();
  });

  test("keys belong to one API key: another key (or tenant) with the same string runs anew", async () => {
    const key = newKey();
    const body = { first_name: "Shared" };
    const first = await api.post("/api/external/contacts", body, withKey(key));
    const sibling = await server.keyFor(tenantId, ["contacts:write"]);
    const second = await sibling.post("/api/external/contacts", body, withKey(key));
    expect(second.status).toBe(201);
    expect(second.body.id).not.toBe(first.body.id);
    const other = await server.tenant();
    const third = await other.api.post("/api/external/contacts", body, withKey(key));
    expect(third.status).toBe(201);
    expect(await contactsNamed(other.api, "shared")).toBe(1);
  });

  test("keys expire after 24 hours", async () => {
    const key = newKey();
    const body = { first_name: "Expiring" };
    const first = await api.post("/api/external/contacts", body, withKey(key));
    clock.advance(24 * 60 * 60 * 1000 - 1);
    const replay = await api.post("/api/external/contacts", body, withKey(key));
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    clock.advance(1);
    const later = await api.post("/api/external/contacts", body, withKey(key));
    expect(later.status).toBe(201);
    expect(later.body.id).not.toBe(first.body.id);
    expect(await contactsNamed(api, "expiring")).toBe(2);
    clock.set("2026-01-10T09:00:00.000Z");
  });

  test("a retry while the first request runs is 409 with Retry-After; an abandoned claim is taken over", async () => {
    const key = newKey();
    const body = { first_name: "Running" };
    const first = await api.post("/api/external/contacts", body, withKey(key));
    // Put the record back in the state it has while the first request runs.
    await server.ctx.db.transaction((tx) =>
      tx
        .update(idempotencyKeys)
        .set({ status: null, body: null })
        .where(eq(idempotencyKeys.key, key)),
    );
    const busy = await api.post("/api/external/contacts", body, withKey(key));
    expect(busy.status).toBe(409);
    expect(busy.body.code).toBe("IDEMPOTENCY_IN_PROGRESS");
    expect(busy.headers.get("retry-after")).toBe("1");
    clock.advance(61_000);
    const takeover = await api.post("/api/external/contacts", body, withKey(key));
    expect(takeover.status).toBe(201);
    expect(takeover.body.id).not.toBe(first.body.id);
    clock.set("2026-01-10T09:00:00.000Z");
  });

  test("bulk calls replay their per-record results", async () => {
    const key = newKey();
    const body = { records: [{ first_name: "Bulky", email: [{ email: "bulky@x.example" }] }] };
    const first = await api.post("/api/external/contacts/bulk", body, withKey(key));
    const retry = await api.post("/api/external/contacts/bulk", body, withKey(key));
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(retry.body.results[0].status).toBe("created");
    expect(await contactsNamed(api, "bulky")).toBe(1);
  });

  test("works with the admin token too", async () => {
    const key = newKey();
    const name = `idem-${Date.now()}`;
    const first = await server.admin.post("/api/external/tenants", { name }, withKey(key));
    const retry = await server.admin.post("/api/external/tenants", { name }, withKey(key));
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
  });

  test("a malformed key is 400; API-key and webhook-secret responses refuse the header; GET ignores it", async () => {
    const long = await api.post(
      "/api/external/contacts",
      { first_name: "x" },
      withKey("k".repeat(256)),
    );
    expect(long.status).toBe(400);
    const spaced = await api.post("/api/external/contacts", { first_name: "x" }, withKey("a b"));
    expect(spaced.status).toBe(400);
    const keys = await server.admin.post(
      `/api/external/api-keys?tenant_id=${tenantId}`,
      { name: "k", permissions: ["read"] },
      withKey(newKey()),
    );
    expect(keys.status).toBe(400);
    expect(keys.body.detail).toContain("secret");
    // Webhook creation and rotation answer with a signing secret: never stored for replay.
    const hook = { url: "https://example.com/hook", events: ["*"] };
    const created = await api.post("/api/external/webhooks", hook, withKey(newKey()));
    expect(created.status).toBe(400);
    const plain = await api.post("/api/external/webhooks", hook);
    expect(plain.status).toBe(201);
    const rotated = await api.post(
      `/api/external/webhooks/${plain.body.id}/rotate-secret`,
      undefined,
      withKey(newKey()),
    );
    expect(rotated.status).toBe(400);
    const rows = await server.ctx.db.execute("SELECT * FROM idempotency_keys");
    expect(JSON.stringify(rows)).not.toContain("whsec_");
    const get = await api.get("/api/external/contacts", withKey(newKey()));
    expect(get.status).toBe(200);
    expect(get.headers.get("idempotent-replayed")).toBeNull();
  });

  test("the inbound email secret's answer is never stored for replay: the header is refused", async () => {
    const key = newKey();
    const rotated = await api.post("/api/external/email/inbound-secret", undefined, withKey(key));
    expect(rotated.status).toBe(400);
    expect(rotated.body.code).toBe("BAD_REQUEST");
    const rows = await server.ctx.db.execute("SELECT * FROM idempotency_keys");
    expect(JSON.stringify(rows)).not.toContain("inb_");
    const plain = await api.post("/api/external/email/inbound-secret");
    expect(plain.status).toBe(201);
    expect(plain.body.secret).toStartWith("inb_");
  });

  test("without authentication the header changes nothing: 401", async () => {
    const reply = await server.anonymous.post("/api/external/contacts", {}, withKey(newKey()));
    expect(reply.status).toBe(401);
  });
});

describe("the replay stored with the write", () => {
  /**
   * Posts with an Idempotency-Key, then puts back the replay as the write's
   * transaction stored it, as a crash between the commit and the answer
   * leaves it, and retries: the retry answers what that replay holds.
   */
  async function replayAfterCrash(path: string, body: unknown, client: Api = api) {
    const key = newKey();
    const atCommit = async () => {
      const [row] = await server.ctx.db.read
        .select()
        .from(idempotencyKeys)
        .where(eq(idempotencyKeys.key, key));
      return row;
    };
    const original = server.ctx.write;
    const write = original.bind(server.ctx);
    let stored: Awaited<ReturnType<typeof atCommit>> | undefined;
    server.ctx.write = async <T>(fn: (tx: WriteTx) => Promise<T>): Promise<T> => {
      const result = await write(fn);
      stored ??= await atCommit();
      return result;
    };
    let first: Awaited<ReturnType<Api["post"]>>;
    try {
      first = await client.post(path, body, withKey(key));
    } finally {
      server.ctx.write = original;
    }
    if (!stored) throw new Error("no write stored a replay");
    const { status, body: storedBody, version } = stored;
    await write((tx) =>
      tx
        .update(idempotencyKeys)
        .set({ status, body: storedBody, version })
        .where(eq(idempotencyKeys.key, key)),
    );
    const retry = await client.post(path, body, withKey(key));
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body).toEqual(first.body);
    expect({ path, etag: retry.headers.get("etag") }).toEqual({
      path,
      etag: first.headers.get("etag"),
    });
    return { first: first.status, retry: retry.status };
  }

  /** The first post creates (201, replayed 201); the same body again finds it (200, replayed 200). */
  async function expectCreatedThenFound(path: string, body: unknown) {
    expect(await replayAfterCrash(path, body)).toEqual({ first: 201, retry: 201 });
    expect(await replayAfterCrash(path, body)).toEqual({ first: 200, retry: 200 });
  }

  test("a created message replays 201; one found by its external_id 200", async () => {
    const who = (await api.post("/api/external/customers/identify", { email: "r@x.example" })).body;
    const conversation = (await api.post("/api/external/conversations", { customer_id: who.id }))
      .body;
    const message = { conversation_id: conversation.id, body: "hi", external_id: "ch-1" };
    await expectCreatedThenFound("/api/external/messages", message);
  });

  test("identify replays 201 for a new customer, 200 for one it found", async () => {
    const body = { email: "new-customer@x.example" };
    await expectCreatedThenFound("/api/external/customers/identify", body);
  });

  test("a widget visitor's message and seen mark replay what the visitor saw, never the stored row", async () => {
    const site = "https://shop.example.com";
    const widgetKey = (
      await api.post("/api/external/widget-keys", { name: "Shop", allowed_origins: [site] })
    ).body.key;
    const page = (headers: Record<string, string>) =>
      new Api(server.url, { origin: site, ...headers });
    const who = (await page({ "x-widget-key": widgetKey }).post("/api/widget/customers", {})).body;
    const opened = (
      await page({ authorization: `Bearer ${who.visitor_token}` }).post(
        "/api/widget/conversations",
        {},
      )
    ).body;
    const visitor = page({ authorization: `Bearer ${opened.visitor_token}` });
    const id = opened.conversation.id;
    const path = `/api/widget/conversations/${id}/messages`;
    expect(await replayAfterCrash(path, { body: "Hello?" }, visitor)).toEqual({
      first: 201,
      retry: 201,
    });
    await api.post("/api/external/messages", { conversation_id: id, body: "Hi, how can I help?" });
    expect(await replayAfterCrash(`/api/widget/conversations/${id}/seen`, {}, visitor)).toEqual({
      first: 200,
      retry: 200,
    });
  });

  test("a create replays 201", async () => {
    expect(await replayAfterCrash("/api/external/contacts", { first_name: "Crash" })).toEqual({
      first: 201,
      retry: 201,
    });
  });

  test("a webhook test send replays the receiver's answer, and the receiver gets it once", async () => {
    const receiver = startReceiver(() => new Response("teapot", { status: 418 }));
    try {
      const hook = await api.post("/api/external/webhooks", {
        url: receiver.url(),
        events: ["*"],
      });
      const sent = await replayAfterCrash(`/api/external/webhooks/test/${hook.body.id}`, undefined);
      expect(sent).toEqual({ first: 200, retry: 200 });
      expect(receiver.received.filter((r) => r.json?.event_type === "webhook.test")).toHaveLength(
        1,
      );
    } finally {
      receiver.close();
    }
  });
});

describe("Idempotency-Key across a crash", () => {
  /** Each kind of request, and what its answer must look like (the API's shape, nothing else). */
  const records = { contact: "", conversation: "" };
  const kinds = [
    {
      path: "/api/external/conversations",
      body: () => ({ customer_id: records.contact }),
      shaped: (b: any) => b.customer_id === records.contact && b.customerId === undefined,
    },
    {
      path: "/api/external/messages",
      body: (i: number) => ({ conversation_id: records.conversation, body: `Crash ${i}` }),
      shaped: (b: any) => b.conversation_id === records.conversation && b.row === undefined,
    },
    {
      path: "/api/external/customers/identify",
      body: (i: number) => ({ email: `crash-${i}@example.com` }),
      shaped: (b: any) => b.email?.[0]?.email !== undefined && b.customer === undefined,
    },
    {
      path: "/api/external/widget-keys",
      body: (i: number) => ({ name: `Crash ${i}`, allowed_origins: ["https://example.com"] }),
      shaped: (b: any) => b.key_prefix !== undefined && b.lastInsertRowid === undefined,
    },
    {
      path: "/api/external/contacts",
      body: (i: number) => ({ first_name: `Crash ${i}` }),
      shaped: (b: any) => b.first_name !== undefined && b.firstName === undefined,
    },
    {
      path: "/api/external/companies",
      body: (i: number) => ({ name: `Crash ${i}` }),
      shaped: (b: any) => b.custom_fields !== undefined && b.tenantId === undefined,
    },
    {
      path: "/api/external/contacts/bulk",
      body: (i: number) => ({ records: [{ first_name: `Bulk ${i}` }] }),
      shaped: (b: any) => b.created === 1 && b.results?.[0]?.status === "created",
    },
  ];

  test("after kill -9, a retry of a write that committed replays its answer as first sent", async () => {
    const dir = mkdtempSync(join(tmpdir(), "crmd-idempotency-crash-"));
    const adminToken = `admin-idempotency-crash-${crypto.randomUUID()}`;
    const env = { CRMD_RATE_LIMIT: "1000000" };
    let crmd = await spawnCrmd(dir, adminToken, env);
    try {
      const admin = new Api(crmd.url, { authorization: `Bearer ${adminToken}` });
      const tenant = (await admin.post("/api/external/tenants", { name: "crash" })).body;
      const key = (
        await admin.post(`/api/external/api-keys?tenant_id=${tenant.id}`, {
          name: "crash",
          permissions: ["*"],
        })
      ).body.key;
      const client = new Api(crmd.url, { "x-api-key": key });
      records.contact = (await client.post("/api/external/contacts", { first_name: "C" })).body.id;
      records.conversation = (
        await client.post("/api/external/conversations", { customer_id: records.contact })
      ).body.id;
      const requests = Array.from({ length: 350 }, (_, i) => ({ i, ...kinds[i % kinds.length] }));
      // Killed while most requests are between their write's commit and their answer.
      let answered = 0;
      const victim = crmd;
      await Promise.all(
        requests.map(({ i, path, body }) =>
          client
            .post(path, body(i), withKey(`crash-${i}`))
            .then(() => {
              if (++answered === 40) victim.child.kill("SIGKILL");
            })
            .catch(() => {}),
        ),
      );
      await victim.child.exited;
      crmd = await spawnCrmd(dir, adminToken, env);
      const retry = new Api(crmd.url, { "x-api-key": key });
      let replays = 0;
      const misshaped = new Set<string>();
      for (const { i, path, body, shaped } of requests) {
        const reply = await retry.post(path, body(i), withKey(`crash-${i}`));
        if (reply.headers.get("idempotent-replayed") !== "true") continue;
        replays++;
        if (!shaped(reply.body)) misshaped.add(path);
      }
      expect([...misshaped]).toEqual([]);
      expect(replays).toBeGreaterThan(0);
    } finally {
      crmd.child.kill("SIGTERM");
      await crmd.child.exited;
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
