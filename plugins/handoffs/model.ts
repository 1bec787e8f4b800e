import { t } from "elysia";
import { changedThrough, pageQuery, RequiredText } from "../../src/core";
import { Deal } from "../deals";
import { Lead } from "../leads";

const HandoffStatusSchema = t.Union(
  [t.Literal("pending"), t.Literal("completed"), t.Literal("cancelled")],
  { description: "pending until completed (applied) or cancelled" },
);
const EntityTypeSchema = t.Union([t.Literal("deal"), t.Literal("lead")]);

const time = t.String({ format: "date-time" });
const nullableString = t.Nullable(t.String());

/** A handoff as the activity log records it. */
export const HandoffRecord = t.Object({
  id: t.String(),
  entity_type: EntityTypeSchema,
  entity_id: t.String(),
  from_owner: nullableString,
  to_owner: nullableString,
  from_pipeline_id: nullableString,
  to_pipeline_id: nullableString,
  to_stage_id: nullableString,
  status: HandoffStatusSchema,
  reason: nullableString,
  completed_at: t.Nullable(time),
  created_at: time,
  updated_at: time,
  deleted_at: t.Nullable(time),
});

/** A handoff as the API and its events show it: with the deal or lead it hands off. */
export const Handoff = t.Object({
  ...HandoffRecord.properties,
  entity: t.Nullable(t.Union([Deal, Lead]), {
    description:
      "The deal or lead as it is now; null once deleted. Handoffs show only to keys that read their type (deals:read, leads:read)",
  }),
});

/** What settling a handoff sets: a body starting one that names it is told how. */
const settled = "is set with POST /handoffs/{id}/complete or POST /handoffs/{id}/cancel";

export const InitiateHandoff = changedThrough(
  t.Object({
    to_owner: RequiredText({ maxLength: 200 }),
    to_pipeline_id: t.Optional(
      t.String({
        description:
          "Pipeline to move the record to on completion (sales for deals, qualification for leads)",
      }),
    ),
    to_stage_id: t.Optional(
      t.String({
        description: "Stage to move it to; default: the target pipeline's first open stage",
      }),
    ),
    reason: t.Optional(t.String({ maxLength: 2000 })),
  }),
  { status: `${settled} (a handoff starts pending)`, completed_at: settled },
);

export const HandoffsQuery = t.Object({
  ...pageQuery,
  status: t.Optional(HandoffStatusSchema),
  entity_type: t.Optional(EntityTypeSchema),
  entity_id: t.Optional(t.String()),
});

export type HandoffRecordView = typeof HandoffRecord.static;
export type HandoffView = typeof Handoff.static;
export type HandoffEntityType = typeof EntityTypeSchema.static;
export type InitiateHandoffBody = typeof InitiateHandoff.static;
export type HandoffsQueryParams = typeof HandoffsQuery.static;
