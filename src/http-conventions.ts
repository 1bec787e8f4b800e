import { versionEtag } from "./record-version";
import { requestState } from "./request-state";

/**
 * What finishJson needs of an answer made by readyJson: its text, and a
 * list's paging facts (without a page number: a feed that pages by cursor only).
 */
interface ReadyAnswer {
  body: string;
  page: { page?: number; has_more: boolean; next_cursor: string | null } | null;
}
const readyAnswers = new WeakMap<Response, ReadyAnswer>();
/** As Response.json and Elysia label JSON: every JSON answer (errors too) is labelled so. */
export const JSON_TYPE = "application/json;charset=utf-8";

/**
 * An answer whose JSON is written already (lists): Elysia passes a Response
 * through untouched, where it would clone and check every row of a plain
 * object first. The Response is only a handle: finishJson, which every
 * answer goes through, makes the one that is sent from the text kept here
 * (a body given to this one would be encoded once more for nothing).
 */
export const readyJson = (value: unknown, page: ReadyAnswer["page"] = null): Response =>
  readyText(JSON.stringify(value), page);

/** readyJson for JSON text written already. */
export function readyText(body: string, page: ReadyAnswer["page"] = null): Response {
  const response = new Response(null, { headers: { "content-type": JSON_TYPE } });
  readyAnswers.set(response, { body, page });
  return response;
}

/**
 * The answers' headers a page may read, beyond Fetch's CORS-safelisted ones
 * (Cache-Control, Content-Length, Content-Type, Last-Modified, …), which it
 * always may: a download's too, to resume it (Content-Range, Accept-Ranges)
 * and save it under its name (Content-Disposition).
 */
const EXPOSED = [
  "etag",
  "link",
  "retry-after",
  "x-request-id",
  "x-ratelimit-limit",
  "x-ratelimit-remaining",
  "x-ratelimit-reset",
  "idempotent-replayed",
  "content-range",
  "accept-ranges",
  "content-disposition",
].join(", ");
/** The credential headers and every request header the API documents (a download's conditions and ranges too). */
const ALLOWED_HEADERS = [
  "authorization",
  "content-type",
  "x-api-key",
  "idempotency-key",
  "x-request-id",
  "if-none-match",
  "if-match",
  "if-unmodified-since",
  "if-modified-since",
  "if-range",
  "range",
  "traceparent",
  "x-consistency",
  "last-event-id",
].join(", ");
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

/**
 * RFC 8288 `Link: <…>; rel="next"`: the next cursor on a change feed, else
 * the next page. `prefix` is the path crmd is reached under (CRMD_PUBLIC_URL's,
 * behind a proxy serving it at `/crm/`), which the request's own URL lacks.
 */
function nextLink(
  request: Request,
  page: NonNullable<ReadyAnswer["page"]>,
  prefix: string,
): string | null {
  if (!page.has_more) return null;
  const url = new URL(request.url);
  const feed =
    page.page === undefined || url.searchParams.has("cursor") || url.searchParams.has("since");
  if (feed && page.next_cursor) {
    url.searchParams.delete("since");
    url.searchParams.set("cursor", page.next_cursor);
  } else if (page.page !== undefined) url.searchParams.set("page", String(page.page + 1));
  else return null;
  return `<${prefix}${url.pathname}${url.search}>; rel="next"`;
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
 * The last step of a JSON answer: an `ETag` on a successful GET or HEAD (304
 * when If-None-Match names it) and on any answer that is one record, the list's `Link` header, and gzip or br
 * when the client asks. Other answers (files, assets, empty) pass untouched.
 */
export function finishJson(
  request: Request,
  value: unknown,
  status: number,
  headers: Record<string, string>,
  linkPrefix = "",
): Response | Promise<Response> | undefined {
  // Synchronous where it can be: Elysia takes a promise for the answer itself, at a cost.
  const response = value instanceof Response ? value : null;
  const ready = response ? readyAnswers.get(response) : undefined;
  if (
    !ready &&
    (response
      ? !isJson(response.headers.get("content-type"))
      : typeof value !== "object" || value === null)
  )
    return;
  const isGet = (request.method === "GET" || request.method === "HEAD") && status === 200;
  // A record's answer (a GET, a create's, an update's, a tombstone's) carries its version's strong ETag.
  const version = status < 300 ? requestState(request)?.recordVersion : undefined;
  const encoding = encodingFor(request);
  if (!isGet && !encoding && !ready && version === undefined) return;
  const finishing = { status, headers, isGet, encoding, linkPrefix, version };
  if (ready) return finishReady(request, ready, finishing);
  return response ? finish(request, response, finishing) : finishValue(request, value, finishing);
}

interface Finishing {
  status: number;
  headers: Record<string, string>;
  isGet: boolean;
  encoding: Encoding | null;
  /** The public path prefix a Link's target starts with. */
  linkPrefix: string;
  /** The answered record's version (record-version.ts), if the answer is one record. */
  version: number | undefined;
}

async function finish(
  request: Request,
  response: Response,
  finishing: Finishing,
): Promise<Response> {
  const merged = new Headers(response.headers);
  for (const [name, v] of Object.entries(finishing.headers)) merged.set(name, v);
  merged.set("content-type", merged.get("content-type") ?? JSON_TYPE);
  const body = new Uint8Array(await response.arrayBuffer());
  return send(request, body, Object.fromEntries(merged), finishing);
}

/**
 * finish for a value to answer as JSON: no waiting, and its headers a plain
 * object keyed by lower-case name, as a Headers object would give them back.
 */
function finishValue(request: Request, value: unknown, finishing: Finishing): Response {
  const out: Record<string, string> = {};
  for (const name in finishing.headers) out[name.toLowerCase()] = String(finishing.headers[name]);
  out["content-type"] ??= JSON_TYPE;
  return send(request, jsonBody(JSON.stringify(value)), out, finishing);
}

/**
 * The answer's JSON text as send takes it: the text itself where its
 * length is what it is in bytes for whether it is compressed (ASCII, or
 * long enough either way), else its UTF-8 bytes.
 */
const jsonBody = (text: string): string | Uint8Array =>
  text.length >= MIN_COMPRESSED || Buffer.byteLength(text) === text.length
    ? text
    : new TextEncoder().encode(text);

/** finish for a readyJson answer: its text at hand, its headers a plain object, no waiting. */
function finishReady(request: Request, ready: ReadyAnswer, finishing: Finishing): Response {
  const out: Record<string, string> = { ...finishing.headers, "content-type": JSON_TYPE };
  const link = ready.page ? nextLink(request, ready.page, finishing.linkPrefix) : null;
  if (link) out.link = link;
  // The text is hashed and sent as it is (Bun.hash of a string hashes its
  // UTF-8 bytes, as of the same bytes in a buffer): no copy into a buffer
  // unless it is compressed.
  return send(request, ready.body, out, finishing);
}

/**
 * Whether an answer of this length is compressed for a client that accepts
 * it: its representation is chosen by Accept-Encoding, so every such answer
 * says so in Vary (RFC 9110 12.5.5), the uncompressed one and its 304 too,
 * or a cache could hand one client's encoding to another.
 */
const variesByEncoding = (body: string | Uint8Array) => body.length >= MIN_COMPRESSED;

/**
 * JSON answers are tenant data fetched with a key: `private` keeps shared
 * caches from storing them (X-API-Key is no Authorization header, which
 * alone would), `no-cache` has a client's cache revalidate with the ETag.
 */
const JSON_CACHE_CONTROL = "private, no-cache";

/**
 * The answer with its ETag (304 when If-None-Match names it), compressed
 * when asked: a record's strong tag of its version (If-Match takes it) and
 * of the coding it is sent in, else a GET's weak tag of its text (a list, a
 * report), which the plain and compressed answers share, as a weak tag of
 * equivalent representations may (RFC 9110 8.8.1). If-None-Match is
 * compared with the tag of the answer this request would get: a client
 * revalidates the representation its own Accept-Encoding chose.
 */
function send(
  request: Request,
  body: string | Uint8Array,
  out: Record<string, string>,
  { status, isGet, encoding, version }: Finishing,
): Response {
  const coding = encoding && variesByEncoding(body) ? encoding : null;
  if (variesByEncoding(body))
    out.vary = out.vary ? `${out.vary}, Accept-Encoding` : "Accept-Encoding";
  if (version !== undefined) out.etag = versionEtag(version, body, coding);
  if (isGet) {
    out.etag ??= `W/"${Bun.hash(body).toString(36)}"`;
    out["cache-control"] ??= JSON_CACHE_CONTROL;
    if (noneMatch(request.headers.get("if-none-match"), out.etag))
      return new Response(null, { status: 304, headers: out });
  }
  if (coding) {
    out["content-encoding"] = coding;
    const bytes = typeof body === "string" ? Buffer.from(body) : body;
    return new Response(compress(bytes, coding), { status, headers: out });
  }
  return new Response(body, { status, headers: out });
}

/** An entity tag's opaque part: weak comparison (RFC 9110 8.8.3.2) ignores the `W/`. */
const opaque = (tag: string) => tag.trim().replace(/^W\//, "");

/**
 * Whether an If-None-Match header names `etag` (or is `*`), so the answer is
 * 304. If-None-Match compares weakly (RFC 9110 13.1.2): `"x"` and `W/"x"`
 * name the same answer, as a proxy that changed the tag's strength still asks.
 */
export function noneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  const wanted = opaque(etag);
  return header.trim() === "*" || header.split(",").some((tag) => opaque(tag) === wanted);
}

/**
 * Headers that describe a body (RFC 9110 8.3–8.6, 14.4): a 304 has none, and
 * RFC 9110 15.4.5 has it send only what updates the cached answer (ETag,
 * Cache-Control, Vary, Link and the like). A cache that took a 304's
 * Content-Length or Content-Type would rewrite the body it keeps.
 */
const BODY_HEADERS = [
  "content-type",
  "content-length",
  "content-encoding",
  "content-language",
  "content-range",
  "content-disposition",
];

/**
 * A 304 as it leaves crmd: whoever made it (a JSON GET, a download, Elysia
 * answering HEAD with the GET route, which sets the length it read, 0), it
 * goes without the headers of a body.
 */
function bodylessNotModified(response: Response): Response {
  if (response.status !== 304 || !BODY_HEADERS.some((name) => response.headers.has(name)))
    return response;
  const headers = new Headers(response.headers);
  for (const name of BODY_HEADERS) headers.delete(name);
  return new Response(null, { status: 304, headers });
}

/** The Content-Length of HEAD answers their route made without a body (headAnswer). */
const headLengths = new WeakMap<Request, string>();

/**
 * For a GET route that answers HEAD itself, without making the body (a
 * download, from its row): Elysia runs the GET route for HEAD and sets the
 * Content-Length to the bytes of the body it got, which it reads to its
 * end, so such an answer has none and its own length is put back as it
 * leaves (asSent).
 */
export function headAnswer(request: Request, response: Response): Response {
  const length = response.headers.get("content-length");
  if (length !== null) headLengths.set(request, length);
  return response;
}

/**
 * Bun sends no Date on an answer to HEAD (it does on every other one), which
 * RFC 9110 6.6.1 has an origin server with a clock send: crmd adds it, and
 * the Content-Length of an answer its route made without a body (headAnswer).
 */
function finishedHead(request: Request, response: Response): Response {
  if (request.method !== "HEAD") return response;
  const length = response.status === 304 ? undefined : headLengths.get(request);
  if (response.headers.has("date") && length === undefined) return response;
  const headers = new Headers(response.headers);
  if (!headers.has("date")) headers.set("date", new Date().toUTCString());
  if (length !== undefined) headers.set("content-length", length);
  const { status, statusText } = response;
  return new Response(response.body, { status, statusText, headers });
}

/** An answer as it leaves crmd, whatever made it: a 304 without body headers, a HEAD's with its Date. */
export function asSent(request: Request, response: Response): Response {
  // A WebSocket upgrade is answered by the server, not with a Response.
  if (!response) return response;
  return finishedHead(request, bodylessNotModified(response));
}
