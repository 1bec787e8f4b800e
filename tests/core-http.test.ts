import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { ManualClock } from "../src/clock";
import { ApiError, notFound } from "../src/errors";
import { errorResponse } from "../src/http-errors";
import { createLogger } from "../src/logger";
import { resolveRef } from "./contract/openapi";
import { startTestServer, type TestServer } from "./helpers/server";

const clock = new ManualClock(new Date("2026-03-02T10:00:10.000Z"));
const logLines: string[] = [];
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    clock,
    config: { bodyLimit: 2048, logLevel: "info" },
    logger: createLogger("info", {}, (line) => logLines.push(line)),
  });
});
afterAll(() => server.close());

/** The options init.js gives SwaggerUIBundle when the browser loaded it from `scriptUrl`. */
function swaggerUiOptions(script: string, scriptUrl: string): Record<string, unknown> {
  let options: Record<string, unknown> = {};
  const bundle = (given: Record<string, unknown>) => {
    options = given;
  };
  new Function("window", "document", "SwaggerUIBundle", script)(
    {},
    { currentScript: { src: scriptUrl } },
    bundle,
  );
  return options;
}

describe("rate limits", () => {
  test("headers on every authenticated response; 429 with Retry-After past the limit; a new window resets", async () => {
    const { api } = await server.tenant(undefined, ["keys:manage"], { rate_limit: 3 });
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const reply = await api.get("/api/external/api-keys");
      expect(reply.status).toBe(200);
      expect(reply.headers.get("x-ratelimit-limit")).toBe("3");
      expect(reply.headers.get("x-ratelimit-reset")).toBe(
        String(Date.parse("2026-03-02T10:01:00Z") / 1000),
      );
      remaining.push(reply.headers.get("x-ratelimit-remaining") as string);
    }
    expect(remaining).toEqual(["2", "1", "0"]);
    const limited = await api.get("/api/external/api-keys");
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe("RATE_LIMITED");
    expect(limited.headers.get("retry-after")).toBe("50");
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
    clock.advance(60_000);
    const next = await api.get("/api/external/api-keys");
    expect(next.status).toBe(200);
    expect(next.headers.get("x-ratelimit-remaining")).toBe("2");
  });

  test("error responses carry the rate-limit headers too", async () => {
    const { api } = await server.tenant(undefined, ["keys:manage"]);
    const reply = await api.get("/api/external/no-such-route");
    expect(reply.status).toBe(404);
    expect(reply.headers.get("x-ratelimit-limit")).toBe("100");
    expect(reply.headers.get("x-ratelimit-remaining")).toBe("99");
  });

  test("each key has its own budget", async () => {
    const a = await server.tenant(undefined, ["keys:manage"], { rate_limit: 1 });
    const b = await server.keyFor(a.tenantId, ["keys:manage"], { rate_limit: 1 });
    expect((await a.api.get("/api/external/api-keys")).status).toBe(200);
    expect((await a.api.get("/api/external/api-keys")).status).toBe(429);
    expect((await b.get("/api/external/api-keys")).status).toBe(200);
  });
});

describe("errors", () => {
  test("400 for malformed JSON", async () => {
    const { api } = await server.tenant(undefined, ["keys:manage"]);
    const reply = await api.post("/api/external/api-keys", "{oops");
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: "BAD_REQUEST", detail: "Malformed JSON body" });
  });

  test("404 for unknown routes and unknown ids", async () => {
    const { api } = await server.tenant(undefined, ["keys:manage"]);
    expect((await api.get("/api/external/nothing/here")).body.code).toBe("NOT_FOUND");
    const missing = await api.delete("/api/external/api-keys/01a20000-0000-7000-8000-000000000000");
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toContain("not found");
    expect((await server.anonymous.get("/nothing")).status).toBe(404);
  });

  test("413 for a body over the limit, whatever its content", async () => {
    const { api } = await server.tenant(undefined, ["keys:manage"]);
    const reply = await api.post("/api/external/api-keys", {
      name: "x".repeat(5000),
      permissions: ["read"],
    });
    expect(reply.status).toBe(413);
    expect(reply.body.code).toBe("PAYLOAD_TOO_LARGE");
    const keys = await api.get("/api/external/api-keys");
    expect(keys.body.api_keys).toHaveLength(1);
  });

  test("415 for a body that is not JSON", async () => {
    const { api } = await server.tenant(undefined, ["keys:manage"]);
    const reply = await api.post("/api/external/api-keys", "name=x", {
      "content-type": "text/plain",
    });
    expect(reply.status).toBe(415);
    expect(reply.body.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  test("422 names each bad field and never echoes the schema", async () => {
    const { api } = await server.tenant(undefined, ["keys:manage"]);
    const reply = await api.post("/api/external/api-keys", { name: "", permissions: "read" });
    expect(reply.status).toBe(422);
    expect(reply.body.code).toBe("VALIDATION_ERROR");
    const paths = reply.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toContain("/name");
    expect(paths).toContain("/permissions");
    expect(JSON.stringify(reply.body)).not.toContain("minLength");
    expect(Object.keys(reply.body).sort()).toEqual(["code", "detail", "errors", "request_id"]);
  });

  test("every 422 carries field errors: one refused without them (the database's, on PostgreSQL) names the request", () => {
    const logger = createLogger("silent");
    const bodyOf = async (error: unknown) =>
      (await errorResponse("UNKNOWN", error, {}, "req-1", logger)).json();
    // What db/pg/database.ts throws for a number PostgreSQL cannot store.
    const unstorable = Object.assign(new Error("A number in the request is too large to store"), {
      status: 422,
    });
    return Promise.all([
      expect(bodyOf(unstorable)).resolves.toEqual({
        detail: "A number in the request is too large to store",
        code: "VALIDATION_ERROR",
        request_id: "req-1",
        errors: [{ path: "/", message: "A number in the request is too large to store" }],
      }),
      expect(bodyOf(new ApiError(422, "VALIDATION_ERROR", "Nothing to change"))).resolves.toEqual({
        detail: "Nothing to change",
        code: "VALIDATION_ERROR",
        request_id: "req-1",
        errors: [{ path: "/", message: "Nothing to change" }],
      }),
      // Other refusals keep seed 001's body, field errors only where they have them.
      expect(bodyOf(notFound("Deal"))).resolves.toEqual({
        detail: "Deal not found",
        code: "NOT_FOUND",
        request_id: "req-1",
      }),
    ]);
  });

  test("500 hides internals: no stack, no SQL, a request id to find the log line", async () => {
    const broken = await startTestServer();
    try {
      const direct = await broken.admin.get("/api/external/tenants");
      if (broken.ctx.db.kind === "postgres")
        await broken.ctx.db.execute("DROP TABLE tenants CASCADE");
      else {
        await broken.ctx.db.execute("PRAGMA foreign_keys = OFF");
        await broken.ctx.db.execute("DROP TABLE tenants");
      }
      const failing = await broken.admin.get("/api/external/tenants");
      expect(direct.status).toBe(200);
      expect(failing.status).toBe(500);
      expect(failing.body).toEqual({
        detail: "Internal server error",
        code: "INTERNAL",
        request_id: failing.headers.get("x-request-id"),
      });
    } finally {
      await broken.close();
    }
  });
});

describe("request ids and logs", () => {
  test("every response has X-Request-Id; a sane incoming one is kept", async () => {
    expect((await server.anonymous.get("/healthz")).headers.get("x-request-id")).toBeTruthy();
    const reply = await server.anonymous.get("/healthz", { "x-request-id": "trace-123" });
    expect(reply.headers.get("x-request-id")).toBe("trace-123");
    const hostile = await server.anonymous.get("/healthz", { "x-request-id": "a b<script>" });
    expect(hostile.headers.get("x-request-id")).not.toBe("a b<script>");
  });

  test("one JSON log line per request with id, method, path, status, duration and key prefix, never the key", async () => {
    const { key, api } = await server.tenant(undefined, ["keys:manage"]);
    const reply = await api.get("/api/external/api-keys");
    const id = reply.headers.get("x-request-id");
    let line: Record<string, unknown> | undefined;
    for (let i = 0; i < 20 && !line; i++) {
      line = logLines.map((l) => JSON.parse(l)).find((l) => l.request_id === id);
      if (!line) await Bun.sleep(5);
    }
    expect(line).toMatchObject({
      level: "info",
      msg: "request",
      method: "GET",
      path: "/api/external/api-keys",
      status: 200,
      key_prefix: key.slice(0, 12),
    });
    expect(typeof line?.duration_ms).toBe("number");
    expect(logLines.join("\n")).not.toContain(key);
  });
});

describe("health", () => {
  test("/healthz and /readyz", async () => {
    expect((await server.anonymous.get("/healthz")).body).toEqual({ status: "ok" });
    expect((await server.anonymous.get("/readyz")).body).toEqual({
      status: "ready",
      database: true,
    });
  });

  test("probes, metrics and Swagger UI answer whatever the query string (a monitor's cache buster, a scrape's params)", async () => {
    const metrics = { authorization: `Bearer ${server.adminToken}` };
    for (const [path, headers] of [
      ["/healthz?probe=lb", {}],
      ["/readyz?verbose", {}],
      ["/metrics?format=prometheus", metrics],
      ["/swagger?v=1", {}],
      ["/swagger/json?v=1", {}],
      ["/swagger/assets/swagger-ui.css?v=5", {}],
    ] as const)
      expect({ path, status: (await server.anonymous.get(path, headers)).status }).toEqual({
        path,
        status: 200,
      });
  });
});

describe("OpenAPI and Swagger UI", () => {
  test("every /api/external route refuses a request without a key, whatever its body and path values", async () => {
    const doc = (await server.anonymous.get("/swagger/json")).body;
    let routes = 0;
    for (const [path, operations] of Object.entries<Record<string, unknown>>(doc.paths)) {
      if (!path.startsWith("/api/external")) continue;
      for (const method of Object.keys(operations)) {
        const concrete = path.replace(/\{[^}]+\}/g, "x");
        const verb = method.toUpperCase();
        const body = ["GET", "HEAD", "DELETE"].includes(verb) ? undefined : {};
        const reply = await server.anonymous.request(verb, concrete, body);
        expect({ verb, path, status: reply.status }).toEqual({ verb, path, status: 401 });
        routes++;
      }
    }
    expect(routes).toBeGreaterThanOrEqual(5);
  });

  test("every operation has tags, a summary, responses and security requirements", async () => {
    const doc = (await server.anonymous.get("/swagger/json")).body;
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual([
      "AdminToken",
      "ApiKeyHeader",
      "BearerAuth",
      "InboundSecret",
      "MetricsToken",
      "TwilioSignature",
      "VisitorToken",
      "WidgetKey",
    ]);
    for (const [path, operations] of Object.entries<Record<string, any>>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(operations)) {
        const where = `${method} ${path}`;
        expect({ where, tags: op.tags?.length > 0 }).toEqual({ where, tags: true });
        expect({ where, summary: typeof op.summary }).toEqual({ where, summary: "string" });
        expect({ where, responses: Object.keys(op.responses ?? {}).length > 0 }).toEqual({
          where,
          responses: true,
        });
        if (path.startsWith("/api/external"))
          expect({ where, security: op.security?.length > 0 }).toEqual({ where, security: true });
        for (const [status, response] of Object.entries<any>(op.responses ?? {}))
          expect({ where, status, content: resolveRef(doc, response).content?.type }).toEqual({
            where,
            status,
            content: undefined,
          });
        if (["post", "put", "patch"].includes(method) && op.requestBody)
          expect({ where, body: Object.keys(op.requestBody.content ?? {}).length > 0 }).toEqual({
            where,
            body: true,
          });
      }
    }
  });

  test("the probes' answers are documented", async () => {
    const doc = (await server.anonymous.get("/swagger/json")).body;
    const ready = doc.paths["/readyz"].get.responses;
    for (const status of ["200", "503"])
      expect(ready[status].content["application/json"].schema.properties).toEqual({
        status: { type: "string" },
        database: { type: "boolean" },
      });
    const live = doc.paths["/healthz"].get.responses["200"].content["application/json"].schema;
    expect(live.properties).toEqual({ status: { type: "string" } });
  });

  test("integers in bodies and responses are JSON integers; a numeric string is refused", async () => {
    const doc = (await server.anonymous.get("/swagger/json")).body;
    const deals = doc.paths["/api/external/deals"];
    const schemaOf = (content: Record<string, { schema: any }>) => Object.values(content)[0].schema;
    const body = schemaOf(deals.post.requestBody.content);
    expect(body.properties.value).toMatchObject({ type: "integer", minimum: 0 });
    expect(schemaOf(deals.get.responses["200"].content)).toEqual({
      $ref: "#/components/schemas/DealList",
    });
    expect(doc.components.schemas.DealList.properties.total).toEqual({ type: "integer" });
    // Query strings still take numbers in their string form.
    const page = deals.get.parameters
      .map((p: unknown) => resolveRef(doc, p))
      .find((p: { name: string }) => p.name === "page");
    expect(JSON.stringify(page.schema)).toContain('"integer"');

    const { api } = await server.tenant(undefined, ["deals:write"]);
    const reply = await api.post("/api/external/deals", { title: "Numeric string", value: "5000" });
    expect(reply.status).toBe(422);
    expect(reply.body.errors.map((e: { path: string }) => e.path)).toContain("/value");
  });

  test("/swagger is served with every asset from crmd itself, nothing off-host", async () => {
    const page = await fetch(`${server.url}/swagger`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    const html = await page.text();
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThanOrEqual(3);
    for (const ref of refs) {
      // Relative to the page, so it holds under a path prefix too (below).
      expect(ref).toMatch(/^swagger\/assets\//);
      const asset = await fetch(new URL(ref, page.url));
      expect({ ref, status: asset.status }).toEqual({ ref, status: 200 });
      const text = await asset.text();
      expect(text.length).toBeGreaterThan(10);
      if (ref.endsWith("init.js")) {
        expect(swaggerUiOptions(text, asset.url).url).toBe(`${server.url}/swagger/json`);
        expect(text).not.toMatch(/https?:\/\//);
      }
    }
  });

  test("Swagger UI behind a reverse proxy that serves crmd under a path prefix: page, assets, document, Authorize, Try it out and a list's Link", async () => {
    let target = "";
    // The proxy serves crmd at /crm/ (the prefix stripped), as nginx's `location /crm/ { proxy_pass …/; }` does.
    const proxy = Bun.serve({
      hostname: "127.0.0.1",
      port: 0,
      fetch(request) {
        const url = new URL(request.url);
        if (!url.pathname.startsWith("/crm/")) return new Response("not crmd", { status: 404 });
        const headers = new Headers(request.headers);
        headers.set("accept-encoding", "identity");
        return fetch(`${target}${url.pathname.slice("/crm".length)}${url.search}`, {
          method: request.method,
          headers,
          body: request.body,
          redirect: "manual",
        });
      },
    });
    const base = `http://127.0.0.1:${proxy.port}/crm`;
    const behind = await startTestServer({ config: { publicUrl: base } });
    target = behind.url;
    try {
      const page = await fetch(`${base}/swagger`);
      expect(page.status).toBe(200);
      const refs = [...(await page.text()).matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
      let options: Record<string, unknown> = {};
      for (const ref of refs) {
        const asset = await fetch(new URL(ref, page.url));
        expect({ ref, status: asset.status }).toEqual({ ref, status: 200 });
        if (ref.endsWith("init.js")) options = swaggerUiOptions(await asset.text(), asset.url);
      }
      expect(options.url).toBe(`${base}/swagger/json`);
      const doc = (await (await fetch(options.url as string)).json()) as any;
      expect(doc.servers[0].url).toBe(base);
      // Authorize with either scheme the document offers, then Try it out against servers[0].
      const { key } = await behind.tenant();
      const schemes = doc.components.securitySchemes;
      const credentials: Array<Record<string, string>> = [
        { [schemes.ApiKeyHeader.name]: key },
        { authorization: `Bearer ${key}` },
      ];
      for (const credential of credentials) {
        const tried = await fetch(`${doc.servers[0].url}/api/external/deals`, {
          headers: credential,
        });
        expect(tried.status).toBe(200);
        expect(((await tried.json()) as { deals: unknown[] }).deals).toEqual([]);
      }
      // A list's Link (the next page) leads through the proxy too.
      const { api } = await behind.tenant();
      await api.post("/api/external/pipelines", {
        name: "Sales",
        pipeline_type: "sales",
        stages: [{ name: "New" }],
      });
      for (const title of ["One", "Two"]) await api.post("/api/external/deals", { title });
      const headers = { "x-api-key": api.headers["x-api-key"] };
      const first = await fetch(`${base}/api/external/deals?page_size=1`, { headers });
      const next = /^<([^>]+)>; rel="next"$/.exec(first.headers.get("link") ?? "")?.[1];
      expect(next).toBe("/crm/api/external/deals?page_size=1&page=2");
      const second = await fetch(new URL(next as string, first.url), { headers });
      expect(second.status).toBe(200);
      expect(((await second.json()) as { page: number }).page).toBe(2);
      // The page with a trailing slash is sent to the one its relative URLs hold on.
      const slash = await fetch(`${base}/swagger/`, { redirect: "manual" });
      expect(slash.status).toBe(308);
      expect(new URL(slash.headers.get("location") as string, slash.url).href).toBe(
        `${base}/swagger`,
      );
    } finally {
      proxy.stop(true);
      await behind.close();
    }
  });

  test("Swagger UI shows the scope each operation needs (its x-required-scope)", async () => {
    const doc: any = await (await fetch(`${server.url}/swagger/json`)).json();
    expect(doc.paths["/api/external/deals"].get["x-required-scope"]).toBe("deals:read");
    // Swagger UI renders vendor extensions of operations only with showExtensions.
    const init = await (await fetch(`${server.url}/swagger/assets/init.js`)).text();
    expect(init).toMatch(/\bshowExtensions:\s*true\b/);
  });
});
