import { and, eq, isNull, lt } from "drizzle-orm";
import type { WriteTx } from "../db/client";
import { idempotencyKeys } from "../db/schema";
import { API_PREFIX } from "./auth";
import type { AppContext } from "./context";
import { ApiError, badRequest } from "./errors";
import { JSON_TYPE } from "./http-conventions";
import { versionOf, withVersion } from "./record-version";
import { currentRequest, type Principal, requestState } from "./request-state";

/**
 * `Idempotency-Key` on any POST under /api/external (and the widget POSTs
 * registered with registerIdempotentPaths) makes it safe to retry: the
 * first request claims the key (per API key, per admin token, or per the
 * registering path's principal, a widget visitor); its
 * 2xx response is stored and replayed, with `Idempotent-Replayed: true`, to
 * every retry with the same method, path, query and body for 24 hours. The
 * same key with another request is 409 IDEMPOTENCY_KEY_REUSED. A retry
 * arriving while the first request still runs is 409
 * IDEMPOTENCY_IN_PROGRESS with Retry-After (it does not wait). A request
 * that fails (4xx, 5xx) stores nothing: its transaction rolled back, so
 * the key is released and a retry runs again.
 *
 * The response is stored in the route's own write transaction (replayWithWrite),
 * so a crash can never leave a committed write without its replay. If the
 * process dies before the write commits, the claim stays "in progress" until
 * CLAIM_TIMEOUT_MS (1 min) passes; a retry after that runs the request again.
 */
const IDEMPOTENCY_HEADER = "idempotency-key";
const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const CLAIM_TIMEOUT_MS = 60_000;
const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;

/**
 * Routes whose responses hold a secret crmd keeps only as a hash (a new API
 * key, an inbound email secret) or sealed (a webhook's signing secret, a
 * widget key's identity secret):
 * storing the response for replay would defeat that, so they refuse the
 * header instead of ignoring it.
 */
const SECRET_RESPONSES = [
  new RegExp(`^${API_PREFIX}/api-keys`),
  new RegExp(`^${API_PREFIX}/webhooks/?$`),
  new RegExp(`^${API_PREFIX}/webhooks/[^/]+/rotate-secret$`),
  new RegExp(`^${API_PREFIX}/email/inbound-secret/?$`),
  new RegExp(`^${API_PREFIX}/widget-keys/?$`),
  new RegExp(`^${API_PREFIX}/widget-keys/[^/]+/rotate-identity-secret$`),
];

/** Whether a POST to `path` (a URL path or an OpenAPI path template) refuses the header. */
export const refusesIdempotencyKey = (path: string) =>
  SECRET_RESPONSES.some((pattern) => pattern.test(path));

/**
 * POSTs outside /api/external whose callers authenticate themselves (a
 * widget's visitors) and take the header, each with who a key belongs to.
 */
const selfAuthenticated: Array<{
  pattern: RegExp;
  principal: (request: Request) => string | null;
}> = [];

/**
 * Makes POSTs to paths matching `takes` (URL paths and OpenAPI templates)
 * take Idempotency-Key, claimed per `principal(request)` (null: the caller
 * is not known, the header is ignored), and those matching `refuses`
 * refuse it (400): their answers hold a credential that is never stored.
 */
export function registerIdempotentPaths(paths: {
  takes: RegExp;
  refuses?: RegExp;
  principal: (request: Request) => string | null;
}) {
  selfAuthenticated.push({ pattern: paths.takes, principal: paths.principal });
  if (paths.refuses) SECRET_RESPONSES.push(paths.refuses);
}

/** Whether a POST to `path` outside /api/external takes the header. */
export const takesIdempotencyKeyOutsideApi = (path: string) =>
  selfAuthenticated.some((entry) => entry.pattern.test(path));

export interface IdempotencyClaim {
  principal: string;
  key: string;
}

/** JSON with object keys sorted, so key order and spacing do not make a request "different". */
function canonical(text: string): string {
  const sort = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sort)
      : value && typeof value === "object"
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((k) => [k, sort((value as Record<string, unknown>)[k])]),
          )
        : value;
  try {
    return JSON.stringify(sort(JSON.parse(text)));
  } catch {
    return text;
  }
}

/** What a request's hash starts with: its method, path and query. */
export function requestHasher(request: Request): Bun.CryptoHasher {
  const url = new URL(request.url);
  return new Bun.CryptoHasher("sha256").update(`POST ${url.pathname}${url.search}\n`);
}

/** Method, path with query, and body (read before routing): JSON canonicalised, anything else as bytes. */
function requestHash(request: Request, body: Uint8Array | undefined): string {
  const hasher = requestHasher(request);
  const bytes = body ?? new Uint8Array(0);
  const isJson = /json/i.test(request.headers.get("content-type") ?? "application/json");
  hasher.update(isJson ? canonical(new TextDecoder().decode(bytes)) : bytes);
  return hasher.digest("hex");
}

const principalId = (principal: Principal) =>
  principal.kind === "key" ? `key:${principal.keyId}` : "admin";

/**
 * The stored answer, carrying the version of the record it answered with
 * (versionOf), when it was one, so the replay's strong ETag is made again
 * from the same version and text (http-conventions.ts) in whatever coding
 * the retry accepts. A row stored without one replays without an ETag.
 */
function replayed(
  status: number,
  body: string | null,
  version: number | null,
  headers: Record<string, string>,
) {
  const response = new Response(status === 204 ? null : body, {
    status,
    headers: {
      ...headers,
      "content-type": JSON_TYPE,
      "idempotent-replayed": "true",
    },
  });
  return version === null ? response : withVersion(response, version);
}

/**
 * Runs in onRequest, after authentication. Without the header (or on other
 * methods) it does nothing. Otherwise it answers a retry with the stored
 * response, or claims the key for this request.
 */
export async function beginIdempotency(
  ctx: AppContext,
  request: Request,
  path: string,
  headers: Record<string, string>,
): Promise<Response | undefined> {
  const key = request.headers.get(IDEMPOTENCY_HEADER);
  const state = requestState(request);
  if (key === null || request.method !== "POST" || !state) return;
  const principal = state.principal
    ? principalId(state.principal)
    : (selfAuthenticated.find((entry) => entry.pattern.test(path))?.principal(request) ?? null);
  const refused = refusesIdempotencyKey(path);
  if (principal === null && !refused) return;
  if (!KEY_FORMAT.test(key))
    throw badRequest("Idempotency-Key must be 1 to 255 visible ASCII characters");
  if (refused || principal === null)
    throw badRequest(
      "Idempotency-Key is not supported here: the response holds a secret that is never stored",
    );

  const claim = { principal, key };
  const hash = state.bodyHash ?? requestHash(request, state.body);
  const now = ctx.clock.now();
  const stored = await ctx.db.transaction(async (tx) => {
    const where = and(eq(idempotencyKeys.principal, claim.principal), eq(idempotencyKeys.key, key));
    const [found] = await tx.select().from(idempotencyKeys).where(where);
    const abandoned =
      found?.status === null && now.getTime() - found.createdAt.getTime() > CLAIM_TIMEOUT_MS;
    if (found && found.expiresAt > now && !abandoned) {
      if (found.requestHash !== hash)
        throw new ApiError(
          409,
          "IDEMPOTENCY_KEY_REUSED",
          "This Idempotency-Key was used with a different request",
        );
      if (found.status === null)
        throw new ApiError(
          409,
          "IDEMPOTENCY_IN_PROGRESS",
          "A request with this Idempotency-Key is still running; retry shortly",
          undefined,
          { "retry-after": "1" },
        );
      return found;
    }
    await tx.delete(idempotencyKeys).where(lt(idempotencyKeys.expiresAt, now));
    const fresh = {
      requestHash: hash,
      status: null,
      body: null,
      version: null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
    };
    await tx
      .insert(idempotencyKeys)
      .values({ ...claim, ...fresh })
      .onConflictDoUpdate({ target: [idempotencyKeys.principal, idempotencyKeys.key], set: fresh });
    return null;
  });
  if (stored) return replayed(stored.status as number, stored.body, stored.version, headers);
  state.idempotency = claim;
}

/**
 * For a streamed upload (body.ts `uploadBody`), whose body was not read
 * before routing: once the route has read it to its end, answers a retry
 * with the stored response or claims the key, as beginIdempotency does for
 * every other request before routing. Does nothing for other requests.
 */
export async function claimIdempotency(
  ctx: AppContext,
  request: Request,
  headers: Record<string, string>,
): Promise<Response | undefined> {
  const state = requestState(request);
  if (!state?.streamed || state.idempotency) return;
  if (state.bodyHash === undefined) throw new Error("the upload's body was not read to its end");
  return beginIdempotency(ctx, request, new URL(request.url).pathname, headers);
}

/**
 * For a write made while handling a request that holds an Idempotency-Key:
 * stores, inside the write's own transaction, the route's success status
 * (or the one the write chose, answerStatus) and the write's result (what
 * the handler answers with), so the write and its replay commit together
 * and a retry after any crash replays it. The handler's exact response
 * replaces it afterwards (finishIdempotency). Called before the
 * transaction starts: the request is known only there.
 */
export function replayWithWrite():
  | ((tx: WriteTx, result: unknown) => Promise<unknown>)
  | undefined {
  const request = currentRequest();
  const state = request && requestState(request);
  const claim = state?.idempotency;
  if (!state || !claim || !state.successStatus) return;
  return (tx, result) =>
    tx
      .update(idempotencyKeys)
      .set({
        status: state.successStatus,
        body: JSON.stringify(result ?? null),
        version: versionOf(result) ?? null,
      })
      .where(
        and(eq(idempotencyKeys.principal, claim.principal), eq(idempotencyKeys.key, claim.key)),
      );
}

/**
 * For a route whose success status depends on its write (201 created, 200
 * found): the status its replay is stored with. Call it inside the write,
 * with the handler's request (group commit may run the write in another
 * request's turn, where the current request is that one).
 */
export function answerStatus(request: Request, status: number): void {
  const state = requestState(request);
  if (state) state.successStatus = status;
}

/** After the handler: a 2xx response is stored for replay; anything else releases the key. */
export async function finishIdempotency(
  ctx: AppContext,
  request: Request,
  status: number,
  value: unknown,
): Promise<void> {
  const state = requestState(request);
  const claim = state?.idempotency;
  if (!claim) return;
  state.idempotency = undefined;
  if (status < 200 || status >= 300) return release(ctx, claim);
  const body =
    value instanceof Response ? await value.clone().text() : JSON.stringify(value ?? null);
  const version = versionOf(value) ?? null;
  await ctx.db.transaction((tx) =>
    tx
      .update(idempotencyKeys)
      .set({ status, body, version })
      .where(
        and(eq(idempotencyKeys.principal, claim.principal), eq(idempotencyKeys.key, claim.key)),
      ),
  );
}

/** After a failure (or when no handler ran): the key is free again. */
export async function releaseIdempotency(ctx: AppContext, request: Request): Promise<void> {
  const state = requestState(request);
  const claim = state?.idempotency;
  if (!claim) return;
  state.idempotency = undefined;
  await release(ctx, claim);
}

/** Deletes the claim, unless it already holds a stored response. */
function release(ctx: AppContext, claim: IdempotencyClaim) {
  return ctx.db.transaction((tx) =>
    tx
      .delete(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.principal, claim.principal),
          eq(idempotencyKeys.key, claim.key),
          isNull(idempotencyKeys.status),
        ),
      ),
  );
}
