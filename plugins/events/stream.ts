import type { AppContext } from "../../src/core";
import {
  accepts,
  type EventFilter,
  encodeEventCursor,
  knowsType,
  learnOwnTypes,
  readEvents,
} from "./feed";
import { outboxTail, type TailEvent } from "./tail";

const encoder = new TextEncoder();
/** Events one catch-up read takes; a long backlog is read in several. */
const CATCH_UP_PAGE = 500;
/** A client this far behind (bytes queued) is cut off; it reconnects with Last-Event-ID and loses nothing. */
const MAX_QUEUED = 8 * 1024 * 1024;
/** How often an open stream checks that its key still holds (revoked or expired: the stream ends). */
const KEY_CHECK_MS = 1000;

const frame = (event: TailEvent): string =>
  `id: ${encodeEventCursor(event.seq)}\nevent: ${event.eventType}\ndata: ${event.body}\n\n`;

/**
 * A Server-Sent Events stream of the events `filter` accepts after
 * position `from` (null: from now). It first reads the backlog from the
 * outbox, then follows the instance's outbox tail; events that arrive
 * while the backlog is read wait in order behind it. Each event's `id` is
 * its cursor, so a client reconnecting with `Last-Event-ID` resumes right
 * after the last event it got. The stream ends once `keyHolds` answers
 * false: a revoked key's EventSource then reconnects and gets 401.
 */
export async function eventStream(
  ctx: AppContext,
  filter: EventFilter,
  from: number | null,
  keyHolds: () => Promise<boolean>,
): Promise<ReadableStream<Uint8Array>> {
  const tail = await outboxTail(ctx);
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  let pending: TailEvent[] | null = [];
  let position = from ?? tail.position;
  const upTo = tail.position;

  const write = (text: string) => {
    if (closed) return;
    if ((controller.desiredSize ?? 0) < -MAX_QUEUED) return close();
    controller.enqueue(encoder.encode(text));
  };
  // Events up to here were sent after the tenant's object types were read.
  let typesReadThrough = 0;
  const send = (events: TailEvent[]) => {
    for (const [i, event] of events.entries()) {
      if (event.seq <= position) continue;
      if (!accepts(filter, event)) {
        if (event.tenantId !== filter.tenantId || event.seq <= typesReadThrough) continue;
        if (knowsType(filter, event.eventType)) continue;
        // An object type defined after the filter was made: read the types, then go on in order.
        pending = events.slice(i);
        learnTypes();
        return;
      }
      position = event.seq;
      write(frame(event));
    }
  };
  const learnTypes = () => {
    typesReadThrough = pending?.at(-1)?.seq ?? typesReadThrough;
    learnOwnTypes(ctx, filter).then(
      () => {
        const waiting = pending ?? [];
        pending = null;
        send(waiting);
      },
      (error) => {
        ctx.logger.error("event stream could not read the tenant's object types", { error });
        close();
      },
    );
  };
  const unsubscribe = tail.subscribe({
    deliver: (events) => (pending ? pending.push(...events) : send(events)),
    close: () => close(),
  });
  const heartbeat = setInterval(
    () => write(": heartbeat\n\n"),
    ctx.config.liveHeartbeatSeconds * 1000,
  );
  const keyCheck = setInterval(() => {
    keyHolds().then(
      (holds) => holds || close(),
      (error) => ctx.logger.warn("event stream could not check its key", { error }),
    );
  }, KEY_CHECK_MS);
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    clearInterval(keyCheck);
    unsubscribe();
    try {
      controller.close();
    } catch {}
  };

  const catchUp = async () => {
    while (!closed && position < upTo) {
      const page = await readEvents(ctx, filter, position, CATCH_UP_PAGE, { upTo });
      send(page.events);
      position = Math.max(position, page.position);
      if (!page.has_more) break;
    }
    position = Math.max(position, upTo);
    const waiting = pending ?? [];
    pending = null;
    send(waiting);
  };

  return new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      // The reconnection delay EventSource clients use, and a first byte so proxies flush headers.
      c.enqueue(encoder.encode("retry: 1000\n: connected\n\n"));
      catchUp().catch((error) => {
        ctx.logger.error("event stream catch-up failed", { error });
        close();
      });
    },
    cancel: close,
  });
}
