/**
 * Upload and download memory: the compiled crmd's resident memory while it
 * takes uploads of growing size, up to 200 MiB, and sends each back, on
 * each documents store. Uploads are streamed (plugins/documents/upload.ts)
 * and downloads from the database store are read a 256 KiB row at a time
 * into a temporary file sent with its Content-Length
 * (plugins/documents/download.ts): no copy of the file is held whole, so
 * what the peak gains is chunks read and not yet collected (and, with the
 * database store, the database's own cache), not a multiple of the file as
 * when the body was parsed in memory (run it on an older binary to compare).
 *
 * `bun bench/upload-memory.ts [binary] [--sizes 1,8,24,200]` (default:
 * dist/crmd; `npm run build` first; sizes in MiB, the default below). Stores:
 * the filesystem and the database on SQLite, and the database on
 * PostgreSQL when CRMD_BENCH_POSTGRES_URL (or CRMD_PG_URL) names a server
 * (a `crmd_upload_bench` database is made on it, dropped first). Each file
 * is sent as a stream of 64 KiB chunks and read back as a stream, its
 * SHA-256 checked, so neither side holds it whole. Prints, per store and
 * size, the server's RSS before and its peak during the upload and during
 * the download (sampled every 20 ms), and the download's Content-Length.
 * No thresholds: it reports, it does not judge. Recorded runs:
 * bench/results/upload-memory.md.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createBenchKey } from "./lib/keys";
import { freshPostgresDatabase } from "./lib/postgres-database";
import { freePort, rssMb, sampleRss, waitForOk } from "./lib/process";

const args = process.argv.slice(2);
const sizesAt = args.indexOf("--sizes");
const sizesArg = sizesAt === -1 ? undefined : args.splice(sizesAt, 2)[1];
const binary = args[0] ?? join(import.meta.dir, "..", "dist", "crmd");
const MiB = 1024 * 1024;
// 24 MiB three times: a peak that does not climb with each is garbage collected, not bytes held.
// Then 200 MiB: a peak that grew with the file would show here.
const SIZES = (sizesArg?.split(",").map(Number) ?? [1, 8, 24, 24, 24, 200]).map((n) => n * MiB);
const UPLOAD_LIMIT = Math.max(...SIZES) + MiB;
const BOUNDARY = "crmd-bench-upload";
const CHUNK = 64 * 1024;

/** A multipart body with one file part of `size` random-ish bytes, made as it is read; `hash` gets the file's bytes. */
function body(size: number, hash: Bun.CryptoHasher): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const head = encoder.encode(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="bench.bin"\r\n` +
      "Content-Type: application/octet-stream\r\n\r\n",
  );
  const tail = encoder.encode(`\r\n--${BOUNDARY}--\r\n`);
  const block = crypto.getRandomValues(new Uint8Array(CHUNK));
  const stamp = Date.now();
  let sent = -1;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === -1) {
        controller.enqueue(head);
        sent = 0;
      } else if (sent < size) {
        const n = Math.min(CHUNK, size - sent);
        const chunk = block.slice(0, n);
        chunk[0] = sent & 0xff; // a different content each upload
        chunk[1] = stamp & 0xff;
        chunk[2] = (sent >> 16) & 0xff;
        hash.update(chunk);
        controller.enqueue(chunk);
        sent += n;
      } else {
        controller.enqueue(tail);
        controller.close();
      }
    },
  });
}

/** Reads a response body as a stream: its size and SHA-256, nothing kept. */
async function drain(response: Response): Promise<{ bytes: number; sha256: string }> {
  const hash = new Bun.CryptoHasher("sha256");
  let bytes = 0;
  if (response.body)
    for await (const chunk of response.body) {
      bytes += chunk.length;
      hash.update(chunk);
    }
  return { bytes, sha256: hash.digest("hex") };
}

const mb = (n: number) => `${n.toFixed(1).padStart(6)} MB`;

async function run(store: "filesystem" | "database", postgresUrl?: string) {
  const label = `${store}${postgresUrl ? " (PostgreSQL)" : ""}`;
  const dir = mkdtempSync(join(tmpdir(), "crmd-upload-bench-"));
  const databaseUrl = postgresUrl ?? `file:${join(dir, "crmd.db")}`;
  const port = freePort();
  const proc = Bun.spawn([binary, "serve", "--port", String(port)], {
    env: {
      ...process.env,
      CRMD_DATABASE_URL: databaseUrl,
      CRMD_DATA_DIR: dir,
      CRMD_DOCUMENTS_STORE: store,
      CRMD_UPLOAD_LIMIT: String(UPLOAD_LIMIT),
      CRMD_DEMO: "0",
      CRMD_LOG_LEVEL: "warn",
    },
    stdout: "ignore",
    stderr: "inherit",
  });
  try {
    await waitForOk(`http://127.0.0.1:${port}/readyz`, 30_000);
    const tenant = `bench-${store}`;
    const made = Bun.spawnSync([binary, "tenants", "create", "--name", tenant], {
      env: { ...process.env, CRMD_DATABASE_URL: databaseUrl },
      stderr: "inherit",
    });
    if (made.exitCode !== 0) throw new Error("crmd tenants create failed");
    const key = await createBenchKey(binary, databaseUrl, tenant);
    const api = `http://127.0.0.1:${port}/api/external`;
    const upload = (size: number, hash: Bun.CryptoHasher) =>
      fetch(`${api}/documents`, {
        method: "POST",
        body: body(size, hash),
        headers: { "x-api-key": key, "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
      });
    const warm = await upload(64 * 1024, new Bun.CryptoHasher("sha256"));
    const warmed = (await warm.json()) as { id: string };
    await drain(
      await fetch(`${api}/documents/${warmed.id}/download`, { headers: { "x-api-key": key } }),
    );
    for (const size of SIZES) {
      Bun.gc(true);
      const before = rssMb(proc.pid);
      let sampler = sampleRss(proc.pid, 20);
      let started = performance.now();
      const sent = new Bun.CryptoHasher("sha256");
      const response = await upload(size, sent);
      const document = (await response.json()) as { id: string };
      const upMs = Math.round(performance.now() - started);
      const upPeak = sampler.stop();
      if (response.status !== 201)
        throw new Error(`upload: ${response.status} ${JSON.stringify(document)}`);
      Bun.gc(true);
      const between = rssMb(proc.pid);
      sampler = sampleRss(proc.pid, 20);
      started = performance.now();
      const download = await fetch(`${api}/documents/${document.id}/download`, {
        headers: { "x-api-key": key },
      });
      const got = await drain(download);
      const downMs = Math.round(performance.now() - started);
      const downPeak = sampler.stop();
      const intact = got.bytes === size && got.sha256 === sent.digest("hex");
      console.log(
        `${label.padEnd(23)} ${String(size / MiB).padStart(3)} MiB  ` +
          `upload: rss before ${mb(before)}  peak ${mb(upPeak)} (+${(upPeak - before).toFixed(1)})  ${upMs} ms   ` +
          `download ${download.status}: rss before ${mb(between)}  peak ${mb(downPeak)} (+${(downPeak - between).toFixed(1)})  ` +
          `${downMs} ms  content-length ${download.headers.get("content-length") ?? "none"}` +
          `${intact ? "" : "  BYTES DIFFER"}`,
      );
    }
  } finally {
    proc.kill();
    await proc.exited;
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(
  `upload and download memory of ${binary} (upload limit ${UPLOAD_LIMIT} bytes for this run)`,
);
for (const store of ["filesystem", "database"] as const) await run(store);
const postgres = process.env.CRMD_BENCH_POSTGRES_URL || process.env.CRMD_PG_URL;
if (postgres) await run("database", await freshPostgresDatabase(postgres, "crmd_upload_bench"));
