import { t } from "elysia";
import { JsonInteger } from "../../src/core";

const cursor = t.String({
  description:
    "An event cursor from `next_cursor` or an SSE event id (empty string: from the oldest retained event)",
});

export const EventListQuery = t.Object({
  types: t.Optional(
    t.String({ description: "Comma-separated patterns: exact types, `prefix.*` or `*` (default)" }),
  ),
  since: t.Optional(t.String({ description: "ISO 8601: events that occurred at or after it" })),
  cursor: t.Optional(cursor),
  page_size: t.Optional(
    JsonInteger({
      title: "page_size",
      minimum: 1,
      maximum: 500,
      default: 100,
      description: "1-500",
    }),
  ),
});

export const EventStreamQuery = t.Object({
  types: EventListQuery.properties.types,
  cursor: t.Optional(cursor),
});

/**
 * The header EventSource sends on reconnecting: the `id` of the last event it
 * received. Declared so the document lists it beside `cursor`.
 */
export const EventStreamHeaders = t.Object({
  "last-event-id": t.Optional(
    t.String({
      description:
        "The `id` of the last event received (EventSource sends it on reconnecting): the stream resumes right after it, the backlog first. Wins over `cursor`.",
    }),
  ),
});

/** An event exactly as webhooks deliver it (seed 001's payload plus `id`). */
export const Event = t.Object({
  id: t.String(),
  event_type: t.String(),
  timestamp: t.String({ format: "date-time" }),
  tenant_id: t.String(),
  data: t.Unknown(),
  metadata: t.Record(t.String(), t.Unknown()),
});

export const EventList = t.NoValidate(
  t.Object({
    events: t.Array(Event),
    next_cursor: t.String({ description: "Pass as `cursor` to continue after these events" }),
    has_more: t.Boolean(),
    page_size: JsonInteger(),
  }),
);
