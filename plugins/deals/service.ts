import { eq, inArray } from "drizzle-orm";
import type { WriteTx } from "../../db/client";
import { companies, contacts, deals, leads, partners, pipelines } from "../../db/schema";
import {
  type AppContext,
  assertLinks,
  assertRecord,
  associatedWith,
  changedFields,
  cleanTags,
  conflict,
  customFieldFilters,
  eqIf,
  insertValues,
  invalid,
  isLiveIn,
  iso,
  isoTime,
  lifecycleFields,
  link,
  linksOf,
  listPage,
  newId,
  nextSyncSeq,
  parseTags,
  presentFields,
  type RecordRef,
  recordEntityChange,
  softDelete,
  unlink,
  unlinkAll,
  versioned,
  type WriteScope,
  writeCustomFields,
} from "../../src/core";
import {
  type Placement,
  resolvePlacement,
  type StageRow,
  stagedReads,
  stageIdsNamed,
  stageNames,
} from "../pipelines";
import type {
  CreateDealBody,
  DealStatusSchema,
  DealsQueryParams,
  DealView,
  UpdateDealBody,
} from "./model";

export type DealRow = typeof deals.$inferSelect;
type DealStatus = typeof DealStatusSchema.static;

export const dealView = (row: DealRow, stage: string | null): DealView =>
  versioned(row, {
    id: row.id,
    title: row.title,
    description: row.description,
    value: row.value,
    currency: row.currency,
    status: row.status as DealStatus,
    pipeline_id: row.pipelineId,
    stage_id: row.stageId,
    stage,
    stage_entered_at: isoTime(row.stageEnteredAt),
    owner: row.owner,
    lead_id: row.leadId,
    contact_id: row.contactId,
    contact_ids: row.contactIds,
    company_id: row.companyId,
    partner_id: row.partnerId,
    expected_close_date: row.expectedCloseDate,
    won_at: iso(row.wonAt),
    lost_at: iso(row.lostAt),
    lost_reason: row.lostReason,
    tags: row.tags,
    custom_fields: row.customFields,
    ...lifecycleFields(row),
  });

/** seed 001's `GET /deals`: one page query; stage names come from the tenant's cached stage list. */
export async function listDeals(
  ctx: AppContext,
  tenantId: string,
  query: DealsQueryParams,
  url = "",
) {
  const names = await stageNames(ctx.db, tenantId);
  const custom = await customFieldFilters(ctx.db.read, tenantId, "deals", deals.id, url);
  return listPage({
    db: ctx.db,
    cache: ctx.cache,
    table: deals,
    tenantId,
    filters: [
      eqIf(deals.status, query.status),
      query.stage !== undefined
        ? inArray(deals.stageId, stageIdsNamed(names, query.stage))
        : undefined,
      eqIf(deals.pipelineId, query.pipeline_id),
      eqIf(deals.stageId, query.stage_id),
      eqIf(deals.owner, query.owner),
      eqIf(deals.partnerId, query.partner_id),
      eqIf(deals.contactId, query.contact_id),
      eqIf(deals.companyId, query.company_id),
      eqIf(deals.leadId, query.lead_id),
      ctx.db.dialect.hasAllTags(deals.tags, parseTags(query.tags)),
      associatedWith(tenantId, "deals", deals.id, query.associated_with),
      ...custom,
    ],
    query,
    map: (row: DealRow) => dealView(row, names.get(row.stageId) ?? null),
  });
}

const reads = stagedReads(deals, "Deal", dealView);
/** A live deal of the tenant with its stage's name; 404 otherwise. */
const findDeal = reads.find;
export const getDeal = reads.get;
/** Deals of the tenant among `ids`, deleted ones included (a handoff list's entities), in one query. */
export const dealsByIds = reads.byIds;

/** The records a deal may link to: each given id must be a live record of the tenant. */
const LINKS = { lead_id: leads, contact_id: contacts, company_id: companies, partner_id: partners };

function assertCalendarDate(value: string | null | undefined) {
  if (!value) return;
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value)
    throw invalid("/expected_close_date", "is not a calendar date (YYYY-MM-DD)");
}

/**
 * The fields a stage sets: an open stage (re)opens the deal, a won or lost
 * stage closes it, stamping won_at / lost_at once. lost_reason survives only
 * on lost deals.
 */
function stageFields(row: DealRow | null, stage: StageRow, now: Date, lostReason?: string | null) {
  const status = stage.kind as DealStatus;
  return {
    pipelineId: stage.pipelineId,
    stageId: stage.id,
    stageEnteredAt: now,
    status,
    wonAt: status === "won" ? (row?.status === "won" ? row.wonAt : now) : null,
    lostAt: status === "lost" ? (row?.status === "lost" ? row.lostAt : now) : null,
    lostReason: status === "lost" ? (lostReason ?? row?.lostReason ?? null) : null,
  };
}

/** Events of a stage change: stage_changed, plus won / lost when a terminal stage is reached. */
function stageEvents(before: DealView | null, after: DealView) {
  const metadata = {
    old_stage: before?.stage ?? null,
    new_stage: after.stage,
    old_stage_id: before?.stage_id ?? null,
    new_stage_id: after.stage_id,
  };
  const events = [{ type: "deal.stage_changed", data: after, metadata }];
  if (after.status !== "open" && after.status !== before?.status)
    events.push({ type: `deal.${after.status}`, data: after, metadata });
  return events;
}

export interface NewDeal extends CreateDealBody {
  /** Preset id (a lead conversion names the deal before creating it). */
  id?: string;
}

/**
 * Creates a deal inside the caller's transaction: pipeline and stage
 * resolved (the tenant's default sales pipeline and its first open stage
 * unless given), links checked, activity row and deal.created written.
 */
export async function createDealInTx(
  tx: WriteTx,
  scope: WriteScope,
  body: NewDeal,
): Promise<DealView> {
  const placement = requireStage(
    await resolvePlacement(tx, scope.tenantId, "sales", {
      pipelineId: body.pipeline_id,
      stageId: body.stage_id,
      stageName: body.stage,
    }),
  );
  await assertLinks(tx, scope.tenantId, body, LINKS);
  assertCalendarDate(body.expected_close_date);
  const id = body.id ?? newId();
  const contacts = await contactSet(tx, scope.tenantId, body.contact_id, body.contact_ids);
  const customFields = await writeCustomFields(tx, scope, {
    object: "deals",
    recordId: id,
    before: null,
    input: body.custom_fields,
  });
  const row: DealRow = {
    id,
    tenantId: scope.tenantId,
    title: body.title.trim(),
    description: body.description ?? null,
    value: body.value ?? 0,
    currency: body.currency ?? "USD",
    owner: body.owner ?? null,
    leadId: body.lead_id ?? null,
    contactId: body.contact_id ?? contacts[0] ?? null,
    contactIds: contacts,
    companyId: body.company_id ?? null,
    partnerId: body.partner_id ?? null,
    expectedCloseDate: body.expected_close_date ?? null,
    tags: cleanTags(body.tags ?? []),
    customFields,
    ...stageFields(null, placement.stage, scope.now, body.lost_reason),
    createdAt: scope.now,
    updatedAt: scope.now,
    deletedAt: null,
    syncSeq: await nextSyncSeq(tx),
  };
  await insertValues(tx, deals, row);
  for (const contact of contacts)
    await link(tx, scope, dealRef(id), contactRef(contact), null, BY_DEAL);
  const after = dealView(row, placement.stage.name);
  const closing = after.status === "open" ? [] : stageEvents(null, after).slice(1);
  await recordEntityChange(
    tx,
    scope,
    { entityType: "deal", action: "created", before: null, after },
    [{ type: "deal.created", data: after, metadata: {} }, ...closing],
  );
  return after;
}

function requireStage(placement: Placement | null): Placement & { stage: StageRow } {
  if (!placement)
    throw invalid("/pipeline_id", "is required: the tenant has no default sales pipeline");
  if (!placement.stage) throw invalid("/stage_id", "is required: the pipeline has no open stage");
  return placement as Placement & { stage: StageRow };
}

/** Fields that change with the stage; any other changed field makes a deal.updated. */
const STAGE_FIELDS = new Set([
  "pipeline_id",
  "stage_id",
  "stage",
  "stage_entered_at",
  "status",
  "won_at",
  "lost_at",
  "lost_reason",
]);

/**
 * Applies a partial update inside the caller's transaction. A stage change
 * (stage_id or stage name, within pipeline_id or the deal's pipeline) acts
 * like a move: deal.stage_changed, and deal.won / deal.lost on reaching
 * those stages. Other changes emit deal.updated with `changed_fields`.
 */
export async function updateDealInTx(
  tx: WriteTx,
  scope: WriteScope,
  id: string,
  body: UpdateDealBody,
): Promise<DealView> {
  const { row, stage: stageName } = await findDeal(tx, scope.tenantId, id);
  const target = await targetStage(tx, scope.tenantId, row, body);
  await assertLinks(tx, scope.tenantId, body, LINKS, {
    lead_id: row.leadId,
    contact_id: row.contactId,
    company_id: row.companyId,
    partner_id: row.partnerId,
  });
  assertCalendarDate(body.expected_close_date);
  const moved = target !== null && target.id !== row.stageId;
  const contactIds = await relinkContacts(tx, scope, row, body);
  const lostReason =
    body.lost_reason !== undefined && row.status === "lost" && !moved
      ? { lostReason: body.lost_reason }
      : {};
  const next: DealRow = {
    ...row,
    ...presentFields({
      title: body.title?.trim(),
      description: body.description,
      value: body.value,
      currency: body.currency,
      owner: body.owner,
      leadId: body.lead_id,
      contactId: primaryContact(row, body, contactIds),
      companyId: body.company_id,
      partnerId: body.partner_id,
      contactIds,
      expectedCloseDate: body.expected_close_date,
      tags: body.tags && cleanTags(body.tags),
      customFields: await writeCustomFields(tx, scope, {
        object: "deals",
        recordId: row.id,
        before: row.customFields,
        input: body.custom_fields,
      }),
    }),
    ...(moved ? stageFields(row, target, scope.now, body.lost_reason) : lostReason),
  };
  const before = dealView(row, stageName);
  const stage = moved ? target.name : stageName;
  const changed = changedFields(before, dealView(next, stage));
  if (changed.length === 0) return before;
  next.updatedAt = scope.now;
  next.syncSeq = await nextSyncSeq(tx);
  await tx.update(deals).set(next).where(eq(deals.id, id));
  const after = dealView(next, stage);
  // A move alone is a stage change; anything else also makes a deal.updated.
  const detailsChanged = !moved || changed.some((field) => !STAGE_FIELDS.has(field));
  await recordEntityChange(
    tx,
    scope,
    { entityType: "deal", action: detailsChanged ? "updated" : "stage_changed", before, after },
    [
      ...(detailsChanged
        ? [{ type: "deal.updated", data: after, metadata: { changed_fields: changed } }]
        : []),
      ...(moved ? stageEvents(before, after) : []),
    ],
  );
  return after;
}

/** The stage a PATCH or move asks for, or null when it asks for none. */
async function targetStage(tx: WriteTx, tenantId: string, row: DealRow, body: UpdateDealBody) {
  const pipelineId = body.pipeline_id ?? row.pipelineId;
  if (body.stage_id === undefined && body.stage === undefined && pipelineId === row.pipelineId)
    return null;
  const placement = await resolvePlacement(tx, tenantId, "sales", {
    pipelineId,
    stageId: body.stage_id,
    stageName: body.stage,
  }).catch(async (error) => {
    // A move within the deal's own pipeline fails for the deal's state, not the request's fields.
    if (body.pipeline_id === undefined && !(await isLiveIn(tx, pipelines, tenantId, pipelineId)))
      throw conflict("The deal's pipeline was deleted; move it to a live one with pipeline_id");
    throw error;
  });
  return requireStage(placement).stage;
}

const dealRef = (id: string): RecordRef => ({ object: "deals", id });
const contactRef = (id: string): RecordRef => ({ object: "contacts", id });
/** Links this service makes while it writes the deal, which sets contact_ids itself. */
const BY_DEAL = { byOwner: true };

/** The contacts a create links: contact_id (the primary) first, then contact_ids, each once, all live. */
async function contactSet(
  tx: WriteTx,
  tenantId: string,
  contactId: string | null | undefined,
  contactIds: string[] | undefined,
): Promise<string[]> {
  const ids = [...new Set([...(contactId ? [contactId] : []), ...(contactIds ?? [])])];
  for (const [i, id] of (contactIds ?? []).entries())
    await assertRecord(tx, tenantId, contactRef(id), `/contact_ids/${i}`);
  return ids;
}

/** The contacts linked to a deal, oldest link first (its contact_ids). */
const linkedContacts = async (tx: WriteTx, tenantId: string, dealId: string) => [
  ...new Set((await linksOf(tx, tenantId, dealRef(dealId), "contacts")).map((l) => l.id)),
];

/**
 * A PATCH's contact links: contact_ids replaces the deal's links to
 * contacts (a contact kept keeps its labelled links); a new contact_id is
 * linked too. Returns the deal's contact_ids after it, or undefined when
 * the PATCH touches neither.
 */
async function relinkContacts(
  tx: WriteTx,
  scope: WriteScope,
  row: DealRow,
  body: UpdateDealBody,
): Promise<string[] | undefined> {
  if (body.contact_ids === undefined && !body.contact_id) return undefined;
  const wanted = await contactSet(tx, scope.tenantId, body.contact_id, body.contact_ids);
  if (body.contact_ids !== undefined)
    for (const current of await linkedContacts(tx, scope.tenantId, row.id))
      if (!wanted.includes(current))
        await unlink(tx, scope, dealRef(row.id), contactRef(current), undefined, BY_DEAL);
  for (const contact of wanted)
    await link(tx, scope, dealRef(row.id), contactRef(contact), null, BY_DEAL);
  return linkedContacts(tx, scope.tenantId, row.id);
}

/** contact_id stays the primary contact: kept while linked, else the first of contact_ids. */
function primaryContact(row: DealRow, body: UpdateDealBody, contactIds: string[] | undefined) {
  if (body.contact_id !== undefined || contactIds === undefined) return body.contact_id;
  return row.contactId && contactIds.includes(row.contactId)
    ? row.contactId
    : (contactIds[0] ?? null);
}

/**
 * Keeps a deal's contact_ids equal to its links to contacts when they
 * change from elsewhere (the associations API, a deleted contact), and
 * contact_id its primary one. The deal changes as with a PATCH: it moves
 * in sync feeds, and deal.updated and its activity row tell consumers.
 */
export async function syncContactIds(tx: WriteTx, scope: WriteScope, dealId: string) {
  const found = await reads.live(tx, scope.tenantId, dealId);
  if (!found) return;
  const { row, stage } = found;
  const contactIds = await linkedContacts(tx, scope.tenantId, dealId);
  if (JSON.stringify(contactIds) === JSON.stringify(row.contactIds)) return;
  const changes = {
    contactIds,
    contactId: primaryContact(row, {}, contactIds) ?? null,
    updatedAt: scope.now,
    syncSeq: await nextSyncSeq(tx),
  };
  await tx.update(deals).set(changes).where(eq(deals.id, dealId));
  const before = dealView(row, stage);
  const after = dealView({ ...row, ...changes }, stage);
  await recordEntityChange(tx, scope, { entityType: "deal", action: "updated", before, after }, [
    {
      type: "deal.updated",
      data: after,
      metadata: { changed_fields: changedFields(before, after) },
    },
  ]);
}

/** Soft-deletes a deal: a tombstone for sync feeds, and deal.deleted. */
export async function deleteDealInTx(tx: WriteTx, scope: WriteScope, id: string) {
  const { row, stage } = await findDeal(tx, scope.tenantId, id);
  const view = (r: DealRow) => dealView(r, stage);
  const { data } = await softDelete(tx, scope, { table: deals, row, entityType: "deal", view });
  await unlinkAll(tx, scope, dealRef(id));
  return data;
}
