import { and, count, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { ReadDb, WriteTx } from "../../db/client";
import { deals, leads, type pipelines, stages } from "../../db/schema";
import {
  conflict,
  invalid,
  isLive,
  newId,
  notFound,
  reserveSyncSeqs,
  type SyncedTable,
} from "../../src/core";
import type { StageInputBody, StageView } from "./model";

export type PipelineRow = typeof pipelines.$inferSelect;
export type StageRow = typeof stages.$inferSelect;

export const stageView = (row: StageRow): StageView => ({
  id: row.id,
  pipeline_id: row.pipelineId,
  name: row.name,
  position: row.position,
  kind: row.kind as StageView["kind"],
  probability: row.probability,
  sla_hours: row.slaHours,
  sla_warning_pct: row.slaWarningPct,
  warn_before_minutes: row.warnBeforeMinutes,
  created_at: row.createdAt.toISOString(),
  updated_at: row.updatedAt.toISOString(),
});

/** A table whose rows sit in a stage (deals, leads). */
type StagedTable = SyncedTable & { stageId: SQLiteColumn };

/** Rows of `table` matching `where`, each with its stage's name (null without a stage). */
export async function rowsWithStage<T extends StagedTable>(
  db: ReadDb | WriteTx,
  table: T,
  where: SQL | undefined,
): Promise<Array<{ row: T["$inferSelect"]; stage: string | null }>> {
  const staged = table as StagedTable;
  return (db as ReadDb)
    .select({ row: staged, stage: stages.name })
    .from(staged)
    .leftJoin(stages, eq(stages.id, staged.stageId))
    .where(where);
}

/**
 * The reads of a staged entity (deals, leads), each with its stage's name:
 * `find` a live one of the tenant (404 `<name> not found` otherwise), `get`
 * its view, and `byIds` the views of several, deleted ones included.
 */
export function stagedReads<T extends StagedTable, View>(
  table: T,
  name: string,
  view: (row: T["$inferSelect"], stage: string | null) => View,
) {
  /** The live row with its stage's name, if the tenant has it. */
  const live = async (db: ReadDb | WriteTx, tenantId: string, id: string) => {
    const [found] = await rowsWithStage(db, table, isLive(table, tenantId, id));
    return found;
  };
  const find = async (db: ReadDb | WriteTx, tenantId: string, id: string) => {
    const found = await live(db, tenantId, id);
    if (!found) throw notFound(name);
    return found;
  };
  return {
    live,
    find,
    async get(db: ReadDb, tenantId: string, id: string): Promise<View> {
      const { row, stage } = await find(db, tenantId, id);
      return view(row, stage);
    },
    async byIds(db: ReadDb, tenantId: string, ids: string[]): Promise<Map<string, View>> {
      if (ids.length === 0) return new Map();
      const where = and(eq(table.tenantId, tenantId), inArray(table.id, ids));
      const rows = await rowsWithStage(db, table, where);
      return new Map(rows.map(({ row, stage }) => [row.id as string, view(row, stage)]));
    },
  };
}

/** Stages of the given pipelines, each list in position order. */
export async function stagesOf(
  db: ReadDb,
  tenantId: string,
  pipelineIds: string[],
): Promise<Map<string, StageRow[]>> {
  const byPipeline = new Map<string, StageRow[]>(pipelineIds.map((id) => [id, []]));
  if (pipelineIds.length === 0) return byPipeline;
  const rows = await db
    .select()
    .from(stages)
    .where(and(eq(stages.tenantId, tenantId), inArray(stages.pipelineId, pipelineIds)))
    .orderBy(stages.pipelineId, stages.position);
  for (const row of rows) byPipeline.get(row.pipelineId)?.push(row);
  return byPipeline;
}

/**
 * The tables whose live rows keep a stage: a stage they are in is not
 * removed. A column added to the schema that names a stage belongs here or
 * in tests/reference-guards.test.ts's list of those that need not keep one.
 */
export const STAGE_HOLDERS = [deals, leads] as const;

/** Ids of the given stages that live deals or leads are in. */
async function stagesInUse(db: ReadDb, tenantId: string, stageIds: string[]): Promise<Set<string>> {
  if (stageIds.length === 0) return new Set();
  const used = new Set<string>();
  for (const table of STAGE_HOLDERS) {
    const rows = await db
      .select({ stageId: table.stageId, n: count() })
      .from(table)
      .where(
        and(
          eq(table.tenantId, tenantId),
          inArray(table.stageId, stageIds),
          isNull(table.deletedAt),
        ),
      )
      .groupBy(table.stageId);
    for (const row of rows) if (row.stageId) used.add(row.stageId);
  }
  return used;
}

/**
 * A stage name as names are compared: trimmed, in lower case in every
 * script. Names are unique within a pipeline by it, and requests (a deal's
 * `stage`, the `?stage=` filter) find stages by it.
 */
export const stageNameKey = (name: string): string => name.trim().toLowerCase();

/** Where validation errors about the stage list point: `/stages/2` for a list, `` for one stage. */
export type StagePath = (index: number) => string;

/** The checks every stage list passes: known ids, unique names, an open stage for sales. */
export function validateStages(
  desired: StageInputBody[],
  current: StageRow[],
  pipelineType: string,
  pathOf: StagePath,
): void {
  const currentIds = new Set(current.map((s) => s.id));
  const seenIds = new Set<string>();
  const seenNames = new Set<string>();
  desired.forEach((stage, i) => {
    if (stage.id !== undefined) {
      if (!currentIds.has(stage.id) || seenIds.has(stage.id))
        throw invalid(`${pathOf(i)}/id`, "is not a stage of this pipeline (or appears twice)");
      seenIds.add(stage.id);
    }
    const name = stageNameKey(stage.name);
    if (seenNames.has(name))
      throw invalid(`${pathOf(i)}/name`, `"${stage.name}" is already a stage of this pipeline`);
    seenNames.add(name);
  });
  if (pipelineType === "sales" && !desired.some((s) => (s.kind ?? "open") === "open"))
    throw invalid("/stages", "a sales pipeline needs at least one open stage");
}

/** A stage row as the client may write it back (PATCH replace keeps ids). */
export const stageInputOf = (row: StageRow): StageInputBody => ({
  id: row.id,
  name: row.name,
  kind: row.kind as StageView["kind"],
  probability: row.probability,
  sla_hours: row.slaHours,
  sla_warning_pct: row.slaWarningPct,
  warn_before_minutes: row.warnBeforeMinutes,
});

/**
 * Makes the pipeline's stages exactly `desired`, in that order: kept stages
 * (by id) are updated, new ones inserted, the rest removed. Removing a stage,
 * or changing the kind of one, that deals or leads are in is a 409.
 * Returns the new list.
 */
export async function applyStages(
  tx: WriteTx,
  pipeline: PipelineRow,
  current: StageRow[],
  desired: StageInputBody[],
  now: Date,
  pathOf: StagePath,
): Promise<StageRow[]> {
  validateStages(desired, current, pipeline.pipelineType, pathOf);
  const currentById = new Map(current.map((s) => [s.id, s]));
  const keptIds = new Set(desired.flatMap((s) => (s.id ? [s.id] : [])));
  const removed = current.filter((s) => !keptIds.has(s.id));
  const rekinded = desired.filter(
    (s) => s.id && s.kind !== undefined && s.kind !== currentById.get(s.id)?.kind,
  );
  const inUse = await stagesInUse(tx, pipeline.tenantId, [
    ...removed.map((s) => s.id),
    ...rekinded.map((s) => s.id as string),
  ]);
  for (const stage of removed)
    if (inUse.has(stage.id))
      throw conflict(`Stage "${stage.name}" has deals or leads in it; move them first`);
  for (const stage of rekinded)
    if (inUse.has(stage.id as string))
      throw conflict(`Stage "${stage.name}" has deals or leads in it; its kind cannot change`);

  if (removed.length)
    await tx.delete(stages).where(
      inArray(
        stages.id,
        removed.map((s) => s.id),
      ),
    );
  // Positions are unique only by convention, so rewriting them in place is safe.
  const result: StageRow[] = [];
  for (const [i, input] of desired.entries()) {
    const existing = input.id ? currentById.get(input.id) : undefined;
    const row = stageRow(pipeline, input, i + 1, now, existing);
    if (existing) {
      if (!sameStage(existing, row)) {
        await tx.update(stages).set(row).where(eq(stages.id, row.id));
        result.push(row);
      } else result.push(existing);
    } else {
      await tx.insert(stages).values(row);
      result.push(row);
    }
  }
  const renamed = result.filter((row) => {
    const before = currentById.get(row.id);
    return before !== undefined && before.name !== row.name;
  });
  await resyncStaged(
    tx,
    pipeline.tenantId,
    renamed.map((s) => s.id),
    now,
  );
  return result;
}

/**
 * Deals and leads show their stage's name, so the live ones in a renamed
 * stage move in the sync feeds (updated_at and sync number), or a mirror
 * kept by `since` / `cursor` would keep the old name. The change is the
 * pipeline's (pipeline.updated), so they get no events of their own.
 */
async function resyncStaged(tx: WriteTx, tenantId: string, stageIds: string[], now: Date) {
  if (stageIds.length === 0) return;
  for (const table of [deals, leads]) {
    const staged = and(
      eq(table.tenantId, tenantId),
      inArray(table.stageId, stageIds),
      isNull(table.deletedAt),
    );
    const [{ rows }] = await tx.select({ rows: count() }).from(table).where(staged);
    if (rows === 0) continue;
    // One statement however many rows: each takes the next number in its feed order.
    const first = await reserveSyncSeqs(tx, rows);
    const ranked = tx
      .select({
        id: table.id,
        rank: sql<number>`row_number() over (order by ${table.syncSeq})`.as("rank"),
      })
      .from(table)
      .where(staged)
      .as("ranked");
    await tx
      .update(table)
      .set({ updatedAt: now, syncSeq: sql`${first - 1} + ${ranked.rank}` })
      .from(ranked)
      .where(eq(table.id, ranked.id));
  }
}

function stageRow(
  pipeline: PipelineRow,
  input: StageInputBody,
  position: number,
  now: Date,
  existing?: StageRow,
): StageRow {
  return {
    id: existing?.id ?? newId(),
    tenantId: pipeline.tenantId,
    pipelineId: pipeline.id,
    name: input.name.trim(),
    position,
    kind: input.kind ?? existing?.kind ?? "open",
    probability:
      input.probability !== undefined ? input.probability : (existing?.probability ?? null),
    slaHours: input.sla_hours !== undefined ? input.sla_hours : (existing?.slaHours ?? null),
    slaWarningPct: input.sla_warning_pct ?? existing?.slaWarningPct ?? 80,
    warnBeforeMinutes:
      input.warn_before_minutes !== undefined
        ? input.warn_before_minutes
        : (existing?.warnBeforeMinutes ?? null),
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
}

const sameStage = (a: StageRow, b: StageRow): boolean =>
  a.name === b.name &&
  a.position === b.position &&
  a.kind === b.kind &&
  a.probability === b.probability &&
  a.slaHours === b.slaHours &&
  a.slaWarningPct === b.slaWarningPct &&
  a.warnBeforeMinutes === b.warnBeforeMinutes;
