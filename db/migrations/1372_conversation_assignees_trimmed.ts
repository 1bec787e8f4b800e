import { and, asc, count, eq, gt, isNotNull } from "drizzle-orm";
import type { WriteTx } from "../client";
import { conversations } from "../schema";
import { reserveSyncSeq } from "../sequence";
import type { MigrationStep } from ".";

/** Conversations read per page. */
const PAGE = 10_000;

/**
 * Migration 1372 (both dialects): assignees are stored trimmed from now on
 * (plugins/conversations), so `assignee=maria` finds them; those stored
 * before with white space around them are trimmed too, with JavaScript's
 * trim as the write path (SQL's trims spaces only); a blank one becomes
 * null. Each conversation changed moves in the sync feeds (updated_at,
 * sync_seq), so a poller gets the value now stored.
 */
export async function trimAssignees(tx: WriteTx, step: MigrationStep): Promise<void> {
  const c = conversations;
  const now = new Date();
  const [assigned] = await tx.select({ n: count() }).from(c).where(isNotNull(c.assignee));
  const total = Number(assigned?.n ?? 0);
  let after = "";
  let done = 0;
  for (;;) {
    const page = await tx
      .select({ id: c.id, assignee: c.assignee })
      .from(c)
      .where(and(isNotNull(c.assignee), gt(c.id, after)))
      .orderBy(asc(c.id))
      .limit(PAGE);
    for (const row of page) {
      const trimmed = row.assignee?.trim() || null;
      if (trimmed === row.assignee) continue;
      const syncSeq = await reserveSyncSeq(tx);
      await tx
        .update(c)
        .set({ assignee: trimmed, updatedAt: now, syncSeq })
        .where(eq(c.id, row.id));
    }
    done += page.length;
    step.progress(done, total);
    if (page.length < PAGE) return;
    after = page[page.length - 1].id;
  }
}
