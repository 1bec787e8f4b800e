import { and, eq, sql } from "drizzle-orm";
import type { WriteTx } from "../../db/client";
import { webhookAttempts, webhookDeliveries, webhooks } from "../../db/schema";
import { newId } from "../ids";
import { inJsonArray, insertValues, param, prepared } from "../prepared";
import type { ClaimedDelivery } from "./claims";
import { fanOutBeforeDeactivation } from "./fanout";
import { retryDelayMs } from "./retry";
import type { AttemptOutcome } from "./sender";

const DAY_MS = 86_400_000;
const GONE = 410;

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
}

/**
 * The delivery's state after an attempt: done, or pending again at a later
 * time. Null fields keep their stored value.
 */
function nextState(result: AttemptResult, policy: FailurePolicy) {
  const { outcome, finishedAt, claim } = result;
  const done = finishedAt.getTime();
  if (outcome.ok) return { status: "succeeded", completedAt: done, retryIndex: null, nextAt: null };
  const failures = claim.retryIndex + 1;
  const delay =
    result.test || outcome.statusCode === GONE
      ? null
      : retryDelayMs(policy.retrySchedule, failures);
  if (delay === null)
    return { status: "failed", completedAt: done, retryIndex: failures, nextAt: null };
  const wait = outcome.retryAfterSeconds !== null ? outcome.retryAfterSeconds * 1000 : delay;
  return { status: "pending", completedAt: null, retryIndex: failures, nextAt: done + wait };
}

const d = webhookDeliveries;

/** A delivery's state after an attempt, if this instance still holds its lease. */
function storeDeliveryState(tx: WriteTx) {
  return prepared(tx, "store-delivery-state", () =>
    tx
      .update(d)
      .set({
        status: param("status"),
        completedAt: sql`coalesce(${param("completedAt")}, ${d.completedAt})`,
        retryIndex: sql`coalesce(${param("retryIndex")}, ${d.retryIndex})`,
        nextAttemptAt: sql`coalesce(${param("nextAt")}, ${d.nextAttemptAt})`,
        leaseToken: null,
        leaseUntil: null,
        lastStatusCode: param("statusCode"),
        lastError: param("error"),
        lastDurationMs: param("durationMs"),
        updatedAt: param("finishedAt"),
      })
      .where(and(eq(d.id, param("id")), eq(d.leaseToken, param("token"))))
      .prepare(),
  );
}

/** A webhook's success after a batch without failures: its failure streak ends. */
function storeSuccess(tx: WriteTx) {
  return prepared(tx, "store-webhook-success", () =>
    tx
      .update(webhooks)
      .set({ consecutiveFailures: 0, failingSince: null, lastSuccessAt: param("at") })
      .where(eq(webhooks.id, param("id")))
      .prepare(),
  );
}

/** What a batch of results says about one webhook's health, in completion order. */
interface HealthChange {
  lastSuccessAt: Date | null;
  /** Failures after the batch's last success (or all, if none succeeded). */
  failures: number;
  firstFailureAt: Date | null;
  lastFailure: AttemptResult | null;
  /** A 410 Gone anywhere in the batch: the webhook is disabled whatever else it answered. */
  gone: AttemptResult | null;
}

function healthChanges(results: AttemptResult[]): Map<string, HealthChange> {
  const changes = new Map<string, HealthChange>();
  for (const result of results) {
    if (result.test) continue;
    const id = result.claim.webhookId;
    const change = changes.get(id) ?? {
      lastSuccessAt: null,
      failures: 0,
      firstFailureAt: null,
      lastFailure: null,
      gone: null,
    };
    if (result.outcome.ok) {
      Object.assign(change, {
        lastSuccessAt: result.finishedAt,
        failures: 0,
        firstFailureAt: null,
      });
    } else {
      change.failures++;
      change.firstFailureAt ??= result.finishedAt;
      change.lastFailure = result;
      if (result.outcome.statusCode === GONE) change.gone ??= result;
    }
    changes.set(id, change);
  }
  return changes;
}

function disableReason(
  hook: typeof webhooks.$inferSelect,
  change: HealthChange,
  policy: FailurePolicy,
): string | null {
  if (change.gone) return "The endpoint answered 410 Gone";
  const last = change.lastFailure as AttemptResult;
  if (hook.consecutiveFailures >= policy.disableAfterFailures)
    return `${hook.consecutiveFailures} consecutive failed delivery attempts (last: ${last.outcome.error})`;
  const since = hook.failingSince;
  if (since && last.finishedAt.getTime() - since.getTime() >= policy.disableAfterDays * DAY_MS)
    return `Failing without a success since ${since.toISOString()} (${policy.disableAfterDays} days; last: ${last.outcome.error})`;
  return null;
}

/** Updates the webhook's failure streak; disables it on 410 or persistent failure. */
async function recordHealth(
  tx: WriteTx,
  webhookId: string,
  change: HealthChange,
  policy: FailurePolicy,
) {
  if (change.failures === 0 && change.lastSuccessAt && !change.gone) {
    await storeSuccess(tx).run({ id: webhookId, at: change.lastSuccessAt.getTime() });
    return;
  }
  const lastFailureAt = change.lastFailure?.finishedAt;
  const streak = change.lastSuccessAt
    ? {
        consecutiveFailures: change.failures,
        failingSince: change.firstFailureAt,
        lastSuccessAt: change.lastSuccessAt,
      }
    : {
        consecutiveFailures: sql`${webhooks.consecutiveFailures} + ${change.failures}`,
        failingSince: sql`coalesce(${webhooks.failingSince}, ${change.firstFailureAt?.getTime()})`,
      };
  const [hook] = await tx
    .update(webhooks)
    .set({ ...streak, ...(lastFailureAt ? { lastFailureAt } : {}) })
    .where(eq(webhooks.id, webhookId))
    .returning();
  // A 410 disables even when a later attempt in the batch succeeded.
  if (!hook?.isActive || (change.failures === 0 && !change.gone)) return;
  const reason = disableReason(hook, change, policy);
  if (reason) {
    const now = (change.gone ?? change.lastFailure)?.finishedAt as Date;
    await fanOutBeforeDeactivation(tx, hook, now);
    await tx
      .update(webhooks)
      .set({ isActive: false, disabledReason: reason, disabledAt: now, updatedAt: now })
      .where(eq(webhooks.id, webhookId));
  }
}

/**
 * Stores the outcomes of finished attempts in the caller's transaction: the
 * attempt log, each delivery's next state (only while this instance still
 * holds its lease: a redelivery or another instance may have taken it
 * over), and each webhook's failure streak.
 */
export async function recordResults(
  tx: WriteTx,
  results: AttemptResult[],
  policy: FailurePolicy,
  lockWebhooks?: (tx: WriteTx, ids: string[]) => Promise<void>,
): Promise<void> {
  if (results.length === 0) return;
  // A delivery deleted with its webhook while in flight leaves no log behind.
  const existingOf = prepared(tx, "deliveries-existing", () =>
    tx.select({ id: d.id }).from(d).where(inJsonArray(d.id, "ids")).prepare(),
  );
  const ids = JSON.stringify(results.map((result) => result.claim.deliveryId));
  const existing = new Set((await existingOf.all({ ids })).map((row) => row.id));
  const logged = results.filter((result) => existing.has(result.claim.deliveryId));
  if (logged.length === 0) return;
  await lockWebhooks?.(tx, [...new Set(logged.map((result) => result.claim.webhookId))]);
  const store = storeDeliveryState(tx);
  for (const result of logged) {
    const { claim, outcome, finishedAt } = result;
    await insertValues(tx, webhookAttempts, {
      id: newId(),
      deliveryId: claim.deliveryId,
      webhookId: claim.webhookId,
      attempt: claim.attempt,
      startedAt: claim.claimedAt,
      finishedAt,
      statusCode: outcome.statusCode,
      durationMs: outcome.durationMs,
      error: outcome.error,
    });
    await store.run({
      ...nextState(result, policy),
      statusCode: outcome.statusCode,
      error: outcome.error,
      durationMs: outcome.durationMs,
      finishedAt: finishedAt.getTime(),
      id: claim.deliveryId,
      token: claim.leaseToken,
    });
  }
  for (const [webhookId, change] of healthChanges(logged))
    await recordHealth(tx, webhookId, change, policy);
}
