import { afterAll, beforeAll, expect, test } from "bun:test";
import { ManualClock } from "../src/clock";
import { emit, newId, type WebhookDispatcher } from "../src/core";
import { createLogger } from "../src/logger";
import { startTestServer, type TenantClient, type TestServer } from "./helpers/server";
import { type Receiver, startReceiver } from "./webhook-receiver";

// CRMD_LOG_LEVEL=debug: what the scheduler and the webhook dispatcher say at debug.
let server: TestServer;
let tenant: TenantClient;
let receiver: Receiver;
const clock = new ManualClock(new Date());
const logs: Array<Record<string, any>> = [];

beforeAll(async () => {
  receiver = startReceiver();
  server = await startTestServer({
    clock,
    config: { webhookRetrySchedule: [10, 20], webhookTimeoutMs: 500 },
    logger: createLogger("debug", {}, (line) => logs.push(JSON.parse(line))),
  });
  tenant = await server.tenant(undefined, ["webhook"]);
});
afterAll(async () => {
  receiver.close();
  await server.close();
});

test("each scheduler run logs its job, duration and events at debug", async () => {
  expect(await server.ctx.scheduler.runNow("task_overdue")).toMatchObject({ outcome: "ok" });
  expect(logs.filter((line) => line.msg === "job ran" && line.job === "task_overdue")).toEqual([
    expect.objectContaining({
      level: "debug",
      job: "task_overdue",
      duration_ms: expect.any(Number),
      events: expect.any(Object),
    }),
  ]);
});

test("each webhook delivery attempt logs its outcome at debug, without the webhook's URL", async () => {
  const path = "/hook/debug";
  const previous = receiver.respond;
  receiver.respond = (request, index) =>
    request.path === path ? new Response("down", { status: 503 }) : previous(request, index);
  const created = await tenant.api.post("/api/external/webhooks", {
    url: `${receiver.url(path)}?token=not-logged`,
    events: ["*"],
  });
  expect(created.status).toBe(201);
  await server.ctx.write((tx) =>
    emit(tx, {
      tenantId: tenant.tenantId,
      type: "deal.created",
      data: { id: newId(), name: "Acme" },
      metadata: {},
      entityType: "deal",
      entityId: newId(),
      occurredAt: clock.now(),
    }),
  );
  const dispatcher = server.ctx.workers.find(
    (w) => w.name === "webhook-dispatcher",
  ) as WebhookDispatcher;
  await dispatcher.drain();
  const attempts = logs.filter((line) => line.msg === "webhook delivery attempt");
  expect(attempts).toEqual([
    expect.objectContaining({
      level: "debug",
      webhook_id: created.body.id,
      delivery_id: expect.any(String),
      event_type: "deal.created",
      attempt: 1,
      ok: false,
      status_code: 503,
      duration_ms: expect.any(Number),
    }),
  ]);
  expect(JSON.stringify(logs)).not.toContain("not-logged");
});

test("each group commit logs its writes, duration and outcome at debug", async () => {
  const { api } = await server.tenant(undefined, ["companies:write"]);
  const before = logs.length;
  const created = await Promise.all(
    ["Acme", "Globex", "Initech", "Umbrella"].map((name) =>
      api.post("/api/external/companies", { name }),
    ),
  );
  expect(created.map((reply) => reply.status)).toEqual([201, 201, 201, 201]);
  const batches = logs.slice(before).filter((line) => line.msg === "group commit");
  expect(batches.length).toBeGreaterThan(0);
  for (const line of batches)
    expect(line).toEqual(
      expect.objectContaining({
        level: "debug",
        writes: expect.any(Number),
        duration_ms: expect.any(Number),
        outcome: "committed",
      }),
    );
  // Every write went through one of them (with what else the requests wrote meanwhile).
  expect(batches.reduce((sum, line) => sum + line.writes, 0)).toBeGreaterThanOrEqual(4);
});
