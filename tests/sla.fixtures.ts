/**
 * Rows for scheduler tests, written straight into the tables (the domain
 * plugins' APIs live on other branches).
 */
import { eq } from "drizzle-orm";
import { deals, leads, pipelines, stages, tasks } from "../db/schema";
import type { AppContext } from "../src/core";
import { newId } from "../src/ids";
import { outboxOf } from "./helpers/records";
import { insertSynced, updateSynced } from "./helpers/rows";

const H = 3_600_000;
export const hours = (n: number) => n * H;
export const minutes = (n: number) => n * 60_000;

export function insertPipeline(
  ctx: AppContext,
  tenantId: string,
  fields: { pipelineType?: string; firstResponseHours?: number | null } = {},
) {
  const id = newId();
  const pipeline = {
    id,
    tenantId,
    name: `pipeline ${id.slice(-6)}`,
    pipelineType: fields.pipelineType ?? "sales",
    firstResponseHours: fields.firstResponseHours ?? null,
  };
  return insertSynced(ctx, pipelines, pipeline, ctx.clock.now());
}

export async function insertStage(
  ctx: AppContext,
  tenantId: string,
  pipelineId: string,
  fields: {
    name?: string;
    slaHours?: number | null;
    slaWarningPct?: number;
    warnBeforeMinutes?: number | null;
    kind?: string;
  } = {},
) {
  const id = newId();
  const now = ctx.clock.now();
  await ctx.write((tx) =>
    tx.insert(stages).values({
      id,
      tenantId,
      pipelineId,
      name: fields.name ?? `stage ${id.slice(-6)}`,
      position: 1,
      kind: fields.kind ?? "open",
      slaHours: fields.slaHours ?? null,
      slaWarningPct: fields.slaWarningPct ?? 80,
      warnBeforeMinutes: fields.warnBeforeMinutes ?? null,
      createdAt: now,
      updatedAt: now,
    }),
  );
  return id;
}

export async function updateStage(
  ctx: AppContext,
  stageId: string,
  fields: Partial<typeof stages.$inferInsert>,
) {
  await ctx.write((tx) =>
    tx
      .update(stages)
      .set({ ...fields, updatedAt: ctx.clock.now() })
      .where(eq(stages.id, stageId)),
  );
}

export function insertDeal(
  ctx: AppContext,
  tenantId: string,
  pipelineId: string,
  stageId: string,
  fields: Partial<typeof deals.$inferInsert> = {},
) {
  const id = newId();
  const now = ctx.clock.now();
  const deal = { id, tenantId, title: `deal ${id.slice(-6)}`, status: "open", pipelineId, stageId };
  return insertSynced(ctx, deals, { ...deal, stageEnteredAt: now, ...fields }, now);
}

/** What the deals plugin does on a move: new stage, new clock. */
export const moveDeal = (ctx: AppContext, dealId: string, stageId: string) =>
  updateSynced(ctx, deals, dealId, { stageId, stageEnteredAt: ctx.clock.now() }, ctx.clock.now());

export const updateDeal = (
  ctx: AppContext,
  dealId: string,
  fields: Partial<typeof deals.$inferInsert>,
) => updateSynced(ctx, deals, dealId, fields, ctx.clock.now());

export function insertLead(
  ctx: AppContext,
  tenantId: string,
  fields: Partial<typeof leads.$inferInsert> = {},
) {
  const id = newId();
  const now = ctx.clock.now();
  const lead = { id, tenantId, name: `lead ${id.slice(-6)}`, status: "new" };
  return insertSynced(
    ctx,
    leads,
    { ...lead, stageEnteredAt: fields.stageId ? now : null, ...fields },
    now,
  );
}

export const updateLead = (
  ctx: AppContext,
  leadId: string,
  fields: Partial<typeof leads.$inferInsert>,
) => updateSynced(ctx, leads, leadId, fields, ctx.clock.now());

export function insertTask(
  ctx: AppContext,
  tenantId: string,
  fields: Partial<typeof tasks.$inferInsert> = {},
) {
  const id = newId();
  const task = { id, tenantId, title: `task ${id.slice(-6)}`, status: "pending", ...fields };
  return insertSynced(ctx, tasks, task, ctx.clock.now());
}

export const updateTask = (
  ctx: AppContext,
  taskId: string,
  fields: Partial<typeof tasks.$inferInsert>,
) => updateSynced(ctx, tasks, taskId, fields, ctx.clock.now());

/** `type` events about `entityId`, as [event_type, metadata.due_at] pairs (compact assertions). */
export async function timeline(ctx: AppContext, entityId: string) {
  const events = await outboxOf(ctx.db, { entityId });
  return events
    .filter((e) => e.event_type.startsWith("sla.") || e.event_type === "task.overdue")
    .map((e) => [
      e.event_type,
      e.event_type === "sla.warning" ? e.metadata.warning_at : e.metadata.due_at,
    ]);
}

/** Runs both scheduled checks as one tick would. */
export async function tick(ctx: AppContext) {
  const results = [await ctx.scheduler.runNow("sla"), await ctx.scheduler.runNow("task_overdue")];
  for (const result of results)
    if (result.outcome !== "ok") throw new Error(`tick failed: ${JSON.stringify(result)}`);
}
