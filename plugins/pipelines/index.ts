import { Elysia, t } from "elysia";
import { pipelines } from "../../db/schema";
import {
  type AppContext,
  allows,
  authMacros,
  errorResponses,
  forbidden,
  IdParams,
  listJson,
  listResponse,
  pageQuery,
  registerEventTypes,
  registerVersionedRecords,
  type Scope,
  writeScope,
} from "../../src/core";
import {
  CreatePipeline,
  CreateStage,
  Pipeline,
  PipelineOverview,
  type PipelineType,
  PipelineTypeSchema,
  StageParams,
  UpdatePipeline,
  UpdateStage,
} from "./model";
import {
  addStage,
  createPipeline,
  deletePipeline,
  getPipeline,
  listPipelines,
  removeStage,
  updatePipeline,
  updateStage,
} from "./service";
import { pipelineOverview } from "./stats";

export type { PipelineType } from "./model";
export {
  OPEN_LEAD_STATUSES,
  type Placement,
  type PlacementPaths,
  type PlacementRequest,
  resolvePlacement,
  stageIdsNamed,
  stageNames,
} from "./placement";
export { rowsWithStage, type StageRow, stagedReads } from "./stages";

/** PATCH, PUT, DELETE and actions on `/pipelines/:id` honour If-Match on its version. */
registerVersionedRecords("/pipelines/:id", pipelines);

registerEventTypes(["pipeline.created", "pipeline.updated", "pipeline.deleted"]);

const tags = ["pipelines"];
const conflictResponses = { ...errorResponses, 409: errorResponses[400] };

/** The records whose figures each pipeline type's overview shows. */
const FIGURES_OF: Record<PipelineType, Scope> = {
  sales: "deals:read",
  qualification: "leads:read",
};

/**
 * The pipeline types whose overview a key may read: their stages' figures
 * are its open deals' (leads'), so they need deals:read (leads:read);
 * naming a type without it is 403, and the others are left out.
 */
function overviewTypes(scopes: ReadonlySet<Scope>, type: PipelineType | undefined) {
  if (type !== undefined && !allows(scopes, FIGURES_OF[type]))
    throw forbidden(`The ${type} pipelines' figures need the ${FIGURES_OF[type]} permission`);
  const types = type === undefined ? (Object.keys(FIGURES_OF) as PipelineType[]) : [type];
  return types.filter((t) => allows(scopes, FIGURES_OF[t]));
}

/** Pipelines with ordered stages and their SLA policy, and seed 001's `GET /pipeline` overview. */
export const pipelinesPlugin = (ctx: AppContext) =>
  new Elysia({ name: "crmd.pipelines" })
    .use(authMacros)
    .get(
      "/pipeline",
      ({ query, tenantId, scopes }) =>
        pipelineOverview(
          ctx.db.read,
          tenantId,
          overviewTypes(scopes, query.pipeline_type),
          ctx.clock.now(),
        ),
      {
        scope: "pipelines:read",
        query: t.Object({ pipeline_type: t.Optional(PipelineTypeSchema) }),
        response: { 200: PipelineOverview, ...errorResponses },
        detail: {
          operationId: "getPipelineOverview",
          summary:
            "Pipeline data: every pipeline with its stages and, per stage, count, value, average time in stage and records past SLA",
          description:
            "Sales pipelines' figures are their open deals', qualification pipelines' their open leads': each type shows only to keys that also have deals:read (leads:read); pipeline_type naming the other is 403. GET /pipelines lists every pipeline with pipelines:read.",
          tags,
        },
      },
    )
    .get(
      "/pipelines",
      async ({ query, tenantId }) => {
        return listJson("pipelines", await listPipelines(ctx, tenantId, query));
      },
      {
        scope: "pipelines:read",
        query: t.Object({ ...pageQuery, pipeline_type: t.Optional(PipelineTypeSchema) }),
        response: { 200: listResponse("pipelines", Pipeline), ...errorResponses },
        detail: { summary: "List pipelines with their stages", tags },
      },
    )
    .post(
      "/pipelines",
      async ({ body, set, tenantId, actor }) => {
        const created = await createPipeline(ctx, writeScope(ctx, tenantId, actor), body);
        set.status = 201;
        return created;
      },
      {
        scope: "pipelines:write",
        body: CreatePipeline,
        response: { 201: Pipeline, ...errorResponses },
        detail: { summary: "Create a pipeline with ordered stages", tags },
      },
    )
    .get("/pipelines/:id", ({ params, tenantId }) => getPipeline(ctx, tenantId, params.id), {
      scope: "pipelines:read",
      params: IdParams,
      response: { 200: Pipeline, ...errorResponses },
      detail: { summary: "Get a pipeline with its stages in order", tags },
    })
    .patch(
      "/pipelines/:id",
      ({ params, body, tenantId, actor }) =>
        updatePipeline(ctx, writeScope(ctx, tenantId, actor), params.id, body),
      {
        scope: "pipelines:write",
        params: IdParams,
        body: UpdatePipeline,
        response: { 200: Pipeline, ...conflictResponses },
        detail: {
          summary: "Update a pipeline; `stages` replaces and reorders its stages",
          tags,
        },
      },
    )
    .delete(
      "/pipelines/:id",
      ({ params, tenantId, actor }) =>
        deletePipeline(ctx, writeScope(ctx, tenantId, actor), params.id),
      {
        scope: "pipelines:write",
        params: IdParams,
        response: { 200: Pipeline, ...conflictResponses },
        detail: {
          summary: "Delete a pipeline (409 while it has open deals or leads)",
          description:
            "Soft: a `since` or `cursor` feed shows the tombstone. When it was the default pipeline of its type, another of that type becomes the default. Emits `pipeline.deleted`.",
          tags,
        },
      },
    )
    .post(
      "/pipelines/:id/stages",
      async ({ params, body, set, tenantId, actor }) => {
        const updated = await addStage(ctx, writeScope(ctx, tenantId, actor), params.id, body);
        set.status = 201;
        return updated;
      },
      {
        scope: "pipelines:write",
        params: IdParams,
        body: CreateStage,
        response: { 201: Pipeline, ...errorResponses },
        detail: { summary: "Add a stage (answers the pipeline)", tags },
      },
    )
    .patch(
      "/pipelines/:id/stages/:stage_id",
      ({ params, body, tenantId, actor }) =>
        updateStage(ctx, writeScope(ctx, tenantId, actor), params.id, params.stage_id, body),
      {
        scope: "pipelines:write",
        params: StageParams,
        body: UpdateStage,
        response: { 200: Pipeline, ...conflictResponses },
        detail: { summary: "Update or move a stage (answers the pipeline)", tags },
      },
    )
    .delete(
      "/pipelines/:id/stages/:stage_id",
      ({ params, tenantId, actor }) =>
        removeStage(ctx, writeScope(ctx, tenantId, actor), params.id, params.stage_id),
      {
        scope: "pipelines:write",
        params: StageParams,
        response: { 200: Pipeline, ...conflictResponses },
        detail: {
          summary: "Remove a stage (409 while deals or leads are in it; answers the pipeline)",
          tags,
        },
      },
    );
