import {
  ApiError,
  type AppContext,
  requireScope,
  uploadBody,
  whenRequestEnds,
} from "../../src/core";
import { TextCheck } from "./content";
import { type FileSink, parseMultipartStream } from "./multipart";
import type { DocumentStore, StagingWriter } from "./storage";

/** An uploaded file, staged in the store as it arrived. */
export interface StagedUpload {
  /** The store's token for commit or discard. */
  token: string;
  sha256: string;
  size: number;
  /** Whether the bytes are UTF-8 text without NUL. */
  text: boolean;
  /** Its part's Content-Type ("" when none). */
  type: string;
  filename: string;
}

/** What a request's parser staged, until the handler commits it or the request fails. */
interface RequestUpload {
  staged: StagedUpload | null;
  /** The staging of `staged`. */
  writer: StagingWriter | null;
  /** Every staging the request began, finished or not. */
  writers: StagingWriter[];
}
const uploads = new WeakMap<Request, RequestUpload>();

const tooLarge = (limit: number) =>
  new ApiError(413, "PAYLOAD_TOO_LARGE", `file: larger than the upload limit of ${limit} bytes`);

/** Bytes of the `file` part into a staging, hashed and checked as they pass. */
function fileSink(
  store: DocumentStore,
  limit: number,
  filename: string,
  type: string,
  writers: StagingWriter[],
  done: (upload: StagedUpload, writer: StagingWriter) => Promise<void>,
): FileSink {
  const hasher = new Bun.CryptoHasher("sha256");
  const text = new TextCheck();
  let size = 0;
  let writer: Promise<StagingWriter> | null = null;
  const staging = () => {
    writer ??= store.staging().then((w) => {
      writers.push(w);
      return w;
    });
    return writer;
  };
  return {
    async write(chunk) {
      size += chunk.length;
      if (size > limit) throw tooLarge(limit);
      hasher.update(chunk);
      text.update(chunk);
      await (await staging()).write(chunk);
    },
    async end() {
      const staged = await staging();
      const token = await staged.finish();
      const upload = {
        token,
        sha256: hasher.digest("hex"),
        size,
        text: text.done(),
        type,
        filename,
      };
      await done(upload, staged);
    },
  };
}

/**
 * The route's parser for multipart/form-data (other types are left to the
 * core's): the body is streamed (never held whole), its `file` part
 * written to the store's staging as it arrives, SHA-256 hashed and held to
 * the upload limit (413) on the way. Returns the fields, with `file` a
 * File that only names the upload (no bytes): the handler finds the staged
 * bytes with stagedUpload. Runs before the route's auth check: a key
 * without documents:write is refused here, before anything is stored. If
 * the body fails (too large, malformed, the client gone), what it staged
 * is gone before the error answer.
 */
export async function parseUpload(
  ctx: AppContext,
  store: DocumentStore,
  request: Request,
): Promise<Record<string, unknown> | undefined> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data/i.test(contentType)) return undefined;
  requireScope(request, "documents:write");
  const entry: RequestUpload = { staged: null, writer: null, writers: [] };
  uploads.set(request, entry);
  // Whatever fails after the body was read (a 422, the write) drops what it staged.
  whenRequestEnds(request, () => abandonUpload(request));
  const files: Record<string, File> = {};
  try {
    const fields = await parseMultipartStream(
      uploadBody(request, ctx.config),
      contentType,
      ({ name, filename, type }) => {
        // Any other file part is an undeclared field (422); its bytes are dropped.
        files[name] = new File([], filename, { type });
        if (name !== "file") return null;
        const { uploadLimit } = ctx.config;
        return fileSink(
          store,
          uploadLimit,
          filename,
          type,
          entry.writers,
          async (upload, writer) => {
            // Several `file` parts: the last is the upload, as with any repeated field.
            await entry.writer?.abort();
            entry.staged = upload;
            entry.writer = writer;
          },
        );
      },
    );
    return { ...fields, ...files };
  } catch (error) {
    await abandonUpload(request);
    throw error;
  }
}

/** The upload a request's parser staged for its `file` part (the last one, when several). */
export function stagedUpload(request: Request): StagedUpload | null {
  return uploads.get(request)?.staged ?? null;
}

/** After the upload was committed: nothing left to abandon. */
export function uploadCommitted(request: Request): void {
  uploads.delete(request);
}

/** Drops whatever a request's parser staged and no document took (a failed request). */
export async function abandonUpload(request: Request): Promise<void> {
  const entry = uploads.get(request);
  if (!entry) return;
  uploads.delete(request);
  for (const writer of entry.writers) await writer.abort();
}
