import { describe, expect, test } from "bun:test";
import { getTableConfig, type SQLiteTable, sqliteTable, text } from "drizzle-orm/sqlite-core";
import * as schema from "../db/schema";
import { CONTACT_REFERENCES } from "../plugins/customers/service";
import { PIPELINE_HOLDERS } from "../plugins/pipelines/service";
import { STAGE_HOLDERS } from "../plugins/pipelines/stages";

/**
 * Hand-kept lists of "what points at a record" guard deletes: an anonymous
 * visitor's contact is deleted only when nothing names it, a stage is removed
 * and a pipeline deleted only when no deal or lead is in it. A table added
 * later with such a column would be missed silently, and the record deleted
 * under it. These tests walk the drizzle schema: every column that can hold
 * such an id must be in the list the code checks, or below with the reason
 * it cannot (or need not) keep the record.
 */

const tables = (Object.values(schema) as unknown[]).filter(
  (value): value is SQLiteTable =>
    typeof value === "object" && value !== null && Symbol.for("drizzle:IsDrizzleTable") in value,
);

type Column = { table: string; column: string };
const key = ({ table, column }: Column) => `${table}.${column}`;

const columnsOf = (table: SQLiteTable) => {
  const config = getTableConfig(table);
  return config.columns.map((c) => ({ table: config.name, column: c.name }));
};

/**
 * The columns of `among` that `canHold` says may hold the id and that are
 * neither `checked` nor explained in `cannot`; also the `cannot` entries
 * naming no column (a list that outlived its schema).
 */
function unaccounted(
  among: SQLiteTable[],
  canHold: (column: string) => boolean,
  checked: Column[],
  cannot: Record<string, string>,
) {
  const covered = new Set(checked.map(key));
  const all = among.flatMap(columnsOf);
  const missing = all
    .filter((c) => canHold(c.column) && !covered.has(key(c)) && !(key(c) in cannot))
    .map(key);
  const names = new Set(all.map(key));
  const stale = Object.keys(cannot).filter((k) => !names.has(k));
  return { missing, stale };
}

/** Columns whose name says they hold an id (or ids): `*_id`, `*_ids`, and the polymorphic ones. */
const idLike = (column: string) =>
  column !== "id" &&
  column !== "tenant_id" &&
  (/_ids?$/.test(column) || ["value_text", "entity_key", "attendees"].includes(column));

const nameOf = (table: SQLiteTable) => getTableConfig(table).name;
const columnName = (c: { name: string }) => c.name;

describe("contacts: what keeps an anonymous visitor's contact", () => {
  /** Columns named for what they hold, which is not a contact. */
  const namedOtherwise = new Set([
    "deal_id",
    "lead_id",
    "converted_deal_id",
    "company_id",
    "partner_id",
    "pipeline_id",
    "from_pipeline_id",
    "to_pipeline_id",
    "stage_id",
    "to_stage_id",
    "conversation_id",
    "event_id",
    "webhook_id",
    "delivery_id",
    "interaction_id",
    "rate_limit_key_id",
    "link_id",
    "photo_ids", // documents
  ]);
  /** Columns that could name a contact by their name, and why they need not keep it. */
  const cannotKeep: Record<string, string> = {
    "activity_log.entity_id": "the change log: history that outlives the record",
    "activity_log.actor_id": "the change log's actor: history that outlives the record",
    "outbox_events.entity_id": "events already emitted: history",
    "webhook_deliveries.entity_key": "delivery order of emitted events: history",
    "sla_emissions.entity_id": "SLA subjects (tasks, deals, leads), never a contact",
    "contact_emails.contact_id": "the contact's own addresses (an anonymous one has none)",
    "deals.contact_ids": "mirrors the deal's links to contacts, checked as associations",
    "calendar_events.attendees": "mirrored in calendar_event_attendees, checked there",
    "custom_field_values.value_text":
      "reference fields naming contacts, checked through their definitions",
    "conversations.visitor_id": "a widget visitor's browser session (vis_…), not a record",
    "customer_identities.external_id": "an outside system's id of the customer",
    "messages.external_id": "a channel's id of the message",
    "interactions.message_id": "an email Message-ID",
    "interactions.thread_id": "an email thread's id",
    "interactions.provider_id": "the SMS or call provider's id",
    "email_relay_ids.relay_id": "a mail relay's id of the message",
  };
  const canHold = (column: string) => idLike(column) && !namedOtherwise.has(column);
  const checked = CONTACT_REFERENCES.flatMap(({ table, columns }) =>
    columns.map((c) => ({ table: nameOf(table), column: columnName(c) })),
  );

  test("every column of the schema that can name a contact is checked, or explained", () => {
    expect(unaccounted(tables, canHold, checked, cannotKeep)).toEqual({ missing: [], stale: [] });
  });

  test("a table added with a contact column is reported until it is listed", () => {
    const later = sqliteTable("later_things", {
      id: text("id").primaryKey(),
      tenantId: text("tenant_id").notNull(),
      contactId: text("contact_id"),
      recordId: text("record_id"),
      dealId: text("deal_id"),
    });
    expect(unaccounted([...tables, later], canHold, checked, cannotKeep).missing).toEqual([
      "later_things.contact_id",
      "later_things.record_id",
    ]);
  });
});

describe("stages and pipelines: what keeps them", () => {
  test("every column that names a stage is a stage holder, or explained", () => {
    const cannotKeep: Record<string, string> = {
      "handoffs.to_stage_id":
        "a pending handoff's target: accepting it after the stage went is a 409 (cancel it)",
      "sla_emissions.stage_id": "SLA events already emitted for a stage entry: history",
    };
    const checked = STAGE_HOLDERS.map((t) => ({ table: nameOf(t), column: "stage_id" }));
    for (const t of STAGE_HOLDERS) expect(columnsOf(t).map(key)).toContain(`${nameOf(t)}.stage_id`);
    const canHold = (column: string) => /(^|_)stage_id$/.test(column);
    expect(unaccounted(tables, canHold, checked, cannotKeep)).toEqual({ missing: [], stale: [] });
  });

  test("every column that names a pipeline is a pipeline holder, or explained", () => {
    const cannotKeep: Record<string, string> = {
      "stages.pipeline_id": "the pipeline's own stages, which go with it",
      "handoffs.from_pipeline_id": "where a handoff came from: history",
      "handoffs.to_pipeline_id":
        "a pending handoff's target: accepting it after the pipeline went is a 409 (cancel it)",
    };
    const checked = PIPELINE_HOLDERS.map(({ table }) => ({
      table: nameOf(table),
      column: "pipeline_id",
    }));
    const canHold = (column: string) => /(^|_)pipeline_id$/.test(column);
    expect(unaccounted(tables, canHold, checked, cannotKeep)).toEqual({ missing: [], stale: [] });
  });
});
