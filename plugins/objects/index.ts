import { Elysia, t } from "elysia";
import { customRecords } from "../../db/schema";
import {
  type AppContext,
  authMacros,
  BulkResult,
  bulkRequest,
  definitionRows,
  ErrorBody,
  errorResponses,
  includeAssociations,
  listWithLinks,
  RecordQuery,
  registerVersionedRecords,
  withAssociations,
  writeScope,
} from "../../src/core";
import { recordSchema } from "./json-schema";
import {
  BulkQuery,
  CreateObjectType,
  CustomRecord,
  ObjectParams,
  ObjectType,
  ObjectTypeList,
  RecordInput,
  RecordList,
  RecordListQuery,
  RecordParams,
  UpdateObjectType,
} from "./model";
import {
  applyRecordUpdate,
  bulkUpsert,
  deleteRecord,
  findRecord,
  insertRecord,
  listRecords,
  recordView,
} from "./records";
import {
  createType,
  deleteType,
  listTypes,
  loadObjectEvents,
  reportReservedNameClashes,
  requireType,
  typeView,
  updateType,
} from "./types";

/** PATCH, PUT, DELETE and actions on `/objects/:object/:id` honour If-Match on its version. */
registerVersionedRecords("/objects/:object/:id", customRecords);

const typeTags = ["object types"];
const tags = ["custom objects"];
const records = "/objects/:object";
const record = "/objects/:object/:id";

/** Object types a tenant defines, and their records' whole surface (seed-independent). */
const typesRoutes = (ctx: AppContext) =>
  new Elysia({ name: "crmd.object-types" })
    .use(authMacros)
    .get("/object-types", ({ tenantId }) => listTypes(ctx, tenantId), {
      scope: "fields:read",
      response: { 200: ObjectTypeList, ...errorResponses },
      detail: { summary: "List the tenant's custom object types", tags: typeTags },
    })
    .post(
      "/object-types",
      async ({ body, tenantId, actor, set }) => {
        const scope = writeScope(ctx, tenantId, actor);
        const created = await ctx.write((tx) => createType(tx, scope, body));
        set.status = 201;
        return created;
      },
      {
        scope: "fields:write",
        body: CreateObjectType,
        response: { 201: ObjectType, 409: ErrorBody, ...errorResponses },
        detail: {
          summary: "Define a custom object type with its fields",
          description:
            "Its records live at /objects/{plural}, with scopes `<plural>:read|write` and events `<name>.created|updated|deleted`.",
          tags: typeTags,
        },
      },
    )
    .get(
      "/object-types/:object",
      async ({ params, tenantId }) =>
        typeView(ctx.db.read, await requireType(ctx.db.read, tenantId, params.object)),
      {
        scope: "fields:read",
        params: ObjectParams,
        response: { 200: ObjectType, ...errorResponses },
        detail: { summary: "Get a custom object type", tags: typeTags },
      },
    )
    .patch(
      "/object-types/:object",
      ({ params, body, tenantId, actor }) => {
        const scope = writeScope(ctx, tenantId, actor);
        return ctx.write((tx) => updateType(tx, scope, params.object, body));
      },
      {
        scope: "fields:write",
        params: ObjectParams,
        body: UpdateObjectType,
        response: { 200: ObjectType, ...errorResponses },
        detail: {
          summary: "Change a custom object type (fields: /fields/{plural})",
          tags: typeTags,
        },
      },
    )
    .delete(
      "/object-types/:object",
      async ({ params, tenantId, actor, set }) => {
        const scope = writeScope(ctx, tenantId, actor);
        await ctx.write((tx) => deleteType(tx, scope, params.object));
        set.status = 204;
      },
      {
        scope: "fields:write",
        params: ObjectParams,
        response: { 204: t.Void(), 409: ErrorBody, ...errorResponses },
        detail: {
          summary: "Remove a custom object type without records",
          description:
            "Refused (409) while it has live records or another object's reference field points at it. Removes it for good, in one transaction: its fields (`field.deleted` each), its deleted records' tombstones and archived values, then `object_type.deleted`. A type defined again under the same plural or name starts empty.",
          tags: typeTags,
        },
      },
    );

const recordRoutes = (ctx: AppContext) =>
  new Elysia({ name: "crmd.custom-records" })
    .use(authMacros)
    .get(
      records,
      async ({ params, query, tenantId, request, scopes }) => {
        const type = await requireType(ctx.db.read, tenantId, params.object);
        return listWithLinks(ctx.db.read, tenantId, scopes, params.object, query, () =>
          listRecords(ctx, type, query, request.url),
        );
      },
      {
        objectScope: "read",
        params: ObjectParams,
        query: RecordListQuery,
        response: { 200: RecordList, ...errorResponses },
        detail: {
          operationId: "listObjectRecords",
          summary:
            "List a custom object's records (filters: search, cf.<key>, associated_with; since/cursor feeds with tombstones)",
          description: 'The list is keyed by the plural: `{"<plural>": [...], "total": …}`.',
          tags,
        },
      },
    )
    .post(
      records,
      async ({ params, body, tenantId, actor, set }) => {
        const scope = writeScope(ctx, tenantId, actor);
        const created = await ctx.write(async (tx) =>
          insertRecord(tx, scope, await requireType(tx, tenantId, params.object), body),
        );
        set.status = 201;
        return created;
      },
      {
        objectScope: "write",
        params: ObjectParams,
        body: RecordInput,
        response: { 201: CustomRecord, 409: ErrorBody, ...errorResponses },
        detail: {
          operationId: "createObjectRecord",
          summary: "Create a record (values checked against the fields)",
          tags,
        },
      },
    )
    .post(
      `${records}/bulk`,
      async ({ params, query, body, tenantId, actor }) => {
        const scope = writeScope(ctx, tenantId, actor);
        const type = await requireType(ctx.db.read, tenantId, params.object);
        return bulkUpsert(ctx, scope, type, body.records, query.match_by, RecordInput);
      },
      {
        objectScope: "write",
        params: ObjectParams,
        query: BulkQuery,
        body: bulkRequest("A record, as in POST /objects/{plural}", {
          // Another VIN than the single create's example: the field is unique.
          properties: { model: "Model Y", vin: "7SAYGDEE5PF000001" },
        }),
        response: { 200: BulkResult, ...errorResponses },
        detail: {
          operationId: "bulkUpsertObjectRecords",
          summary: "Create or update up to 500 records, matched by a unique field (match_by)",
          tags,
        },
      },
    )
    .get(
      `${records}/schema`,
      async ({ params, tenantId }) => {
        const type = await requireType(ctx.db.read, tenantId, params.object);
        return recordSchema(type, await definitionRows(ctx.db.read, tenantId, type.plural));
      },
      {
        objectScope: "read",
        params: ObjectParams,
        response: { 200: t.Record(t.String(), t.Unknown()), ...errorResponses },
        detail: {
          operationId: "getObjectRecordSchema",
          summary: "The JSON Schema of the tenant's records of this object",
          tags,
        },
      },
    )
    .get(
      record,
      async ({ params, query, tenantId, scopes }) => {
        const type = await requireType(ctx.db.read, tenantId, params.object);
        const view = recordView(await findRecord(ctx.db.read, type, params.id));
        return includeAssociations(
          ctx.db.read,
          tenantId,
          scopes,
          params.object,
          view,
          query.include,
        );
      },
      {
        objectScope: "read",
        params: RecordParams,
        query: RecordQuery,
        response: { 200: withAssociations(CustomRecord), ...errorResponses },
        detail: { operationId: "getObjectRecord", summary: "Get a record", tags },
      },
    )
    .patch(
      record,
      ({ params, body, tenantId, actor }) => update(ctx, { params, body, tenantId, actor }, false),
      {
        objectScope: "write",
        params: RecordParams,
        body: RecordInput,
        response: { 200: CustomRecord, 409: ErrorBody, ...errorResponses },
        detail: {
          operationId: "updateObjectRecord",
          summary: "Update a record (values given merge; null removes one)",
          tags,
        },
      },
    )
    .put(
      record,
      ({ params, body, tenantId, actor }) => update(ctx, { params, body, tenantId, actor }, true),
      {
        objectScope: "write",
        params: RecordParams,
        body: RecordInput,
        response: { 200: CustomRecord, 409: ErrorBody, ...errorResponses },
        detail: {
          operationId: "replaceObjectRecord",
          summary: "Replace a record's values (absent ones are removed; defaults apply)",
          tags,
        },
      },
    )
    .delete(
      record,
      ({ params, tenantId, actor }) => {
        const scope = writeScope(ctx, tenantId, actor);
        return ctx.write(async (tx) =>
          deleteRecord(tx, scope, await requireType(tx, tenantId, params.object), params.id),
        );
      },
      {
        objectScope: "write",
        params: RecordParams,
        response: { 200: CustomRecord, ...errorResponses },
        detail: {
          operationId: "deleteObjectRecord",
          summary: "Delete a record (a tombstone stays in sync feeds)",
          tags,
        },
      },
    );

interface UpdateRequest {
  params: { object: string; id: string };
  body: typeof RecordInput.static;
  tenantId: string;
  actor: Parameters<typeof writeScope>[2];
}

function update(ctx: AppContext, request: UpdateRequest, replace: boolean) {
  const { params, body, tenantId, actor } = request;
  const scope = writeScope(ctx, tenantId, actor);
  return ctx.write(async (tx) => {
    const type = await requireType(tx, tenantId, params.object);
    const before = await findRecord(tx, type, params.id);
    return applyRecordUpdate(tx, scope, type, before, body, replace);
  });
}

/** Custom objects: tenant-defined object types with the generic record surface. */
export const objectsPlugin = (ctx: AppContext) => {
  loadObjectEvents(ctx.db).catch((error) =>
    ctx.logger.error("custom object events not loaded", { error: String(error) }),
  );
  reportReservedNameClashes(ctx).catch((error) =>
    ctx.logger.error("custom object names not checked", { error: String(error) }),
  );
  return new Elysia({ name: "crmd.objects" }).use(typesRoutes(ctx)).use(recordRoutes(ctx));
};
