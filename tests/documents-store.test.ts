import { afterAll, describe, expect, test } from "bun:test";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { type Database, openDatabase, type SnapshotRead } from "../db/client";
import { copyDatabase } from "../db/copy";
import { documentContentKeys, documentContents } from "../db/schema";
import { documentStore } from "../plugins/documents";
import { databaseUrlOf, testDatabase } from "./helpers/database";
import { runCrmd } from "./helpers/process";
import { Api, startTestServer, type TestServer } from "./helpers/server";

const DOCS = "/api/external/documents";
/** Over two content rows (256 KiB each). */
const SIZE = 700_000;
/** Over the 1 MiB a download reads at once: streamed a row at a time. */
const LARGE = 1_300_000;
const config = { documentsStore: "database" as const, uploadLimit: 2 * 1024 * 1024 };

const root = mkdtempSync(join(tmpdir(), "crmd-docstore-"));
const closing: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const close of closing.reverse()) await close();
  rmSync(root, { recursive: true, force: true });
});

/** Random bytes (stored as application/octet-stream), different on every call. */
function randomBytes(size = SIZE): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  for (let at = 0; at < size; at += 65536) crypto.getRandomValues(bytes.subarray(at, at + 65536));
  return bytes;
}

async function upload(url: string, key: string, bytes: Uint8Array) {
  const form = new FormData();
  form.append("file", new File([bytes], "scan.bin", { type: "application/octet-stream" }));
  const response = await fetch(`${url}${DOCS}`, {
    method: "POST",
    body: form,
    headers: { "x-api-key": key },
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; sha256: string; size: number };
}

const download = (url: string, key: string, id: string, headers: Record<string, string> = {}) =>
  fetch(`${url}${DOCS}/${id}/download`, { headers: { "x-api-key": key, ...headers } });

/** Rows of a content (by its SHA-256, under the key its entry names) or of a staged key. */
async function contentRows(db: Database, key: string) {
  const [entry] = await db.primaryRead
    .select({ key: documentContentKeys.contentKey })
    .from(documentContentKeys)
    .where(eq(documentContentKeys.sha256, key));
  return (
    await db.primaryRead
      .select({ n: sql<number>`count(*)` })
      .from(documentContents)
      .where(eq(documentContents.contentKey, entry?.key ?? key))
  )[0].n;
}

async function started(dir: string, extra: Record<string, unknown> = {}): Promise<TestServer> {
  const server = await startTestServer({ dir, config: { ...config, ...extra } });
  closing.push(() => server.close());
  return server;
}

describe("documents in the database", () => {
  test("two instances with separate data directories: an upload on one downloads, whole and by ranges across rows, from the other; a delete on the other removes its rows", async () => {
    const dirA = mkdtempSync(join(root, "a-"));
    const dirB = mkdtempSync(join(root, "b-"));
    const a = await started(dirA);
    const b = await started(dirB, { databaseUrl: databaseUrlOf(dirA) });
    const { key, tenantId } = await a.tenant();
    const bytes = randomBytes();
    const doc = await upload(a.url, key, bytes);
    expect(await contentRows(a.ctx.db, doc.sha256)).toBe(3);

    // X-Consistency: strong, as a client reading another instance's write does.
    const strong = { "x-consistency": "strong" };
    const whole = await download(b.url, key, doc.id, strong);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("etag")).toBe(`"${doc.sha256}"`);
    expect(new Uint8Array(await whole.arrayBuffer())).toEqual(bytes);
    for (const [start, end] of [
      [200_000, 600_000],
      [262_144, 262_144],
      [262_143, 524_288],
      [SIZE - 10, SIZE - 1],
    ]) {
      const part = await download(b.url, key, doc.id, {
        ...strong,
        range: `bytes=${start}-${end}`,
      });
      expect({ start, status: part.status }).toEqual({ start, status: 206 });
      expect(part.headers.get("content-range")).toBe(`bytes ${start}-${end}/${SIZE}`);
      expect(part.headers.get("content-length")).toBe(String(end - start + 1));
      expect(new Uint8Array(await part.arrayBuffer())).toEqual(bytes.slice(start, end + 1));
    }
    const cached = await download(b.url, key, doc.id, {
      ...strong,
      "if-none-match": `"${doc.sha256}"`,
    });
    expect(cached.status).toBe(304);
    expect(existsSync(join(dirA, "documents"))).toBe(false);
    expect(existsSync(join(dirB, "documents"))).toBe(false);

    // Longer than a download reads at once: streamed a row at a time, whole and from a range.
    const large = randomBytes(LARGE);
    const big = await upload(a.url, key, large);
    const streamed = await download(b.url, key, big.id, strong);
    expect(new Uint8Array(await streamed.arrayBuffer())).toEqual(large);
    const tail = await download(b.url, key, big.id, { ...strong, range: "bytes=100000-" });
    expect(tail.status).toBe(206);
    expect(tail.headers.get("content-range")).toBe(`bytes 100000-${LARGE - 1}/${LARGE}`);
    expect(new Uint8Array(await tail.arrayBuffer())).toEqual(large.slice(100000));

    // And the other way, then a delete through the instance that did not upload.
    const other = randomBytes(1000);
    const second = await upload(b.url, key, other);
    const back = await download(a.url, key, second.id, strong);
    expect(new Uint8Array(await back.arrayBuffer())).toEqual(other);
    const onB = new Api(b.url, { "x-api-key": key });
    expect((await onB.delete(`${DOCS}/${doc.id}`)).status).toBe(200);
    expect(await contentRows(a.ctx.db, doc.sha256)).toBe(0);
    expect((await download(a.url, key, doc.id, strong)).status).toBe(404);
    expect(tenantId).toBeTruthy();
  }, 60_000);

  test("an upload's rows become the content's as they were written (the commit rewrites no bytes); equal content is stored once; the last delete removes them", async () => {
    const server = await started(mkdtempSync(join(root, "keys-")));
    const { key, api } = await server.tenant();
    const bytes = randomBytes();
    const staged: string[] = [];
    const keysOf = async () =>
      (
        await server.ctx.db.primaryRead
          .selectDistinct({ key: documentContents.contentKey })
          .from(documentContents)
      ).map((row) => row.key);
    const first = await upload(server.url, key, bytes);
    staged.push(...(await keysOf()));
    // One set of rows, still under the key the upload wrote them with: no row was rekeyed.
    expect(staged).toEqual([expect.stringMatching(/^staged:/)]);
    const [entry] = await server.ctx.db.primaryRead
      .select()
      .from(documentContentKeys)
      .where(eq(documentContentKeys.sha256, first.sha256));
    expect(entry.contentKey).toBe(staged[0]);
    expect(await contentRows(server.ctx.db, first.sha256)).toBe(3);

    // The same bytes again: its own staged rows go, the first ones stay the content's.
    const second = await upload(server.url, key, bytes);
    expect(second.sha256).toBe(first.sha256);
    expect(await keysOf()).toEqual(staged);
    const whole = await download(server.url, key, second.id);
    expect(new Uint8Array(await whole.arrayBuffer())).toEqual(bytes);
    // The sweep of abandoned uploads (any age) leaves a committed upload's rows.
    await documentStore(server.ctx).sweepStaged(0);
    expect(await keysOf()).toEqual(staged);

    expect((await api.delete(`${DOCS}/${first.id}`)).status).toBe(200);
    expect(await keysOf()).toEqual(staged);
    expect((await api.delete(`${DOCS}/${second.id}`)).status).toBe(200);
    expect(await keysOf()).toEqual([]);
    expect(await server.ctx.db.primaryRead.select().from(documentContentKeys)).toEqual([]);
  });

  test("a download over 1 MiB carries its Content-Length, whole and by range, and leaves no file behind", async () => {
    const dir = mkdtempSync(join(root, "length-"));
    const server = await started(dir);
    const { key } = await server.tenant();
    const large = randomBytes(LARGE);
    const doc = await upload(server.url, key, large);
    const spooled = join(dir, "documents", "staging");
    const cases: Array<[Record<string, string>, number, number, number]> = [
      [{}, 200, 0, LARGE - 1],
      [{ range: "bytes=100000-" }, 206, 100_000, LARGE - 1],
      [{ range: "bytes=1-1200000" }, 206, 1, 1_200_000],
      [{ range: `bytes=-${LARGE - 5}` }, 206, 5, LARGE - 1],
    ];
    for (const [headers, status, start, end] of cases) {
      const response = await download(server.url, key, doc.id, headers);
      expect({ headers, status: response.status }).toEqual({ headers, status });
      expect(response.headers.get("content-length")).toBe(String(end - start + 1));
      expect(response.headers.get("transfer-encoding")).toBeNull();
      if (status === 206)
        expect(response.headers.get("content-range")).toBe(`bytes ${start}-${end}/${LARGE}`);
      // Read slowly: the file it was sent from stays until it is all sent.
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      const chunks: Uint8Array[] = [];
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        await Bun.sleep(1);
      }
      expect(new Uint8Array(Buffer.concat(chunks))).toEqual(large.slice(start, end + 1));
    }
    // Each spooled file goes once its response has been handed over.
    const left = () => (existsSync(spooled) ? readdirSync(spooled).length : 0);
    for (let i = 0; left() > 0 && i < 500; i++) await Bun.sleep(10);
    expect(left()).toBe(0);
  });

  test("the sweep removes staged rows an interrupted upload left (older than its age), never stored contents", async () => {
    const server = await started(mkdtempSync(join(root, "sweep-")));
    const { key } = await server.tenant();
    const doc = await upload(server.url, key, randomBytes(1000));
    const now = Date.now();
    const staged = (name: string, at: number) => ({
      contentKey: `staged:${name}`,
      startByte: 0,
      data: Buffer.from("x"),
      createdAt: new Date(at),
    });
    await server.ctx.db.transaction((tx) =>
      tx
        .insert(documentContents)
        .values([staged("crashed", now - 2 * 60 * 60 * 1000), staged("uploading", now)]),
    );
    const store = documentStore(server.ctx);
    expect(await store.sweepStaged(60 * 60 * 1000, now)).toBe(1);
    expect(await contentRows(server.ctx.db, "staged:crashed")).toBe(0);
    expect(await contentRows(server.ctx.db, "staged:uploading")).toBe(1);
    expect(await contentRows(server.ctx.db, doc.sha256)).toBe(1);
    expect(await store.sweepStaged(0, now)).toBe(1);
    expect(await contentRows(server.ctx.db, "staged:uploading")).toBe(0);
    expect(await contentRows(server.ctx.db, doc.sha256)).toBe(1);
  });

  test("a content stored on the filesystem before the switch to the database is still downloaded, ranges too", async () => {
    const dir = mkdtempSync(join(root, "switch-"));
    const before = await startTestServer({
      dir,
      config: { ...config, documentsStore: "filesystem" },
    });
    const { key } = await before.tenant();
    const bytes = randomBytes();
    const doc = await upload(before.url, key, bytes);
    await before.close();
    const after = await started(dir);
    expect(await contentRows(after.ctx.db, doc.sha256)).toBe(0);
    const whole = await download(after.url, key, doc.id);
    expect(new Uint8Array(await whole.arrayBuffer())).toEqual(bytes);
    const part = await download(after.url, key, doc.id, { range: "bytes=10-300009" });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-length")).toBe("300000");
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(bytes.slice(10, 300010));
  });

  test("crmd documents migrate writes contents stored as files into the database, with progress; a second run finds them there; a missing file exits 1", async () => {
    const dir = mkdtempSync(join(root, "migrate-"));
    const before = await startTestServer({
      dir,
      config: { ...config, documentsStore: "filesystem" },
    });
    const { key, api } = await before.tenant();
    const kept = [randomBytes(), randomBytes(3000)];
    const docs = [];
    for (const bytes of kept) docs.push(await upload(before.url, key, bytes));
    const gone = await upload(before.url, key, randomBytes(2000));
    const deleted = await upload(before.url, key, randomBytes(100));
    expect((await api.delete(`${DOCS}/${deleted.id}`)).status).toBe(200);
    await before.close();
    const missingPath = join(dir, "documents", gone.sha256.slice(0, 2), gone.sha256);
    rmSync(missingPath);

    const migrate = async () => {
      const run = await runCrmd(["documents", "migrate"], {
        CRMD_DATA_DIR: dir,
        CRMD_DATABASE_URL: databaseUrlOf(dir),
        CRMD_LOG_LEVEL: "silent",
      });
      return { code: run.code, result: JSON.parse(run.stdout), progress: run.stderr };
    };
    const first = await migrate();
    expect(first.result).toEqual({ moved: 2, present: 0, missing: [gone.sha256] });
    expect(first.code).toBe(1);
    expect(first.progress).toContain('"entity":"documents","done":3,"total":3');

    // Served from another data directory: the contents come from the database alone.
    const after = await started(mkdtempSync(join(root, "migrated-")), {
      databaseUrl: databaseUrlOf(dir),
    });
    for (const [i, doc] of docs.entries()) {
      const response = await download(after.url, key, doc.id);
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(kept[i]);
    }
    expect(await contentRows(after.ctx.db, deleted.sha256)).toBe(0);
    const again = await migrate();
    expect(again.result).toEqual({ moved: 0, present: 2, missing: [gone.sha256] });
  }, 60_000);

  test("crmd copy to a database store writes in the documents the source kept as files, or says what to run", async () => {
    const dir = mkdtempSync(join(root, "copy-files-"));
    // A SQLite installation with the filesystem store: its documents are files under dir/documents.
    const source = await started(dir, {
      databaseUrl: `file:${join(dir, "source.db")}`,
      documentsStore: "filesystem",
    });
    const { key, tenantId } = await source.tenant();
    const bytes = randomBytes();
    const doc = await upload(source.url, key, bytes);
    expect(existsSync(join(dir, "documents", doc.sha256.slice(0, 2), doc.sha256))).toBe(true);

    const copy = async (dataDir: string, name: string) => {
      const target = await testDatabase(join(root, name), { empty: true });
      closing.push(target.drop);
      const run = await runCrmd(
        [
          "copy",
          "--from",
          `file:${join(dir, "source.db")}`,
          "--to",
          target.url,
          "--data-dir",
          dataDir,
        ],
        // The target keeps documents in the database (PostgreSQL's default; set for SQLite).
        { CRMD_DOCUMENTS_STORE: "database", CRMD_LOG_LEVEL: "silent" },
      );
      return {
        code: run.code,
        result: JSON.parse(run.stdout),
        stderr: run.stderr,
        url: target.url,
      };
    };

    const copied = await copy(dir, "copy-files-target");
    expect(copied.code).toBe(0);
    expect(copied.result.verified).toBe(true);
    expect(copied.result.documents).toEqual({ moved: 1, present: 0, missing: [] });
    expect(copied.stderr).toContain('"entity":"documents","done":1,"total":1');
    // Served from another data directory: the content comes from the database alone.
    const served = await started(mkdtempSync(join(root, "copy-files-served-")), {
      databaseUrl: copied.url,
    });
    expect(await contentRows(served.ctx.db, doc.sha256)).toBe(3);
    const api = await served.keyFor(tenantId, ["*"]);
    const whole = await download(served.url, api.headers["x-api-key"], doc.id);
    expect(whole.status).toBe(200);
    expect(new Uint8Array(await whole.arrayBuffer())).toEqual(bytes);

    // Run where the files are not: the copy says so, names the command, exits 1.
    const elsewhere = await copy(mkdtempSync(join(root, "no-files-")), "copy-files-missing");
    expect({ code: elsewhere.code, stderr: elsewhere.stderr }).toMatchObject({ code: 1 });
    expect(elsewhere.result.documents).toEqual({ moved: 0, present: 0, missing: [doc.sha256] });
    expect(elsewhere.stderr).toContain("crmd documents migrate");
  }, 60_000);

  test("crmd copy carries the contents a few rows a page; the copy's instances download them", async () => {
    const dir = mkdtempSync(join(root, "copy-"));
    // The source is a SQLite file whatever the suite runs on, as in tests/copy.test.ts.
    const source = await started(dir, { databaseUrl: `file:${join(dir, "source.db")}` });
    const { key, tenantId } = await source.tenant();
    const bytes = randomBytes();
    const doc = await upload(source.url, key, bytes);
    const target = await testDatabase(join(root, "copy-target"), { empty: true });
    closing.push(target.drop);
    const to = await openDatabase(target.url);
    // The largest page of content rows the copy reads.
    let largest = 0;
    const from = Object.assign(Object.create(source.ctx.db), {
      snapshot: <T>(fn: (read: SnapshotRead) => Promise<T>) =>
        source.ctx.db.snapshot((read) =>
          fn(async (text, args) => {
            const rows = await read(text, args);
            if (text.includes('FROM "document_contents"') && !text.includes("count("))
              largest = Math.max(largest, rows.length);
            return rows;
          }),
        ),
    }) as Database;
    const { tables: copied } = await copyDatabase(from, to);
    await to.close();
    expect(copied.find((t) => t.table === "document_contents")).toEqual({
      table: "document_contents",
      source: 3,
      target: 3,
    });
    expect(largest).toBeGreaterThan(0);
    expect(largest).toBeLessThanOrEqual(8);

    const copy = await started(mkdtempSync(join(root, "copy-served-")), {
      databaseUrl: target.url,
    });
    const api = await copy.keyFor(tenantId, ["*"]);
    const copyKey = api.headers["x-api-key"];
    const whole = await download(copy.url, copyKey, doc.id);
    expect(new Uint8Array(await whole.arrayBuffer())).toEqual(bytes);
    const part = await download(copy.url, copyKey, doc.id, { range: "bytes=262000-263000" });
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(bytes.slice(262000, 263001));
    expect(key).toBeTruthy();
  }, 60_000);
});
