import { Elysia } from "elysia";
import {
  type AppContext,
  authMacros,
  ErrorBody,
  errorResponses,
  IdParams,
  listJson,
  listResponse,
  registerEventTypes,
  writeScope,
} from "../../src/core";
import { CreateCall, Interaction, TimelineQuery, UpdateCall } from "./model";
import { getInteraction, logCall, updateCall } from "./service";
import { listTimeline } from "./timeline";

registerEventTypes(["call.started", "call.ended"]);

const tags = ["interactions"];

/** The interactions timeline (emails, SMS, calls, notes, meetings) and the call log. */
export const interactionsPlugin = (ctx: AppContext) =>
  new Elysia({ name: "crmd.interactions" })
    .use(authMacros)
    .get(
      "/interactions",
      async ({ query, tenantId }) =>
        listJson("interactions", await listTimeline(ctx, tenantId, query)),
      {
        scope: "interactions:read",
        query: TimelineQuery,
        response: { 200: listResponse("interactions", Interaction), ...errorResponses },
        detail: {
          summary: "A record's timeline: notes, emails, SMS, calls and meetings, newest first",
          description:
            "Filter by contact_id, company_id or deal_id (all given must match) and type. Emails, SMS and calls link to the contact, its company and a deal; notes to the one record they are attached to; meetings to their contact, attendees and deal (company_id: meetings attended by the company's contacts). `since` / `cursor` turn the list into a change feed across all of them (oldest change first, deletions as tombstones).",
          tags,
        },
      },
    )
    .get("/interactions/:id", ({ params, tenantId }) => getInteraction(ctx, tenantId, params.id), {
      scope: "interactions:read",
      params: IdParams,
      response: { 200: Interaction, ...errorResponses },
      detail: { summary: "Get an email, SMS or call", tags },
    })
    .post(
      "/calls",
      async ({ body, tenantId, actor, set }) => {
        set.status = 201;
        return logCall(ctx, writeScope(ctx, tenantId, actor), body);
      },
      {
        scope: "calls:write",
        body: CreateCall,
        response: { 201: Interaction, ...errorResponses },
        detail: {
          summary: "Log a call",
          description:
            "Emits call.started, and call.ended when the call already has ended_at. Without ended_at the call stays in_progress until PATCH /calls/{id} gives it.",
          tags,
        },
      },
    )
    .patch(
      "/calls/:id",
      ({ params, body, tenantId, actor }) =>
        updateCall(ctx, writeScope(ctx, tenantId, actor), params.id, body),
      {
        scope: "calls:write",
        params: IdParams,
        body: UpdateCall,
        response: { 200: Interaction, ...errorResponses, 409: ErrorBody },
        detail: { summary: "End a call, or correct its outcome, recording or notes", tags },
      },
    );
