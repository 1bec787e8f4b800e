import { ApiError } from "../../src/core";
/**
 * `attachment` with an ASCII fallback name and the exact name as RFC 5987
 * `filename*`, so any client gets a safe name and modern ones the real one.
 */
export function contentDisposition(displayName: string): string {
  // A name may hold slashes ("NDA 2026/27"); the file a client saves must not.
  const name = displayName.replace(/[/\\]/g, "_");
  const fallback = name.replace(/[^\x20-\x7e]|["%]/g, "_");
  const exact = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${exact}`;
}

interface StoredFile {
  name: string;
  mimeType: string | null;
  size: number | null;
  sha256: string;
}

type Range = { start: number; end: number };

/**
 * The one byte range a `Range` header asks of `size` bytes (RFC 9110 14.2):
 * null to send the whole content (no header, another unit, several ranges,
 * or a header that does not parse, which is ignored), "unsatisfiable" when
 * the range starts past the end.
 */
export function requestedRange(
  header: string | null,
  size: number,
): Range | "unsatisfiable" | null {
  const match = /^bytes=[ \t]*(\d*)-(\d*)[ \t]*$/i.exec(header?.trim() ?? "");
  if (!match || (match[1] === "" && match[2] === "")) return null;
  if (match[1] === "") {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(size - suffix, 0), end: size - 1 };
  }
  const start = Number(match[1]);
  const last = match[2] === "" ? size - 1 : Number(match[2]);
  if (match[2] !== "" && last < start) return null;
  if (start >= size) return "unsatisfiable";
  return { start, end: Math.min(last, size - 1) };
}

/** What a stored content's bytes are read from (plugins/documents/storage.ts). */
interface ContentSource {
  read(
    sha256: string,
    size: number,
    start: number,
    end: number,
  ): Promise<ReadableStream<Uint8Array> | Blob | Uint8Array | null>;
}

/**
 * The download response: the content streamed from its store, typed as
 * stored, its SHA-256 as a strong ETag (304 when the client has it
 * already). A single byte range is answered 206 (`If-Range` with another
 * ETag gets the whole content), one past the end 416.
 */
export async function fileResponse(
  document: StoredFile,
  store: ContentSource,
  headers: Headers,
): Promise<Response> {
  const etag = `"${document.sha256}"`;
  const common = {
    etag,
    "cache-control": "private, no-cache",
    "x-content-type-options": "nosniff",
  };
  // If-None-Match compares weakly (RFC 9110 13.1.2): W/"x" names "x".
  const named = (tag: string) => tag === "*" || tag.replace(/^W\//, "") === etag;
  if (
    headers
      .get("if-none-match")
      ?.split(",")
      .some((tag) => named(tag.trim()))
  )
    return new Response(null, { status: 304, headers: common });
  const size = document.size ?? 0;
  const ifRange = headers.get("if-range");
  // If-Range takes a strong ETag only; a date or another tag: the whole content.
  const range =
    ifRange === null || ifRange === etag ? requestedRange(headers.get("range"), size) : null;
  if (range === "unsatisfiable")
    throw new ApiError(
      416,
      "RANGE_NOT_SATISFIABLE",
      `Range not satisfiable: the document has ${size} bytes`,
      undefined,
      { ...common, "content-range": `bytes */${size}` },
    );
  const { start, end } = range ?? { start: 0, end: size - 1 };
  const stored = size === 0 ? new Blob([]) : await store.read(document.sha256, size, start, end);
  // A row without its content is an inconsistency, not a client error: 500, logged.
  if (!stored) throw new Error(`document content missing: ${document.sha256}`);
  // Bun answers a Range header itself when the response is a whole file: the
  // range decided here (none, for an If-Range that does not match) is sent as it is.
  const body = stored instanceof Blob && !range && headers.has("range") ? stored.stream() : stored;
  // A streamed body goes chunked, without Content-Length (Bun drops it: oven-sh/bun#10507).
  const length =
    body instanceof ReadableStream ? {} : { "content-length": String(end - start + 1) };
  return new Response(body, {
    status: range ? 206 : 200,
    headers: {
      ...common,
      "accept-ranges": "bytes",
      "content-type": document.mimeType ?? "application/octet-stream",
      ...length,
      "content-disposition": contentDisposition(document.name),
      ...(range ? { "content-range": `bytes ${start}-${end}/${size}` } : {}),
    },
  });
}
