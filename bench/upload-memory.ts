/**
 * Upload memory: the compiled crmd's resident memory while it takes
 * uploads of growing size, on each documents store. Uploads are streamed
 * (plugins/documents/upload.ts): no copy of the file is held whole, so what
 * the peak gains is chunks read and not yet collected (and, with the
 * database store, the database's own cache), not a multiple of the file as
 * when the body was parsed in memory (run it on an older binary to compare).
 *
 * `bun bench/upload-memory.ts [binary]` (default: dist/crmd; `npm run build`
 * first). Each file is sent as a stream of 64 KiB chunks, so neither side
 * holds it whole. Prints, per store and size, the server's RSS before and
 * its peak during the upload (sampled every 20 ms). No thresholds: it
 * reports, it does not judge.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createBenchKey } from "./lib/keys";
import { freePort, rssMb, sampleRss, waitForOk } from "./lib/process";

const binary = process.argv[2] ?? join(import.meta.dir, "..", "dist", "crmd");
const MiB = 1024 * 1024;
// 24 MiB three times: a peak that does not climb with each is garbage collected, not bytes held.
const SIZES = [1, 8, 24, 24, 24].map((n) => n * MiB);
const BOUNDARY = "crmd-bench-upload";
const CHUNK = 64 * 1024;

/** A multipart body with one file part of `size` random-ish bytes, made as it is read. */
function body(size: number): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const head = encoder.encode(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="bench.bin"\r\n` +
      "Content-Type: application/octet-stream\r\n\r\n",
  );
  const tail = encoder.encode(`\r\n--${BOUNDARY}--\r\n`);
  const block = crypto.getRandomValues(new Uint8Array(CHUNK));
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
        chunk[1] = Date.now() & 0xff;
        controller.enqueue(chunk);
        sent += n;
      } else {
        controller.enqueue(tail);
        controller.close();
      }
    },
  });
}

async function run(store: "filesystem" | "database") {
  const dir = mkdtempSync(join(tmpdir(), "crmd-upload-bench-"));
  const databaseUrl = `file:${join(dir, "crmd.db")}`;
  const port = freePort();
  const proc = Bun.spawn([binary, "serve", "--port", String(port)], {
    env: {
      ...process.env,
      CRMD_DATABASE_URL: databaseUrl,
      CRMD_DATA_DIR: dir,
      CRMD_DOCUMENTS_STORE: store,
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
    const upload = (size: number) =>
      fetch(`http://127.0.0.1:${port}/api/external/documents`, {
        method: "POST",
        body: body(size),
        headers: { "x-api-key": key, "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
      });
    await (await upload(64 * 1024)).arrayBuffer(); // warm: file-type and the routes loaded
    for (const size of SIZES) {
      Bun.gc(true);
      const before = rssMb(proc.pid);
      const sampler = sampleRss(proc.pid, 20);
      const started = performance.now();
      const response = await upload(size);
      await response.arrayBuffer();
      const ms = Math.round(performance.now() - started);
      const peak = sampler.stop();
      console.log(
        `${store.padEnd(10)} ${String(size / MiB).padStart(3)} MiB  status ${response.status}  ` +
          `rss before ${before} MB  peak ${peak} MB  (+${Math.round((peak - before) * 10) / 10} MB)  ${ms} ms`,
      );
    }
  } finally {
    proc.kill();
    await proc.exited;
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`upload memory of ${binary} (the upload limit is 25 MiB by default)`);
for (const store of ["filesystem", "database"] as const) await run(store);
