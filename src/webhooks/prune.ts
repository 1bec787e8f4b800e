import { and, inArray, lt, ne } from "drizzle-orm";
import type { Database } from "../../db/client";
import { webhookAttempts, webhookDeliveries } from "../../db/schema";

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
