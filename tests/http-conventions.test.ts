import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { resolveRef } from "./contract/openapi";
import { startTestServer, type TenantClient, type TestServer } from "./helpers/server";

const ORIGIN = "https://app.example.com";
let server: TestServer;
let tenant: TenantClient;
beforeAll(async () => {
  server = await startTestServer({ config: { corsOrigins: [ORIGIN] } });
  tenant = await server.tenant();
  await tenant.api.post("/api/external/pipelines", {
    name: "Sales",
    pipeline_type: "sales",
    stages: [{ name: "New" }],
  });
  for (const title of ["One", "Two", "Three"])
    await tenant.api.post("/api/external/deals", { title });
});
afterAll(() => server.close());

/** A raw request: Bun's fetch would otherwise decompress and hide the encoding. */
const raw = (path: string, headers: Record<string, string> = {}, method = "GET") =>
  fetch(`${server.url}${path}`, {
    method,
    headers: { "x-api-key": tenant.key, ...headers },
    decompress: false,
  } as RequestInit);

describe("ETag and If-None-Match", () => {
  test("a get or list carries an ETag; sending it back is 304 until the data changes", async () => {
    const deal = (await tenant.api.get("/api/external/deals?page_size=1")).body.deals[0];
    const one = `/api/external/deals/${deal.id}`;
    for (const path of ["/api/external/deals", "/api/external/pipelines", one]) {
      const first = await raw(path);
      const etag = first.headers.get("etag") as string;
      // A list's tag is weak (of its text); a record's is strong (of its version, then its text).
      expect(etag).toMatch(path === one ? /^"[0-9a-z]+\.[0-9a-z]+"$/ : /^W\/"[0-9a-z]+"$/);
      const again = await raw(path, { "if-none-match": etag });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe("");
      expect(again.headers.get("etag")).toBe(etag);
    }
    const etag = (await raw("/api/external/deals")).headers.get("etag") as string;
    await tenant.api.post("/api/external/deals", { title: "Four" });
    const changed = await raw("/api/external/deals", { "if-none-match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);

    const recordTag = (await raw(one)).headers.get("etag") as string;
    await tenant.api.patch(one, { title: "Renamed" });
    const renamed = await raw(one, { "if-none-match": recordTag });
    expect(renamed.status).toBe(200);
    expect(((await renamed.json()) as { title: string }).title).toBe("Renamed");
  });
});

describe("304 Not Modified", () => {
  test("to GET and HEAD: the 200's ETag, Cache-Control, Vary, Link, rate limits and request id, none of a body's headers", async () => {
    const deal = (await tenant.api.get("/api/external/deals?page_size=1")).body.deals[0];
    const cases: Array<[string, Record<string, string>]> = [
      ["/api/external/deals?page_size=1", { origin: ORIGIN }],
      [`/api/external/deals/${deal.id}`, {}],
      ["/api/external/deals?page_size=100", { origin: ORIGIN, "accept-encoding": "gzip" }],
    ];
    for (const [path, headers] of cases) {
      const first = await raw(path, headers);
      expect(first.status).toBe(200);
      expect(first.headers.get("cache-control")).toBe("private, no-cache");
      for (const method of ["GET", "HEAD"]) {
        const cached = await raw(
          path,
          {
            ...headers,
            "if-none-match": first.headers.get("etag") as string,
            "x-request-id": "req-304",
          },
          method,
        );
        const seen = { path, method, status: cached.status };
        expect(seen).toEqual({ path, method, status: 304 });
        expect(await cached.text()).toBe("");
        for (const name of ["etag", "cache-control", "vary", "link"])
          expect({ ...seen, name, value: cached.headers.get(name) }).toEqual({
            ...seen,
            name,
            value: first.headers.get(name),
          });
        expect(cached.headers.get("x-request-id")).toBe("req-304");
        expect(cached.headers.get("date")).toMatch(/ GMT$/);
        expect(cached.headers.get("x-ratelimit-remaining")).toMatch(/^\d+$/);
        for (const name of ["content-type", "content-length", "content-encoding"])
          expect({ ...seen, name, value: cached.headers.get(name) }).toEqual({
            ...seen,
            name,
            value: null,
          });
      }
    }
  });

  test("If-None-Match compares weakly: the tag without W/ names the same answer", async () => {
    const path = "/api/external/deals?page_size=2";
    const etag = (await raw(path)).headers.get("etag") as string;
    const strong = etag.replace(/^W\//, "");
    for (const tag of [strong, `"other", ${strong}`, ` ${etag} `, "*"])
      expect({ tag, status: (await raw(path, { "if-none-match": tag })).status }).toEqual({
        tag,
        status: 304,
      });
    expect((await raw(path, { "if-none-match": 'W/"other"' })).status).toBe(200);
  });

  test("an answer long enough to be compressed varies by Accept-Encoding, compressed or not", async () => {
    const long = await raw("/api/external/deals?page_size=100");
    expect(long.headers.get("content-encoding")).toBeNull();
    expect(long.headers.get("vary")).toBe("Accept-Encoding");
    const deal = (await tenant.api.get("/api/external/deals?page_size=1")).body.deals[0];
    const short = await raw(`/api/external/deals/${deal.id}`, { "accept-encoding": "gzip" });
    expect(short.headers.get("content-encoding")).toBeNull();
    expect(short.headers.get("vary")).toBeNull();
  });
});

describe("HEAD", () => {
  test("answers carry a Date as GET's do (RFC 9110 6.6.1): a record, a list, a refusal", async () => {
    const deal = (await tenant.api.get("/api/external/deals?page_size=1")).body.deals[0];
    for (const path of [
      `/api/external/deals/${deal.id}`,
      "/api/external/deals?page_size=1",
      "/api/external/deals?page_size=0",
    ]) {
      const get = await raw(path);
      const head = await raw(path, {}, "HEAD");
      expect({ path, status: head.status }).toEqual({ path, status: get.status });
      const date = head.headers.get("date");
      expect({ path, date }).toEqual({
        path,
        date: expect.stringMatching(/^\w{3}, \d{2} \w{3} \d{4} [\d:]{8} GMT$/),
      });
      expect(Math.abs(Date.parse(date as string) - Date.now())).toBeLessThan(60_000);
      expect(head.headers.get("content-length")).toBe(get.headers.get("content-length"));
    }
  });
});

describe("compression", () => {
  test("gzip and br when asked, for JSON and Swagger assets; identity otherwise", async () => {
    const plain = await raw("/api/external/deals?page_size=100");
    expect(plain.headers.get("content-encoding")).toBeNull();
    const expected = await plain.text();
    const gzip = await raw("/api/external/deals?page_size=100", { "accept-encoding": "gzip" });
    expect(gzip.headers.get("content-encoding")).toBe("gzip");
    expect(gzip.headers.get("vary")).toContain("Accept-Encoding");
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(expected);
    const br = await raw("/api/external/deals?page_size=100", { "accept-encoding": "gzip, br" });
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(expected);

    const asset = await raw("/swagger/assets/swagger-ui-bundle.js", { "accept-encoding": "br" });
    expect(asset.headers.get("content-encoding")).toBe("br");
    const bytes = Buffer.from(await asset.arrayBuffer());
    expect(bytes.length).toBeLessThan(600_000);
    expect(brotliDecompressSync(bytes).toString()).toContain("SwaggerUIBundle");
  });
});

describe("a record's strong ETag and its content coding", () => {
  /** Another tenant: the deals here do not change the pages the other tests count. */
  let own: TenantClient;
  beforeAll(async () => {
    own = await server.tenant();
    await own.api.post("/api/external/pipelines", {
      name: "Sales",
      pipeline_type: "sales",
      stages: [{ name: "New" }],
    });
  });
  const ownRaw = (path: string, headers: Record<string, string> = {}, method = "GET") =>
    raw(path, { "x-api-key": own.key, ...headers }, method);

  /** A deal whose answer is long enough to be compressed. */
  async function longDeal() {
    const created = await own.api.post("/api/external/deals", {
      title: "Long",
      description: "d".repeat(2000),
    });
    expect(created.status).toBe(201);
    return `/api/external/deals/${created.body.id}`;
  }

  test("each coding has a tag of its own; a 304 names the one the request would get", async () => {
    const path = await longDeal();
    const tags: Record<string, string> = {};
    for (const coding of ["identity", "gzip", "br"]) {
      const answer = await ownRaw(path, { "accept-encoding": coding });
      expect(answer.headers.get("content-encoding")).toBe(coding === "identity" ? null : coding);
      tags[coding] = answer.headers.get("etag") as string;
    }
    expect(tags.identity).toMatch(/^"[0-9a-z]+\.[0-9a-z]+"$/);
    expect(tags.gzip).toBe(`${tags.identity.slice(0, -1)}-gzip"`);
    expect(tags.br).toBe(`${tags.identity.slice(0, -1)}-br"`);
    for (const coding of ["identity", "gzip", "br"]) {
      const cached = await ownRaw(path, {
        "accept-encoding": coding,
        "if-none-match": tags[coding],
      });
      expect({ coding, status: cached.status }).toEqual({ coding, status: 304 });
      expect(cached.headers.get("etag")).toBe(tags[coding]);
      // HEAD answers the headers GET would, its tag too.
      const head = await ownRaw(path, { "accept-encoding": coding }, "HEAD");
      expect({ coding, etag: head.headers.get("etag") }).toEqual({ coding, etag: tags[coding] });
    }
    // The gzip answer's tag names other bytes than the plain answer: a plain request gets the body.
    const plain = await ownRaw(path, { "accept-encoding": "identity", "if-none-match": tags.gzip });
    expect(plain.status).toBe(200);
    expect(plain.headers.get("etag")).toBe(tags.identity);
    // A cache holding both sends both: the 304 names the one to reuse.
    const both = await ownRaw(path, {
      "accept-encoding": "gzip",
      "if-none-match": `${tags.identity}, ${tags.gzip}`,
    });
    expect(both.status).toBe(304);
    expect(both.headers.get("etag")).toBe(tags.gzip);
  });

  test("If-Match takes the tag of any coding of the record's version", async () => {
    for (const coding of ["gzip", "br"]) {
      const path = await longDeal();
      const tag = (await ownRaw(path, { "accept-encoding": coding })).headers.get("etag") as string;
      expect(tag).toEndWith(`-${coding}"`);
      const patch = (value: number, ifMatch: string, acceptEncoding = coding) =>
        fetch(`${server.url}${path}`, {
          method: "PATCH",
          headers: {
            "x-api-key": own.key,
            "content-type": "application/json",
            "accept-encoding": acceptEncoding,
            "if-match": ifMatch,
          },
          body: JSON.stringify({ value }),
          decompress: false,
        } as RequestInit);
      const changed = await patch(1, tag);
      expect({ coding, status: changed.status }).toEqual({ coding, status: 200 });
      // The update's answer is compressed too, with its tag of the new version.
      const newTag = changed.headers.get("etag") as string;
      expect(newTag).toEndWith(`-${coding}"`);
      expect(newTag.split(".")[0]).not.toBe(tag.split(".")[0]);
      // The old version's tag, in any coding, is refused; the new one's passes in a plain request.
      expect((await patch(2, tag, "identity")).status).toBe(412);
      expect((await patch(2, tag.replace(`-${coding}"`, '"'))).status).toBe(412);
      expect((await patch(3, newTag, "identity")).status).toBe(200);
    }
  });
});

describe("CORS", () => {
  test("a preflight from an allowed origin is answered before authentication", async () => {
    const reply = await fetch(`${server.url}/api/external/deals`, {
      method: "OPTIONS",
      headers: {
        origin: ORIGIN,
        "access-control-request-method": "POST",
        "access-control-request-headers": "x-api-key, content-type",
      },
    });
    expect(reply.status).toBe(204);
    expect(reply.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expect(reply.headers.get("access-control-allow-methods")).toContain("POST");
    expect(reply.headers.get("access-control-allow-headers")).toContain("x-api-key");
  });

  test("a preflight allows every request header the document lists for the API, and the credential headers", async () => {
    const doc = (await server.anonymous.get("/swagger/json")).body;
    const wanted = new Set(["authorization", "content-type"]);
    for (const scheme of Object.values<any>(doc.components.securitySchemes))
      if (scheme.in === "header" && scheme.name === "X-API-Key") wanted.add("x-api-key");
    for (const [path, operations] of Object.entries<any>(doc.paths))
      for (const op of Object.values<any>(operations))
        for (const listed of op.parameters ?? []) {
          const parameter = resolveRef(doc, listed);
          if (parameter.in === "header" && path.startsWith("/api/external/"))
            wanted.add(parameter.name.toLowerCase());
        }
    expect([...wanted]).toEqual(expect.arrayContaining(["idempotency-key", "last-event-id"]));
    const reply = await fetch(`${server.url}/api/external/events/stream`, {
      method: "OPTIONS",
      headers: {
        origin: ORIGIN,
        "access-control-request-method": "GET",
        "access-control-request-headers": [...wanted].join(", "),
      },
    });
    const allowed = (reply.headers.get("access-control-allow-headers") ?? "")
      .split(",")
      .map((name) => name.trim().toLowerCase());
    expect([...wanted].filter((name) => !allowed.includes(name))).toEqual([]);
  });

  test("a page on an allowed origin may resume and revalidate a download, and read the headers it needs", async () => {
    const form = new FormData();
    form.set("file", new File(["0123456789"], "notes.txt", { type: "text/plain" }));
    const doc = (await tenant.api.request("POST", "/api/external/documents", form)).body;
    const download = `${server.url}/api/external/documents/${doc.id}/download`;
    const asked = [
      "x-api-key",
      "range",
      "if-range",
      "if-match",
      "if-none-match",
      "if-modified-since",
      "if-unmodified-since",
    ];
    const preflight = await fetch(download, {
      method: "OPTIONS",
      headers: {
        origin: ORIGIN,
        "access-control-request-method": "GET",
        "access-control-request-headers": asked.join(", "),
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    const allowed = (preflight.headers.get("access-control-allow-headers") ?? "")
      .split(",")
      .map((name) => name.trim());
    expect(asked.filter((name) => !allowed.includes(name))).toEqual([]);

    const part = await raw(`/api/external/documents/${doc.id}/download`, {
      origin: ORIGIN,
      range: "bytes=2-5",
      "if-range": `"${doc.sha256}"`,
    });
    expect(part.status).toBe(206);
    expect(part.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    const exposed = (part.headers.get("access-control-expose-headers") ?? "")
      .split(",")
      .map((name) => name.trim());
    // Fetch's CORS-safelisted response headers: a page reads them without their being exposed.
    const safelisted = ["cache-control", "content-length", "content-type", "last-modified"];
    const needed = [
      "content-range",
      "accept-ranges",
      "content-disposition",
      "etag",
      "last-modified",
    ];
    for (const name of needed)
      expect({ name, sent: part.headers.has(name) }).toEqual({ name, sent: true });
    expect(needed.filter((name) => !exposed.includes(name) && !safelisted.includes(name))).toEqual(
      [],
    );
  });

  test("other origins get no CORS headers; allowed ones may read the answer's headers", async () => {
    const refused = await fetch(`${server.url}/api/external/deals`, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "GET" },
    });
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    const allowed = await raw("/api/external/deals", { origin: ORIGIN });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expect(allowed.headers.get("access-control-expose-headers")).toContain("link");
    expect(allowed.headers.get("vary")).toContain("Origin");
    const denied = await raw("/api/external/deals", { origin: "https://evil.example" });
    expect(denied.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("Link rel=next", () => {
  test("pages link to the next page until the last; cursor feeds link with the next cursor", async () => {
    const first = await raw("/api/external/deals?page_size=2");
    expect(first.headers.get("link")).toBe('</api/external/deals?page_size=2&page=2>; rel="next"');
    const last = await raw("/api/external/deals?page_size=2&page=2");
    expect(((await last.json()) as { has_more: boolean }).has_more).toBe(false);
    expect(last.headers.get("link")).toBeNull();

    const feed = await raw("/api/external/deals?cursor=&page_size=2");
    const body = (await feed.json()) as { next_cursor: string };
    expect(feed.headers.get("link")).toBe(
      `</api/external/deals?cursor=${encodeURIComponent(body.next_cursor)}&page_size=2>; rel="next"`,
    );
    expect(feed.headers.get("x-crmd-page")).toBeNull();
  });

  test("search pages and the event log link to what comes next too", async () => {
    for (const title of ["Linked one", "Linked two"])
      await tenant.api.post("/api/external/deals", { title });
    const found = await raw("/api/external/search?q=linked&page_size=1");
    expect(((await found.json()) as { has_more: boolean }).has_more).toBe(true);
    expect(found.headers.get("link")).toBe(
      '</api/external/search?q=linked&page_size=1&page=2>; rel="next"',
    );
    const log = await raw("/api/external/events?page_size=1");
    const page = (await log.json()) as { has_more: boolean; next_cursor: string };
    expect(page.has_more).toBe(true);
    expect(log.headers.get("link")).toBe(
      `</api/external/events?page_size=1&cursor=${encodeURIComponent(page.next_cursor)}>; rel="next"`,
    );
  });
});

describe("finished answers", () => {
  test("a list, a record and a compressed list carry each header of the request once, with their body", async () => {
    const deal = (await tenant.api.get("/api/external/deals?page_size=1")).body.deals[0];
    const cases: Array<[string, Record<string, string>]> = [
      ["/api/external/deals?page_size=1", { origin: ORIGIN, "x-request-id": "req-list" }],
      [`/api/external/deals/${deal.id}`, { origin: ORIGIN, "x-request-id": "req-one" }],
      [
        "/api/external/deals?page_size=100",
        { origin: ORIGIN, "x-request-id": "req-gzip", "accept-encoding": "gzip" },
      ],
    ];
    for (const [path, headers] of cases) {
      const answer = await raw(path, headers);
      expect(answer.status).toBe(200);
      expect(answer.headers.get("x-request-id")).toBe(headers["x-request-id"]);
      expect(answer.headers.get("access-control-allow-origin")).toBe(ORIGIN);
      expect(answer.headers.get("content-type")).toStartWith("application/json");
      for (const name of [
        "etag",
        "x-ratelimit-limit",
        "x-ratelimit-remaining",
        "x-ratelimit-reset",
      ])
        expect(answer.headers.get(name)).toMatch(/^[^,]+$/);
      const gzip = headers["accept-encoding"] !== undefined;
      expect(answer.headers.get("content-encoding")).toBe(gzip ? "gzip" : null);
      const bytes = new Uint8Array(await answer.arrayBuffer());
      const body = JSON.parse(new TextDecoder().decode(gzip ? gunzipSync(bytes) : bytes));
      if (path.endsWith("page_size=1")) {
        expect(body.deals).toHaveLength(1);
        expect(answer.headers.get("link")).toBe(
          '</api/external/deals?page_size=1&page=2>; rel="next"',
        );
      } else if (gzip) expect(body.deals.length).toBeGreaterThan(1);
      else expect(body.id).toBe(deal.id);
    }
  });
});
