import { beforeAll, describe, expect, test } from "bun:test";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { and, count, eq } from "drizzle-orm";
import { documentContentKeys, documentContents, documents } from "../db/schema";
import { documentsStoreOf } from "../src/config";
import { isKnownEventType } from "../src/events";
import {
  failEvent,
  insertCompany,
  insertContact,
  insertDeal,
  insertLead,
  linkedThenDeleted,
} from "./fixtures/rows";
import { activityRows, changeCounts, outboxOf } from "./helpers/records";
import { updateSynced } from "./helpers/rows";
import type { Api, Reply } from "./helpers/server";
import { useTestServer } from "./helpers/suite";

const DOCS = "/api/external/documents";
const UPLOAD_LIMIT = 4096;
/** Below the upload limit: uploads must not be held to the JSON body limit. */
const BODY_LIMIT = 1024;

let tenantId: string;
let key: string;
let api: Api;

const server = useTestServer({
  config: { uploadLimit: UPLOAD_LIMIT, bodyLimit: BODY_LIMIT },
});
beforeAll(async () => {
  ({ tenantId, key, api } = await server.tenant());
});

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const chunk = (type: string, data: number[]) => [
  ...[0, 0, 0, data.length],
  ...new TextEncoder().encode(type),
  ...data,
  ...[0, 0, 0, 0], // CRC, not checked
];

/** A small well-formed PNG, different on every call (random text chunk). */
const png = () =>
  new Uint8Array([
    ...PNG_SIGNATURE,
    ...chunk("IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]),
    ...chunk("tEXt", [...crypto.getRandomValues(new Uint8Array(16))]),
    ...chunk("IEND", []),
  ]);
/** UTF-8 text, different on every call. */
const text = (prefix = "hello") => new TextEncoder().encode(`${prefix} ${crypto.randomUUID()}\n`);
const sha256 = (bytes: Uint8Array) => new Bun.CryptoHasher("sha256").update(bytes).digest("hex");

interface UploadOptions {
  filename?: string;
  type?: string;
  fields?: Record<string, string>;
  key?: string;
}

/** The multipart body FormData produces for one file part (and fields). */
function form(bytes: Uint8Array, options: UploadOptions = {}): FormData {
  const data = new FormData();
  const blob = new Blob([bytes], options.type ? { type: options.type } : {});
  data.append("file", blob, options.filename ?? "file.bin");
  for (const [name, value] of Object.entries(options.fields ?? {})) data.append(name, value);
  return data;
}

async function upload(bytes: Uint8Array, options: UploadOptions = {}): Promise<Reply> {
  const response = await fetch(`${server.url}${DOCS}`, {
    method: "POST",
    body: form(bytes, options),
    headers: { "x-api-key": options.key ?? key },
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

async function uploaded(bytes: Uint8Array, options: UploadOptions = {}) {
  const reply = await upload(bytes, options);
  expect(reply.status).toBe(201);
  return reply.body;
}

async function download(id: string, headers: Record<string, string> = {}, method = "GET") {
  return fetch(`${server.url}${DOCS}/${id}/download`, {
    method,
    headers: { "x-api-key": key, ...headers },
  });
}

/** download with a key of its own, so a test of many requests leaves the shared key's rate limit alone. */
async function ownDownloader() {
  const own = await server.tenant();
  return {
    api: own.api,
    uploaded: (bytes: Uint8Array, type: string) => uploaded(bytes, { type, key: own.key }),
    download: (id: string, headers: Record<string, string> = {}, method = "GET") =>
      download(id, { ...headers, "x-api-key": own.key }, method),
  };
}

const storeDir = () => join(server.dir, "documents");
const pathOf = (hash: string) => join(storeDir(), hash.slice(0, 2), hash);
const inDatabase = () => documentsStoreOf(server.ctx.config) === "database";

/**
 * Every content in the store, staged ones included (named `*.tmp`): the
 * files under the data directory, or with CRMD_DOCUMENTS_STORE=database the
 * keys of document_contents, named as the files would be.
 */
async function storedFiles(): Promise<string[]> {
  if (inDatabase()) {
    const keys = await server.ctx.db.primaryRead
      .selectDistinct({ key: documentContents.contentKey })
      .from(documentContents);
    const committed = new Map(
      (
        await server.ctx.db.primaryRead
          .select({ sha256: documentContentKeys.sha256, key: documentContentKeys.contentKey })
          .from(documentContentKeys)
      ).map((entry) => [entry.key, entry.sha256]),
    );
    return keys
      .map(({ key }) => committed.get(key) ?? key)
      .map((key) => (key.startsWith("staged:") ? `${key}.tmp` : `${key.slice(0, 2)}/${key}`))
      .sort();
  }
  return existsSync(storeDir())
    ? [...new Bun.Glob("**/*").scanSync({ cwd: storeDir(), dot: true })].sort()
    : [];
}

/** A content's stored bytes (null: not stored), from the configured store. */
async function storedBytes(hash: string): Promise<Uint8Array | null> {
  if (inDatabase()) {
    const [entry] = await server.ctx.db.primaryRead
      .select({ key: documentContentKeys.contentKey })
      .from(documentContentKeys)
      .where(eq(documentContentKeys.sha256, hash));
    const rows = await server.ctx.db.primaryRead
      .select({ data: documentContents.data })
      .from(documentContents)
      .where(eq(documentContents.contentKey, entry?.key ?? hash))
      .orderBy(documentContents.startByte);
    return rows.length ? new Uint8Array(Buffer.concat(rows.map((r) => r.data))) : null;
  }
  const file = Bun.file(pathOf(hash));
  return (await file.exists()) ? new Uint8Array(await file.arrayBuffer()) : null;
}

const isStored = async (hash: string) => (await storedBytes(hash)) !== null;

async function rowCount(): Promise<number> {
  const [row] = await server.ctx.db.read
    .select({ n: count() })
    .from(documents)
    .where(eq(documents.tenantId, tenantId));
  return row.n;
}

/** Runs `fn` and checks it left no file, no row, no event and no activity behind. */
async function leavesNothing(fn: () => Promise<void>) {
  const before = {
    files: await storedFiles(),
    rows: await rowCount(),
    ...(await changeCounts(server, tenantId)),
  };
  await fn();
  expect({
    files: await storedFiles(),
    rows: await rowCount(),
    ...(await changeCounts(server, tenantId)),
  }).toEqual(before);
}

describe("upload", () => {
  test("stores the bytes under their SHA-256 and emits document.uploaded", async () => {
    const deal = await insertDeal(server.ctx.db, tenantId);
    const contact = await insertContact(server.ctx.db, tenantId);
    const bytes = png();
    const doc = await uploaded(bytes, {
      filename: "C:\\scans\\floor-plan.png",
      type: "image/png",
      fields: { deal_id: deal, contact_id: contact, tags: "plans, a", description: "Ground floor" },
    });
    expect(doc).toMatchObject({
      name: "floor-plan.png",
      description: "Ground floor",
      mime_type: "image/png",
      size: bytes.length,
      sha256: sha256(bytes),
      storage: "local",
      url: null,
      deal_id: deal,
      contact_id: contact,
      lead_id: null,
      company_id: null,
      tags: ["plans", "a"],
      deleted_at: null,
    });
    expect(await storedBytes(doc.sha256)).toEqual(bytes);
    expect((await storedFiles()).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    const events = await outboxOf(server.ctx.db, { tenantId, entityId: doc.id });
    expect(events.map((e) => e.event_type)).toEqual(["document.uploaded"]);
    expect(events[0].data).toEqual(doc);
    const activity = await activityRows(server.ctx.db, { tenantId, entityId: doc.id });
    expect(activity.map((a) => [a.entityType, a.action])).toEqual([["document", "created"]]);
  });

  test("uploads are held to the upload limit, not the JSON body limit", async () => {
    const bytes = new TextEncoder().encode("x".repeat(BODY_LIMIT * 3));
    const doc = await uploaded(bytes, { type: "text/plain" });
    expect(doc.size).toBe(BODY_LIMIT * 3);
    const json = await api.post(DOCS, {
      url: "https://example.com/a",
      name: "x".repeat(BODY_LIMIT),
    });
    expect(json.status).toBe(413);
  });

  test("the name field overrides the file name", async () => {
    const doc = await uploaded(text(), {
      filename: "x.txt",
      type: "text/plain",
      fields: { name: "Notes" },
    });
    expect(doc.name).toBe("Notes");
  });

  test("a name given keeps its slashes; only a file's own name loses the client's path", async () => {
    const named = await uploaded(text(), {
      filename: "C:\\Users\\ann\\nda.txt",
      type: "text/plain",
      fields: { name: "NDA 2026/27 A\\B.txt" },
    });
    expect(named.name).toBe("NDA 2026/27 A\\B.txt");
    const fromFile = await uploaded(text(), {
      filename: "C:\\Users\\ann\\nda.txt",
      type: "text/plain",
    });
    expect(fromFile.name).toBe("nda.txt");
    const put = await api.put(`${DOCS}/${fromFile.id}`, { name: "Proposal A/B" });
    expect(put.body.name).toBe("Proposal A/B");
    const response = await download(named.id);
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="NDA 2026_27 A_B.txt"; filename*=UTF-8''NDA%202026_27%20A_B.txt`,
    );
  });

  test("a file part with an empty file name is named document", async () => {
    const body =
      '--B\r\nContent-Disposition: form-data; name="file"; filename=""\r\n' +
      "Content-Type: text/plain\r\n\r\nno name given\r\n--B--\r\n";
    const reply = await api.request("POST", DOCS, body, {
      "content-type": "multipart/form-data; boundary=B",
    });
    expect(reply.status).toBe(201);
    expect(reply.body.name).toBe("document");
  });

  test("a file name cut to 255 characters never ends in half a character", async () => {
    const doc = await uploaded(text(), {
      filename: `${"a".repeat(254)}\u{1F600}.txt`,
      type: "text/plain",
    });
    expect(doc.name).toBe("a".repeat(254));
    expect((await api.get(`${DOCS}/${doc.id}`)).body).toEqual(doc);
    const [event] = await outboxOf(server.ctx.db, { tenantId, entityId: doc.id });
    expect(event.data).toEqual(doc);
  });

  test("without a declared type the content decides", async () => {
    const generic = "application/octet-stream";
    expect((await uploaded(png(), { type: generic, filename: "scan" })).mime_type).toBe(
      "image/png",
    );
    expect((await uploaded(text(), { type: generic })).mime_type).toBe("text/plain");
    const binary = new Uint8Array([
      0x00,
      0x9c,
      0x01,
      0xee,
      ...crypto.getRandomValues(new Uint8Array(8)),
    ]);
    expect((await uploaded(binary, { type: generic })).mime_type).toBe(generic);
  });

  test("UTF-8 text is accepted as text/plain, text/csv, text/markdown or application/json", async () => {
    for (const type of [
      "text/plain",
      "text/csv; charset=utf-8",
      "text/markdown",
      "application/json",
    ]) {
      const doc = await uploaded(text("a,b"), { type, filename: "data" });
      expect(doc.mime_type).toBe(type.split(";")[0]);
    }
  });

  test("a mime_type field declares the type as well, and is checked", async () => {
    const bytes = png();
    const ok = await uploaded(bytes, {
      type: "application/octet-stream",
      fields: { mime_type: "image/png" },
    });
    expect(ok.mime_type).toBe("image/png");
    await leavesNothing(async () => {
      const reply = await upload(png(), {
        type: "image/png",
        fields: { mime_type: "application/pdf" },
      });
      expect(reply.status).toBe(415);
    });
  });
});

describe("rejected uploads leave nothing behind", () => {
  test("an empty file is 422 at /file", async () => {
    await leavesNothing(async () => {
      const reply = await upload(new Uint8Array(0), { type: "text/plain", filename: "empty.txt" });
      expect(reply.status).toBe(422);
      expect(reply.body.errors[0].path).toBe("/file");
    });
  });

  test("content that does not match the part's declared type is 415", async () => {
    const cases: Array<[Uint8Array, string, string]> = [
      // The file name says png: only the part's Content-Type declares application/pdf.
      [png(), "application/pdf", "photo.png"],
      [text(), "image/png", "notes.txt"],
      [new Uint8Array([0xc3, 0x28, 0x41, 0x42]), "text/plain", "broken.txt"],
      [text(), "text/html", "page.html"],
      [new TextEncoder().encode("%PDF-1.7\n%\xe2\xe3\n1 0 obj\n"), "image/jpeg", "x.jpg"],
    ];
    for (const [bytes, type, filename] of cases) {
      await leavesNothing(async () => {
        const reply = await upload(bytes, { type, filename });
        expect({ type, filename, status: reply.status }).toEqual({ type, filename, status: 415 });
        expect(reply.body.code).toBe("UNSUPPORTED_MEDIA_TYPE");
        expect(reply.body.errors[0].path).toBe("/file");
      });
    }
  });

  test("a file over the upload limit is 413, by Content-Length or by its bytes", async () => {
    const big = new Uint8Array(UPLOAD_LIMIT + 1).fill(0x61);
    await leavesNothing(async () => {
      const reply = await upload(big, { type: "text/plain" });
      expect(reply.status).toBe(413);
    });
    // Chunked: no Content-Length, so the size is checked on the bytes received.
    const encoded = new Response(form(big, { type: "text/plain" }));
    const contentType = encoded.headers.get("content-type") as string;
    const body = new Uint8Array(await encoded.arrayBuffer());
    await leavesNothing(async () => {
      const response = await fetch(`${server.url}${DOCS}`, {
        method: "POST",
        body: new ReadableStream({
          start(controller) {
            controller.enqueue(body);
            controller.close();
          },
        }),
        headers: {
          "x-api-key": key,
          "content-type": contentType,
        },
      });
      expect(response.status).toBe(413);
      expect(((await response.json()) as { detail: string }).detail).toContain(
        "larger than the upload limit",
      );
    });
  });

  test("a link to a missing or foreign record is 422 and the staged file goes", async () => {
    const other = await server.tenant();
    const foreign = await insertCompany(server.ctx.db, other.tenantId);
    for (const [field, value] of [
      ["deal_id", "01a20000-0000-7000-8000-000000000000"],
      ["company_id", foreign],
    ]) {
      await leavesNothing(async () => {
        const reply = await upload(png(), { type: "image/png", fields: { [field]: value } });
        expect(reply.status).toBe(422);
        expect(reply.body.errors[0].path).toBe(`/${field}`);
      });
    }
  });

  test("a failing write rolls back the row, its activity and the file", async () => {
    const restore = await failEvent(server.ctx.db, "document.uploaded");
    try {
      await leavesNothing(async () => {
        expect((await upload(png(), { type: "image/png" })).status).toBe(500);
      });
    } finally {
      await restore();
    }
  });

  test("a file already stored for a live document survives a failed upload of the same bytes", async () => {
    const bytes = png();
    const doc = await uploaded(bytes, { type: "image/png" });
    const reply = await upload(bytes, {
      type: "image/png",
      fields: { lead_id: "01a20000-0000-7000-8000-000000000000" },
    });
    expect(reply.status).toBe(422);
    expect(await isStored(doc.sha256)).toBe(true);
  });

  test("a rejected upload with an Idempotency-Key stores nothing: its retry runs again", async () => {
    // One multipart body, sent twice byte for byte, as a client retrying it does.
    const fields = { deal_id: "01a20000-0000-7000-8000-000000000000" };
    const multipart = new Response(form(png(), { type: "image/png", fields }));
    const headers = {
      "x-api-key": key,
      "content-type": multipart.headers.get("content-type") ?? "",
      "idempotency-key": "rejected-upload",
    };
    const body = new Uint8Array(await multipart.arrayBuffer());
    for (const attempt of ["first", "retry"]) {
      const response = await fetch(`${server.url}${DOCS}`, { method: "POST", body, headers });
      expect({ attempt, status: response.status }).toEqual({ attempt, status: 422 });
      expect(response.headers.get("idempotent-replayed")).toBeNull();
      const answer = (await response.json()) as { errors: Array<{ path: string }> };
      expect(answer.errors[0].path).toBe("/deal_id");
    }
  });

  test("neither a file nor a url is 422", async () => {
    await leavesNothing(async () => {
      const reply = await api.post(DOCS, { name: "Nothing" });
      expect(reply.status).toBe(422);
      expect(reply.body.errors[0].path).toBe("/file");
    });
  });

  test("a malformed multipart body is 400 saying so, not a JSON error", async () => {
    const part = 'Content-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nhello';
    for (const [body, contentType] of [
      [`--XyZ\r\n${part}\r\n--XyZ--\r\n`, "multipart/form-data"],
      [`--XyZ\r\n${part}`, "multipart/form-data; boundary=XyZ"],
    ]) {
      await leavesNothing(async () => {
        const reply = await api.request("POST", DOCS, body, { "content-type": contentType });
        expect(reply.status).toBe(400);
        expect(reply.body).toMatchObject({
          code: "BAD_REQUEST",
          detail: "Malformed multipart/form-data body",
        });
      });
    }
  });
});

describe("content addressing", () => {
  test("equal bytes are stored once; the file goes with the last live document", async () => {
    const other = await server.tenant();
    const bytes = png();
    const first = await uploaded(bytes, { type: "image/png", filename: "a.png" });
    const second = await uploaded(bytes, { type: "image/png", filename: "b.png" });
    const third = await uploaded(bytes, { type: "image/png", key: other.key });
    expect(new Set([first.sha256, second.sha256, third.sha256]).size).toBe(1);
    expect(new Set([first.id, second.id, third.id]).size).toBe(3);
    const hash = first.sha256;
    expect((await storedFiles()).filter((f) => f.includes(hash))).toEqual([
      `${hash.slice(0, 2)}/${hash}`,
    ]);

    expect((await api.delete(`${DOCS}/${first.id}`)).status).toBe(200);
    expect((await api.delete(`${DOCS}/${second.id}`)).status).toBe(200);
    expect(await isStored(hash)).toBe(true);
    expect((await other.api.delete(`${DOCS}/${third.id}`)).status).toBe(200);
    expect(await isStored(hash)).toBe(false);
    expect((await storedFiles()).filter((f) => f.includes(hash))).toEqual([]);
  });
});

describe("download", () => {
  test("streams the bytes with type, length, disposition and the SHA-256 as ETag", async () => {
    const bytes = text("name,city\nÅsa,Malmö");
    const doc = await uploaded(bytes, { type: "text/csv", filename: "Résumé 2026.csv" });
    const response = await download(doc.id);
    expect(response.status).toBe(200);
    const body = new Uint8Array(await response.arrayBuffer());
    expect(sha256(body)).toBe(doc.sha256);
    expect(body).toEqual(bytes);
    expect(response.headers.get("content-type")).toBe("text/csv");
    expect(response.headers.get("content-length")).toBe(String(bytes.length));
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="R_sum_ 2026.csv"; filename*=UTF-8''R%C3%A9sum%C3%A9%202026.csv`,
    );
    expect(response.headers.get("etag")).toBe(`"${doc.sha256}"`);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("accept-ranges")).toBe("bytes");
    expect(response.headers.get("x-ratelimit-limit")).toBeTruthy();

    const cached = await download(doc.id, { "if-none-match": `"${doc.sha256}"` });
    expect(cached.status).toBe(304);
    expect(await cached.text()).toBe("");
    expect((await download(doc.id, { "if-none-match": '"other"' })).status).toBe(200);
  });

  test("If-None-Match compares weakly: a W/ tag (as a compressing proxy sends it) gets 304", async () => {
    const doc = await uploaded(text(), { type: "text/plain" });
    for (const tag of [`W/"${doc.sha256}"`, `"other", W/"${doc.sha256}"`]) {
      const response = await download(doc.id, { "if-none-match": tag });
      expect({ tag, status: response.status }).toEqual({ tag, status: 304 });
    }
    expect((await download(doc.id, { "if-none-match": 'W/"other"' })).status).toBe(200);
  });

  test("a byte range is 206 with Content-Range; If-Range with another ETag, or another unit, get the whole file", async () => {
    const bytes = text("0123456789abcdefghij");
    const doc = await uploaded(bytes, { type: "text/plain" });
    const size = bytes.length;
    for (const [range, start, end] of [
      ["bytes=2-5", 2, 5],
      ["bytes=10-", 10, size - 1],
      ["bytes=-4", size - 4, size - 1],
      ["bytes=3-100000", 3, size - 1],
    ] as const) {
      const response = await download(doc.id, { range });
      expect({ range, status: response.status }).toEqual({ range, status: 206 });
      expect(response.headers.get("content-range")).toBe(`bytes ${start}-${end}/${size}`);
      expect(response.headers.get("content-length")).toBe(String(end - start + 1));
      expect(response.headers.get("etag")).toBe(`"${doc.sha256}"`);
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes.slice(start, end + 1));
    }
    const matching = await download(doc.id, { range: "bytes=0-1", "if-range": `"${doc.sha256}"` });
    expect(matching.status).toBe(206);
    expect(await matching.text()).toBe(new TextDecoder().decode(bytes.slice(0, 2)));
    const wholeFor: Record<string, string>[] = [
      { range: "bytes=0-1", "if-range": '"other"' },
      { range: "lines=0-1" },
      { range: "bytes=0-1,x" },
    ];
    for (const headers of wholeFor) {
      const whole = await download(doc.id, headers);
      expect({ headers, status: whole.status }).toEqual({ headers, status: 200 });
      expect(whole.headers.get("accept-ranges")).toBe("bytes");
      expect(new Uint8Array(await whole.arrayBuffer())).toEqual(bytes);
    }
    const cached = await download(doc.id, {
      range: "bytes=0-1",
      "if-none-match": `"${doc.sha256}"`,
    });
    expect(cached.status).toBe(304);
  });

  test("a 304, to GET and HEAD, carries the ETag and caching headers but none of a body", async () => {
    const { uploaded, download } = await ownDownloader();
    const doc = await uploaded(text(), "text/plain");
    const etag = `"${doc.sha256}"`;
    for (const method of ["GET", "HEAD"]) {
      const cached = await download(
        doc.id,
        { "if-none-match": etag, "x-request-id": "req-doc-304" },
        method,
      );
      expect({ method, status: cached.status }).toEqual({ method, status: 304 });
      expect(await cached.text()).toBe("");
      expect(cached.headers.get("etag")).toBe(etag);
      expect(cached.headers.get("cache-control")).toBe("private, no-cache");
      expect(cached.headers.get("x-request-id")).toBe("req-doc-304");
      expect(cached.headers.get("x-ratelimit-remaining")).toBeTruthy();
      for (const name of ["content-type", "content-length", "content-disposition"])
        expect({ method, name, value: cached.headers.get(name) }).toEqual({
          method,
          name,
          value: null,
        });
    }
  });

  test("If-Match compares strongly: another tag, or the weak form, is 412; the tag or * download", async () => {
    const { uploaded, download } = await ownDownloader();
    const bytes = text();
    const doc = await uploaded(bytes, "text/plain");
    const etag = `"${doc.sha256}"`;
    for (const ifMatch of ['"other"', `W/${etag}`]) {
      const refused = await download(doc.id, { "if-match": ifMatch, range: "bytes=0-1" });
      expect({ ifMatch, status: refused.status }).toEqual({ ifMatch, status: 412 });
      expect(refused.headers.get("etag")).toBe(etag);
      expect(((await refused.json()) as { code: string }).code).toBe("PRECONDITION_FAILED");
    }
    for (const ifMatch of [etag, `"other", ${etag}`, "*"]) {
      const whole = await download(doc.id, { "if-match": ifMatch });
      expect({ ifMatch, status: whole.status }).toEqual({ ifMatch, status: 200 });
      expect(new Uint8Array(await whole.arrayBuffer())).toEqual(bytes);
    }
    // If-Match is decided first: a tag it refuses is 412 even where If-None-Match would be 304.
    const both = await download(doc.id, { "if-match": '"other"', "if-none-match": etag });
    expect(both.status).toBe(412);
  });

  test("If-Range takes the strong ETag or the Last-Modified: the weak form or another date get the whole file, with its length", async () => {
    const { uploaded, download } = await ownDownloader();
    const bytes = text("0123456789");
    const doc = await uploaded(bytes, "text/plain");
    for (const ifRange of [`W/"${doc.sha256}"`, "Mon, 07 Dec 2099 20:44:05 GMT"]) {
      const whole = await download(doc.id, { range: "bytes=0-1", "if-range": ifRange });
      expect({ ifRange, status: whole.status }).toEqual({ ifRange, status: 200 });
      expect(whole.headers.get("content-range")).toBeNull();
      expect(whole.headers.get("content-length")).toBe(String(bytes.length));
      expect(new Uint8Array(await whole.arrayBuffer())).toEqual(bytes);
    }
  });

  test("Last-Modified is when the content was stored, to the second, on every answer but a 304; a PUT of the details leaves it", async () => {
    const { api, uploaded, download } = await ownDownloader();
    const doc = await uploaded(text(), "text/plain");
    const stored = new Date(doc.created_at).toUTCString();
    const etag = `"${doc.sha256}"`;
    const answers = [
      await download(doc.id),
      await download(doc.id),
      await download(doc.id, {}, "HEAD"),
      await download(doc.id, { range: "bytes=0-1" }),
      await download(doc.id, { range: "bytes=0-1" }, "HEAD"),
      await download(doc.id, { "if-match": '"other"' }),
      await download(doc.id, { "if-match": '"other"' }, "HEAD"),
      await download(doc.id, { range: `bytes=${doc.size}-` }),
      await download(doc.id, { range: `bytes=${doc.size}-` }, "HEAD"),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([
      200, 200, 200, 206, 206, 412, 412, 416, 416,
    ]);
    for (const [i, answer] of answers.entries())
      expect({ i, lastModified: answer.headers.get("last-modified") }).toEqual({
        i,
        lastModified: stored,
      });
    // A 304 has the ETag: it carries no other metadata of the file (RFC 9110 15.4.5).
    const since = { "if-modified-since": stored };
    for (const [method, headers] of [
      ["GET", { "if-none-match": etag }],
      ["HEAD", { "if-none-match": etag }],
      ["GET", since],
      ["HEAD", since],
    ] as const) {
      const cached = await download(doc.id, headers, method);
      expect({ method, headers, status: cached.status }).toEqual({ method, headers, status: 304 });
      expect(cached.headers.get("etag")).toBe(etag);
      expect(cached.headers.get("last-modified")).toBeNull();
    }
    // A content stored long ago keeps its time when the document's details change.
    const long = new Date("2026-01-02T03:04:05.678Z");
    await updateSynced(server.ctx, documents, doc.id, { createdAt: long }, long);
    const put = await api.put(`${DOCS}/${doc.id}`, { name: "Renamed.txt" });
    expect(put.status).toBe(200);
    expect(put.body.updated_at).not.toBe(long.toISOString());
    for (const method of ["GET", "HEAD"]) {
      const answer = await download(doc.id, {}, method);
      expect({ method, lastModified: answer.headers.get("last-modified") }).toEqual({
        method,
        lastModified: "Fri, 02 Jan 2026 03:04:05 GMT",
      });
    }
  });

  /** A date `seconds` away from an HTTP date, as an HTTP date. */
  const shifted = (date: string, seconds: number) =>
    new Date(Date.parse(date) + seconds * 1000).toUTCString();

  test("If-Modified-Since not before the Last-Modified is 304, before it 200; not a date, ignored; If-None-Match decides when sent", async () => {
    const { uploaded, download } = await ownDownloader();
    const bytes = text();
    const doc = await uploaded(bytes, "text/plain");
    const etag = `"${doc.sha256}"`;
    const stored = new Date(doc.created_at).toUTCString();
    for (const method of ["GET", "HEAD"]) {
      for (const since of [stored, shifted(stored, 3600)]) {
        const cached = await download(doc.id, { "if-modified-since": since }, method);
        expect({ method, since, status: cached.status }).toEqual({ method, since, status: 304 });
        expect(await cached.text()).toBe("");
        expect(cached.headers.get("etag")).toBe(etag);
        expect(cached.headers.get("last-modified")).toBeNull();
        expect(cached.headers.get("cache-control")).toBe("private, no-cache");
        expect(cached.headers.get("content-length")).toBeNull();
      }
      const asks: Record<string, string>[] = [
        { "if-modified-since": shifted(stored, -1) },
        // Not an HTTP date: an ISO time, a list of dates, a date in lower case, no date.
        { "if-modified-since": new Date(Date.parse(stored) + 3600_000).toISOString() },
        { "if-modified-since": `${stored}, ${stored}` },
        { "if-modified-since": stored.toLowerCase() },
        { "if-modified-since": "tomorrow" },
        // If-None-Match is decided instead: another tag is 200 whatever the date.
        { "if-none-match": '"other"', "if-modified-since": stored },
      ];
      for (const headers of asks) {
        const whole = await download(doc.id, headers, method);
        expect({ method, headers, status: whole.status }).toEqual({ method, headers, status: 200 });
        if (method === "GET") expect(new Uint8Array(await whole.arrayBuffer())).toEqual(bytes);
      }
      const tagged = { "if-none-match": etag, "if-modified-since": shifted(stored, -1) };
      expect((await download(doc.id, tagged, method)).status).toBe(304);
    }
  });

  test("If-Unmodified-Since before the Last-Modified is 412; not before it, not a date, or with If-Match, ignored", async () => {
    const { uploaded, download } = await ownDownloader();
    const bytes = text();
    const doc = await uploaded(bytes, "text/plain");
    const etag = `"${doc.sha256}"`;
    const stored = new Date(doc.created_at).toUTCString();
    const before = shifted(stored, -1);
    for (const method of ["GET", "HEAD"]) {
      const refusedFor: Record<string, string>[] = [
        { "if-unmodified-since": before },
        { "if-unmodified-since": before, range: "bytes=0-1" },
        { "if-unmodified-since": before, "if-none-match": etag },
      ];
      for (const headers of refusedFor) {
        const refused = await download(doc.id, headers, method);
        expect({ method, headers, status: refused.status }).toEqual({
          method,
          headers,
          status: 412,
        });
        expect(refused.headers.get("etag")).toBe(etag);
        expect(refused.headers.get("last-modified")).toBe(stored);
        if (method === "GET")
          expect(((await refused.json()) as { code: string }).code).toBe("PRECONDITION_FAILED");
      }
      const wholeFor: Record<string, string>[] = [
        { "if-unmodified-since": stored },
        { "if-unmodified-since": shifted(stored, 60) },
        { "if-unmodified-since": "not a date" },
        { "if-unmodified-since": before, "if-match": etag },
      ];
      for (const headers of wholeFor) {
        const whole = await download(doc.id, headers, method);
        expect({ method, headers, status: whole.status }).toEqual({ method, headers, status: 200 });
        if (method === "GET") expect(new Uint8Array(await whole.arrayBuffer())).toEqual(bytes);
      }
    }
  });

  test("If-Range with the Last-Modified gets the range; another date or no date, the whole file", async () => {
    const { uploaded, download } = await ownDownloader();
    const bytes = text("0123456789");
    const doc = await uploaded(bytes, "text/plain");
    const stored = new Date(doc.created_at).toUTCString();
    for (const method of ["GET", "HEAD"]) {
      const part = await download(doc.id, { range: "bytes=2-5", "if-range": stored }, method);
      expect({ method, status: part.status }).toEqual({ method, status: 206 });
      expect(part.headers.get("content-range")).toBe(`bytes 2-5/${bytes.length}`);
      expect(part.headers.get("last-modified")).toBe(stored);
      if (method === "GET")
        expect(await part.text()).toBe(new TextDecoder().decode(bytes.slice(2, 6)));
      for (const ifRange of [shifted(stored, -1), shifted(stored, 1), "not a date"]) {
        const whole = await download(doc.id, { range: "bytes=2-5", "if-range": ifRange }, method);
        expect({ method, ifRange, status: whole.status }).toEqual({ method, ifRange, status: 200 });
        expect(whole.headers.get("content-range")).toBeNull();
        expect(whole.headers.get("content-length")).toBe(String(bytes.length));
        if (method === "GET") expect(new Uint8Array(await whole.arrayBuffer())).toEqual(bytes);
      }
    }
  });

  test("a range past the end is 416 with the size in Content-Range", async () => {
    const bytes = text();
    const doc = await uploaded(bytes, { type: "text/plain" });
    for (const range of [`bytes=${bytes.length}-`, "bytes=-0"]) {
      const response = await download(doc.id, { range });
      expect({ range, status: response.status }).toEqual({ range, status: 416 });
      expect(response.headers.get("content-range")).toBe(`bytes */${bytes.length}`);
      expect(((await response.json()) as { code: string }).code).toBe("RANGE_NOT_SATISFIABLE");
    }
  });

  test("an external document is 409: its bytes are not here", async () => {
    const doc = (await api.post(DOCS, { url: "https://files.example.com/brochure.pdf" })).body;
    const response = await download(doc.id);
    expect(response.status).toBe(409);
    expect(((await response.json()) as { detail: string }).detail).toContain(
      "https://files.example.com/brochure.pdf",
    );
  });
});

describe("external documents", () => {
  test("a JSON url registers metadata only and emits document.uploaded", async () => {
    const lead = await insertLead(server.ctx.db, tenantId);
    const reply = await api.post(DOCS, {
      url: "https://files.example.com/docs/Price%20list.pdf?v=2",
      mime_type: "Application/PDF",
      lead_id: lead,
      tags: ["prices"],
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      name: "Price list.pdf",
      mime_type: "application/pdf",
      size: null,
      sha256: null,
      storage: "external",
      url: "https://files.example.com/docs/Price%20list.pdf?v=2",
      lead_id: lead,
      tags: ["prices"],
    });
    const events = await outboxOf(server.ctx.db, { tenantId, entityId: reply.body.id });
    expect(events.map((e) => e.event_type)).toEqual(["document.uploaded"]);
    const named = await api.post(DOCS, { url: "https://example.com/", name: "Home" });
    expect(named.body.name).toBe("Home");
    expect((await api.post(DOCS, { url: "https://example.com/" })).body.name).toBe("example.com");
  });

  test("tags are stored trimmed, each once, blank ones dropped, on create as on PUT", async () => {
    const tags = [" signed ", "signed", "  ", "q1"];
    const reply = await api.post(DOCS, { url: "https://example.com/contract.pdf", tags });
    expect(reply.status).toBe(201);
    expect(reply.body.tags).toEqual(["signed", "q1"]);
    const put = await api.put(`${DOCS}/${reply.body.id}`, { name: "Contract", tags });
    expect(put.body.tags).toEqual(["signed", "q1"]);
    const listed = await api.get(`${DOCS}?tags=signed`);
    expect(listed.body.documents.map((d: { id: string }) => d.id)).toContain(reply.body.id);
  });

  test("a PUT may send back links the document keeps after their records were deleted; a new one must be live", async () => {
    const { links, gone, deleteThem } = await linkedThenDeleted(server.ctx.db, tenantId);
    const doc = (await api.post(DOCS, { url: "https://example.com/kept.pdf", ...links })).body;
    await deleteThem(new Date());
    const put = await api.put(`${DOCS}/${doc.id}`, { name: "Kept links", ...links });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ name: "Kept links", ...links });
    const relinked = await api.put(`${DOCS}/${doc.id}`, { name: "Kept links", deal_id: gone });
    expect(relinked.status).toBe(422);
    expect(relinked.body.errors[0].path).toBe("/deal_id");
  });

  test("a URL whose file name is escaped in another charset than UTF-8 keeps that name as written", async () => {
    // Latin-1 escapes (%FC is ü) are common in older file servers' links.
    const reply = await api.post(DOCS, { url: "https://files.example.com/Pr%FCfung.pdf" });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      name: "Pr%FCfung.pdf",
      url: "https://files.example.com/Pr%FCfung.pdf",
    });
  });

  test("only http(s) URLs; a file and a url together are 422 at /url", async () => {
    for (const url of ["ftp://example.com/a.pdf", "javascript:alert(1)", "not a url"]) {
      await leavesNothing(async () => {
        const reply = await api.post(DOCS, { url });
        expect(reply.status).toBe(422);
        expect(reply.body.errors[0].path).toBe("/url");
      });
    }
    await leavesNothing(async () => {
      const reply = await upload(text(), {
        type: "text/plain",
        fields: { url: "https://example.com/x" },
      });
      expect(reply.status).toBe(422);
      expect(reply.body.errors[0].path).toBe("/url");
    });
  });
});

describe("get and list", () => {
  test("get answers the metadata; unknown and other tenants' documents are 404", async () => {
    const doc = await uploaded(text(), { type: "text/plain" });
    const got = await api.get(`${DOCS}/${doc.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(doc);
    expect((await api.get(`${DOCS}/01a20000-0000-7000-8000-000000000000`)).status).toBe(404);
    const other = await server.tenant();
    expect((await other.api.get(`${DOCS}/${doc.id}`)).status).toBe(404);
    expect((await other.api.get(`${DOCS}/${doc.id}/download`)).status).toBe(404);
  });

  test("filters by linked record, storage and tags; since and cursor carry deletions", async () => {
    const t = await server.tenant();
    const deal = await insertDeal(server.ctx.db, t.tenantId);
    const lead = await insertLead(server.ctx.db, t.tenantId);
    const contact = await insertContact(server.ctx.db, t.tenantId);
    const company = await insertCompany(server.ctx.db, t.tenantId);
    const add = async (fields: Record<string, unknown>) => {
      const reply = await t.api.post(DOCS, { url: "https://example.com/doc.pdf", ...fields });
      expect(reply.status).toBe(201);
      return reply.body.id as string;
    };
    const byDeal = await add({ deal_id: deal, tags: ["x", "y"] });
    const byLead = await add({ lead_id: lead, tags: ["x"] });
    const byContact = await add({ contact_id: contact });
    const byCompany = await add({ company_id: company });
    const local = await uploaded(text(), { type: "text/plain", key: t.key });
    const ids = async (query: string) =>
      (await t.api.get(`${DOCS}${query}`)).body.documents.map((d: { id: string }) => d.id);
    expect(await ids(`?deal_id=${deal}`)).toEqual([byDeal]);
    expect(await ids(`?lead_id=${lead}`)).toEqual([byLead]);
    expect(await ids(`?contact_id=${contact}`)).toEqual([byContact]);
    expect(await ids(`?company_id=${company}`)).toEqual([byCompany]);
    expect(await ids("?storage=local")).toEqual([local.id]);
    expect((await ids("?tags=x")).sort()).toEqual([byDeal, byLead].sort());
    expect(await ids("?tags=x,y")).toEqual([byDeal]);
    const page = await t.api.get(`${DOCS}?page_size=2`);
    expect(page.body).toMatchObject({ total: 5, page: 1, page_size: 2, has_more: true });

    const feed = await t.api.get(`${DOCS}?cursor=`);
    expect(feed.body.documents).toHaveLength(5);
    await t.api.delete(`${DOCS}/${byLead}`);
    const next = await t.api.get(`${DOCS}?cursor=${feed.body.next_cursor}`);
    expect(
      next.body.documents.map((d: { id: string; deleted_at: string | null }) => [
        d.id,
        !!d.deleted_at,
      ]),
    ).toEqual([[byLead, true]]);
    expect(await ids("")).not.toContain(byLead);
  });
});

describe("delete", () => {
  test("soft-deletes: 404 afterwards, document.deleted emitted, activity written", async () => {
    const doc = await uploaded(text(), { type: "text/plain" });
    const reply = await api.delete(`${DOCS}/${doc.id}`);
    expect(reply.status).toBe(200);
    expect(reply.body.deleted_at).toBeTruthy();
    expect((await api.get(`${DOCS}/${doc.id}`)).status).toBe(404);
    expect((await download(doc.id)).status).toBe(404);
    expect((await api.delete(`${DOCS}/${doc.id}`)).status).toBe(404);
    expect(await isStored(doc.sha256)).toBe(false);
    const [row] = await server.ctx.db.read
      .select()
      .from(documents)
      .where(and(eq(documents.id, doc.id)));
    expect(row.deletedAt).toBeInstanceOf(Date);
    const events = await outboxOf(server.ctx.db, { tenantId, entityId: doc.id });
    expect(events.map((e) => e.event_type)).toEqual(["document.uploaded", "document.deleted"]);
    expect(events[1].data).toEqual(reply.body);
    const activity = await activityRows(server.ctx.db, { tenantId, entityId: doc.id });
    expect(activity.map((a) => a.action)).toEqual(["created", "deleted"]);
  });
});

describe("share", () => {
  test("records the share and emits document.shared with the recipients", async () => {
    const contact = await insertContact(server.ctx.db, tenantId);
    const doc = await uploaded(text(), { type: "text/plain" });
    const reply = await api.post(`${DOCS}/${doc.id}/share`, {
      emails: ["Buyer@Example.com", "buyer@example.com"],
      contact_ids: [contact],
      message: "The contract",
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      document: doc,
      emails: ["buyer@example.com"],
      contact_ids: [contact],
      message: "The contract",
    });
    const events = await outboxOf(server.ctx.db, { tenantId, entityId: doc.id });
    expect(events.map((e) => e.event_type)).toEqual(["document.uploaded", "document.shared"]);
    expect(events[1].data).toEqual(doc);
    expect(events[1].metadata).toMatchObject({
      emails: ["buyer@example.com"],
      contact_ids: [contact],
      message: "The contract",
      shared_by: { type: "api_key" },
    });
    const activity = await activityRows(server.ctx.db, { tenantId, entityId: doc.id });
    expect(activity[1].action).toBe("shared");
    expect(activity[1].changes.shared_with.new).toMatchObject({ emails: ["buyer@example.com"] });
  });

  test("needs a recipient; bad emails and unknown contacts are 422; unknown documents 404", async () => {
    const doc = await uploaded(text(), { type: "text/plain" });
    const other = await server.tenant();
    const foreign = await insertContact(server.ctx.db, other.tenantId);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{}, "/emails"],
      [{ emails: [], contact_ids: [] }, "/emails"],
      [{ emails: ["nope"] }, "/emails/0"],
      [{ contact_ids: [foreign] }, "/contact_ids/0"],
    ];
    for (const [body, path] of cases) {
      const reply = await api.post(`${DOCS}/${doc.id}/share`, body);
      expect({ body, status: reply.status, path: reply.body.errors?.[0]?.path }).toEqual({
        body,
        status: 422,
        path,
      });
    }
    const share = { emails: ["a@example.com"] };
    expect((await other.api.post(`${DOCS}/${doc.id}/share`, share)).status).toBe(404);
    await api.delete(`${DOCS}/${doc.id}`);
    expect((await api.post(`${DOCS}/${doc.id}/share`, share)).status).toBe(404);
    const types = (await outboxOf(server.ctx.db, { tenantId, entityId: doc.id })).map(
      (e) => e.event_type,
    );
    expect(types).not.toContain("document.shared");
  });
});

describe("auth", () => {
  test("event types are registered", () => {
    for (const type of ["uploaded", "shared", "deleted"])
      expect(isKnownEventType(`document.${type}`)).toBe(true);
  });

  test("read scope reads, write scope writes; anything else is 401/403", async () => {
    const doc = await uploaded(text(), { type: "text/plain" });
    const spare = await uploaded(text(), { type: "text/plain" });
    const reader = await server.keyFor(tenantId, ["documents:read"]);
    const writer = await server.keyFor(tenantId, ["documents:write"]);
    const neither = await server.keyFor(tenantId, ["calendar:read", "calendar:write"]);
    const routes: Array<[string, string, unknown, "read" | "write"]> = [
      ["GET", DOCS, undefined, "read"],
      ["GET", `${DOCS}/${doc.id}`, undefined, "read"],
      ["GET", `${DOCS}/${doc.id}/download`, undefined, "read"],
      ["POST", DOCS, { url: "https://example.com/a.pdf" }, "write"],
      ["POST", `${DOCS}/${doc.id}/share`, { emails: ["a@example.com"] }, "write"],
      ["DELETE", `${DOCS}/${spare.id}`, undefined, "write"],
    ];
    for (const [method, path, payload, needs] of routes) {
      const allowed = needs === "read" ? reader : writer;
      const denied = needs === "read" ? writer : reader;
      expect((await server.anonymous.request(method, path, payload)).status).toBe(401);
      expect((await neither.request(method, path, payload)).status).toBe(403);
      expect((await denied.request(method, path, payload)).status).toBe(403);
      expect((await allowed.request(method, path, payload)).status).toBeLessThan(300);
    }
  });

  test("an upload without a key is 401 and stores nothing", async () => {
    await leavesNothing(async () => {
      const response = await fetch(`${server.url}${DOCS}`, { method: "POST", body: form(png()) });
      expect(response.status).toBe(401);
    });
  });

  test("another tenant cannot delete, share or list a document", async () => {
    const doc = await uploaded(text(), { type: "text/plain" });
    const other = await server.tenant();
    expect((await other.api.delete(`${DOCS}/${doc.id}`)).status).toBe(404);
    expect((await other.api.post(`${DOCS}/${doc.id}/share`, { emails: ["a@b.co"] })).status).toBe(
      404,
    );
    expect((await other.api.get(`${DOCS}?cursor=`)).body.documents).toEqual([]);
    expect((await api.get(`${DOCS}/${doc.id}`)).status).toBe(200);
  });
});
