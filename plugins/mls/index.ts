import { Elysia } from "elysia";
import { properties } from "../../db/schema";
import {
  type AppContext,
  authMacros,
  BulkResult,
  bulkRequest,
  ErrorBody,
  errorResponses,
  IdParams,
  includeAssociations,
  linkedListResponse,
  listWithLinks,
  RecordQuery,
  registerCustomFieldObject,
  registerEventTypes,
  registerVersionedRecords,
  runBulk,
  withAssociations,
  writeScope,
} from "../../src/core";
import { PatchProperty, Property, PropertyInput, PropertyListQuery } from "./model";
import {
  createProperty,
  deleteProperty,
  getProperty,
  listProperties,
  OBJECT,
  updateProperty,
  upsertProperty,
} from "./service";

/** PATCH, PUT, DELETE and actions on `/mls/properties/:id` honour If-Match on its version. */
registerVersionedRecords("/mls/properties/:id", properties);

registerEventTypes(["property.created", "property.updated", "property.deleted"]);
// Properties take custom fields and associations like any object; their scopes are seed 000's mls:*.
registerCustomFieldObject({ name: OBJECT, table: properties, scope: "mls" });

const tags = ["mls"];
const base = "/mls/properties";

/** Seed 000's MLS properties: real-estate listings, with geo and range filters. */
export const mlsPlugin = (ctx: AppContext) =>
  new Elysia({ name: "crmd.mls" })
    .use(authMacros)
    .get(
      base,
      async ({ query, tenantId, request, scopes }) =>
        listWithLinks(ctx.db.read, tenantId, scopes, OBJECT, query, () =>
          listProperties(ctx, tenantId, query, request.url),
        ),
      {
        scope: "mls:read",
        query: PropertyListQuery,
        response: { 200: linkedListResponse("properties", Property), ...errorResponses },
        detail: {
          summary:
            "List properties (status, type, price and area ranges, bedrooms_min, city, postcode, near + radius_km)",
          tags,
        },
      },
    )
    .post(
      base,
      async ({ body, tenantId, actor, set }) => {
        const scope = writeScope(ctx, tenantId, actor);
        const created = await ctx.write((tx) => createProperty(tx, scope, body));
        set.status = 201;
        return created;
      },
      {
        scope: "mls:write",
        body: PropertyInput,
        response: { 201: Property, ...errorResponses, 409: ErrorBody },
        detail: {
          summary:
            "Create a property (property.created; 409 when a live listing has its MLS number)",
          tags,
        },
      },
    )
    .post(
      `${base}/bulk`,
      ({ body, tenantId, actor }) => {
        const scope = writeScope(ctx, tenantId, actor);
        return runBulk(ctx, body.records, PatchProperty, (tx, record) =>
          upsertProperty(tx, scope, record),
        );
      },
      {
        scope: "mls:write",
        body: bulkRequest("A listing, as in POST /mls/properties", {
          mls_number: "MLS-1042",
          status: "active",
          property_type: "apartment",
          address: { city: "Athens", postcode: "105 63" },
          price: { value: 25_000_000, currency: "EUR" },
        }),
        response: { 200: BulkResult, ...errorResponses },
        detail: {
          operationId: "bulkUpsertMlsProperties",
          summary: "Create or update up to 500 properties, matched by MLS number",
          description:
            "A record whose mls_number belongs to a live listing updates that listing (fields absent stay, as PATCH); other records create listings (status and property_type required). One transaction; each record succeeds or fails alone, with per-record results.",
          tags,
        },
      },
    )
    .get(
      `${base}/:id`,
      async ({ params, query, tenantId, scopes }) =>
        includeAssociations(
          ctx.db.read,
          tenantId,
          scopes,
          OBJECT,
          await getProperty(ctx, tenantId, params.id),
          query.include,
        ),
      {
        scope: "mls:read",
        params: IdParams,
        query: RecordQuery,
        response: { 200: withAssociations(Property), ...errorResponses },
        detail: { summary: "Get a property", tags },
      },
    )
    .put(
      `${base}/:id`,
      ({ params, body, tenantId, actor }) => {
        const scope = writeScope(ctx, tenantId, actor);
        return ctx.write((tx) => updateProperty(tx, scope, params.id, body, true));
      },
      {
        scope: "mls:write",
        params: IdParams,
        body: PropertyInput,
        response: { 200: Property, ...errorResponses, 409: ErrorBody },
        detail: {
          summary: "Replace a property (seed 000's PUT: fields absent are emptied)",
          tags,
        },
      },
    )
    .patch(
      `${base}/:id`,
      ({ params, body, tenantId, actor }) => {
        const scope = writeScope(ctx, tenantId, actor);
        return ctx.write((tx) => updateProperty(tx, scope, params.id, body, false));
      },
      {
        scope: "mls:write",
        params: IdParams,
        body: PatchProperty,
        response: { 200: Property, ...errorResponses, 409: ErrorBody },
        detail: { summary: "Update a property (fields absent stay)", tags },
      },
    )
    .delete(
      `${base}/:id`,
      ({ params, tenantId, actor }) => {
        const scope = writeScope(ctx, tenantId, actor);
        return ctx.write((tx) => deleteProperty(tx, scope, params.id));
      },
      {
        scope: "mls:write",
        params: IdParams,
        response: { 200: Property, ...errorResponses },
        detail: { summary: "Delete a property (a tombstone stays in sync feeds)", tags },
      },
    );
