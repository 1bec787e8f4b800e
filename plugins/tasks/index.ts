import { Elysia } from "elysia";
import { tasks } from "../../db/schema";
import {
  type AppContext,
  asReplacement,
  authMacros,
  errorResponses,
  IdParams,
  includeAssociations,
  listWithLinks,
  RecordQuery,
  registerCustomFieldObject,
  registerVersionedRecords,
  withAssociations,
  writeScope,
} from "../../src/core";
import { CreateTask, ReplaceTask, Task, TaskList, TaskListQuery, UpdateTask } from "./model";
import { completeTask, createTask, deleteTask, getTask, listTasks, updateTask } from "./service";

export { resyncTasks, type TaskRow, taskView } from "./service";

/** PATCH, PUT, DELETE and actions on `/tasks/:id` honour If-Match on its version. */
registerVersionedRecords("/tasks/:id", tasks);

const tags = ["tasks"];

registerCustomFieldObject({ name: "tasks", table: tasks });

/** Tasks: seed 001's GET /tasks plus CRUD and POST /tasks/{id}/complete. */
export const tasksPlugin = (ctx: AppContext) =>
  new Elysia({ name: "crmd.tasks" })
    .use(authMacros)
    .get(
      "/tasks",
      async ({ query, tenantId, request, scopes }) => {
        return listWithLinks(ctx.db.read, tenantId, scopes, "tasks", query, () =>
          listTasks(ctx, tenantId, query, request.url),
        );
      },
      {
        scope: "tasks:read",
        query: TaskListQuery,
        response: { 200: TaskList, ...errorResponses },
        detail: {
          summary: "List tasks (seed 001 filters, plus links, due range, tags; cursor sync)",
          description:
            "`status=overdue` lists pending tasks whose due time has passed (each row's `is_overdue` says the same, computed at the time of the answer). With `since` or `cursor`: a change feed, oldest change first, tombstones included.",
          tags,
        },
      },
    )
    .post(
      "/tasks",
      async ({ body, tenantId, actor, set }) => {
        set.status = 201;
        return createTask(ctx, writeScope(ctx, tenantId, actor), body);
      },
      {
        scope: "tasks:write",
        body: CreateTask,
        response: { 201: Task, ...errorResponses },
        detail: { summary: "Create a task (emits task.created)", tags },
      },
    )
    .get(
      "/tasks/:id",
      async ({ params, query, tenantId, scopes }) =>
        includeAssociations(
          ctx.db.read,
          tenantId,
          scopes,
          "tasks",
          await getTask(ctx, tenantId, params.id),
          query.include,
        ),
      {
        scope: "tasks:read",
        params: IdParams,
        query: RecordQuery,
        response: { 200: withAssociations(Task), ...errorResponses },
        detail: { summary: "Get a task", tags },
      },
    )
    .patch(
      "/tasks/:id",
      ({ params, body, tenantId, actor }) =>
        updateTask(ctx, writeScope(ctx, tenantId, actor), params.id, body),
      {
        scope: "tasks:write",
        params: IdParams,
        body: UpdateTask,
        response: { 200: Task, ...errorResponses },
        detail: {
          summary:
            "Update a task (emits task.updated; also task.completed when status becomes completed)",
          tags,
        },
      },
    )
    .put(
      "/tasks/:id",
      ({ params, body, tenantId, actor }) => {
        const input = asReplacement(ReplaceTask, body, { priority: "medium", status: "pending" });
        return updateTask(ctx, writeScope(ctx, tenantId, actor), params.id, input, true);
      },
      {
        scope: "tasks:write",
        params: IdParams,
        body: ReplaceTask,
        response: { 200: Task, ...errorResponses },
        detail: {
          summary: "Replace a task (seed 000's PUT: fields left out are emptied)",
          tags,
        },
      },
    )
    .delete(
      "/tasks/:id",
      ({ params, tenantId, actor }) => deleteTask(ctx, writeScope(ctx, tenantId, actor), params.id),
      {
        scope: "tasks:write",
        params: IdParams,
        response: { 200: Task, ...errorResponses },
        detail: {
          summary: "Delete a task (soft: sync feeds show the tombstone; emits task.deleted)",
          tags,
        },
      },
    )
    .post(
      "/tasks/:id/complete",
      ({ params, tenantId, actor }) =>
        completeTask(ctx, writeScope(ctx, tenantId, actor), params.id),
      {
        scope: "tasks:write",
        params: IdParams,
        response: { 200: Task, ...errorResponses },
        detail: {
          summary: "Complete a task (emits task.completed)",
          description:
            "Idempotent: completing a completed task returns it unchanged, keeps the first completed_at and emits nothing.",
          tags,
        },
      },
    );
