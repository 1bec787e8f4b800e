import { Elysia } from "elysia";
import { handoffs } from "../../db/schema";
import {
  type AppContext,
  authMacros,
  ErrorBody,
  errorResponses,
  IdParams,
  listJson,
  listResponse,
  registerEventTypes,
  registerVersionedRecords,
  writeScope,
} from "../../src/core";
import { Handoff, type HandoffEntityType, HandoffsQuery, InitiateHandoff } from "./model";
import {
  cancelHandoff,
  completeHandoff,
  getHandoff,
  initiateHandoff,
  listHandoffs,
} from "./service";

/** PATCH, PUT, DELETE and actions on `/handoffs/:id` honour If-Match on its version. */
registerVersionedRecords("/handoffs/:id", handoffs);

registerEventTypes(["handoff.cancelled"]);

const tags = ["handoffs"];
const initiated = { 201: Handoff, ...errorResponses, 409: ErrorBody };
const settled = { 200: Handoff, ...errorResponses, 409: ErrorBody };

/** POST /deals/:id/handoff and /leads/:id/handoff: one route each, alike but for the entity. */
const initiateRoute = (ctx: AppContext, type: HandoffEntityType) =>
  new Elysia().use(authMacros).post(
    `/${type}s/:id/handoff`,
    async ({ params, body, tenantId, actor, scopes, set }) => {
      const scope = writeScope(ctx, tenantId, actor);
      const view = await initiateHandoff(ctx, scope, scopes, type, params.id, body);
      set.status = 201;
      return view;
    },
    {
      scope: "handoffs:write",
      params: IdParams,
      body: InitiateHandoff,
      response: initiated,
      detail: {
        operationId: `start${type.charAt(0).toUpperCase()}${type.slice(1)}Handoff`,
        summary: `Start handing a ${type} off to another owner (handoff.initiated)`,
        description: `Needs ${type}s:read as well (403 otherwise): a handoff shows its ${type}.`,
        tags,
      },
    },
  );

/** Handoffs of a deal or lead to another owner / pipeline: initiated, then completed or cancelled. */
export const handoffsPlugin = (ctx: AppContext) =>
  new Elysia({ name: "crmd.handoffs" })
    .use(authMacros)
    .use(initiateRoute(ctx, "deal"))
    .use(initiateRoute(ctx, "lead"))
    .post(
      "/handoffs/:id/complete",
      ({ params, tenantId, actor, scopes }) =>
        completeHandoff(ctx, writeScope(ctx, tenantId, actor), scopes, params.id),
      {
        scope: "handoffs:write",
        params: IdParams,
        response: settled,
        detail: {
          summary:
            "Complete a handoff: applies the new owner / pipeline / stage to the deal or lead (handoff.completed)",
          description:
            "Needs deals:write (leads:write) as well for a handoff of a deal (lead): completing changes it (403 otherwise). 404 when the key lacks deals:read (leads:read).",
          tags,
        },
      },
    )
    .post(
      "/handoffs/:id/cancel",
      ({ params, tenantId, actor, scopes }) =>
        cancelHandoff(ctx, writeScope(ctx, tenantId, actor), scopes, params.id),
      {
        scope: "handoffs:write",
        params: IdParams,
        response: settled,
        detail: { summary: "Cancel a pending handoff (handoff.cancelled)", tags },
      },
    )
    .get(
      "/handoffs",
      async ({ query, tenantId, scopes }) =>
        listJson("handoffs", await listHandoffs(ctx, tenantId, scopes, query)),
      {
        scope: "handoffs:read",
        query: HandoffsQuery,
        response: { 200: listResponse("handoffs", Handoff), ...errorResponses },
        detail: {
          summary: "List handoffs",
          description:
            "Only handoffs of the types the key may read: deals' with deals:read, leads' with leads:read; entity_type naming another type is 403.",
          tags,
        },
      },
    )
    .get(
      "/handoffs/:id",
      ({ params, tenantId, scopes }) => getHandoff(ctx.db.read, tenantId, scopes, params.id),
      {
        scope: "handoffs:read",
        params: IdParams,
        response: { 200: Handoff, ...errorResponses },
        detail: {
          summary: "Get a handoff with its deal or lead",
          description:
            "404 for a handoff of a deal (lead) when the key lacks deals:read (leads:read), as on complete and cancel.",
          tags,
        },
      },
    );
