import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { id, json, lifecycle, tenantId, timestamp } from "./columns";

/** One attendee as the API shows it: a contact or an email address (lower case). */
export type CalendarAttendee = {
  contact_id: string | null;
  email: string | null;
  name: string | null;
};
export type CalendarReminder = { minutes_before: number; method: "notification" | "email" };

/**
 * Calendar events. Times are stored as UTC instants (start_at, end_at; end
 * exclusive) plus the IANA zone they were planned in; all-day events also
 * keep their first and last day as dates.
 */
export const calendarEvents = sqliteTable(
  "calendar_events",
  {
    id: id(),
    tenantId: tenantId(),
    title: text("title").notNull(),
    description: text("description"),
    location: text("location"),
    startAt: timestamp("start_at").notNull(),
    endAt: timestamp("end_at").notNull(),
    timeZone: text("time_zone").notNull(),
    allDay: integer("all_day", { mode: "boolean" }).notNull().default(false),
    /** All-day events: first and last day (YYYY-MM-DD, inclusive) in time_zone. */
    startDate: text("start_date"),
    endDate: text("end_date"),
    /** confirmed | tentative | cancelled */
    status: text("status").notNull(),
    cancelledAt: timestamp("cancelled_at"),
    dealId: text("deal_id"),
    leadId: text("lead_id"),
    contactId: text("contact_id"),
    attendees: json<CalendarAttendee[]>("attendees").notNull().default([]),
    reminders: json<CalendarReminder[]>("reminders").notNull().default([]),
    tags: json<string[]>("tags").notNull().default([]),
    ...lifecycle(),
  },
  (t) => [
    index("calendar_events_tenant_start_idx").on(t.tenantId, t.startAt),
    index("calendar_events_tenant_end_idx").on(t.tenantId, t.endAt),
    index("calendar_events_tenant_created_idx").on(t.tenantId, t.createdAt),
    index("calendar_events_tenant_seq_idx").on(t.tenantId, t.syncSeq),
    index("calendar_events_tenant_updated_idx").on(t.tenantId, t.updatedAt, t.syncSeq),
    index("calendar_events_tenant_deal_idx").on(t.tenantId, t.dealId),
    index("calendar_events_tenant_lead_idx").on(t.tenantId, t.leadId),
    index("calendar_events_tenant_contact_idx").on(t.tenantId, t.contactId),
  ],
);

/**
 * Attendees of each event, one row per attendee: the index behind the
 * `attendee` and `conflicts_with` filters. Rewritten with the event's
 * attendee list; the list itself is served from calendar_events.attendees.
 */
export const calendarEventAttendees = sqliteTable(
  "calendar_event_attendees",
  {
    id: id(),
    tenantId: tenantId(),
    eventId: text("event_id")
      .notNull()
      .references(() => calendarEvents.id),
    contactId: text("contact_id"),
    /** Lower case. */
    email: text("email"),
  },
  (t) => [
    index("calendar_attendees_event_idx").on(t.eventId),
    index("calendar_attendees_tenant_email_idx").on(t.tenantId, t.email),
    index("calendar_attendees_tenant_contact_idx").on(t.tenantId, t.contactId),
  ],
);
