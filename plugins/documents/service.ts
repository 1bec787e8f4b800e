import { basename } from "node:path";
import { and, eq, isNull } from "drizzle-orm";
import { companies, contacts, deals, documents, leads } from "../../db/schema";
import {
  type Actor,
  type AppContext,
  assertLinked,
  assertLinks,
  cleanTags,
  conflict,
  findLive,
  insertRow,
  invalid,
  lifecycleFields,
  listPage,
  newId,
  outsideRequest,
  parseTags,
  type ReadDb,
  recordChange,
  softDelete,
  updateRow,
  versioned,
  type WriteScope,
  type WriteTx,
  writeScope,
} from "../../src/core";
import { detectedType, mediaType, verifiedType } from "./content";
import type {
  CreateDocumentBody,
  DocumentQueryParams,
  DocumentShareView,
  DocumentView,
  ReplaceDocumentBody,
  ShareDocumentBody,
} from "./model";
import type { DocumentStore } from "./storage";
import type { StagedUpload } from "./upload";

type DocumentRow = typeof documents.$inferSelect;

const ENTITY = "document";

export const documentView = (row: DocumentRow): DocumentView =>
  versioned(row, {
    id: row.id,
    name: row.name,
    description: row.description,
    mime_type: row.mimeType,
    size: row.size,
    sha256: row.sha256,
    storage: row.storage as DocumentView["storage"],
    url: row.url,
    deal_id: row.dealId,
    lead_id: row.leadId,
    contact_id: row.contactId,
    company_id: row.companyId,
    tags: row.tags,
    ...lifecycleFields(row),
  });

/** The records a document may link to: each given id must be a live record of the tenant. */
const LINKS = { deal_id: deals, lead_id: leads, contact_id: contacts, company_id: companies };

/** A display name without control characters, at most 255 UTF-16 units. */
export const cleanName = (name: string): string =>
  name
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(0, 255)
    // A cut through a surrogate pair leaves half a character: not storable as UTF-8.
    .replace(/[\uD800-\uDBFF]$/, "");

/** A file's own name as a display name: its last part, as a client may send its path (C:\Users\ann\nda.txt). */
export const fileDisplayName = (fileName: string): string =>
  cleanName(basename(fileName.replaceAll("\\", "/")));

/** Inserts a new document with its activity row and `document.uploaded` event. */
export async function insertDocument(
  tx: WriteTx,
  scope: WriteScope,
  input: CreateDocumentBody,
  stored: Pick<DocumentRow, "name" | "mimeType" | "size" | "sha256" | "storage" | "url">,
): Promise<DocumentView> {
  await assertLinks(tx, scope.tenantId, input, LINKS);
  const tags = cleanTags(
    typeof input.tags === "string" ? parseTags(input.tags) : (input.tags ?? []),
  );
  const row = {
    id: newId(),
    ...stored,
    description: input.description ?? null,
    dealId: input.deal_id ?? null,
    leadId: input.lead_id ?? null,
    contactId: input.contact_id ?? null,
    companyId: input.company_id ?? null,
    tags,
  };
  const events = (view: DocumentView) => [{ type: "document.uploaded", data: view }];
  const created = { table: documents, row, entityType: ENTITY, view: documentView, events };
  return (await insertRow(tx, scope, created)).view;
}

/**
 * Removes a stored content unless a live document still references it. Runs
 * in the write lock, after the change that released the file has
 * committed, so an upload of the same bytes cannot slip in between the
 * check and the removal. A failure only leaves an orphan file: logged.
 * Written outside the request that released the file: this cleanup is not
 * its answer, which an Idempotency-Key's replay stored with the write
 * would otherwise become (a rejected upload replayed as a 201).
 */
export async function releaseFile(
  ctx: AppContext,
  store: DocumentStore,
  sha256: string,
): Promise<void> {
  try {
    await outsideRequest(() =>
      ctx.write(async (tx) => {
        const [live] = await tx
          .select({ id: documents.id })
          .from(documents)
          .where(and(eq(documents.sha256, sha256), isNull(documents.deletedAt)))
          .limit(1);
        if (!live) await store.remove(tx, sha256);
      }),
    );
  } catch (error) {
    ctx.logger.warn("document file not removed", { sha256, error });
  }
}

/**
 * Stores an upload, whose bytes the route's parser staged as they arrived
 * (a temporary file, or staged rows), hashed and held to the upload limit
 * (413) on the way. Empty (422) or not what it declares (415): rejected
 * before the document is written, the staged bytes dropped. Otherwise they
 * are made the content's inside the write transaction; if anything fails
 * (a bad link is 422) they are removed again unless another document holds
 * the same content.
 */
async function upload(
  ctx: AppContext,
  store: DocumentStore,
  tenantId: string,
  actor: Actor,
  input: CreateDocumentBody & { file: File },
  staged: StagedUpload,
): Promise<DocumentView> {
  const { file } = input;
  const { token, sha256, size } = staged;
  try {
    if (size === 0) throw invalid("/file", "is empty");
    const detected = await detectedType(await store.staged(token, size));
    const mimeType = verifiedType(detected, staged.text, input.mime_type ?? (file.type || null));
    const name = (input.name ? cleanName(input.name) : fileDisplayName(file.name)) || "document";
    const scope = writeScope(ctx, tenantId, actor);
    return await ctx.write(async (tx) => {
      await store.commit(tx, token, sha256);
      const stored = { name, mimeType, size, sha256, storage: "local", url: null };
      return insertDocument(tx, scope, input, stored);
    });
  } catch (error) {
    await store.discard(token);
    await releaseFile(ctx, store, sha256);
    throw error;
  }
}

/** The URL's last path segment, unescaped; as written when its escapes are not UTF-8 (%FC). */
function fileNameOf(url: URL): string {
  const segment = url.pathname.split("/").pop() ?? "";
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Registers an external document: metadata and URL only, nothing is fetched. */
async function register(
  ctx: AppContext,
  tenantId: string,
  actor: Actor,
  input: CreateDocumentBody & { url: string },
): Promise<DocumentView> {
  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    throw invalid("/url", "is not a URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw invalid("/url", "must be an http or https URL");
  const name =
    (input.name ? cleanName(input.name) : fileDisplayName(fileNameOf(url))) || url.hostname;
  const mimeType = input.mime_type ? mediaType(input.mime_type) : null;
  const scope = writeScope(ctx, tenantId, actor);
  const stored = { name, mimeType, size: null, sha256: null, storage: "external", url: url.href };
  return ctx.write((tx) => insertDocument(tx, scope, input, stored));
}

/** POST /documents: a multipart upload (`file`) or a JSON external document (`url`). */
export function createDocument(
  ctx: AppContext,
  store: DocumentStore,
  tenantId: string,
  actor: Actor,
  input: CreateDocumentBody,
  staged: StagedUpload | null = null,
): Promise<DocumentView> {
  const { file, url } = input;
  if (file && url !== undefined) throw invalid("/url", "give either a file or a url, not both");
  if (file && !staged) throw new Error("an upload reached the handler without its staged bytes");
  if (file && staged) return upload(ctx, store, tenantId, actor, { ...input, file }, staged);
  if (url !== undefined) return register(ctx, tenantId, actor, { ...input, url });
  throw invalid("/file", "send a file (multipart/form-data) or a url (JSON)");
}

const findRow = (db: ReadDb | WriteTx, tenantId: string, id: string): Promise<DocumentRow> =>
  findLive(db, documents, tenantId, id, "Document");

export async function getDocument(ctx: AppContext, tenantId: string, id: string) {
  return documentView(await findRow(ctx.db.read, tenantId, id));
}

/**
 * A stored document's file for download; an external document is 409 (its
 * bytes are not here). Its content was stored when the document was
 * created: nothing replaces a document's content (PUT changes its details,
 * a new content is a new document), while updated_at also moves with those
 * details and links, which leave the bytes as they were.
 */
export async function downloadable(ctx: AppContext, tenantId: string, id: string) {
  const row = await findRow(ctx.db.read, tenantId, id);
  if (row.storage !== "local" || !row.sha256)
    throw conflict(`Document ${id} is external: fetch it from its url (${row.url})`);
  return { ...row, sha256: row.sha256, storedAt: row.createdAt };
}

export function listDocuments(ctx: AppContext, tenantId: string, query: DocumentQueryParams) {
  return listPage({
    db: ctx.db,
    cache: ctx.cache,
    table: documents,
    tenantId,
    filters: [
      query.deal_id ? eq(documents.dealId, query.deal_id) : undefined,
      query.lead_id ? eq(documents.leadId, query.lead_id) : undefined,
      query.contact_id ? eq(documents.contactId, query.contact_id) : undefined,
      query.company_id ? eq(documents.companyId, query.company_id) : undefined,
      query.storage ? eq(documents.storage, query.storage) : undefined,
      ctx.db.dialect.hasAllTags(documents.tags, parseTags(query.tags)),
    ],
    query,
    map: documentView,
  });
}

/**
 * PUT: the document's details become the body's (its content stays), with
 * document.updated; a new link must name a live record of the tenant.
 */
export async function replaceDocument(
  ctx: AppContext,
  tenantId: string,
  actor: Actor,
  id: string,
  body: ReplaceDocumentBody,
): Promise<DocumentView> {
  const scope = writeScope(ctx, tenantId, actor);
  return ctx.write(async (tx) => {
    const row = await findRow(tx, tenantId, id);
    // A link the document keeps after its record was deleted may come back unchanged.
    await assertLinks(tx, tenantId, body, LINKS, {
      deal_id: row.dealId,
      lead_id: row.leadId,
      contact_id: row.contactId,
      company_id: row.companyId,
    });
    const name = cleanName(body.name);
    if (!name) throw invalid("/name", "must have a visible character");
    const columns = {
      name,
      description: body.description ?? null,
      dealId: body.deal_id ?? null,
      leadId: body.lead_id ?? null,
      contactId: body.contact_id ?? null,
      companyId: body.company_id ?? null,
      tags: cleanTags(body.tags ?? []),
    };
    const update = { table: documents, row, columns, entityType: ENTITY, view: documentView };
    return (await updateRow(tx, scope, update)).view;
  });
}

/** Soft-deletes the row; its file goes once no live document holds the same content. */
export async function deleteDocument(
  ctx: AppContext,
  store: DocumentStore,
  tenantId: string,
  actor: Actor,
  id: string,
): Promise<DocumentView> {
  const scope = writeScope(ctx, tenantId, actor);
  const deleted = await ctx.write(async (tx) => {
    const row = await findRow(tx, tenantId, id);
    const target = { table: documents, row, entityType: ENTITY, view: documentView };
    return (await softDelete(tx, scope, target)).row;
  });
  if (deleted.sha256) await releaseFile(ctx, store, deleted.sha256);
  return documentView(deleted);
}

/**
 * Shares a document with people: crmd sends nothing itself and grants no
 * access; it validates the recipients, records the share in the activity
 * log and emits `document.shared` (data: the document; metadata: emails,
 * contact_ids, message, shared_by) for a webhook consumer to deliver.
 */
export async function shareDocument(
  ctx: AppContext,
  tenantId: string,
  actor: Actor,
  id: string,
  input: ShareDocumentBody,
): Promise<DocumentShareView> {
  const emails = [...new Set((input.emails ?? []).map((email) => email.toLowerCase()))];
  const contactIds = [...new Set(input.contact_ids ?? [])];
  if (emails.length + contactIds.length === 0)
    throw invalid("/emails", "give at least one recipient in emails or contact_ids");
  return ctx.write(async (tx) => {
    const now = ctx.clock.now();
    const document = documentView(await findRow(tx, tenantId, id));
    for (const [i, contactId] of (input.contact_ids ?? []).entries())
      await assertLinked(tx, contacts, tenantId, contactId, `/contact_ids/${i}`);
    const share = { emails, contact_ids: contactIds, message: input.message ?? null };
    await recordChange(tx, {
      tenantId,
      actor,
      entityType: ENTITY,
      entityId: id,
      action: "shared",
      before: { shared_with: null },
      after: { shared_with: share },
      at: now,
      events: [
        { type: "document.shared", data: document, metadata: { ...share, shared_by: actor } },
      ],
    });
    return { document, ...share, shared_at: now.toISOString() };
  });
}
