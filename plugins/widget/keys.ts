import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { Elysia, type Static, t } from "elysia";
import { widgetKeys } from "../../db/schema";
import {
  type AppContext,
  authMacros,
  conflict,
  ErrorBody,
  errorResponses,
  forbidden,
  IdParams,
  iso,
  newId,
  notFound,
  retiringAfterRotation,
  type Scope,
  sha256Hex,
} from "../../src/core";
import {
  CreatedWidgetKey,
  CreateWidgetKey,
  RotatedIdentitySecret,
  UpdateWidgetKey,
  WidgetKeyList,
  WidgetKeyView,
} from "./model";
import { tenantWidgetKeys, type WidgetKeyRow, widgetKeyStore } from "./store";

const tags = ["widget"];

/**
 * What a widget key's visitors do: with the identity secret a site proves
 * any customer, whose conversations the visitor then reads and writes.
 */
const WIDGET_SCOPES: Scope[] = [
  "contacts:write",
  "conversations:read",
  "conversations:write",
  "messages:read",
  "messages:write",
];

/**
 * Only a key holding what a widget key's visitors do may make one or see its
 * identity secret: keys:manage is no way into the conversations.
 */
function assertHoldsWidgetScopes(scopes: ReadonlySet<Scope>) {
  const missing = WIDGET_SCOPES.filter((scope) => !scopes.has(scope));
  if (missing.length > 0)
    throw forbidden(
      `Missing permission: ${missing.join(", ")} (a widget key's identity secret reads and writes any customer's conversations)`,
    );
}

const newIdentitySecret = () => `wis_${randomBytes(32).toString("base64url")}`;

const keyView = (row: WidgetKeyRow, now: Date): Static<typeof WidgetKeyView> => ({
  id: row.id,
  name: row.name,
  key_prefix: row.keyPrefix,
  allowed_origins: row.allowedOrigins,
  settings: row.settings,
  visitor_rate_limit: row.visitorRateLimit,
  identity_verification_required: row.identityVerificationRequired,
  has_identity_secret: row.identitySecret !== null,
  previous_identity_secret_expires_at: lastOverlapEnd(row, now),
  revoked_at: iso(row.revokedAt),
  created_at: row.createdAt.toISOString(),
  updated_at: row.updatedAt.toISOString(),
});

/** Replaced identity secrets still inside their overlap at `now`. */
const retiring = (row: WidgetKeyRow, now: Date) =>
  row.retiredIdentitySecrets.filter((s) => s.expiresAt > now.getTime());

/** When the last replaced identity secret stops verifying; null when none does now. */
function lastOverlapEnd(row: WidgetKeyRow, now: Date): string | null {
  const ends = retiring(row, now).map((s) => s.expiresAt);
  return ends.length > 0 ? new Date(Math.max(...ends)).toISOString() : null;
}

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
      async ({ body, tenantId, scopes, set }) => {
        assertHoldsWidgetScopes(scopes);
        const key = `pk_${randomBytes(24).toString("base64url")}`;
        const identitySecret = newIdentitySecret();
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
          identitySecret: ctx.secrets.seal(identitySecret),
          retiredIdentitySecrets: [],
          identityVerificationRequired: body.identity_verification_required ?? false,
          revokedAt: null,
          createdAt: now,
          updatedAt: now,
        };
        const created = await ctx.write(async (tx) => {
          await tx.insert(widgetKeys).values(row);
          return { ...keyView(row, now), key, identity_secret: identitySecret };
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
          description:
            "The answer also holds the key's identity verification secret, shown once. Besides keys:manage the calling key needs contacts:write, conversations:read, conversations:write, messages:read and messages:write: what the widget key's visitors do. Idempotency-Key is refused here: the answer holds secrets crmd never stores in clear.",
          tags,
        },
      },
    )
    .get(
      "/widget-keys",
      async ({ tenantId }) => ({
        widget_keys: (await tenantWidgetKeys(ctx, tenantId)).map((row) =>
          keyView(row, ctx.clock.now()),
        ),
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
        if (body.identity_verification_required !== undefined) {
          if (body.identity_verification_required && row.identitySecret === null)
            throw conflict(
              "The key has no identity secret yet: POST /widget-keys/{id}/rotate-identity-secret first",
            );
          columns.identityVerificationRequired = body.identity_verification_required;
        }
        await ctx.write((tx) =>
          tx.update(widgetKeys).set(columns).where(eq(widgetKeys.id, row.id)),
        );
        widgetKeyStore(ctx).forget();
        return keyView({ ...row, ...columns }, columns.updatedAt as Date);
      },
      {
        scope: "keys:manage",
        params: IdParams,
        body: UpdateWidgetKey,
        response: { 200: WidgetKeyView, ...errorResponses, 409: ErrorBody },
        detail: {
          summary:
            "Change a widget key's name, allowed origins, settings, visitor limit or whether it requires verified identities",
          tags,
        },
      },
    )
    .post(
      "/widget-keys/:id/rotate-identity-secret",
      async ({ params, tenantId, scopes }) => {
        const identitySecret = newIdentitySecret();
        const now = ctx.clock.now();
        const after = await ctx.write(async (tx) => {
          const [before] = await tx.select().from(widgetKeys).where(live(tenantId, params.id));
          if (!before) throw notFound("Widget key");
          assertHoldsWidgetScopes(scopes);
          const columns = {
            identitySecret: ctx.secrets.seal(identitySecret),
            retiredIdentitySecrets: retiringAfterRotation(
              before.identitySecret,
              before.retiredIdentitySecrets,
              now,
            ),
            updatedAt: now,
          };
          await tx.update(widgetKeys).set(columns).where(eq(widgetKeys.id, before.id));
          return { ...before, ...columns };
        });
        widgetKeyStore(ctx).forget();
        return { ...keyView(after, now), identity_secret: identitySecret };
      },
      {
        scope: "keys:manage",
        params: IdParams,
        response: { 200: RotatedIdentitySecret, ...errorResponses },
        detail: {
          summary:
            "Replace the identity verification secret (shown once); for 24 h user_hash values made with the old one still verify",
          description:
            "Tokens of visitors verified with the old secret end when it stops verifying; other visitor tokens stay valid. Besides keys:manage the calling key needs contacts:write, conversations:read, conversations:write, messages:read and messages:write: with the secret a site proves any customer. Idempotency-Key is refused here: the answer holds a secret crmd never stores in clear.",
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
        widgetKeyStore(ctx).revoked(row.id);
        set.status = 204;
      },
      {
        scope: "keys:manage",
        params: IdParams,
        response: { 204: t.Void(), ...errorResponses },
        detail: {
          summary: "Revoke a widget key: it and every visitor token it issued stop working",
          description:
            "At once on this instance, on open sockets too; other instances within a second on PostgreSQL, within 10 seconds on a SQLite database several processes share. No live event committed after the revocation reaches its visitors' sockets, on any instance.",
          tags,
        },
      },
    );
