import { asc, gt, max } from "drizzle-orm";
import { outboxEvents } from "../../db/schema";
import { type AppContext, outsideRequest, RepeatedFailureLog } from "../../src/core";

/** An outbox event as live consumers get it: its commit position and exact JSON body. */
export interface TailEvent {
  seq: number;
  tenantId: string;
  eventType: string;
  body: string;
}

export interface TailSubscriber {
  /** Events committed after the subscriber's position, in commit order. */
  deliver(events: TailEvent[]): void;
  /** The instance stops: end the connection. */
  close(): void;
}

const BATCH = 1000;

/**
 * Follows the outbox of one instance: reads each committed event once and
 * hands it to every live consumer (SSE streams, channel sockets). It reads
 * at once after a local commit and otherwise checks the database every
 * `pollMs`, which is how events written by another instance on the same
 * database arrive (SQLite's data_version tells, at the cost of one pragma,
 * whether anything was committed; a remote database is simply read).
 * Outbox seq is commit order, so reading `seq > last` never skips an event.
 */
export class OutboxTail {
  private last = 0;
  private readonly subscribers = new Set<TailSubscriber>();
  private started: Promise<void> | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private version: number | null = null;
  private readonly failures: RepeatedFailureLog;

  constructor(
    private readonly ctx: AppContext,
    private readonly pollMs: number,
  ) {
    this.failures = new RepeatedFailureLog(ctx.logger, "outbox tail read failed");
  }

  /** The position up to which events were handed out (everything later reaches subscribers). */
  get position(): number {
    return this.last;
  }

  /** Starts following (once) from the newest committed event; a start that failed is tried again by the next caller. */
  start(): Promise<void> {
    this.started ??= (async () => {
      const [row] = await this.ctx.db.read
        .select({ seq: max(outboxEvents.seq) })
        .from(outboxEvents);
      this.last = Number(row?.seq ?? 0);
      this.version = await this.ctx.db.changeVersion();
      this.ctx.onCommit(() => this.wake());
      // Started by the first stream's request; the poll belongs to no request.
      this.timer = outsideRequest(() => setInterval(() => this.poll(), this.pollMs));
      this.timer.unref?.();
    })().catch((error) => {
      this.started = null;
      throw error;
    });
    return this.started;
  }

  subscribe(subscriber: TailSubscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const subscriber of [...this.subscribers]) subscriber.close();
    this.subscribers.clear();
  }

  private poll() {
    const current = this.ctx.db.changeVersion();
    if (typeof current === "number" || current === null) return this.wakeIfChanged(current);
    current.then(
      (version) => this.wakeIfChanged(version),
      (error) => this.failures.failed(error),
    );
  }

  private wakeIfChanged(version: number | null) {
    if (version !== null && version === this.version) return;
    this.version = version;
    this.wake();
  }

  /** Reads new events now; calls during a read make it read once more. */
  wake() {
    if (!this.timer) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.readAll()
      .then(
        () => this.failures.succeeded(),
        (error) => this.failures.failed(error),
      )
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  private async readAll() {
    for (;;) {
      const rows = await this.ctx.db.read
        .select({
          seq: outboxEvents.seq,
          tenantId: outboxEvents.tenantId,
          eventType: outboxEvents.eventType,
          body: outboxEvents.body,
        })
        .from(outboxEvents)
        .where(gt(outboxEvents.seq, this.last))
        .orderBy(asc(outboxEvents.seq))
        .limit(BATCH);
      if (rows.length === 0) return;
      this.last = rows[rows.length - 1].seq;
      for (const subscriber of this.subscribers) subscriber.deliver(rows);
      if (rows.length < BATCH) return;
    }
  }
}

const tails = new WeakMap<AppContext, OutboxTail>();

/** The instance's one outbox tail, started on first use. */
export async function outboxTail(ctx: AppContext): Promise<OutboxTail> {
  let tail = tails.get(ctx);
  if (!tail) {
    tail = new OutboxTail(ctx, ctx.config.livePollMs);
    tails.set(ctx, tail);
    ctx.onStop(() => tail?.stop());
  }
  await tail.start();
  return tail;
}
