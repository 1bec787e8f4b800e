import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { id, json, lifecycle, tenantId } from "./columns";

/** seed 004's shapes: several emails and phones, each with a type. */
export type ContactEmail = { email: string; type: string };
export type ContactPhone = { number: string; type: string };
/** A file linked from a note (stored elsewhere; crmd keeps the link). */
export type NoteAttachment = { url: string; name: string | null; mime_type: string | null };

export const companies = sqliteTable(
  "companies",
  {
    id: id(),
    tenantId: tenantId(),
    name: text("name").notNull(),
    website: text("website"),
    /** Normalised host of the website (no scheme, no www.), lower case: matching and bulk upsert key. */
    domain: text("domain"),
    sector: text("sector"),
    size: text("size"),
    address: json<Record<string, unknown>>("address"),
    phone: text("phone"),
    description: text("description"),
    owner: text("owner"),
    tags: json<string[]>("tags").notNull().default([]),
    customFields: json<Record<string, unknown>>("custom_fields").notNull().default({}),
    ...lifecycle(),
  },
  (t) => [
    index("companies_tenant_created_idx").on(t.tenantId, t.createdAt),
    index("companies_tenant_domain_idx").on(t.tenantId, t.domain),
    index("companies_tenant_seq_idx").on(t.tenantId, t.syncSeq),
    index("companies_tenant_updated_idx").on(t.tenantId, t.updatedAt, t.syncSeq),
  ],
);

export const contacts = sqliteTable(
  "contacts",
  {
    id: id(),
    tenantId: tenantId(),
    firstName: text("first_name"),
    lastName: text("last_name"),
    emails: json<ContactEmail[]>("emails").notNull().default([]),
    phones: json<ContactPhone[]>("phones").notNull().default([]),
    /** First email, lower case: exact case-insensitive filter and bulk upsert key. */
    primaryEmail: text("primary_email"),
    title: text("title"),
    companyId: text("company_id"),
    owner: text("owner"),
    /** lead | prospect | customer | inactive (free text allowed) */
    status: text("status"),
    background: text("background"),
    linkedinUrl: text("linkedin_url"),
    tags: json<string[]>("tags").notNull().default([]),
    customFields: json<Record<string, unknown>>("custom_fields").notNull().default({}),
    lastSeenAt: integer("last_seen_at", { mode: "timestamp_ms" }),
    /** Consent: sends on that channel are refused (409). */
    emailOptOut: integer("email_opt_out", { mode: "boolean" }).notNull().default(false),
    smsOptOut: integer("sms_opt_out", { mode: "boolean" }).notNull().default(false),
    ...lifecycle(),
  },
  (t) => [
    index("contacts_tenant_created_idx").on(t.tenantId, t.createdAt),
    index("contacts_tenant_email_idx").on(t.tenantId, t.primaryEmail),
    index("contacts_tenant_company_idx").on(t.tenantId, t.companyId),
    index("contacts_tenant_seq_idx").on(t.tenantId, t.syncSeq),
    index("contacts_tenant_updated_idx").on(t.tenantId, t.updatedAt, t.syncSeq),
  ],
);

/**
 * Every email of every contact, lower case: the `email` filter and the bulk
 * upsert match any of a contact's emails through this index. Rewritten with
 * the contact in the same transaction.
 */
export const contactEmails = sqliteTable(
  "contact_emails",
  {
    contactId: text("contact_id").notNull(),
    tenantId: tenantId(),
    email: text("email").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.contactId, t.email] }),
    index("contact_emails_tenant_email_idx").on(t.tenantId, t.email),
  ],
);

/** Notes on a contact, company, deal, lead or task (seed 004's contact_note, company_note, …). */
export const notes = sqliteTable(
  "notes",
  {
    id: id(),
    tenantId: tenantId(),
    /** contact | company | deal | lead | task */
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    text: text("text").notNull(),
    /** Contact and company notes only (seed 004: cold, warm, hot, …). */
    status: text("status"),
    attachments: json<NoteAttachment[]>("attachments").notNull().default([]),
    ...lifecycle(),
  },
  (t) => [
    index("notes_tenant_entity_idx").on(t.tenantId, t.entityType, t.entityId, t.createdAt),
    index("notes_tenant_created_idx").on(t.tenantId, t.createdAt),
    index("notes_tenant_seq_idx").on(t.tenantId, t.syncSeq),
    index("notes_tenant_updated_idx").on(t.tenantId, t.updatedAt, t.syncSeq),
  ],
);
