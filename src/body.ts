import type { Config } from "./config";
import { ApiError, badRequest } from "./errors";
import { requestHasher } from "./idempotency";
import { requestState } from "./request-state";

/**
 * What crmd admits of a request before routing, after authentication (so a
 * caller without a key only ever sees 401): a URL of at most 16 KB (414), a
 * body that is JSON, or multipart on an upload route (415), within the body
 * limit counted on the bytes actually read whatever the framing (413), and
 * JSON in valid UTF-8 (400). Bun's own body cap is set far above these
 * limits, so every refusal has crmd's JSON error shape. A multipart upload
 * is the exception: it is not read here but streamed by its route
 * (uploadBody), so an upload is never held in memory whole.
 */
export const MAX_URL_LENGTH = 16 * 1024;
/** Multipart framing adds a little around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;
const BODYLESS = new Set(["GET", "HEAD", "OPTIONS", "DELETE"]);

const tooLarge = (limit: number) =>
  new ApiError(413, "PAYLOAD_TOO_LARGE", `Request body exceeds ${limit} bytes`);

const unsupported = (type: string) =>
  new ApiError(
    415,
    "UNSUPPORTED_MEDIA_TYPE",
    type
      ? `Content-Type ${type} is not supported here; send application/json`
      : "A body needs Content-Type: application/json",
  );

export const mediaType = (request: Request): string =>
  (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();

const isJson = (type: string) => type === "application/json" || type.endsWith("+json");

const bodyOf = (request: Request) => request.body as ReadableStream<Uint8Array>;

/** Reads a body to its end, or stops with 413 as soon as more than `limit` bytes arrived. */
export async function readCapped(
  body: ReadableStream<Uint8Array>,
  limit: number,
  shownLimit = limit,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(shownLimit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** A body read by admitRequest: its bytes, content type, and text once decoded. */
interface HeldBody {
  bytes: Uint8Array;
  type: string;
  text?: string;
}

/** Where a request keeps its held body: on itself, no weak map entry per request for the GC. */
const HELD: unique symbol = Symbol("crmd.heldBody");
type Holding = Request & { [HELD]: HeldBody };
const held = (request: Request) => (request as Holding)[HELD];

function heldText(request: Request): string {
  const body = held(request);
  body.text ??= new TextDecoder().decode(body.bytes);
  return body.text;
}

/**
 * The Request methods of a replayable body, one set for every request
 * (each finds its body by `this`): made per request, they were seven
 * closures and their descriptors a request.
 */
const REPLAY: PropertyDescriptorMap = {
  arrayBuffer: {
    async value(this: Request) {
      return held(this).bytes.slice().buffer;
    },
  },
  bytes: {
    async value(this: Request) {
      return held(this).bytes.slice();
    },
  },
  text: {
    async value(this: Request) {
      return heldText(this);
    },
  },
  json: {
    async value(this: Request) {
      return JSON.parse(heldText(this));
    },
  },
  blob: {
    async value(this: Request) {
      const { bytes, type } = held(this);
      return new Blob([bytes], { type });
    },
  },
  formData: {
    value(this: Request) {
      const { bytes, type } = held(this);
      return new Response(bytes, { headers: { "content-type": type } }).formData();
    },
  },
};

/**
 * Lets the body read here be read again, by Elysia's parsers and the upload
 * route, through the usual Request methods. `text`, when given, is the
 * bytes decoded already.
 */
function replayable(request: Request, bytes: Uint8Array, text?: string) {
  const type = request.headers.get("content-type") ?? "";
  (request as Holding)[HELD] = { bytes, type, text };
  Object.defineProperties(request, REPLAY);
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Admits a request as described above. Reads the body once, here, and
 * returns its bytes (for the Idempotency-Key's request hash).
 */
export async function admitRequest(
  request: Request,
  config: Pick<Config, "bodyLimit" | "uploadLimit">,
  takesUpload: (method: string, url: string) => boolean,
  /** Media types the route takes itself (a raw email), up to the upload limit. */
  ownMediaTypes: readonly string[] = [],
): Promise<Uint8Array | undefined> {
  if (request.url.length > MAX_URL_LENGTH)
    throw new ApiError(414, "URI_TOO_LONG", `The URL exceeds ${MAX_URL_LENGTH} bytes`);
  if (BODYLESS.has(request.method)) return;
  const declared = request.headers.get("content-length");
  if (declared === "0" || (declared === null && !request.body)) return;
  const type = mediaType(request);
  const upload = type === "multipart/form-data";
  if (upload && !takesUpload(request.method, request.url)) throw unsupported(type);
  const own = ownMediaTypes.includes(type);
  if (type !== "" && !upload && !own && !isJson(type)) throw unsupported(type);
  const shown = upload || own ? config.uploadLimit : config.bodyLimit;
  const limit = upload ? shown + MULTIPART_OVERHEAD : shown;
  if (declared !== null && Number(declared) > limit) throw tooLarge(shown);
  if (upload) {
    const state = requestState(request);
    if (state) state.streamed = true;
    return;
  }
  // A declared length within the limit is all the body there is: read it
  // whole, natively, without a stream reader (most of the cost of a small body).
  const bytes =
    declared !== null ? await request.bytes() : await readCapped(bodyOf(request), limit, shown);
  if (type === "" && bytes.length > 0) throw unsupported(type);
  let text: string | undefined;
  if (isJson(type)) {
    try {
      text = utf8.decode(bytes);
    } catch {
      throw badRequest("The body is not valid UTF-8");
    }
    // Elysia picks its JSON parser by the lowercase spelling `application/json…`
    // alone; any other JSON type admitted here (`Application/JSON`, `…+json`)
    // would reach the route unparsed, as a string.
    if (!request.headers.get("content-type")?.startsWith("application/json"))
      request.headers.set("content-type", "application/json");
  }
  replayable(request, bytes, text);
  return bytes;
}

/**
 * The body of a multipart upload, which admitRequest left unread: passed on
 * as it arrives, held to the upload limit (with the multipart framing) on
 * the bytes actually read (413), and hashed on the way for the request's
 * Idempotency-Key (idempotency.ts claimIdempotency) once read to its end.
 */
export function uploadBody(
  request: Request,
  config: Pick<Config, "uploadLimit">,
): ReadableStream<Uint8Array> {
  const state = requestState(request);
  const limit = config.uploadLimit + MULTIPART_OVERHEAD;
  const hasher = requestHasher(request);
  let size = 0;
  const source = request.body ?? new Blob([]).stream();
  return source.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength;
        if (size > limit) throw tooLarge(config.uploadLimit);
        hasher.update(chunk);
        controller.enqueue(chunk);
      },
      flush() {
        if (state) state.bodyHash = hasher.digest("hex");
      },
    }),
  );
}
