import { sql } from "drizzle-orm";
import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { id, json, lifecycle, tenantId, timestamp } from "./columns";

/**
 * Pull-API domains. Links between domains (partner, contact, company, lead,
 * deal) are plain ids validated by the services (same tenant), not foreign
 * keys, so each domain's migration stands alone.
 */

/**
 * Partial-index condition: indexes the KPIs and plain lists read hold live
 * rows only, so counts and sums over them are covered (no row lookups to
 * check deleted_at). Queries use them by stating `deleted_at IS NULL`.
 */
const live = sql`deleted_at IS NULL`;
/** Link and owner indexes hold only the rows that have one (migration 0730). */
const linked = (column: string) => sql.raw(`${column} IS NOT NULL`);

export const pipelines = sqliteTable(
  "pipelines",
  {
    id: id(),
    tenantId: tenantId(),
    name: text("name").notNull(),
    /** qualification | sales */
    pipelineType: text("pipeline_type").notNull(),
    isDefault: integer("is_default", { mode: "boolean" }).notNull().default(false),
    /** Leads: SLA from creation to first response (status contacted or later), in hours. */
    firstResponseHours: real("first_response_hours"),
    ...lifecycle(),
  },
  (t) => [
    index("pipelines_tenant_type_idx").on(t.tenantId, t.pipelineType, t.createdAt),
    index("pipelines_tenant_seq_idx").on(t.tenantId, t.syncSeq),
  ],
);

export const stages = sqliteTable(
  "stages",
  {
    id: id(),
    tenantId: tenantId(),
    pipelineId: text("pipeline_id")
      .notNull()
      .references(() => pipelines.id),
    name: text("name").notNull(),
    position: integer("position").notNull(),
    /** open | won | lost (won/lost are terminal) */
    kind: text("kind").notNull().default("open"),
    probability: integer("probability"),
    /** SLA: max time in stage, in hours; null = no SLA. */
    slaHours: real("sla_hours"),
    slaWarningPct: integer("sla_warning_pct").notNull().default(80),
    /** Alternative warning point: this many minutes before the target. */
    warnBeforeMinutes: integer("warn_before_minutes"),
    createdAt: timestamp("created_at").notNull(),
    updatedAt: timestamp("updated_at").notNull(),
  },
  (t) => [
    index("stages_pipeline_idx").on(t.pipelineId, t.position),
    index("stages_tenant_name_idx").on(t.tenantId, t.name),
  ],
);

export const leads = sqliteTable(
  "leads",
  {
    id: id(),
    tenantId: tenantId(),
    name: text("name").notNull(),
    email: text("email"),
    phone: text("phone"),
    companyName: text("company_name"),
    title: text("title"),
    source: text("source"),
    /** new | contacted | qualified | disqualified | converted */
    status: text("status").notNull(),
    /** A | B | C | D */
    tier: text("tier"),
    score: integer("score"),
    owner: text("owner"),
    partnerId: text("partner_id"),
    contactId: text("contact_id"),
    companyId: text("company_id"),
    pipelineId: text("pipeline_id"),
    stageId: text("stage_id"),
    stageEnteredAt: timestamp("stage_entered_at"),
    /** First move to contacted or later: ends the first-response SLA clock. */
    firstRespondedAt: timestamp("first_responded_at"),
    qualifiedAt: timestamp("qualified_at"),
    disqualifiedAt: timestamp("disqualified_at"),
    disqualifyReason: text("disqualify_reason"),
    convertedAt: timestamp("converted_at"),
    convertedDealId: text("converted_deal_id"),
    notes: text("notes"),
    tags: json<string[]>("tags").notNull().default([]),
    customFields: json<Record<string, unknown>>("custom_fields").notNull().default({}),
    ...lifecycle(),
  },
  (t) => [
    index("leads_tenant_created_idx").on(t.tenantId, t.createdAt).where(live),
    index("leads_tenant_status_idx").on(t.tenantId, t.status, t.createdAt),
    index("leads_tenant_tier_idx").on(t.tenantId, t.tier, t.createdAt),
    index("leads_tenant_seq_idx").on(t.tenantId, t.syncSeq),
    index("leads_tenant_updated_idx").on(t.tenantId, t.updatedAt, t.syncSeq),
    index("leads_tenant_qualified_idx").on(t.tenantId, t.qualifiedAt).where(live),
    // Filter indexes end with created_at: a filtered page is read in list order, no sort.
    index("leads_tenant_stage_idx").on(t.tenantId, t.stageId, t.createdAt),
    index("leads_tenant_partner_idx")
      .on(t.tenantId, t.partnerId, t.createdAt)
      .where(linked("partner_id")),
    index("leads_tenant_owner_idx").on(t.tenantId, t.owner, t.createdAt).where(linked("owner")),
    index("leads_tenant_pipeline_idx").on(t.tenantId, t.pipelineId, t.createdAt),
    index("leads_tenant_source_idx").on(t.tenantId, t.source, t.createdAt),
    // SLA scheduler: leads entering their due window, and rows changed since the last tick.
    index("leads_stage_entered_idx").on(t.stageId, t.stageEnteredAt),
    index("leads_pipeline_created_idx").on(t.pipelineId, t.createdAt),
    index("leads_seq_idx").on(t.syncSeq),
  ],
);

export const deals = sqliteTable(
  "deals",
  {
    id: id(),
    tenantId: tenantId(),
    title: text("title").notNull(),
    description: text("description"),
    /** Integer minor units (cents). */
    value: integer("value").notNull().default(0),
    /** ISO 4217 */
    currency: text("currency").notNull().default("USD"),
    /** open | won | lost */
    status: text("status").notNull(),
    pipelineId: text("pipeline_id").notNull(),
    stageId: text("stage_id").notNull(),
    stageEnteredAt: timestamp("stage_entered_at").notNull(),
    owner: text("owner"),
    leadId: text("lead_id"),
    contactId: text("contact_id"),
    /** Every linked contact (seed 004's contact_ids), kept with the deal↔contact associations. */
    contactIds: json<string[]>("contact_ids").notNull().default([]),
    companyId: text("company_id"),
    partnerId: text("partner_id"),
    /** YYYY-MM-DD */
    expectedCloseDate: text("expected_close_date"),
    wonAt: timestamp("won_at"),
    lostAt: timestamp("lost_at"),
    lostReason: text("lost_reason"),
    tags: json<string[]>("tags").notNull().default([]),
    customFields: json<Record<string, unknown>>("custom_fields").notNull().default({}),
    ...lifecycle(),
  },
  (t) => [
    index("deals_tenant_created_idx").on(t.tenantId, t.createdAt).where(live),
    // KPIs count each status's deals created in a period and sum open value from this
    // index alone (value included, live rows only); plain lists filter status with it.
    index("deals_tenant_status_idx").on(t.tenantId, t.status, t.createdAt, t.value).where(live),
    index("deals_tenant_stage_idx").on(t.tenantId, t.stageId, t.createdAt),
    index("deals_tenant_seq_idx").on(t.tenantId, t.syncSeq),
    index("deals_tenant_updated_idx").on(t.tenantId, t.updatedAt, t.syncSeq),
    // Won value in a period: won deals only, in won_at order.
    index("deals_tenant_won_idx")
      .on(t.tenantId, t.wonAt, t.value)
      .where(sql`status = 'won' AND deleted_at IS NULL`),
    index("deals_tenant_partner_idx")
      .on(t.tenantId, t.partnerId, t.createdAt)
      .where(linked("partner_id")),
    index("deals_tenant_owner_idx").on(t.tenantId, t.owner, t.createdAt).where(linked("owner")),
    index("deals_tenant_pipeline_idx").on(t.tenantId, t.pipelineId, t.createdAt),
    index("deals_tenant_lead_idx").on(t.tenantId, t.leadId).where(linked("lead_id")),
    index("deals_tenant_contact_idx").on(t.tenantId, t.contactId).where(linked("contact_id")),
    index("deals_tenant_company_idx").on(t.tenantId, t.companyId).where(linked("company_id")),
    // SLA scheduler: deals entering their due window, and rows changed since the last tick.
    index("deals_stage_entered_idx").on(t.stageId, t.stageEnteredAt),
    index("deals_seq_idx").on(t.syncSeq),
  ],
);

export const tasks = sqliteTable(
  "tasks",
  {
    id: id(),
    tenantId: tenantId(),
    title: text("title").notNull(),
    description: text("description"),
    /** pending | completed */
    status: text("status").notNull(),
    /** low | medium | high | urgent */
    priority: text("priority").notNull().default("medium"),
    dueAt: timestamp("due_at"),
    completedAt: timestamp("completed_at"),
    owner: text("owner"),
    dealId: text("deal_id"),
    leadId: text("lead_id"),
    contactId: text("contact_id"),
    companyId: text("company_id"),
    tags: json<string[]>("tags").notNull().default([]),
    customFields: json<Record<string, unknown>>("custom_fields").notNull().default({}),
    ...lifecycle(),
  },
  (t) => [
    index("tasks_tenant_created_idx").on(t.tenantId, t.createdAt).where(live),
    index("tasks_tenant_status_idx").on(t.tenantId, t.status, t.createdAt),
    index("tasks_tenant_priority_idx").on(t.tenantId, t.priority, t.createdAt),
    // Not partial: sync feeds filtered on overdue use it too; deleted_at rides along so the
    // KPI's live-overdue count reads the index alone.
    index("tasks_tenant_due_idx").on(t.tenantId, t.status, t.dueAt, t.deletedAt),
    index("tasks_tenant_seq_idx").on(t.tenantId, t.syncSeq),
    index("tasks_tenant_updated_idx").on(t.tenantId, t.updatedAt, t.syncSeq),
    index("tasks_due_idx").on(t.status, t.dueAt),
    index("tasks_tenant_owner_idx").on(t.tenantId, t.owner, t.createdAt),
    index("tasks_tenant_deal_idx").on(t.tenantId, t.dealId, t.createdAt),
    index("tasks_tenant_lead_idx").on(t.tenantId, t.leadId, t.createdAt),
    index("tasks_tenant_contact_idx").on(t.tenantId, t.contactId, t.createdAt),
    index("tasks_tenant_company_idx").on(t.tenantId, t.companyId, t.createdAt),
    // Overdue scheduler: rows changed since the last tick.
    index("tasks_seq_idx").on(t.syncSeq),
  ],
);

export const partners = sqliteTable(
  "partners",
  {
    id: id(),
    tenantId: tenantId(),
    name: text("name").notNull(),
    /** referral | reseller | affiliate | technology */
    partnerType: text("partner_type").notNull().default("referral"),
    email: text("email"),
    phone: text("phone"),
    website: text("website"),
    /** active | inactive */
    status: text("status").notNull().default("active"),
    commissionPct: real("commission_pct"),
    tags: json<string[]>("tags").notNull().default([]),
    ...lifecycle(),
  },
  (t) => [
    index("partners_tenant_created_idx").on(t.tenantId, t.createdAt),
    index("partners_tenant_seq_idx").on(t.tenantId, t.syncSeq),
    index("partners_tenant_updated_idx").on(t.tenantId, t.updatedAt, t.syncSeq),
    uniqueIndex("partners_tenant_name_idx").on(t.tenantId, t.name).where(live),
  ],
);

export const handoffs = sqliteTable(
  "handoffs",
  {
    id: id(),
    tenantId: tenantId(),
    /** deal | lead */
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    fromOwner: text("from_owner"),
    toOwner: text("to_owner"),
    fromPipelineId: text("from_pipeline_id"),
    toPipelineId: text("to_pipeline_id"),
    toStageId: text("to_stage_id"),
    /** pending | completed | cancelled */
    status: text("status").notNull(),
    reason: text("reason"),
    completedAt: timestamp("completed_at"),
    ...lifecycle(),
  },
  (t) => [
    index("handoffs_tenant_created_idx").on(t.tenantId, t.createdAt),
    index("handoffs_tenant_status_idx").on(t.tenantId, t.status, t.createdAt),
    index("handoffs_tenant_seq_idx").on(t.tenantId, t.syncSeq),
    index("handoffs_tenant_updated_idx").on(t.tenantId, t.updatedAt, t.syncSeq),
    index("handoffs_entity_idx").on(t.tenantId, t.entityType, t.entityId),
  ],
);

/**
 * Value of each tenant's open, live deals, kept by triggers on deals
 * (migration 0610) in the writing transaction: the KPIs' pipeline value
 * without summing every open deal.
 */
export const tenantDealTotals = sqliteTable("tenant_deal_totals", {
  tenantId: text("tenant_id").primaryKey(),
  openValue: integer("open_value").notNull().default(0),
});
