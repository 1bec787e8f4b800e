import { and, asc, eq, gt, inArray } from "drizzle-orm";
import type { WriteTx } from "../client";
import { activityLog, conversations, widgetKeys } from "../schema";
import { reserveSyncSeq } from "../sequence";
import type { MigrationStep } from ".";

/** Conversations read per page. */
const PAGE = 10_000;

/**
 * Migration 1411 (both dialects), after its column: conversations opened
 * through the widget before crmd recorded whether the visitor was verified
 * (those whose `created` activity row a widget key wrote) become
 * `unverified`, as the proof was not kept: a verified visitor does not read
 * them (plugins/widget), the visitor tokens that name them still do. Each
 * one moves in the sync feeds (updated_at, sync_seq), so a poller gets the
 * value now stored.
 */
export async function markWidgetOpened(tx: WriteTx, step: MigrationStep): Promise<void> {
  const c = conversations;
  const a = activityLog;
  const now = new Date();
  const keys = tx.select({ id: widgetKeys.id }).from(widgetKeys);
  let after = "";
  let done = 0;
  for (;;) {
    const page = await tx
      .select({ id: a.entityId })
      .from(a)
      .where(
        and(
          eq(a.entityType, "conversation"),
          eq(a.action, "created"),
          eq(a.actorType, "system"),
          inArray(a.actorId, keys),
          gt(a.entityId, after),
        ),
      )
      .orderBy(asc(a.entityId))
      .limit(PAGE);
    for (const { id } of page) {
      const syncSeq = await reserveSyncSeq(tx);
      await tx
        .update(c)
        .set({ visitorIdentity: "unverified", updatedAt: now, syncSeq })
        .where(eq(c.id, id));
    }
    done += page.length;
    step.progress(done, done);
    if (page.length < PAGE) return;
    after = page[page.length - 1].id;
  }
}
