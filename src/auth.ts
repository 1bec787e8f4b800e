import { timingSafeEqual } from "node:crypto";
import { Elysia } from "elysia";
import type { Actor } from "./activity";
import { showsLinksIn } from "./associations";
import type { AppContext } from "./context";
import { scopeResourceOf } from "./custom-fields/registry";
import { ApiError, forbidden, unauthorized } from "./errors";
import { sha256Hex } from "./ids";
import { KEY_PREFIX, type KeyPrincipal } from "./keys";
import { RepeatedFailureLog } from "./logger";
import { FixedWindowRateLimiter, type RateLimitDecision } from "./rate-limit";
import { type Principal, requestState } from "./request-state";
import { allows, type Scope } from "./scopes";

export const API_PREFIX = "/api/external";

/**
 * API routes whose callers prove who they are without an API key: inbound
 * email relays (a tenant's inbound secret) and provider callbacks (the
 * provider's signature). Each also names the media types it takes beyond
 * JSON and forms. Plugins register them when they are built.
 */
const ownAuthentication: Array<{ path: string; mediaTypes: string[] }> = [];

export function registerOwnAuthentication(path: string, mediaTypes: string[] = []): void {
  registerOwnAuthenticationAt(API_PREFIX + path, mediaTypes);
}

/** As registerOwnAuthentication, for a route outside /api/external (`path` is the whole path). */
export function registerOwnAuthenticationAt(path: string, mediaTypes: string[] = []): void {
  ownAuthentication.push({ path, mediaTypes });
}

/** The own-authentication entry covering a request path (the path itself or below it). */
export const ownAuthenticationOf = (path: string) =>
  ownAuthentication.find((route) => path === route.path || path.startsWith(`${route.path}/`));

/**
 * Checks a caller outside /api/external (the public widget API: a widget
 * key or a visitor token); throws 401, 403 or 429.
 */
export type PathAuthenticator = (
  ctx: AppContext,
  request: Request,
  headers: Record<string, string>,
  ip: string,
) => Promise<void>;

const pathAuthentication: Array<{ prefix: string; authenticate: PathAuthenticator }> = [];

/**
 * Paths under `prefix` authenticate their callers with `authenticate`, run
 * before the body is read (as API keys are), so a caller without valid
 * credentials only ever sees 401. They answer CORS themselves (their own
 * origin lists), not by CRMD_CORS_ORIGINS.
 */
export function registerPathAuthentication(prefix: string, authenticate: PathAuthenticator) {
  pathAuthentication.push({ prefix, authenticate });
}

export const pathAuthenticationOf = (path: string) =>
  pathAuthentication.find((entry) => path === entry.prefix || path.startsWith(`${entry.prefix}/`));

/** OpenAPI security requirement: either header works. */
export const SECURITY: Array<Record<string, string[]>> = [{ ApiKeyHeader: [] }, { BearerAuth: [] }];
export const ADMIN_SECURITY: Array<Record<string, string[]>> = [{ AdminToken: [] }];

export function presentedCredential(headers: Headers): string | null {
  const apiKey = headers.get("x-api-key");
  if (apiKey) return apiKey.trim();
  return bearerOf(headers);
}

function bearerOf(headers: Headers): string | null {
  const authorization = headers.get("authorization");
  if (authorization?.toLowerCase().startsWith("bearer ")) return authorization.slice(7).trim();
  return null;
}

/**
 * X-API-Key and Authorization: Bearer naming two different credentials (two
 * tenants' keys, a key and the admin token): which one was meant is unknown,
 * so neither is used.
 */
function credentialsDisagree(headers: Headers): boolean {
  const apiKey = headers.get("x-api-key")?.trim();
  const bearer = bearerOf(headers);
  return !!apiKey && bearer !== null && bearer !== apiKey;
}

/** The admin token's digest, computed once per configured token, not per request. */
let adminDigest: { token: string; digest: Buffer } | null = null;

function isAdminToken(presentedHash: string, adminToken: string | undefined): boolean {
  if (!adminToken) return false;
  if (adminDigest?.token !== adminToken)
    adminDigest = { token: adminToken, digest: Buffer.from(sha256Hex(adminToken), "hex") };
  // Compare digests so the comparison is constant-time whatever the lengths.
  return timingSafeEqual(Buffer.from(presentedHash, "hex"), adminDigest.digest);
}

/** Prefixes of credentials that are not API keys nor the admin token (a widget visitor token). */
const otherCredentialPrefixes: string[] = [];

/**
 * Credentials starting with `prefix` are another kind's, refused on the API
 * with 401 but no attempt at the admin token: they are not counted against
 * the sender's address.
 */
export function registerCredentialPrefix(prefix: string): void {
  otherCredentialPrefixes.push(prefix);
}

/** Whether a presented credential, valid or not, is an attempt at the admin token. */
const triesAdminToken = (presented: string) =>
  !presented.startsWith(KEY_PREFIX) &&
  !otherCredentialPrefixes.some((prefix) => presented.startsWith(prefix));

/** Wrong admin (or metrics) tokens one client address may present per minute; past it, 429. */
export const ADMIN_FAILURES_PER_MINUTE = 10;

/**
 * Refuses an address locked out of the admin check (429 with Retry-After)
 * before its token is compared, so that while locked out the right token
 * and a wrong one get the same answer: no guess is confirmed.
 */
export function refuseLockedOutAddress(ctx: AppContext, address: string): void {
  const until = ctx.adminLockouts.get(address);
  if (until === undefined) return;
  const now = ctx.clock.now().getTime();
  if (until <= now) {
    ctx.adminLockouts.delete(address);
    return;
  }
  throw adminLockedOut(Math.max(1, Math.ceil((until - now) / 1000)));
}

/** Where a server counts wrong tokens while its shared windows cannot be reached. */
const adminFallbacks = new WeakMap<
  AppContext,
  { windows: FixedWindowRateLimiter; failures: RepeatedFailureLog }
>();

/**
 * Counts a wrong token in the shared windows; when they cannot be reached
 * (a database outage), in this process's memory, so that guesses stay
 * throttled and the caller still gets 401 or 429, not 500. The failure is
 * logged once, then at most once a minute while it lasts.
 */
async function countAdminFailure(ctx: AppContext, bucket: string): Promise<RateLimitDecision> {
  let fallback = adminFallbacks.get(ctx);
  try {
    const decision = await countIn(ctx, bucket, ADMIN_FAILURES_PER_MINUTE);
    fallback?.failures.succeeded();
    return decision;
  } catch (error) {
    if (!fallback) {
      fallback = {
        windows: new FixedWindowRateLimiter(),
        failures: new RepeatedFailureLog(
          ctx.logger,
          "wrong-token throttle: the shared rate-limit windows cannot be reached; counting in this process",
        ),
      };
      adminFallbacks.set(ctx, fallback);
    }
    fallback.failures.failed(error);
    return fallback.windows.consume(bucket, ADMIN_FAILURES_PER_MINUTE, ctx.clock.now().getTime());
  }
}

/**
 * Counts a wrong token from `address`: in the database's shared windows on
 * PostgreSQL (every instance sees the count), in memory otherwise or while
 * those cannot be reached. Past ADMIN_FAILURES_PER_MINUTE the address is
 * locked out until the minute ends.
 */
export async function countFailedAdminAttempt(ctx: AppContext, address: string): Promise<void> {
  const decision = await countAdminFailure(ctx, `admin_failures:${address}`);
  if (decision.allowed) return;
  const until = decision.reset * 1000;
  // Lock-outs end with their minute: the ones of past minutes can go.
  if (ctx.adminLockouts.size > 10_000)
    for (const [locked, end] of ctx.adminLockouts)
      if (end < until) ctx.adminLockouts.delete(locked);
  ctx.adminLockouts.set(address, until);
  ctx.metrics.observeRateLimited("admin_token");
  throw adminLockedOut(decision.retryAfter);
}

const adminLockedOut = (retryAfter: number) =>
  new ApiError(
    429,
    "RATE_LIMITED",
    `Too many wrong admin tokens from this address: retry in ${retryAfter} s`,
    undefined,
    { "retry-after": String(retryAfter) },
  );

/**
 * Identifies the caller of an `/api/external` request and applies its rate
 * limit. Runs in onRequest, before body parsing and validation, so a caller
 * without a valid key only ever sees 401. A credential that is neither
 * shaped as an API key nor registered as another kind's is an attempt at
 * the admin token, throttled per client address (`clientAddress`); wrong
 * API keys are not counted, since 256 random bits are not guessed.
 */
export async function authenticate(
  ctx: AppContext,
  request: Request,
  headers: Record<string, string | number>,
  clientAddress: () => string,
): Promise<Principal> {
  const presented = presentedCredential(request.headers);
  if (!presented) throw unauthorized("Missing API key: send X-API-Key or Authorization: Bearer");
  if (credentialsDisagree(request.headers))
    throw unauthorized(
      "X-API-Key and Authorization: Bearer carry different credentials: send one of them",
    );
  const adminAttemptFrom =
    ctx.config.adminToken && triesAdminToken(presented) ? clientAddress() : null;
  if (adminAttemptFrom !== null) refuseLockedOutAddress(ctx, adminAttemptFrom);
  // One digest of the presented credential serves both checks.
  const hash = sha256Hex(presented);
  if (isAdminToken(hash, ctx.config.adminToken)) return { kind: "admin" };
  const principal = await ctx.keys.authenticate(presented, hash);
  if (!principal) {
    if (adminAttemptFrom !== null) await countFailedAdminAttempt(ctx, adminAttemptFrom);
    throw unauthorized("Invalid, expired or revoked API key");
  }
  await consumeKeyRateLimit(ctx, principal, headers);
  return principal;
}

/**
 * Counts a request (or a live-channel push) of an API key against its
 * budget and, for a key made by a key, its maker's too, so minting keys
 * multiplies no limit. The headers show the tighter of the two.
 */
export async function consumeKeyRateLimit(
  ctx: AppContext,
  key: KeyPrincipal,
  headers: Record<string, string | number>,
): Promise<void> {
  let decision = await countIn(ctx, key.keyId, key.rateLimit ?? ctx.config.rateLimit);
  const shared = key.sharedRateLimit;
  if (decision.allowed && shared) {
    const makers = await countIn(ctx, shared.keyId, shared.rateLimit ?? ctx.config.rateLimit);
    if (!makers.allowed || makers.remaining < decision.remaining) decision = makers;
  }
  answerRateLimit(ctx, "api_key", decision, headers);
}

/** Which limit a refusal came from (the metrics' `limit` label). */
export type RateLimitKind = "api_key" | "widget_ip" | "widget_visitor" | "admin_token";

/**
 * Counts a request against `bucket`'s per-minute budget: sets the
 * X-RateLimit-* headers, and answers 429 with Retry-After over the limit.
 */
export async function consumeRateLimit(
  ctx: AppContext,
  kind: RateLimitKind,
  bucket: string,
  limit: number,
  headers: Record<string, string | number>,
): Promise<void> {
  answerRateLimit(ctx, kind, await countIn(ctx, bucket, limit), headers);
}

/** Counts a request in `bucket`'s window of the current minute, against `limit`. */
async function countIn(ctx: AppContext, bucket: string, limit: number) {
  const consumed = ctx.rateLimiter.consume(bucket, limit, ctx.clock.now().getTime());
  // In memory the decision is at hand; shared windows answer from the database.
  return consumed instanceof Promise ? await consumed : consumed;
}

/** Sets the X-RateLimit-* headers of `decision`; throws 429 with Retry-After when it refuses. */
function answerRateLimit(
  ctx: AppContext,
  kind: RateLimitKind,
  decision: RateLimitDecision,
  headers: Record<string, string | number>,
): void {
  headers["x-ratelimit-limit"] = String(decision.limit);
  headers["x-ratelimit-remaining"] = String(decision.remaining);
  headers["x-ratelimit-reset"] = String(decision.reset);
  if (!decision.allowed) {
    ctx.metrics.observeRateLimited(kind);
    throw new ApiError(
      429,
      "RATE_LIMITED",
      `Rate limit of ${decision.limit} requests per minute exceeded`,
      undefined,
      {
        "retry-after": String(decision.retryAfter),
      },
    );
  }
}

const principalOf = (request: Request): Principal => {
  const principal = requestState(request)?.principal;
  if (!principal) throw unauthorized();
  return principal;
};

/**
 * The check of the `scope` macro, for a route that must know it passed
 * before its macros run: an upload checks it before it stores anything of
 * the body its parser streams (the parser runs before the macros).
 */
export function requireScope(request: Request, required: Scope): void {
  const principal = principalOf(request);
  if (principal.kind !== "key") throw forbidden("This endpoint needs a tenant API key");
  if (!principal.scopes.has(required)) throw forbidden(`Missing permission: ${required}`);
}

export const actorOf = (principal: Principal): Actor =>
  principal.kind === "admin"
    ? { type: "admin", id: null, name: "admin" }
    : { type: "api_key", id: principal.keyId, name: principal.keyName };

/**
 * Called by every auth check once it passed: the strict-input refusal held
 * for this request (src/app.ts) is thrown now, after the 401 / 403.
 */
export function inputsChecked(request: Request): void {
  const state = requestState(request);
  const error = state?.inputError;
  if (error === undefined || !state) return;
  state.inputError = undefined;
  throw error;
}

/**
 * A route's `transform` for a second scope it needs beside its `scope`
 * (converting a lead creates a deal: `deals:write`). It runs before
 * validation, as the macros' checks do, so a key lacking it sees 403
 * naming the scope and `why`, never a 422 that teaches the schema.
 */
export const alsoNeeds =
  (required: Scope, why: string) =>
  ({ request }: { request: Request }): void => {
    const principal = principalOf(request);
    if (principal.kind !== "key") throw forbidden("This endpoint needs a tenant API key");
    if (!allows(principal.scopes, required))
      throw forbidden(`${why}: it needs the ${required} permission`);
    inputsChecked(request);
  };

/**
 * The auth macros every route declares:
 * - `scope: "deals:read"` — a tenant API key holding that scope; handlers get
 *   `tenantId`, `actor` and the key's `scopes`.
 * - `admin: true` — the operator's admin token only.
 * - `adminOr: "keys:manage"` — the admin token, or a key with that scope;
 *   handlers get `principal`.
 * The checks run in `transform`, before validation (see DESIGN).
 */
export const authMacros = new Elysia({ name: "crmd.auth" }).macro({
  scope: (required: Scope) => ({
    detail: { security: SECURITY, "x-required-scope": required },
    transform({ request }) {
      requireScope(request, required);
      inputsChecked(request);
    },
    resolve({ request }) {
      const principal = principalOf(request);
      if (principal.kind !== "key") throw forbidden("This endpoint needs a tenant API key");
      // `scopes` lets a route check further scopes (e.g. per requested type or include).
      return { tenantId: principal.tenantId, actor: actorOf(principal), scopes: principal.scopes };
    },
  }),
  /**
   * Routes over any object type (`/:object/…`): the scope is the object's,
   * `<object>:read|write` (for a custom object, its plural), checked before
   * validation like `scope`.
   */
  objectScope: (access: "read" | "write") => ({
    detail: { security: SECURITY, "x-required-scope": `<object>:${access}` },
    transform({ request, params }) {
      const principal = principalOf(request);
      if (principal.kind !== "key") throw forbidden("This endpoint needs a tenant API key");
      const required = `${scopeResourceOf(String((params as { object?: string }).object))}:${access}`;
      if (!allows(principal.scopes, required)) throw forbidden(`Missing permission: ${required}`);
      inputsChecked(request);
    },
    resolve({ request }) {
      const principal = principalOf(request);
      if (principal.kind !== "key") throw forbidden("This endpoint needs a tenant API key");
      return { tenantId: principal.tenantId, actor: actorOf(principal), scopes: principal.scopes };
    },
  }),
  /**
   * Routes over one record's links to an object type
   * (`/:object/:id/associations/:to`). A link shows records of both types,
   * so reading links needs `<object>:read` and `<to>:read`; changing a
   * record's links is a change to that record, `<object>:write`, and
   * needs the other side to be visible: `<to>:read` (or `<to>:write`, as
   * seed 001's coarse `write` alone gives). Checked before validation.
   */
  linkScope: (access: "read" | "write") => ({
    detail: {
      security: SECURITY,
      "x-required-scope":
        access === "read"
          ? "<object>:read and <to_object>:read"
          : "<object>:write and <to_object>:read (or :write); <to_object>:write where its records show these links (deals' contact_ids)",
    },
    transform({ request, params }) {
      const principal = principalOf(request);
      if (principal.kind !== "key") throw forbidden("This endpoint needs a tenant API key");
      const { object, to } = params as { object?: string; to?: string };
      const own = `${scopeResourceOf(String(object))}:${access}`;
      if (!allows(principal.scopes, own)) throw forbidden(`Missing permission: ${own}`);
      const other = scopeResourceOf(String(to));
      // A link shown in the other record's own fields (a deal's contact_ids) changes that record too.
      if (access === "write" && showsLinksIn(String(to), String(object))) {
        if (!allows(principal.scopes, `${other}:write`))
          throw forbidden(`Missing permission: ${other}:write`);
      } else {
        const seesOther =
          allows(principal.scopes, `${other}:read`) ||
          (access === "write" && allows(principal.scopes, `${other}:write`));
        if (!seesOther) throw forbidden(`Missing permission: ${other}:read`);
      }
      inputsChecked(request);
    },
    resolve({ request }) {
      const principal = principalOf(request);
      if (principal.kind !== "key") throw forbidden("This endpoint needs a tenant API key");
      return { tenantId: principal.tenantId, actor: actorOf(principal), scopes: principal.scopes };
    },
  }),
  admin: (enabled: boolean) => ({
    detail: { security: ADMIN_SECURITY, "x-required-scope": "admin" },
    transform({ request }) {
      if (enabled && principalOf(request).kind !== "admin")
        throw forbidden("This endpoint needs the admin token");
      inputsChecked(request);
    },
  }),
  adminOr: (required: Scope) => ({
    detail: { security: [...ADMIN_SECURITY, ...SECURITY], "x-required-scope": required },
    transform({ request }) {
      const principal = principalOf(request);
      if (principal.kind === "key" && !principal.scopes.has(required))
        throw forbidden(`Missing permission: ${required}`);
      inputsChecked(request);
    },
    resolve({ request }) {
      return { principal: principalOf(request) };
    },
  }),
});
