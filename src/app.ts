import { Elysia, NotFoundError } from "elysia";
import { plugins, rootPlugins } from "../plugins";
import {
  API_PREFIX,
  authenticate,
  inputsChecked,
  ownAuthenticationOf,
  pathAuthenticationOf,
} from "./auth";
import { admitRequest } from "./body";
import { clientAddressOf } from "./client-address";
import type { AppContext } from "./context";
import { health } from "./health";
import { cors, finishJson } from "./http-conventions";
import { errorResponse, methodNotAllowed } from "./http-errors";
import { beginIdempotency, finishIdempotency, releaseIdempotency } from "./idempotency";
import { allowedMethods, routeNamer } from "./metrics";
import { metricsRoute } from "./metrics-route";
import { notePrecondition } from "./preconditions";
import { versionOf } from "./record-version";
import { type RequestState, requestEnded, requestState, setRequestState } from "./request-state";
import {
  jsonDepth,
  MAX_JSON_DEPTH,
  notObjects,
  type RouteInputs,
  routeInputs,
  strictQuery,
  unknownFields,
  uploadMatcher,
  validationError,
} from "./strict-input";
import { swagger } from "./swagger";
import { endRequestSpan } from "./tracing";

const REQUEST_ID = /^[\w.:-]{1,128}$/;

function pathOf(url: string): string {
  const start = url.indexOf("/", url.indexOf("//") + 2);
  const end = url.indexOf("?", start);
  return end === -1 ? url.slice(start) : url.slice(start, end);
}

/**
 * Strict inputs for an API route (see strict-input.ts): converts its query
 * numbers, and refuses undeclared or repeated parameters, undeclared body
 * fields and over-deep JSON.
 */
function checkInputs(
  inputs: RouteInputs,
  request: Request,
  query: Record<string, unknown>,
  body: unknown,
) {
  Object.assign(query, strictQuery(request.url, inputs.query, inputs.queryPatterns));
  const shape = inputs.body && !(body instanceof FormData) ? notObjects(inputs.body, body) : [];
  if (shape.length) throw validationError(shape);
  if (!body || typeof body !== "object" || body instanceof FormData) return;
  if (jsonDepth(body) > MAX_JSON_DEPTH)
    throw validationError([
      { path: "/", message: `nests deeper than ${MAX_JSON_DEPTH} levels of objects and arrays` },
    ]);
  const unknown = inputs.body ? unknownFields(inputs.body, body) : [];
  if (unknown.length) throw validationError(unknown);
}

/** Builds the HTTP application: core hooks, health, Swagger, and every domain plugin. */
export function createApp(ctx: AppContext) {
  const { config, logger } = ctx;
  const api = new Elysia({ prefix: API_PREFIX });
  for (const plugin of plugins) api.use(plugin(ctx));
  const root = new Elysia();
  for (const plugin of rootPlugins) root.use(plugin(ctx));
  // Built when a request first needs them, not at start nor by a readiness probe.
  let uploadRoutes: ((method: string, url: string) => boolean) | undefined;
  const takesUpload = (method: string, url: string) => {
    uploadRoutes ??= uploadMatcher(routeInputs(app.routes));
    return uploadRoutes(method, url);
  };
  const declaredInputs = new Map<string, RouteInputs | null>();
  /** A route's declared inputs, read from its hooks on its first request. */
  const inputsOf = (method: string, path: string): RouteInputs | null => {
    const key = `${method} ${path}`;
    let found = declaredInputs.get(key);
    if (found === undefined) {
      const route = app.routes.find((r) => r.method === method && r.path === path);
      found = route ? (routeInputs([route]).get(key) ?? null) : null;
      declaredInputs.set(key, found);
    }
    return found;
  };
  let allowedOf: ((path: string) => string[]) | undefined;
  /** The methods a path has routes for, read from the routes on the first wrong method. */
  const methodsOf = (path: string) => {
    allowedOf ??= allowedMethods(app.routes);
    const methods = allowedOf(path);
    // HEAD is answered wherever GET is (Bun runs the GET route for it).
    return methods.includes("GET")
      ? ["GET", "HEAD", ...methods.filter((m) => m !== "GET")]
      : methods;
  };
  const clientAddress = clientAddressOf(config.trustedProxies);
  // Behind a proxy serving crmd under a path (CRMD_PUBLIC_URL https://example.com/crm), a Link names it.
  const linkPrefix = config.publicUrl ? new URL(config.publicUrl).pathname.replace(/\/+$/, "") : "";
  let routeOf: ReturnType<typeof routeNamer> | undefined;
  /** The route a request refused before routing asked for. */
  const routeAskedFor = (request: Request) => {
    routeOf ??= routeNamer(app.routes);
    return routeOf(request.method, pathOf(request.url));
  };

  // encodeSchema off: responses are checked against their schema, not re-encoded
  // through TypeBox transforms (t.Integer is one), which cost a fifth of a list request.
  const app = new Elysia({ name: "crmd", encodeSchema: false })
    .onRequest(async ({ request, set, server }) => {
      const path = pathOf(request.url);
      // A path that checks its callers itself (the widget API) keeps its own origin list and CORS.
      const checksItself = pathAuthenticationOf(path);
      if (!checksItself) {
        const preflight = cors(request, config.corsOrigins, set.headers as Record<string, string>);
        if (preflight) return preflight;
      }
      const incoming = request.headers.get("x-request-id");
      const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : Bun.randomUUIDv7();
      const clientAddressOfRequest = () =>
        clientAddress(request, server?.requestIP(request)?.address ?? "unknown");
      const state: RequestState = {
        requestId,
        startedAt: performance.now(),
        principal: null,
        clientAddress: clientAddressOfRequest,
      };
      setRequestState(request, state);
      set.headers["x-request-id"] = requestId;
      // Inbound relays and provider callbacks prove who they are themselves.
      const own = ownAuthenticationOf(path);
      const isApi = path.startsWith(API_PREFIX) && !own;
      const headers = set.headers as Record<string, string>;
      if (isApi)
        state.principal = await authenticate(ctx, request, headers, clientAddressOfRequest);
      else if (checksItself && request.method !== "OPTIONS")
        await checksItself.authenticate(ctx, request, headers, clientAddressOfRequest());
      state.body = await admitRequest(request, config, takesUpload, own?.mediaTypes);
      // A streamed upload claims its key once its route has read the body (claimIdempotency).
      if ((isApi || checksItself) && !state.streamed) {
        const replay = await beginIdempotency(ctx, request, path, headers);
        // Finished as the first answer was: its record's ETag, compressed when asked.
        if (replay) {
          state.recordVersion = versionOf(replay);
          const finished = replay.body && finishJson(request, replay, replay.status, headers);
          return finished || replay;
        }
      }
    })
    .onTransform({ as: "global" }, (context) => {
      const { request, route, query, body } = context;
      // Text as the database will store it, so the answer, events and later reads agree.
      if (body !== undefined && body !== null) context.body = ctx.db.dialect.storedInput(body);
      // Strict inputs are the API's (/api/…): probes, metrics and Swagger UI take
      // no input, and a monitor's or scraper's query string must not fail them.
      // HEAD is GET without the body (Bun answers it with the GET route): the same inputs.
      const method = request.method === "HEAD" ? "GET" : request.method;
      const declared = route.startsWith("/api/") ? inputsOf(method, route) : null;
      if (!declared) return;
      const state = requestState(request);
      if (state) state.successStatus = declared.successStatus;
      try {
        checkInputs(declared, request, query, body);
      } catch (error) {
        // Auth before validation: a caller the route's auth check (a later
        // transform) refuses gets its 401 / 403, not this 422 (auth.ts inputsChecked).
        if (!state?.principal) throw error;
        state.inputError = error;
      }
    })
    .onBeforeHandle({ as: "global" }, ({ request, route, params }) => {
      // A refusal held for a route whose auth check did not throw it (none should be left).
      inputsChecked(request);
      notePrecondition(request, route, params as Record<string, string | undefined>);
    })
    .onAfterHandle({ as: "global" }, async ({ request, set, responseValue }) => {
      // Seen here as the handler made it: the response schema's copy drops the version.
      const state = requestState(request);
      if (state) state.recordVersion = versionOf(responseValue);
      await finishIdempotency(ctx, request, Number(set.status ?? 200), responseValue);
    })
    .mapResponse({ as: "global" }, ({ request, responseValue, set }) => {
      const status = Number(set.status ?? 200);
      const finished = finishJson(
        request,
        responseValue,
        status,
        set.headers as Record<string, string>,
        linkPrefix,
      );
      // The finished answer carries the hooks' headers and its status already.
      // With headers pending or a status other than 200 in `set`, Elysia would
      // copy it into one more Response (its body turned into a stream) just to
      // add them once more.
      if (finished instanceof Response) {
        set.headers = {};
        set.status = 200;
      }
      return finished;
    })
    .onError(async ({ code, error, set, request }) => {
      await requestEnded(request);
      await releaseIdempotency(ctx, request);
      const state = requestState(request);
      const headers = set.headers as Record<string, string>;
      // A path crmd serves, asked with a method it does not take: 405 with the ones it does.
      // (Elysia's own NotFoundError: no route matched; a handler's 404 is an ApiError.)
      const allowed = error instanceof NotFoundError ? methodsOf(pathOf(request.url)) : [];
      const response = allowed.length
        ? methodNotAllowed(request.method, allowed, headers, state?.requestId ?? "")
        : errorResponse(code, error, headers, state?.requestId ?? "", logger);
      if (state) state.status = response.status; // the log's status is the one sent
      // Elysia answers with set.status: 500 for an error it does not know (a 4xx of a wrapped database error).
      set.status = response.status;
      return response;
    })
    .onAfterResponse(async ({ request, set, response, route }) => {
      await releaseIdempotency(ctx, request); // if neither handler nor error hook ran
      await requestEnded(request);
      const state = requestState(request);
      const principal = state?.principal;
      const status = state?.status ?? (response instanceof Response ? response.status : set.status);
      // The line's fields are built only when it is written.
      if (logger.enabled("info"))
        logger.info("request", {
          request_id: state?.requestId,
          method: request.method,
          path: pathOf(request.url),
          status,
          duration_ms: state
            ? Math.round((performance.now() - state.startedAt) * 100) / 100
            : undefined,
          key_prefix: principal?.kind === "key" ? principal.keyPrefix : principal?.kind,
          tenant_id: principal?.kind === "key" ? principal.tenantId : undefined,
        });
      // Requests refused before routing (401, 429, 413) are counted under the route they asked for.
      const pattern = route || routeAskedFor(request);
      endRequestSpan(request, pattern, Number(status ?? 200));
      if (state)
        ctx.metrics.observeRequest(
          request.method,
          pattern,
          Number(status ?? 200),
          (performance.now() - state.startedAt) / 1000,
        );
    })
    .use(swagger(config))
    .use(health(ctx))
    .use(metricsRoute(ctx))
    .use(root)
    .use(api);
  return app;
}

export type App = ReturnType<typeof createApp>;
