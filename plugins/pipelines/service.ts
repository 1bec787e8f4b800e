import { and, asc, eq, inArray, isNull, ne } from "drizzle-orm";
import type { ReadDb, WriteTx } from "../../db/client";
import { deals, leads, pipelines } from "../../db/schema";
import {
  type AppContext,
  changedFields,
  conflict,
  findLive,
  lifecycleFields,
  listPage,
  newId,
  nextSyncSeq,
  notFound,
  type PageQuery,
  presentFields,
  recordEntityChange,
  softDelete,
  versioned,
  type WriteScope,
} from "../../src/core";
import type {
  CreatePipelineBody,
  CreateStageBody,
  PipelineType,
  PipelineView,
  StageInputBody,
  UpdatePipelineBody,
  UpdateStageBody,
} from "./model";
import { defaultPipeline, OPEN_LEAD_STATUSES, pipelinesChanged } from "./placement";
import {
  applyStages,
  type PipelineRow,
  type StagePath,
  type StageRow,
  stageInputOf,
  stagesOf,
  stageView,
} from "./stages";

export const pipelineView = (row: PipelineRow, stageRows: StageRow[]): PipelineView =>
  versioned(row, {
    id: row.id,
    name: row.name,
    pipeline_type: row.pipelineType as PipelineType,
    is_default: row.isDefault,
    first_response_hours: row.firstResponseHours,
    stages: stageRows.map(stageView),
    ...lifecycleFields(row),
  });

const livePipeline = (db: ReadDb, tenantId: string, id: string): Promise<PipelineRow> =>
  findLive(db, pipelines, tenantId, id, "Pipeline");

export async function getPipeline(ctx: AppContext, tenantId: string, id: string) {
  const row = await livePipeline(ctx.db.read, tenantId, id);
  const stageRows = await stagesOf(ctx.db.read, tenantId, [id]);
  return pipelineView(row, stageRows.get(id) ?? []);
}

export async function listPipelines(
  ctx: AppContext,
  tenantId: string,
  query: PageQuery & { pipeline_type?: PipelineType },
) {
  const page = await listPage({
    db: ctx.db,
    cache: ctx.cache,
    table: pipelines,
    tenantId,
    filters: [query.pipeline_type ? eq(pipelines.pipelineType, query.pipeline_type) : undefined],
    query,
    map: (row: PipelineRow) => row,
  });
  const stageRows = await stagesOf(
    ctx.db.read,
    tenantId,
    page.items.map((p) => p.id),
  );
  return { ...page, items: page.items.map((p) => pipelineView(p, stageRows.get(p.id) ?? [])) };
}

/** A write of pipelines or stages: the writes after it in its batch see the new version. */
function writePipelines<T>(ctx: AppContext, fn: (tx: WriteTx) => Promise<T>): Promise<T> {
  return ctx.write(async (tx) => {
    const result = await fn(tx);
    pipelinesChanged(tx);
    return result;
  });
}

/** One default per type: the previous default stops being one (and says so in its own event). */
async function clearDefault(tx: WriteTx, scope: WriteScope, type: string, keepId: string) {
  const previous = await tx
    .select()
    .from(pipelines)
    .where(
      and(
        eq(pipelines.tenantId, scope.tenantId),
        eq(pipelines.pipelineType, type),
        eq(pipelines.isDefault, true),
        isNull(pipelines.deletedAt),
        ne(pipelines.id, keepId),
      ),
    );
  for (const row of previous) await setDefault(tx, scope, row, false);
}

/**
 * When the default goes, the oldest other live pipeline of its type takes
 * over, so records created without pipeline_id still land in one.
 */
async function promoteDefault(tx: WriteTx, scope: WriteScope, deleted: PipelineRow) {
  const [next] = await tx
    .select()
    .from(pipelines)
    .where(
      and(
        eq(pipelines.tenantId, scope.tenantId),
        eq(pipelines.pipelineType, deleted.pipelineType),
        isNull(pipelines.deletedAt),
        ne(pipelines.id, deleted.id),
      ),
    )
    .orderBy(asc(pipelines.createdAt), asc(pipelines.id))
    .limit(1);
  if (next) await setDefault(tx, scope, next, true);
}

/** Another pipeline's is_default changes as a side effect, with its own pipeline.updated. */
async function setDefault(tx: WriteTx, scope: WriteScope, row: PipelineRow, isDefault: boolean) {
  const rowStages = (await stagesOf(tx, scope.tenantId, [row.id])).get(row.id) ?? [];
  const updated = { ...row, isDefault, updatedAt: scope.now, syncSeq: await nextSyncSeq(tx) };
  await tx.update(pipelines).set(updated).where(eq(pipelines.id, row.id));
  await recordPipelineChange(
    tx,
    scope,
    "updated",
    pipelineView(row, rowStages),
    pipelineView(updated, rowStages),
  );
}

function recordPipelineChange(
  tx: WriteTx,
  scope: WriteScope,
  action: "created" | "updated",
  before: PipelineView | null,
  after: PipelineView,
) {
  const metadata =
    action === "updated" ? { changed_fields: changedFields(before ?? {}, after) } : {};
  return recordEntityChange(tx, scope, { entityType: "pipeline", action, before, after }, [
    { type: `pipeline.${action}`, data: after, metadata },
  ]);
}

export function createPipeline(ctx: AppContext, scope: WriteScope, body: CreatePipelineBody) {
  return writePipelines(ctx, async (tx) => {
    const isDefault =
      body.is_default ?? !(await defaultPipeline(tx, scope.tenantId, body.pipeline_type));
    const row: PipelineRow = {
      id: newId(),
      tenantId: scope.tenantId,
      name: body.name.trim(),
      pipelineType: body.pipeline_type,
      isDefault,
      firstResponseHours: body.first_response_hours ?? null,
      createdAt: scope.now,
      updatedAt: scope.now,
      deletedAt: null,
      syncSeq: await nextSyncSeq(tx),
    };
    if (isDefault) await clearDefault(tx, scope, row.pipelineType, row.id);
    await tx.insert(pipelines).values(row);
    const stageRows = await applyStages(tx, row, [], body.stages, scope.now, listPath);
    const after = pipelineView(row, stageRows);
    await recordPipelineChange(tx, scope, "created", null, after);
    return after;
  });
}

const listPath: StagePath = (i) => `/stages/${i}`;
const oneStagePath: StagePath = () => "";

/**
 * Changes a pipeline in one transaction: `change` gets its current row and
 * stages and returns the new pipeline fields and stage list.
 */
function changePipeline(
  ctx: AppContext,
  scope: WriteScope,
  id: string,
  change: (
    row: PipelineRow,
    current: StageRow[],
  ) => { fields?: Partial<PipelineRow>; stages?: StageInputBody[]; path?: StagePath },
) {
  return writePipelines(ctx, async (tx) => {
    const row = await livePipeline(tx, scope.tenantId, id);
    const current = (await stagesOf(tx, scope.tenantId, [id])).get(id) ?? [];
    const planned = change(row, current);
    const stageRows = planned.stages
      ? await applyStages(tx, row, current, planned.stages, scope.now, planned.path ?? listPath)
      : current;
    const updated: PipelineRow = { ...row, ...presentFields(planned.fields ?? {}) };
    const before = pipelineView(row, current);
    if (changedFields(before, pipelineView(updated, stageRows)).length === 0) return before;
    updated.updatedAt = scope.now;
    updated.syncSeq = await nextSyncSeq(tx);
    await tx.update(pipelines).set(updated).where(eq(pipelines.id, id));
    if (updated.isDefault && !row.isDefault)
      await clearDefault(tx, scope, row.pipelineType, row.id);
    const after = pipelineView(updated, stageRows);
    await recordPipelineChange(tx, scope, "updated", before, after);
    return after;
  });
}

export const updatePipeline = (
  ctx: AppContext,
  scope: WriteScope,
  id: string,
  body: UpdatePipelineBody,
) =>
  changePipeline(ctx, scope, id, () => ({
    fields: {
      name: body.name?.trim(),
      isDefault: body.is_default,
      firstResponseHours: body.first_response_hours,
    },
    stages: body.stages,
  }));

export const addStage = (ctx: AppContext, scope: WriteScope, id: string, body: CreateStageBody) =>
  changePipeline(ctx, scope, id, (_, current) => {
    const { position, ...stage } = body;
    const desired = current.map(stageInputOf);
    desired.splice((position ?? desired.length + 1) - 1, 0, stage);
    return { stages: desired, path: oneStagePath };
  });

export const updateStage = (
  ctx: AppContext,
  scope: WriteScope,
  id: string,
  stageId: string,
  body: UpdateStageBody,
) =>
  changePipeline(ctx, scope, id, (_, current) => {
    const desired = current.map(stageInputOf);
    const index = desired.findIndex((s) => s.id === stageId);
    if (index === -1) throw notFound("Stage");
    const { position, ...fields } = body;
    const [stage] = desired.splice(index, 1);
    desired.splice((position ?? index + 1) - 1, 0, { ...stage, ...fields });
    return { stages: desired, path: oneStagePath };
  });

export const removeStage = (ctx: AppContext, scope: WriteScope, id: string, stageId: string) =>
  changePipeline(ctx, scope, id, (_, current) => {
    if (!current.some((s) => s.id === stageId)) throw notFound("Stage");
    return { stages: current.filter((s) => s.id !== stageId).map(stageInputOf) };
  });

/** Soft-deletes a pipeline; 409 while open deals or leads are in it. */
export function deletePipeline(ctx: AppContext, scope: WriteScope, id: string) {
  return writePipelines(ctx, async (tx) => {
    const row = await livePipeline(tx, scope.tenantId, id);
    if (await hasOpenRecords(tx, scope.tenantId, id))
      throw conflict("The pipeline has open deals or leads; move or close them first");
    const current = (await stagesOf(tx, scope.tenantId, [id])).get(id) ?? [];
    const view = (r: PipelineRow) => pipelineView(r, current);
    const deleted = await softDelete(tx, scope, {
      table: pipelines,
      row,
      entityType: "pipeline",
      view,
    });
    if (row.isDefault) await promoteDefault(tx, scope, row);
    return deleted.data;
  });
}

/**
 * The tables whose open rows keep a pipeline, with what makes a row open:
 * a pipeline they are in is not deleted. A column added to the schema that
 * names a pipeline belongs here or in tests/reference-guards.test.ts's list
 * of those that need not keep one.
 */
export const PIPELINE_HOLDERS = [
  { table: deals, open: eq(deals.status, "open") },
  { table: leads, open: inArray(leads.status, OPEN_LEAD_STATUSES) },
] as const;

async function hasOpenRecords(tx: WriteTx, tenantId: string, pipelineId: string) {
  for (const { table, open } of PIPELINE_HOLDERS) {
    const [hit] = await tx
      .select({ id: table.id })
      .from(table)
      .where(
        and(
          eq(table.tenantId, tenantId),
          eq(table.pipelineId, pipelineId),
          open,
          isNull(table.deletedAt),
        ),
      )
      .limit(1);
    if (hit) return true;
  }
  return false;
}
