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

/**
 * The download response: the file streamed from disk, typed as stored, its
 * SHA-256 as a strong ETag (304 when the client has it already).
 */
export async function fileResponse(
  document: StoredFile,
  path: string,
  ifNoneMatch: string | null,
): Promise<Response> {
  const etag = `"${document.sha256}"`;
  const common = {
    etag,
    "cache-control": "private, no-cache",
    "x-content-type-options": "nosniff",
  };
  // If-None-Match compares weakly (RFC 9110 13.1.2): W/"x" names "x".
  const named = (tag: string) => tag === "*" || tag.replace(/^W\//, "") === etag;
  if (ifNoneMatch?.split(",").some((tag) => named(tag.trim())))
    return new Response(null, { status: 304, headers: common });
  const file = Bun.file(path);
  // A row without its file is an inconsistency, not a client error: 500, logged.
  if (!(await file.exists())) throw new Error(`document file missing: ${path}`);
  return new Response(file, {
    headers: {
      ...common,
      "content-type": document.mimeType ?? "application/octet-stream",
      "content-length": String(file.size),
      "content-disposition": contentDisposition(document.name),
    },
  });
}
