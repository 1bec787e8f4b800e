import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { id, json, lifecycle, tenantId } from "./columns";

/** seed 004's shapes: several emails and phones, each with a type. */
export type ContactEmail = { email: string; type: string };
export type ContactPhone = { number: string; type: string };

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
    index("companies_tenant_updated_idx").on(t.tenantId, t.updatedAt),
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
    ...lifecycle(),
  },
  (t) => [
    index("contacts_tenant_created_idx").on(t.tenantId, t.createdAt),
    index("contacts_tenant_email_idx").on(t.tenantId, t.primaryEmail),
    index("contacts_tenant_company_idx").on(t.tenantId, t.companyId),
    index("contacts_tenant_seq_idx").on(t.tenantId, t.syncSeq),
    index("contacts_tenant_updated_idx").on(t.tenantId, t.updatedAt),
  ],
);
