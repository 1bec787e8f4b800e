import { Elysia, t } from "elysia";
import { leads } from "../../db/schema";
import {
  type AppContext,
  alsoNeeds,
  authMacros,
  ErrorBody,
  errorResponses,
  IdParams,
  includeAssociations,
  linkedListResponse,
  listWithLinks,
  RecordQuery,
  registerCustomFieldObject,
  registerVersionedRecords,
  withAssociations,
  writeScope,
} from "../../src/core";
import { Deal } from "../deals";
import { ConvertLead, CreateLead, DisqualifyLead, Lead, LeadsQuery, UpdateLead } from "./model";
import {
  convertLead,
  createLead,
  deleteLead,
  disqualifyLead,
  getLead,
  listLeads,
  qualifyLead,
  updateLead,
} from "./service";

export { Lead, type LeadView } from "./model";
export { getLead, type LeadRow, leadsByIds, leadView, updateLeadInTx } from "./service";

/** PATCH, PUT, DELETE and actions on `/leads/:id` honour If-Match on its version. */
registerVersionedRecords("/leads/:id", leads);

const tags = ["leads"];

registerCustomFieldObject({ name: "leads", table: leads });
const actionResponses = { 200: Lead, ...errorResponses, 409: ErrorBody };

/** Leads: seed 001's list, CRUD, qualify / disqualify, and conversion into a deal. */
export const leadsPlugin = (ctx: AppContext) =>
  new Elysia({ name: "crmd.leads" })
    .use(authMacros)
    .get(
      "/leads",
      async ({ query, tenantId, request, scopes }) => {
        return listWithLinks(ctx.db.read, tenantId, scopes, "leads", query, () =>
          listLeads(ctx, tenantId, query, request.url),
        );
      },
      {
        scope: "leads:read",
        query: LeadsQuery,
        response: { 200: linkedListResponse("leads", Lead), ...errorResponses },
        detail: {
          summary:
            "List leads (newest first; with `since` or `cursor`: a change feed, oldest change first, tombstones included)",
          tags,
        },
      },
    )
    .post(
      "/leads",
      async ({ body, tenantId, actor, set }) => {
        const created = await createLead(ctx, writeScope(ctx, tenantId, actor), body);
        set.status = 201;
        return created;
      },
      {
        scope: "leads:write",
        body: CreateLead,
        response: { 201: Lead, ...errorResponses },
        detail: {
          summary: "Create a lead",
          description:
            "Placed in the tenant's default qualification pipeline (when it has one) unless `pipeline_id`, `stage_id` or `stage` names another place. Emits `lead.created`.",
          tags,
        },
      },
    )
    .get(
      "/leads/:id",
      async ({ params, query, tenantId, scopes }) =>
        includeAssociations(
          ctx.db.read,
          tenantId,
          scopes,
          "leads",
          await getLead(ctx.db.read, tenantId, params.id),
          query.include,
        ),
      {
        scope: "leads:read",
        params: IdParams,
        query: RecordQuery,
        response: { 200: withAssociations(Lead), ...errorResponses },
        detail: { summary: "Get a lead", tags },
      },
    )
    .patch(
      "/leads/:id",
      ({ params, body, tenantId, actor }) =>
        updateLead(ctx, writeScope(ctx, tenantId, actor), params.id, body),
      {
        scope: "leads:write",
        params: IdParams,
        body: UpdateLead,
        response: actionResponses,
        detail: {
          summary:
            "Update a lead (partial); a new stage_id or stage moves it (lead.updated with old_stage / new_stage)",
          tags,
        },
      },
    )
    .delete(
      "/leads/:id",
      ({ params, tenantId, actor }) => deleteLead(ctx, writeScope(ctx, tenantId, actor), params.id),
      {
        scope: "leads:write",
        params: IdParams,
        response: { 200: Lead, ...errorResponses },
        detail: {
          summary: "Delete a lead (a tombstone stays in sync feeds)",
          description:
            "Answers the deleted lead with `deleted_at` set; it is then 404 here, and a `since` or `cursor` feed shows the tombstone. Emits `lead.deleted`.",
          tags,
        },
      },
    )
    .post(
      "/leads/:id/qualify",
      ({ params, tenantId, actor }) =>
        qualifyLead(ctx, writeScope(ctx, tenantId, actor), params.id),
      {
        scope: "leads:write",
        params: IdParams,
        response: actionResponses,
        detail: {
          summary: "Qualify a lead (lead.qualified)",
          description:
            "Sets `status` qualified and stamps `qualified_at` (which the KPIs count). A converted lead is 409.",
          tags,
        },
      },
    )
    .post(
      "/leads/:id/disqualify",
      ({ params, body, tenantId, actor }) =>
        disqualifyLead(ctx, writeScope(ctx, tenantId, actor), params.id, body?.reason),
      {
        scope: "leads:write",
        params: IdParams,
        body: t.Optional(DisqualifyLead),
        response: actionResponses,
        detail: {
          summary: "Disqualify a lead, with a reason (lead.disqualified)",
          description:
            "Sets `status` disqualified, stamps `disqualified_at` and keeps `disqualify_reason`. A converted lead is 409.",
          tags,
        },
      },
    )
    .post(
      "/leads/:id/convert",
      ({ params, body, tenantId, actor }) =>
        convertLead(ctx, writeScope(ctx, tenantId, actor), params.id, body ?? {}),
      {
        scope: "leads:write",
        // The deal it creates is a deal write, and the answer shows it; checked before validation.
        transform: alsoNeeds("deals:write", "Converting a lead creates a deal"),
        params: IdParams,
        body: t.Optional(ConvertLead),
        response: { ...actionResponses, 200: t.Object({ lead: Lead, deal: Deal }) },
        detail: {
          summary:
            "Convert a lead: creates its deal in a sales pipeline and marks the lead converted, in one transaction",
          description:
            "Needs deals:write as well (403 otherwise, checked before the body is validated): it creates a deal.",
          tags,
        },
      },
    );
