import { Elysia, t } from "elysia";
import {
  type AppContext,
  allows,
  authMacros,
  ErrorBody,
  errorResponses,
  forbidden,
  registerEventTypes,
  scopeResourceOf,
  writeScope,
} from "../../src/core";
import {
  ArchivedValues,
  CreateField,
  FieldDefinition,
  FieldList,
  FieldParams,
  ObjectParams,
  RecordParams,
  UpdateField,
} from "./model";
import {
  archivedValues,
  createField,
  getField,
  listFields,
  removeField,
  updateField,
} from "./service";

const tags = ["fields"];

registerEventTypes(["field.created", "field.updated", "field.deleted"]);

/** Custom field definitions per object type: typed, validated, indexed for `cf.*` filters. */
export const fieldsPlugin = (ctx: AppContext) =>
  new Elysia({ name: "crmd.fields" })
    .use(authMacros)
    .get("/fields/:object", ({ params, tenantId }) => listFields(ctx, tenantId, params.object), {
      scope: "fields:read",
      params: ObjectParams,
      response: { 200: FieldList, ...errorResponses },
      detail: {
        operationId: "listCustomFields",
        summary: "List the custom fields of an object type (deals, contacts, …)",
        tags,
      },
    })
    .post(
      "/fields/:object",
      async ({ params, body, tenantId, actor, set }) => {
        const scope = writeScope(ctx, tenantId, actor);
        const created = await ctx.write((tx) => createField(tx, scope, params.object, body));
        set.status = 201;
        return created;
      },
      {
        scope: "fields:write",
        params: ObjectParams,
        body: CreateField,
        response: { 201: FieldDefinition, 409: ErrorBody, ...errorResponses },
        detail: {
          operationId: "createCustomField",
          summary: "Define a custom field",
          description:
            "Values already stored under the key are converted to the type, or the definition is refused (422 listing the records).",
          tags,
        },
      },
    )
    .get(
      "/fields/:object/:key",
      ({ params, tenantId }) => getField(ctx, tenantId, params.object, params.key),
      {
        scope: "fields:read",
        params: FieldParams,
        response: { 200: FieldDefinition, ...errorResponses },
        detail: { operationId: "getCustomField", summary: "Get a custom field definition", tags },
      },
    )
    .patch(
      "/fields/:object/:key",
      ({ params, body, tenantId, actor }) => {
        const scope = writeScope(ctx, tenantId, actor);
        return ctx.write((tx) => updateField(tx, scope, params.object, params.key, body));
      },
      {
        scope: "fields:write",
        params: FieldParams,
        body: UpdateField,
        response: { 200: FieldDefinition, 409: ErrorBody, ...errorResponses },
        detail: {
          operationId: "updateCustomField",
          summary: "Change a custom field (a new type converts every stored value or is refused)",
          tags,
        },
      },
    )
    .delete(
      "/fields/:object/:key",
      async ({ params, tenantId, actor, set }) => {
        const scope = writeScope(ctx, tenantId, actor);
        await ctx.write((tx) => removeField(tx, scope, params.object, params.key));
        set.status = 204;
      },
      {
        scope: "fields:write",
        params: FieldParams,
        response: { 204: t.Void(), ...errorResponses },
        detail: {
          operationId: "deleteCustomField",
          summary: "Remove a custom field; its values move to the records' archive",
          tags,
        },
      },
    )
    .get(
      "/fields/:object/archived/:id",
      ({ params, tenantId, scopes }) => {
        // The values are the record's data, not its schema: the record's read scope too.
        const needed = `${scopeResourceOf(params.object)}:read`;
        if (!allows(scopes, needed)) throw forbidden(`Missing permission: ${needed}`);
        return archivedValues(ctx, tenantId, params.object, params.id);
      },
      {
        scope: "fields:read",
        params: RecordParams,
        response: { 200: ArchivedValues, ...errorResponses },
        detail: {
          operationId: "getArchivedCustomFieldValues",
          summary: "A record's values of removed custom fields",
          description: "Needs the record's own read scope (e.g. deals:read) besides fields:read.",
          tags,
        },
      },
    );

export { CreateField, FieldDefinition } from "./model";
export { createField, deleteField, fieldView, updateField } from "./service";
