import { openapi } from "@elysiajs/openapi";
import { Elysia } from "elysia";
import favicon from "swagger-ui-dist/favicon-32x32.png" with { type: "file" };
import css from "swagger-ui-dist/swagger-ui.css" with { type: "file" };
import bundle from "swagger-ui-dist/swagger-ui-bundle.js" with { type: "file" };
import pkg from "../package.json";
import type { Config } from "./config";
import { builtInEventTypes } from "./events";
import { compress, type Encoding, encodingFor } from "./http-conventions";
import { finishDocument, type OpenApiDocument } from "./openapi/document";

/**
 * Every URL the page uses is relative to it, so Swagger UI works where crmd
 * is reached under a path prefix (a reverse proxy serving it at `/crm/`):
 * `swagger/assets/…` from `/crm/swagger` is `/crm/swagger/assets/…`.
 */
const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>crmd API</title>
  <link rel="icon" type="image/png" href="swagger/assets/favicon-32x32.png">
  <link rel="stylesheet" href="swagger/assets/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="swagger/assets/swagger-ui-bundle.js"></script>
  <script src="swagger/assets/init.js"></script>
</body>
</html>`;

// The document's address is found from this script's own (…/swagger/assets/init.js),
// under whatever prefix the page was reached.
// showExtensions: each operation shows its x-required-scope, the scope its key needs.
const init = `window.ui = SwaggerUIBundle({
  url: new URL("../json", document.currentScript.src).href,
  dom_id: "#swagger-ui",
  deepLinking: true,
  persistAuthorization: true,
  tryItOutEnabled: true,
  displayRequestDuration: true,
  showExtensions: true
});`;

const assets: Record<string, { path?: string; text?: string; type: string }> = {
  "swagger-ui-bundle.js": { path: bundle, type: "text/javascript; charset=utf-8" },
  "swagger-ui.css": { path: css, type: "text/css; charset=utf-8" },
  "favicon-32x32.png": { path: favicon, type: "image/png" },
  "init.js": { text: init, type: "text/javascript; charset=utf-8" },
};

/** Compressed assets, made on first request and kept: they never change while crmd runs. */
const encodedAssets = new Map<string, Uint8Array>();

async function encodedAsset(name: string, asset: (typeof assets)[string], encoding: Encoding) {
  const key = `${encoding}:${name}`;
  let bytes = encodedAssets.get(key);
  if (!bytes) {
    const raw = asset.text
      ? new TextEncoder().encode(asset.text)
      : new Uint8Array(await Bun.file(asset.path as string).arrayBuffer());
    bytes = compress(raw, encoding);
    encodedAssets.set(key, bytes);
  }
  return bytes;
}

const description = `CRM API server. Authenticate with \`X-API-Key: elk_…\` or \`Authorization: Bearer elk_…\`.
Admin endpoints (tenants, key bootstrap, scheduler) take \`Authorization: Bearer <CRMD_ADMIN_TOKEN>\`.
Errors are \`{"detail", "code"}\`; lists are \`{"<resource>": [...], "total", "page", "page_size", "has_more", "next_cursor"}\`.`;

/**
 * OpenAPI document at /swagger/json and Swagger UI at /swagger, with every
 * asset served by crmd itself (embedded in the binary), never from a CDN.
 */
export const swagger = (config: Pick<Config, "publicUrl">) => {
  let finished: unknown;
  return new Elysia({ name: "crmd.swagger" })
    .onAfterHandle(({ path, responseValue }) => {
      if (path !== "/swagger/json" || !responseValue || typeof responseValue !== "object") return;
      finished ??= finishDocument(responseValue as OpenApiDocument, {
        serverUrl: config.publicUrl ?? "/",
        eventTypes: builtInEventTypes(),
      });
      return finished;
    })
    .use(
      openapi({
        provider: null,
        path: "/swagger",
        specPath: "/swagger/json",
        exclude: { paths: [/^\/swagger/] },
        documentation: {
          info: { title: "crmd", version: pkg.version, description },
          components: {
            securitySchemes: {
              ApiKeyHeader: { type: "apiKey", in: "header", name: "X-API-Key" },
              BearerAuth: { type: "http", scheme: "bearer", description: "elk_… API key" },
              AdminToken: { type: "http", scheme: "bearer", description: "CRMD_ADMIN_TOKEN" },
              MetricsToken: { type: "http", scheme: "bearer", description: "CRMD_METRICS_TOKEN" },
              TwilioSignature: {
                type: "apiKey",
                in: "header",
                name: "X-Twilio-Signature",
                description: "Twilio's request signature (HMAC-SHA1 with the account's auth token)",
              },
              InboundSecret: {
                type: "http",
                scheme: "basic",
                description:
                  "A tenant's inbound email secret as the password (POST /email/inbound-secret)",
              },
              WidgetKey: { type: "apiKey", in: "header", name: "X-Widget-Key" },
              VisitorToken: { type: "http", scheme: "bearer", description: "vt_… visitor token" },
            },
          },
        },
      }),
    )
    .get(
      "/swagger",
      ({ request }) =>
        // `/swagger/` is answered too: sent back to `/swagger`, where the page's relative URLs hold.
        new URL(request.url).pathname.endsWith("/")
          ? new Response(null, { status: 308, headers: { location: "../swagger" } })
          : new Response(page, { headers: { "content-type": "text/html; charset=utf-8" } }),
      { detail: { hide: true } },
    )
    .get(
      "/swagger/assets/:name",
      async ({ params, set, request }) => {
        const asset = assets[params.name];
        if (!asset) {
          set.status = 404;
          return { detail: "Asset not found", code: "NOT_FOUND" };
        }
        const headers: Record<string, string> = {
          "content-type": asset.type,
          "cache-control": "public, max-age=86400",
          vary: "Accept-Encoding",
        };
        const encoding = asset.type.startsWith("image/") ? null : encodingFor(request);
        if (!encoding)
          return new Response(asset.text ?? Bun.file(asset.path as string), { headers });
        headers["content-encoding"] = encoding;
        return new Response(await encodedAsset(params.name, asset, encoding), { headers });
      },
      { detail: { hide: true } },
    );
};
