import { and, asc, eq, inArray, isNull, lte, or } from "drizzle-orm";
import { interactions } from "../../db/schema";
import {
  type Actor,
  type AppContext,
  type BackgroundWorker,
  RepeatedFailureLog,
  type WriteTx,
} from "../../src/core";
import { type Accepted, type Channel, SendFailure } from "./channel";
import { optOutOf } from "./consent";
import { queuedEmailRecipients } from "./email";
import { changeInteraction, type InteractionRow, recordRelayId } from "./service";
import { queuedSmsRecipients, senderTakenSinceQueued } from "./sms";

/** How often an idle instance looks for sends queued elsewhere and retries coming due. */
const POLL_MS = 500;
/** Messages claimed (and sent in parallel) per pass. */
const BATCH = 16;
const SENDER: Actor = { type: "system", id: null, name: "outbound sender" };

type Outcome =
  | ({ ok: true } & Accepted)
  | { ok: false; permanent: boolean; response: string; attempted: boolean };

/**
 * Why a claimed message may no longer be sent, read just before it would
 * be: a recipient opted out since it was queued (a STOP, the contact's
 * flag) or their address bounced, or an SMS's sender number became another tenant's; null when
 * nothing changed.
 */
async function refusalSinceQueued(tx: WriteTx, row: InteractionRow): Promise<string | null> {
  if (row.type === "sms")
    return (
      (await senderTakenSinceQueued(tx, row)) ??
      (await optOutOf(tx, row.tenantId, "sms", await queuedSmsRecipients(tx, row)))?.reason ??
      null
    );
  return (
    (await optOutOf(tx, row.tenantId, "email", await queuedEmailRecipients(tx, row)))?.reason ??
    null
  );
}

/**
 * Leases due queued messages of the given types: a row leased by an
 * instance that died is taken again once its lease expires, so a message
 * committed to the queue is sent at least once (with the same Message-ID).
 */
async function claimDue(
  ctx: AppContext,
  types: string[],
  now: Date,
  leaseMs: number,
): Promise<InteractionRow[]> {
  const i = interactions;
  // Not ctx.write: a claim is no change of the API's data and must not wake the workers.
  return ctx.db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(i)
      .where(
        and(
          eq(i.status, "queued"),
          lte(i.nextAttemptAt, now),
          inArray(i.type, types),
          or(isNull(i.leaseUntil), lte(i.leaseUntil, now)),
        ),
      )
      .orderBy(asc(i.nextAttemptAt))
      .limit(BATCH);
    if (rows.length === 0) return rows;
    const leaseUntil = new Date(now.getTime() + leaseMs);
    await tx
      .update(i)
      .set({ leaseUntil })
      .where(
        inArray(
          i.id,
          rows.map((row) => row.id),
        ),
      );
    return rows;
  });
}

/**
 * Stores an attempt's outcome: `sent` (with `<type>.sent`), a retry after
 * the schedule's next delay (of the recipients alone that the server
 * deferred while taking the rest), or `failed` (with `<type>.failed`) when
 * the refusal is permanent or the schedule is used up. A message not attempted
 * (its recipient opted out) does not count as an attempt. A row another
 * instance settled meanwhile is left alone.
 */
async function recordOutcome(
  tx: WriteTx,
  claimed: InteractionRow,
  outcome: Outcome,
  now: Date,
  retrySchedule: number[],
) {
  const [row] = await tx.select().from(interactions).where(eq(interactions.id, claimed.id));
  if (row?.status !== "queued") return;
  const scope = { tenantId: row.tenantId, actor: SENDER, now };
  const attempts = row.attempts + (outcome.ok || outcome.attempted ? 1 : 0);
  const base = { attempts, leaseUntil: null, providerResponse: outcome.response };
  const settle = (status: "sent" | "failed", columns: Partial<InteractionRow>) =>
    changeInteraction(
      tx,
      scope,
      row,
      { ...base, ...columns, status, nextAttemptAt: null },
      (view) => [{ type: `${row.type}.${status}`, data: view }],
    );
  const delay = retrySchedule[attempts - 1];
  const retry = (columns: Partial<InteractionRow>) =>
    changeInteraction(
      tx,
      scope,
      row,
      { ...base, ...columns, nextAttemptAt: new Date(now.getTime() + (delay ?? 0) * 1000) },
      () => [],
    );
  // Taken for some recipients, deferred for others: the others are retried alone, then it is sent.
  // provider_id is the first part's id (most recipients got that one); every part's is recorded,
  // so a reply or bounce quoting any of them finds the email.
  const providerId = row.providerId ?? (outcome.ok ? outcome.providerId : null);
  if (outcome.ok && row.type === "email" && outcome.providerId)
    await recordRelayId(tx, row, outcome.providerId);
  if (outcome.ok && outcome.deferred.length > 0 && delay !== undefined)
    return retry({ pendingRecipients: outcome.deferred, providerId });
  if (outcome.ok) return settle("sent", { sentAt: now, providerId, pendingRecipients: null });
  if (!outcome.permanent && delay !== undefined) return retry({});
  // Given up on the rest of an email some recipients already took: it was sent all the same.
  return row.pendingRecipients ? settle("sent", { sentAt: now }) : settle("failed", {});
}

/**
 * Sends queued emails and SMS: a background worker that leases due
 * messages, hands each to its channel and stores the outcome. Its state is
 * all in the database (the queue is the interactions table), so several
 * instances can run it and a crash loses nothing. It wakes on every local
 * commit and otherwise polls.
 */
export class OutboundSender implements BackgroundWorker {
  readonly name = "outbound-sender";
  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  private woken = false;
  private interruptSleep: (() => void) | null = null;
  private readonly failures: RepeatedFailureLog;

  constructor(
    private readonly ctx: AppContext,
    private readonly channels: Map<string, Channel>,
  ) {
    ctx.onCommit(() => this.wake());
    this.failures = new RepeatedFailureLog(ctx.logger, "outbound send pass failed");
  }

  /** Covers a send (each SMTP or HTTP step is bounded by the timeout) and storing its outcome. */
  private get leaseMs(): number {
    return this.ctx.config.sendTimeoutMs * 4 + 1000;
  }

  start(): void {
    if (this.running || this.channels.size === 0) return;
    this.running = true;
    this.loopDone = this.loop();
  }

  /** Stops claiming; sends in flight finish and their outcomes are stored. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loopDone;
    for (const channel of this.channels.values()) channel.close();
  }

  wake(): void {
    this.woken = true;
    this.interruptSleep?.();
  }

  /** Runs passes until nothing is due. Tests drive time with a ManualClock and call this. */
  async drain(): Promise<void> {
    while (await this.pass());
  }

  private async loop(): Promise<void> {
    while (this.running) {
      this.woken = false;
      let worked = false;
      try {
        worked = await this.pass();
        this.failures.succeeded();
      } catch (error) {
        this.failures.failed(error);
      }
      if (!worked && !this.woken && this.running)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, POLL_MS);
          this.interruptSleep = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      this.interruptSleep = null;
    }
  }

  private async pass(): Promise<boolean> {
    const now = this.ctx.clock.now();
    const claimed = await claimDue(this.ctx, [...this.channels.keys()], now, this.leaseMs);
    await Promise.all(claimed.map((row) => this.deliver(row)));
    return claimed.length > 0;
  }

  /**
   * Extends a claimed message's lease while its send runs: a send may
   * outlast one lease (large attachments to a slow server; each SMTP step
   * is bounded, the whole is not), and another instance must not take the
   * message up and send it again meanwhile. Returns what ends the renewal.
   */
  private keepLease(row: InteractionRow): () => Promise<void> {
    let renewing: Promise<unknown> = Promise.resolve();
    const timer = setInterval(() => {
      const leaseUntil = new Date(this.ctx.clock.now().getTime() + this.leaseMs);
      const i = interactions;
      renewing = this.ctx.db
        .transaction((tx) =>
          tx
            .update(i)
            .set({ leaseUntil })
            .where(and(eq(i.id, row.id), eq(i.status, "queued"))),
        )
        .catch((error) =>
          this.ctx.logger.warn("send lease renewal failed", { interaction_id: row.id, error }),
        );
    }, this.ctx.config.sendTimeoutMs);
    return async () => {
      clearInterval(timer);
      // A renewal still running must not lease the row again after its outcome is stored.
      await renewing;
    };
  }

  private async deliver(row: InteractionRow): Promise<void> {
    const endLease = this.keepLease(row);
    let outcome: Outcome;
    try {
      const refused = await this.ctx.db.transaction((tx) => refusalSinceQueued(tx, row));
      outcome = refused
        ? { ok: false, permanent: true, attempted: false, response: `${refused}; not sent` }
        : await this.attempt(row);
    } finally {
      await endLease();
    }
    const { config, clock } = this.ctx;
    await this.ctx.write((tx) =>
      recordOutcome(tx, row, outcome, clock.now(), config.sendRetrySchedule),
    );
  }

  private async attempt(row: InteractionRow): Promise<Outcome> {
    const channel = this.channels.get(row.type) as Channel;
    try {
      return { ok: true, ...(await channel.send(row)) };
    } catch (error) {
      const permanent = error instanceof SendFailure && error.permanent;
      const response = (error as Error).message;
      this.ctx.logger.warn("send attempt failed", {
        interaction_id: row.id,
        type: row.type,
        permanent,
        error: response,
      });
      return { ok: false, permanent, response, attempted: true };
    }
  }
}
