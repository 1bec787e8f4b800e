import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { Elysia, type Static, t } from "elysia";
import { widgetKeys } from "../../db/schema";
import {
  type AppContext,
  authMacros,
  errorResponses,
  IdParams,
  iso,
  newId,
  notFound,
  sha256Hex,
} from "../../src/core";
import {
  CreatedWidgetKey,
  CreateWidgetKey,
  UpdateWidgetKey,
  WidgetKeyList,
  WidgetKeyView,
} from "./model";
import { tenantWidgetKeys, type WidgetKeyRow, widgetKeyStore } from "./store";

const tags = ["widget"];

const keyView = (row: WidgetKeyRow): Static<typeof WidgetKeyView> => ({
  id: row.id,
  name: row.name,
  key_prefix: row.keyPrefix,
  allowed_origins: row.allowedOrigins,
  settings: row.settings,
  visitor_rate_limit: row.visitorRateLimit,
  revoked_at: iso(row.revokedAt),
  created_at: row.createdAt.toISOString(),
  updated_at: row.updatedAt.toISOString(),
});

const live = (tenantId: string, id: string) =>
  and(eq(widgetKeys.id, id), eq(widgetKeys.tenantId, tenantId), isNull(widgetKeys.revokedAt));

async function liveKey(ctx: AppContext, tenantId: string, id: string) {
  const [row] = await ctx.db.read.select().from(widgetKeys).where(live(tenantId, id));
  if (!row) throw notFound("Widget key");
  return row;
}

/** Managing publishable widget keys: a key holder with keys:manage creates, edits and revokes them. */
export const widgetKeyRoutes = (ctx: AppContext) =>
  new Elysia({ name: "crmd.widget-keys" })
    .use(authMacros)
    .post(
      "/widget-keys",
      async ({ body, tenantId, set }) => {
        const key = `pk_${randomBytes(24).toString("base64url")}`;
        const now = ctx.clock.now();
        const row: WidgetKeyRow = {
          id: newId(),
          tenantId,
          name: body.name,
          keyHash: sha256Hex(key),
          keyPrefix: key.slice(0, 11),
          allowedOrigins: [...new Set(body.allowed_origins)],
          settings: body.settings ?? {},
          visitorRateLimit: body.visitor_rate_limit ?? null,
          tokenSecret: ctx.secrets.seal(randomBytes(32).toString("hex")),
          revokedAt: null,
          createdAt: now,
          updatedAt: now,
        };
        const created = await ctx.write(async (tx) => {
          await tx.insert(widgetKeys).values(row);
          return { ...keyView(row), key };
        });
        set.status = 201;
        return created;
      },
      {
        scope: "keys:manage",
        body: CreateWidgetKey,
        response: { 201: CreatedWidgetKey, ...errorResponses },
        detail: {
          summary: "Create a publishable widget key (pk_…, shown once) for a website chat widget",
          tags,
        },
      },
    )
    .get(
      "/widget-keys",
      async ({ tenantId }) => ({
        widget_keys: (await tenantWidgetKeys(ctx, tenantId)).map(keyView),
      }),
      {
        scope: "keys:manage",
        response: { 200: WidgetKeyList, ...errorResponses },
        detail: { summary: "List the tenant's widget keys (revoked ones included)", tags },
      },
    )
    .patch(
      "/widget-keys/:id",
      async ({ params, body, tenantId }) => {
        const row = await liveKey(ctx, tenantId, params.id);
        const columns: Partial<WidgetKeyRow> = { updatedAt: ctx.clock.now() };
        if (body.name !== undefined) columns.name = body.name;
        if (body.allowed_origins !== undefined)
          columns.allowedOrigins = [...new Set(body.allowed_origins)];
        if (body.settings !== undefined) columns.settings = body.settings;
        if (body.visitor_rate_limit !== undefined)
          columns.visitorRateLimit = body.visitor_rate_limit;
        await ctx.write((tx) =>
          tx.update(widgetKeys).set(columns).where(eq(widgetKeys.id, row.id)),
        );
        widgetKeyStore(ctx).forget();
        return keyView({ ...row, ...columns });
      },
      {
        scope: "keys:manage",
        params: IdParams,
        body: UpdateWidgetKey,
        response: { 200: WidgetKeyView, ...errorResponses },
        detail: {
          summary: "Change a widget key's name, allowed origins, settings or visitor limit",
          tags,
        },
      },
    )
    .delete(
      "/widget-keys/:id",
      async ({ params, tenantId, set }) => {
        const row = await liveKey(ctx, tenantId, params.id);
        const now = ctx.clock.now();
        await ctx.write((tx) =>
          tx
            .update(widgetKeys)
            .set({ revokedAt: now, updatedAt: now })
            .where(eq(widgetKeys.id, row.id)),
        );
        widgetKeyStore(ctx).forget();
        set.status = 204;
      },
      {
        scope: "keys:manage",
        params: IdParams,
        response: { 204: t.Void(), ...errorResponses },
        detail: {
          summary: "Revoke a widget key: it and every visitor token it issued stop working",
          description:
            "At once on this instance, on open sockets too; other instances within a second on PostgreSQL, within 10 seconds on a SQLite database several processes share.",
          tags,
        },
      },
    );
