import type { Readable } from "node:stream";
import { Dicer } from "@fastify/busboy";
import { ApiError, badRequest } from "../../src/core";

/** A form field's value is held in memory: at most this many bytes. */
export const FIELD_LIMIT = 64 * 1024;

/** A file part, as its headers declare it. */
export interface FilePart {
  /** Its field name. */
  name: string;
  /** Its `filename` ("" when empty). */
  filename: string;
  /** Its part's Content-Type, as sent ("" when it declared none). */
  type: string;
}

/** Takes a file part's bytes as they arrive; `write` resolves once the chunk is taken. */
export interface FileSink {
  write(chunk: Uint8Array): Promise<void>;
  /** After the part's last byte. */
  end(): Promise<void>;
}

function boundaryOf(contentType: string): string | null {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2]) : null;
}

/**
 * A Content-Disposition parameter: `name*` (RFC 8187, UTF-8 percent-encoded)
 * over `name`, quoted or a token. Backslashes are kept as sent: browsers do
 * not escape with them, and a Windows path (C:\Users\ann\nda.txt) has them.
 */
function dispositionParameter(header: string, name: string): string | undefined {
  const extended = new RegExp(`;\\s*${name}\\*\\s*=\\s*([^;]*)`, "i").exec(header)?.[1];
  const encoded = extended && /^utf-8'[^']*'(.*)$/i.exec(extended.trim())?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // not UTF-8: the plain parameter, if any
    }
  }
  const plain = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]*))`, "i").exec(header);
  return plain ? (plain[1] ?? plain[2]) : undefined;
}

const malformed = () => badRequest("Malformed multipart/form-data body");

/**
 * Parses a multipart/form-data body as it arrives, with Dicer, the
 * streaming multipart parser of @fastify/busboy (see the README's
 * Dependencies): it hands over each part's raw headers, so a file part
 * that declares no Content-Type is told apart from one declaring
 * text/plain, which busboy's own file events do not. Text fields are kept
 * (each up to FIELD_LIMIT bytes, else 413); a file part's bytes go to the
 * sink `openFile` gives it, a chunk at a time, the body read no faster than
 * the sink takes them. A file part `openFile` does not take is read and
 * dropped. Returns the fields by name (the last of a name wins). A body that
 * breaks off or does not parse is 400; the sinks' own errors pass through.
 */
export async function parseMultipartStream(
  body: ReadableStream<Uint8Array>,
  contentType: string,
  openFile: (part: FilePart) => FileSink | null,
): Promise<Record<string, string>> {
  const boundary = boundaryOf(contentType);
  if (!boundary) {
    await body.cancel().catch(() => {});
    throw malformed();
  }
  const dicer = new Dicer({ boundary, maxHeaderPairs: 100 });
  const fields: Record<string, string> = {};
  const parts: Promise<void>[] = [];
  const open = new Set<Readable>();
  let failure: unknown;
  let ended = false;
  /**
   * The waits under way (a read of the body, a chunk handed to Dicer, the
   * parts' ends): a failure rejects them, Dicer's finish ends those it ends.
   * Not Promise.race with a promise that stays pending all along, which
   * would keep every chunk raced against it until the body's end.
   */
  const waits = new Set<{
    resolve: () => void;
    reject: (error: unknown) => void;
    byEnd: boolean;
  }>();
  const wait = <T>(promise: Promise<T>, byEnd = false): Promise<T | undefined> => {
    if (failure) return Promise.reject(failure);
    if (byEnd && ended) return Promise.resolve(undefined);
    return new Promise<T | undefined>((resolve, reject) => {
      const entry = { resolve: () => resolve(undefined), reject, byEnd };
      waits.add(entry);
      promise.then(resolve, reject).finally(() => waits.delete(entry));
    });
  };
  const fail = (error: unknown) => {
    failure ??= error;
    for (const entry of waits) entry.reject(failure);
  };

  const readPart = async (part: Readable, sink: FileSink | null) => {
    // The sink's own error (a 413) is the failure, told before leaving the
    // loop stops the part, which Dicer reports as a malformed body.
    const failing = (error: unknown) => {
      fail(error);
      throw error;
    };
    for await (const chunk of part) if (sink) await sink.write(chunk as Uint8Array).catch(failing);
    await sink?.end().catch(failing);
  };
  const readField = async (part: Readable, name: string) => {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of part) {
      size += (chunk as Buffer).length;
      if (size > FIELD_LIMIT)
        return fail(
          new ApiError(
            413,
            "PAYLOAD_TOO_LARGE",
            `${name}: a form field is at most ${FIELD_LIMIT} bytes`,
          ),
        );
      chunks.push(chunk as Buffer);
    }
    fields[name] = Buffer.concat(chunks).toString("utf8");
  };

  // Dicer tells its end once it has read the closing boundary, maybe before end().
  dicer.once("finish", () => {
    ended = true;
    for (const entry of waits) if (entry.byEnd) entry.resolve();
  });
  dicer.on("error", () => fail(malformed()));
  dicer.on("part", (part: Readable) => {
    open.add(part);
    part.on("close", () => open.delete(part));
    part.on("end", () => open.delete(part));
    part.on("error", () => fail(malformed()));
    part.on("header", (header: Record<string, string[]>) => {
      // Dicer reads header bytes as Latin-1; names are sent in UTF-8.
      const utf8 = (value: string | undefined) =>
        value === undefined ? undefined : Buffer.from(value, "latin1").toString("utf8");
      const disposition = utf8(header["content-disposition"]?.[0]) ?? "";
      const name = dispositionParameter(disposition, "name");
      if (!/^\s*form-data\s*(;|$)/i.test(disposition) || name === undefined) {
        part.resume(); // not a form field: skipped
        return;
      }
      const filename = dispositionParameter(disposition, "filename");
      let reading: Promise<void>;
      if (filename === undefined) reading = readField(part, name);
      else {
        const type = utf8(header["content-type"]?.[0])?.trim() ?? "";
        let sink: FileSink | null = null;
        try {
          sink = openFile({ name, filename, type });
        } catch (error) {
          fail(error);
        }
        reading = readPart(part, sink);
      }
      parts.push(reading.catch(fail));
    });
  });

  const reader = body.getReader();
  try {
    for (;;) {
      const read = await wait(reader.read());
      if (!read || read.done) break;
      // Resolves once Dicer took the chunk: after the part it belongs to was
      // read this far. A chunk that ends the last part may never be called
      // back (Dicer waits for a read of that part, which ended): its end is.
      await wait(
        new Promise<void>((resolve, reject) =>
          dicer.write(read.value, (error?: Error | null) => (error ? reject(error) : resolve())),
        ),
        true,
      );
    }
    dicer.end();
    if (!ended) await wait(new Promise<void>((resolve) => dicer.once("finish", resolve)));
    await wait(Promise.all(parts));
    if (failure) throw failure;
    return fields;
  } catch (error) {
    // A client that went away mid-body: the read failed, with no answer to give.
    const reason = failure ?? (error instanceof ApiError ? error : malformed());
    await reader.cancel().catch(() => {});
    dicer.destroy();
    for (const part of open) part.destroy();
    // Every part stopped (their own errors now beside the point) before the caller cleans up.
    await Promise.allSettled(parts);
    throw reason;
  }
}
