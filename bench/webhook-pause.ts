/**
 * `bun bench/webhook-pause.ts [events] [--url URL]`: pausing a webhook with
 * a backlog of `events` outbox events (default 100,000) fan-out has not
 * reached. Without --url a temporary embedded file; with a postgres:// URL,
 * an empty database. Prints how long the pause's transaction takes, the
 * longest catch-up transaction (what the writer is held for at most
 * afterwards), the catch-up's total time, and checks that every event got
 * exactly one delivery.
 */
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { countDistinct, count as countRows, eq } from "drizzle-orm";
import { openDatabase } from "../db/client";
import { migrate } from "../db/migrate";
import { webhookDeliveries, webhooks } from "../db/schema";
import { emit } from "../src/events";
import { newId } from "../src/ids";
import { CATCH_UP_PAGE, catchUp, fanOutBeforeDeactivation } from "../src/webhooks/fanout";

const args = process.argv.slice(2);
const urlAt = args.indexOf("--url");
const url = urlAt >= 0 ? args[urlAt + 1] : undefined;
const events = Number(args.find((a, i) => /^\d+$/.test(a) && i !== urlAt + 1) ?? 100_000);

const path = join(tmpdir(), `crmd-pause-bench-${Date.now()}.db`);
const db = await openDatabase(url ?? `file:${path}`);
try {
  await migrate(db);
  const now = new Date();
  const hook = {
    id: newId(),
    tenantId: "t1",
    url: "https://example.com/hook",
    events: ["*"],
    isActive: true,
    headers: {},
    secret: "sealed",
    fromSeq: 0,
    createdAt: now,
    updatedAt: now,
  };
  await db.transaction((tx) => tx.insert(webhooks).values(hook));
  const CHUNK = 5_000;
  for (let from = 0; from < events; from += CHUNK)
    await db.transaction(async (tx) => {
      for (let i = from; i < Math.min(from + CHUNK, events); i++) {
        const id = `deal-${i % 1000}`;
        await emit(tx, {
          tenantId: hook.tenantId,
          type: "deal.updated",
          data: { id, n: i },
          entityType: "deal",
          entityId: id,
          occurredAt: now,
        });
      }
    });

  let started = performance.now();
  await db.transaction(async (tx) => {
    await fanOutBeforeDeactivation(tx, hook, now);
    await tx.update(webhooks).set({ isActive: false }).where(eq(webhooks.id, hook.id));
  });
  const pauseMs = performance.now() - started;

  let pages = 0;
  let longest = 0;
  started = performance.now();
  for (;;) {
    const pageStarted = performance.now();
    if ((await catchUp(db, now)) === 0) break;
    longest = Math.max(longest, performance.now() - pageStarted);
    pages++;
  }
  const catchUpMs = performance.now() - started;

  const [queued] = await db.read
    .select({ rows: countRows(), distinct: countDistinct(webhookDeliveries.eventId) })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.webhookId, hook.id));
  const exact = Number(queued.rows) === events && Number(queued.distinct) === events;
  console.log(
    JSON.stringify(
      {
        database: db.kind,
        events,
        pause_ms: Math.round(pauseMs * 10) / 10,
        catch_up_pages: pages,
        page_events: CATCH_UP_PAGE,
        longest_page_ms: Math.round(longest * 10) / 10,
        catch_up_total_ms: Math.round(catchUpMs),
        deliveries: Number(queued.rows),
        each_event_once: exact,
      },
      null,
      2,
    ),
  );
  if (!exact) process.exitCode = 1;
} finally {
  await db.close();
  rmSync(path, { force: true });
  rmSync(`${path}-wal`, { force: true });
  rmSync(`${path}-shm`, { force: true });
}
