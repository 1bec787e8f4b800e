/**
 * Rows for scheduler tests, written straight into the tables (the domain
 * plugins' APIs live on other branches), and readers for the outbox.
 */
import { asc, eq } from "drizzle-orm";
import { deals, leads, outboxEvents, pipelines, stages, tasks } from "../db/schema";
import type { AppContext } from "../src/core";
import { nextSyncSeq } from "../src/events";
import { newId } from "../src/ids";

const H = 3_600_000;
export const hours = (n: number) => n * H;
export const minutes = (n: number) => n * 60_000;

export async function insertPipeline(
  ctx: AppContext,
  tenantId: string,
  fields: { pipelineType?: string; firstResponseHours?: number | null } = {},
) {
  const id = newId();
  const now = ctx.clock.now();
  await ctx.write(async (tx) =>
    tx.insert(pipelines).values({
      id,
      tenantId,
      name: `pipeline ${id.slice(-6)}`,
      pipelineType: fields.pipelineType ?? "sales",
      firstResponseHours: fields.firstResponseHours ?? null,
      createdAt: now,
      updatedAt: now,
      syncSeq: await nextSyncSeq(tx),
    }),
  );
  return id;
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

export async function insertDeal(
  ctx: AppContext,
  tenantId: string,
  pipelineId: string,
  stageId: string,
  fields: Partial<typeof deals.$inferInsert> = {},
) {
  const id = newId();
  const now = ctx.clock.now();
  await ctx.write(async (tx) =>
    tx.insert(deals).values({
      id,
      tenantId,
      title: `deal ${id.slice(-6)}`,
      status: "open",
      pipelineId,
      stageId,
      stageEnteredAt: now,
      createdAt: now,
      updatedAt: now,
      syncSeq: await nextSyncSeq(tx),
      ...fields,
    }),
  );
  return id;
}

/** What the deals plugin does on a move: new stage, new clock. */
export async function moveDeal(ctx: AppContext, dealId: string, stageId: string) {
  const now = ctx.clock.now();
  await ctx.write(async (tx) =>
    tx
      .update(deals)
      .set({ stageId, stageEnteredAt: now, updatedAt: now, syncSeq: await nextSyncSeq(tx) })
      .where(eq(deals.id, dealId)),
  );
}

export async function updateDeal(
  ctx: AppContext,
  dealId: string,
  fields: Partial<typeof deals.$inferInsert>,
) {
  const now = ctx.clock.now();
  await ctx.write(async (tx) =>
    tx
      .update(deals)
      .set({ ...fields, updatedAt: now, syncSeq: await nextSyncSeq(tx) })
      .where(eq(deals.id, dealId)),
  );
}

export async function insertLead(
  ctx: AppContext,
  tenantId: string,
  fields: Partial<typeof leads.$inferInsert> = {},
) {
  const id = newId();
  const now = ctx.clock.now();
  await ctx.write(async (tx) =>
    tx.insert(leads).values({
      id,
      tenantId,
      name: `lead ${id.slice(-6)}`,
      status: "new",
      stageEnteredAt: fields.stageId ? now : null,
      createdAt: now,
      updatedAt: now,
      syncSeq: await nextSyncSeq(tx),
      ...fields,
    }),
  );
  return id;
}

export async function updateLead(
  ctx: AppContext,
  leadId: string,
  fields: Partial<typeof leads.$inferInsert>,
) {
  const now = ctx.clock.now();
  await ctx.write(async (tx) =>
    tx
      .update(leads)
      .set({ ...fields, updatedAt: now, syncSeq: await nextSyncSeq(tx) })
      .where(eq(leads.id, leadId)),
  );
}

export async function insertTask(
  ctx: AppContext,
  tenantId: string,
  fields: Partial<typeof tasks.$inferInsert> = {},
) {
  const id = newId();
  const now = ctx.clock.now();
  await ctx.write(async (tx) =>
    tx.insert(tasks).values({
      id,
      tenantId,
      title: `task ${id.slice(-6)}`,
      status: "pending",
      createdAt: now,
      updatedAt: now,
      syncSeq: await nextSyncSeq(tx),
      ...fields,
    }),
  );
  return id;
}

export async function updateTask(
  ctx: AppContext,
  taskId: string,
  fields: Partial<typeof tasks.$inferInsert>,
) {
  const now = ctx.clock.now();
  await ctx.write(async (tx) =>
    tx
      .update(tasks)
      .set({ ...fields, updatedAt: now, syncSeq: await nextSyncSeq(tx) })
      .where(eq(tasks.id, taskId)),
  );
}

export interface StoredEvent {
  id: string;
  event_type: string;
  timestamp: string;
  tenant_id: string;
  data: Record<string, any>;
  metadata: Record<string, any>;
}

/** Outbox events in commit order, optionally of one type or about one entity. */
export async function outbox(
  ctx: AppContext,
  filter: { type?: string; entityId?: string } = {},
): Promise<StoredEvent[]> {
  const rows = await ctx.db.read.select().from(outboxEvents).orderBy(asc(outboxEvents.seq));
  return rows
    .filter((r) => (filter.type ? r.eventType === filter.type : true))
    .filter((r) => (filter.entityId ? r.entityId === filter.entityId : true))
    .map((r) => JSON.parse(r.body));
}

/** `type` events about `entityId`, as [event_type, metadata.due_at] pairs (compact assertions). */
export async function timeline(ctx: AppContext, entityId: string) {
  const events = await outbox(ctx, { entityId });
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
