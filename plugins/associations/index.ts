import { Elysia, t } from "elysia";
import {
  type AppContext,
  authMacros,
  errorResponses,
  LinkedRecord,
  registerEventTypes,
  writeScope,
} from "../../src/core";
import {
  AssociationList,
  LabelQuery,
  LinkBody,
  LinkParams,
  LinksParams,
  ReplaceAssociations,
} from "./model";
import { deleteLink, deleteLinks, listLinks, putLink, replaceLinks } from "./service";

registerEventTypes(["association.created", "association.deleted"]);

const tags = ["associations"];
const path = "/:object/:id/associations/:to";
const from = (params: { object: string; id: string }) => ({ object: params.object, id: params.id });

/**
 * Many-to-many links between any two records, with an optional label,
 * HubSpot-style: `/{object}/{id}/associations/{to_object}`.
 */
export const associationsPlugin = (ctx: AppContext) =>
  new Elysia({ name: "crmd.associations" })
    .use(authMacros)
    .get(
      path,
      ({ params, query, tenantId }) =>
        listLinks(ctx, tenantId, from(params), params.to, query.label),
      {
        linkScope: "read",
        params: LinksParams,
        query: LabelQuery,
        response: { 200: AssociationList, ...errorResponses },
        detail: {
          operationId: "listAssociations",
          summary: "A record's links to records of another object type",
          tags,
        },
      },
    )
    .put(
      path,
      ({ params, body, tenantId, actor }) => {
        const scope = writeScope(ctx, tenantId, actor);
        return ctx.write((tx) => replaceLinks(tx, scope, from(params), params.to, body));
      },
      {
        linkScope: "write",
        params: LinksParams,
        body: ReplaceAssociations,
        response: { 200: AssociationList, ...errorResponses },
        detail: {
          operationId: "replaceAssociations",
          summary: "Replace a record's links to an object type (association.created / deleted)",
          tags,
        },
      },
    )
    .delete(
      path,
      async ({ params, tenantId, actor, set }) => {
        const scope = writeScope(ctx, tenantId, actor);
        await ctx.write((tx) => deleteLinks(tx, scope, from(params), params.to));
        set.status = 204;
      },
      {
        linkScope: "write",
        params: LinksParams,
        response: { 204: t.Void(), ...errorResponses },
        detail: {
          operationId: "deleteAssociations",
          summary: "Remove every link of a record to an object type",
          tags,
        },
      },
    )
    .put(
      `${path}/:to_id`,
      async ({ params, body, tenantId, actor, set }) => {
        const scope = writeScope(ctx, tenantId, actor);
        const to = { object: params.to, id: params.to_id };
        const { created, linked } = await ctx.write((tx) =>
          putLink(tx, scope, from(params), to, body?.label ?? null),
        );
        set.status = created ? 201 : 200;
        return linked;
      },
      {
        linkScope: "write",
        params: LinkParams,
        body: t.Optional(LinkBody),
        response: { 200: LinkedRecord, 201: LinkedRecord, ...errorResponses },
        detail: {
          operationId: "createAssociation",
          summary:
            "Link two records (with an optional label); 201 when new, 200 when already linked",
          tags,
        },
      },
    )
    .delete(
      `${path}/:to_id`,
      async ({ params, query, tenantId, actor, set }) => {
        const scope = writeScope(ctx, tenantId, actor);
        const to = { object: params.to, id: params.to_id };
        await ctx.write((tx) => deleteLink(tx, scope, from(params), to, query.label));
        set.status = 204;
      },
      {
        linkScope: "write",
        params: LinkParams,
        query: LabelQuery,
        response: { 204: t.Void(), ...errorResponses },
        detail: {
          operationId: "deleteAssociation",
          summary: "Unlink two records (only the link with `label` when given)",
          tags,
        },
      },
    );
