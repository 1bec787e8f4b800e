import { t } from "elysia";
import { listResponse, pageQuery } from "../../src/core";

export const Activity = t.Object({
  id: t.String({ format: "uuid" }),
  entity_type: t.String({ description: "deal, lead, task, partner, …" }),
  entity_id: t.String(),
  action: t.String({ description: "created, updated, deleted, completed, stage_changed, …" }),
  actor: t.Object({
    type: t.Union([t.Literal("api_key"), t.Literal("admin"), t.Literal("system")]),
    id: t.Nullable(t.String({ description: "The API key's id" })),
    name: t.Nullable(t.String()),
  }),
  changes: t.Record(t.String(), t.Object({ old: t.Unknown(), new: t.Unknown() }), {
    description: "Field-level changes of the entity's API view: {field: {old, new}}",
  }),
  created_at: t.String({ format: "date-time" }),
});

export const ActivityList = listResponse("activity", Activity);

export const ActivityListQuery = t.Object({
  ...pageQuery,
  entity_type: t.Optional(
    t.String({ description: "deal, lead, task, partner, …; an unknown type is a 422" }),
  ),
  entity_id: t.Optional(t.String()),
  action: t.Optional(t.String()),
});

export type ActivityView = typeof Activity.static;
export type ActivityListQueryInput = typeof ActivityListQuery.static;
