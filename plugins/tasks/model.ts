import { t } from "elysia";
import {
  AssociatedWith,
  CUSTOM_FILTER_QUERY,
  CustomFields,
  changedThrough,
  linkedListResponse,
  pageQuery,
  RecordQuery,
  RequiredText,
} from "../../src/core";

const Status = t.Union([t.Literal("pending"), t.Literal("completed")]);
const Priority = t.Union([
  t.Literal("low"),
  t.Literal("medium"),
  t.Literal("high"),
  t.Literal("urgent"),
]);
const Time = t.String({ format: "date-time" });
const Id = (what: string) => t.Nullable(t.String({ description: `Linked ${what} id` }));

export const Task = t.Object({
  id: t.String({ format: "uuid" }),
  title: t.String(),
  description: t.Nullable(t.String()),
  status: Status,
  priority: Priority,
  due_at: t.Nullable(Time),
  completed_at: t.Nullable(Time),
  is_overdue: t.Boolean({ description: "Pending and past its due time, now" }),
  owner: t.Nullable(t.String()),
  deal_id: Id("deal"),
  lead_id: Id("lead"),
  contact_id: Id("contact"),
  company_id: Id("company"),
  tags: t.Array(t.String()),
  custom_fields: CustomFields,
  created_at: Time,
  updated_at: Time,
  deleted_at: t.Nullable(Time),
});

export const TaskList = linkedListResponse("tasks", Task);

const linkFields = {
  owner: t.Optional(t.Nullable(t.String({ maxLength: 200 }))),
  deal_id: t.Optional(t.Nullable(t.String())),
  lead_id: t.Optional(t.Nullable(t.String())),
  contact_id: t.Optional(t.Nullable(t.String())),
  company_id: t.Optional(t.Nullable(t.String())),
};

const Tags = t.Array(t.String({ minLength: 1, maxLength: 100 }), { maxItems: 50 });

/** A task is created pending: its completion is changed afterwards, so a create body naming it is told how. */
const completedLater = "with POST /tasks/{id}/complete, or status completed in PATCH /tasks/{id}";

export const CreateTask = changedThrough(
  t.Object({
    title: RequiredText({ maxLength: 500 }),
    description: t.Optional(t.Nullable(t.String({ maxLength: 10_000 }))),
    priority: t.Optional(Priority),
    due_at: t.Optional(t.Nullable(t.String({ description: "ISO 8601 timestamp" }))),
    tags: t.Optional(Tags),
    custom_fields: t.Optional(CustomFields),
    ...linkFields,
  }),
  {
    status: `is changed once the task exists (it starts pending): ${completedLater}`,
    completed_at: `is set ${completedLater}`,
  },
);

/** Fields the task's actions set: a body naming one is told which. */
const actions = {
  completed_at: "is set with POST /tasks/{id}/complete, or status completed here",
};

export const UpdateTask = changedThrough(
  t.Object({
    title: t.Optional(RequiredText({ maxLength: 500 })),
    description: t.Optional(t.Nullable(t.String({ maxLength: 10_000 }))),
    priority: t.Optional(Priority),
    status: t.Optional(Status),
    due_at: t.Optional(t.Nullable(t.String({ description: "ISO 8601 timestamp" }))),
    tags: t.Optional(Tags),
    custom_fields: t.Optional(CustomFields),
    ...linkFields,
  }),
  actions,
);

/** PUT (seed 000): the whole task; fields left out are emptied (priority medium, status pending). */
export const ReplaceTask = changedThrough(
  t.Object({
    ...UpdateTask.properties,
    title: CreateTask.properties.title,
  }),
  actions,
);

export const TaskListQuery = t.Object(
  {
    ...pageQuery,
    ...RecordQuery.properties,
    status: t.Optional(
      t.Union([t.Literal("pending"), t.Literal("completed"), t.Literal("overdue")], {
        description: "pending, completed, or overdue (pending and past due)",
      }),
    ),
    priority: t.Optional(Priority),
    owner: t.Optional(t.String()),
    deal_id: t.Optional(t.String()),
    lead_id: t.Optional(t.String()),
    contact_id: t.Optional(t.String()),
    company_id: t.Optional(t.String()),
    due_before: t.Optional(t.String({ description: "ISO 8601: due strictly before this time" })),
    due_after: t.Optional(t.String({ description: "ISO 8601: due at or after this time" })),
    tags: t.Optional(t.String({ description: "Comma-separated: tasks carrying every one" })),
    associated_with: AssociatedWith,
  },
  CUSTOM_FILTER_QUERY,
);

export type TaskView = typeof Task.static;
export type CreateTaskInput = typeof CreateTask.static;
export type UpdateTaskInput = typeof UpdateTask.static;
export type TaskListQueryInput = typeof TaskListQuery.static;
