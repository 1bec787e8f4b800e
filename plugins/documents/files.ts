import type { AppContext, WriteScope, WriteTx } from "../../src/core";
import type { DocumentView } from "./model";
import { fileDisplayName, insertDocument, releaseFile } from "./service";
import { documentStore } from "./storage";

/** Bytes written beside the store, not yet a document. */
export interface StagedFile {
  sha256: string;
  size: number;
  temp: string;
}

export interface FileMetadata {
  name: string;
  mimeType: string | null;
  contactId: string | null;
}

/**
 * New stored documents for other domains (communications store received
 * attachments): stage bytes before a transaction,
 * insert the document inside it, abandon what a failed transaction staged.
 */
export interface DocumentFiles {
  stage(bytes: Uint8Array): Promise<StagedFile>;
  /** Puts the file in place and inserts its document (document.uploaded) in the caller's transaction. */
  insert(
    tx: WriteTx,
    scope: WriteScope,
    file: StagedFile,
    meta: FileMetadata,
  ): Promise<DocumentView>;
  /** Removes staged files, and stored ones no live document holds (after a rollback). */
  abandon(files: StagedFile[]): Promise<void>;
}

const MEDIA_TYPE = /^[a-z0-9][\w!#$&^.+-]*\/[a-z0-9][\w!#$&^.+-]*$/;

export function documentFiles(ctx: AppContext): DocumentFiles {
  const store = documentStore(ctx);
  return {
    async stage(bytes) {
      const sha256 = new Bun.CryptoHasher("sha256").update(bytes).digest("hex");
      return { sha256, size: bytes.length, temp: await store.stage(sha256, bytes) };
    },
    async insert(tx, scope, file, meta) {
      await store.commit(tx, file.temp, file.sha256);
      const type = meta.mimeType?.toLowerCase() ?? "";
      return insertDocument(
        tx,
        scope,
        { contact_id: meta.contactId ?? undefined },
        {
          name: fileDisplayName(meta.name) || "attachment",
          mimeType: MEDIA_TYPE.test(type) ? type : "application/octet-stream",
          size: file.size,
          sha256: file.sha256,
          storage: "local",
          url: null,
        },
      );
    },
    async abandon(files) {
      for (const file of files) {
        await store.discard(file.temp);
        await releaseFile(ctx, store, file.sha256);
      }
    },
  };
}
