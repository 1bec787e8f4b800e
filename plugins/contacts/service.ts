import { and, asc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import type { Static } from "elysia";
import { companies, contactEmails, contacts } from "../../db/schema";
import {
  type AppContext,
  assertLinks,
  associatedWith,
  cleanTags,
  customFieldFilters,
  eqIf,
  findLive,
  insertRow,
  invalid,
  iso,
  lifecycleFields,
  listPage,
  newId,
  parseTags,
  parseTime,
  type ReadDb,
  softDelete,
  unlinkAll,
  updateRow,
  versioned,
  type WriteScope,
  type WriteTx,
  writeCustomFields,
} from "../../src/core";
import { inheritedOptOuts, keepOptOuts } from "./consent";
import type { Contact, ContactInput, ContactListQuery } from "./model";

type Row = typeof contacts.$inferSelect;
type Columns = Partial<typeof contacts.$inferInsert>;
export type ContactInputBody = Static<typeof ContactInput>;
export type ContactView = Static<typeof Contact>;

const DEFAULT_LABEL = "Work";
/** An email's or phone's type as sent, trimmed; none or a blank one is the default. */
const labelOf = (type: string | undefined) => type?.trim() || DEFAULT_LABEL;

export const contactView = (row: Row): ContactView =>
  versioned(row, {
    id: row.id,
    first_name: row.firstName,
    last_name: row.lastName,
    email: row.emails,
    phone_number: row.phones,
    primary_email: row.primaryEmail,
    title: row.title,
    company_id: row.companyId,
    owner: row.owner,
    status: row.status,
    background: row.background,
    linkedin_url: row.linkedinUrl,
    tags: row.tags,
    custom_fields: row.customFields,
    last_seen_at: iso(row.lastSeenAt),
    email_opt_out: row.emailOptOut,
    sms_opt_out: row.smsOptOut,
    ...lifecycleFields(row),
  });

/** Emails compare lower case, everywhere (filter, upsert key, side table). */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** Fields copied as they are: API name → column. */
const PLAIN_FIELDS = {
  first_name: "firstName",
  last_name: "lastName",
  title: "title",
  owner: "owner",
  status: "status",
  background: "background",
  linkedin_url: "linkedinUrl",
  email_opt_out: "emailOptOut",
  sms_opt_out: "smsOptOut",
} as const satisfies Partial<Record<keyof ContactInputBody, keyof Columns>>;

/**
 * The columns an input sets, checked (company link, times); absent fields
 * are left out. An update passes the contact as it is: the company it keeps
 * after that company was deleted may be sent back unchanged.
 */
async function columnsFrom(
  tx: WriteTx,
  tenantId: string,
  input: ContactInputBody,
  current?: Row,
): Promise<Columns> {
  const columns: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(PLAIN_FIELDS))
    if (input[field as keyof typeof PLAIN_FIELDS] !== undefined)
      columns[column] = input[field as keyof typeof PLAIN_FIELDS];
  if (input.email !== undefined) {
    const emails = input.email.map((e) => ({
      email: e.email.trim(),
      type: labelOf(e.type),
    }));
    columns.emails = emails;
    columns.primaryEmail = emails.length ? normaliseEmail(emails[0].email) : null;
  }
  if (input.phone_number !== undefined)
    columns.phones = input.phone_number.map((p) => ({
      number: p.number.trim(),
      type: labelOf(p.type),
    }));
  if (input.company_id !== undefined) {
    const kept = { company_id: current?.companyId };
    await assertLinks(tx, tenantId, input, { company_id: companies }, kept);
    columns.companyId = input.company_id;
  }
  if (input.tags !== undefined) columns.tags = cleanTags(input.tags);
  if (input.last_seen_at !== undefined)
    columns.lastSeenAt =
      input.last_seen_at === null ? null : parseTime(input.last_seen_at, "/last_seen_at");
  // An address or number given that opted out brings its opt-out with it.
  const given = {
    emails: columns.emails as Row["emails"],
    phones: columns.phones as Row["phones"],
  };
  Object.assign(columns, await inheritedOptOuts(tx, tenantId, input, given, current));
  return columns as Columns;
}

/** A contact must stay identifiable: a name or an email. */
function assertIdentifiable(row: Pick<Row, "firstName" | "lastName" | "emails">) {
  if (!row.firstName?.trim() && !row.lastName?.trim() && row.emails.length === 0)
    throw invalid("/", "a contact needs a first_name, a last_name or an email");
}

/** Rewrites the contact's rows in contact_emails (the index behind the email filter). */
async function indexEmails(tx: WriteTx, row: Row) {
  await tx.delete(contactEmails).where(eq(contactEmails.contactId, row.id));
  const emails = [...new Set(row.emails.map((e) => normaliseEmail(e.email)))];
  if (emails.length)
    await tx
      .insert(contactEmails)
      .values(emails.map((email) => ({ contactId: row.id, tenantId: row.tenantId, email })));
}

const findContact = (db: ReadDb | WriteTx, tenantId: string, id: string): Promise<Row> =>
  findLive(db, contacts, tenantId, id, "Contact");

/** The live contacts having `email` among their emails, oldest first. */
const withEmail = (tx: WriteTx, tenantId: string, email: string) =>
  tx
    .select({ contact: contacts })
    .from(contactEmails)
    .innerJoin(contacts, eq(contacts.id, contactEmails.contactId))
    .where(
      and(
        eq(contactEmails.tenantId, tenantId),
        eq(contactEmails.email, normaliseEmail(email)),
        isNull(contacts.deletedAt),
      ),
    )
    .orderBy(asc(contacts.createdAt), asc(contacts.id));

/** The oldest live contact having `email` among its emails, if any (bulk upsert key). */
export async function findContactByEmail(
  tx: WriteTx,
  tenantId: string,
  email: string,
): Promise<Row | undefined> {
  const [found] = await withEmail(tx, tenantId, email).limit(1);
  return found?.contact;
}

/** Every live contact having `email`, oldest first: duplicates are common after imports. */
export async function contactsWithEmail(
  tx: WriteTx,
  tenantId: string,
  email: string,
): Promise<Row[]> {
  return (await withEmail(tx, tenantId, email)).map((row) => row.contact);
}

/** Inserts a contact inside `tx`, with its activity row and contact.created event. */
export async function insertContact(
  tx: WriteTx,
  scope: WriteScope,
  input: ContactInputBody,
): Promise<Row> {
  const id = newId();
  const row = {
    id,
    firstName: null,
    lastName: null,
    emails: [],
    phones: [],
    primaryEmail: null,
    title: null,
    companyId: null,
    owner: null,
    status: null,
    background: null,
    linkedinUrl: null,
    tags: [],
    lastSeenAt: null,
    emailOptOut: false,
    smsOptOut: false,
    ...(await columnsFrom(tx, scope.tenantId, input)),
    customFields: await writeCustomFields(tx, scope, {
      object: "contacts",
      recordId: id,
      before: null,
      input: input.custom_fields,
    }),
  };
  assertIdentifiable(row);
  const created = await insertRow(tx, scope, {
    table: contacts,
    row,
    entityType: "contact",
    view: contactView,
  });
  await indexEmails(tx, created.row);
  await keepOptOuts(tx, scope, created.row, input);
  return created.row;
}

/** Applies `input` to a live contact inside `tx`, with its activity row and contact.updated event. */
export async function applyContactUpdate(
  tx: WriteTx,
  scope: WriteScope,
  before: Row,
  input: ContactInputBody,
  options: {
    /** A PUT: custom_fields replaced too. */
    replace?: boolean;
    /** A recipient's START rather than an API write (plugins/contacts/consent.ts keepOptOuts). */
    by?: "api" | "recipient";
  } = {},
): Promise<Row> {
  const { replace = false, by = "api" } = options;
  const columns = {
    ...(await columnsFrom(tx, scope.tenantId, input, before)),
    customFields: await writeCustomFields(tx, scope, {
      object: "contacts",
      recordId: before.id,
      before: before.customFields,
      input: input.custom_fields,
      replace,
    }),
  };
  assertIdentifiable({ ...before, ...columns });
  const update = {
    table: contacts,
    row: before,
    columns,
    entityType: "contact",
    view: contactView,
  };
  const { row } = await updateRow(tx, scope, update);
  if (columns.emails) await indexEmails(tx, row);
  await keepOptOuts(tx, scope, row, input, by);
  return row;
}

export const getContact = async (ctx: AppContext, tenantId: string, id: string) =>
  contactView(await findContact(ctx.db.read, tenantId, id));

export const createContact = async (ctx: AppContext, scope: WriteScope, input: ContactInputBody) =>
  ctx.write(async (tx) => contactView(await insertContact(tx, scope, input)));

/** PATCH, or with `replace` a PUT's update (custom_fields replaced too). */
export const updateContact = async (
  ctx: AppContext,
  scope: WriteScope,
  id: string,
  input: ContactInputBody,
  replace = false,
) =>
  contactView(
    await ctx.write(async (tx) =>
      applyContactUpdate(tx, scope, await findContact(tx, scope.tenantId, id), input, { replace }),
    ),
  );

/** Soft delete: the tombstone stays for sync feeds; contact.deleted carries it. */
export async function deleteContact(ctx: AppContext, scope: WriteScope, id: string): Promise<void> {
  await ctx.write(async (tx) =>
    removeContact(tx, scope, await findContact(tx, scope.tenantId, id)),
  );
}

/** Deletes a live contact inside the caller's transaction, as DELETE /contacts/{id} does (contact.deleted). */
export async function removeContact(tx: WriteTx, scope: WriteScope, row: Row): Promise<void> {
  await softDelete(tx, scope, { table: contacts, row, entityType: "contact", view: contactView });
  await unlinkAll(tx, scope, { object: "contacts", id: row.id });
}

export type ContactListParams = Static<typeof ContactListQuery>;

/** The contacts list; `narrowedBy` adds conditions of the caller's own (customers by external id). */
export async function listContacts(
  ctx: AppContext,
  tenantId: string,
  query: ContactListParams,
  url = "",
  narrowedBy: SQL[] = [],
) {
  const { dialect, read } = ctx.db;
  const custom = await customFieldFilters(read, tenantId, "contacts", contacts.id, url);
  if (query.search !== undefined) await dialect.catchUpSearchIndex(ctx.db);
  const withEmail =
    query.email === undefined
      ? undefined
      : inArray(
          contacts.id,
          read
            .select({ id: contactEmails.contactId })
            .from(contactEmails)
            .where(
              and(
                eq(contactEmails.tenantId, tenantId),
                eq(contactEmails.email, normaliseEmail(query.email)),
              ),
            ),
        );
  return listPage({
    db: ctx.db,
    cache: ctx.cache,
    table: contacts,
    tenantId,
    query,
    map: contactView,
    filters: [
      withEmail,
      query.search === undefined
        ? undefined
        : dialect.matchesSearch(contacts.id, "contacts", tenantId, query.search),
      eqIf(contacts.companyId, query.company_id),
      dialect.hasAllTags(contacts.tags, parseTags(query.tags)),
      associatedWith(tenantId, "contacts", contacts.id, query.associated_with),
      ...custom,
      ...narrowedBy,
    ],
  });
}

/** Live contacts of a company, oldest first (companies' `include=contacts`). */
export async function contactsOfCompany(
  ctx: AppContext,
  tenantId: string,
  companyId: string,
  limit: number,
): Promise<ContactView[]> {
  const rows = await ctx.db.read
    .select()
    .from(contacts)
    .where(
      and(
        eq(contacts.tenantId, tenantId),
        eq(contacts.companyId, companyId),
        isNull(contacts.deletedAt),
      ),
    )
    // Rows made in the same millisecond go by id (time-ordered), not by where the database keeps them.
    .orderBy(asc(contacts.createdAt), asc(contacts.id))
    .limit(limit);
  return rows.map(contactView);
}
