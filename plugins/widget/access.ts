import { Elysia } from "elysia";
import {
  type Actor,
  type AppContext,
  consumeRateLimit,
  forbidden,
  unauthorized,
} from "../../src/core";
import { type WidgetKey, widgetKeyStore } from "./store";
import type { VisitorClaims } from "./tokens";

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

/**
 * Checks a widget request before its body is read: the per-IP limit, the
 * key (X-Widget-Key) or visitor token (Authorization: Bearer vt_…), the
 * page's Origin against the key's allow-list (CORS headers only for allowed
 * origins), then the per-visitor limit.
 */
async function check(
  ctx: AppContext,
  request: Request,
  ip: string,
  headers: Record<string, string>,
  needs: "key" | "visitor",
): Promise<WidgetAccess> {
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
  if (needs === "visitor" && !verified)
    throw unauthorized("Send the visitor token: Authorization: Bearer vt_…");
  const presented = request.headers.get("x-widget-key");
  const key = verified?.key ?? (presented ? await store.byPublishableKey(presented) : null);
  if (!key) throw unauthorized("Missing or invalid widget key: send X-Widget-Key: pk_…");
  const origin = request.headers.get("origin");
  if (origin !== null) {
    if (!key.row.allowedOrigins.includes(origin))
      throw forbidden(`Origin ${origin} may not use this widget key`);
    headers["access-control-allow-origin"] = origin;
    headers.vary = "Origin";
  }
  const visitor = verified?.claims ?? null;
  if (visitor)
    await consumeRateLimit(
      ctx,
      "widget_visitor",
      `widget-visitor:${visitor.customerId}`,
      key.row.visitorRateLimit ?? ctx.config.widgetRateLimit,
      headers,
    );
  return { key, visitor };
}

/**
 * `widget: "key"` or `widget: "visitor"` on a route: the check above runs
 * in `transform` (before validation, as API-key auth does); handlers get
 * `access`.
 */
export const widgetMacros = (ctx: AppContext) =>
  new Elysia({ name: "crmd.widget.access" }).macro({
    widget: (needs: "key" | "visitor") => ({
      detail: { security: needs === "key" ? [{ WidgetKey: [] }] : [{ VisitorToken: [] }] },
      async transform({ request, set, server }) {
        const ip = server?.requestIP(request)?.address ?? "unknown";
        accesses.set(
          request,
          await check(ctx, request, ip, set.headers as Record<string, string>, needs),
        );
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
