import { t } from "elysia";
import { JsonInteger, RequiredText, StoredInteger } from "../../src/core";

export const PipelineTypeSchema = t.Union([t.Literal("qualification"), t.Literal("sales")], {
  description: "qualification (leads) or sales (deals)",
});
const StageKindSchema = t.Union([t.Literal("open"), t.Literal("won"), t.Literal("lost")], {
  description: "open, or the terminal won / lost",
});

/** A stage's SLA policy and shape, as written by clients. */
const stageFields = {
  name: RequiredText({ maxLength: 100 }),
  kind: t.Optional(StageKindSchema),
  probability: t.Optional(t.Nullable(JsonInteger({ minimum: 0, maximum: 100 }))),
  sla_hours: t.Optional(
    t.Nullable(t.Number({ exclusiveMinimum: 0, description: "SLA: max time in stage, hours" })),
  ),
  sla_warning_pct: t.Optional(
    JsonInteger({
      minimum: 1,
      maximum: 99,
      description: "sla.warning at this % of sla_hours (default 80)",
    }),
  ),
  warn_before_minutes: t.Optional(
    t.Nullable(
      StoredInteger({
        minimum: 1,
        description: "Alternative warning point: minutes before the SLA target",
      }),
    ),
  ),
};

export const StageInput = t.Object({
  id: t.Optional(
    t.String({ description: "PATCH /pipelines/{id}: an existing stage's id keeps that stage" }),
  ),
  ...stageFields,
});

export const CreateStage = t.Object({
  ...stageFields,
  position: t.Optional(
    StoredInteger({ minimum: 1, description: "1-based position; default: after the last stage" }),
  ),
});

export const UpdateStage = t.Partial(CreateStage);

const pipelineFields = {
  name: RequiredText({ maxLength: 100 }),
  is_default: t.Optional(
    t.Boolean({
      description:
        "The default pipeline of its type (deals and leads land there without pipeline_id). Default: true when the tenant has no default of that type yet",
    }),
  ),
  first_response_hours: t.Optional(
    t.Nullable(
      t.Number({
        exclusiveMinimum: 0,
        description: "Leads: SLA from creation to first response (status contacted or later)",
      }),
    ),
  ),
};

export const CreatePipeline = t.Object(
  {
    ...pipelineFields,
    pipeline_type: PipelineTypeSchema,
    stages: t.Array(StageInput, { maxItems: 100, description: "Ordered stages" }),
  },
  {
    examples: [
      {
        name: "Inbound",
        pipeline_type: "sales",
        stages: [
          { name: "New", sla_hours: 24 },
          { name: "Proposal", sla_hours: 72 },
          { name: "Won", kind: "won" },
          { name: "Lost", kind: "lost" },
        ],
      },
    ],
  },
);

export const UpdatePipeline = t.Object({
  name: t.Optional(pipelineFields.name),
  is_default: pipelineFields.is_default,
  first_response_hours: pipelineFields.first_response_hours,
  stages: t.Optional(
    t.Array(StageInput, {
      maxItems: 100,
      description:
        "Replaces the stage list in this order: items with an id keep that stage, items without one are new, stages left out are removed (409 while deals or leads are in them)",
    }),
  ),
});

const time = t.String({ format: "date-time" });
const nullableTime = t.Nullable(time);

export const Stage = t.Object({
  id: t.String(),
  pipeline_id: t.String(),
  name: t.String(),
  position: JsonInteger(),
  kind: StageKindSchema,
  probability: t.Nullable(JsonInteger()),
  sla_hours: t.Nullable(t.Number()),
  sla_warning_pct: JsonInteger(),
  warn_before_minutes: t.Nullable(JsonInteger()),
  created_at: time,
  updated_at: time,
});

export const Pipeline = t.Object({
  id: t.String(),
  name: t.String(),
  pipeline_type: PipelineTypeSchema,
  is_default: t.Boolean(),
  first_response_hours: t.Nullable(t.Number()),
  stages: t.Array(Stage),
  created_at: time,
  updated_at: time,
  deleted_at: nullableTime,
});

/** A stage in `GET /pipeline`, with figures over its open deals (or leads). */
export const StageWithStats = t.Object({
  ...Stage.properties,
  count: JsonInteger({ description: "Open deals (leads) in the stage" }),
  value: JsonInteger({ description: "Total value of those deals, minor units; 0 for leads" }),
  avg_time_in_stage_hours: t.Nullable(
    t.Number({ description: "Average time in stage of those records, hours; null when none" }),
  ),
  past_sla_count: JsonInteger({ description: "How many of them are past the stage's sla_hours" }),
});

export const PipelineWithStats = t.Object({
  ...Pipeline.properties,
  stages: t.Array(StageWithStats),
  count: JsonInteger(),
  value: JsonInteger(),
});

export const PipelineOverview = t.Object({ pipelines: t.Array(PipelineWithStats) });

export const StageParams = t.Object({ id: t.String(), stage_id: t.String() });

export type PipelineView = typeof Pipeline.static;
export type StageView = typeof Stage.static;
export type StageInputBody = typeof StageInput.static;
export type CreatePipelineBody = typeof CreatePipeline.static;
export type UpdatePipelineBody = typeof UpdatePipeline.static;
export type CreateStageBody = typeof CreateStage.static;
export type UpdateStageBody = typeof UpdateStage.static;
export type PipelineType = typeof PipelineTypeSchema.static;
export type StageKind = typeof StageKindSchema.static;
