import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { id, json, tenantId, timestamp } from "./columns";

/** A tenant's business-hours calendar: when set, SLA clocks count working time only. */
export const businessHours = sqliteTable("business_hours", {
  tenantId: text("tenant_id").primaryKey(),
  /** IANA time zone, e.g. America/New_York. */
  timeZone: text("time_zone").notNull(),
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  workingDays: json<number[]>("working_days").notNull(),
  /** Minutes after local midnight; start < end. */
  startMinute: integer("start_minute").notNull(),
  endMinute: integer("end_minute").notNull(),
  createdAt: timestamp("created_at").notNull(),
  updatedAt: timestamp("updated_at").notNull(),
});

/**
 * Every scheduled event emitted (sla.warning, sla.breach, task.overdue), written
 * in the transaction that emits it. The unique clock key makes each event
 * happen at most once per clock: (entity, event, policy, stage, anchor), where
 * the anchor is stage_entered_at (stage SLA), created_at (first response) or
 * due_at (tasks), and stage_id is '' when the clock is not per stage.
 */
export const slaEmissions = sqliteTable(
  "sla_emissions",
  {
    id: id(),
    tenantId: tenantId(),
    /** deal | lead | task */
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    eventType: text("event_type").notNull(),
    /** stage_sla | first_response | task_due */
    policy: text("policy").notNull(),
    stageId: text("stage_id").notNull(),
    anchorAt: timestamp("anchor_at").notNull(),
    dueAt: timestamp("due_at").notNull(),
    emittedAt: timestamp("emitted_at").notNull(),
  },
  (t) => [
    uniqueIndex("sla_emissions_clock_idx").on(
      t.entityId,
      t.eventType,
      t.policy,
      t.stageId,
      t.anchorAt,
    ),
  ],
);

/**
 * The SLA policies (per stage, per pipeline for first response) the job has
 * armed, with the settings it armed them with. A new or changed policy is
 * first checked against every open record once; after that only records
 * that become due between ticks are looked at.
 */
export const slaArmedPolicies = sqliteTable("sla_armed_policies", {
  policyKey: text("policy_key").primaryKey(),
  signature: text("signature").notNull(),
  armedAt: timestamp("armed_at").notNull(),
});
