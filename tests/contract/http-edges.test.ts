import { describe, expect, test } from "bun:test";
import { useTestServer } from "../helpers/suite";

const server = useTestServer({ captureLogs: true, config: { bodyLimit: 4096 } });

/** The request log line of a reply, by its request id. */
async function logged(requestId: string | null) {
  for (let i = 0; i < 50; i++) {
    const line = server.logs.find((l) => l.msg === "request" && l.request_id === requestId);
    if (line) return line;
    await Bun.sleep(20);
  }
  throw new Error(`no log line for request ${requestId}`);
}

const chunked = (bytes: number) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      const chunk = new TextEncoder().encode(`{"first_name":"${"a".repeat(1000)}`);
      for (let sent = 0; sent < bytes; sent += chunk.length) controller.enqueue(chunk);
      controller.close();
    },
  });

describe("unauthenticated callers only ever see 401", () => {
  test("whatever the body's type or size", async () => {
    const url = `${server.url}/api/external/contacts`;
    const cases: RequestInit[] = [
      { method: "POST", headers: { "content-type": "text/plain" }, body: "hello" },
      { method: "POST", headers: { "content-type": "application/json" }, body: "x".repeat(10_000) },
      { method: "POST", body: chunked(10_000), duplex: "half" } as RequestInit,
      { method: "GET", headers: { "content-type": "text/plain" } },
    ];
    for (const init of cases) {
      const reply = await fetch(url, init);
      expect(reply.status).toBe(401);
      expect(((await reply.json()) as { code: string }).code).toBe("UNAUTHORIZED");
    }
  });
});

describe("body limits hold for every framing", () => {
  test("a chunked JSON body over the limit is 413 in the JSON shape and stores nothing", async () => {
    const { api, key } = await server.tenant();
    const reply = await fetch(`${server.url}/api/external/contacts`, {
      method: "POST",
      headers: { "x-api-key": key, "content-type": "application/json" },
      body: chunked(8192),
      duplex: "half",
    } as RequestInit);
    expect(reply.status).toBe(413);
    expect(await reply.json()).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect((await api.get("/api/external/contacts")).body.total).toBe(0);
  });

  test("a chunked body within the limit is read as usual", async () => {
    const { key } = await server.tenant();
    const body = new Blob([JSON.stringify({ first_name: "Ada" })]).stream();
    const reply = await fetch(`${server.url}/api/external/contacts`, {
      method: "POST",
      headers: { "x-api-key": key, "content-type": "application/json" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(reply.status).toBe(201);
  });

  test("a Content-Length over the limit is 413 in the JSON shape", async () => {
    const { api } = await server.tenant();
    const reply = await api.post("/api/external/contacts", { first_name: "x".repeat(5000) });
    expect(reply.status).toBe(413);
    expect(reply.body.code).toBe("PAYLOAD_TOO_LARGE");
  });
});

test("a URL over 16 KB is 414 in the JSON shape", async () => {
  const { api } = await server.tenant();
  const reply = await api.get(`/api/external/deals?status=${"a".repeat(17_000)}`);
  expect(reply.status).toBe(414);
  expect(reply.body.code).toBe("URI_TOO_LONG");
});

test("headers up to 64 KiB are read; over it the runtime answers a bare 431 (documented)", async () => {
  const { api } = await server.tenant();
  const within = await api.get("/api/external/deals", { "x-padding": "a".repeat(60_000) });
  expect(within.status).toBe(200);
  // Bun's HTTP parser refuses these before any application code runs: no hook can add a body.
  const over = await api.get("/api/external/deals", { "x-padding": "a".repeat(70_000) });
  expect([over.status, over.body]).toEqual([431, null]);
});

test("bodies that are not JSON are 415 on JSON routes; invalid UTF-8 is 400", async () => {
  const { api } = await server.tenant();
  for (const type of [
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
  ]) {
    const reply = await api.post("/api/external/contacts", "first_name=Ada", {
      "content-type": type,
    });
    expect([type, reply.status, reply.body.code]).toEqual([type, 415, "UNSUPPORTED_MEDIA_TYPE"]);
  }
  const bytes = new Uint8Array([
    ...new TextEncoder().encode('{"first_name":"'),
    0xff,
    0xfe,
    0x22,
    0x7d,
  ]);
  const invalid = await api.request("POST", "/api/external/contacts", bytes);
  expect(invalid.status).toBe(400);
  expect((await api.get("/api/external/contacts")).body.total).toBe(0);
});

test("every JSON media type is read as JSON: any letter case, +json suffixes, a charset", async () => {
  const { api } = await server.tenant();
  for (const type of [
    "Application/JSON",
    "APPLICATION/JSON; charset=UTF-8",
    "application/merge-patch+json",
    "application/vnd.api+json",
  ]) {
    const reply = await api.post(
      "/api/external/contacts",
      { first_name: "Ada" },
      {
        "content-type": type,
      },
    );
    expect([type, reply.status, reply.body.first_name]).toEqual([type, 201, "Ada"]);
  }
});

test("the request log's status is the status sent", async () => {
  const { api, key } = await server.tenant(undefined, ["*"], { rate_limit: 1 });
  const sends: Array<[number, Promise<Response>]> = [
    [401, fetch(`${server.url}/api/external/deals`)],
    [404, fetch(`${server.url}/no/such/path`)],
    [
      415,
      fetch(`${server.url}/api/external/deals`, {
        method: "POST",
        headers: { "x-api-key": key, "content-type": "text/plain" },
        body: "x",
      }),
    ],
  ];
  for (const [status, sent] of sends) {
    const reply = await sent;
    expect(reply.status).toBe(status);
    expect((await logged(reply.headers.get("x-request-id"))).status).toBe(status);
  }
  const limited = await api.get("/api/external/deals");
  expect(limited.status).toBe(429);
  expect((await logged(limited.headers.get("x-request-id"))).status).toBe(429);
  const { api: other } = await server.tenant();
  const large = await other.post("/api/external/contacts", { first_name: "x".repeat(5000) });
  expect(large.status).toBe(413);
  expect((await logged(large.headers.get("x-request-id"))).status).toBe(413);
  const ok = await other.get("/api/external/deals");
  expect((await logged(ok.headers.get("x-request-id"))).status).toBe(200);
});

describe("a method a path does not take", () => {
  test("is 405 with Allow naming the ones it takes (OPTIONS: 204 and Allow); a path crmd does not serve stays 404", async () => {
    const { api } = await server.tenant();
    const id = crypto.randomUUID();
    const cases: Array<[string, string, string]> = [
      ["PUT", "/api/external/deals", "GET, HEAD, POST"],
      ["PUT", `/api/external/deals/${id}`, "GET, HEAD, PATCH, DELETE"],
      ["DELETE", "/api/external/kpis", "GET, HEAD"],
      ["GET", `/api/external/deals/${id}/move`, "POST"],
      ["HEAD", `/api/external/deals/${id}/move`, "POST"],
      ["PATCH", `/api/external/webhooks/${id}`, "GET, HEAD, PUT, DELETE"],
    ];
    for (const [method, path, allow] of cases) {
      const reply = await api.request(
        method,
        path,
        method === "GET" || method === "HEAD" ? undefined : {},
      );
      expect({ method, path, status: reply.status, allow: reply.headers.get("allow") }).toEqual({
        method,
        path,
        status: 405,
        allow,
      });
      if (method === "HEAD") continue; // no body
      expect(reply.body.code).toBe("METHOD_NOT_ALLOWED");
      expect(reply.body.detail).toContain(allow);
      expect(reply.headers.get("x-request-id")).toBe(reply.body.request_id);
    }
    // OPTIONS answers which methods there are.
    const options = await api.request("OPTIONS", `/api/external/deals/${id}`);
    expect([options.status, options.headers.get("allow")]).toEqual([
      204,
      "GET, HEAD, PATCH, DELETE",
    ]);
    // A route's own 404 (no such record) stays a 404.
    const missing = await api.get(`/api/external/deals/${id}`);
    expect([missing.status, missing.body.code, missing.headers.get("allow")]).toEqual([
      404,
      "NOT_FOUND",
      null,
    ]);
    const unknown = await api.get("/api/external/no-such-things");
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe("NOT_FOUND");
    expect(unknown.headers.get("allow")).toBeNull();
  });
});

describe("HEAD", () => {
  test("answers as GET would, without the body: parameters read and checked alike, the same ETag and Link", async () => {
    const { api } = await server.tenant();
    for (const title of ["One", "Two"])
      expect((await api.post("/api/external/tasks", { title })).status).toBe(201);
    const head = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${server.url}${path}`, { method: "HEAD", headers: { ...api.headers, ...headers } });
    for (const path of [
      "/api/external/tasks?page_size=1",
      "/api/external/tasks?page=2&page_size=1",
      "/api/external/tasks?page_size=5&status=pending",
      "/api/external/kpis?period=week",
    ]) {
      const get = await api.get(path);
      const reply = await head(path);
      expect({ path, status: reply.status }).toEqual({ path, status: get.status });
      expect(await reply.text()).toBe("");
      expect(reply.headers.get("etag")).toBe(get.headers.get("etag"));
      expect(reply.headers.get("link")).toBe(get.headers.get("link"));
      expect(reply.headers.get("date")).toMatch(/ GMT$/);
      const etag = get.headers.get("etag") as string;
      const cached = await head(path, { "if-none-match": etag });
      expect(cached.status).toBe(304);
      // A 304 tells no body's type or length (RFC 9110 15.4.5).
      expect([cached.headers.get("content-type"), cached.headers.get("content-length")]).toEqual([
        null,
        null,
      ]);
    }
    // What GET refuses, HEAD refuses too.
    for (const path of ["/api/external/tasks?page_size=0", "/api/external/tasks?sort=title"]) {
      expect((await api.get(path)).status).toBe(422);
      expect((await head(path)).status).toBe(422);
    }
  });
});
