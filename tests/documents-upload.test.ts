import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { and, count, eq, like, notExists } from "drizzle-orm";
import { documentContentKeys, documentContents, documents } from "../db/schema";
import { startTestServer, type TestServer } from "./helpers/server";

/**
 * Uploads are streamed: the file part is written to the store (a staging
 * file, or staged rows) while the body still arrives, held to the upload
 * limit on the way, and a body refused or broken off leaves nothing.
 */
const DOCS = "/api/external/documents";
const UPLOAD_LIMIT = 2 * 1024 * 1024;
const BOUNDARY = "crmd-upload-test";

const head = (filename: string) =>
  new TextEncoder().encode(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
      "Content-Type: application/octet-stream\r\n\r\n",
  );
const tail = new TextEncoder().encode(`\r\n--${BOUNDARY}--\r\n`);

function randomBytes(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  for (let at = 0; at < size; at += 65536) crypto.getRandomValues(bytes.subarray(at, at + 65536));
  return bytes;
}

const sha256 = (bytes: Uint8Array) => new Bun.CryptoHasher("sha256").update(bytes).digest("hex");

/** Checks `condition` until it holds (a bounded wait for the server to get there, not a timing). */
async function until(condition: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 1000; i++) {
    if (await condition()) return;
    await Bun.sleep(10);
  }
  throw new Error(`never happened: ${what}`);
}

for (const store of ["filesystem", "database"] as const) {
  describe(`streamed uploads (${store} store)`, () => {
    let server: TestServer;
    let key: string;
    let tenantId: string;
    beforeAll(async () => {
      server = await startTestServer({
        config: { documentsStore: store, uploadLimit: UPLOAD_LIMIT },
      });
      ({ key, tenantId } = await server.tenant());
    });
    afterAll(() => server.close());

    /** Bytes staged for uploads under way: staging files, or staged rows. */
    async function stagedBytes(): Promise<number> {
      if (store === "database") {
        const rows = await server.ctx.db.primaryRead
          .select({ data: documentContents.data })
          .from(documentContents)
          .where(
            and(
              like(documentContents.contentKey, "staged:%"),
              // A committed upload's rows keep their key.
              notExists(
                server.ctx.db.primaryRead
                  .select({ one: documentContentKeys.sha256 })
                  .from(documentContentKeys)
                  .where(eq(documentContentKeys.contentKey, documentContents.contentKey)),
              ),
            ),
          );
        return rows.reduce((sum, row) => sum + row.data.length, 0);
      }
      const root = join(server.dir, "documents");
      if (!existsSync(root)) return 0;
      let size = 0;
      for (const name of new Bun.Glob("**/.*.tmp").scanSync({ cwd: root, dot: true }))
        size += Bun.file(join(root, name)).size;
      return size;
    }

    async function documentRows(): Promise<number> {
      const [row] = await server.ctx.db.primaryRead
        .select({ n: count() })
        .from(documents)
        .where(eq(documents.tenantId, tenantId));
      return row.n;
    }

    /** A POST whose body the test hands over piece by piece: `send` more, `end` it. */
    function pausedUpload() {
      let controller!: ReadableStreamDefaultController<Uint8Array>;
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          controller = c;
        },
      });
      const response = fetch(`${server.url}${DOCS}`, {
        method: "POST",
        body,
        headers: {
          "x-api-key": key,
          "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
        },
      });
      return {
        response,
        send: (bytes: Uint8Array) => controller.enqueue(bytes),
        end: () => controller.close(),
      };
    }

    test("the file is stored as it arrives, and a large one is whole and downloads", async () => {
      const bytes = randomBytes(UPLOAD_LIMIT); // exactly the limit
      const upload = pausedUpload();
      upload.send(head("large.bin"));
      upload.send(bytes.subarray(0, 1024 * 1024));
      // Half the file is in the store before the client sent the rest.
      await until(async () => (await stagedBytes()) >= 512 * 1024, "half the file staged");
      upload.send(bytes.subarray(1024 * 1024));
      upload.send(tail);
      upload.end();
      const response = await upload.response;
      expect(response.status).toBe(201);
      const doc = (await response.json()) as { id: string; size: number; sha256: string };
      expect(doc.size).toBe(UPLOAD_LIMIT);
      expect(doc.sha256).toBe(sha256(bytes));
      expect(await stagedBytes()).toBe(0);
      const download = await fetch(`${server.url}${DOCS}/${doc.id}/download`, {
        headers: { "x-api-key": key },
      });
      expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);
    });

    test("a file over the limit is refused 413 while it streams; what was staged goes", async () => {
      const rows = await documentRows();
      const upload = pausedUpload();
      upload.send(head("oversized.bin"));
      upload.send(randomBytes(1024 * 1024));
      await until(async () => (await stagedBytes()) > 0, "the start of the file staged");
      // No Content-Length: the limit is found on the bytes received.
      upload.send(randomBytes(UPLOAD_LIMIT));
      upload.send(tail);
      upload.end();
      const response = await upload.response;
      expect(response.status).toBe(413);
      // Refused by the file's size or by the body's, whichever the chunks reach first.
      expect(((await response.json()) as { code: string }).code).toBe("PAYLOAD_TOO_LARGE");
      expect(await stagedBytes()).toBe(0);
      expect(await documentRows()).toBe(rows);
    });

    test("an upload's Idempotency-Key is claimed once its body was read: a retry is replayed, another body is 409", async () => {
      const bytes = randomBytes(300_000);
      const body = new Uint8Array(Buffer.concat([head("retried.bin"), bytes, tail]));
      const post = (content: Uint8Array) =>
        fetch(`${server.url}${DOCS}`, {
          method: "POST",
          body: content,
          headers: {
            "x-api-key": key,
            "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
            "idempotency-key": `upload-${store}`,
          },
        });
      const rows = await documentRows();
      const first = await post(body);
      expect(first.status).toBe(201);
      const doc = (await first.json()) as { id: string };
      const retry = await post(body);
      expect(retry.status).toBe(201);
      expect(retry.headers.get("idempotent-replayed")).toBe("true");
      expect(((await retry.json()) as { id: string }).id).toBe(doc.id);
      // The replay is the document's answer as first sent: its strong ETag too.
      expect(first.headers.get("etag")).toMatch(/^"[0-9a-z]+\.[0-9a-z]+(-br|-gzip)?"$/);
      expect(retry.headers.get("etag")).toBe(first.headers.get("etag"));
      const other = new Uint8Array(Buffer.concat([head("other.bin"), randomBytes(1000), tail]));
      const reused = await post(other);
      expect(reused.status).toBe(409);
      expect(((await reused.json()) as { code: string }).code).toBe("IDEMPOTENCY_KEY_REUSED");
      expect(await documentRows()).toBe(rows + 1);
      expect(await stagedBytes()).toBe(0);
    });

    test("a form field is held in memory up to 64 KiB: a longer one is 413, the file staged before it goes", async () => {
      const rows = await documentRows();
      const field = `\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="description"\r\n\r\n`;
      const body = Buffer.concat([
        head("described.bin"),
        randomBytes(100_000),
        Buffer.from(field),
        Buffer.alloc(64 * 1024 + 1, "d"),
        tail,
      ]);
      const response = await fetch(`${server.url}${DOCS}`, {
        method: "POST",
        body,
        headers: {
          "x-api-key": key,
          "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
        },
      });
      expect(response.status).toBe(413);
      expect(((await response.json()) as { detail: string }).detail).toBe(
        "description: a form field is at most 65536 bytes",
      );
      expect(await documentRows()).toBe(rows);
      expect(await stagedBytes()).toBe(0);
    });

    test("a client gone mid-upload leaves no document and nothing staged", async () => {
      const rows = await documentRows();
      const url = new URL(server.url);
      const socket = connect(Number(url.port), url.hostname);
      await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
      const start = head("abandoned.bin");
      socket.write(
        `POST ${DOCS} HTTP/1.1\r\nHost: ${url.host}\r\nX-API-Key: ${key}\r\n` +
          `Content-Type: multipart/form-data; boundary=${BOUNDARY}\r\n` +
          `Content-Length: ${start.length + UPLOAD_LIMIT + tail.length}\r\n\r\n`,
      );
      socket.write(start);
      socket.write(randomBytes(1024 * 1024));
      await until(async () => (await stagedBytes()) > 0, "the start of the file staged");
      socket.destroy();
      await until(async () => (await stagedBytes()) === 0, "the staged bytes removed");
      expect(await documentRows()).toBe(rows);
    });
  });
}
