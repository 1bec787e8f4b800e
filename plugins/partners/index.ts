import { Elysia } from "elysia";
import { partners } from "../../db/schema";
import {
  type AppContext,
  authMacros,
  errorResponses,
  IdParams,
  listJson,
  registerEventTypes,
  registerVersionedRecords,
  writeScope,
} from "../../src/core";
import { CreatePartner, Partner, PartnerList, PartnerListQuery, UpdatePartner } from "./model";
import { createPartner, deletePartner, getPartner, listPartners, updatePartner } from "./service";

/** PATCH, PUT, DELETE and actions on `/partners/:id` honour If-Match on its version. */
registerVersionedRecords("/partners/:id", partners);

registerEventTypes(["partner.created", "partner.updated", "partner.deleted"]);

const tags = ["partners"];
const responses = { ...errorResponses, 409: errorResponses[400] };

/** Referral and reseller partners, with their lead and deal figures. */
export const partnersPlugin = (ctx: AppContext) =>
  new Elysia({ name: "crmd.partners" })
    .use(authMacros)
    .get(
      "/partners",
      async ({ query, tenantId }) => {
        return listJson("partners", await listPartners(ctx, tenantId, query));
      },
      {
        scope: "partners:read",
        query: PartnerListQuery,
        response: { 200: PartnerList, ...errorResponses },
        detail: {
          summary: "List partners with lead_count, deal_count, won_deals and won_value",
          tags,
        },
      },
    )
    .post(
      "/partners",
      async ({ body, tenantId, actor, set }) => {
        set.status = 201;
        return createPartner(ctx, writeScope(ctx, tenantId, actor), body);
      },
      {
        scope: "partners:write",
        body: CreatePartner,
        response: { 201: Partner, ...responses },
        detail: { summary: "Create a partner (409 if the name is taken)", tags },
      },
    )
    .get("/partners/:id", ({ params, tenantId }) => getPartner(ctx, tenantId, params.id), {
      scope: "partners:read",
      params: IdParams,
      response: { 200: Partner, ...errorResponses },
      detail: { summary: "Get a partner with its figures", tags },
    })
    .patch(
      "/partners/:id",
      ({ params, body, tenantId, actor }) =>
        updatePartner(ctx, writeScope(ctx, tenantId, actor), params.id, body),
      {
        scope: "partners:write",
        params: IdParams,
        body: UpdatePartner,
        response: { 200: Partner, ...responses },
        detail: { summary: "Update a partner (emits partner.updated)", tags },
      },
    )
    .delete(
      "/partners/:id",
      ({ params, tenantId, actor }) =>
        deletePartner(ctx, writeScope(ctx, tenantId, actor), params.id),
      {
        scope: "partners:write",
        params: IdParams,
        response: { 200: Partner, ...errorResponses },
        detail: {
          summary: "Delete a partner (soft; frees the name; emits partner.deleted)",
          tags,
        },
      },
    );
