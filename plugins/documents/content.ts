import { isUtf8 } from "node:buffer";
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

const isText = (bytes: Uint8Array): boolean => isUtf8(bytes) && !bytes.includes(0);

function mismatch(declared: string, found: string): ApiError {
  const message = `declared type ${declared} does not match the content (${found})`;
  return new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", `file: ${message}`, [
    { path: "/file", message },
  ]);
}

/**
 * The media type to store for uploaded bytes. Binary formats are recognised
 * by their magic numbers (file-type); text has none, so a text upload must
 * be UTF-8 and declared as one of TEXT_TYPES. Without a declared type (or
 * with application/octet-stream) the detected type is used. A declared type
 * the content does not bear out is 415, so a stored document's type is
 * always true to its bytes.
 */
export async function verifiedType(bytes: Uint8Array, declared: string | null): Promise<string> {
  const { fileTypeFromBuffer } = await import("file-type");
  const detected = (await fileTypeFromBuffer(bytes))?.mime;
  const text = detected === undefined && isText(bytes);
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
