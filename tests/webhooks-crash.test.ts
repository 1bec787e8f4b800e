import { afterAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Subprocess } from "bun";
import { and, eq, ne } from "drizzle-orm";
import { openDatabase } from "../db/client";
import { webhookDeliveries } from "../db/schema";
import { emit } from "../src/core";
import { type CrmdProcess, startCrmdProcess } from "./helpers/process";
import { Api } from "./helpers/server";
import { startReceiver } from "./webhook-receiver";

const dir = mkdtempSync(join(tmpdir(), "crmd-crash-"));
const databaseUrl = `file:${join(dir, "crmd.db")}`;
const adminToken = `admin-${crypto.randomUUID()}`;
const children: Subprocess[] = [];

afterAll(() => {
  for (const child of children) child.kill(9);
  rmSync(dir, { recursive: true, force: true });
});

/** Starts crmd as a real process on the shared database; resolves with its base URL. */
async function startCrmd(env: Record<string, string> = {}): Promise<CrmdProcess> {
  const started = await startCrmdProcess({
    CRMD_DATABASE_URL: databaseUrl,
    CRMD_ADMIN_TOKEN: adminToken,
    CRMD_WEBHOOK_ALLOW_PRIVATE: "1",
    CRMD_WEBHOOK_TIMEOUT_MS: "1000",
    CRMD_WEBHOOK_RETRY_SCHEDULE: "1,1,1,1,1",
    ...env,
  });
  children.push(started.child);
  return started;
}

/** Creates a tenant, a webhook key and a webhook to `url` through crmd's API. */
async function setUp(baseUrl: string, tenantName: string, url: string) {
  const admin = new Api(baseUrl, { authorization: `Bearer ${adminToken}` });
  const tenant = await admin.post("/api/external/tenants", { name: tenantName });
  const key = await admin.post(`/api/external/api-keys?tenant_id=${tenant.body.id}`, {
    name: "k",
    permissions: ["webhook"],
  });
  const api = new Api(baseUrl, { "x-api-key": key.body.key });
  const hook = await api.post("/api/external/webhooks", { url, events: ["*"] });
  expect(hook.status).toBe(201);
  return { tenantId: tenant.body.id as string, webhookId: hook.body.id as string };
}

test("kill -9 mid-burst loses no committed event: after a restart every one is delivered", async () => {
  const receiver = startReceiver(async () => {
    await Bun.sleep(3); // slow enough that deliveries are in flight when the process dies
    return new Response("ok");
  });
  try {
    const first = await startCrmd();
    const { tenantId, webhookId } = await setUp(first.url, "crash", receiver.url());

    // The burst comes from another connection, as from another instance.
    const db = await openDatabase(databaseUrl);
    const committed: string[] = [];
    let killedAt = -1;
    try {
      // Commit until the receiver has seen 20 deliveries, kill crmd, commit 60 more.
      for (let i = 0; killedAt < 0 ? i < 5000 : committed.length < killedAt + 60; i++) {
        const event = await db.transaction((tx) =>
          emit(tx, {
            tenantId,
            type: i % 2 ? "deal.updated" : "deal.created",
            data: { id: `deal-${i % 7}`, n: i },
            entityType: "deal",
            entityId: `deal-${i % 7}`,
            occurredAt: new Date(),
          }),
        );
        committed.push(event.id);
        if (killedAt < 0 && receiver.received.length >= 20) {
          first.child.kill(9);
          await first.child.exited;
          killedAt = committed.length;
        }
        await Bun.sleep(2);
      }
      expect(killedAt).toBeGreaterThan(0);
      expect(killedAt).toBeLessThan(committed.length);
      const receivedAtKill = new Set(receiver.received.map((r) => r.json.id)).size;
      expect(receivedAtKill).toBeLessThan(committed.length);

      const second = await startCrmd();
      const wanted = new Set(committed);
      const seen = () => new Set(receiver.received.map((r) => r.json.id));
      await receiver.waitFor(() => [...wanted].every((id) => seen().has(id)), 60_000);
      for (const request of receiver.received) expect(wanted.has(request.json.id)).toBe(true);
      // Per-entity order holds across the crash: each entity's first receipts follow commit order.
      const firstSeen = new Set<string>();
      const firstReceipt = receiver.received.filter(
        (r) => !firstSeen.has(r.json.id) && firstSeen.add(r.json.id),
      );
      for (let entity = 0; entity < 7; entity++) {
        const order = firstReceipt
          .filter((r) => r.json.data.id === `deal-${entity}`)
          .map((r) => r.json.data.n);
        expect(order).toEqual([...order].sort((a, b) => a - b));
      }
      second.child.kill("SIGTERM");
      await second.child.exited;
      const unfinished = await db.read
        .select({ id: webhookDeliveries.id })
        .from(webhookDeliveries)
        .where(
          and(
            eq(webhookDeliveries.webhookId, webhookId),
            ne(webhookDeliveries.status, "succeeded"),
          ),
        );
      expect(unfinished).toEqual([]);
      const all = await db.read
        .select({ id: webhookDeliveries.eventId })
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.webhookId, webhookId));
      expect(new Set(all.map((d) => d.id))).toEqual(wanted);
    } finally {
      await db.close();
    }
  } finally {
    receiver.close();
  }
}, 90_000);

test("two crmd processes on one database never send the same attempt twice", async () => {
  const receiver = startReceiver();
  // A long timeout makes leases long: in this test no lease may expire, so any duplicate is a bug.
  const slow = { CRMD_WEBHOOK_TIMEOUT_MS: "15000" };
  // Both starts settle before a failure is thrown, so a process that did start is one afterAll stops.
  const starts = await Promise.allSettled([startCrmd(slow), startCrmd(slow)]);
  const [one, two] = starts.map((start) => {
    if (start.status === "rejected") throw start.reason;
    return start.value;
  });
  const db = await openDatabase(databaseUrl);
  try {
    const { tenantId, webhookId } = await setUp(one.url, "pair", receiver.url("/pair"));
    const committed = new Set<string>();
    for (let i = 0; i < 100; i++) {
      const event = await db.transaction((tx) =>
        emit(tx, {
          tenantId,
          type: "lead.created",
          data: { id: `lead-${i}` },
          entityType: "lead",
          entityId: `lead-${i}`,
          occurredAt: new Date(),
        }),
      );
      committed.add(event.id);
      if (i % 10 === 0) await Bun.sleep(5);
    }
    const pending = async () =>
      (
        await db.read
          .select({ id: webhookDeliveries.id })
          .from(webhookDeliveries)
          .where(
            and(
              eq(webhookDeliveries.webhookId, webhookId),
              ne(webhookDeliveries.status, "succeeded"),
            ),
          )
      ).length;
    const deadline = Date.now() + 30_000;
    while ((await pending()) > 0 || receiver.received.length < committed.size) {
      if (Date.now() > deadline) throw new Error("deliveries did not finish");
      await Bun.sleep(20);
    }
    const ids = receiver.received.map((r) => r.json.id);
    expect(ids).toHaveLength(committed.size);
    expect(new Set(ids)).toEqual(committed);
  } finally {
    await db.close();
    for (const { child } of [one, two]) {
      child.kill("SIGTERM");
      await child.exited;
    }
    receiver.close();
  }
}, 60_000);
