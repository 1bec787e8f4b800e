import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Database, ReadDb, WriteTx } from "../../db/client";
import { companies, contacts, deals, leads, tasks } from "../../db/schema";
import {
  type AppContext,
  assertLinks,
  associatedWith,
  changedFields,
  cleanTags,
  customFieldFilters,
  eqIf,
  filterBy,
  findLive,
  hasChanges,
  iso,
  lifecycleFields,
  listPage,
  newId,
  nextSyncSeq,
  parseTags,
  parseTime,
  recordEntityChange,
  reserveSyncSeqs,
  softDelete,
  unlinkAll,
  versioned,
  type WriteScope,
  writeCustomFields,
} from "../../src/core";
import type { CreateTaskInput, TaskListQueryInput, TaskView, UpdateTaskInput } from "./model";

export type TaskRow = typeof tasks.$inferSelect;

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
  custom_fields: row.customFields,
  ...lifecycleFields(row),
});

const isOverdue = (row: TaskRow, now: Date) =>
  row.status === "pending" && !row.deletedAt && row.dueAt !== null && row.dueAt < now;

/** The API view: stored fields plus `is_overdue`, computed against the clock. */
export const taskView = (row: TaskRow, now: Date): TaskView =>
  versioned(row, {
    ...taskFields(row),
    is_overdue: isOverdue(row, now),
  });

/**
 * Moves tasks in the sync feeds (updated_at = `now`, next sync numbers, in
 * their previous feed order) without changing a stored field: `is_overdue`
 * turns true when the due time passes, and the scheduler calls this in the
 * transaction of its `task.overdue`, so a poller following `since` or
 * `cursor` sees the task again. Returns the rows as now stored.
 */
export async function resyncTasks(tx: WriteTx, ids: string[], now: Date): Promise<TaskRow[]> {
  if (ids.length === 0) return [];
  const first = await reserveSyncSeqs(tx, ids.length);
  const ranked = tx
    .select({
      id: tasks.id,
      rank: sql<number>`row_number() over (order by ${tasks.syncSeq})`.as("rank"),
    })
    .from(tasks)
    .where(inArray(tasks.id, ids))
    .as("ranked");
  await tx
    .update(tasks)
    .set({ updatedAt: now, syncSeq: sql`${first - 1} + ${ranked.rank}` })
    .from(ranked)
    .where(eq(tasks.id, ranked.id));
  return tx.select().from(tasks).where(inArray(tasks.id, ids)).orderBy(asc(tasks.syncSeq));
}

const timeIf = (value: string | undefined, path: string) =>
  value === undefined ? undefined : parseTime(value, path);

/** The list filters (the index test explains the same ones); overdue = pending and past due. */
export function taskFilters(query: TaskListQueryInput, now: Date, db: Database) {
  const overdue = query.status === "overdue";
  return [
    eqIf(tasks.status, overdue ? "pending" : query.status),
    overdue ? filterBy(tasks.dueAt, "lt", now) : undefined,
    eqIf(tasks.priority, query.priority),
    eqIf(tasks.owner, query.owner),
    eqIf(tasks.dealId, query.deal_id),
    eqIf(tasks.leadId, query.lead_id),
    eqIf(tasks.contactId, query.contact_id),
    eqIf(tasks.companyId, query.company_id),
    filterBy(tasks.dueAt, "lt", timeIf(query.due_before, "/due_before")),
    filterBy(tasks.dueAt, "gte", timeIf(query.due_after, "/due_after")),
    db.dialect.hasAllTags(tasks.tags, parseTags(query.tags)),
  ];
}

export async function listTasks(
  ctx: AppContext,
  tenantId: string,
  query: TaskListQueryInput,
  url = "",
) {
  const now = ctx.clock.now();
  const custom = await customFieldFilters(ctx.db.read, tenantId, "tasks", tasks.id, url);
  return listPage({
    db: ctx.db,
    cache: ctx.cache,
    table: tasks,
    tenantId,
    filters: [
      ...taskFilters(query, now, ctx.db),
      associatedWith(tenantId, "tasks", tasks.id, query.associated_with),
      ...custom,
    ],
    query,
    map: (row: TaskRow) => taskView(row, now),
  });
}

const liveTask = (db: ReadDb | WriteTx, tenantId: string, id: string): Promise<TaskRow> =>
  findLive(db, tasks, tenantId, id, "Task");

export async function getTask(ctx: AppContext, tenantId: string, id: string) {
  return taskView(await liveTask(ctx.db.read, tenantId, id), ctx.clock.now());
}

/**
 * The records a task may link to: each new id must be a live record of the
 * tenant; an update may send back a link it keeps after its record was deleted.
 */
const LINKS = { deal_id: deals, lead_id: leads, contact_id: contacts, company_id: companies };

const dueAt = (value: string | null | undefined) =>
  value === null ? null : timeIf(value, "/due_at");

interface Change {
  action: string;
  before: TaskRow | null;
  after: TaskRow;
  events: string[];
}

/**
 * Activity row (stored fields) and events (the API view; task.updated with
 * `changed_fields`), in the caller's transaction.
 */
async function record(tx: WriteTx, scope: WriteScope, change: Change) {
  const view = taskView(change.after, scope.now);
  const before = change.before && taskFields(change.before);
  const after = taskFields(change.after);
  const metadataOf = (type: string) =>
    type === "task.updated" && before ? { changed_fields: changedFields(before, after) } : {};
  await recordEntityChange(
    tx,
    scope,
    { entityType: "task", action: change.action, before, after },
    change.events.map((type) => ({ type, data: view, metadata: metadataOf(type) })),
  );
  return view;
}

export async function createTask(ctx: AppContext, scope: WriteScope, input: CreateTaskInput) {
  return ctx.write(async (tx) => {
    const { tenantId, now } = scope;
    await assertLinks(tx, tenantId, input, LINKS);
    const id = newId();
    const customFields = await writeCustomFields(tx, scope, {
      object: "tasks",
      recordId: id,
      before: null,
      input: input.custom_fields,
    });
    const [row] = await tx
      .insert(tasks)
      .values({
        id,
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
        tags: cleanTags(input.tags ?? []),
        customFields,
        createdAt: now,
        updatedAt: now,
        syncSeq: await nextSyncSeq(tx),
      })
      .returning();
    return record(tx, scope, {
      action: "created",
      before: null,
      after: row,
      events: ["task.created"],
    });
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
    tags: input.tags && cleanTags(input.tags),
    completedAt: statusChange ? (input.status === "completed" ? now : null) : undefined,
  };
}

/** Writes `columns` (updated_at, sync_seq added) and returns the new row. */
async function saveColumns(tx: WriteTx, scope: WriteScope, id: string, columns: Partial<TaskRow>) {
  const [after] = await tx
    .update(tasks)
    .set({ ...columns, updatedAt: scope.now, syncSeq: await nextSyncSeq(tx) })
    .where(eq(tasks.id, id))
    .returning();
  return after;
}

/**
 * Partial update (or, with `replace`, a PUT's: custom_fields replaced too).
 * A patch that changes nothing writes nothing (no event). Setting status
 * completed also emits task.completed; pending reopens.
 */
export async function updateTask(
  ctx: AppContext,
  scope: WriteScope,
  id: string,
  input: UpdateTaskInput,
  replace = false,
) {
  return ctx.write(async (tx) => {
    const before = await liveTask(tx, scope.tenantId, id);
    await assertLinks(tx, scope.tenantId, input, LINKS, {
      deal_id: before.dealId,
      lead_id: before.leadId,
      contact_id: before.contactId,
      company_id: before.companyId,
    });
    const columns = {
      ...patchColumns(input, before, scope.now),
      customFields: await writeCustomFields(tx, scope, {
        object: "tasks",
        recordId: id,
        before: before.customFields,
        input: input.custom_fields,
        replace,
      }),
    };
    if (!hasChanges(before, columns)) return taskView(before, scope.now);
    const after = await saveColumns(tx, scope, id, columns);
    const completes = before.status !== "completed" && after.status === "completed";
    const events = completes ? ["task.updated", "task.completed"] : ["task.updated"];
    return record(tx, scope, { action: "updated", before, after, events });
  });
}

/** Completes a task. Idempotent: completing a completed task returns it unchanged, no event. */
export async function completeTask(ctx: AppContext, scope: WriteScope, id: string) {
  return ctx.write(async (tx) => {
    const before = await liveTask(tx, scope.tenantId, id);
    if (before.status === "completed") return taskView(before, scope.now);
    const columns = { status: "completed", completedAt: scope.now };
    const after = await saveColumns(tx, scope, id, columns);
    return record(tx, scope, { action: "completed", before, after, events: ["task.completed"] });
  });
}

/** Soft delete: the tombstone stays for sync feeds; later reads answer 404. */
export async function deleteTask(ctx: AppContext, scope: WriteScope, id: string) {
  return ctx.write(async (tx) => {
    const row = await liveTask(tx, scope.tenantId, id);
    const data = (r: TaskRow) => taskView(r, scope.now);
    const deleted = { table: tasks, row, entityType: "task", view: taskFields, data };
    const result = (await softDelete(tx, scope, deleted)).data;
    await unlinkAll(tx, scope, { object: "tasks", id });
    return result;
  });
}
