import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { openDatabase } from "../db/client";
import {
  outboxEvents,
  webhookAttempts,
  webhookCatchups,
  webhookDeliveries,
  webhooks,
} from "../db/schema";
import { ManualClock } from "../src/clock";
import type { Config } from "../src/config";
import { emit, newId, type WebhookDispatcher } from "../src/core";
import { SecretBox, sealHeaders } from "../src/secrets";
import { type ClaimedDelivery, claimDue } from "../src/webhooks/claims";
import { catchUp, dispatchState, FANOUT_CURSOR, fanOut } from "../src/webhooks/fanout";
import { pruneOutbox } from "../src/webhooks/prune";
import { type AttemptResult, recordResults } from "../src/webhooks/results";
import { sendAttempt } from "../src/webhooks/sender";
import { Api, startTestServer, type TenantClient, type TestServer } from "./helpers/server";
import {
  type Received,
  type Receiver,
  seedPythonVerifies,
  standardVerifies,
  startReceiver,
} from "./webhook-receiver";

const SECOND = 1000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A crmd on a ManualClock whose dispatcher the tests drive with drain(). */
interface Harness {
  server: TestServer;
  clock: ManualClock;
  dispatcher: WebhookDispatcher;
  tenant: TenantClient;
}

async function harness(config: Partial<Config> = {}): Promise<Harness> {
  const clock = new ManualClock(new Date());
  const server = await startTestServer({
    clock,
    config: {
      webhookRetrySchedule: [10, 20, 30],
      webhookTimeoutMs: 500,
      ...config,
    },
  });
  const dispatcher = server.ctx.workers.find(
    (w) => w.name === "webhook-dispatcher",
  ) as WebhookDispatcher;
  return { server, clock, dispatcher, tenant: await server.tenant(undefined, ["webhook"]) };
}

let h: Harness;
let receiver: Receiver;
beforeAll(async () => {
  h = await harness();
  receiver = startReceiver();
});
afterAll(async () => {
  receiver.close();
  await h.server.close();
});

let paths = 0;

interface Hook {
  id: string;
  secret: string;
  path: string;
  /** What the receiver got on this webhook's path. */
  requests(): Received[];
  get(): Promise<any>;
  deliveries(query?: string): Promise<any[]>;
}

/** Registers a webhook on its own receiver path. */
async function hook(body: Record<string, unknown> = {}, on: Harness = h): Promise<Hook> {
  const path = `/hook/d-${++paths}`;
  const reply = await on.tenant.api.post("/api/external/webhooks", {
    url: receiver.url(path),
    events: ["*"],
    ...body,
  });
  expect(reply.status).toBe(201);
  const created = reply.body;
  return {
    id: created.id,
    secret: created.secret,
    path,
    requests: () => receiver.received.filter((r) => r.path === path),
    get: async () => (await on.tenant.api.get(`/api/external/webhooks/${created.id}`)).body,
    deliveries: async (query = "") =>
      (await on.tenant.api.get(`/api/external/webhooks/${created.id}/deliveries${query}`)).body
        .deliveries,
  };
}

/** Commits one outbox event, as a domain plugin's recordChange would. */
async function commit(
  type: string,
  entityId: string = newId(),
  on: Harness = h,
  tenantId = on.tenant.tenantId,
) {
  return on.server.ctx.write((tx) =>
    emit(tx, {
      tenantId,
      type,
      data: { id: entityId, name: "Acme" },
      metadata: { n: ++paths },
      entityType: type.split(".")[0],
      entityId,
      occurredAt: on.clock.now(),
    }),
  );
}

function respondOn(path: string, statuses: number[], headers: Record<string, string> = {}) {
  let n = 0;
  const previous = receiver.respond;
  receiver.respond = (request, index) => {
    if (request.path !== path) return previous(request, index);
    const status = statuses[Math.min(n++, statuses.length - 1)];
    return new Response(String(status), { status, headers });
  };
}

describe("fan-out and payload", () => {
  test("each event reaches every matching active webhook: exact, prefix.*, *", async () => {
    const all = await hook({ events: ["*"] });
    const deals = await hook({ events: ["deal.*"] });
    const leads = await hook({ events: ["lead.created"] });
    const won = await hook({ events: ["deal.won"] });
    const inactive = await hook({ events: ["*"], is_active: false });
    const other = await harnessTenantHook();
    const events = [
      await commit("deal.created"),
      await commit("deal.won"),
      await commit("lead.created"),
      await commit("task.created"),
    ];
    await h.dispatcher.drain();
    const ids = (w: { requests: () => Received[] }) => w.requests().map((r) => r.json.id);
    expect(ids(all).sort()).toEqual(events.map((e) => e.id).sort());
    expect(ids(deals).sort()).toEqual([events[0].id, events[1].id].sort());
    expect(ids(leads)).toEqual([events[2].id]);
    expect(ids(won)).toEqual([events[1].id]);
    expect(inactive.requests()).toEqual([]);
    expect(other.requests()).toEqual([]);
  });

  /** A webhook of another tenant, subscribed to everything. */
  async function harnessTenantHook() {
    const tenant = await h.server.tenant(undefined, ["webhook"]);
    return hook({ events: ["*"] }, { ...h, tenant });
  }

  test("the body is the outbox payload byte for byte, signed both ways, with all headers", async () => {
    const created = await hook({ headers: { "X-Custom-Header": "value" } });
    const event = await commit("deal.stage_changed");
    await h.dispatcher.drain();
    const [request] = created.requests();
    const [row] = await h.server.ctx.db.read
      .select()
      .from(outboxEvents)
      .where(eq(outboxEvents.id, event.id));
    expect(request.body).toBe(row.body);
    expect(request.json).toEqual({
      id: event.id,
      event_type: "deal.stage_changed",
      timestamp: event.timestamp,
      tenant_id: h.tenant.tenantId,
      data: event.data as any,
      metadata: event.metadata,
    });
    expect(request.headers).toMatchObject({
      "content-type": "application/json",
      "x-webhook-event": "deal.stage_changed",
      "x-webhook-timestamp": h.clock.now().toISOString(),
      "x-custom-header": "value",
      "webhook-id": event.id,
      "webhook-timestamp": String(Math.floor(h.clock.now().getTime() / 1000)),
    });
    expect(request.headers["x-webhook-signature"]).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(request.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(standardVerifies(created.secret, request)).toBe(true);
    const python = seedPythonVerifies(request, created.secret);
    if (python !== null) expect(python).toBe(true);
    const tampered = { ...request, body: request.body.replace("Acme", "Acmf") };
    expect(standardVerifies(created.secret, tampered)).toBe(false);
    const pythonTampered = seedPythonVerifies(tampered, created.secret);
    if (pythonTampered !== null) expect(pythonTampered).toBe(false);
  });

  test("crmd's own headers are never merged with or replaced by a stored custom header", async () => {
    const created = await hook({ headers: { "X-Custom-Header": "value" } });
    // As a webhook registered before such names were refused would have them (values sealed, as stored).
    const headers = sealHeaders(h.server.ctx.secrets, {
      TraceParent: "00-custom",
      "USER-AGENT": "custom",
      "X-Custom-Header": "value",
    });
    await h.server.ctx.write((tx) =>
      tx.update(webhooks).set({ headers }).where(eq(webhooks.id, created.id)),
    );
    await commit("deal.created");
    await h.dispatcher.drain();
    const [request] = created.requests();
    expect(request.headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/);
    expect(request.headers["user-agent"]).toBe("crmd-webhooks/1");
    expect(request.headers["x-custom-header"]).toBe("value");
  });

  test("header values sealed under another key: the attempt fails without a request, saying why", async () => {
    const created = await hook({ headers: { "X-A": "1" } });
    const other = new SecretBox(randomBytes(32));
    await h.server.ctx.write((tx) =>
      tx
        .update(webhooks)
        .set({ headers: sealHeaders(other, { "X-A": "1" }) })
        .where(eq(webhooks.id, created.id)),
    );
    await commit("deal.created");
    await h.dispatcher.drain();
    expect(created.requests()).toEqual([]);
    const [delivery] = await created.deliveries();
    expect(delivery.last_error).toContain("custom header values cannot be decrypted");
  });

  test("events committed before a webhook existed are not sent to it", async () => {
    const before = await commit("deal.created");
    const created = await hook();
    const after = await commit("deal.created");
    await h.dispatcher.drain();
    expect(created.requests().map((r) => r.json.id)).toEqual([after.id]);
    expect(receiver.received.some((r) => r.json?.id === before.id && r.path === created.path)).toBe(
      false,
    );
  });
});

describe("fan-out without webhooks", () => {
  test("events wait unread while no webhook is active; a webhook created later skips them in one step", async () => {
    const quiet = await harness();
    try {
      const { db } = quiet.server.ctx;
      const cursor = async () =>
        Number(
          (await db.execute("SELECT value FROM counters WHERE name = ?", [FANOUT_CURSOR]))[0].value,
        );
      for (let i = 0; i < 3; i++) await commit("deal.created", newId(), quiet);
      expect(await dispatchState(db)).toEqual({
        anyActive: false,
        unfanned: false,
        catchUp: false,
      });
      await quiet.dispatcher.drain();
      expect(await cursor()).toBe(0);

      const created = await hook({}, quiet);
      // The backlog is older than the webhook: fan-out jumps past it without reading it.
      const [{ from_seq: fromSeq }] = await db.execute(
        "SELECT from_seq FROM webhooks WHERE id = ?",
        [created.id],
      );
      expect(await fanOut(db, quiet.clock.now())).toBe(0);
      expect(await cursor()).toBe(Number(fromSeq));
      const event = await commit("deal.created", newId(), quiet);
      expect(await dispatchState(db)).toEqual({ anyActive: true, unfanned: true, catchUp: false });
      await quiet.dispatcher.drain();
      expect(created.requests().map((r) => r.json.id)).toEqual([event.id]);
      expect(await created.deliveries()).toHaveLength(1);
      const [latest] = await db.execute("SELECT max(seq) AS seq FROM outbox_events");
      expect(await cursor()).toBe(Number(latest.seq));
      expect(await dispatchState(db)).toEqual({ anyActive: true, unfanned: false, catchUp: false });
    } finally {
      await quiet.server.close();
    }
  });
});

describe("retries", () => {
  test("a receiver that fails, then succeeds: retried on schedule, same event id", async () => {
    const created = await hook();
    respondOn(created.path, [500, 503, 200]);
    const event = await commit("deal.created");
    await h.dispatcher.drain();
    expect(created.requests()).toHaveLength(1);
    let [delivery] = await created.deliveries();
    expect(delivery).toMatchObject({ status: "pending", attempt_count: 1, last_status_code: 500 });
    const wait = Date.parse(delivery.next_attempt_at) - h.clock.now().getTime();
    expect(wait).toBeGreaterThanOrEqual(9 * SECOND);
    expect(wait).toBeLessThanOrEqual(11 * SECOND);

    await h.dispatcher.drain(); // not due yet
    expect(created.requests()).toHaveLength(1);
    h.clock.advance(11 * SECOND);
    await h.dispatcher.drain();
    expect(created.requests()).toHaveLength(2);
    h.clock.advance(22 * SECOND);
    await h.dispatcher.drain();
    expect(created.requests().map((r) => r.json.id)).toEqual([event.id, event.id, event.id]);
    [delivery] = await created.deliveries();
    expect(delivery).toMatchObject({ status: "succeeded", attempt_count: 3, last_error: null });
    expect(delivery.attempts.map((a: any) => [a.attempt, a.status_code, a.error])).toEqual([
      [1, 500, "HTTP 500"],
      [2, 503, "HTTP 503"],
      [3, 200, null],
    ]);
    expect(delivery.completed_at).toBe(h.clock.now().toISOString());
    expect((await created.get()).consecutive_failures).toBe(0);
  });

  test("a retry an hour later is signed at its own time: a consumer verifies it then, under the same webhook-id", async () => {
    const created = await hook();
    respondOn(created.path, [500, 200]);
    const event = await commit("deal.created");
    await h.dispatcher.drain();
    const firstSentAt = h.clock.now();
    h.clock.advance(HOUR);
    await h.dispatcher.drain();
    const [first, retry] = created.requests();
    expect(retry.headers["webhook-id"]).toBe(event.id);
    expect(first.headers["webhook-id"]).toBe(event.id);
    // The Standard Webhooks library refuses a timestamp more than 5 minutes off its clock.
    expect(standardVerifies(created.secret, first, firstSentAt)).toBe(true);
    expect(standardVerifies(created.secret, retry, h.clock.now())).toBe(true);
    expect(standardVerifies(created.secret, first, h.clock.now())).toBe(false);
    expect(retry.headers["x-webhook-timestamp"]).toBe(h.clock.now().toISOString());
  });

  test("after the last attempt the delivery is failed", async () => {
    const created = await hook();
    respondOn(created.path, [500]);
    await commit("deal.created");
    for (const wait of [0, 11, 22, 33, 60]) {
      h.clock.advance(wait * SECOND);
      await h.dispatcher.drain();
    }
    expect(created.requests()).toHaveLength(4); // first attempt + 3 retries
    const [delivery] = await created.deliveries();
    expect(delivery).toMatchObject({ status: "failed", attempt_count: 4, next_attempt_at: null });
    expect((await created.get()).consecutive_failures).toBe(4);
  });

  test("Retry-After on 429 and 503 is honoured instead of the schedule", async () => {
    const created = await hook();
    respondOn(created.path, [429, 200], { "retry-after": "120" });
    await commit("deal.created");
    await h.dispatcher.drain();
    const [delivery] = await created.deliveries();
    expect(Date.parse(delivery.next_attempt_at) - h.clock.now().getTime()).toBe(120 * SECOND);
    h.clock.advance(60 * SECOND); // past the schedule's 10 s, before Retry-After
    await h.dispatcher.drain();
    expect(created.requests()).toHaveLength(1);
    h.clock.advance(60 * SECOND);
    await h.dispatcher.drain();
    expect(created.requests()).toHaveLength(2);

    const unavailable = await hook();
    const date = new Date(h.clock.now().getTime() + 300 * SECOND).toUTCString();
    respondOn(unavailable.path, [503, 200], { "retry-after": date });
    await commit("deal.created");
    await h.dispatcher.drain();
    const [pending] = await unavailable.deliveries();
    const wait = Date.parse(pending.next_attempt_at) - h.clock.now().getTime();
    expect(wait).toBeGreaterThan(298 * SECOND);
    expect(wait).toBeLessThanOrEqual(300 * SECOND);
  });

  test("a Retry-After that is neither seconds nor an HTTP date is ignored: the schedule applies", async () => {
    for (const value of ["1.5", "-1", "30s"]) {
      const created = await hook();
      respondOn(created.path, [429, 200], { "retry-after": value });
      await commit("deal.created");
      await h.dispatcher.drain();
      expect(created.requests()).toHaveLength(1); // not retried at once
      const [delivery] = await created.deliveries();
      const wait = Date.parse(delivery.next_attempt_at) - h.clock.now().getTime();
      expect(wait).toBeGreaterThanOrEqual(9 * SECOND); // the schedule's 10 s, ±10 %
    }
  });

  test("redirects are not followed and count as failures", async () => {
    const created = await hook();
    const target = `/hook/redirect-target-${++paths}`;
    respondOn(created.path, [302], { location: receiver.url(target) });
    await commit("deal.created");
    await h.dispatcher.drain();
    const [delivery] = await created.deliveries();
    expect(delivery).toMatchObject({ status: "pending", last_status_code: 302 });
    expect(delivery.last_error).toContain("redirects are not followed");
    expect(receiver.received.filter((r) => r.path === target)).toEqual([]);
  });

  test("an attempt that exceeds the timeout fails with a timeout error", async () => {
    const created = await hook();
    const previous = receiver.respond;
    receiver.respond = (request, index) =>
      request.path === created.path
        ? Bun.sleep(2000).then(() => new Response("late"))
        : previous(request, index);
    try {
      await commit("deal.created");
      await h.dispatcher.drain();
    } finally {
      receiver.respond = previous;
    }
    const [delivery] = await created.deliveries();
    expect(delivery).toMatchObject({ status: "pending", last_status_code: null });
    expect(delivery.last_error).toBe("timeout after 500 ms");
  });
});

describe("disabling", () => {
  test("410 Gone disables the webhook at once and fails the delivery", async () => {
    const created = await hook();
    respondOn(created.path, [410]);
    await commit("deal.created");
    await h.dispatcher.drain();
    const state = await created.get();
    expect(state).toMatchObject({ is_active: false, disabled_at: h.clock.now().toISOString() });
    expect(state.disabled_reason).toContain("410");
    expect(state.recent_deliveries[0]).toMatchObject({ status: "failed", last_status_code: 410 });
    await commit("deal.created");
    await h.dispatcher.drain();
    expect(created.requests()).toHaveLength(1);
  });

  test("a 410 disables the webhook even when a later answer in the same batch is a success", async () => {
    const own = await harness();
    const { ctx } = own.server;
    const created = await hook({}, own);
    const previous = receiver.respond;
    // The endpoint answers its first request 2xx and its second 410, the 2xx
    // held back until the 410 has finished, so the batch holds 410 then 2xx.
    let goneFinished = () => {};
    const goneDone = new Promise<void>((resolve) => {
      goneFinished = resolve;
    });
    let answered = 0;
    receiver.respond = async (request, index) => {
      if (request.path !== created.path) return previous(request, index);
      if (answered++ === 1) return new Response("gone", { status: 410 });
      await goneDone;
      return new Response("ok");
    };
    try {
      await commit("deal.created", newId(), own);
      await commit("deal.created", newId(), own);
      await fanOut(ctx.db, own.clock.now());
      const limits = { slots: 8, perWebhook: 8, maxPerHour: 1000, leaseMs: 10 * SECOND };
      const claims = (
        await ctx.db.transaction((tx) => claimDue(tx, own.clock.now(), limits, ctx.db.dialect))
      ).filter((claim) => claim.webhookId === created.id);
      expect(claims).toHaveLength(2);
      // In completion order, as the dispatcher collects them.
      const batch: AttemptResult[] = [];
      await Promise.all(
        claims.map(async (claim) => {
          const outcome = await sendAttempt(
            {
              url: claim.url,
              customHeaders: claim.customHeaders,
              body: claim.body as string,
              eventId: claim.eventId,
              eventType: claim.eventType,
              keys: { current: ctx.secrets.open(claim.keys.current), previous: [] },
            },
            { timeoutMs: 5 * SECOND, allowPrivate: true, at: claim.claimedAt },
          );
          batch.push({ claim, outcome, finishedAt: own.clock.now() });
          if (outcome.statusCode === 410) goneFinished();
        }),
      );
      expect(batch.map((result) => result.outcome.statusCode)).toEqual([410, 200]);
      const policy = { retrySchedule: [10], disableAfterFailures: 100, disableAfterDays: 5 };
      await ctx.db.transaction((tx) => recordResults(tx, batch, policy));
      const state = await created.get();
      expect(state).toMatchObject({ is_active: false, disabled_at: own.clock.now().toISOString() });
      expect(state.disabled_reason).toContain("410");
      const statuses = (await created.deliveries()).map((d: any) => d.status).sort();
      expect(statuses).toEqual(["failed", "succeeded"]);
      await commit("deal.created", newId(), own);
      await own.dispatcher.drain();
      expect(created.requests()).toHaveLength(2);
    } finally {
      receiver.respond = previous;
      await own.server.close();
    }
  });

  test("N consecutive failures disable it, with the reason; re-enabling resets", async () => {
    const strict = await harness({ webhookDisableAfterFailures: 6 });
    try {
      const created = await hook({}, strict);
      respondOn(created.path, [500]);
      for (let i = 0; i < 6; i++) await commit("deal.created", newId(), strict);
      await strict.dispatcher.drain();
      const state = await created.get();
      expect(state.is_active).toBe(false);
      expect(state.consecutive_failures).toBe(6);
      expect(state.disabled_reason).toContain("6 consecutive failed delivery attempts");
      strict.clock.advance(11 * SECOND);
      await strict.dispatcher.drain();
      expect(created.requests()).toHaveLength(6); // pending retries wait while disabled

      respondOn(created.path, [200]);
      const enabled = await strict.tenant.api.put(`/api/external/webhooks/${created.id}`, {
        is_active: true,
      });
      expect(enabled.body).toMatchObject({
        is_active: true,
        disabled_reason: null,
        consecutive_failures: 0,
        failing_since: null,
      });
      await strict.dispatcher.drain();
      expect(created.requests()).toHaveLength(12); // the six waiting deliveries resume
      expect((await created.deliveries("?status=succeeded")).length).toBe(6);
    } finally {
      await strict.server.close();
    }
  });

  test("events committed before a pause are delivered after it, even if not yet fanned out", async () => {
    const created = await hook();
    // Committed while the webhook is active; the dispatcher has not turned it into a delivery yet.
    const before = await commit("deal.created");
    const path = `/api/external/webhooks/${created.id}`;
    expect((await h.tenant.api.put(path, { is_active: false })).status).toBe(200);
    const during = await commit("deal.created");
    await h.dispatcher.drain();
    expect(created.requests()).toHaveLength(0);
    expect((await created.deliveries()).map((d) => d.event_id)).toEqual([before.id]);

    expect((await h.tenant.api.put(path, { is_active: true })).status).toBe(200);
    const after = await commit("deal.created");
    await h.dispatcher.drain();
    expect(created.requests().map((r) => r.json.id)).toEqual([before.id, after.id]);
    expect(receiver.received.some((r) => r.json?.id === during.id && r.path === created.path)).toBe(
      false,
    );
  });

  test("a pause with a backlog writes one row; the backlog is queued a page at a time and each event delivered once after resume", async () => {
    const own = await harness();
    try {
      const { db } = own.server.ctx;
      const created = await hook({ events: ["deal.*"] }, own);
      const entities = Array.from({ length: 7 }, () => newId());
      const page = 10;
      // Not fanned out yet: several pages, seven records in turn.
      const backlog = await own.server.ctx.write(async (tx) => {
        const ids: Array<{ id: string; entity: string }> = [];
        for (let i = 0; i < 3 * page + 4; i++) {
          const entity = entities[i % entities.length];
          const event = await emit(tx, {
            tenantId: own.tenant.tenantId,
            type: i % 3 === 0 ? "task.created" : "deal.updated",
            data: { id: entity, n: i },
            entityType: "deal",
            entityId: entity,
            occurredAt: own.clock.now(),
          });
          if (i % 3 !== 0) ids.push({ id: event.id, entity });
        }
        return ids;
      });
      const deliveries = async () =>
        (
          await db.read
            .select({ eventId: webhookDeliveries.eventId })
            .from(webhookDeliveries)
            .where(eq(webhookDeliveries.webhookId, created.id))
        ).map((row) => row.eventId);
      const path = `/api/external/webhooks/${created.id}`;
      expect((await own.tenant.api.put(path, { is_active: false })).status).toBe(200);
      // The pause queued nothing itself: one row says what the webhook is owed.
      expect(await deliveries()).toEqual([]);
      expect(await db.read.select().from(webhookCatchups)).toHaveLength(1);
      const during = await commit("deal.updated", entities[0], own);

      expect(await catchUp(db, own.clock.now(), page)).toBe(page);
      const firstPage = await deliveries();
      expect(firstPage.length).toBeGreaterThan(0);
      expect(firstPage.length).toBeLessThan(page);
      expect(await catchUp(db, own.clock.now(), page)).toBe(page);
      expect((await deliveries()).length).toBeLessThan(backlog.length);
      await own.dispatcher.drain(); // the rest, while paused: queued, not sent
      expect(created.requests()).toHaveLength(0);
      expect((await deliveries()).sort()).toEqual(backlog.map((e) => e.id).sort());
      expect(await db.read.select().from(webhookCatchups)).toEqual([]);

      expect((await own.tenant.api.put(path, { is_active: true })).status).toBe(200);
      const after = await commit("deal.updated", entities[0], own);
      await own.dispatcher.drain();
      const received = created.requests().map((r) => r.json.id);
      expect([...received].sort()).toEqual([...backlog.map((e) => e.id), after.id].sort());
      expect(received).not.toContain(during.id);
      // Each record's events in commit order.
      for (const entity of entities) {
        const sent = created
          .requests()
          .filter((r) => r.json.data.id === entity)
          .map((r) => r.json.id);
        const committed = backlog.filter((e) => e.entity === entity).map((e) => e.id);
        expect(sent).toEqual(entity === entities[0] ? [...committed, after.id] : committed);
      }
    } finally {
      await own.server.close();
    }
  });

  test("resumed and paused again before its backlog was queued: the new events wait behind it, each delivered once", async () => {
    const own = await harness();
    try {
      const created = await hook({ events: ["deal.*"] }, own);
      const entity = newId();
      const path = `/api/external/webhooks/${created.id}`;
      const pause = async () =>
        expect((await own.tenant.api.put(path, { is_active: false })).status).toBe(200);
      const resume = async () =>
        expect((await own.tenant.api.put(path, { is_active: true })).status).toBe(200);
      const first = await commit("deal.updated", entity, own);
      await pause();
      const whilePaused = await commit("deal.updated", entity, own);
      await resume();
      const second = await commit("deal.updated", entity, own);
      await pause();
      await resume();
      // Fan-out serves the resumed webhook first; the backlog rows are still there.
      await fanOut(own.server.ctx.db, own.clock.now());
      const third = await commit("deal.updated", entity, own);
      await own.dispatcher.drain();
      expect(created.requests().map((r) => r.json.id)).toEqual([first.id, second.id, third.id]);
      expect(created.requests().some((r) => r.json.id === whilePaused.id)).toBe(false);
    } finally {
      await own.server.close();
    }
  });

  test("outbox pruning keeps the events a paused webhook is still owed", async () => {
    const own = await harness();
    try {
      const { db } = own.server.ctx;
      const paused = await hook({ events: ["deal.*"] }, own);
      await hook({ events: ["task.*"] }, own); // keeps fan-out moving past the deal events
      const owed = [];
      for (let i = 0; i < 3; i++) owed.push((await commit("deal.created", newId(), own)).id);
      const path = `/api/external/webhooks/${paused.id}`;
      expect((await own.tenant.api.put(path, { is_active: false })).status).toBe(200);
      await fanOut(db, own.clock.now());
      own.clock.advance(10 * DAY);
      await pruneOutbox(db, own.clock.now(), 7);
      await own.dispatcher.drain();
      expect((await own.tenant.api.put(path, { is_active: true })).status).toBe(200);
      await own.dispatcher.drain();
      expect(paused.requests().map((r) => r.json.id)).toEqual(owed);
    } finally {
      await own.server.close();
    }
  });

  test("events committed before an automatic disable wait with its deliveries too", async () => {
    const strict = await harness({ webhookDisableAfterFailures: 1 });
    try {
      const { db } = strict.server.ctx;
      const created = await hook({}, strict);
      const first = await commit("deal.created", newId(), strict);
      await fanOut(db, strict.clock.now());
      const limits = { slots: 8, perWebhook: 8, maxPerHour: 1000, leaseMs: 10 * SECOND };
      const [claim] = await db.transaction((tx) =>
        claimDue(tx, strict.clock.now(), limits, db.dialect),
      );
      // Committed while the attempt is in flight: not fanned out when its failure disables the webhook.
      const second = await commit("deal.created", newId(), strict);
      const failed = { ok: false, statusCode: 500, durationMs: 1, error: "HTTP 500" };
      const policy = { retrySchedule: [10], disableAfterFailures: 1, disableAfterDays: 5 };
      await db.transaction((tx) =>
        recordResults(
          tx,
          [
            {
              claim,
              outcome: { ...failed, retryAfterSeconds: null },
              finishedAt: strict.clock.now(),
            },
          ],
          policy,
        ),
      );
      expect((await created.get()).is_active).toBe(false);

      const path = `/api/external/webhooks/${created.id}`;
      expect((await strict.tenant.api.put(path, { is_active: true })).status).toBe(200);
      strict.clock.advance(11 * SECOND);
      await strict.dispatcher.drain();
      const succeeded = await created.deliveries("?status=succeeded");
      expect(succeeded.map((d) => d.event_id).sort()).toEqual([first.id, second.id].sort());
    } finally {
      await strict.server.close();
    }
  });

  test("failing for the configured number of days disables it", async () => {
    const created = await hook();
    respondOn(created.path, [500]);
    await commit("deal.created");
    await h.dispatcher.drain();
    const since = h.clock.now().toISOString();
    expect((await created.get()).failing_since).toBe(since);
    h.clock.advance(5 * DAY);
    await h.dispatcher.drain();
    const state = await created.get();
    expect(state.is_active).toBe(false);
    expect(state.consecutive_failures).toBe(2);
    expect(state.disabled_reason).toContain(`since ${since}`);
  });
});

describe("redelivery and replay", () => {
  test("redeliver sends the same event again", async () => {
    const created = await hook();
    const event = await commit("lead.created");
    await h.dispatcher.drain();
    const [delivery] = await created.deliveries();
    const reply = await h.tenant.api.post(
      `/api/external/webhooks/${created.id}/deliveries/${delivery.id}/redeliver`,
    );
    expect(reply.status).toBe(202);
    await h.dispatcher.drain();
    const requests = created.requests();
    expect(requests.map((r) => r.json.id)).toEqual([event.id, event.id]);
    expect(requests[1].body).toBe(requests[0].body);
    const [after] = await created.deliveries();
    expect(after).toMatchObject({ id: delivery.id, status: "succeeded", attempt_count: 2 });
  });

  test("replay re-sends the failed deliveries created since a time, and only those", async () => {
    const created = await hook();
    respondOn(created.path, [500]);
    const old = await commit("deal.created");
    await h.dispatcher.drain(); // a running worker fans out at once: the delivery dates from now
    const cutoff = new Date(h.clock.now().getTime() + 1);
    h.clock.advance(1000);
    const recent = [await commit("deal.created"), await commit("deal.updated")];
    for (const wait of [0, 11, 22, 33]) {
      h.clock.advance(wait * SECOND);
      await h.dispatcher.drain();
    }
    expect((await created.deliveries("?status=failed")).length).toBe(3);
    // A test send that failed is not replayed: it was one attempt, outside the queue.
    await h.tenant.api.post(`/api/external/webhooks/test/${created.id}`);
    expect((await created.deliveries("?status=failed")).length).toBe(4);
    respondOn(created.path, [200]);
    const reply = await h.tenant.api.post(
      `/api/external/webhooks/${created.id}/replay?since=${cutoff.toISOString()}`,
    );
    expect(reply.body).toEqual({ replayed: 2 });
    await h.dispatcher.drain();
    const delivered = created
      .requests()
      .slice(13)
      .map((r) => r.json.id);
    expect(delivered.sort()).toEqual(recent.map((e) => e.id).sort());
    const failed = await created.deliveries("?status=failed");
    expect(failed.map((d: any) => d.event_type).sort()).toEqual(["deal.created", "webhook.test"]);
    expect(failed.find((d: any) => d.event_type === "deal.created").event_id).toBe(old.id);
  });
});

describe("signing secrets", () => {
  test("a secret this instance's key cannot open fails its attempts visibly; other webhooks keep being delivered", async () => {
    // Webhooks registered on an instance with one CRMD_SECRET_KEY, served by one with another.
    const dir = mkdtempSync(join(tmpdir(), "crmd-secret-key-"));
    const clock = new ManualClock(new Date());
    const config = { webhookRetrySchedule: [10], webhookTimeoutMs: 500 };
    const before = await startTestServer({
      dir,
      clock,
      config: { ...config, secretKey: randomBytes(32).toString("hex") },
    });
    const tenant = await before.tenant(undefined, ["*"]);
    const sealedElsewhere = await tenant.api.post("/api/external/webhooks", {
      url: receiver.url("/hook/other-key"),
      events: ["contact.created"],
    });
    await before.close();
    const after = await startTestServer({
      dir,
      clock,
      config: { ...config, secretKey: randomBytes(32).toString("hex") },
    });
    try {
      const api = new Api(after.url, { "x-api-key": tenant.key });
      const fine = await api.post("/api/external/webhooks", {
        url: receiver.url("/hook/this-key"),
        events: ["contact.created"],
      });
      const contact = await api.post("/api/external/contacts", { first_name: "Ada" });
      expect(contact.status).toBe(201);
      const dispatcher = after.ctx.workers.find(
        (w) => w.name === "webhook-dispatcher",
      ) as WebhookDispatcher;
      await dispatcher.drain();

      const delivered = receiver.received.filter((r) => r.path === "/hook/this-key");
      expect(delivered.map((r) => r.json.data.id)).toEqual([contact.body.id]);
      expect(standardVerifies(fine.body.secret, delivered[0])).toBe(true);
      expect(receiver.received.some((r) => r.path === "/hook/other-key")).toBe(false);
      const log = await api.get(`/api/external/webhooks/${sealedElsewhere.body.id}/deliveries`);
      const [delivery] = log.body.deliveries;
      expect(delivery).toMatchObject({ status: "pending", attempt_count: 1 });
      expect(delivery.attempts).toHaveLength(1);
      expect(delivery.last_error).toMatch(/signing secret/);
      const test = await api.post(`/api/external/webhooks/test/${sealedElsewhere.body.id}`);
      expect(test.status).toBe(200);
      expect(test.body).toMatchObject({ success: false, status_code: null });
      expect(test.body.error).toMatch(/signing secret/);
    } finally {
      await after.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("deletion", () => {
  test("a webhook deleted while an attempt is in flight leaves no log behind", async () => {
    const created = await hook();
    let release = () => {};
    const previous = receiver.respond;
    receiver.respond = (request, index) =>
      request.path === created.path
        ? new Promise((resolve) => {
            release = () => resolve(new Response("ok"));
          })
        : previous(request, index);
    try {
      await commit("deal.created");
      const draining = h.dispatcher.drain();
      await receiver.waitFor(() => created.requests().length === 1);
      const deleted = await h.tenant.api.delete(`/api/external/webhooks/${created.id}`);
      expect(deleted.status).toBe(200);
      release();
      await draining;
    } finally {
      receiver.respond = previous;
    }
    const db = h.server.ctx.db.read;
    expect(
      await db.select().from(webhookAttempts).where(eq(webhookAttempts.webhookId, created.id)),
    ).toEqual([]);
    expect(
      await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, created.id)),
    ).toEqual([]);
  });
});

describe("ordering", () => {
  test("events of one entity arrive in commit order, even across retries", async () => {
    const created = await hook();
    const [a, b] = [newId(), newId()];
    let failedOnce = false;
    const previous = receiver.respond;
    receiver.respond = (request, index) => {
      if (request.path !== created.path) return previous(request, index);
      if (request.json.data.id === a && !failedOnce) {
        failedOnce = true;
        return new Response("", { status: 500 });
      }
      return new Response("ok");
    };
    const a1 = await commit("deal.created", a);
    const b1 = await commit("deal.created", b);
    const a2 = await commit("deal.updated", a);
    const a3 = await commit("deal.won", a);
    await h.dispatcher.drain();
    // a1 failed and waits for its retry; a2 and a3 wait behind it; b is not held up.
    expect(created.requests().map((r) => r.json.id)).toEqual([a1.id, b1.id]);
    h.clock.advance(11 * SECOND);
    await h.dispatcher.drain();
    receiver.respond = previous;
    const forA = created
      .requests()
      .filter((r) => r.json.data.id === a)
      .map((r) => r.json.id);
    expect(forA).toEqual([a1.id, a1.id, a2.id, a3.id]);
  });
});

describe("limits", () => {
  test("at most N deliveries per hour per webhook; the excess waits and is sent later", async () => {
    const capped = await harness({ webhookMaxPerHour: 3 });
    try {
      const created = await hook({}, capped);
      const events = [];
      for (let i = 0; i < 5; i++) events.push(await commit("deal.created", newId(), capped));
      await capped.dispatcher.drain();
      expect(created.requests()).toHaveLength(3);
      const pending = await created.deliveries("?status=pending");
      expect(pending).toHaveLength(2);
      const resume = capped.clock.now().getTime() + HOUR;
      for (const delivery of pending) expect(Date.parse(delivery.next_attempt_at)).toBe(resume);
      capped.clock.advance(HOUR - 1000);
      await capped.dispatcher.drain();
      expect(created.requests()).toHaveLength(3);
      capped.clock.advance(1000);
      await capped.dispatcher.drain();
      const ids = created.requests().map((r) => r.json.id);
      expect(ids.sort()).toEqual(events.map((e) => e.id).sort());
      expect(await created.deliveries("?status=failed")).toEqual([]);
    } finally {
      await capped.server.close();
    }
  });

  test("one claim fills its slots across webhooks, each within its room, in per-entity order", async () => {
    const own = await harness();
    try {
      const few = [];
      for (let i = 0; i < 5; i++) few.push(await hook({ events: ["task.created"] }, own));
      const many = await hook({ events: ["deal.*"] }, own);
      await commit("task.created", newId(), own);
      // The first deal's second event waits behind its first.
      const first = (await commit("deal.updated", "deal-twice", own)).id;
      const second = (await commit("deal.updated", "deal-twice", own)).id;
      const inOrder = [first];
      for (let i = 0; i < 9; i++) inOrder.push((await commit("deal.created", newId(), own)).id);
      const { db } = own.server.ctx;
      await fanOut(db, own.clock.now());
      const limits = { perWebhook: 8, maxPerHour: 1000, leaseMs: 60_000 };
      const claimRolledBack = async (slots: number) => {
        let claims: ClaimedDelivery[] = [];
        await db
          .transaction(async (tx) => {
            claims = await claimDue(tx, own.clock.now(), { ...limits, slots }, db.dialect);
            throw new Error("roll back");
          })
          .catch(() => {});
        return claims;
      };
      // Webhooks take turns in a random order: the same holds for any order.
      for (let round = 0; round < 5; round++) {
        const claims = await claimRolledBack(10);
        expect(claims).toHaveLength(10); // 5 single deliveries + 8 of the 10 `many` may send
        const ofMany = claims.filter((c) => c.webhookId === many.id).map((c) => c.eventId);
        expect(ofMany.length).toBeGreaterThanOrEqual(5);
        expect(ofMany).toEqual(inOrder.slice(0, ofMany.length)); // oldest first, `second` skipped
        for (const hook of few)
          expect(claims.filter((c) => c.webhookId === hook.id).length).toBeLessThanOrEqual(1);
        expect(new Set(claims.map((c) => c.deliveryId)).size).toBe(10);
        expect(await claimRolledBack(3)).toHaveLength(3);
      }
      const all = await claimRolledBack(100);
      expect(all).toHaveLength(5 + 8);
      expect(all.some((c) => c.eventId === second)).toBe(false);
    } finally {
      await own.server.close();
    }
  }, 20_000);

  test("no more requests in flight than the configured concurrency", async () => {
    const narrow = await harness({ webhookConcurrency: 2 });
    const previous = receiver.respond;
    let inFlight = 0;
    let peak = 0;
    try {
      const first = await hook({}, narrow);
      const second = await hook({}, narrow);
      receiver.respond = async (request, index) => {
        if (request.path !== first.path && request.path !== second.path)
          return previous(request, index);
        peak = Math.max(peak, ++inFlight);
        await Bun.sleep(20);
        inFlight--;
        return new Response("ok");
      };
      for (let i = 0; i < 6; i++) await commit("deal.created", newId(), narrow);
      await narrow.dispatcher.drain();
      expect(first.requests()).toHaveLength(6);
      expect(second.requests()).toHaveLength(6);
      expect(peak).toBe(2);
    } finally {
      receiver.respond = previous;
      await narrow.server.close();
    }
  });
});

describe("SSRF protection (private targets not allowed)", () => {
  test("private, loopback, link-local and metadata URLs are refused at registration", async () => {
    const strict = await harness({ webhookAllowPrivate: false });
    try {
      for (const url of [
        "http://127.0.0.1:8080/hook",
        "http://localhost/hook",
        "http://[::1]/hook",
        "http://[::ffff:127.0.0.1]/hook",
        "http://169.254.169.254/latest/meta-data",
        "http://10.0.0.8/hook",
        "http://192.168.1.1/hook",
        "http://0.0.0.0/hook",
      ]) {
        const reply = await strict.tenant.api.post("/api/external/webhooks", {
          url,
          events: ["*"],
        });
        expect({ url, status: reply.status, path: reply.body.errors?.[0]?.path }).toEqual({
          url,
          status: 422,
          path: "/url",
        });
      }
    } finally {
      await strict.server.close();
    }
  });

  test("a webhook that points to 127.0.0.1 (directly or by name) is never contacted", async () => {
    const strict = await harness({ webhookAllowPrivate: false });
    try {
      const direct = await registerThenRepoint(strict, receiver.url(`/hook/ssrf-${++paths}`));
      const byName = await registerThenRepoint(
        strict,
        receiver.url(`/hook/ssrf-${++paths}`).replace("127.0.0.1", "localhost"),
      );
      await commit("deal.created", newId(), strict);
      await strict.dispatcher.drain();
      for (const { id, url } of [direct, byName]) {
        expect(receiver.received.filter((r) => r.path === new URL(url).pathname)).toEqual([]);
        const { body } = await strict.tenant.api.get(`/api/external/webhooks/${id}/deliveries`);
        expect(body.deliveries[0].status).toBe("pending");
        expect(body.deliveries[0].last_error).toMatch(
          /^refused: .* resolves to .* \(loopback address\)$/,
        );
        const test = await strict.tenant.api.post(`/api/external/webhooks/test/${id}`);
        expect(test.body).toMatchObject({ success: false, status_code: null });
        expect(test.body.error).toContain("loopback");
      }
    } finally {
      await strict.server.close();
    }
  });

  /** Registers a public URL, then points the row at `url` (as if registered while private targets were allowed). */
  async function registerThenRepoint(on: Harness, url: string) {
    const reply = await on.tenant.api.post("/api/external/webhooks", {
      url: "https://hooks.example.com/crm",
      events: ["*"],
    });
    await on.server.ctx.db.transaction((tx) =>
      tx.update(webhooks).set({ url }).where(eq(webhooks.id, reply.body.id)),
    );
    return { id: reply.body.id as string, url };
  }
});

describe("background worker", () => {
  test("delivers events committed by another connection (another instance) without a wake-up", async () => {
    const created = await hook();
    const other = await openDatabase(h.server.ctx.config.databaseUrl);
    h.dispatcher.start();
    try {
      const event = await other.transaction((tx) =>
        emit(tx, {
          tenantId: h.tenant.tenantId,
          type: "task.created",
          data: { id: "t1" },
          entityType: "task",
          entityId: "t1",
          occurredAt: h.clock.now(),
        }),
      );
      await receiver.waitFor(() => created.requests().length === 1);
      expect(created.requests()[0].json.id).toBe(event.id);
      const local = await commit("task.updated", "t1");
      await receiver.waitFor(() => created.requests().length === 2);
      expect(created.requests()[1].json.id).toBe(local.id);
    } finally {
      await h.dispatcher.stop();
      await other.close();
    }
  });
});

describe("delivery log retention", () => {
  test("the hourly job prunes finished deliveries past retention; pending ones stay", async () => {
    const created = await hook();
    const stuck = await hook();
    respondOn(created.path, [200, 500]);
    respondOn(stuck.path, [500]);
    const first = await commit("deal.created");
    await h.dispatcher.drain();
    h.clock.advance(31 * DAY);
    await commit("deal.updated");
    await h.dispatcher.drain();
    const status = await h.server.ctx.scheduler.runNow("webhook_prune");
    expect(status.outcome).toBe("ok");
    const rows = await h.server.ctx.db.read
      .select({ webhookId: webhookDeliveries.webhookId, status: webhookDeliveries.status })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.webhookId, created.id));
    expect(rows).toEqual([{ webhookId: created.id, status: "pending" }]);
    const stuckRows = await stuck.deliveries();
    expect(stuckRows.map((d: any) => d.status).sort()).toEqual(["pending", "pending"]);
    const jobs = await h.server.ctx.scheduler.status();
    expect(jobs.find((j) => j.name === "webhook_prune")?.cron).toBe("0 * * * *");
    // The stuck webhook still reads the first event's body: the outbox keeps it.
    const kept = await h.server.ctx.db.read
      .select()
      .from(outboxEvents)
      .where(eq(outboxEvents.id, first.id));
    expect(kept).toHaveLength(1);
  });

  test("outbox events past retention go once delivered and pruned; newer ones stay", async () => {
    // A server of its own: other tests' failing webhooks still reference their events.
    const own = await harness();
    try {
      const only = await hook({}, own);
      respondOn(only.path, [200, 200]);
      const old = await commit("deal.created", newId(), own);
      await own.dispatcher.drain();
      own.clock.advance(31 * DAY);
      const recent = await commit("deal.updated", newId(), own);
      await own.dispatcher.drain();
      const exists = async (id: string) =>
        (await own.server.ctx.db.read.select().from(outboxEvents).where(eq(outboxEvents.id, id)))
          .length === 1;
      expect(await exists(old.id)).toBe(true);
      await own.server.ctx.scheduler.runNow("webhook_prune");
      expect(await exists(old.id)).toBe(false);
      expect(await exists(recent.id)).toBe(true);
    } finally {
      await own.server.close();
    }
  });
});
