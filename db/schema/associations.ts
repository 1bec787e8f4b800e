import { index, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { tenantId, timestamp } from "./columns";

/**
 * Many-to-many links between records, with an optional label ("" when
 * none). Each link is stored in both directions (two rows sharing
 * `link_id`), so either side lists its links with one index search.
 */
export const associations = sqliteTable(
  "associations",
  {
    linkId: text("link_id").notNull(),
    tenantId: tenantId(),
    fromObject: text("from_object").notNull(),
    fromId: text("from_id").notNull(),
    toObject: text("to_object").notNull(),
    toId: text("to_id").notNull(),
    label: text("label").notNull().default(""),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("associations_pair_idx").on(
      t.tenantId,
      t.fromObject,
      t.fromId,
      t.toObject,
      t.toId,
      t.label,
    ),
    index("associations_reverse_idx").on(t.tenantId, t.toObject, t.toId, t.fromObject),
    index("associations_link_idx").on(t.linkId),
  ],
);
