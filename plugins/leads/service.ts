import { eq } from "drizzle-orm";
import type { WriteTx } from "../../db/client";
import { companies, contacts, leads, partners, pipelines } from "../../db/schema";
import {
  type AppContext,
  assertLinks,
  associatedWith,
  changedFields,
  cleanTags,
  conflict,
  customFieldFilters,
  type EntityEvent,
  eqIf,
  insertValues,
  invalid,
  isLiveIn,
  iso,
  lifecycleFields,
  listPage,
  newId,
  nextSyncSeq,
  parseTags,
  presentFields,
  recordEntityChange,
  softDelete,
  unlinkAll,
  versioned,
  type WriteScope,
  writeCustomFields,
} from "../../src/core";
import { createDealInTx } from "../deals";
import {
  OPEN_LEAD_STATUSES,
  resolvePlacement,
  type StageRow,
  stagedReads,
  stageNames,
} from "../pipelines";
import type {
  ConvertLeadBody,
  CreateLeadBody,
  LeadStatus,
  LeadsQueryParams,
  LeadView,
  UpdateLeadBody,
} from "./model";

export type LeadRow = typeof leads.$inferSelect;

export const leadView = (row: LeadRow, stage: string | null): LeadView =>
  versioned(row, {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    company_name: row.companyName,
    title: row.title,
    source: row.source,
    status: row.status as LeadStatus,
    tier: row.tier as LeadView["tier"],
    score: row.score,
    owner: row.owner,
    partner_id: row.partnerId,
    contact_id: row.contactId,
    company_id: row.companyId,
    pipeline_id: row.pipelineId,
    stage_id: row.stageId,
    stage,
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
    ...lifecycleFields(row),
  });

/** seed 001's `GET /leads`: one page query; stage names from the tenant's cached stage list. */
export async function listLeads(
  ctx: AppContext,
  tenantId: string,
  query: LeadsQueryParams,
  url = "",
) {
  const names = await stageNames(ctx.db, tenantId);
  const custom = await customFieldFilters(ctx.db.read, tenantId, "leads", leads.id, url);
  return listPage({
    db: ctx.db,
    cache: ctx.cache,
    table: leads,
    tenantId,
    filters: [
      eqIf(leads.status, query.status),
      eqIf(leads.tier, query.tier),
      eqIf(leads.source, query.source),
      eqIf(leads.owner, query.owner),
      eqIf(leads.partnerId, query.partner_id),
      eqIf(leads.pipelineId, query.pipeline_id),
      eqIf(leads.stageId, query.stage_id),
      ctx.db.dialect.hasAllTags(leads.tags, parseTags(query.tags)),
      associatedWith(tenantId, "leads", leads.id, query.associated_with),
      ...custom,
    ],
    query,
    map: (row: LeadRow) => leadView(row, row.stageId ? (names.get(row.stageId) ?? null) : null),
  });
}

const reads = stagedReads(leads, "Lead", leadView);
/** A live lead of the tenant with its stage's name; 404 otherwise. */
const findLead = reads.find;
export const getLead = reads.get;
/** Leads of the tenant among `ids`, deleted ones included (a handoff list's entities), in one query. */
export const leadsByIds = reads.byIds;

/** The records a lead may link to: each given id must be a live record of the tenant. */
const LINKS = { partner_id: partners, contact_id: contacts, company_id: companies };

/**
 * The timestamps a status implies: leaving `new` the first time ends the
 * first-response clock; entering qualified / disqualified / converted
 * stamps that moment; leaving disqualified clears its reason.
 */
function statusFields(row: LeadRow | null, status: LeadStatus, now: Date, reason?: string | null) {
  const entering = (s: LeadStatus) => status === s && row?.status !== s;
  return {
    status,
    firstRespondedAt: row?.firstRespondedAt ?? (status !== "new" ? now : null),
    qualifiedAt: entering("qualified") ? now : (row?.qualifiedAt ?? null),
    disqualifiedAt:
      status === "disqualified"
        ? entering("disqualified")
          ? now
          : (row?.disqualifiedAt ?? now)
        : null,
    disqualifyReason: status === "disqualified" ? (reason ?? row?.disqualifyReason ?? null) : null,
    convertedAt: entering("converted") ? now : (row?.convertedAt ?? null),
  };
}

const placementRequest = (body: LeadChange, pipelineId?: string | null) => ({
  pipelineId: body.pipeline_id ?? pipelineId,
  stageId: body.stage_id,
  stageName: body.stage,
});

export function createLead(ctx: AppContext, scope: WriteScope, body: CreateLeadBody) {
  return ctx.write(async (tx) => {
    const placement = await resolvePlacement(
      tx,
      scope.tenantId,
      "qualification",
      placementRequest(body),
    );
    await assertLinks(tx, scope.tenantId, body, LINKS);
    const id = newId();
    const customFields = await writeCustomFields(tx, scope, {
      object: "leads",
      recordId: id,
      before: null,
      input: body.custom_fields,
    });
    const row: LeadRow = {
      id,
      tenantId: scope.tenantId,
      name: body.name.trim(),
      email: body.email ?? null,
      phone: body.phone ?? null,
      companyName: body.company_name ?? null,
      title: body.title ?? null,
      source: body.source ?? null,
      tier: body.tier ?? null,
      score: body.score ?? null,
      owner: body.owner ?? null,
      partnerId: body.partner_id ?? null,
      contactId: body.contact_id ?? null,
      companyId: body.company_id ?? null,
      pipelineId: placement?.pipeline.id ?? null,
      stageId: placement?.stage?.id ?? null,
      stageEnteredAt: placement?.stage ? scope.now : null,
      ...statusFields(null, body.status ?? "new", scope.now, body.disqualify_reason),
      convertedDealId: null,
      notes: body.notes ?? null,
      tags: cleanTags(body.tags ?? []),
      customFields,
      createdAt: scope.now,
      updatedAt: scope.now,
      deletedAt: null,
      syncSeq: await nextSyncSeq(tx),
    };
    await insertValues(tx, leads, row);
    const after = leadView(row, placement?.stage?.name ?? null);
    await recordEntityChange(
      tx,
      scope,
      { entityType: "lead", action: "created", before: null, after },
      [{ type: "lead.created", data: after, metadata: {} }],
    );
    return after;
  });
}

/** A change to a lead: a PATCH body, or what an action (qualify, convert, …) sets. */
export interface LeadChange extends Omit<UpdateLeadBody, "status"> {
  status?: LeadStatus;
  converted_deal_id?: string;
}

/** Fields that only follow the status; a change elsewhere makes a lead.updated. */
const STATUS_FIELDS = new Set([
  "status",
  "first_responded_at",
  "qualified_at",
  "disqualified_at",
  "disqualify_reason",
]);
const STATUS_EVENTS: Partial<Record<LeadStatus, string>> = {
  qualified: "lead.qualified",
  disqualified: "lead.disqualified",
};

/**
 * Applies a change to a lead inside the caller's transaction. Qualifying or
 * disqualifying emits lead.qualified / lead.disqualified; any other change
 * (a stage move included, with old_stage / new_stage) emits lead.updated
 * with `changed_fields`.
 */
export async function updateLeadInTx(
  tx: WriteTx,
  scope: WriteScope,
  id: string,
  change: LeadChange,
): Promise<LeadView> {
  const { row, stage: stageName } = await findLead(tx, scope.tenantId, id);
  if (row.status === "converted" && change.status !== undefined && change.status !== row.status)
    throw conflict("A converted lead keeps its status");
  const target = await targetStage(tx, scope.tenantId, row, change);
  await assertLinks(tx, scope.tenantId, change, LINKS, {
    partner_id: row.partnerId,
    contact_id: row.contactId,
    company_id: row.companyId,
  });
  const moved = target !== null && target.id !== row.stageId;
  const status = change.status ?? (row.status as LeadStatus);
  if (target === null && reopens(row.status, status) && !(await inLivePipeline(tx, row)))
    throw conflict(
      "The lead's pipeline was deleted; reopen it with a pipeline_id or stage_id to move it to",
    );
  const next: LeadRow = {
    ...row,
    ...presentFields({
      name: change.name?.trim(),
      email: change.email,
      phone: change.phone,
      companyName: change.company_name,
      title: change.title,
      source: change.source,
      tier: change.tier,
      score: change.score,
      owner: change.owner,
      partnerId: change.partner_id,
      contactId: change.contact_id,
      companyId: change.company_id,
      notes: change.notes,
      tags: change.tags && cleanTags(change.tags),
      customFields: await writeCustomFields(tx, scope, {
        object: "leads",
        recordId: row.id,
        before: row.customFields,
        input: change.custom_fields,
      }),
      convertedDealId: change.converted_deal_id,
    }),
    ...statusFields(row, status, scope.now, change.disqualify_reason),
    ...(moved
      ? { pipelineId: target.pipelineId, stageId: target.id, stageEnteredAt: scope.now }
      : {}),
  };
  const before = leadView(row, stageName);
  const stage = moved ? target.name : stageName;
  const changed = changedFields(before, leadView(next, stage));
  if (changed.length === 0) return before;
  next.updatedAt = scope.now;
  next.syncSeq = await nextSyncSeq(tx);
  await tx.update(leads).set(next).where(eq(leads.id, id));
  const after = leadView(next, stage);
  const { action, events } = changeEvents(row.status as LeadStatus, after, changed, {
    ...(moved && {
      old_stage: stageName,
      new_stage: target.name,
      old_stage_id: row.stageId,
      new_stage_id: target.id,
    }),
  });
  await recordEntityChange(tx, scope, { entityType: "lead", action, before, after }, events);
  return after;
}

/**
 * Whether a status change takes a closed lead back into work. A deleted
 * pipeline holds no open leads (its DELETE waits for them), so one that
 * reopens must move to a live pipeline.
 */
const reopens = (from: string, to: string) =>
  !OPEN_LEAD_STATUSES.includes(from) && OPEN_LEAD_STATUSES.includes(to);

/** Whether the lead is in a live pipeline, or in none (a tenant without qualification pipelines). */
const inLivePipeline = async (tx: WriteTx, row: LeadRow) =>
  row.pipelineId === null || (await isLiveIn(tx, pipelines, row.tenantId, row.pipelineId));

/**
 * What a lead change emits: lead.qualified / lead.disqualified on entering
 * those statuses, lead.updated (with changed_fields and any stage metadata)
 * for everything else.
 */
function changeEvents(
  previous: LeadStatus,
  after: LeadView,
  changed: string[],
  stageMetadata: Record<string, unknown>,
) {
  const statusEvent = after.status !== previous ? STATUS_EVENTS[after.status] : undefined;
  const detailsChanged = !statusEvent || changed.some((field) => !STATUS_FIELDS.has(field));
  const events: EntityEvent[] = [];
  if (detailsChanged)
    events.push({
      type: "lead.updated",
      data: after,
      metadata: { changed_fields: changed, ...stageMetadata },
    });
  if (statusEvent) events.push({ type: statusEvent, data: after, metadata: {} });
  return { action: statusEvent ? after.status : "updated", events };
}

/** The stage a change asks for (within its pipeline, or the lead's), or null when none. */
async function targetStage(
  tx: WriteTx,
  tenantId: string,
  row: LeadRow,
  change: LeadChange,
): Promise<StageRow | null> {
  const request = placementRequest(change, row.pipelineId);
  if (
    change.stage_id === undefined &&
    change.stage === undefined &&
    request.pipelineId === row.pipelineId
  )
    return null;
  const placement = await resolvePlacement(tx, tenantId, "qualification", request);
  if (!placement)
    throw invalid("/pipeline_id", "is required: the tenant has no default qualification pipeline");
  if (!placement.stage) throw invalid("/stage_id", "is required: the pipeline has no open stage");
  return placement.stage;
}

/** The lead, if an action may still change it: a converted lead is final (409). */
async function assertActionable(tx: WriteTx, tenantId: string, id: string, what: string) {
  const { row } = await findLead(tx, tenantId, id);
  if (row.status === "converted") throw conflict(`A converted lead cannot be ${what}`);
  return row;
}

export const qualifyLead = (ctx: AppContext, scope: WriteScope, id: string) =>
  ctx.write(async (tx) => {
    await assertActionable(tx, scope.tenantId, id, "qualified");
    return updateLeadInTx(tx, scope, id, { status: "qualified" });
  });

export const disqualifyLead = (
  ctx: AppContext,
  scope: WriteScope,
  id: string,
  reason: string | null | undefined,
) =>
  ctx.write(async (tx) => {
    await assertActionable(tx, scope.tenantId, id, "disqualified");
    return updateLeadInTx(tx, scope, id, { status: "disqualified", disqualify_reason: reason });
  });

/**
 * Converts a lead in one transaction: the lead is marked converted
 * (lead.updated) and its deal created in a sales pipeline (deal.created,
 * lead_id set). A failure anywhere leaves neither.
 */
export const convertLead = (
  ctx: AppContext,
  scope: WriteScope,
  id: string,
  body: ConvertLeadBody,
) =>
  ctx.write(async (tx) => {
    const row = await assertActionable(tx, scope.tenantId, id, "converted again");
    if (row.status === "disqualified")
      throw conflict("A disqualified lead cannot be converted; requalify it first");
    const dealId = newId();
    const lead = await updateLeadInTx(tx, scope, id, {
      status: "converted",
      converted_deal_id: dealId,
    });
    const deal = await createDealInTx(tx, scope, {
      id: dealId,
      title: body.title ?? (row.companyName?.trim() || row.name),
      value: body.value,
      currency: body.currency,
      pipeline_id: body.pipeline_id,
      stage_id: body.stage_id,
      stage: body.stage,
      owner: body.owner !== undefined ? body.owner : row.owner,
      lead_id: row.id,
      ...(await liveLinks(tx, row)),
      tags: row.tags,
    });
    return { lead, deal };
  });

/**
 * The lead's links its deal takes: those naming a live record. A deleted
 * partner, contact or company stays on the lead as history, but is no link
 * for a new deal (and no reason to refuse the conversion).
 */
async function liveLinks(tx: WriteTx, row: LeadRow) {
  const live = async (table: (typeof LINKS)[keyof typeof LINKS], id: string | null) =>
    id && (await isLiveIn(tx, table, row.tenantId, id)) ? id : null;
  return {
    contact_id: await live(contacts, row.contactId),
    company_id: await live(companies, row.companyId),
    partner_id: await live(partners, row.partnerId),
  };
}

/** Soft-deletes a lead: a tombstone for sync feeds, and lead.deleted. */
export const deleteLead = (ctx: AppContext, scope: WriteScope, id: string) =>
  ctx.write(async (tx) => {
    const { row, stage } = await findLead(tx, scope.tenantId, id);
    const view = (r: LeadRow) => leadView(r, stage);
    const { data } = await softDelete(tx, scope, { table: leads, row, entityType: "lead", view });
    await unlinkAll(tx, scope, { object: "leads", id });
    return data;
  });

export const updateLead = (ctx: AppContext, scope: WriteScope, id: string, body: UpdateLeadBody) =>
  ctx.write((tx) => updateLeadInTx(tx, scope, id, body));
