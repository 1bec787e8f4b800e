import { and, eq, isNull } from "drizzle-orm";
import type { Database, ReadDb, WriteTx } from "../../db/client";
import { companies, contacts, deals, leads, tasks } from "../../db/schema";
import {
  type Actor,
  type AppContext,
  assertLinked,
  filterBy,
  hasChanges,
  iso,
  listPage,
  newId,
  nextSyncSeq,
  notFound,
  parseTags,
  parseTime,
  recordChange,
} from "../../src/core";
import type { CreateTaskInput, TaskListQueryInput, TaskView, UpdateTaskInput } from "./model";

type TaskRow = typeof tasks.$inferSelect;

/** The stored fields of a task as the API shows them (what activity diffs compare). */
const taskFields = (row: TaskRow) => ({
  id: row.id,
  title: row.title,
  description: row.description,
  status: row.status as TaskView["status"],
  priority: row.priority as TaskView["priority"],
  due_at: iso(row.dueAt),
  completed_at: iso(row.completedAt),
  owner: row.owner,
  deal_id: row.dealId,
  lead_id: row.leadId,
  contact_id: row.contactId,
  company_id: row.companyId,
  tags: row.tags,
  created_at: row.createdAt.toISOString(),
  updated_at: row.updatedAt.toISOString(),
  deleted_at: iso(row.deletedAt),
});

const isOverdue = (row: TaskRow, now: Date) =>
  row.status === "pending" && !row.deletedAt && row.dueAt !== null && row.dueAt < now;

/** The API view: stored fields plus `is_overdue`, computed against the clock. */
const taskView = (row: TaskRow, now: Date): TaskView => ({
  ...taskFields(row),
  is_overdue: isOverdue(row, now),
});

/** `column = value` when the filter is given. */
const timeIf = (value: string | undefined, path: string) =>
  value === undefined ? undefined : parseTime(value, path);

/** The list filters (the index test explains the same ones); overdue = pending and past due. */
export function taskFilters(query: TaskListQueryInput, now: Date, db: Database) {
  const overdue = query.status === "overdue";
  return [
    filterBy(tasks.status, "eq", overdue ? "pending" : query.status),
    overdue ? filterBy(tasks.dueAt, "lt", now) : undefined,
    filterBy(tasks.priority, "eq", query.priority),
    filterBy(tasks.owner, "eq", query.owner),
    filterBy(tasks.dealId, "eq", query.deal_id),
    filterBy(tasks.leadId, "eq", query.lead_id),
    filterBy(tasks.contactId, "eq", query.contact_id),
    filterBy(tasks.companyId, "eq", query.company_id),
    filterBy(tasks.dueAt, "lt", timeIf(query.due_before, "/due_before")),
    filterBy(tasks.dueAt, "gte", timeIf(query.due_after, "/due_after")),
    db.dialect.hasAllTags(tasks.tags, parseTags(query.tags)),
  ];
}

export async function listTasks(ctx: AppContext, tenantId: string, query: TaskListQueryInput) {
  const now = ctx.clock.now();
  return listPage({
    db: ctx.db,
    counts: ctx.counts,
    table: tasks,
    tenantId,
    filters: taskFilters(query, now, ctx.db),
    query,
    map: (row: TaskRow) => taskView(row, now),
  });
}

async function liveTask(db: ReadDb | WriteTx, tenantId: string, id: string) {
  const [row] = await (db as ReadDb)
    .select()
    .from(tasks)
    .where(and(eq(tasks.id, id), eq(tasks.tenantId, tenantId), isNull(tasks.deletedAt)));
  if (!row) throw notFound("Task");
  return row as TaskRow;
}

export async function getTask(ctx: AppContext, tenantId: string, id: string) {
  return taskView(await liveTask(ctx.db.read, tenantId, id), ctx.clock.now());
}

type Links = Pick<CreateTaskInput, "deal_id" | "lead_id" | "contact_id" | "company_id">;

/** Linked records must be live rows of the same tenant: 422 at the field otherwise. */
async function assertLinks(tx: WriteTx, tenantId: string, links: Links) {
  await assertLinked(tx, deals, tenantId, links.deal_id, "/deal_id");
  await assertLinked(tx, leads, tenantId, links.lead_id, "/lead_id");
  await assertLinked(tx, contacts, tenantId, links.contact_id, "/contact_id");
  await assertLinked(tx, companies, tenantId, links.company_id, "/company_id");
}

const dueAt = (value: string | null | undefined) =>
  value === null ? null : timeIf(value, "/due_at");

interface Change {
  tenantId: string;
  actor: Actor;
  action: string;
  before: TaskRow | null;
  after: TaskRow;
  events: string[];
}

/** Activity row and events of one task change, in the caller's transaction. */
async function record(tx: WriteTx, change: Change, now: Date) {
  const view = taskView(change.after, now);
  await recordChange(tx, {
    tenantId: change.tenantId,
    actor: change.actor,
    entityType: "task",
    entityId: change.after.id,
    action: change.action,
    before: change.before && taskFields(change.before),
    after: taskFields(change.after),
    at: now,
    events: change.events.map((type) => ({ type, data: view })),
  });
  return view;
}

export async function createTask(
  ctx: AppContext,
  tenantId: string,
  actor: Actor,
  input: CreateTaskInput,
) {
  const now = ctx.clock.now();
  return ctx.write(async (tx) => {
    await assertLinks(tx, tenantId, input);
    const [row] = await tx
      .insert(tasks)
      .values({
        id: newId(),
        tenantId,
        title: input.title,
        description: input.description ?? null,
        status: "pending",
        priority: input.priority ?? "medium",
        dueAt: dueAt(input.due_at) ?? null,
        owner: input.owner ?? null,
        dealId: input.deal_id ?? null,
        leadId: input.lead_id ?? null,
        contactId: input.contact_id ?? null,
        companyId: input.company_id ?? null,
        tags: [...new Set(input.tags ?? [])],
        createdAt: now,
        updatedAt: now,
        syncSeq: await nextSyncSeq(tx),
      })
      .returning();
    return record(
      tx,
      { tenantId, actor, action: "created", before: null, after: row, events: ["task.created"] },
      now,
    );
  });
}

/** Column changes for a PATCH; status moves set or clear completed_at. */
function patchColumns(input: UpdateTaskInput, before: TaskRow, now: Date) {
  const statusChange = input.status !== undefined && input.status !== before.status;
  return {
    title: input.title,
    description: input.description,
    priority: input.priority,
    status: input.status,
    dueAt: dueAt(input.due_at),
    owner: input.owner,
    dealId: input.deal_id,
    leadId: input.lead_id,
    contactId: input.contact_id,
    companyId: input.company_id,
    tags: input.tags && [...new Set(input.tags)],
    completedAt: statusChange ? (input.status === "completed" ? now : null) : undefined,
  };
}

/**
 * Partial update. A patch that changes nothing writes nothing (no event).
 * Setting status completed also emits task.completed; pending reopens.
 */
export async function updateTask(
  ctx: AppContext,
  tenantId: string,
  actor: Actor,
  id: string,
  input: UpdateTaskInput,
) {
  const now = ctx.clock.now();
  return ctx.write(async (tx) => {
    const before = await liveTask(tx, tenantId, id);
    await assertLinks(tx, tenantId, input);
    const columns = patchColumns(input, before, now);
    if (!hasChanges(before, columns)) return taskView(before, now);
    const [after] = await tx
      .update(tasks)
      .set({ ...columns, updatedAt: now, syncSeq: await nextSyncSeq(tx) })
      .where(eq(tasks.id, id))
      .returning();
    const completes = before.status !== "completed" && after.status === "completed";
    const events = completes ? ["task.updated", "task.completed"] : ["task.updated"];
    return record(tx, { tenantId, actor, action: "updated", before, after, events }, now);
  });
}

/** Completes a task. Idempotent: completing a completed task returns it unchanged, no event. */
export async function completeTask(ctx: AppContext, tenantId: string, actor: Actor, id: string) {
  const now = ctx.clock.now();
  return ctx.write(async (tx) => {
    const before = await liveTask(tx, tenantId, id);
    if (before.status === "completed") return taskView(before, now);
    const [after] = await tx
      .update(tasks)
      .set({
        status: "completed",
        completedAt: now,
        updatedAt: now,
        syncSeq: await nextSyncSeq(tx),
      })
      .where(eq(tasks.id, id))
      .returning();
    return record(
      tx,
      { tenantId, actor, action: "completed", before, after, events: ["task.completed"] },
      now,
    );
  });
}

/** Soft delete: the tombstone stays for sync feeds; later reads answer 404. */
export async function deleteTask(ctx: AppContext, tenantId: string, actor: Actor, id: string) {
  const now = ctx.clock.now();
  return ctx.write(async (tx) => {
    const before = await liveTask(tx, tenantId, id);
    const [after] = await tx
      .update(tasks)
      .set({ deletedAt: now, updatedAt: now, syncSeq: await nextSyncSeq(tx) })
      .where(eq(tasks.id, id))
      .returning();
    return record(
      tx,
      { tenantId, actor, action: "deleted", before, after, events: ["task.deleted"] },
      now,
    );
  });
}
