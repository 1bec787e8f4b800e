import { t } from "elysia";
import { JsonInteger, pageQuery, RequiredText } from "../../src/core";

const link = (what: string) =>
  t.Optional(
    t.String({ minLength: 1, maxLength: 64, description: `Linked ${what} (same tenant)` }),
  );

export const Document = t.Object({
  id: t.String({ format: "uuid" }),
  name: t.String(),
  description: t.Nullable(t.String()),
  mime_type: t.Nullable(t.String()),
  size: t.Nullable(JsonInteger({ description: "Bytes; null for external documents" })),
  sha256: t.Nullable(
    t.String({ description: "Hex SHA-256 of the content (the download's ETag); null if external" }),
  ),
  storage: t.Union([t.Literal("local"), t.Literal("external")]),
  url: t.Nullable(t.String({ description: "External documents: where the document lives" })),
  deal_id: t.Nullable(t.String()),
  lead_id: t.Nullable(t.String()),
  contact_id: t.Nullable(t.String()),
  company_id: t.Nullable(t.String()),
  tags: t.Array(t.String()),
  created_at: t.String({ format: "date-time" }),
  updated_at: t.String({ format: "date-time" }),
  deleted_at: t.Nullable(t.String({ format: "date-time" })),
});

/**
 * One body for both ways of adding a document: multipart/form-data with a
 * `file` part (an upload), or JSON with a `url` (an external document).
 */
export const CreateDocument = t.Object(
  {
    file: t.Optional(
      t.File({
        description:
          "multipart/form-data: the file. Its part's Content-Type is the declared type, checked against the content",
      }),
    ),
    url: t.Optional(
      t.String({
        format: "uri",
        maxLength: 2048,
        description: "JSON: an external document's http(s) URL (nothing is downloaded)",
      }),
    ),
    name: t.Optional(
      RequiredText({
        maxLength: 255,
        description: "Default: the uploaded file's name, or the URL's last path segment",
      }),
    ),
    description: t.Optional(t.String({ maxLength: 2000 })),
    mime_type: t.Optional(
      t.String({
        maxLength: 255,
        pattern: "^[A-Za-z0-9][\\w!#$&^.+-]*/[A-Za-z0-9][\\w!#$&^.+-]*(\\s*;.*)?$",
        description:
          "External documents: their type. Uploads: overrides the file part's declared type (still checked against the content)",
      }),
    ),
    deal_id: link("deal"),
    lead_id: link("lead"),
    contact_id: link("contact"),
    company_id: link("company"),
    tags: t.Optional(
      t.Union([t.Array(t.String({ minLength: 1, maxLength: 100 }), { maxItems: 50 }), t.String()], {
        description: "JSON: an array; multipart: comma-separated",
      }),
    ),
  },
  { examples: [{ url: "https://example.com/proposal.pdf", mime_type: "application/pdf" }] },
);

/** PUT (seed 000): a document's details; fields left out are emptied. The content stays. */
export const ReplaceDocument = t.Object(
  {
    name: RequiredText({ maxLength: 255 }),
    description: t.Optional(t.Nullable(t.String({ maxLength: 2000 }))),
    deal_id: t.Optional(t.Nullable(t.String({ maxLength: 64 }))),
    lead_id: t.Optional(t.Nullable(t.String({ maxLength: 64 }))),
    contact_id: t.Optional(t.Nullable(t.String({ maxLength: 64 }))),
    company_id: t.Optional(t.Nullable(t.String({ maxLength: 64 }))),
    tags: t.Optional(t.Array(t.String({ minLength: 1, maxLength: 100 }), { maxItems: 50 })),
  },
  { examples: [{ name: "Signed proposal.pdf", tags: ["signed"] }] },
);

/**
 * The conditions and ranges a download decides on (download.ts), declared
 * so the document lists them for clients and browsers may send them (the
 * CORS list holds every request header the API documents). If-None-Match,
 * which every GET takes, is added with the document.
 */
export const DownloadHeaders = t.Object({
  range: t.Optional(
    t.String({
      description:
        "Byte ranges (`bytes=0-1023`, `bytes=-512`, `bytes=0-9,20-29`): 206 with them (several: `multipart/byteranges`), 416 when all start past the end; another unit, over 32 ranges or a header that does not parse: the whole file",
    }),
  ),
  "if-range": t.Optional(
    t.String({
      description:
        "The file's ETag or Last-Modified as received: the ranges while the file is that one, else the whole file (200). A weak tag never matches",
    }),
  ),
  "if-match": t.Optional(
    t.String({
      description:
        "The file's ETag (a list of them, or `*`): else 412 PRECONDITION_FAILED, so a resumed download never mixes two contents. Compared strongly",
    }),
  ),
  "if-modified-since": t.Optional(
    t.String({
      description:
        "An HTTP date: 304 if the content was not uploaded after it (to the second). Ignored with If-None-Match, or when not an HTTP date",
    }),
  ),
  "if-unmodified-since": t.Optional(
    t.String({
      description:
        "An HTTP date: 412 PRECONDITION_FAILED if the content was uploaded after it (to the second). Ignored with If-Match, or when not an HTTP date",
    }),
  ),
});

export const DocumentQuery = t.Object({
  ...pageQuery,
  deal_id: t.Optional(t.String()),
  lead_id: t.Optional(t.String()),
  contact_id: t.Optional(t.String()),
  company_id: t.Optional(t.String()),
  storage: t.Optional(t.Union([t.Literal("local"), t.Literal("external")])),
  tags: t.Optional(t.String({ description: "Comma-separated; documents carrying all of them" })),
});

export const ShareDocument = t.Object(
  {
    emails: t.Optional(t.Array(t.String({ format: "email", maxLength: 320 }), { maxItems: 100 })),
    contact_ids: t.Optional(t.Array(t.String({ minLength: 1, maxLength: 64 }), { maxItems: 100 })),
    message: t.Optional(t.String({ maxLength: 5000 })),
  },
  { examples: [{ emails: ["ada@example.com"], message: "The signed proposal" }] },
);

export const DocumentShare = t.Object({
  document: Document,
  emails: t.Array(t.String()),
  contact_ids: t.Array(t.String()),
  message: t.Nullable(t.String()),
  shared_at: t.String({ format: "date-time" }),
});

export type DocumentView = typeof Document.static;
export type CreateDocumentBody = typeof CreateDocument.static;
export type ReplaceDocumentBody = typeof ReplaceDocument.static;
export type DocumentQueryParams = typeof DocumentQuery.static;
export type ShareDocumentBody = typeof ShareDocument.static;
export type DocumentShareView = typeof DocumentShare.static;
