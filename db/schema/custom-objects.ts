import { sql } from "drizzle-orm";
import { index, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { id, json, lifecycle, tenantId, timestamp } from "./columns";

/** An object type a tenant defines: its records live in custom_records. */
export const customObjectTypes = sqliteTable(
  "custom_object_types",
  {
    id: id(),
    tenantId: tenantId(),
    /** Singular: the events' and activity log's entity type (`vehicle.created`). */
    name: text("name").notNull(),
    /** The routes' name (`/objects/vehicles`) and the scopes' (`vehicles:read`). */
    plural: text("plural").notNull(),
    label: text("label").notNull(),
    description: text("description"),
    /** The custom field whose value names a record (`display`, search). */
    primaryField: text("primary_field").notNull(),
    createdAt: timestamp("created_at").notNull(),
    updatedAt: timestamp("updated_at").notNull(),
    archivedAt: timestamp("archived_at"),
  },
  (t) => [
    uniqueIndex("custom_object_types_plural_idx")
      .on(t.tenantId, t.plural)
      .where(sql`archived_at is null`),
    uniqueIndex("custom_object_types_name_idx")
      .on(t.tenantId, t.name)
      .where(sql`archived_at is null`),
  ],
);

/** The records of every custom object type; their values are custom fields. */
export const customRecords = sqliteTable(
  "custom_records",
  {
    id: id(),
    tenantId: tenantId(),
    /** The object type's plural. */
    objectType: text("object_type").notNull(),
    /** The primary field's value, as text. */
    display: text("display"),
    customFields: json<Record<string, unknown>>("custom_fields").notNull().default({}),
    ...lifecycle(),
  },
  (t) => [
    index("custom_records_type_created_idx").on(t.tenantId, t.objectType, t.createdAt),
    index("custom_records_tenant_seq_idx").on(t.tenantId, t.syncSeq),
    index("custom_records_tenant_updated_idx").on(t.tenantId, t.updatedAt, t.syncSeq),
  ],
);
