import type { deals, leads, tasks } from "../../db/schema";
import { iso } from "../../src/core";

/**
 * The entity views carried in scheduled events' `data`. They mirror the pull
 * API's representations; one function per entity so the domain plugins'
 * own views can replace them in one place.
 */

export type DealRow = typeof deals.$inferSelect;
export type LeadRow = typeof leads.$inferSelect;
export type TaskRow = typeof tasks.$inferSelect;

export const dealView = (row: DealRow, stageName: string | null) => ({
  id: row.id,
  title: row.title,
  description: row.description,
  value: row.value,
  currency: row.currency,
  status: row.status,
  pipeline_id: row.pipelineId,
  stage_id: row.stageId,
  stage: stageName,
  stage_entered_at: iso(row.stageEnteredAt),
  owner: row.owner,
  lead_id: row.leadId,
  contact_id: row.contactId,
  company_id: row.companyId,
  partner_id: row.partnerId,
  expected_close_date: row.expectedCloseDate,
  won_at: iso(row.wonAt),
  lost_at: iso(row.lostAt),
  lost_reason: row.lostReason,
  tags: row.tags,
  custom_fields: row.customFields,
  created_at: iso(row.createdAt),
  updated_at: iso(row.updatedAt),
  deleted_at: iso(row.deletedAt),
});

export const leadView = (row: LeadRow, stageName: string | null) => ({
  id: row.id,
  name: row.name,
  email: row.email,
  phone: row.phone,
  company_name: row.companyName,
  title: row.title,
  source: row.source,
  status: row.status,
  tier: row.tier,
  score: row.score,
  owner: row.owner,
  partner_id: row.partnerId,
  contact_id: row.contactId,
  company_id: row.companyId,
  pipeline_id: row.pipelineId,
  stage_id: row.stageId,
  stage: stageName,
  stage_entered_at: iso(row.stageEnteredAt),
  first_responded_at: iso(row.firstRespondedAt),
  qualified_at: iso(row.qualifiedAt),
  disqualified_at: iso(row.disqualifiedAt),
  disqualify_reason: row.disqualifyReason,
  converted_at: iso(row.convertedAt),
  converted_deal_id: row.convertedDealId,
  notes: row.notes,
  tags: row.tags,
  custom_fields: row.customFields,
  created_at: iso(row.createdAt),
  updated_at: iso(row.updatedAt),
  deleted_at: iso(row.deletedAt),
});

export const taskView = (row: TaskRow) => ({
  id: row.id,
  title: row.title,
  description: row.description,
  status: row.status,
  priority: row.priority,
  due_at: iso(row.dueAt),
  completed_at: iso(row.completedAt),
  owner: row.owner,
  deal_id: row.dealId,
  lead_id: row.leadId,
  contact_id: row.contactId,
  company_id: row.companyId,
  tags: row.tags,
  created_at: iso(row.createdAt),
  updated_at: iso(row.updatedAt),
  deleted_at: iso(row.deletedAt),
});
