import { t } from "elysia";
import { JsonInteger, pageQuery, RequiredText } from "../../src/core";

const id = (description: string) => t.String({ minLength: 1, maxLength: 64, description });
const link = (what: string) =>
  t.Optional(t.Nullable(id(`Linked ${what} (same tenant; a missing one is 422)`)));

export const Attendee = t.Object({
  contact_id: t.Nullable(t.String()),
  email: t.Nullable(t.String()),
  name: t.Nullable(t.String()),
});

/** Nullable fields, so attendees as an event shows them may be sent back. */
export const AttendeeInput = t.Object(
  {
    contact_id: t.Optional(t.Nullable(id("A contact of this tenant"))),
    email: t.Optional(t.Nullable(t.String({ format: "email", maxLength: 320 }))),
    name: t.Optional(t.Nullable(t.String({ maxLength: 200 }))),
  },
  { description: "Either contact_id or email" },
);

export const Reminder = t.Object({
  minutes_before: JsonInteger({ minimum: 0, maximum: 40_320 }),
  method: t.Union([t.Literal("notification"), t.Literal("email")]),
});

export const ReminderInput = t.Object({
  minutes_before: JsonInteger({ minimum: 0, maximum: 40_320, description: "Up to four weeks" }),
  method: t.Optional(t.Union([t.Literal("notification"), t.Literal("email")])),
});

const Status = t.Union([t.Literal("confirmed"), t.Literal("tentative"), t.Literal("cancelled")]);

export const CalendarEvent = t.Object({
  id: t.String({ format: "uuid" }),
  title: t.String(),
  description: t.Nullable(t.String()),
  location: t.Nullable(t.String()),
  start: t.String({
    description:
      "Timed events: local time in time_zone with its offset (2026-03-10T09:00:00.000+02:00); all-day events: the first day (YYYY-MM-DD)",
  }),
  end: t.String({
    description: "Timed events: local time with offset; all-day events: the last day, inclusive",
  }),
  start_at: t.String({ format: "date-time", description: "Start, UTC" }),
  end_at: t.String({
    format: "date-time",
    description: "End, UTC (all-day events: the midnight after the last day in time_zone)",
  }),
  time_zone: t.String({ description: "IANA time zone" }),
  all_day: t.Boolean(),
  status: Status,
  cancelled_at: t.Nullable(t.String({ format: "date-time" })),
  attendees: t.Array(Attendee),
  reminders: t.Array(Reminder),
  deal_id: t.Nullable(t.String()),
  lead_id: t.Nullable(t.String()),
  contact_id: t.Nullable(t.String()),
  tags: t.Array(t.String()),
  created_at: t.String({ format: "date-time" }),
  updated_at: t.String({ format: "date-time" }),
  deleted_at: t.Nullable(t.String({ format: "date-time" })),
});

const eventFields = {
  title: RequiredText({ maxLength: 500 }),
  description: t.Optional(t.Nullable(t.String({ maxLength: 10_000 }))),
  location: t.Optional(t.Nullable(t.String({ maxLength: 500 }))),
  start: t.String({
    description:
      "ISO 8601 date-time; with an offset or Z it is exact, without one it is local time in time_zone. All-day events: YYYY-MM-DD",
  }),
  end: t.Optional(
    t.String({
      description:
        "Like start; not before it. Required for timed events; all-day events: the last day (inclusive), default start",
    }),
  ),
  time_zone: t.Optional(
    t.String({ maxLength: 64, description: "IANA time zone, e.g. Europe/Athens (default UTC)" }),
  ),
  all_day: t.Optional(t.Boolean({ description: "Default false" })),
  attendees: t.Optional(t.Array(AttendeeInput, { maxItems: 100 })),
  reminders: t.Optional(t.Array(ReminderInput, { maxItems: 10 })),
  deal_id: link("deal"),
  lead_id: link("lead"),
  contact_id: link("contact"),
  tags: t.Optional(t.Array(t.String({ minLength: 1, maxLength: 100 }), { maxItems: 50 })),
};

const eventExample = {
  title: "Discovery call",
  start: "2030-01-15T09:30:00",
  end: "2030-01-15T10:00:00",
  time_zone: "Europe/Athens",
};

export const CreateEvent = t.Object(
  {
    ...eventFields,
    status: t.Optional(
      t.Union([t.Literal("confirmed"), t.Literal("tentative")], {
        description: "Default confirmed",
      }),
    ),
  },
  { examples: [eventExample] },
);

/** PUT's body (seed 000's full replacement): a create's fields, with any status, as GET shows it. */
export const ReplaceEvent = t.Object(
  {
    ...eventFields,
    status: t.Optional(
      t.Union([t.Literal("confirmed"), t.Literal("tentative"), t.Literal("cancelled")], {
        description:
          "Left out: confirmed, but a cancelled event stays cancelled (confirmed or tentative reopens it, cancelled cancels it)",
      }),
    ),
  },
  { examples: [eventExample] },
);

export const UpdateEvent = t.Partial(
  t.Object({
    ...eventFields,
    end: t.String(),
    /** cancelled cancels the event (as DELETE does); confirmed or tentative reopens it. */
    status: Status,
  }),
);

export const EventQuery = t.Object({
  ...pageQuery,
  from: t.Optional(
    t.String({ description: "ISO 8601: events ending after it (overlapping [from, to))" }),
  ),
  to: t.Optional(t.String({ description: "ISO 8601: events starting before it" })),
  status: t.Optional(Status),
  deal_id: t.Optional(t.String()),
  lead_id: t.Optional(t.String()),
  contact_id: t.Optional(t.String({ description: "Events linked to this contact" })),
  attendee: t.Optional(
    t.String({
      description:
        "Email (case-insensitive) or contact id of an attendee; with contacts:read a contact also matches by its primary email (without it, only as the event lists the attendee)",
    }),
  ),
  conflicts_with: t.Optional(
    t.String({
      description:
        "ISO 8601 interval <start>/<end>; with attendee: that attendee's non-cancelled events overlapping it",
    }),
  ),
  tags: t.Optional(t.String({ description: "Comma-separated; events carrying all of them" })),
});

export type CreateEventBody = typeof CreateEvent.static;
export type UpdateEventBody = typeof UpdateEvent.static;
export type EventQueryParams = typeof EventQuery.static;
export type CalendarEventView = typeof CalendarEvent.static;
