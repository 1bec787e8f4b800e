/**
 * Delivery claims on PostgreSQL run beside the write lock, each in its own
 * transaction (Database.claimTransaction), and coordinate through the
 * webhook rows (`FOR UPDATE SKIP LOCKED`): a webhook another instance is
 * claiming for is skipped, never waited for, and nothing is claimed twice.
 * Runs in the PostgreSQL run (tests/instances.test.ts shows each delivery
 * sent once by three processes).
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { is, Placeholder, sql } from "drizzle-orm";
import { type Database, openDatabase, type WriteTx } from "../db/client";
import { ManualClock } from "../src/clock";
import { emit, newId } from "../src/core";
import { type ClaimedDelivery, claimDue, dueDeliveriesQuery } from "../src/webhooks/claims";
import { fanOut } from "../src/webhooks/fanout";
import { testPostgresUrl } from "./helpers/database";
import { startTestServer, type TestServer } from "./helpers/server";
import { type Receiver, startReceiver } from "./webhook-receiver";

const LIMITS = { slots: 100, perWebhook: 8, maxPerHour: 1000, leaseMs: 60_000 };

describe.skipIf(!testPostgresUrl)("delivery claims on PostgreSQL", () => {
  const clock = new ManualClock(new Date());
  let server: TestServer;
  let receiver: Receiver;
  let other: Database;
  let hooks: string[];

  beforeAll(async () => {
    receiver = startReceiver();
    server = await startTestServer({ clock });
    other = await openDatabase(server.ctx.db.url);
  });

  afterAll(async () => {
    await other?.close();
    await server?.close();
    receiver?.close();
  });

  /** Two webhooks of a new tenant, three events each, fanned out: six due deliveries. */
  async function dueDeliveries() {
    const tenant = await server.tenant(undefined, ["webhook"]);
    hooks = [];
    for (const path of ["/one", "/two"]) {
      const reply = await tenant.api.post("/api/external/webhooks", {
        url: receiver.url(path),
        events: ["deal.created"],
      });
      hooks.push(reply.body.id);
    }
    for (let i = 0; i < 3; i++)
      await server.ctx.write((tx) =>
        emit(tx, {
          tenantId: tenant.tenantId,
          type: "deal.created",
          data: { id: newId() },
          metadata: {},
          entityType: "deal",
          entityId: newId(),
          occurredAt: clock.now(),
        }),
      );
    await fanOut(server.ctx.db, clock.now());
  }

  const claimOn = (db: Database) =>
    (db.claimTransaction as NonNullable<Database["claimTransaction"]>)((tx) =>
      claimDue(tx, clock.now(), LIMITS, db.dialect),
    );

  /** Runs `work` inside a claim transaction of this instance that stays open until `work` resolves. */
  function holdOpen(work: (tx: WriteTx) => Promise<void>) {
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let ready = () => {};
    const holding = new Promise<void>((resolve) => {
      ready = resolve;
    });
    const done = (server.ctx.db.claimTransaction as NonNullable<Database["claimTransaction"]>)(
      async (tx) => {
        await work(tx);
        ready();
        await released;
      },
    );
    return { holding, release, done };
  }

  test("a claim skips the webhook another claim holds, takes the others at once, and the first again once free", async () => {
    await dueDeliveries();
    const [first, second] = hooks;
    // Another instance is claiming for the first webhook: its row is locked until COMMIT.
    const busy = holdOpen(async (tx) => {
      await tx.all(sql`select id from webhooks where id = ${first} for update`);
    });
    await busy.holding;
    const meanwhile = await claimOn(other);
    busy.release();
    await busy.done;
    expect(meanwhile.map((c) => c.webhookId)).toEqual([second, second, second]);
    const after = await claimOn(other);
    expect(after.map((c) => c.webhookId)).toEqual([first, first, first]);
    expect(await claimOn(server.ctx.db)).toEqual([]);
  });

  test("two instances claiming at once never take one delivery twice", async () => {
    await dueDeliveries();
    let held: ClaimedDelivery[] = [];
    const claiming = holdOpen(async (tx) => {
      held = await claimDue(tx, clock.now(), LIMITS, server.ctx.db.dialect);
    });
    await claiming.holding;
    // While the first claim is open, the second finds every webhook taken.
    const meanwhile = await claimOn(other);
    claiming.release();
    await claiming.done;
    expect(held).toHaveLength(6);
    expect(meanwhile).toEqual([]);
    // Committed, the leases hold: nothing is due for anyone.
    expect(await claimOn(other)).toEqual([]);
    expect(new Set(held.map((c) => c.deliveryId)).size).toBe(6);
  });

  test("a claim reads the due deliveries of its webhooks, not the delivery log", async () => {
    await dueDeliveries();
    const { db } = server.ctx;
    // Finished deliveries of the same webhooks: the log a claim must not walk.
    const logged = 500;
    await db.execute(
      `INSERT INTO webhook_deliveries (id, tenant_id, webhook_id, event_id, event_type, status,
         next_attempt_at, created_at, updated_at, completed_at)
       SELECT w.id || '-' || g, w.tenant_id, w.id, 'evt-' || g, 'deal.created', 'delivered', 0, 0, 0, 0
       FROM webhooks w, generate_series(1, ${logged}) g WHERE w.id IN ($1, $2)`,
      hooks,
    );
    const query = dueDeliveriesQuery(db.primaryRead, db.dialect).toSQL();
    const values: Record<string, unknown> = {
      ids: JSON.stringify(hooks),
      now: clock.now().getTime(),
      limit: LIMITS.perWebhook,
    };
    const args = query.params.map((p) => (is(p, Placeholder) ? values[p.name] : p));
    const [row] = await db.execute(`EXPLAIN (ANALYZE, FORMAT JSON) ${query.sql}`, args);
    const explained = row["QUERY PLAN"];
    const [{ Plan: plan }] = (
      typeof explained === "string" ? JSON.parse(explained) : explained
    ) as Array<{ Plan: PlanNode }>;
    expect(rowsRead(plan, "webhook_deliveries")).toBeLessThan(logged);
    const picked = await db.execute(query.sql, args);
    expect(picked.map((r) => r.webhook_id).sort()).toEqual([...hooks, ...hooks, ...hooks].sort());
  });
});

interface PlanNode {
  "Relation Name"?: string;
  "Actual Rows": number;
  "Actual Loops": number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Index Recheck"?: number;
  Plans?: PlanNode[];
}

/** Rows the plan's scans of `table` read, every loop counted, filtered out or not. */
function rowsRead(node: PlanNode, table: string): number {
  const own =
    node["Relation Name"] === table
      ? node["Actual Loops"] *
        (node["Actual Rows"] +
          (node["Rows Removed by Filter"] ?? 0) +
          (node["Rows Removed by Index Recheck"] ?? 0))
      : 0;
  return own + (node.Plans ?? []).reduce((sum, child) => sum + rowsRead(child, table), 0);
}
