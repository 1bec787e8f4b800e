import { ApiError } from "../../src/core";

const GENERIC = "application/octet-stream";

/** Text formats have no magic number: these are accepted when the bytes are UTF-8 text. */
const TEXT_TYPES = ["text/plain", "text/csv", "text/markdown", "application/json"];

/** Other names of the types file-type reports. */
const ALIASES: Record<string, string> = {
  "image/jpg": "image/jpeg",
  "image/pjpeg": "image/jpeg",
  "text/xml": "application/xml",
  "application/x-zip-compressed": "application/zip",
};

/** `Text/CSV; charset=utf-8` → `text/csv`, aliases resolved. */
export function mediaType(value: string): string {
  const type = value.split(";")[0].trim().toLowerCase();
  return ALIASES[type] ?? type;
}

/**
 * Whether bytes read a chunk at a time are text: valid UTF-8 without NUL
 * (what node:buffer's isUtf8 and a NUL check say of them whole).
 */
export class TextCheck {
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });
  private text = true;

  update(chunk: Uint8Array): void {
    if (!this.text) return;
    try {
      this.text = !chunk.includes(0);
      if (this.text) this.decoder.decode(chunk, { stream: true });
    } catch {
      this.text = false;
    }
  }

  /** After the last chunk: whether it all was text. */
  done(): boolean {
    if (!this.text) return false;
    try {
      this.decoder.decode();
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * The type file-type recognises in stored bytes by their magic numbers,
 * read from the store as far as it needs (a ZIP-based format may need
 * more than the first few kilobytes).
 */
export async function detectedType(
  content: ReadableStream<Uint8Array> | Blob | Uint8Array,
): Promise<string | undefined> {
  const { fileTypeFromBlob, fileTypeFromBuffer, fileTypeFromStream } = await import("file-type");
  if (content instanceof Uint8Array) return (await fileTypeFromBuffer(content))?.mime;
  if (content instanceof Blob) return (await fileTypeFromBlob(content))?.mime;
  try {
    return (await fileTypeFromStream(content))?.mime;
  } finally {
    await content.cancel().catch(() => {});
  }
}

function mismatch(declared: string, found: string): ApiError {
  const message = `declared type ${declared} does not match the content (${found})`;
  return new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", `file: ${message}`, [
    { path: "/file", message },
  ]);
}

/**
 * The media type to store for uploaded bytes, from what file-type
 * `detected` in them (binary formats, by their magic numbers) and whether
 * they are `text`. Text has no magic number, so a text upload must be
 * UTF-8 and declared as one of TEXT_TYPES. Without a declared type (or
 * with application/octet-stream) the detected type is used. A declared type
 * the content does not bear out is 415, so a stored document's type is
 * always true to its bytes.
 */
export function verifiedType(
  detected: string | undefined,
  isText: boolean,
  declared: string | null,
): string {
  const text = detected === undefined && isText;
  const claimed = declared ? mediaType(declared) : GENERIC;
  if (claimed === GENERIC) return detected ?? (text ? "text/plain" : GENERIC);
  if (detected !== undefined) {
    if (mediaType(detected) === claimed) return claimed;
    throw mismatch(claimed, detected);
  }
  if (text && TEXT_TYPES.includes(claimed)) return claimed;
  throw mismatch(
    claimed,
    text ? `text, accepted as ${TEXT_TYPES.join(", ")}` : "unrecognised binary data",
  );
}
