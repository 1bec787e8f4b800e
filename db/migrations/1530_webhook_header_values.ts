import { asc, eq, gt } from "drizzle-orm";
import type { WriteTx } from "../client";
import { webhooks } from "../schema";
import type { MigrationStep } from ".";

/** Webhooks read per page. */
const PAGE = 500;

/**
 * Migration 1530 (both dialects): custom header values are stored sealed
 * (AES-256-GCM under the secret key, as signing secrets are) since they
 * often carry a receiver's credentials. Values stored before were in clear:
 * each is sealed now. A database holding such values cannot be migrated
 * without the key (`crmd migrate` and the server have it).
 */
export async function sealWebhookHeaders(tx: WriteTx, step: MigrationStep): Promise<void> {
  let after = "";
  let done = 0;
  for (;;) {
    const page = await tx
      .select({ id: webhooks.id, headers: webhooks.headers })
      .from(webhooks)
      .where(gt(webhooks.id, after))
      .orderBy(asc(webhooks.id))
      .limit(PAGE);
    for (const row of page) {
      const entries = Object.entries(row.headers ?? {});
      if (entries.length === 0) continue;
      const { seal } = step;
      if (!seal)
        throw new Error(
          "webhook header values must be encrypted and no secret key was given (CRMD_SECRET_KEY or the data directory's secret.key)",
        );
      await tx
        .update(webhooks)
        .set({ headers: Object.fromEntries(entries.map(([name, value]) => [name, seal(value)])) })
        .where(eq(webhooks.id, row.id));
    }
    done += page.length;
    step.progress(done, done);
    if (page.length < PAGE) return;
    after = page[page.length - 1].id;
  }
}
