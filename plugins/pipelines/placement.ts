import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database, ReadDb } from "../../db/client";
import { counters, pipelines, stages } from "../../db/schema";
import { invalid, param, perBatch, prepared, setInBatch } from "../../src/core";
import type { PipelineType } from "./model";
import { type PipelineRow, type StageRow, stageNameKey } from "./stages";

/** Lead statuses still being worked: these count as open in a stage. */
export const OPEN_LEAD_STATUSES = ["new", "contacted", "qualified"];

/** Where a deal or lead sits: a live pipeline of the right type and (for deals, always) a stage. */
export interface Placement {
  pipeline: PipelineRow;
  stage: StageRow | null;
}

export interface PlacementRequest {
  pipelineId?: string | null;
  stageId?: string | null;
  /** Stage name within the pipeline, in any letter case. */
  stageName?: string | null;
}

/** JSON pointers the 422s of a placement point at. */
export interface PlacementPaths {
  pipelineId: string;
  stageId: string;
  stageName: string;
}

const DEFAULT_PATHS: PlacementPaths = {
  pipelineId: "/pipeline_id",
  stageId: "/stage_id",
  stageName: "/stage",
};

/**
 * Resolves a requested pipeline and stage for a record of `type`
 * (sales: deals, qualification: leads):
 * - a stage id picks its pipeline, which must be `pipelineId` when given
 *   (else 422 "belongs to another pipeline");
 * - otherwise the pipeline is `pipelineId`, or the tenant's default of that
 *   type, and the stage is the one named `stageName`, or its first open stage.
 * Returns null when nothing was asked for and the tenant has no default.
 */
export async function resolvePlacement(
  db: ReadDb,
  tenantId: string,
  type: PipelineType,
  request: PlacementRequest,
  paths: PlacementPaths = DEFAULT_PATHS,
): Promise<Placement | null> {
  const { pipelineId, stageId, stageName } = request;
  if (given(stageId)) {
    const found = await stageWithPipeline(db, tenantId, stageId);
    if (!found) throw invalid(paths.stageId, "does not exist");
    if (given(pipelineId) && found.pipeline.id !== pipelineId)
      throw invalid(paths.stageId, "belongs to another pipeline");
    if (found.pipeline.pipelineType !== type)
      throw invalid(paths.stageId, `is not a stage of a ${type} pipeline`);
    return found;
  }
  if (!given(pipelineId) && !given(stageName)) return defaultPlacement(db, tenantId, type);
  const pipeline = given(pipelineId)
    ? await livePipelineOfType(db, tenantId, type, pipelineId, paths.pipelineId)
    : await defaultPipeline(db, tenantId, type);
  if (!pipeline) return null;
  const stage = given(stageName)
    ? await stageByName(db, pipeline.id, stageName)
    : await firstOpenStage(db, pipeline.id);
  if (given(stageName) && !stage)
    throw invalid(paths.stageName, `is not a stage of pipeline "${pipeline.name}"`);
  return { pipeline, stage };
}

/** Whether a request names a pipeline or stage: an empty id names one that does not exist (422), not the default. */
const given = (value: string | null | undefined): value is string =>
  value !== undefined && value !== null;

const VERSION_KEY = "pipelines-version";

/**
 * The version of all pipelines and stages (migration 0710's triggers), read
 * once per write batch; null for the rest of a batch that wrote them (what
 * it reads then is not committed yet, so it is not kept).
 */
function pipelinesVersion(db: ReadDb): Promise<number | null> {
  return perBatch(db, VERSION_KEY, async () => {
    const query = prepared(db, "pipelines-version", () =>
      db
        .select({ value: counters.value })
        .from(counters)
        .where(eq(counters.name, "pipelines"))
        .prepare(),
    );
    const [row] = await query.all();
    return row?.value ?? 0;
  });
}

/** Called by every write of this plugin to pipelines or stages: later writes in its batch see the change. */
export const pipelinesChanged = (tx: ReadDb) => setInBatch(tx, VERSION_KEY, null);

/** Most tenants' default placements kept: each is a pipeline and a stage row. */
const DEFAULTS_KEPT = 10_000;
const defaultsByHandle = new WeakMap<
  object,
  Map<string, { version: number; placement: Placement }>
>();

/**
 * The tenant's default placement of a type: its default pipeline and that
 * pipeline's first open stage. Nearly every new deal and lead takes it, so
 * it is kept per handle until any pipeline or stage changes (two queries
 * were a fifth of a `POST /deals`).
 */
async function defaultPlacement(db: ReadDb, tenantId: string, type: PipelineType) {
  const version = await pipelinesVersion(db);
  let kept = defaultsByHandle.get(db);
  if (!kept) {
    kept = new Map();
    defaultsByHandle.set(db, kept);
  }
  const key = `${tenantId}:${type}`;
  const hit = kept.get(key);
  if (version !== null && hit?.version === version) return hit.placement;
  const pipeline = await defaultPipeline(db, tenantId, type);
  if (!pipeline) return null;
  const placement = { pipeline, stage: await firstOpenStage(db, pipeline.id) };
  kept.delete(key);
  if (placement.stage && version !== null) kept.set(key, { version, placement });
  if (kept.size > DEFAULTS_KEPT) kept.delete(kept.keys().next().value as string);
  return placement;
}

async function stageWithPipeline(db: ReadDb, tenantId: string, stageId: string) {
  const [row] = await db
    .select({ stage: stages, pipeline: pipelines })
    .from(stages)
    .innerJoin(pipelines, eq(pipelines.id, stages.pipelineId))
    .where(and(eq(stages.id, stageId), eq(stages.tenantId, tenantId), isNull(pipelines.deletedAt)));
  return row ?? null;
}

async function livePipelineOfType(
  db: ReadDb,
  tenantId: string,
  type: PipelineType,
  id: string,
  path: string,
) {
  const [row] = await db
    .select()
    .from(pipelines)
    .where(
      and(eq(pipelines.id, id), eq(pipelines.tenantId, tenantId), isNull(pipelines.deletedAt)),
    );
  if (!row) throw invalid(path, "does not exist");
  if (row.pipelineType !== type) throw invalid(path, `is not a ${type} pipeline`);
  return row;
}

/** The tenant's live default pipeline of a type, if any. */
export async function defaultPipeline(db: ReadDb, tenantId: string, type: PipelineType) {
  const query = prepared(db, "default-pipeline", () =>
    db
      .select()
      .from(pipelines)
      .where(
        and(
          eq(pipelines.tenantId, param("tenantId")),
          eq(pipelines.pipelineType, param("type")),
          eq(pipelines.isDefault, true),
          isNull(pipelines.deletedAt),
        ),
      )
      .orderBy(asc(pipelines.createdAt), asc(pipelines.id))
      .limit(1)
      .prepare(),
  );
  const [row] = await query.all({ tenantId, type });
  return row ?? null;
}

/** The pipeline's stage of that name in any letter case (a pipeline has a handful: read them all). */
async function stageByName(db: ReadDb, pipelineId: string, name: string) {
  const key = stageNameKey(name);
  const rows = await db.select().from(stages).where(eq(stages.pipelineId, pipelineId));
  return rows.find((row) => stageNameKey(row.name) === key) ?? null;
}

async function firstOpenStage(db: ReadDb, pipelineId: string) {
  const query = prepared(db, "first-open-stage", () =>
    db
      .select()
      .from(stages)
      .where(and(eq(stages.pipelineId, param("pipelineId")), eq(stages.kind, "open")))
      .orderBy(asc(stages.position))
      .limit(1)
      .prepare(),
  );
  const [row] = await query.all({ pipelineId });
  return row ?? null;
}

interface StageNameCache {
  version: number | null;
  byTenant: Map<string, ReadonlyMap<string, string>>;
}
const stageNameCaches = new WeakMap<Database, StageNameCache>();

/**
 * Stage id → name for every stage of the tenant, so list pages name their
 * stages without a query per page. Cached until the database changes
 * (db.changeVersion: any commit by any process or instance); remote libSQL,
 * whose version is unknown, queries every time.
 */
export async function stageNames(
  db: Database,
  tenantId: string,
): Promise<ReadonlyMap<string, string>> {
  const current = db.changeVersion();
  const version = typeof current === "number" || current === null ? current : await current;
  let cache = stageNameCaches.get(db);
  if (!cache || cache.version !== version || cache.byTenant.size > 10_000) {
    cache = { version, byTenant: new Map() };
    stageNameCaches.set(db, cache);
  }
  const cached = cache.byTenant.get(tenantId);
  if (cached && version !== null) return cached;
  const rows = await db.read
    .select({ id: stages.id, name: stages.name })
    .from(stages)
    .where(eq(stages.tenantId, tenantId));
  const names = new Map(rows.map((row) => [row.id, row.name]));
  cache.byTenant.set(tenantId, names);
  return names;
}

/** Ids of the stages (of any pipeline) that `stageNames` names `name`, in any letter case. */
export function stageIdsNamed(names: ReadonlyMap<string, string>, name: string): string[] {
  const key = stageNameKey(name);
  return [...names].flatMap(([id, stage]) => (stageNameKey(stage) === key ? [id] : []));
}
