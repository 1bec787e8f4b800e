import { and, asc, eq, gt, gte, inArray, isNull, lt, ne, or, type SQL } from "drizzle-orm";
import {
  type CalendarAttendee,
  type CalendarReminder,
  calendarEventAttendees,
  calendarEvents,
  contacts,
  deals,
  leads,
} from "../../db/schema";
import {
  type Actor,
  type AppContext,
  allows,
  assertLinked,
  assertLinks,
  changedFields,
  cleanTags,
  diff,
  findLive,
  insertRow,
  invalid,
  iso,
  lifecycleFields,
  listPage,
  newId,
  nextSyncSeq,
  parseTags,
  parseTime,
  type ReadDb,
  recordEntityChange,
  type Scope,
  versioned,
  type WriteScope,
  type WriteTx,
  writeScope,
} from "../../src/core";
import type {
  CalendarEventView,
  CreateEventBody,
  EventQueryParams,
  UpdateEventBody,
} from "./model";
import { canonicalTimeZone, localIso, resolveTimes } from "./time";

type EventRow = typeof calendarEvents.$inferSelect;
type AttendeeInput = NonNullable<CreateEventBody["attendees"]>[number];
type ReminderInput = NonNullable<CreateEventBody["reminders"]>[number];

const ENTITY = "calendar_event";

export const eventView = (row: EventRow): CalendarEventView =>
  versioned(row, {
    id: row.id,
    title: row.title,
    description: row.description,
    location: row.location,
    start: row.allDay ? (row.startDate as string) : localIso(row.startAt, row.timeZone),
    end: row.allDay ? (row.endDate as string) : localIso(row.endAt, row.timeZone),
    start_at: row.startAt.toISOString(),
    end_at: row.endAt.toISOString(),
    time_zone: row.timeZone,
    all_day: row.allDay,
    status: row.status as CalendarEventView["status"],
    cancelled_at: iso(row.cancelledAt),
    attendees: row.attendees,
    reminders: row.reminders,
    deal_id: row.dealId,
    lead_id: row.leadId,
    contact_id: row.contactId,
    tags: row.tags,
    ...lifecycleFields(row),
  });

/** Attendees as stored: email in lower case, duplicates dropped; exactly one of contact_id/email each. */
function normaliseAttendees(input: AttendeeInput[]): CalendarAttendee[] {
  const seen = new Set<string>();
  const out: CalendarAttendee[] = [];
  input.forEach((attendee, i) => {
    const contactId = attendee.contact_id ?? null;
    const email = attendee.email?.toLowerCase() ?? null;
    if ((contactId === null) === (email === null))
      throw invalid(`/attendees/${i}`, "must have either contact_id or email");
    const key = email ? `email:${email}` : `contact:${contactId}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ contact_id: contactId, email, name: attendee.name ?? null });
  });
  return out;
}

const normaliseReminders = (input: ReminderInput[]): CalendarReminder[] =>
  input.map((r) => ({ minutes_before: r.minutes_before, method: r.method ?? "notification" }));

interface Links {
  deal_id?: string | null;
  lead_id?: string | null;
  contact_id?: string | null;
  attendees?: AttendeeInput[];
}

/**
 * Linked records and attendee contacts must be live rows of the tenant (422
 * at their path). An update passes the stored event: a link or attendee
 * contact it keeps after that record was deleted may be sent back unchanged.
 */
async function assertEventLinks(
  tx: WriteTx,
  tenantId: string,
  links: Links,
  current?: EventRow,
): Promise<void> {
  const tables = { deal_id: deals, lead_id: leads, contact_id: contacts };
  const kept = current && {
    deal_id: current.dealId,
    lead_id: current.leadId,
    contact_id: current.contactId,
  };
  await assertLinks(tx, tenantId, links, tables, kept);
  const attending = new Set(current?.attendees.flatMap((a) => a.contact_id ?? []));
  for (const [i, attendee] of (links.attendees ?? []).entries())
    if (!attendee.contact_id || !attending.has(attendee.contact_id))
      await assertLinked(tx, contacts, tenantId, attendee.contact_id, `/attendees/${i}/contact_id`);
}

/** Rewrites the attendee index rows of one event. */
async function indexAttendees(tx: WriteTx, row: EventRow): Promise<void> {
  await tx.delete(calendarEventAttendees).where(eq(calendarEventAttendees.eventId, row.id));
  if (row.attendees.length === 0) return;
  await tx.insert(calendarEventAttendees).values(
    row.attendees.map((a) => ({
      id: newId(),
      tenantId: row.tenantId,
      eventId: row.id,
      contactId: a.contact_id,
      email: a.email,
    })),
  );
}

export async function createEvent(
  ctx: AppContext,
  tenantId: string,
  actor: Actor,
  input: CreateEventBody,
): Promise<CalendarEventView> {
  const timeZone = canonicalTimeZone(input.time_zone ?? "UTC");
  const allDay = input.all_day ?? false;
  const times = resolveTimes({ start: input.start, end: input.end, allDay, timeZone });
  const attendees = normaliseAttendees(input.attendees ?? []);
  const scope = writeScope(ctx, tenantId, actor);
  return ctx.write(async (tx) => {
    await assertEventLinks(tx, tenantId, input);
    const row = {
      id: newId(),
      title: input.title,
      description: input.description ?? null,
      location: input.location ?? null,
      ...times,
      timeZone,
      allDay,
      status: input.status ?? "confirmed",
      cancelledAt: null,
      dealId: input.deal_id ?? null,
      leadId: input.lead_id ?? null,
      contactId: input.contact_id ?? null,
      attendees,
      reminders: normaliseReminders(input.reminders ?? []),
      tags: cleanTags(input.tags ?? []),
    };
    const events = (view: CalendarEventView) => [{ type: "calendar.event.created", data: view }];
    const created = await insertRow(tx, scope, {
      table: calendarEvents,
      row,
      entityType: ENTITY,
      view: eventView,
      events,
    });
    await indexAttendees(tx, created.row);
    return created.view;
  });
}

const findRow = (db: ReadDb | WriteTx, tenantId: string, id: string): Promise<EventRow> =>
  findLive(db, calendarEvents, tenantId, id, "Calendar event");

export async function getEvent(ctx: AppContext, tenantId: string, id: string) {
  return eventView(await findRow(ctx.db.read, tenantId, id));
}

/**
 * The row after a patch: fields given replace the stored ones; times are
 * re-resolved together. A `replacement` (PUT) keeps no end it was not given:
 * the end is then what a create without one makes (all-day: the start day).
 */
function patched(row: EventRow, patch: UpdateEventBody, now: Date, replacement: boolean): EventRow {
  const timeZone =
    patch.time_zone !== undefined ? canonicalTimeZone(patch.time_zone) : row.timeZone;
  const allDay = patch.all_day ?? row.allDay;
  const stored = (date: string | null, instant: Date) =>
    row.allDay ? date : instant.toISOString();
  const times = resolveTimes({
    start: patch.start ?? (stored(row.startDate, row.startAt) as string),
    end: replacement ? patch.end : (patch.end ?? stored(row.endDate, row.endAt)),
    allDay,
    timeZone,
  });
  // A replacement without a status gets the create default, except that a
  // cancelled event stays cancelled: reopening it is said, as in PATCH.
  const status =
    patch.status ?? (replacement && row.status !== "cancelled" ? "confirmed" : row.status);
  const cancelledAt =
    status !== "cancelled" ? null : row.status === "cancelled" ? row.cancelledAt : now;
  return {
    ...row,
    title: patch.title ?? row.title,
    description: patch.description !== undefined ? patch.description : row.description,
    location: patch.location !== undefined ? patch.location : row.location,
    ...times,
    timeZone,
    allDay,
    status,
    cancelledAt,
    dealId: patch.deal_id !== undefined ? patch.deal_id : row.dealId,
    leadId: patch.lead_id !== undefined ? patch.lead_id : row.leadId,
    contactId: patch.contact_id !== undefined ? patch.contact_id : row.contactId,
    attendees: patch.attendees ? normaliseAttendees(patch.attendees) : row.attendees,
    reminders: patch.reminders ? normaliseReminders(patch.reminders) : row.reminders,
    tags: patch.tags ? cleanTags(patch.tags) : row.tags,
  };
}

/** Saves a changed row with its activity row and events; a no-op change writes nothing. */
async function saveChange(
  tx: WriteTx,
  scope: WriteScope,
  row: EventRow,
  next: EventRow,
): Promise<CalendarEventView> {
  const before = eventView(row);
  const changed = changedFields(before, eventView(next));
  if (changed.length === 0) return before;
  const saved = { ...next, updatedAt: scope.now, syncSeq: await nextSyncSeq(tx) };
  await tx.update(calendarEvents).set(saved).where(eq(calendarEvents.id, row.id));
  if (JSON.stringify(row.attendees) !== JSON.stringify(saved.attendees))
    await indexAttendees(tx, saved);
  const after = eventView(saved);
  const cancelled = row.status !== "cancelled" && saved.status === "cancelled";
  const updated = Object.keys(diff(before, after, ["updated_at", "status", "cancelled_at"]));
  const events = [
    ...(updated.length > 0 || !cancelled
      ? [{ type: "calendar.event.updated", data: after, metadata: { changed_fields: changed } }]
      : []),
    ...(cancelled ? [{ type: "calendar.event.cancelled", data: after }] : []),
  ];
  const action = cancelled ? "cancelled" : "updated";
  await recordEntityChange(tx, scope, { entityType: ENTITY, action, before, after }, events);
  return after;
}

export async function updateEvent(
  ctx: AppContext,
  tenantId: string,
  actor: Actor,
  id: string,
  patch: UpdateEventBody,
  replacement = false,
): Promise<CalendarEventView> {
  const scope = writeScope(ctx, tenantId, actor);
  return ctx.write(async (tx) => {
    const row = await findRow(tx, tenantId, id);
    const next = patched(row, patch, scope.now, replacement);
    await assertEventLinks(tx, tenantId, patch, row);
    return saveChange(tx, scope, row, next);
  });
}

/** DELETE: the event stays, marked cancelled. Cancelling a cancelled event changes nothing. */
export async function cancelEvent(
  ctx: AppContext,
  tenantId: string,
  actor: Actor,
  id: string,
): Promise<CalendarEventView> {
  const scope = writeScope(ctx, tenantId, actor);
  return ctx.write(async (tx) => {
    const row = await findRow(tx, tenantId, id);
    // Only an event not yet cancelled has no cancelledAt: a second cancel keeps the first time.
    const cancelled = { ...row, status: "cancelled", cancelledAt: row.cancelledAt ?? scope.now };
    return saveChange(tx, scope, row, cancelled);
  });
}

/** `<start>/<end>` (ISO 8601 interval) as two instants, or 422 at /conflicts_with. */
function parseInterval(value: string): [Date, Date] {
  const parts = value.split("/");
  if (parts.length !== 2)
    throw invalid("/conflicts_with", "must be an ISO 8601 interval <start>/<end>");
  const [start, end] = parts.map((part) => parseTime(part, "/conflicts_with"));
  if (end < start) throw invalid("/conflicts_with", "ends before it starts");
  return [start, end];
}

/**
 * Events with an attendee given by email or contact id. For a key that
 * reads contacts, a contact also matches by its primary email (and an
 * email by the contact having it); for others the attendee matches only
 * as the events list it, so the filter tells nothing of contacts' emails.
 */
function attendeeFilter(
  ctx: AppContext,
  tenantId: string,
  attendee: string,
  readsContacts: boolean,
): SQL {
  const a = calendarEventAttendees;
  const liveContacts = (where: SQL) =>
    and(eq(contacts.tenantId, tenantId), isNull(contacts.deletedAt), where);
  const email = attendee.toLowerCase();
  const byEmail = attendee.includes("@");
  const literal = byEmail ? eq(a.email, email) : eq(a.contactId, attendee);
  const match = !readsContacts
    ? literal
    : byEmail
      ? or(
          literal,
          inArray(
            a.contactId,
            ctx.db.read
              .select({ id: contacts.id })
              .from(contacts)
              .where(liveContacts(eq(contacts.primaryEmail, email))),
          ),
        )
      : or(
          literal,
          inArray(
            a.email,
            ctx.db.read
              .select({ email: contacts.primaryEmail })
              .from(contacts)
              .where(liveContacts(eq(contacts.id, attendee))),
          ),
        );
  return inArray(
    calendarEvents.id,
    ctx.db.read
      .select({ id: a.eventId })
      .from(a)
      .where(and(eq(a.tenantId, tenantId), match)),
  );
}

/** Events overlapping [from, to); an event of no duration counts when it lies in the range. */
function rangeFilters(from?: string, to?: string): Array<SQL | undefined> {
  const start = from !== undefined ? parseTime(from, "/from") : undefined;
  const end = to !== undefined ? parseTime(to, "/to") : undefined;
  if (start && end && end < start) throw invalid("/to", "must not be before from");
  return [
    end ? lt(calendarEvents.startAt, end) : undefined,
    start ? or(gt(calendarEvents.endAt, start), gte(calendarEvents.startAt, start)) : undefined,
  ];
}

function conflictFilters(interval: string, attendee: string | undefined): Array<SQL | undefined> {
  if (attendee === undefined) throw invalid("/attendee", "is required with conflicts_with");
  const [start, end] = parseInterval(interval);
  return [
    ne(calendarEvents.status, "cancelled"),
    lt(calendarEvents.startAt, end),
    gt(calendarEvents.endAt, start),
  ];
}

export async function listEvents(
  ctx: AppContext,
  tenantId: string,
  scopes: ReadonlySet<Scope>,
  query: EventQueryParams,
) {
  const filters = [
    ...rangeFilters(query.from, query.to),
    ...(query.conflicts_with !== undefined
      ? conflictFilters(query.conflicts_with, query.attendee)
      : []),
    query.attendee !== undefined
      ? attendeeFilter(ctx, tenantId, query.attendee, allows(scopes, "contacts:read"))
      : undefined,
    query.status ? eq(calendarEvents.status, query.status) : undefined,
    query.deal_id ? eq(calendarEvents.dealId, query.deal_id) : undefined,
    query.lead_id ? eq(calendarEvents.leadId, query.lead_id) : undefined,
    query.contact_id ? eq(calendarEvents.contactId, query.contact_id) : undefined,
    ctx.db.dialect.hasAllTags(calendarEvents.tags, parseTags(query.tags)),
  ];
  return listPage({
    db: ctx.db,
    cache: ctx.cache,
    table: calendarEvents,
    tenantId,
    filters,
    query,
    map: eventView,
    order: [asc(calendarEvents.startAt), asc(calendarEvents.id)],
  });
}
