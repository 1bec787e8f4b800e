import { and, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { ReadDb, WriteTx } from "../../db/client";
import { handoffs } from "../../db/schema";
import {
  ApiError,
  type AppContext,
  allows,
  conflict,
  eqIf,
  findLive,
  forbidden,
  insertValues,
  iso,
  lifecycleFields,
  listPage,
  newId,
  nextSyncSeq,
  notFound,
  recordEntityChange,
  type Scope,
  versioned,
  type WriteScope,
} from "../../src/core";
import { type DealView, dealsByIds, getDeal, updateDealInTx } from "../deals";
import { getLead, type LeadView, leadsByIds, updateLeadInTx } from "../leads";
import { resolvePlacement } from "../pipelines";
import type {
  HandoffEntityType,
  HandoffRecordView,
  HandoffsQueryParams,
  HandoffView,
  InitiateHandoffBody,
} from "./model";

type HandoffRow = typeof handoffs.$inferSelect;
type Entity = DealView | LeadView;

/** What a handoff needs from the deals and leads plugins, per entity type. */
const ENTITIES = {
  deal: {
    pipelineType: "sales",
    get: getDeal,
    byIds: dealsByIds,
    update: updateDealInTx,
  },
  lead: {
    pipelineType: "qualification",
    get: getLead,
    byIds: leadsByIds,
    update: updateLeadInTx,
  },
} as const;

const recordView = (row: HandoffRow): HandoffRecordView => ({
  id: row.id,
  entity_type: row.entityType as HandoffEntityType,
  entity_id: row.entityId,
  from_owner: row.fromOwner,
  to_owner: row.toOwner,
  from_pipeline_id: row.fromPipelineId,
  to_pipeline_id: row.toPipelineId,
  to_stage_id: row.toStageId,
  status: row.status as HandoffRecordView["status"],
  reason: row.reason,
  completed_at: iso(row.completedAt),
  ...lifecycleFields(row),
});

const handoffView = (row: HandoffRow, entity: Entity | null): HandoffView =>
  versioned(row, {
    ...recordView(row),
    entity: entity && !entity.deleted_at ? entity : null,
  });

/**
 * The entity types whose handoffs a key sees: a handoff names its deal or
 * lead (id, owner, pipeline), so it shows only to keys that may read that
 * record's type (`deals:read` / `leads:read`), as its events and activity
 * rows do; to others it does not exist.
 */
export const readableEntityTypes = (scopes: ReadonlySet<Scope>): HandoffEntityType[] =>
  (Object.keys(ENTITIES) as HandoffEntityType[]).filter((type) => allows(scopes, `${type}s:read`));

/** 403 unless the key may read records of `type` (initiating a handoff of one, listing them). */
export function assertReadsEntity(scopes: ReadonlySet<Scope>, type: HandoffEntityType): void {
  if (!allows(scopes, `${type}s:read`))
    throw forbidden(`Handoffs of ${type}s need the ${type}s:read permission`);
}

/** The handoff row, live in the tenant and of a type the key reads, or 404. */
async function visibleHandoff(
  db: ReadDb | WriteTx,
  tenantId: string,
  scopes: ReadonlySet<Scope>,
  id: string,
) {
  const row = await findHandoff(db, tenantId, id);
  if (!readableEntityTypes(scopes).includes(row.entityType as HandoffEntityType))
    throw notFound("Handoff");
  return row;
}

/** The entities of some handoffs: one query per entity type. */
async function entitiesOf(db: ReadDb, tenantId: string, rows: HandoffRow[]) {
  const found = new Map<string, Entity>();
  for (const [type, entity] of Object.entries(ENTITIES)) {
    const ids = rows.filter((r) => r.entityType === type).map((r) => r.entityId);
    for (const [id, view] of await entity.byIds(db, tenantId, ids)) found.set(id, view);
  }
  return found;
}

/** Only handoffs of types the key reads; naming another type is 403. */
function readableFilter(scopes: ReadonlySet<Scope>, query: HandoffsQueryParams): SQL | undefined {
  if (query.entity_type !== undefined) {
    assertReadsEntity(scopes, query.entity_type);
    return undefined;
  }
  const readable = readableEntityTypes(scopes);
  if (readable.length === Object.keys(ENTITIES).length) return undefined;
  return readable.length ? inArray(handoffs.entityType, readable) : sql`1 = 0`;
}

export async function listHandoffs(
  ctx: AppContext,
  tenantId: string,
  scopes: ReadonlySet<Scope>,
  query: HandoffsQueryParams,
) {
  const page = await listPage({
    db: ctx.db,
    cache: ctx.cache,
    table: handoffs,
    tenantId,
    filters: [
      eqIf(handoffs.status, query.status),
      eqIf(handoffs.entityType, query.entity_type),
      eqIf(handoffs.entityId, query.entity_id),
      readableFilter(scopes, query),
    ],
    query,
    map: (row: HandoffRow) => row,
  });
  const entities = await entitiesOf(ctx.db.read, tenantId, page.items);
  return {
    ...page,
    items: page.items.map((row) => handoffView(row, entities.get(row.entityId) ?? null)),
  };
}

const findHandoff = (db: ReadDb | WriteTx, tenantId: string, id: string) =>
  findLive(db, handoffs, tenantId, id, "Handoff");

export async function getHandoff(
  db: ReadDb,
  tenantId: string,
  scopes: ReadonlySet<Scope>,
  id: string,
) {
  const row = await visibleHandoff(db, tenantId, scopes, id);
  return handoffView(row, (await entitiesOf(db, tenantId, [row])).get(row.entityId) ?? null);
}

/**
 * Records a pending handoff of a deal or lead to another owner (and
 * optionally pipeline / stage, resolved now so the handoff names its
 * target). One pending handoff per record at a time. Only a key that
 * reads the record's type (`reader`'s scopes) may hand it off: 403 before
 * the record is looked up, so no answer tells whether it exists.
 */
export function initiateHandoff(
  ctx: AppContext,
  scope: WriteScope,
  reader: ReadonlySet<Scope>,
  entityType: HandoffEntityType,
  entityId: string,
  body: InitiateHandoffBody,
) {
  assertReadsEntity(reader, entityType);
  return ctx.write(async (tx) => {
    const kind = ENTITIES[entityType];
    const entity = await kind.get(tx, scope.tenantId, entityId);
    const target =
      body.to_pipeline_id !== undefined || body.to_stage_id !== undefined
        ? await resolvePlacement(
            tx,
            scope.tenantId,
            kind.pipelineType,
            { pipelineId: body.to_pipeline_id, stageId: body.to_stage_id },
            { pipelineId: "/to_pipeline_id", stageId: "/to_stage_id", stageName: "/to_stage_id" },
          )
        : null;
    const pending = await tx
      .select({ id: handoffs.id })
      .from(handoffs)
      .where(
        and(
          eq(handoffs.tenantId, scope.tenantId),
          eq(handoffs.entityType, entityType),
          eq(handoffs.entityId, entityId),
          eq(handoffs.status, "pending"),
          isNull(handoffs.deletedAt),
        ),
      )
      .limit(1);
    if (pending.length) throw conflict(`The ${entityType} already has a pending handoff`);
    const row: HandoffRow = {
      id: newId(),
      tenantId: scope.tenantId,
      entityType,
      entityId,
      fromOwner: entity.owner,
      toOwner: body.to_owner,
      fromPipelineId: entity.pipeline_id,
      toPipelineId: target?.pipeline.id ?? null,
      toStageId: target?.stage?.id ?? null,
      status: "pending",
      reason: body.reason ?? null,
      completedAt: null,
      createdAt: scope.now,
      updatedAt: scope.now,
      deletedAt: null,
      syncSeq: await nextSyncSeq(tx),
    };
    await insertValues(tx, handoffs, row);
    const view = handoffView(row, entity);
    await record(tx, scope, "initiated", null, row, view);
    return view;
  });
}

/** A pending handoff of the tenant the key sees; 409 once completed or cancelled. */
async function pendingHandoff(
  tx: WriteTx,
  tenantId: string,
  scopes: ReadonlySet<Scope>,
  id: string,
) {
  const row = await visibleHandoff(tx, tenantId, scopes, id);
  if (row.status !== "pending") throw conflict(`The handoff is already ${row.status}`);
  return row;
}

/**
 * Completes a handoff in one transaction: the deal or lead gets its new
 * owner (and pipeline / stage), with its own update and stage events, and
 * the handoff is marked completed (handoff.completed). A handoff of a
 * type `reader` may not read is 404, as on GET. Completing writes the deal
 * (lead), so it needs `deals:write` (`leads:write`) besides
 * `handoffs:write`: 403 otherwise, before the handoff's state is looked at.
 * No delegation from the initiator: starting a handoff needs only the
 * record's read scope, so nobody holding its write scope has approved it.
 */
export function completeHandoff(
  ctx: AppContext,
  scope: WriteScope,
  reader: ReadonlySet<Scope>,
  id: string,
) {
  return ctx.write(async (tx) => {
    const found = await visibleHandoff(tx, scope.tenantId, reader, id);
    const writes = `${found.entityType}s:write`;
    if (!allows(reader, writes))
      throw forbidden(
        `Completing a handoff changes its ${found.entityType}: it needs the ${writes} permission`,
      );
    const row = await pendingHandoff(tx, scope.tenantId, reader, id);
    const kind = ENTITIES[row.entityType as HandoffEntityType];
    const [current] = (await kind.byIds(tx, scope.tenantId, [row.entityId])).values();
    if (!current || current.deleted_at)
      throw conflict(`The ${row.entityType} of this handoff was deleted`);
    assertNotClosedSince(row, current);
    await assertTargetExists(tx, scope.tenantId, row);
    const entity = await kind.update(tx, scope, row.entityId, {
      owner: row.toOwner,
      pipeline_id: row.toPipelineId ?? undefined,
      stage_id: row.toStageId ?? undefined,
    });
    return await settle(tx, scope, row, "completed", entity);
  });
}

/**
 * 409 when the handoff would move a deal that was won or lost after it was
 * initiated: the move would reopen (or flip) the deal, undoing a close the
 * initiator never saw. A deal already closed when handed on (a win-back)
 * moves as asked; a change of owner alone always completes.
 */
function assertNotClosedSince(row: HandoffRow, entity: Entity) {
  if (row.entityType !== "deal" || !row.toPipelineId) return;
  const deal = entity as DealView;
  const closedAt = deal.won_at ?? deal.lost_at;
  if (deal.status === "open" || !closedAt || row.toStageId === deal.stage_id) return;
  if (Date.parse(closedAt) >= row.createdAt.getTime())
    throw conflict(
      `The deal was ${deal.status} after this handoff was initiated; completing it would reopen the deal: cancel it, or move the deal yourself`,
    );
}

/**
 * 409 when the pipeline or stage the handoff moves its record to was
 * removed after it was initiated: the state changed, not the (bodyless)
 * request, so no 422 at a field the caller never sent.
 */
async function assertTargetExists(tx: WriteTx, tenantId: string, row: HandoffRow) {
  if (!row.toPipelineId) return;
  const kind = ENTITIES[row.entityType as HandoffEntityType];
  const target = { pipelineId: row.toPipelineId, stageId: row.toStageId };
  try {
    await resolvePlacement(tx, tenantId, kind.pipelineType, target);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 422) throw error;
    throw conflict("The handoff's target pipeline or stage no longer exists; cancel it");
  }
}

export function cancelHandoff(
  ctx: AppContext,
  scope: WriteScope,
  reader: ReadonlySet<Scope>,
  id: string,
) {
  return ctx.write(async (tx) => {
    const row = await pendingHandoff(tx, scope.tenantId, reader, id);
    const entity = (await entitiesOf(tx, scope.tenantId, [row])).get(row.entityId) ?? null;
    return await settle(tx, scope, row, "cancelled", entity);
  });
}

async function settle(
  tx: WriteTx,
  scope: WriteScope,
  row: HandoffRow,
  status: "completed" | "cancelled",
  entity: Entity | null,
) {
  const [updated] = await tx
    .update(handoffs)
    .set({
      status,
      completedAt: status === "completed" ? scope.now : null,
      updatedAt: scope.now,
      syncSeq: await nextSyncSeq(tx),
    })
    .where(eq(handoffs.id, row.id))
    .returning();
  const view = handoffView(updated, entity);
  await record(tx, scope, status, row, updated, view);
  return view;
}

/** The activity row diffs the handoff itself; the event carries it with its entity. */
function record(
  tx: WriteTx,
  scope: WriteScope,
  action: "initiated" | "completed" | "cancelled",
  before: HandoffRow | null,
  after: HandoffRow,
  view: HandoffView,
) {
  return recordEntityChange(
    tx,
    scope,
    {
      entityType: "handoff",
      action,
      before: before && recordView(before),
      after: recordView(after),
    },
    [{ type: `handoff.${action}`, data: view, metadata: {} }],
  );
}
