import { and, eq, inArray, isNull, or } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Static } from "elysia";
import {
  associations,
  calendarEventAttendees,
  calendarEvents,
  contacts,
  conversations,
  customerIdentities,
  customFieldArchive,
  customFieldDefinitions,
  customFieldValues,
  deals,
  documents,
  handoffs,
  interactions,
  leads,
  messages,
  notes,
  tasks,
} from "../../db/schema";
import {
  type AppContext,
  invalid,
  isLive,
  nextSyncSeq,
  type Page,
  type ReadDb,
  recordEntityChange,
  sameVersion,
  type WriteScope,
  type WriteTx,
} from "../../src/core";
import {
  type ContactView,
  contactView,
  findContactByEmail,
  getContact,
  insertContact,
  listContacts,
  removeContact,
} from "../contacts";
import type { Customer, CustomerListQuery, IdentifyCustomer } from "./model";

export type CustomerView = Static<typeof Customer>;
export type IdentifyInput = Static<typeof IdentifyCustomer>;

/** External ids of these contacts, by contact id. */
async function externalIds(db: ReadDb | WriteTx, tenantId: string, contactIds: string[]) {
  if (contactIds.length === 0) return new Map<string, string>();
  const rows = await (db as ReadDb)
    .select()
    .from(customerIdentities)
    .where(
      and(
        eq(customerIdentities.tenantId, tenantId),
        inArray(customerIdentities.contactId, contactIds),
      ),
    );
  return new Map(rows.map((row) => [row.contactId, row.externalId]));
}

async function withExternalIds(
  db: ReadDb | WriteTx,
  tenantId: string,
  views: ContactView[],
): Promise<CustomerView[]> {
  const ids = await externalIds(
    db,
    tenantId,
    views.map((v) => v.id),
  );
  return views.map((view) => sameVersion({ ...view, external_id: ids.get(view.id) ?? null }, view));
}

export async function customerView(db: ReadDb | WriteTx, tenantId: string, view: ContactView) {
  const [customer] = await withExternalIds(db, tenantId, [view]);
  return customer;
}

/** The live contact linked to `externalId`, if any. */
async function byExternalId(db: ReadDb | WriteTx, tenantId: string, externalId: string) {
  const [link] = await (db as ReadDb)
    .select()
    .from(customerIdentities)
    .where(
      and(eq(customerIdentities.tenantId, tenantId), eq(customerIdentities.externalId, externalId)),
    );
  if (!link) return undefined;
  const [row] = await (db as ReadDb)
    .select()
    .from(contacts)
    .where(isLive(contacts, tenantId, link.contactId));
  return row;
}

async function link(tx: WriteTx, scope: WriteScope, externalId: string, contactId: string) {
  await tx
    .insert(customerIdentities)
    .values({ tenantId: scope.tenantId, externalId, contactId, createdAt: scope.now })
    .onConflictDoUpdate({
      target: [customerIdentities.tenantId, customerIdentities.externalId],
      set: { contactId },
    });
}

/** "John Doe" → first name John, last name Doe; one word is a first name. */
function splitName(name: string | undefined) {
  const words = name?.trim().split(/\s+/) ?? [];
  if (words.length === 0 || words[0] === "") return { first_name: null, last_name: null };
  return { first_name: words[0], last_name: words.slice(1).join(" ") || null };
}

export interface Identified {
  customer: CustomerView;
  created: boolean;
}

/**
 * The customer with this external id, else the one with this email, else a
 * new contact (with the external id linked). The same identity always
 * answers the same customer. Without a name or an email the new contact is
 * called "Visitor" (an anonymous widget visitor).
 */
export async function identifyCustomer(
  tx: WriteTx,
  scope: WriteScope,
  input: IdentifyInput,
  /** False for identities nobody vouches for (the public widget): they link only new contacts. */
  trusted = true,
): Promise<Identified> {
  const { tenantId } = scope;
  const linkedAlready = input.external_id
    ? await byExternalId(tx, tenantId, input.external_id)
    : undefined;
  const known =
    linkedAlready ??
    (input.email ? await findContactByEmail(tx, tenantId, input.email) : undefined);
  const created = !known;
  const row =
    known ??
    (await insertContact(tx, scope, {
      ...(input.name || input.email ? splitName(input.name) : { first_name: "Visitor" }),
      email: input.email ? [{ email: input.email }] : undefined,
      phone_number: input.phone ? [{ number: input.phone }] : undefined,
      status: "customer",
    }));
  const customer = await customerView(tx, tenantId, contactView(row));
  if (!input.external_id || linkedAlready || !(trusted || created)) return { customer, created };
  await link(tx, scope, input.external_id, row.id);
  if (created) return { customer: await customerView(tx, tenantId, contactView(row)), created };
  return { customer: await recordLink(tx, scope, row, customer), created };
}

/**
 * A new external id on a known contact changes the customer: the contact
 * moves in the sync feeds (updated_at, sync_seq) and the change has its
 * activity row and contact.updated event, so pollers and webhooks learn it.
 */
async function recordLink(
  tx: WriteTx,
  scope: WriteScope,
  row: typeof contacts.$inferSelect,
  before: CustomerView,
): Promise<CustomerView> {
  const columns = { updatedAt: scope.now, syncSeq: await nextSyncSeq(tx) };
  await tx.update(contacts).set(columns).where(eq(contacts.id, row.id));
  const contact = contactView({ ...row, ...columns });
  const after = await customerView(tx, scope.tenantId, contact);
  await recordEntityChange(tx, scope, { entityType: "contact", action: "updated", before, after }, [
    { type: "contact.updated", data: contact, metadata: { changed_fields: ["external_id"] } },
  ]);
  return after;
}

export function assertIdentity(input: IdentifyInput) {
  if (!input.email && !input.external_id)
    throw invalid("/", "give an email, an external_id or both");
}

/**
 * Customers as the contacts list pages them (its filters, `cf.*` from
 * `url` included); `external_id` narrows it to the customer linked to that id.
 */
export async function listCustomers(
  ctx: AppContext,
  tenantId: string,
  query: Static<typeof CustomerListQuery>,
  url: string,
): Promise<Page<CustomerView>> {
  const { external_id, ...contactQuery } = query;
  const linked =
    external_id === undefined
      ? []
      : [
          inArray(
            contacts.id,
            ctx.db.read
              .select({ id: customerIdentities.contactId })
              .from(customerIdentities)
              .where(
                and(
                  eq(customerIdentities.tenantId, tenantId),
                  eq(customerIdentities.externalId, external_id),
                ),
              ),
          ),
        ];
  const page = await listContacts(ctx, tenantId, contactQuery, url, linked);
  const items = await withExternalIds(ctx.db.read, tenantId, page.items);
  // A contact may have several external ids: it shows the one asked for.
  return {
    ...page,
    items: external_id === undefined ? items : items.map((c) => ({ ...c, external_id })),
  };
}

export const getCustomer = async (ctx: AppContext, tenantId: string, id: string) =>
  customerView(ctx.db.read, tenantId, await getContact(ctx, tenantId, id));

type ContactRow = typeof contacts.$inferSelect;

/** A contact as identifyCustomer makes one for an anonymous visitor, untouched since: "Visitor" and nothing else. */
const isAnonymous = (row: ContactRow) =>
  row.deletedAt === null &&
  row.firstName === "Visitor" &&
  row.lastName === null &&
  row.emails.length === 0 &&
  row.phones.length === 0 &&
  row.primaryEmail === null &&
  row.companyId === null &&
  row.title === null &&
  row.owner === null &&
  row.background === null &&
  row.linkedinUrl === null &&
  row.tags.length === 0 &&
  Object.keys(row.customFields).length === 0;

/** A table and its columns that can hold a contact's id; `live`: only rows not deleted count. */
export interface ContactReference {
  table: SQLiteTable & { tenantId: SQLiteColumn };
  columns: SQLiteColumn[];
  live: boolean;
}

/**
 * Every column that can name a contact, each checked before an anonymous
 * visitor's contact is deleted: conversations, messages, notes, leads,
 * deals, tasks, calendar events, interactions, documents and handoffs
 * (live rows), and attendee entries, associations, external ids and custom
 * field values of its own (archived ones included). Reference fields naming
 * contacts are found through their definitions (isReferenced). A column
 * added to the schema that can hold a contact id belongs here, or in the
 * list of columns that cannot name one in tests/reference-guards.test.ts,
 * which fails until it is in one of them.
 */
export const CONTACT_REFERENCES: ContactReference[] = [
  { table: conversations, columns: [conversations.customerId], live: true },
  { table: messages, columns: [messages.customerId, messages.authorId], live: true },
  { table: notes, columns: [notes.entityId], live: true },
  { table: leads, columns: [leads.contactId], live: true },
  { table: deals, columns: [deals.contactId], live: true },
  { table: tasks, columns: [tasks.contactId], live: true },
  { table: calendarEvents, columns: [calendarEvents.contactId], live: true },
  { table: interactions, columns: [interactions.contactId], live: true },
  { table: documents, columns: [documents.contactId], live: true },
  { table: handoffs, columns: [handoffs.entityId], live: true },
  { table: calendarEventAttendees, columns: [calendarEventAttendees.contactId], live: false },
  { table: associations, columns: [associations.fromId, associations.toId], live: false },
  { table: customerIdentities, columns: [customerIdentities.contactId], live: false },
  { table: customFieldValues, columns: [customFieldValues.recordId], live: false },
  { table: customFieldArchive, columns: [customFieldArchive.recordId], live: false },
];

/**
 * Whether anything of the tenant still points at contact `id`: a row of
 * CONTACT_REFERENCES, or a record's reference field naming it.
 */
async function isReferenced(tx: WriteTx, tenantId: string, id: string): Promise<boolean> {
  for (const { table, columns, live } of CONTACT_REFERENCES) {
    const refers = or(...columns.map((column) => eq(column, id)));
    const liveOnly = live
      ? isNull((table as unknown as { deletedAt: SQLiteColumn }).deletedAt)
      : undefined;
    const [hit] = await (tx as unknown as ReadDb)
      .select({ one: table.tenantId })
      .from(table)
      .where(and(eq(table.tenantId, tenantId), refers, liveOnly))
      .limit(1);
    if (hit) return true;
  }
  // Reference fields (of any object) that name contacts: a record whose value is this contact.
  const d = customFieldDefinitions;
  const references = await tx
    .select({ objectType: d.objectType, key: d.key })
    .from(d)
    .where(and(eq(d.tenantId, tenantId), eq(d.referenceObject, "contacts")));
  for (const field of references) {
    const v = customFieldValues;
    const [hit] = await tx
      .select({ one: v.recordId })
      .from(v)
      .where(
        and(
          eq(v.tenantId, tenantId),
          eq(v.objectType, field.objectType),
          eq(v.fieldKey, field.key),
          eq(v.valueText, id),
        ),
      )
      .limit(1);
    if (hit) return true;
  }
  return false;
}

/**
 * Deletes the contact `id` (contact.deleted, in the caller's transaction)
 * when it is an anonymous visitor's contact ("Visitor", nothing else set)
 * that nothing points at any more; otherwise keeps it. True when deleted.
 */
export async function removeAnonymousCustomer(
  tx: WriteTx,
  scope: WriteScope,
  id: string,
): Promise<boolean> {
  const [row] = await tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.tenantId, scope.tenantId), eq(contacts.id, id)));
  if (!row || !isAnonymous(row)) return false;
  if (await isReferenced(tx, scope.tenantId, id)) return false;
  await removeContact(tx, scope, row);
  return true;
}
