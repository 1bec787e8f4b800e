import { blob, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { id, json, lifecycle, tenantId, timestamp } from "./columns";

/**
 * Document metadata. Uploaded bytes live in the data directory, addressed by
 * their SHA-256 (shared by every row with the same content, whatever the
 * tenant); external documents are a URL only.
 */
export const documents = sqliteTable(
  "documents",
  {
    id: id(),
    tenantId: tenantId(),
    name: text("name").notNull(),
    description: text("description"),
    mimeType: text("mime_type"),
    /** Bytes; null for external documents. */
    size: integer("size"),
    /** Hex SHA-256 of the content; null for external documents. */
    sha256: text("sha256"),
    /** local | external */
    storage: text("storage").notNull(),
    /** External documents only. */
    url: text("url"),
    dealId: text("deal_id"),
    leadId: text("lead_id"),
    contactId: text("contact_id"),
    companyId: text("company_id"),
    tags: json<string[]>("tags").notNull().default([]),
    ...lifecycle(),
  },
  (t) => [
    index("documents_tenant_created_idx").on(t.tenantId, t.createdAt),
    index("documents_tenant_seq_idx").on(t.tenantId, t.syncSeq),
    index("documents_tenant_updated_idx").on(t.tenantId, t.updatedAt, t.syncSeq),
    index("documents_tenant_deal_idx").on(t.tenantId, t.dealId),
    index("documents_tenant_lead_idx").on(t.tenantId, t.leadId),
    index("documents_tenant_contact_idx").on(t.tenantId, t.contactId),
    index("documents_tenant_company_idx").on(t.tenantId, t.companyId),
    /** Reference count of a stored file, across tenants. */
    index("documents_sha256_idx").on(t.sha256, t.deletedAt),
  ],
);

/**
 * Uploaded bytes kept in the database (CRMD_DOCUMENTS_STORE=database), so
 * instances on several hosts share them without a shared volume: each
 * content as rows of up to 256 KiB, by `start_byte`. `content_key` is the
 * content's hex SHA-256 once an upload has committed (shared, like a file
 * of the filesystem store, by every document with those bytes), or
 * `staged:<id>` while an upload is being written, before its document is.
 */
export const documentContents = sqliteTable(
  "document_contents",
  {
    contentKey: text("content_key").notNull(),
    startByte: integer("start_byte").notNull(),
    data: blob("data", { mode: "buffer" }).notNull(),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.contentKey, t.startByte] })],
);
