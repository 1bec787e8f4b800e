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
 * content's hex SHA-256 (contents written before document_content_keys),
 * or `staged:<id>`: an upload is written under a key of its own, which
 * stays its rows' key once its document commits (document_content_keys
 * names it), so a commit moves no bytes.
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

/**
 * The rows of a content committed from an upload: its hex SHA-256 and the
 * `staged:<id>` key its document_contents rows were written under (shared,
 * like a file of the filesystem store, by every document with those bytes).
 * A content without an entry has its rows under its SHA-256 itself.
 * Committing an upload inserts this one row instead of rekeying its rows:
 * on SQLite a rekeyed row is written again whole, its bytes held in the
 * transaction's journal in memory until the commit (the whole file).
 */
export const documentContentKeys = sqliteTable(
  "document_content_keys",
  {
    sha256: text("sha256").primaryKey(),
    contentKey: text("content_key").notNull(),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [index("document_content_keys_key_idx").on(t.contentKey)],
);
