import { TypeCompiler } from "@sinclair/typebox/compiler";
import { Elysia, t } from "elysia";
import {
  ApiError,
  type AppContext,
  allows,
  authMacros,
  errorResponses,
  expandPermissions,
  forbidden,
  invalid,
  JsonInteger,
  type KeyPrincipal,
  type Principal,
  type Scope,
} from "../../src/core";
import { findTenant } from "../tenants";
import { ApiKey, CreateApiKey, CreatedApiKey, TenantQuery } from "./model";
import { createKey, expiryOf, listKeys, revokeKey } from "./service";

export { MAX_EXPIRES_IN_DAYS } from "./model";
export { createKey, listKeys, revokeKey } from "./service";

let newKeyCheck: ReturnType<typeof compileNewKeyCheck> | undefined;
const compileNewKeyCheck = () =>
  TypeCompiler.Compile(t.Pick(CreateApiKey, ["name", "permissions"]));

/**
 * The API's own rules for a new key's name and scopes, for a caller that
 * does not come through its body validation (the CLI): 422 with field errors.
 */
export function checkNewKey(input: { name: string; permissions: string[] }) {
  newKeyCheck ??= compileNewKeyCheck();
  if (newKeyCheck.Check(input)) return;
  const errors = [...newKeyCheck.Errors(input)].map(({ path, message }) => ({ path, message }));
  const detail = errors.map((e) => `${e.path.slice(1)}: ${e.message}`).join("; ");
  throw new ApiError(422, "VALIDATION_ERROR", detail, errors);
}

/**
 * The tenant a key-management call acts on: the admin names it with
 * `tenant_id`; a key with keys:manage acts on its own tenant only.
 */
async function targetTenant(ctx: AppContext, principal: Principal, tenantId?: string) {
  if (principal.kind === "key") {
    if (tenantId && tenantId !== principal.tenantId) {
      const named = await findTenant(ctx.db, tenantId).catch(() => null);
      if (named?.id !== principal.tenantId)
        throw forbidden("A key can only manage its own tenant's keys");
    }
    return principal.tenantId;
  }
  if (!tenantId) throw invalid("/tenant_id", "is required with the admin token");
  return (await findTenant(ctx.db, tenantId)).id;
}

/** The first of `permissions` (with its index) granting a scope `held` lacks, if any. */
function firstNotHeld(held: ReadonlySet<Scope>, permissions: string[]) {
  for (const [index, permission] of permissions.entries()) {
    const scope = [...expandPermissions([permission])].find((s) => !allows(held, s));
    if (scope) return { index, scope };
  }
  return undefined;
}

/** A key may only hand out what it holds itself: keys:manage is no way to a `*` key. */
function assertGrantable(held: ReadonlySet<Scope>, requested: string[]) {
  const missing = firstNotHeld(held, requested);
  if (missing)
    throw new ApiError(
      403,
      "FORBIDDEN",
      `This key cannot grant ${missing.scope}, which it does not hold`,
      [
        {
          path: `/permissions/${missing.index}`,
          message: `grants ${missing.scope}, which the calling key does not hold`,
        },
      ],
    );
}

/**
 * A key may only revoke keys whose scopes it holds itself, as it may only
 * make those: keys:manage is no way to take away the tenant's stronger keys.
 */
function assertRevocable(held: ReadonlySet<Scope>, target: string[]) {
  const missing = firstNotHeld(held, target);
  if (missing)
    throw forbidden(
      `This key cannot revoke a key holding ${missing.scope}, which it does not hold`,
    );
}

/** A key that expires may only make keys that expire by then: keys:manage is no way to outlive it. */
function assertWithinLifetime(holder: KeyPrincipal, expiresAt: Date | null) {
  if (holder.expiresAt === null) return;
  if (expiresAt !== null && expiresAt.getTime() <= holder.expiresAt) return;
  const end = new Date(holder.expiresAt).toISOString();
  throw new ApiError(
    403,
    "FORBIDDEN",
    `This key expires at ${end}: it cannot make one that outlives it`,
    [{ path: "/expires_in_days", message: `must end by ${end}, when the calling key expires` }],
  );
}

/**
 * A key may only make keys limited at least as tightly as itself (null = the
 * server default, for both): keys:manage is no way out of a rate limit.
 */
function assertWithinRateLimit(
  holder: KeyPrincipal,
  requested: number | null,
  serverDefault: number,
) {
  const own = holder.rateLimit ?? serverDefault;
  if ((requested ?? serverDefault) <= own) return;
  throw new ApiError(
    403,
    "FORBIDDEN",
    `This key is limited to ${own} requests per minute: it cannot grant more`,
    [{ path: "/rate_limit", message: `must be at most ${own}, the calling key's limit` }],
  );
}

/** API keys, exactly as seed 001: create (key shown once), list, revoke. */
export const apiKeysPlugin = (ctx: AppContext) =>
  new Elysia({ name: "crmd.api-keys" })
    .use(authMacros)
    .post(
      "/api-keys",
      async ({ body, query, principal, set }) => {
        const tenantId = await targetTenant(ctx, principal, query.tenant_id);
        const now = ctx.clock.now();
        if (principal.kind === "key") {
          assertGrantable(principal.scopes, body.permissions);
          assertWithinLifetime(principal, expiryOf(body.expires_in_days, now));
          assertWithinRateLimit(principal, body.rate_limit ?? null, ctx.config.rateLimit);
        }
        set.status = 201;
        return createKey(
          ctx.db,
          {
            tenantId,
            name: body.name,
            permissions: body.permissions,
            expiresInDays: body.expires_in_days,
            rateLimit: body.rate_limit,
            // A key's keys spend its budget (or the one it spends itself).
            rateLimitKeyId:
              principal.kind === "key"
                ? (principal.sharedRateLimit?.keyId ?? principal.keyId)
                : null,
          },
          now,
        );
      },
      {
        adminOr: "keys:manage",
        query: TenantQuery,
        body: CreateApiKey,
        response: { 201: CreatedApiKey, ...errorResponses },
        detail: {
          summary: "Create an API key (the key is shown only once)",
          description:
            "Only a hash of the key is stored: save `key` from this answer. With the admin token, `tenant_id` names the tenant; a key with keys:manage makes keys of its own tenant only, holding no scope it lacks (403), expiring no later than itself and limited at least as tightly (`rate_limit`).",
          tags: ["api-keys"],
        },
      },
    )
    .get(
      "/api-keys",
      async ({ query, principal }) => {
        const tenantId = await targetTenant(ctx, principal, query.tenant_id);
        const api_keys = await listKeys(ctx.db, tenantId);
        return { api_keys, total: api_keys.length };
      },
      {
        adminOr: "keys:manage",
        query: TenantQuery,
        response: {
          200: t.Object({ api_keys: t.Array(ApiKey), total: JsonInteger() }),
          ...errorResponses,
        },
        detail: {
          summary: "List API keys (never the keys themselves)",
          description:
            "With the admin token, `tenant_id` names the tenant; a key with keys:manage lists its own tenant's. Revoked and expired keys are listed with `revoked_at` / `expires_at`.",
          tags: ["api-keys"],
        },
      },
    )
    .delete(
      "/api-keys/:key_id",
      async ({ params, query, principal }) => {
        const tenantId = await targetTenant(ctx, principal, query.tenant_id);
        const revoked = await revokeKey(
          ctx.db,
          tenantId,
          params.key_id,
          ctx.clock.now(),
          principal.kind === "key"
            ? (target) => assertRevocable(principal.scopes, target)
            : undefined,
        );
        ctx.keys.revoked(revoked.id);
        return revoked;
      },
      {
        adminOr: "keys:manage",
        query: TenantQuery,
        params: t.Object({ key_id: t.String() }),
        response: { 200: ApiKey, ...errorResponses },
        detail: {
          summary: "Revoke an API key (effective at once)",
          description:
            "A key with keys:manage revokes only keys whose scopes it holds itself (403 otherwise); the admin token revokes any. No live event committed after the revocation reaches the key's sockets, on any instance.",
          tags: ["api-keys"],
        },
      },
    );
