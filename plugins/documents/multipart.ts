import { badRequest } from "../../src/core";

const CRLF = Buffer.from("\r\n");
const HEADER_END = Buffer.from("\r\n\r\n");

function boundaryOf(contentType: string): string | null {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2]) : null;
}

/** The Content-Type header of each part of a multipart body, by field name. */
function partTypes(body: Buffer, boundary: string): Map<string, string> {
  const types = new Map<string, string>();
  const delimiter = Buffer.from(`--${boundary}`);
  const next = Buffer.concat([CRLF, delimiter]);
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    const start = at + delimiter.length + CRLF.length;
    const end = body.indexOf(HEADER_END, start);
    if (end === -1) break;
    const headers = body.toString("utf8", start, end);
    const name = /content-disposition:[^\r\n]*?\bname="([^"]*)"/i.exec(headers)?.[1];
    const type = /(?:^|\r\n)content-type:[ \t]*([^\r\n]*)/i.exec(headers)?.[1]?.trim();
    if (name !== undefined && type) types.set(name, type);
    const following = body.indexOf(next, end);
    at = following === -1 ? -1 : following + CRLF.length;
  }
  return types;
}

/**
 * Parses a multipart/form-data upload. Bun 1.4.5's formData() drops a file
 * part's Content-Type and guesses the type from the filename extension
 * (oven-sh/bun#39884), but an upload declares its type in that header: so
 * Bun parses the form and each file gets back the type its part declared
 * ("" when it declared none). Other content types are left to the core.
 * Drop this once Bun keeps the part's type.
 */
export async function parseMultipart(
  request: Request,
): Promise<Record<string, unknown> | undefined> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data/i.test(contentType)) return undefined;
  const body = Buffer.from(await request.arrayBuffer());
  const form = await new Response(body, { headers: { "content-type": contentType } })
    .formData()
    .catch(() => {
      throw badRequest("Malformed multipart/form-data body");
    });
  const boundary = boundaryOf(contentType);
  const declared = boundary ? partTypes(body, boundary) : new Map<string, string>();
  const fields: Record<string, unknown> = {};
  for (const [name, value] of form.entries()) {
    fields[name] =
      typeof value === "string"
        ? value
        : // Bun leaves the name undefined for an empty filename; File() would make it "undefined".
          new File([value], value.name ?? "", { type: declared.get(name) ?? "" });
  }
  return fields;
}
