import { openapi } from "@elysiajs/openapi";
import { Elysia } from "elysia";
import favicon from "swagger-ui-dist/favicon-32x32.png" with { type: "file" };
import css from "swagger-ui-dist/swagger-ui.css" with { type: "file" };
import bundle from "swagger-ui-dist/swagger-ui-bundle.js" with { type: "file" };
import pkg from "../package.json";

const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>crmd API</title>
  <link rel="icon" type="image/png" href="/swagger/assets/favicon-32x32.png">
  <link rel="stylesheet" href="/swagger/assets/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/swagger/assets/swagger-ui-bundle.js"></script>
  <script src="/swagger/assets/init.js"></script>
</body>
</html>`;

const init = `window.ui = SwaggerUIBundle({
  url: "/swagger/json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  persistAuthorization: true,
  tryItOutEnabled: true,
  displayRequestDuration: true
});`;

const assets: Record<string, { path?: string; text?: string; type: string }> = {
  "swagger-ui-bundle.js": { path: bundle, type: "text/javascript; charset=utf-8" },
  "swagger-ui.css": { path: css, type: "text/css; charset=utf-8" },
  "favicon-32x32.png": { path: favicon, type: "image/png" },
  "init.js": { text: init, type: "text/javascript; charset=utf-8" },
};

const description = `CRM API server. Authenticate with \`X-API-Key: elk_…\` or \`Authorization: Bearer elk_…\`.
Admin endpoints (tenants, key bootstrap, scheduler) take \`Authorization: Bearer <CRMD_ADMIN_TOKEN>\`.
Errors are \`{"detail", "code"}\`; lists are \`{"<resource>": [...], "total", "page", "page_size", "has_more", "next_cursor"}\`.`;

const IDEMPOTENCY_HEADER = {
  in: "header",
  name: "Idempotency-Key",
  required: false,
  description:
    "Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409.",
  schema: { type: "string", maxLength: 255 },
};

type Operation = { responses?: Record<string, { content?: unknown }>; parameters?: unknown[] };

/**
 * Final touches the generator cannot express: bodiless responses (204) carry
 * no content, and every POST documents the Idempotency-Key header.
 */
export function tidyOpenApi(doc: { paths?: Record<string, Record<string, Operation>> }) {
  for (const [path, operations] of Object.entries(doc.paths ?? {})) {
    for (const [method, operation] of Object.entries(operations)) {
      for (const response of Object.values(operation.responses ?? {})) {
        const content = response.content as { type?: string } | undefined;
        if (content?.type === "void") delete response.content;
      }
      const documented = operation.parameters?.includes(IDEMPOTENCY_HEADER);
      if (
        method === "post" &&
        path.startsWith("/api/external") &&
        !path.endsWith("/api-keys") &&
        !documented
      )
        operation.parameters = [...(operation.parameters ?? []), IDEMPOTENCY_HEADER];
    }
  }
  return doc;
}

/**
 * OpenAPI document at /swagger/json and Swagger UI at /swagger, with every
 * asset served by crmd itself (embedded in the binary), never from a CDN.
 */
export const swagger = () =>
  new Elysia({ name: "crmd.swagger" })
    .onAfterHandle(({ path, responseValue }) => {
      if (path === "/swagger/json" && responseValue && typeof responseValue === "object")
        return tidyOpenApi(responseValue as Parameters<typeof tidyOpenApi>[0]);
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
            },
          },
        },
      }),
    )
    .get(
      "/swagger",
      () => new Response(page, { headers: { "content-type": "text/html; charset=utf-8" } }),
      { detail: { hide: true } },
    )
    .get(
      "/swagger/assets/:name",
      ({ params, set }) => {
        const asset = assets[params.name];
        if (!asset) {
          set.status = 404;
          return { detail: "Asset not found", code: "NOT_FOUND" };
        }
        const body = asset.text ?? Bun.file(asset.path as string);
        return new Response(body, {
          headers: { "content-type": asset.type, "cache-control": "public, max-age=86400" },
        });
      },
      { detail: { hide: true } },
    );
