import { integer, text } from "drizzle-orm/sqlite-core";

/**
 * Column helpers shared by every table, so the PostgreSQL schema can mirror
 * them one for one: UUID v7 text ids, millisecond timestamps read as Date,
 * JSON stored as text.
 */
export const id = () => text("id").primaryKey();
export const tenantId = () => text("tenant_id").notNull();
export const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });
export const json = <T>(name: string) => text(name, { mode: "json" }).$type<T>();

/** created_at / updated_at / deleted_at (tombstone) / sync_seq (keyset cursor). */
export const lifecycle = () => ({
  createdAt: timestamp("created_at").notNull(),
  updatedAt: timestamp("updated_at").notNull(),
  deletedAt: timestamp("deleted_at"),
  syncSeq: integer("sync_seq").notNull(),
});
