import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { documentContentKeys, documentContents } from "../db/schema";
import { startTestServer, type TestServer } from "./helpers/server";

/**
 * HEAD on a download answers the headers GET would (RFC 9110 9.3.2), its
 * 304, 412, 206 and 416 too, from the document's row: the content is not
 * read, so a document whose content is gone still answers HEAD.
 */
const DOCS = "/api/external/documents";
/** Over the 1 MiB the database store reads at once: a GET of it is streamed and spooled. */
const LARGE = 1_300_000;

/** Random bytes after a PDF's signature (the type an upload declares is checked against it). */
function pdfBytes(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  for (let at = 0; at < size; at += 65536) crypto.getRandomValues(bytes.subarray(at, at + 65536));
  bytes.set(new TextEncoder().encode("%PDF-1.7\n"));
  return bytes;
}

/** Headers every answer has its own of (or that count the requests). */
const PER_ANSWER = new Set(["date", "x-request-id", "x-ratelimit-remaining", "x-ratelimit-reset"]);

/** An answer's headers, less those, with a multipart answer's boundary named alike. */
function comparable(response: Response): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of response.headers)
    if (!PER_ANSWER.has(name))
      headers[name] = value.replace(/boundary=crmd-[-0-9a-f]+/, "boundary=…");
  return headers;
}

for (const store of ["filesystem", "database"] as const) {
  describe(`HEAD on a download (${store} store)`, () => {
    let server: TestServer;
    let key: string;
    beforeAll(async () => {
      server = await startTestServer({
        config: { documentsStore: store, uploadLimit: 2 * 1024 * 1024, rateLimit: 100_000 },
      });
      ({ key } = await server.tenant());
    });
    afterAll(() => server.close());

    async function uploaded(bytes: Uint8Array, name: string, type = "application/pdf") {
      const form = new FormData();
      form.append("file", new File([bytes], name, { type }));
      const response = await fetch(`${server.url}${DOCS}`, {
        method: "POST",
        body: form,
        headers: { "x-api-key": key },
      });
      expect(response.status).toBe(201);
      return (await response.json()) as {
        id: string;
        sha256: string;
        size: number;
        created_at: string;
      };
    }

    const request = (id: string, method: string, headers: Record<string, string> = {}) =>
      fetch(`${server.url}${DOCS}/${id}/download`, {
        method,
        headers: { "x-api-key": key, ...headers },
      });

    /** A date `seconds` after the content's Last-Modified, as an HTTP date. */
    const after = (createdAt: string, seconds: number) =>
      new Date(Math.floor(Date.parse(createdAt) / 1000) * 1000 + seconds * 1000).toUTCString();

    /** What a client may send: each precondition and range the download decides on. */
    const asks = (etag: string, size: number, createdAt: string): Record<string, string>[] => [
      {},
      { range: "bytes=0-99" },
      { range: "bytes=-10" },
      { range: `bytes=0-9,20-29,${size - 5}-` },
      { range: `bytes=0-9,${size - 1_100_000}-` },
      { range: `bytes=${size}-` },
      { range: "bytes=0-9", "if-range": '"other"' },
      { range: "bytes=0-9", "if-range": etag },
      { "if-none-match": etag },
      { "if-none-match": etag, range: "bytes=0-9" },
      { "if-match": '"other"' },
      { "if-match": etag, range: "bytes=5-9" },
      { "if-modified-since": after(createdAt, 0) },
      { "if-modified-since": after(createdAt, -1) },
      { "if-modified-since": after(createdAt, 0), "if-none-match": '"other"' },
      { "if-unmodified-since": after(createdAt, -1) },
      { "if-unmodified-since": after(createdAt, -1), "if-match": etag },
      { range: "bytes=0-9", "if-range": after(createdAt, 0) },
      { range: "bytes=0-9", "if-range": after(createdAt, 1) },
    ];

    test("answers GET's status and headers, without a body, for every precondition and range", async () => {
      const large = await uploaded(pdfBytes(LARGE), "Scan 2026/27 ä.pdf");
      const small = await uploaded(pdfBytes(2000), "small.bin", "application/octet-stream");
      for (const doc of [large, small])
        for (const headers of asks(`"${doc.sha256}"`, doc.size, doc.created_at)) {
          const get = await request(doc.id, "GET", headers);
          const body = new Uint8Array(await get.arrayBuffer());
          const head = await request(doc.id, "HEAD", headers);
          const asked = { size: doc.size, headers };
          expect({ ...asked, status: head.status, headers: comparable(head) }).toEqual({
            ...asked,
            status: get.status,
            headers: comparable(get),
          });
          expect(await head.text()).toBe("");
          // GET's Content-Length is the length of what it sent: HEAD names the same.
          if (get.status === 200 || get.status === 206)
            expect({ ...asked, length: head.headers.get("content-length") }).toEqual({
              ...asked,
              length: String(body.length),
            });
        }
    });

    test("reads nothing: a document whose content is gone answers HEAD from its row, GET 500", async () => {
      const doc = await uploaded(pdfBytes(5000), "gone.pdf");
      const before = await request(doc.id, "HEAD", { range: "bytes=10-19" });
      expect(before.status).toBe(206);
      if (store === "filesystem")
        rmSync(join(server.ctx.config.dataDir, "documents", doc.sha256.slice(0, 2), doc.sha256));
      else
        await server.ctx.db.transaction(async (tx) => {
          const [entry] = await tx
            .select({ key: documentContentKeys.contentKey })
            .from(documentContentKeys)
            .where(eq(documentContentKeys.sha256, doc.sha256));
          await tx.delete(documentContents).where(eq(documentContents.contentKey, entry.key));
        });
      expect((await request(doc.id, "GET")).status).toBe(500);
      const whole = await request(doc.id, "HEAD");
      expect(whole.status).toBe(200);
      expect(whole.headers.get("content-length")).toBe("5000");
      expect(whole.headers.get("content-type")).toBe("application/pdf");
      expect(whole.headers.get("etag")).toBe(`"${doc.sha256}"`);
      expect(whole.headers.get("last-modified")).toBe(new Date(doc.created_at).toUTCString());
      expect(whole.headers.get("accept-ranges")).toBe("bytes");
      expect(whole.headers.get("content-disposition")).toContain('filename="gone.pdf"');
      const after = await request(doc.id, "HEAD", { range: "bytes=10-19" });
      expect(comparable(after)).toEqual(comparable(before));
      const several = await request(doc.id, "HEAD", { range: "bytes=0-1,10-19" });
      expect(several.status).toBe(206);
      expect(several.headers.get("content-type")).toStartWith("multipart/byteranges; boundary=");
    });
  });
}
