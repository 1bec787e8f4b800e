import { sql } from "drizzle-orm";
import {
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { id, json, tenantId, timestamp } from "./columns";

/**
 * A tenant's typed custom field on one object type (deals, contacts, a
 * custom object's plural…). Removing a definition archives it
 * (`archived_at`); a live key is unique per tenant and object.
 */
export const customFieldDefinitions = sqliteTable(
  "custom_field_definitions",
  {
    id: id(),
    tenantId: tenantId(),
    objectType: text("object_type").notNull(),
    key: text("key").notNull(),
    label: text("label").notNull(),
    description: text("description"),
    type: text("type").notNull(),
    required: integer("required", { mode: "boolean" }).notNull().default(false),
    unique: integer("unique_values", { mode: "boolean" }).notNull().default(false),
    defaultValue: json<unknown>("default_value"),
    options: json<string[]>("options"),
    referenceObject: text("reference_object"),
    currency: text("currency"),
    createdAt: timestamp("created_at").notNull(),
    updatedAt: timestamp("updated_at").notNull(),
    archivedAt: timestamp("archived_at"),
  },
  (t) => [
    uniqueIndex("custom_field_definitions_live_key_idx")
      .on(t.tenantId, t.objectType, t.key)
      .where(sql`archived_at is null`),
  ],
);

/**
 * The index behind `cf.<key>` filters and unique checks: one row per value
 * of a defined field (one per option of a multi-select). Text-like values
 * go to value_text, numbers, money, datetimes and booleans to value_num;
 * the other column holds '' or 0. One B-tree (WITHOUT ROWID, keyed by the
 * lookups), so a value costs one insert, not a row and an index entry.
 * Kept with the record in the same transaction.
 */
export const customFieldValues = sqliteTable(
  "custom_field_values",
  {
    tenantId: tenantId(),
    objectType: text("object_type").notNull(),
    fieldKey: text("field_key").notNull(),
    valueText: text("value_text").notNull().default(""),
    valueNum: real("value_num").notNull().default(0),
    recordId: text("record_id").notNull(),
  },
  (t) => [
    primaryKey({
      columns: [t.tenantId, t.objectType, t.fieldKey, t.valueText, t.valueNum, t.recordId],
    }),
  ],
);

/** Values of removed definitions, kept readable per record. */
export const customFieldArchive = sqliteTable(
  "custom_field_archive",
  {
    tenantId: tenantId(),
    objectType: text("object_type").notNull(),
    recordId: text("record_id").notNull(),
    fieldKey: text("field_key").notNull(),
    value: json<unknown>("value"),
    archivedAt: timestamp("archived_at").notNull(),
  },
  (t) => [index("custom_field_archive_record_idx").on(t.tenantId, t.objectType, t.recordId)],
);
