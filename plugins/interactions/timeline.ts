import {
  and,
  asc,
  count,
  desc,
  eq,
  exists,
  gt,
  gte,
  inArray,
  isNull,
  or,
  type SQL,
  type SQLWrapper,
} from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import {
  calendarEventAttendees,
  calendarEvents,
  contacts,
  interactions,
  notes,
} from "../../db/schema";
import {
  type AppContext,
  allows,
  decodeCursor,
  emptyFeedPosition,
  encodeCursor,
  forbidden,
  iso,
  lifecycleFields,
  type Page,
  parseTime,
  type ReadDb,
  type SyncedTable,
  versioned,
} from "../../src/core";
import type { InteractionView, TimelineQueryParams, TimelineType } from "./model";
import { interactionView } from "./service";

/** How a page is read: plain (newest first, live rows) or a change feed (sync order, tombstones). */
interface Plan {
  tenantId: string;
  pageSize: number;
  offset: number;
  feed: boolean;
  since?: Date;
  afterSeq?: number;
}

interface Entry {
  view: InteractionView;
  occurredAt: number;
  syncSeq: number;
}

/** A timeline source: its rows matching the query, at most `limit` of them in the page's order. */
type Source = (
  db: ReadDb,
  plan: Plan,
  limit: number,
) => Promise<{ entries: Entry[]; total: number }>;

const BLANK: Omit<
  InteractionView,
  "id" | "type" | "occurred_at" | "created_at" | "updated_at" | "deleted_at"
> = {
  direction: null,
  status: null,
  contact_id: null,
  company_id: null,
  deal_id: null,
  from: null,
  to: [],
  cc: [],
  bcc: [],
  reply_to: null,
  subject: null,
  text: null,
  html: null,
  message_id: null,
  in_reply_to: null,
  references: [],
  thread_id: null,
  attachments: [],
  bounced_recipients: [],
  provider_id: null,
  provider_response: null,
  attempts: 0,
  sent_at: null,
  ended_at: null,
  duration_seconds: null,
  outcome: null,
  recording_url: null,
};

/** The conditions every source shares: tenant, live or changed since, after the cursor. */
function common(table: SyncedTable, plan: Plan): SQL[] {
  return [
    eq(table.tenantId, plan.tenantId),
    plan.feed ? undefined : isNull(table.deletedAt),
    plan.since ? gte(table.updatedAt, plan.since) : undefined,
    plan.afterSeq !== undefined ? gt(table.syncSeq, plan.afterSeq) : undefined,
  ].filter((c): c is SQL => c !== undefined);
}

async function readSource<Row>(
  db: ReadDb,
  table: SyncedTable,
  occurredAt: SQLiteColumn,
  where: SQL | undefined,
  plan: Plan,
  limit: number,
): Promise<{ rows: Row[]; total: number }> {
  const order = plan.feed ? [asc(table.syncSeq)] : [desc(occurredAt), desc(table.id)];
  const rows = await db
    .select()
    .from(table)
    .where(where)
    .orderBy(...order)
    .limit(limit);
  const [{ n }] = await db.select({ n: count() }).from(table).where(where);
  return { rows: rows as Row[], total: n };
}

type Filters = Pick<TimelineQueryParams, "contact_id" | "company_id" | "deal_id">;

const interactionSource =
  (filters: Filters, type: TimelineType | undefined): Source =>
  async (db, plan, limit) => {
    const where = and(
      ...common(interactions, plan),
      type ? eq(interactions.type, type) : undefined,
      filters.contact_id !== undefined ? eq(interactions.contactId, filters.contact_id) : undefined,
      filters.company_id !== undefined ? eq(interactions.companyId, filters.company_id) : undefined,
      filters.deal_id !== undefined ? eq(interactions.dealId, filters.deal_id) : undefined,
    );
    const { rows, total } = await readSource<typeof interactions.$inferSelect>(
      db,
      interactions,
      interactions.occurredAt,
      where,
      plan,
      limit,
    );
    const entries = rows.map((row) => ({
      view: interactionView(row),
      occurredAt: row.occurredAt.getTime(),
      syncSeq: row.syncSeq,
    }));
    return { entries, total };
  };

/** A note belongs to one record: it matches when that record is the one filtered on (all filters). */
const noteSource =
  (filters: Filters): Source =>
  async (db, plan, limit) => {
    const given = (["contact", "company", "deal"] as const).filter(
      (parent) => filters[`${parent}_id`] !== undefined,
    );
    if (given.length > 1) return { entries: [], total: 0 };
    const where = and(
      ...common(notes, plan),
      ...given.map((parent) =>
        and(eq(notes.entityType, parent), eq(notes.entityId, filters[`${parent}_id`] as string)),
      ),
    );
    const { rows, total } = await readSource<typeof notes.$inferSelect>(
      db,
      notes,
      notes.createdAt,
      where,
      plan,
      limit,
    );
    const entries = rows.map((row) => {
      const link = (parent: string) => (row.entityType === parent ? row.entityId : null);
      const view = versioned<InteractionView>(row, {
        ...BLANK,
        id: row.id,
        type: "note",
        status: row.status,
        contact_id: link("contact"),
        company_id: link("company"),
        deal_id: link("deal"),
        text: row.text,
        occurred_at: row.createdAt.toISOString(),
        ...lifecycleFields(row),
      });
      return { view, occurredAt: row.createdAt.getTime(), syncSeq: row.syncSeq };
    });
    return { entries, total };
  };

/**
 * Meetings of a contact (linked or attending), of a company's contacts, or
 * of a deal. A meeting names no company: finding a company's means reading
 * which contacts are its, so only a key that reads contacts (`readsContacts`)
 * gets meetings on a company's timeline.
 */
const meetingSource =
  (filters: Filters, readsContacts: boolean): Source =>
  async (db, plan, limit) => {
    if (filters.company_id !== undefined && !readsContacts) return { entries: [], total: 0 };
    const e = calendarEvents;
    const attends = (contactIds: SQLWrapper | string[]) =>
      exists(
        db
          .select({ id: calendarEventAttendees.id })
          .from(calendarEventAttendees)
          .where(
            and(
              eq(calendarEventAttendees.eventId, e.id),
              inArray(calendarEventAttendees.contactId, contactIds),
            ),
          ),
      );
    const companyContacts = (companyId: string) =>
      db
        .select({ id: contacts.id })
        .from(contacts)
        .where(and(eq(contacts.tenantId, plan.tenantId), eq(contacts.companyId, companyId)));
    // A meeting's own contact_id links it as much as an attendee entry does.
    const ofContacts = (contactIds: SQLWrapper | string[]) =>
      or(inArray(e.contactId, contactIds), attends(contactIds));
    const where = and(
      ...common(e, plan),
      filters.contact_id !== undefined ? ofContacts([filters.contact_id]) : undefined,
      filters.company_id !== undefined
        ? ofContacts(companyContacts(filters.company_id))
        : undefined,
      filters.deal_id !== undefined ? eq(e.dealId, filters.deal_id) : undefined,
    );
    const { rows, total } = await readSource<typeof e.$inferSelect>(
      db,
      e,
      e.startAt,
      where,
      plan,
      limit,
    );
    const entries = rows.map((row) => {
      const view = versioned<InteractionView>(row, {
        ...BLANK,
        id: row.id,
        type: "meeting",
        status: row.status,
        contact_id: row.contactId,
        deal_id: row.dealId,
        to: row.attendees.map((a) => a.email ?? a.contact_id ?? "").filter(Boolean),
        subject: row.title,
        text: row.description,
        occurred_at: row.startAt.toISOString(),
        ended_at: iso(row.endAt),
        ...lifecycleFields(row),
      });
      return { view, occurredAt: row.startAt.getTime(), syncSeq: row.syncSeq };
    });
    return { entries, total };
  };

/** What notes and meetings need beyond the route's interactions:read: their own read scopes. */
const READ_SCOPE = { note: "notes:read", meeting: "calendar:read" } as const;

/**
 * The sources a key may read: emails, SMS and calls; notes and meetings
 * only with their read scopes, as on their own routes. Asking for a type
 * without its scope is 403; without a type, the others are left out.
 */
function sourcesFor(query: TimelineQueryParams, scopes: ReadonlySet<string>): Source[] {
  const { type } = query;
  if ((type === "note" || type === "meeting") && !allows(scopes, READ_SCOPE[type]))
    throw forbidden(`Missing permission: ${READ_SCOPE[type]}`);
  const reads = (kind: "note" | "meeting") =>
    (type === undefined || type === kind) && allows(scopes, READ_SCOPE[kind]);
  const sources: Source[] = [];
  if (type === undefined || type === "email" || type === "sms" || type === "call")
    sources.push(interactionSource(query, type));
  if (reads("note")) sources.push(noteSource(query));
  if (reads("meeting")) sources.push(meetingSource(query, allows(scopes, "contacts:read")));
  return sources;
}

const newestFirst = (a: Entry, b: Entry) =>
  b.occurredAt - a.occurredAt || (a.view.id < b.view.id ? 1 : -1);
const changeOrder = (a: Entry, b: Entry) => a.syncSeq - b.syncSeq;

/**
 * One page of a record's interactions across emails, SMS, calls, notes and
 * meetings. Each source reads its first offset + page + 1 rows in the
 * page's order; merging them gives the page, so no source is read further
 * than the page reaches.
 */
export async function listTimeline(
  ctx: AppContext,
  tenantId: string,
  scopes: ReadonlySet<string>,
  query: TimelineQueryParams,
): Promise<Page<InteractionView>> {
  const pageSize = query.page_size ?? 50;
  const feed = query.since !== undefined || query.cursor !== undefined;
  const afterSeq = query.cursor !== undefined ? decodeCursor(query.cursor) : undefined;
  const page = afterSeq !== undefined ? 1 : (query.page ?? 1);
  const plan: Plan = {
    tenantId,
    pageSize,
    offset: (page - 1) * pageSize,
    feed,
    since: query.since !== undefined ? parseTime(query.since, "/since") : undefined,
    afterSeq,
  };
  const reads = await Promise.all(
    sourcesFor(query, scopes).map((source) =>
      source(ctx.db.read, plan, plan.offset + pageSize + 1),
    ),
  );
  const merged = reads.flatMap((r) => r.entries).sort(feed ? changeOrder : newestFirst);
  const entries = merged.slice(plan.offset, plan.offset + pageSize);
  const last = entries[entries.length - 1];
  return {
    items: entries.map((entry) => entry.view),
    total: reads.reduce((sum, r) => sum + r.total, 0),
    page,
    page_size: pageSize,
    has_more: merged.length > plan.offset + pageSize,
    next_cursor: feed
      ? encodeCursor(last?.syncSeq ?? (afterSeq || (await emptyFeedPosition(ctx.db))))
      : null,
  };
}
