/** A list's paging facts, from listJson to the Link header; never sent. */
export const PAGE_HEADER = "x-crmd-page";

export const pageHeader = (page: number, hasMore: boolean, nextCursor: string | null) =>
  `${page};${hasMore ? 1 : 0};${nextCursor ?? ""}`;

const EXPOSED = [
  "etag",
  "link",
  "retry-after",
  "x-request-id",
  "x-ratelimit-limit",
  "x-ratelimit-remaining",
  "x-ratelimit-reset",
  "idempotent-replayed",
].join(", ");
const ALLOWED_HEADERS =
  "authorization, content-type, x-api-key, idempotency-key, x-request-id, if-none-match, traceparent, x-consistency";
const ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";

/**
 * CORS by allow-list (`*` allows any origin). A preflight is answered here,
 * before authentication, since browsers send it without credentials; other
 * requests from an allowed origin get the headers that let the page read the
 * answer. Other origins get no CORS header, so browsers keep the answer from them.
 */
export function cors(
  request: Request,
  origins: readonly string[],
  headers: Record<string, string>,
): Response | undefined {
  const origin = request.headers.get("origin");
  if (!origin || origins.length === 0) return;
  const allowed = origins.includes("*") || origins.includes(origin);
  const preflight =
    request.method === "OPTIONS" && request.headers.has("access-control-request-method");
  if (preflight) {
    const answer: Record<string, string> = { vary: "Origin" };
    if (allowed)
      Object.assign(answer, {
        "access-control-allow-origin": origin,
        "access-control-allow-methods": ALLOWED_METHODS,
        "access-control-allow-headers": ALLOWED_HEADERS,
        "access-control-max-age": "600",
      });
    return new Response(null, { status: 204, headers: answer });
  }
  headers.vary = "Origin";
  if (!allowed) return;
  headers["access-control-allow-origin"] = origin;
  headers["access-control-expose-headers"] = EXPOSED;
}

/** RFC 8288 `Link: <…>; rel="next"`: the next cursor on a change feed, else the next page. */
function nextLink(request: Request, page: string): string | null {
  const [number, hasMore, nextCursor] = page.split(";");
  if (hasMore !== "1") return null;
  const url = new URL(request.url);
  const feed = url.searchParams.has("cursor") || url.searchParams.has("since");
  if (feed && nextCursor) {
    url.searchParams.delete("since");
    url.searchParams.set("cursor", nextCursor);
  } else url.searchParams.set("page", String(Number(number) + 1));
  return `<${url.pathname}${url.search}>; rel="next"`;
}

export type Encoding = "br" | "gzip";

/** The encoding to answer in: br before gzip, when the client accepts one (q=0 refuses it). */
export function encodingFor(request: Request): Encoding | null {
  const accepted = (request.headers.get("accept-encoding") ?? "").toLowerCase().split(",");
  const accepts = (name: string) =>
    accepted.some((entry) => {
      const [coding, ...params] = entry.trim().split(";");
      return coding.trim() === name && !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p));
    });
  if (accepts("br")) return "br";
  if (accepts("gzip")) return "gzip";
  return null;
}

let zlib: typeof import("node:zlib") | undefined;

/**
 * Quality 4: most of brotli's size win at a small fraction of its maximum's
 * time. node:zlib (with the stream modules it loads) is required by the first
 * br answer, not at start.
 */
export function compress(body: Uint8Array, encoding: Encoding): Uint8Array {
  if (encoding === "gzip") return Bun.gzipSync(body as Uint8Array<ArrayBuffer>);
  zlib ??= require("node:zlib") as typeof import("node:zlib");
  return zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } });
}

/** Smaller bodies are sent as they are: the framing would eat the gain. */
const MIN_COMPRESSED = 1024;

const isJson = (type: string | null) => type?.startsWith("application/json") ?? false;

/**
 * The last step of a JSON answer: a weak `ETag` on a successful GET (304
 * when If-None-Match names it), the list's `Link` header, and gzip or br
 * when the client asks. Other answers (files, assets, empty) pass untouched.
 */
export function finishJson(
  request: Request,
  value: unknown,
  status: number,
  headers: Record<string, string>,
): Promise<Response> | undefined {
  // Synchronous when there is nothing to do: Elysia would take a promise for the answer itself.
  const response = value instanceof Response ? value : null;
  if (
    response
      ? !isJson(response.headers.get("content-type"))
      : typeof value !== "object" || value === null
  )
    return;
  const isGet = request.method === "GET" && status === 200;
  const encoding = encodingFor(request);
  const page = response?.headers.get(PAGE_HEADER) ?? null;
  if (!isGet && !encoding && !page) return;
  return finish(request, value, { status, headers, isGet, encoding, page });
}

interface Finishing {
  status: number;
  headers: Record<string, string>;
  isGet: boolean;
  encoding: Encoding | null;
  page: string | null;
}

async function finish(
  request: Request,
  value: unknown,
  { status, headers, isGet, encoding, page }: Finishing,
): Promise<Response> {
  const response = value instanceof Response ? value : null;
  const out = new Headers(response?.headers);
  for (const [name, v] of Object.entries(headers)) out.set(name, v);
  out.delete(PAGE_HEADER);
  out.set("content-type", out.get("content-type") ?? "application/json");
  const link = page ? nextLink(request, page) : null;
  if (link) out.set("link", link);
  const body = response
    ? new Uint8Array(await response.arrayBuffer())
    : new TextEncoder().encode(JSON.stringify(value));
  if (isGet) {
    const etag = `W/"${Bun.hash(body).toString(36)}"`;
    out.set("etag", etag);
    const wanted = request.headers.get("if-none-match");
    if (wanted && (wanted.trim() === "*" || wanted.split(",").some((tag) => tag.trim() === etag)))
      return new Response(null, { status: 304, headers: out });
  }
  if (encoding && body.length >= MIN_COMPRESSED) {
    out.set("content-encoding", encoding);
    out.append("vary", "Accept-Encoding");
    return new Response(compress(body, encoding), { status, headers: out });
  }
  return new Response(body, { status, headers: out });
}
