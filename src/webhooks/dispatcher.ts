import type { WriteTx } from "../../db/client";
import type { AppContext, BackgroundWorker } from "../context";
import { newEventId } from "../ids";
import { RepeatedFailureLog, redactSecrets } from "../logger";
import { openHeaders } from "../secrets";
import { formatTraceparent, parseTraceparent } from "../tracing";
import {
  type ClaimedDelivery,
  type ClaimLimits,
  claimDue,
  claimTestDelivery,
  hasClaimableWork,
  type TestTarget,
} from "./claims";
import { catchUp, dispatchState, fanOut } from "./fanout";
import { type AttemptResult, type FailurePolicy, recordResults } from "./results";
import { type AttemptOutcome, sendAttempt } from "./sender";
import type { SigningKeys } from "./signing";

/** How often an idle instance looks for work committed elsewhere (other instances, due retries). */
const POLL_MS = 500;
/** Attempts in flight per webhook, so one slow endpoint cannot take every slot. */
const PER_WEBHOOK_IN_FLIGHT = 8;

/** Why an attempt failed whose webhook secret was sealed under another CRMD_SECRET_KEY. */
const UNOPENED_HEADERS =
  "the webhook's custom header values cannot be decrypted: CRMD_SECRET_KEY (or the data directory's secret.key) is not the key they were stored with";
const UNOPENED_SECRET =
  "the webhook's signing secret cannot be decrypted: CRMD_SECRET_KEY (or the data directory's secret.key) is not the key it was stored with";

/** An attempt that ends before any request is sent. */
const notSent = (error: string): AttemptOutcome => ({
  ok: false,
  statusCode: null,
  durationMs: 0,
  error,
  retryAfterSeconds: null,
});

export interface TestDeliveryResult {
  deliveryId: string;
  eventId: string;
  outcome: AttemptOutcome;
}

/**
 * The webhook dispatcher: a background worker that fans outbox events out
 * into deliveries, claims due deliveries under a lease, sends them with
 * bounded concurrency and records each attempt. All of its state is in the
 * database, so any number of instances can run it on one database and a
 * crash loses nothing: an event is in the outbox until fanned out, a
 * delivery is pending until an attempt's result is stored, and a lease
 * held by a dead instance expires.
 *
 * It wakes on every local commit (ctx.onCommit) and otherwise polls, which
 * picks up events committed by other instances and retries coming due.
 */
export class WebhookDispatcher implements BackgroundWorker {
  readonly name = "webhook-dispatcher";
  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  private readonly inFlight = new Set<Promise<void>>();
  private results: AttemptResult[] = [];
  private woken = false;
  private interruptSleep: (() => void) | null = null;
  /** Passes never overlap (the loop and drain() may both call pass). */
  private passChain: Promise<unknown> = Promise.resolve();
  private readonly failures: RepeatedFailureLog;

  constructor(private readonly ctx: AppContext) {
    ctx.onCommit(() => this.wake());
    this.failures = new RepeatedFailureLog(ctx.logger, "webhook dispatcher pass failed");
  }

  private get leaseMs(): number {
    // Covers the attempt (bounded by the timeout) and storing its result.
    return this.ctx.config.webhookTimeoutMs * 2 + 1000;
  }

  private get policy(): FailurePolicy {
    const { config } = this.ctx;
    return {
      retrySchedule: config.webhookRetrySchedule,
      disableAfterFailures: config.webhookDisableAfterFailures,
      disableAfterDays: config.webhookDisableAfterDays,
    };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loopDone = this.loop();
  }

  /** Stops claiming, lets attempts in flight finish and stores their results. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loopDone;
    await Promise.allSettled([...this.inFlight]);
    const results = this.results;
    this.results = [];
    await this.ctx.db.transaction((tx) => this.record(tx, results));
  }

  /** Something may have changed: run a pass now rather than at the next poll. */
  wake(): void {
    this.woken = true;
    this.interruptSleep?.();
  }

  /**
   * Runs passes until nothing can be done now: no new events, nothing due,
   * nothing in flight. Tests drive time with a ManualClock and call this
   * instead of starting the worker.
   */
  async drain(): Promise<void> {
    for (;;) {
      const worked = await this.serialised(() => this.pass());
      if (this.inFlight.size > 0) await Promise.race([...this.inFlight]);
      else if (!worked && this.results.length === 0) return;
    }
  }

  /**
   * Sends a `webhook.test` event to `hook` now, outside the queue, waits for
   * the outcome and returns what `answer` makes of it. That answer is the
   * result of the write recording the outcome, so an Idempotency-Key's
   * replay commits with it: a retry after a crash replays it, not a new send.
   */
  async sendTest<Answer>(
    hook: TestTarget,
    answer: (sent: TestDeliveryResult) => Answer,
  ): Promise<Answer> {
    const now = this.ctx.clock.now();
    const payload = {
      id: newEventId(),
      event_type: "webhook.test",
      timestamp: now.toISOString(),
      tenant_id: hook.tenantId,
      data: { webhook_id: hook.id, url: hook.url, message: "Test event from crmd" },
      metadata: { test: true },
    };
    const event = { id: payload.id, type: payload.event_type, body: JSON.stringify(payload) };
    const claim = await claimTestDelivery(this.ctx.db, hook, event, now, this.leaseMs);
    const result = await this.attempt(claim);
    const sent = { deliveryId: claim.deliveryId, eventId: event.id, outcome: result.outcome };
    return this.ctx.write(async (tx) => {
      await this.record(tx, [{ ...result, test: true }]);
      return answer(sent);
    });
  }

  private async loop(): Promise<void> {
    while (this.running) {
      this.woken = false;
      let worked = false;
      try {
        worked = await this.serialised(() => this.pass());
        this.failures.succeeded();
      } catch (error) {
        this.failures.failed(error);
        this.woken = false;
      }
      if (!this.running) break;
      if (!worked && !this.woken) await this.sleep(POLL_MS);
      // The database driver answers synchronously, so without this turn of
      // the event loop back-to-back passes would starve the sockets: responses
      // would not be read, and each pass would store one result at a time.
      else await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.interruptSleep = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.interruptSleep = done;
    });
  }

  private serialised<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.passChain.then(fn, fn);
    this.passChain = run.catch(() => undefined);
    return run;
  }

  private limits(slots: number): ClaimLimits {
    const { config } = this.ctx;
    return {
      slots,
      perWebhook: PER_WEBHOOK_IN_FLIGHT,
      maxPerHour: config.webhookMaxPerHour,
      leaseMs: this.leaseMs,
    };
  }

  /**
   * One round: fan out new events, then in one transaction store the
   * attempts that finished and claim as many due deliveries as there are
   * free slots, and start sending them.
   */
  private async pass(): Promise<boolean> {
    const { db, clock, config } = this.ctx;
    // One fan-out batch and one catch-up page per pass: a large backlog alternates with sending.
    const state = await dispatchState(db);
    const caughtUp = state.catchUp && (await catchUp(db, clock.now())) > 0;
    const fannedOut = (state.unfanned && (await fanOut(db, clock.now())) > 0) || caughtUp;
    const limits = this.limits(config.webhookConcurrency - this.inFlight.size);
    const results = this.results;
    // Finished attempts free room; otherwise ask the read handle first, so
    // a saturated or idle instance does not take the write lock for nothing.
    // Only active webhooks have deliveries to claim.
    const claim =
      limits.slots > 0 &&
      (results.length > 0 ||
        (state.anyActive && (await hasClaimableWork(db, clock.now(), limits))));
    if (results.length === 0 && !claim) return fannedOut;
    this.results = [];
    const claims = await this.recordAndClaim(results, claim, limits);
    for (const claimed of claims) this.launch(claimed);
    return fannedOut || results.length > 0 || claims.length > 0;
  }

  /**
   * Stores finished attempts and claims due deliveries: in one write
   * transaction with one writer; where instances claim side by side
   * (Database.claimTransaction), the claim runs in its own transaction on
   * row locks, beside the write lock. Results not stored go back to the queue.
   */
  private async recordAndClaim(
    results: AttemptResult[],
    claim: boolean,
    limits: ClaimLimits,
  ): Promise<ClaimedDelivery[]> {
    const { db, clock } = this.ctx;
    const { claimTransaction } = db;
    const claimInWrite = claim && !claimTransaction;
    let claims: ClaimedDelivery[] = [];
    if (results.length > 0 || claimInWrite) {
      try {
        claims = await db.transaction(async (tx) => {
          await this.record(tx, results);
          return claimInWrite ? claimDue(tx, clock.now(), limits, db.dialect) : [];
        });
      } catch (error) {
        this.results = [...results, ...this.results];
        throw error;
      }
    }
    if (!claim || !claimTransaction) return claims;
    return claimTransaction((tx) => claimDue(tx, clock.now(), limits, db.dialect));
  }

  /** Stores attempt results, their webhooks locked first where claims take row locks. */
  private record(tx: WriteTx, results: AttemptResult[]): Promise<void> {
    return recordResults(tx, results, this.policy, this.ctx.db.dialect.lockWebhooksForResults);
  }

  private launch(claim: ClaimedDelivery): void {
    const task: Promise<void> = this.attempt(claim).then((result) => {
      this.inFlight.delete(task);
      this.results.push(result);
      this.wake();
    });
    this.inFlight.add(task);
  }

  private async attempt(claim: ClaimedDelivery): Promise<AttemptResult> {
    const { metrics } = this.ctx;
    metrics.deliveryInFlight(1);
    try {
      const result = await this.send(claim);
      metrics.observeDelivery(result.outcome.ok, result.outcome.durationMs / 1000);
      return result;
    } finally {
      metrics.deliveryInFlight(-1);
    }
  }

  private async send(claim: ClaimedDelivery): Promise<AttemptResult> {
    const { config, clock, tracer } = this.ctx;
    const span = tracer.start(
      `webhook ${claim.eventType}`,
      "client",
      parseTraceparent(claim.traceParent),
      {
        "crmd.event_type": claim.eventType,
        "crmd.event_id": claim.eventId,
        "crmd.delivery_id": claim.deliveryId,
        "crmd.attempt": claim.attempt,
        "server.address": new URL(claim.url).hostname,
      },
    );
    const keys = this.openKeys(claim);
    const customHeaders = keys && this.openHeaders(claim);
    const outcome: AttemptOutcome =
      claim.body === null
        ? notSent("the event is no longer in the outbox")
        : keys === null || customHeaders === null
          ? notSent(keys === null ? UNOPENED_SECRET : UNOPENED_HEADERS)
          : await sendAttempt(
              {
                url: claim.url,
                customHeaders,
                body: claim.body,
                eventId: claim.eventId,
                eventType: claim.eventType,
                traceParent: formatTraceparent(span.context),
                keys,
              },
              {
                timeoutMs: config.webhookTimeoutMs,
                allowPrivate: config.webhookAllowPrivate,
                at: claim.claimedAt,
              },
            );
    span.end({
      attributes: outcome.statusCode ? { "http.response.status_code": outcome.statusCode } : {},
      failed: !outcome.ok,
    });
    // The outcome of every attempt (not its URL, which may carry a token).
    this.ctx.logger.debug("webhook delivery attempt", {
      webhook_id: claim.webhookId,
      delivery_id: claim.deliveryId,
      event_type: claim.eventType,
      attempt: claim.attempt,
      ok: outcome.ok,
      status_code: outcome.statusCode,
      duration_ms: outcome.durationMs,
      ...(outcome.error ? { error: redactSecrets(outcome.error) } : {}),
    });
    return { claim, outcome, finishedAt: clock.now() };
  }

  /**
   * The webhook's signing secrets, stored sealed and opened only for the
   * moment of signing; null when this instance's key cannot open them.
   */
  private openKeys(claim: ClaimedDelivery): SigningKeys | null {
    const { secrets, logger } = this.ctx;
    try {
      return {
        current: secrets.open(claim.keys.current),
        previous: claim.keys.previous.map((secret) => secrets.open(secret)),
      };
    } catch (error) {
      logger.error(UNOPENED_SECRET, { webhook_id: claim.webhookId, error });
      return null;
    }
  }

  /** The webhook's custom header values, stored sealed like its secrets and opened only to send. */
  private openHeaders(claim: ClaimedDelivery): Record<string, string> | null {
    try {
      return openHeaders(this.ctx.secrets, claim.customHeaders);
    } catch (error) {
      this.ctx.logger.error(UNOPENED_HEADERS, { webhook_id: claim.webhookId, error });
      return null;
    }
  }
}
