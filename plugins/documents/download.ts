import { ApiError, httpDate, noneMatch, parseHttpDate, wholeSecond } from "../../src/core";
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
  /** When its content was stored: the download's Last-Modified. */
  storedAt: Date;
}

type Range = { start: number; end: number };

/** More ranges than this in one request are not worth a multipart answer: the whole file. */
export const MAX_RANGES = 32;

/** One range spec of a `Range: bytes=` list: a range, "unsatisfiable", or null when it does not parse. */
function rangeSpec(spec: string, size: number): Range | "unsatisfiable" | null {
  const match = /^(\d*)-(\d*)$/.exec(spec.trim());
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

/**
 * The byte ranges a `Range` header asks of `size` bytes (RFC 9110 14.2),
 * in order, overlapping and adjacent ones coalesced into one: null to send
 * the whole content (no header, another unit, a header that does not
 * parse, which is ignored, or more than MAX_RANGES ranges),
 * "unsatisfiable" when none of them starts before the end.
 */
export function requestedRanges(
  header: string | null,
  size: number,
): Range[] | "unsatisfiable" | null {
  const match = /^bytes=(.*)$/i.exec(header?.trim() ?? "");
  if (!match) return null;
  // Empty list elements (`0-1,,4-5`) are allowed and skipped (RFC 9110 5.6.1).
  const specs = match[1].split(",").filter((spec) => spec.trim() !== "");
  if (specs.length === 0 || specs.length > MAX_RANGES) return null;
  const ranges: Range[] = [];
  for (const spec of specs) {
    const range = rangeSpec(spec, size);
    if (range === null) return null;
    if (range !== "unsatisfiable") ranges.push(range);
  }
  if (ranges.length === 0) return "unsatisfiable";
  ranges.sort((a, b) => a.start - b.start);
  const merged: Range[] = [{ ...ranges[0] }];
  for (const range of ranges.slice(1)) {
    const last = merged[merged.length - 1];
    if (range.start <= last.end + 1) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/** What a stored content's bytes are read from (plugins/documents/storage.ts). */
interface ContentSource {
  read(
    sha256: string,
    size: number,
    start: number,
    end: number,
  ): Promise<ReadableStream<Uint8Array> | Blob | Uint8Array | null>;
  spool(content: AsyncIterable<Uint8Array>): Promise<{ file: Blob; release(): Promise<void> }>;
}

/**
 * Bun sends a streamed body chunked, without the Content-Length it is
 * given (oven-sh/bun#10507, still so in Bun 1.4.5 for every kind of
 * stream), but a file's with it. So a range the store streams (the
 * database store, over 1 MiB) is written to a temporary file first, a row
 * at a time, and the file is sent: memory stays bounded and the client gets
 * its Content-Length (download progress, resuming). The file goes once the
 * response has been handed to Bun (`whenDone`), which keeps the file it
 * opened to send until it has sent it.
 */
async function sendable(
  stored: ReadableStream<Uint8Array> | Blob | Uint8Array,
  store: ContentSource,
  whenDone: (release: () => Promise<void>) => void,
): Promise<Blob | Uint8Array> {
  if (!(stored instanceof ReadableStream)) return stored;
  const { file, release } = await store.spool(stored);
  whenDone(release);
  return file;
}

/**
 * If-Match compares strongly (RFC 9110 13.1.1): the exact tag, or `*` (a
 * content exists). A client resuming a download sends it to be refused
 * rather than get bytes of another content.
 */
const matches = (header: string, etag: string) =>
  header.trim() === "*" || header.split(",").some((tag) => tag.trim() === etag);

const encoder = new TextEncoder();

/** The framing of a multipart/byteranges answer: each part's head, and the closing boundary. */
interface Multipart {
  head(range: Range, first: boolean): Uint8Array;
  tail: Uint8Array;
}

function multipart(document: StoredFile, boundary: string): Multipart {
  const type = document.mimeType ?? "application/octet-stream";
  const size = document.size ?? 0;
  return {
    head: (range, first) =>
      encoder.encode(
        `${first ? "" : "\r\n"}--${boundary}\r\nContent-Type: ${type}\r\n` +
          `Content-Range: bytes ${range.start}-${range.end}/${size}\r\n\r\n`,
      ),
    tail: encoder.encode(`\r\n--${boundary}--\r\n`),
  };
}

/** A download decided from the document's row: its status, headers, and the bytes it sends. */
interface Download {
  status: 200 | 206;
  headers: Record<string, string>;
  /** The byte ranges sent: one (the whole content, or one range), or several as `multipart`. */
  ranges: Range[];
  multipart: Multipart | null;
}

/**
 * Whether the content was stored after the time a date header names, to
 * the second an HTTP date has; null when the header is not one HTTP date,
 * which is then ignored (RFC 9110 13.1.3, 13.1.4).
 */
function storedAfter(header: string | null, modified: number): boolean | null {
  const since = parseHttpDate(header);
  return since === null ? null : modified > since;
}

/**
 * Why the preconditions refuse a download (412), if they do: If-Match
 * naming another content, or without If-Match (RFC 9110 13.2.2) an
 * If-Unmodified-Since the content was stored after.
 */
function refusal(headers: Headers, etag: string, modified: number): string | null {
  const ifMatch = headers.get("if-match");
  if (ifMatch !== null)
    return matches(ifMatch, etag)
      ? null
      : `If-Match names another content: this document's ETag is ${etag}`;
  return storedAfter(headers.get("if-unmodified-since"), modified)
    ? `The content was stored after If-Unmodified-Since: its Last-Modified is ${httpDate(new Date(modified))}`
    : null;
}

/**
 * Whether the client holds this content already (304): If-None-Match names
 * it, or without If-None-Match (RFC 9110 13.1.3) the content was not stored
 * after If-Modified-Since.
 */
function notModified(headers: Headers, etag: string, modified: number): boolean {
  const ifNoneMatch = headers.get("if-none-match");
  if (ifNoneMatch !== null) return noneMatch(ifNoneMatch, etag);
  return storedAfter(headers.get("if-modified-since"), modified) === false;
}

/**
 * Whether If-Range lets the ranges be sent (RFC 9110 13.1.5): absent, the
 * content's strong ETag, or exactly its Last-Modified. That date is a strong
 * validator (RFC 9110 8.8.2.2: the origin server knows the content did not
 * change twice within its second): a document's content never changes, as
 * another content is another document, so its time names this content
 * alone. A weak or other tag, another date or no date: the whole content.
 */
function rangesApply(ifRange: string | null, etag: string, modified: number): boolean {
  if (ifRange === null) return true;
  if (ifRange.startsWith('"') || ifRange.startsWith("W/")) return ifRange === etag;
  return parseHttpDate(ifRange) === modified;
}

/**
 * What a download answers, from the document's row alone (its size, type,
 * name, SHA-256 and time), so a HEAD answers the headers a GET would
 * without reading the content. Preconditions in RFC 9110 13.2.2's order:
 * If-Match naming another content (without If-Match, If-Unmodified-Since
 * before the content's time) 412; If-None-Match naming this one (without
 * If-None-Match, If-Modified-Since not before the content's time) 304; then
 * a single byte range is 206 (`If-Range` with another ETag or date gets the
 * whole content), several 206 multipart/byteranges, one past the end 416.
 */
function planDownload(document: StoredFile, headers: Headers): Download | Response {
  const etag = `"${document.sha256}"`;
  const modified = wholeSecond(document.storedAt);
  const validated = {
    etag,
    "cache-control": "private, no-cache",
    "x-content-type-options": "nosniff",
  };
  const common = { ...validated, "last-modified": httpDate(document.storedAt) };
  const refused = refusal(headers, etag, modified);
  if (refused) throw new ApiError(412, "PRECONDITION_FAILED", refused, undefined, common);
  // With the ETag sent, a 304 carries no other metadata of the file (RFC 9110 15.4.5).
  if (notModified(headers, etag, modified))
    return new Response(null, { status: 304, headers: validated });
  const size = document.size ?? 0;
  const ranges = rangesApply(headers.get("if-range"), etag, modified)
    ? requestedRanges(headers.get("range"), size)
    : null;
  if (ranges === "unsatisfiable")
    throw new ApiError(
      416,
      "RANGE_NOT_SATISFIABLE",
      `Range not satisfiable: the document has ${size} bytes`,
      undefined,
      { ...common, "content-range": `bytes */${size}` },
    );
  const described = {
    ...common,
    "accept-ranges": "bytes",
    "content-disposition": contentDisposition(document.name),
  };
  const bytes = (range: Range) => range.end - range.start + 1;
  if (ranges && ranges.length > 1) {
    const boundary = `crmd-${crypto.randomUUID()}`;
    const framing = multipart(document, boundary);
    const length = ranges.reduce(
      (sum, range, i) => sum + framing.head(range, i === 0).length + bytes(range),
      framing.tail.length,
    );
    return {
      status: 206,
      headers: {
        ...described,
        "content-type": `multipart/byteranges; boundary=${boundary}`,
        "content-length": String(length),
      },
      ranges,
      multipart: framing,
    };
  }
  const range = ranges?.[0] ?? { start: 0, end: size - 1 };
  return {
    status: ranges ? 206 : 200,
    headers: {
      ...described,
      "content-type": document.mimeType ?? "application/octet-stream",
      "content-length": String(bytes(range)),
      ...(ranges ? { "content-range": `bytes ${range.start}-${range.end}/${size}` } : {}),
    },
    ranges: [range],
    multipart: null,
  };
}

/** The answer to HEAD: the headers GET would send (its 304, 412 or 416 too), the content left unread. */
export function fileHead(document: StoredFile, headers: Headers): Response {
  const download = planDownload(document, headers);
  if (download instanceof Response) return download;
  return new Response(null, { status: download.status, headers: download.headers });
}

/**
 * The download response: the content streamed from its store, typed as
 * stored, its SHA-256 as a strong ETag, as planDownload decides.
 */
export async function fileResponse(
  document: StoredFile,
  store: ContentSource,
  headers: Headers,
  whenDone: (release: () => Promise<void>) => void,
): Promise<Response> {
  const download = planDownload(document, headers);
  if (download instanceof Response) return download;
  const { status, ranges } = download;
  if (download.multipart)
    return new Response(await multipartBody(document, store, download, whenDone), {
      status,
      headers: download.headers,
    });
  const size = document.size ?? 0;
  const [{ start, end }] = ranges;
  const read = size === 0 ? new Blob([]) : await store.read(document.sha256, size, start, end);
  // A row without its content is an inconsistency, not a client error: 500, logged.
  if (!read) throw new Error(`document content missing: ${document.sha256}`);
  const stored = await sendable(read, store, whenDone);
  // Bun answers a Range header itself when the response is a whole file: the
  // range decided here (none, for an If-Range that does not match) is sent as it is.
  // A file's stream is still sent with its length (Bun knows the file's size).
  const body =
    stored instanceof Blob && status === 200 && headers.has("range") ? stored.stream() : stored;
  return new Response(body, { status, headers: download.headers });
}

/** Ranges up to this many bytes in all are read at once and sent with their Content-Length. */
const BUFFERED_RANGES = 1024 * 1024;

/**
 * Several ranges: the body of a 206 `multipart/byteranges` (RFC 9110
 * 14.6), a part per range with its Content-Type and Content-Range, read
 * from the store a range at a time. Up to BUFFERED_RANGES bytes in all it
 * is made in memory; more is written out to a temporary file a part at a
 * time, and sent from it (as `sendable`), so it goes with its Content-Length.
 */
async function multipartBody(
  document: StoredFile,
  store: ContentSource,
  { ranges, multipart: framing }: Download,
  whenDone: (release: () => Promise<void>) => void,
): Promise<Uint8Array | Blob> {
  const { head, tail } = framing as Multipart;
  const size = document.size ?? 0;
  const read = async (range: Range) => {
    const stored = await store.read(document.sha256, size, range.start, range.end);
    if (!stored) throw new Error(`document content missing: ${document.sha256}`);
    return stored;
  };
  const total = ranges.reduce((sum, r) => sum + r.end - r.start + 1, 0);
  if (total <= BUFFERED_RANGES) {
    const parts: Uint8Array[] = [];
    for (const [i, range] of ranges.entries()) {
      parts.push(head(range, i === 0));
      parts.push(new Uint8Array(await new Response(await read(range)).arrayBuffer()));
    }
    parts.push(tail);
    return Buffer.concat(parts);
  }
  // The first range is read now: a missing content is a 500 before anything is sent.
  const first = await read(ranges[0]);
  // A part at a time, each range's bytes as the store gives them: written out as they come.
  async function* parts(): AsyncGenerator<Uint8Array> {
    for (const [i, range] of ranges.entries()) {
      const stored = i === 0 ? first : await read(range);
      yield head(range, i === 0);
      if (stored instanceof Uint8Array) yield stored;
      else yield* stored instanceof Blob ? stored.stream() : stored;
    }
    yield tail;
  }
  const { file, release } = await store.spool(parts());
  whenDone(release);
  return file;
}
