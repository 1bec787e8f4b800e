import { Elysia, t } from "elysia";
import { documents } from "../../db/schema";
import {
  type AppContext,
  authMacros,
  claimIdempotency,
  ErrorBody,
  errorResponses,
  HOURLY,
  headAnswer,
  IdParams,
  listJson,
  listResponse,
  registerEventTypes,
  registerVersionedRecords,
  whenRequestEnds,
} from "../../src/core";
import { fileHead, fileResponse } from "./download";
import {
  CreateDocument,
  Document,
  DocumentQuery,
  DocumentShare,
  DownloadHeaders,
  ReplaceDocument,
  ShareDocument,
} from "./model";
import {
  createDocument,
  deleteDocument,
  downloadable,
  getDocument,
  listDocuments,
  replaceDocument,
  shareDocument,
} from "./service";
import { type DocumentStore, documentStore } from "./storage";
import { abandonUpload, parseUpload, stagedUpload, uploadCommitted } from "./upload";

/** New stored documents from other domains: communications keeps received attachments. */
export { type DocumentFiles, documentFiles, type StagedFile } from "./files";
/** Where uploaded documents' bytes are: communications attach them to emails. */
/** `crmd documents migrate`: files stored before the database store, into the database. */
export {
  type DocumentStore,
  documentStore,
  type MovedFiles,
  moveFilesIntoDatabase,
} from "./storage";

/** PATCH, PUT, DELETE and actions on `/documents/:id` honour If-Match on its version. */
registerVersionedRecords("/documents/:id", documents);

registerEventTypes([
  "document.uploaded",
  "document.updated",
  "document.shared",
  "document.deleted",
]);

const tags = ["documents"];

/** An upload stages its file for well under this long; older staged files were abandoned. */
const STAGED_MAX_AGE_MS = 60 * 60 * 1000;

/**
 * Staged files a crash left behind go at start and every hour after (those
 * over an hour old: an upload is staged for the length of its request). At
 * the start of an embedded database's only server every staged file goes;
 * on a database several instances share, younger ones stay, as another
 * instance sharing the documents directory may be uploading.
 */
function sweepStagedFiles(ctx: AppContext, store: DocumentStore) {
  const sweep = async (olderThanMs: number) => {
    const removed = await store.sweepStaged(olderThanMs);
    if (removed) ctx.logger.info("abandoned staged uploads removed", { files: removed });
  };
  sweep(ctx.db.raw ? 0 : STAGED_MAX_AGE_MS).catch((error) =>
    ctx.logger.error("staged upload sweep failed", { error }),
  );
  ctx.scheduler.register({
    name: "upload_sweep",
    cron: HOURLY,
    run: async () => {
      await sweep(STAGED_MAX_AGE_MS);
      return undefined;
    },
  });
}

/**
 * Documents (seed 000): uploads stored content-addressed under the data
 * directory, or external URLs; download, share (an event for a webhook
 * consumer to deliver) and soft delete.
 */
export const documentsPlugin = (ctx: AppContext) => {
  const store = documentStore(ctx);
  sweepStagedFiles(ctx, store);
  return new Elysia({ name: "crmd.documents" })
    .use(authMacros)
    .post(
      "/documents",
      async ({ body, tenantId, actor, set, request }) => {
        // The body was streamed, not read before routing: its Idempotency-Key is claimed now.
        const replay = await claimIdempotency(ctx, request, set.headers as Record<string, string>);
        if (replay) {
          await abandonUpload(request);
          set.status = replay.status; // the answer's hooks go by it, not by the Response's own
          return replay;
        }
        const document = await createDocument(
          ctx,
          store,
          tenantId,
          actor,
          body,
          stagedUpload(request),
        );
        uploadCommitted(request);
        set.status = 201;
        return document;
      },
      {
        scope: "documents:write",
        // The named parsers document both media types in OpenAPI; the function streams multipart.
        parse: [({ request }) => parseUpload(ctx, store, request), "json", "multipart/form-data"],
        body: CreateDocument,
        response: { 201: Document, ...errorResponses, 413: ErrorBody, 415: ErrorBody },
        detail: {
          summary:
            "Upload a file (multipart/form-data, field `file`) or register an external document (JSON with `url`)",
          description:
            "Uploads: empty is 422, over the upload limit 413, a declared type (the file part's Content-Type, or `mime_type`) that the content does not match 415. Text files are accepted as text/plain, text/csv, text/markdown or application/json when they are UTF-8. Equal content is stored once.",
          tags,
        },
      },
    )
    .get(
      "/documents",
      async ({ query, tenantId }) => {
        return listJson("documents", await listDocuments(ctx, tenantId, query));
      },
      {
        scope: "documents:read",
        query: DocumentQuery,
        response: { 200: listResponse("documents", Document), ...errorResponses },
        detail: { summary: "List documents, by linked record, storage or tags", tags },
      },
    )
    .get("/documents/:id", async ({ params, tenantId }) => getDocument(ctx, tenantId, params.id), {
      scope: "documents:read",
      params: IdParams,
      response: { 200: Document, ...errorResponses },
      detail: { summary: "Get a document's metadata", tags },
    })
    .get(
      "/documents/:id/download",
      async ({ params, tenantId, request }) => {
        const document = await downloadable(ctx, tenantId, params.id);
        // HEAD (Elysia runs this route for it) is answered from the row: the content is not read.
        if (request.method === "HEAD")
          return headAnswer(request, fileHead(document, request.headers));
        // A spooled range's file goes after the response was handed over (Bun has it open by then).
        return fileResponse(document, store, request.headers, (release) =>
          whenRequestEnds(
            request,
            () => new Promise((done) => setImmediate(() => release().then(done, done))),
          ),
        );
      },
      {
        scope: "documents:read",
        params: IdParams,
        headers: DownloadHeaders,
        response: {
          200: t.File({ description: "The file, with Content-Disposition: attachment" }),
          ...errorResponses,
          409: ErrorBody,
        },
        detail: {
          summary:
            "Download a file (ETag = its SHA-256, Last-Modified = its upload); an external document is 409: fetch its url",
          description:
            "Last-Modified is when the content was uploaded, to the second: a document's content never changes (changing its details leaves it), so the date is a strong validator (RFC 9110 8.8.2.2); every answer carries it but a 304, which has the ETag (RFC 9110 15.4.5). One byte range (`Range: bytes=0-1023`, `bytes=-512`) is 206 with Content-Range; several (`bytes=0-9,20-29`) are 206 `multipart/byteranges`, overlapping ones coalesced; `If-Range` with the ETag or the Last-Modified date gets the ranges; over 32 ranges, `If-Range` with another ETag (strong comparison) or another date, or another unit: the whole file (200); past the end: 416 with `Content-Range: bytes */<size>`. `If-Match` naming another content (strong comparison), or without If-Match an `If-Unmodified-Since` before the Last-Modified: 412 PRECONDITION_FAILED. `If-None-Match` naming the content, or without If-None-Match an `If-Modified-Since` not before the Last-Modified: 304. A date that is not an HTTP date is ignored. HEAD answers the headers GET would (its 304, 412, 206 and 416 too) from the document's details, without reading the file. External documents are not redirected to: a redirect would hand the caller's API key header to another host with clients that forward custom headers.",
          tags,
        },
      },
    )
    .put(
      "/documents/:id",
      async ({ params, body, tenantId, actor }) =>
        replaceDocument(ctx, tenantId, actor, params.id, body),
      {
        scope: "documents:write",
        params: IdParams,
        body: ReplaceDocument,
        response: { 200: Document, ...errorResponses },
        detail: {
          summary:
            "Replace a document's details (seed 000's PUT: name, description, links, tags; fields left out are emptied)",
          tags,
        },
      },
    )
    .delete(
      "/documents/:id",
      async ({ params, tenantId, actor }) => deleteDocument(ctx, store, tenantId, actor, params.id),
      {
        scope: "documents:write",
        params: IdParams,
        response: { 200: Document, ...errorResponses },
        detail: {
          summary:
            "Delete a document (soft; the file goes once no other document holds the same content)",
          tags,
        },
      },
    )
    .post(
      "/documents/:id/share",
      async ({ params, body, tenantId, actor }) =>
        shareDocument(ctx, tenantId, actor, params.id, body),
      {
        scope: "documents:write",
        params: IdParams,
        body: ShareDocument,
        response: { 200: DocumentShare, ...errorResponses },
        detail: {
          summary: "Share a document: emits document.shared for a webhook consumer to deliver",
          description:
            "crmd sends no mail and grants no access: it checks the recipients (valid emails, contacts of this tenant), records the share in the activity log and emits document.shared with the document as data and {emails, contact_ids, message, shared_by} as metadata.",
          tags,
        },
      },
    );
};
