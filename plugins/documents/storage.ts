import { mkdir, open, rename, rm, rmdir, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { and, asc, desc, eq, gt, gte, isNull, lt, lte, notExists, or, sql } from "drizzle-orm";
import { documentContentKeys, documentContents, documents } from "../../db/schema";
import {
  type AppContext,
  type Database,
  documentsStoreOf,
  newId,
  type ReadDb,
  type WriteTx,
} from "../../src/core";

/** Bytes an upload hands a store: in memory, or a Blob (an uploaded File) read a chunk at a time. */
export type Content = Uint8Array | Blob;

/**
 * Bytes staged as they arrive (a streamed upload): `write` each chunk in
 * turn, then `finish` for the token that commit or discard take; `abort`
 * drops what was written. Only a bounded buffer is held in memory.
 */
export interface StagingWriter {
  write(chunk: Uint8Array): Promise<void>;
  finish(): Promise<string>;
  abort(): Promise<void>;
}

/**
 * Where uploaded documents' bytes are kept, content-addressed by SHA-256
 * (equal content is stored once, whoever uploads it). An upload stages its
 * bytes first, outside any write transaction; `commit` makes them the
 * content's inside the transaction that inserts the document, `remove`
 * drops a content no live document holds (in the write transaction that
 * checked so).
 */
export interface DocumentStore {
  readonly kind: "database" | "filesystem";
  /** Writes the bytes aside; returns a token for commit or discard. */
  stage(sha256: string, content: Content): Promise<string>;
  /** Stages bytes as they arrive, before their SHA-256 is known. */
  staging(): Promise<StagingWriter>;
  /** The bytes of a finished staging, to read back (the type check). */
  staged(token: string, size: number): Promise<ReadableStream<Uint8Array> | Blob | Uint8Array>;
  commit(tx: WriteTx, token: string, sha256: string): Promise<void>;
  /** Drops what a failed upload staged. */
  discard(token: string): Promise<void>;
  remove(tx: WriteTx, sha256: string): Promise<void>;
  /** Removes staged bytes an interrupted upload left behind, older than `olderThanMs`; returns how many uploads. */
  sweepStaged(olderThanMs: number, now?: number): Promise<number>;
  /**
   * Bytes `start`..`end` (inclusive) of a stored content of `size` bytes,
   * or null when it is not stored. `primary`: read where every commit
   * shows (a lagging replica may not have a just-committed upload).
   */
  read(
    sha256: string,
    size: number,
    start: number,
    end: number,
    options?: { primary?: boolean },
  ): Promise<ReadableStream<Uint8Array> | Blob | Uint8Array | null>;
  /**
   * Bytes `read` streamed (or a multipart answer made of them), written out to a file of their own (a temporary
   * file in the staging directory, which the hourly sweep removes if it is
   * left behind), so a download of them can be answered with its
   * Content-Length; `release` removes the file.
   */
  spool(content: AsyncIterable<Uint8Array>): Promise<{ file: Blob; release(): Promise<void> }>;
}

/**
 * Uploaded files, content-addressed: `<root>/<sha256[0..2]>/<sha256>`. A file
 * appears only by an atomic rename of a complete temporary file written
 * beside it, so a reader never sees a partial file.
 */
export class FileStore implements DocumentStore {
  readonly kind = "filesystem";

  constructor(private readonly root: string) {}

  pathOf(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  /** Where streamed uploads are written before their SHA-256, and so their directory, is known. */
  private get stagingDir(): string {
    return join(this.root, "staging");
  }

  async staging(): Promise<StagingWriter> {
    const temp = join(this.stagingDir, `.${newId()}.tmp`);
    await mkdir(this.stagingDir, { recursive: true });
    const handle = await open(temp, "wx");
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      await handle.close();
    };
    return {
      write: async (chunk) => {
        for (let at = 0; at < chunk.length; ) {
          const { bytesWritten } = await handle.write(chunk, at, chunk.length - at);
          at += bytesWritten;
        }
      },
      finish: async () => {
        await close();
        return temp;
      },
      abort: async () => {
        await close().catch(() => {});
        await this.discard(temp);
      },
    };
  }

  async staged(token: string): Promise<Blob> {
    return Bun.file(token);
  }

  async spool(content: AsyncIterable<Uint8Array>) {
    const writer = await this.staging();
    try {
      for await (const chunk of content) await writer.write(chunk);
      const path = await writer.finish();
      return { file: Bun.file(path), release: () => this.discard(path) };
    } catch (error) {
      await writer.abort();
      throw error;
    }
  }

  /** Writes the content to a new temporary file in the final directory (created as needed); returns its path. */
  async stage(sha256: string, content: Content): Promise<string> {
    const temp = join(dirname(this.pathOf(sha256)), `.${sha256}.${newId()}.tmp`);
    try {
      await Bun.write(temp, content);
      return temp;
    } catch (error) {
      await this.discard(temp);
      throw error;
    }
  }

  /** Renames a staged file into place, or drops it when that content is already stored. */
  async commit(_tx: WriteTx | null, temp: string, sha256: string): Promise<void> {
    const target = this.pathOf(sha256);
    if (await exists(target)) return this.discard(temp);
    try {
      await rename(temp, target);
    } catch (error) {
      // A staged upload's target directory may not exist yet, or have just
      // gone with the last content in it (remove): made, and tried again.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT" || !(await exists(temp))) throw error;
      await mkdir(dirname(target), { recursive: true });
      await rename(temp, target);
    }
  }

  async discard(temp: string): Promise<void> {
    await rm(temp, { force: true });
    // A content's directory goes once empty; the staging directory stays, as
    // another upload may be about to write into it.
    if (dirname(temp) !== this.stagingDir) await rmdir(dirname(temp)).catch(() => {});
  }

  /**
   * Removes staged files an interrupted upload left behind (a crash between
   * staging and commit): those older than `olderThanMs`. Returns how many.
   */
  async sweepStaged(olderThanMs: number, now = Date.now()): Promise<number> {
    if (!(await exists(this.root))) return 0;
    let removed = 0;
    const staged = new Bun.Glob("*/.*.tmp").scan({ cwd: this.root, dot: true, onlyFiles: true });
    for await (const name of staged) {
      const path = join(this.root, name);
      const info = await stat(path).catch(() => null);
      // Age 0 takes every staged file, even one whose mtime is a fraction of
      // a millisecond past `now`.
      if (!info || (olderThanMs > 0 && now - info.mtimeMs < olderThanMs)) continue;
      await this.discard(path);
      removed++;
    }
    return removed;
  }

  /** Removes a stored file (and its directory once empty). */
  async remove(_tx: WriteTx | null, sha256: string): Promise<void> {
    await this.discard(this.pathOf(sha256));
  }

  async read(sha256: string, size: number, start: number, end: number) {
    const file = Bun.file(this.pathOf(sha256));
    if (!(await file.exists())) return size === 0 ? new Blob([]) : null;
    return start === 0 && end === file.size - 1 ? file : file.slice(start, end + 1);
  }
}

/** Bytes per document_contents row. */
export const CHUNK_BYTES = 256 * 1024;

/**
 * Ranges up to this size are read in one query; longer ones stream a row at
 * a time (a download spools them to a file first, for its Content-Length).
 */
const BUFFERED_BYTES = 4 * CHUNK_BYTES;

const STAGED = "staged:";
/** Every staged key sorts in [STAGED, STAGED_END): `:` + 1 is `;`. A SHA-256 in hex sorts before both. */
const STAGED_END = "staged;";

/**
 * Bytes in the database (document_contents), shared by every instance
 * without a shared volume. A content is written a chunk per transaction
 * under a `staged:<id>` key, outside the writer lock, and becomes the
 * content's in the document's own write transaction, which writes no bytes:
 * a document_content_keys row names that key for its SHA-256 (contents
 * stored before it have their rows under the SHA-256 itself). Contents stored on the filesystem before the
 * switch (no rows) are read from the data directory until
 * `crmd documents migrate` moves them in.
 */
export class DatabaseStore implements DocumentStore {
  readonly kind = "database";

  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
    readonly files: FileStore,
  ) {}

  async stage(_sha256: string, content: Content): Promise<string> {
    const token = `${STAGED}${newId()}`;
    try {
      await this.writeChunks(token, content);
      return token;
    } catch (error) {
      await this.discard(token);
      throw error;
    }
  }

  async staging(): Promise<StagingWriter> {
    const token = `${STAGED}${newId()}`;
    const { db } = this;
    const transaction = db.claimTransaction ?? db.transaction.bind(db);
    let buffer = new Uint8Array(CHUNK_BYTES);
    let filled = 0;
    let startByte = 0;
    const flush = async () => {
      if (filled === 0) return;
      const row = {
        contentKey: token,
        startByte,
        data: Buffer.from(buffer.buffer, 0, filled),
        createdAt: this.now(),
      };
      await transaction((tx) => tx.insert(documentContents).values(row));
      startByte += filled;
      filled = 0;
      buffer = new Uint8Array(CHUNK_BYTES); // the row's data may still be referenced
    };
    return {
      write: async (chunk) => {
        for (let at = 0; at < chunk.length; ) {
          const take = Math.min(CHUNK_BYTES - filled, chunk.length - at);
          buffer.set(chunk.subarray(at, at + take), filled);
          filled += take;
          at += take;
          if (filled === CHUNK_BYTES) await flush();
        }
      },
      finish: async () => {
        await flush();
        return token;
      },
      abort: () => this.discard(token),
    };
  }

  spool(content: AsyncIterable<Uint8Array>) {
    return this.files.spool(content);
  }

  async staged(token: string, size: number) {
    if (size === 0) return new Uint8Array(0);
    const content = await this.read(token, size, 0, size - 1, { primary: true });
    if (!content) throw new Error(`staged upload ${token} missing`);
    return content;
  }

  /** Writes `content` as rows of `key`, a chunk per transaction (none takes the writer lock where there is one). */
  async writeChunks(key: string, content: Content): Promise<void> {
    const { db } = this;
    const transaction = db.claimTransaction ?? db.transaction.bind(db);
    const size = content instanceof Blob ? content.size : content.length;
    for (let at = 0; at < size; at += CHUNK_BYTES) {
      const end = Math.min(at + CHUNK_BYTES, size);
      const data =
        content instanceof Blob
          ? Buffer.from(await content.slice(at, end).arrayBuffer())
          : Buffer.from(content.buffer, content.byteOffset + at, end - at);
      const row = { contentKey: key, startByte: at, data, createdAt: this.now() };
      await transaction((tx) => tx.insert(documentContents).values(row));
    }
  }

  /** The key a content's rows are under: its document_content_keys entry, else its SHA-256. */
  async keyOf(db: ReadDb | WriteTx, sha256: string): Promise<string> {
    const [entry] = await (db as ReadDb)
      .select({ key: documentContentKeys.contentKey })
      .from(documentContentKeys)
      .where(eq(documentContentKeys.sha256, sha256));
    return entry?.key ?? sha256;
  }

  /** Whether a content is stored (rows under its key). */
  async holds(db: ReadDb | WriteTx, sha256: string): Promise<boolean> {
    const key = await this.keyOf(db, sha256);
    const [row] = await (db as ReadDb)
      .select({ key: documentContents.contentKey })
      .from(documentContents)
      .where(eq(documentContents.contentKey, key))
      .limit(1);
    return row !== undefined;
  }

  /**
   * Makes the staged rows the content's: a document_content_keys row naming
   * their key (the rows stay as written: rekeying them would write every
   * byte again). A content already stored keeps its rows; the staged ones
   * go (deleting rows is cheap where rewriting them is not).
   */
  async commit(tx: WriteTx, token: string, sha256: string): Promise<void> {
    if (await this.holds(tx, sha256))
      await tx.delete(documentContents).where(eq(documentContents.contentKey, token));
    else
      await tx
        .insert(documentContentKeys)
        .values({ sha256, contentKey: token, createdAt: this.now() })
        .onConflictDoUpdate({
          target: documentContentKeys.sha256,
          set: { contentKey: token, createdAt: this.now() },
        });
  }

  async discard(token: string): Promise<void> {
    const { db } = this;
    const transaction = db.claimTransaction ?? db.transaction.bind(db);
    await transaction((tx) =>
      tx.delete(documentContents).where(eq(documentContents.contentKey, token)),
    );
  }

  async remove(tx: WriteTx, sha256: string): Promise<void> {
    const key = await this.keyOf(tx, sha256);
    await tx.delete(documentContentKeys).where(eq(documentContentKeys.sha256, sha256));
    await tx
      .delete(documentContents)
      .where(or(eq(documentContents.contentKey, key), eq(documentContents.contentKey, sha256)));
    // A file stored before the switch to the database store goes too.
    await this.files.remove(tx, sha256);
  }

  async sweepStaged(olderThanMs: number, now = Date.now()): Promise<number> {
    const { db } = this;
    const transaction = db.claimTransaction ?? db.transaction.bind(db);
    const stale = and(
      gte(documentContents.contentKey, STAGED),
      lt(documentContents.contentKey, STAGED_END),
      olderThanMs > 0 ? lt(documentContents.createdAt, new Date(now - olderThanMs)) : undefined,
      // The rows of a committed upload keep their staged key.
      notExists(
        db.primaryRead
          .select({ one: documentContentKeys.sha256 })
          .from(documentContentKeys)
          .where(eq(documentContentKeys.contentKey, documentContents.contentKey)),
      ),
    );
    const keys = await db.primaryRead
      .selectDistinct({ key: documentContents.contentKey })
      .from(documentContents)
      .where(stale);
    for (const { key } of keys)
      await transaction((tx) =>
        tx.delete(documentContents).where(and(eq(documentContents.contentKey, key), stale)),
      );
    return keys.length + (await this.files.sweepStaged(olderThanMs, now));
  }

  async read(
    sha256: string,
    size: number,
    start: number,
    end: number,
    options: { primary?: boolean } = {},
  ) {
    const db = options.primary ? this.db.primaryRead : this.db.read;
    const key = await this.keyOf(db, sha256);
    // The row holding `start`: the last one starting at or before it.
    const [first] = await db
      .select({ startByte: documentContents.startByte })
      .from(documentContents)
      .where(and(eq(documentContents.contentKey, key), lte(documentContents.startByte, start)))
      .orderBy(desc(documentContents.startByte))
      .limit(1);
    if (!first) return this.files.read(sha256, size, start, end);
    if (end - start + 1 > BUFFERED_BYTES)
      return contentStream(db, key, first.startByte, start, end);
    const rows = await db
      .select({ startByte: documentContents.startByte, data: documentContents.data })
      .from(documentContents)
      .where(
        and(
          eq(documentContents.contentKey, key),
          gte(documentContents.startByte, first.startByte),
          lte(documentContents.startByte, end),
        ),
      )
      .orderBy(documentContents.startByte);
    const bytes = new Uint8Array(end - start + 1);
    for (const row of rows) {
      const data = new Uint8Array(row.data);
      const from = Math.max(start - row.startByte, 0);
      const to = Math.min(end + 1 - row.startByte, data.length);
      if (to > from) bytes.set(data.subarray(from, to), row.startByte + from - start);
    }
    return bytes;
  }
}

/** Bytes `start`..`end` of a content's rows, one row read at a time as the client takes them. */
function contentStream(
  db: ReadDb,
  sha256: string,
  from: number,
  start: number,
  end: number,
): ReadableStream<Uint8Array> {
  let next = from;
  let first = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const [row] = await db
        .select({ startByte: documentContents.startByte, data: documentContents.data })
        .from(documentContents)
        .where(
          and(
            eq(documentContents.contentKey, sha256),
            first ? gte(documentContents.startByte, next) : gt(documentContents.startByte, next),
          ),
        )
        .orderBy(documentContents.startByte)
        .limit(1);
      first = false;
      if (!row || row.startByte > end) {
        // Rows removed while being read (the content released meanwhile): the response breaks off.
        controller.error(new Error(`document content ${sha256} removed while read`));
        return;
      }
      next = row.startByte;
      const data = new Uint8Array(row.data);
      const from = Math.max(start - row.startByte, 0);
      const to = Math.min(end + 1 - row.startByte, data.length);
      controller.enqueue(data.subarray(from, to));
      if (row.startByte + data.length > end) controller.close();
    },
  });
}

/** The configured documents store (CRMD_DOCUMENTS_STORE). */
export function documentStore(ctx: AppContext): DocumentStore {
  const files = new FileStore(join(ctx.config.dataDir, "documents"));
  return documentsStoreOf(ctx.config) === "database"
    ? new DatabaseStore(ctx.db, () => ctx.clock.now(), files)
    : files;
}

export interface MovedFiles {
  /** Contents written into the database from their files. */
  moved: number;
  /** Contents the database held already. */
  present: number;
  /** Contents whose file is missing, or no longer matches its SHA-256: left as they were. */
  missing: string[];
}

/** Contents listed per query by moveFilesIntoDatabase. */
const HASH_PAGE = 500;

/**
 * `crmd documents migrate`: writes into document_contents every content a
 * live document holds that is still only a file under `<dataDir>/documents`
 * (stored before the switch to CRMD_DOCUMENTS_STORE=database), a row at a
 * time, checked against its SHA-256. Servers may keep serving meanwhile:
 * each content is staged like an upload and committed only while a live
 * document holds it. The files stay; remove the directory once every
 * instance runs with the database store. Running it again moves only what
 * is left.
 */
export async function moveFilesIntoDatabase(
  db: Database,
  dataDir: string,
  progress: (p: { entity: string; done: number; total: number }) => void = () => {},
): Promise<MovedFiles> {
  const files = new FileStore(join(dataDir, "documents"));
  const store = new DatabaseStore(db, () => new Date(), files);
  const live = and(eq(documents.storage, "local"), isNull(documents.deletedAt));
  const [{ total }] = await db.primaryRead
    .select({ total: sql<number>`count(distinct ${documents.sha256})` })
    .from(documents)
    .where(live);
  const result: MovedFiles = { moved: 0, present: 0, missing: [] };
  let done = 0;
  progress({ entity: "documents", done, total: Number(total) });
  for (let after = ""; ; ) {
    const page = await db.primaryRead
      .selectDistinct({ sha256: documents.sha256 })
      .from(documents)
      .where(and(live, gt(documents.sha256, after)))
      .orderBy(asc(documents.sha256))
      .limit(HASH_PAGE);
    for (const { sha256 } of page) {
      if (!sha256) continue;
      if (await store.holds(db.primaryRead, sha256)) result.present++;
      else if (await moveFile(db, store, files, sha256)) result.moved++;
      else result.missing.push(sha256);
      progress({ entity: "documents", done: ++done, total: Number(total) });
    }
    if (page.length < HASH_PAGE) break;
    after = page[page.length - 1].sha256 ?? after;
  }
  return result;
}

/** One content from its file into the database; false when the file is missing or not those bytes. */
async function moveFile(
  db: Database,
  store: DatabaseStore,
  files: FileStore,
  sha256: string,
): Promise<boolean> {
  const file = Bun.file(files.pathOf(sha256));
  if (!(await file.exists())) return false;
  const hasher = new Bun.CryptoHasher("sha256");
  for (let at = 0; at < file.size; at += CHUNK_BYTES)
    hasher.update(await file.slice(at, at + CHUNK_BYTES).arrayBuffer());
  if (hasher.digest("hex") !== sha256) return false;
  const token = await store.stage(sha256, file);
  await db.transaction(async (tx) => {
    const [held] = await tx
      .select({ id: documents.id })
      .from(documents)
      .where(and(eq(documents.sha256, sha256), isNull(documents.deletedAt)))
      .limit(1);
    // Deleted meanwhile: nothing holds the content any more.
    if (held) await store.commit(tx, token, sha256);
    else await tx.delete(documentContents).where(eq(documentContents.contentKey, token));
  });
  return true;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
