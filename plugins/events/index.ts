import { Elysia, t } from "elysia";
import {
  ApiError,
  type AppContext,
  authMacros,
  ErrorBody,
  errorResponses,
  presentedCredential,
  readyText,
} from "../../src/core";
import { decodeEventCursor, encodeEventCursor, eventFilter, readEvents, sinceOf } from "./feed";
import { EventList, EventListQuery, EventStreamHeaders, EventStreamQuery } from "./model";
import { eventStream } from "./stream";

export { type OutboxTail, outboxTail, type TailEvent } from "./tail";

const tags = ["events"];

/**
 * The event log over the outbox: pull it page by page, or follow it as
 * Server-Sent Events. Both show exactly what webhooks deliver, in commit
 * order, for as long as the outbox keeps events (the delivery retention).
 */
export const eventsPlugin = (ctx: AppContext) =>
  new Elysia({ name: "crmd.events" })
    .use(authMacros)
    .get(
      "/events",
      async ({ query, tenantId, scopes }) => {
        const filter = await eventFilter(ctx, tenantId, query.types, scopes);
        const after = decodeEventCursor(query.cursor ?? "", "/cursor");
        const pageSize = query.page_size ?? 100;
        const page = await readEvents(ctx, filter, after, pageSize, {
          since: sinceOf(query.since),
        });
        // The body is the stored JSON, byte for byte what webhooks sign.
        const events = page.events.map((e) => e.body).join(",");
        const next = { next_cursor: encodeEventCursor(page.position), has_more: page.has_more };
        const tail = `"next_cursor":${JSON.stringify(next.next_cursor)},"has_more":${next.has_more},"page_size":${pageSize}`;
        return readyText(`{"events":[${events}],${tail}}`, next);
      },
      {
        scope: "events:read",
        query: EventListQuery,
        response: { 200: EventList, ...errorResponses },
        detail: {
          summary: "The event log: every event, oldest first, cursor-paged",
          description:
            "Events of the key's tenant in commit order (per entity, the order they happened), as webhooks deliver them. Filters: `types` (exact, `prefix.*`), `since`. A key sees the events of the resources it may read (`<resource>:read`; an association's, with both linked objects' `:read`; a handoff's, with `handoffs:read` and its deal's or lead's `:read`); a key with `webhooks:manage` sees every event. Keep `next_cursor` and pass it as `cursor` to get only what came after. Events are kept as long as webhook deliveries are (CRMD_WEBHOOK_RETENTION_DAYS).",
          tags,
        },
      },
    )
    .get(
      "/events/stream",
      async ({ query, headers, request, tenantId, scopes }) => {
        // EventSource always sends it; a plain GET would wait on a stream that never ends.
        if (!request.headers.get("accept")?.includes("text/event-stream"))
          throw new ApiError(
            406,
            "NOT_ACCEPTABLE",
            "This is an event stream: send Accept: text/event-stream",
          );
        const filter = await eventFilter(ctx, tenantId, query.types, scopes);
        const lastEventId = headers["last-event-id"];
        const resume = lastEventId ?? query.cursor;
        const from =
          resume === undefined
            ? null
            : decodeEventCursor(resume, lastEventId !== undefined ? "/last-event-id" : "/cursor");
        const key = presentedCredential(request.headers) ?? "";
        const keyHolds = async () => (await ctx.keys.authenticate(key)) !== null;
        return new Response(await eventStream(ctx, filter, from, keyHolds), {
          headers: {
            "content-type": "text/event-stream",
            "cache-control": "no-cache",
            "x-accel-buffering": "no",
          },
        });
      },
      {
        scope: "events:read",
        query: EventStreamQuery,
        headers: EventStreamHeaders,
        response: {
          200: t.NoValidate(
            t.String({ contentMediaType: "text/event-stream", description: "Server-Sent Events" }),
          ),
          ...errorResponses,
          406: ErrorBody,
        },
        detail: {
          operationId: "streamEvents",
          summary: "The event log as Server-Sent Events, resumable with Last-Event-ID",
          description:
            "Needs `Accept: text/event-stream` (406 otherwise; EventSource sends it). Each event is an SSE message: `id` (its cursor), `event` (its type), `data` (the webhook payload). Without `Last-Event-ID` or `cursor` the stream starts with the next event; with either, right after that event (the backlog first). A comment line every CRMD_LIVE_HEARTBEAT_SECONDS keeps idle connections open. Same filters and scope rules as GET /events. Events committed by other instances on the same database arrive within CRMD_LIVE_POLL_MS.",
          tags,
        },
      },
    );
