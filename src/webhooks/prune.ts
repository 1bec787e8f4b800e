import { and, eq, inArray, lt, lte, ne, notExists, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import {
  counters,
  outboxEvents,
  webhookAttempts,
  webhookCatchups,
  webhookDeliveries,
} from "../../db/schema";
import { FANOUT_CURSOR } from "./fanout";

const DAY_MS = 86_400_000;
const BATCH = 1000;

/**
 * Deletes finished deliveries (and their attempts) completed more than
 * `retentionDays` ago, in small transactions so writers are never held up
 * for long. Pending deliveries are kept whatever their age. Returns the
 * number of deliveries deleted.
 */
export async function pruneDeliveries(
  db: Database,
  now: Date,
  retentionDays: number,
): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  let deleted = 0;
  for (;;) {
    const rows = await db.read
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(
        and(lt(webhookDeliveries.completedAt, cutoff), ne(webhookDeliveries.status, "pending")),
      )
      .limit(BATCH);
    if (rows.length === 0) return deleted;
    const ids = rows.map((row) => row.id);
    await db.transaction(async (tx) => {
      await tx.delete(webhookAttempts).where(inArray(webhookAttempts.deliveryId, ids));
      await tx.delete(webhookDeliveries).where(inArray(webhookDeliveries.id, ids));
    });
    deleted += ids.length;
  }
}

/**
 * Deletes outbox events older than the retention that every instance has
 * fanned out, that no remaining delivery still reads its body from
 * (deliveries read the event at send time) and that no inactive webhook is
 * still owed a delivery of. Returns the number deleted.
 */
export async function pruneOutbox(db: Database, now: Date, retentionDays: number): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  const [fanned] = await db.read
    .select({ value: counters.value })
    .from(counters)
    .where(eq(counters.name, FANOUT_CURSOR));
  const referenced = db.read
    .select({ one: sql`1` })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.eventSeq, outboxEvents.seq));
  // Events a webhook made inactive is still owed deliveries for (webhook_catchups).
  const owed = db.read
    .select({ one: sql`1` })
    .from(webhookCatchups)
    .where(
      and(
        lt(webhookCatchups.afterSeq, outboxEvents.seq),
        lte(outboxEvents.seq, webhookCatchups.throughSeq),
      ),
    );
  let deleted = 0;
  for (;;) {
    const rows = await db.read
      .select({ seq: outboxEvents.seq })
      .from(outboxEvents)
      .where(
        and(
          lt(outboxEvents.occurredAt, cutoff),
          lte(outboxEvents.seq, fanned?.value ?? 0),
          notExists(referenced),
          notExists(owed),
        ),
      )
      .limit(BATCH);
    if (rows.length === 0) return deleted;
    const seqs = rows.map((row) => row.seq);
    await db.transaction((tx) => tx.delete(outboxEvents).where(inArray(outboxEvents.seq, seqs)));
    deleted += seqs.length;
  }
}
