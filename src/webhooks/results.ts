import { and, eq, sql } from "drizzle-orm";
import type { Database, WriteTx } from "../../db/client";
import { webhookAttempts, webhookDeliveries, webhooks } from "../../db/schema";
import type { ClaimedDelivery } from "./claims";
import { retryDelayMs } from "./retry";
import type { AttemptOutcome } from "./sender";

const DAY_MS = 86_400_000;

export interface AttemptResult {
  claim: ClaimedDelivery;
  outcome: AttemptOutcome;
  finishedAt: Date;
  /** Test sends end after one attempt and leave the webhook's failure counters alone. */
  test?: boolean;
}

export interface FailurePolicy {
  retrySchedule: readonly number[];
  disableAfterFailures: number;
  disableAfterDays: number;
  random?: () => number;
}

const GONE = 410;

/** The delivery's state after an attempt: done, or pending again at a later time. */
function nextState(result: AttemptResult, policy: FailurePolicy) {
  const { outcome, finishedAt, claim } = result;
  if (outcome.ok) return { status: "succeeded", completedAt: finishedAt };
  const failures = claim.retryIndex + 1;
  const delay =
    result.test || outcome.statusCode === GONE
      ? null
      : retryDelayMs(policy.retrySchedule, failures, policy.random);
  if (delay === null) return { status: "failed", completedAt: finishedAt, retryIndex: failures };
  const wait = outcome.retryAfterSeconds !== null ? outcome.retryAfterSeconds * 1000 : delay;
  return {
    status: "pending",
    retryIndex: failures,
    nextAttemptAt: new Date(finishedAt.getTime() + wait),
  };
}

async function recordWebhookHealth(tx: WriteTx, result: AttemptResult, policy: FailurePolicy) {
  const { claim, outcome, finishedAt: now } = result;
  if (outcome.ok) {
    await tx
      .update(webhooks)
      .set({ consecutiveFailures: 0, failingSince: null, lastSuccessAt: now })
      .where(eq(webhooks.id, claim.webhookId));
    return;
  }
  const [hook] = await tx
    .update(webhooks)
    .set({
      consecutiveFailures: sql`${webhooks.consecutiveFailures} + 1`,
      failingSince: sql`coalesce(${webhooks.failingSince}, ${now.getTime()})`,
      lastFailureAt: now,
    })
    .where(eq(webhooks.id, claim.webhookId))
    .returning();
  if (!hook?.isActive) return;
  const reason = disableReason(hook, outcome, now, policy);
  if (reason)
    await tx
      .update(webhooks)
      .set({ isActive: false, disabledReason: reason, disabledAt: now, updatedAt: now })
      .where(eq(webhooks.id, hook.id));
}

function disableReason(
  hook: typeof webhooks.$inferSelect,
  outcome: AttemptOutcome,
  now: Date,
  policy: FailurePolicy,
): string | null {
  if (outcome.statusCode === GONE) return "The endpoint answered 410 Gone";
  if (hook.consecutiveFailures >= policy.disableAfterFailures)
    return `${hook.consecutiveFailures} consecutive failed delivery attempts (last: ${outcome.error})`;
  const since = hook.failingSince;
  if (since && now.getTime() - since.getTime() >= policy.disableAfterDays * DAY_MS)
    return `Failing without a success since ${since.toISOString()} (${policy.disableAfterDays} days; last: ${outcome.error})`;
  return null;
}

/**
 * Stores the outcomes of finished attempts in one transaction: the attempt
 * log entry, the delivery's next state (only while this instance still holds
 * its lease: a redelivery or another instance may have taken it over), and
 * the webhook's failure streak, disabling it on 410 or persistent failure.
 */
export async function recordResults(
  db: Database,
  results: AttemptResult[],
  policy: FailurePolicy,
): Promise<void> {
  if (results.length === 0) return;
  await db.transaction(async (tx) => {
    for (const result of results) {
      const { claim, outcome, finishedAt } = result;
      await tx
        .update(webhookAttempts)
        .set({
          finishedAt,
          statusCode: outcome.statusCode,
          durationMs: outcome.durationMs,
          error: outcome.error,
        })
        .where(eq(webhookAttempts.id, claim.attemptId));
      await tx
        .update(webhookDeliveries)
        .set({
          ...nextState(result, policy),
          leaseToken: null,
          leaseUntil: null,
          lastStatusCode: outcome.statusCode,
          lastError: outcome.error,
          lastDurationMs: outcome.durationMs,
          updatedAt: finishedAt,
        })
        .where(
          and(
            eq(webhookDeliveries.id, claim.deliveryId),
            eq(webhookDeliveries.leaseToken, claim.leaseToken),
          ),
        );
      if (!result.test) await recordWebhookHealth(tx, result, policy);
    }
  });
}
