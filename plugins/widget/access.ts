import { Elysia } from "elysia";
import {
  type Actor,
  type AppContext,
  consumeRateLimit,
  forbidden,
  registerCredentialPrefix,
  registerIdempotentPaths,
  registerPathAuthentication,
  unauthorized,
} from "../../src/core";
import { type WidgetKey, widgetKeyStore } from "./store";
import { VISITOR_TOKEN_PREFIX, type VisitorClaims, visitorRateBucket } from "./tokens";

/** Who calls the widget API: a widget key, and (after identify) its visitor. */
export interface WidgetAccess {
  key: WidgetKey;
  visitor: VisitorClaims | null;
}

const accesses = new WeakMap<Request, WidgetAccess>();

/** The actor of widget writes in the activity log: the widget key that let them in. */
export const widgetActor = (key: WidgetKey): Actor => ({
  type: "system",
  id: key.row.id,
  name: `widget: ${key.row.name}`,
});

const bearer = (request: Request) => {
  const header = request.headers.get("authorization");
  return header?.toLowerCase().startsWith("bearer ") ? header.slice(7).trim() : null;
};

/** Answer headers a page may read: when to try again, and the request id for support. */
const EXPOSED_HEADERS =
  "etag, retry-after, x-request-id, x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset, idempotent-replayed";

/** Where the public widget API is served. */
export const WIDGET_PREFIX = "/api/widget";

/**
 * Checks a widget request before its body is read: the per-IP limit, the
 * key (X-Widget-Key) or visitor token (Authorization: Bearer vt_…), the
 * page's Origin against the key's allow-list (CORS headers for allowed
 * origins, and on refusals that come before the key is known), then the
 * per-visitor limit. Whether the route needs a visitor is the route's own
 * check (widgetMacros).
 */
async function authenticateWidgetRequest(
  ctx: AppContext,
  request: Request,
  headers: Record<string, string>,
  ip: string,
): Promise<void> {
  const origin = request.headers.get("origin");
  // Refusals before the key is known (401, 429) are readable by any page: they hold no
  // data, and a widget must tell an expired token from a network failure.
  if (origin !== null) {
    headers["access-control-allow-origin"] = origin;
    headers["access-control-expose-headers"] = EXPOSED_HEADERS;
    headers.vary = "Origin";
  }
  await consumeRateLimit(
    ctx,
    "widget_ip",
    `widget-ip:${ip}`,
    ctx.config.widgetIpRateLimit,
    headers,
  );
  const store = widgetKeyStore(ctx);
  const token = bearer(request);
  const verified = token ? await store.verify(token) : null;
  if (token && !verified) throw unauthorized("Invalid or expired visitor token");
  const presented = request.headers.get("x-widget-key");
  const key = verified?.key ?? (presented ? await store.byPublishableKey(presented) : null);
  if (!key) throw unauthorized("Missing or invalid widget key: send X-Widget-Key: pk_…");
  if (origin !== null && !key.row.allowedOrigins.includes(origin)) {
    delete headers["access-control-allow-origin"];
    delete headers["access-control-expose-headers"];
    throw forbidden(`Origin ${origin} may not use this widget key`);
  }
  const visitor = verified?.claims ?? null;
  if (visitor)
    await consumeRateLimit(
      ctx,
      "widget_visitor",
      visitorRateBucket(visitor),
      key.row.visitorRateLimit ?? ctx.config.widgetRateLimit,
      headers,
    );
  accesses.set(request, { key, visitor });
}

registerPathAuthentication(WIDGET_PREFIX, authenticateWidgetRequest);
// A visitor retries a message or a seen mark safely with Idempotency-Key, its keys its own
// (per browser session; a token made before sessions were named: per customer). Identifying
// and opening a conversation answer a visitor token, never stored: they refuse the header.
registerIdempotentPaths({
  takes: new RegExp(`^${WIDGET_PREFIX}/conversations/[^/]+/(messages|seen)$`),
  refuses: new RegExp(`^${WIDGET_PREFIX}/(customers|conversations)/?$`),
  principal(request) {
    const access = accesses.get(request);
    const visitor = access?.visitor;
    if (!access || !visitor) return null;
    return `widget:${access.key.row.id}:${visitor.visitorId ?? `customer:${visitor.customerId}`}`;
  },
});
// A visitor token sent to the API is refused there, but is no guess at the admin token.
registerCredentialPrefix(VISITOR_TOKEN_PREFIX);

/**
 * `widget: "key"` or `widget: "visitor"` on a route: the caller was
 * authenticated before its body was read; a route that needs a visitor
 * checks for one in `transform` (before validation). Handlers get `access`.
 */
export const widgetMacros = () =>
  new Elysia({ name: "crmd.widget.access" }).macro({
    widget: (needs: "key" | "visitor") => ({
      detail: { security: needs === "key" ? [{ WidgetKey: [] }] : [{ VisitorToken: [] }] },
      transform({ request }) {
        const access = accesses.get(request);
        if (!access) throw unauthorized();
        if (needs === "visitor" && !access.visitor)
          throw unauthorized("Send the visitor token: Authorization: Bearer vt_…");
      },
      resolve({ request }) {
        const access = accesses.get(request);
        if (!access) throw unauthorized();
        return { access };
      },
    }),
  });

/** The visitor of a route that needs one. */
export function visitorOf(access: WidgetAccess): VisitorClaims {
  if (!access.visitor) throw unauthorized();
  return access.visitor;
}
