import { Elysia } from "elysia";
import { deals } from "../../db/schema";
import {
  type AppContext,
  authMacros,
  ErrorBody,
  errorResponses,
  IdParams,
  includeAssociations,
  invalid,
  linkedListResponse,
  listWithLinks,
  onLinksChanged,
  RecordQuery,
  registerCustomFieldObject,
  registerVersionedRecords,
  withAssociations,
  writeScope,
} from "../../src/core";
import { CreateDeal, Deal, DealsQuery, MoveDeal, UpdateDeal } from "./model";
import {
  createDealInTx,
  deleteDealInTx,
  getDeal,
  listDeals,
  syncContactIds,
  updateDealInTx,
} from "./service";

export { Deal, type DealView } from "./model";
export {
  createDealInTx,
  type DealRow,
  dealsByIds,
  dealView,
  getDeal,
  type NewDeal,
  updateDealInTx,
} from "./service";

/** PATCH, PUT, DELETE and actions on `/deals/:id` honour If-Match on its version. */
registerVersionedRecords("/deals/:id", deals);

const tags = ["deals"];
/** A move within a deleted pipeline, or a custom field's unique value another deal holds: 409. */
const changeResponses = { 200: Deal, ...errorResponses, 409: ErrorBody };

registerCustomFieldObject({ name: "deals", table: deals });
onLinksChanged("deals", "contacts", syncContactIds);

/** Deals: seed 001's list, CRUD, and moves between stages (deal.stage_changed, won, lost). */
export const dealsPlugin = (ctx: AppContext) =>
  new Elysia({ name: "crmd.deals" })
    .use(authMacros)
    .get(
      "/deals",
      async ({ query, tenantId, request, scopes }) => {
        return listWithLinks(ctx.db.read, tenantId, scopes, "deals", query, () =>
          listDeals(ctx, tenantId, query, request.url),
        );
      },
      {
        scope: "deals:read",
        query: DealsQuery,
        response: { 200: linkedListResponse("deals", Deal), ...errorResponses },
        detail: {
          summary:
            "List deals (newest first; with `since` or `cursor`: a change feed, oldest change first, tombstones included)",
          tags,
        },
      },
    )
    .post(
      "/deals",
      async ({ body, tenantId, actor, set }) => {
        const scope = writeScope(ctx, tenantId, actor);
        const created = await ctx.write((tx) => createDealInTx(tx, scope, body));
        set.status = 201;
        return created;
      },
      {
        scope: "deals:write",
        body: CreateDeal,
        response: { 201: Deal, ...errorResponses },
        detail: {
          summary: "Create a deal",
          description:
            "Without `pipeline_id`, `stage_id` or `stage` the deal starts in the tenant's default sales pipeline, at its first open stage; a stage that does not exist or belongs to another pipeline is 422 at its field, and so is a linked record (`lead_id`, `contact_id`, `company_id`, `partner_id`) this tenant does not have. Emits `deal.created`, and `deal.won` / `deal.lost` when it starts in a won / lost stage.",
          tags,
        },
      },
    )
    .get(
      "/deals/:id",
      async ({ params, query, tenantId, scopes }) =>
        includeAssociations(
          ctx.db.read,
          tenantId,
          scopes,
          "deals",
          await getDeal(ctx.db.read, tenantId, params.id),
          query.include,
        ),
      {
        scope: "deals:read",
        params: IdParams,
        query: RecordQuery,
        response: { 200: withAssociations(Deal), ...errorResponses },
        detail: { summary: "Get a deal", tags },
      },
    )
    .patch(
      "/deals/:id",
      ({ params, body, tenantId, actor }) => {
        const scope = writeScope(ctx, tenantId, actor);
        return ctx.write((tx) => updateDealInTx(tx, scope, params.id, body));
      },
      {
        scope: "deals:write",
        params: IdParams,
        body: UpdateDeal,
        response: changeResponses,
        detail: {
          summary: "Update a deal (partial); a new stage_id or stage moves it like POST /move",
          description:
            "Emits `deal.updated` with `metadata.changed_fields` when anything but the stage changed; a move emits `deal.stage_changed` (`metadata.old_stage`, `new_stage`, `old_stage_id`, `new_stage_id`) and, on reaching a won / lost stage, `deal.won` / `deal.lost`. A body that changes nothing emits nothing.",
          tags,
        },
      },
    )
    .delete(
      "/deals/:id",
      ({ params, tenantId, actor }) => {
        const scope = writeScope(ctx, tenantId, actor);
        return ctx.write((tx) => deleteDealInTx(tx, scope, params.id));
      },
      {
        scope: "deals:write",
        params: IdParams,
        response: { 200: Deal, ...errorResponses },
        detail: {
          summary: "Delete a deal (a tombstone stays in sync feeds)",
          description:
            "Answers the deleted deal with `deleted_at` set; it is then 404 here, and a `since` or `cursor` feed shows the tombstone. Emits `deal.deleted`.",
          tags,
        },
      },
    )
    .post(
      "/deals/:id/move",
      ({ params, body, tenantId, actor }) => {
        if (body.stage_id === undefined && body.stage === undefined)
          throw invalid("/stage_id", "stage_id or stage (name) is required");
        const scope = writeScope(ctx, tenantId, actor);
        return ctx.write((tx) => updateDealInTx(tx, scope, params.id, body));
      },
      {
        scope: "deals:write",
        params: IdParams,
        body: MoveDeal,
        // 409 is documented with the Idempotency-Key refusals every POST has.
        response: { 200: Deal, ...errorResponses },
        detail: {
          summary:
            "Move a deal to another stage of its pipeline (by id or name); won / lost stages close it, open ones reopen it",
          description:
            "Emits `deal.stage_changed` (`metadata.old_stage`, `new_stage`, `old_stage_id`, `new_stage_id`), and `deal.won` / `deal.lost` on reaching a won / lost stage (`won_at` / `lost_at` set; `lost_reason` kept). Moving to the stage it is in changes nothing and emits nothing.",
          tags,
        },
      },
    );
