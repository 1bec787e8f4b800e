import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { Dicer } from "@fastify/busboy";
import { startTestServer, type TestServer } from "./helpers/server";

/**
 * Several byte ranges in one request are answered as RFC 9110 14.6 says:
 * 206 multipart/byteranges, a part per range (overlapping and adjacent
 * ones coalesced), on both stores, read back here as a client's multipart
 * parser reads them.
 */
const DOCS = "/api/external/documents";

interface Part {
  headers: Record<string, string>;
  bytes: Uint8Array;
}

/** The parts of a multipart/byteranges answer, parsed with a streaming multipart parser. */
async function byteranges(response: Response, body?: ArrayBuffer): Promise<Part[]> {
  const type = response.headers.get("content-type") ?? "";
  const boundary = /^multipart\/byteranges; boundary=(.+)$/.exec(type)?.[1];
  expect(boundary).toBeDefined();
  const parts: Promise<Part>[] = [];
  const dicer = new Dicer({ boundary: boundary as string });
  dicer.on("part", (part) => {
    parts.push(
      new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let headers: Record<string, string> = {};
        part.on("header", (raw: Record<string, string[]>) => {
          headers = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v[0]]));
        });
        part.on("data", (chunk: Buffer) => chunks.push(chunk));
        part.on("end", () => resolve({ headers, bytes: new Uint8Array(Buffer.concat(chunks)) }));
        part.on("error", reject);
      }),
    );
  });
  const finished = new Promise<void>((resolve, reject) => {
    dicer.on("finish", resolve);
    dicer.on("error", reject);
  });
  dicer.end(Buffer.from(body ?? (await response.arrayBuffer())));
  await finished;
  return Promise.all(parts);
}

function randomBytes(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  for (let at = 0; at < size; at += 65536) crypto.getRandomValues(bytes.subarray(at, at + 65536));
  return bytes;
}

for (const store of ["filesystem", "database"] as const) {
  describe(`several byte ranges (${store} store)`, () => {
    let server: TestServer;
    let key: string;
    beforeAll(async () => {
      server = await startTestServer({
        config: { documentsStore: store, uploadLimit: 4 * 1024 * 1024 },
      });
      ({ key } = await server.tenant());
    });
    afterAll(() => server.close());

    async function uploaded(bytes: Uint8Array) {
      const form = new FormData();
      form.append("file", new File([bytes], "scan.bin", { type: "application/octet-stream" }));
      const response = await fetch(`${server.url}${DOCS}`, {
        method: "POST",
        body: form,
        headers: { "x-api-key": key },
      });
      expect(response.status).toBe(201);
      return (await response.json()) as { id: string; sha256: string };
    }

    const download = (id: string, range: string) =>
      fetch(`${server.url}${DOCS}/${id}/download`, { headers: { "x-api-key": key, range } });

    test("are 206 multipart/byteranges, a part per range with its Content-Range", async () => {
      const bytes = randomBytes(1000);
      const doc = await uploaded(bytes);
      const response = await download(doc.id, "bytes=0-9,20-29,-5");
      expect(response.status).toBe(206);
      expect(response.headers.get("content-range")).toBeNull();
      expect(response.headers.get("etag")).toBe(`"${doc.sha256}"`);
      const body = await response.arrayBuffer();
      expect(Number(response.headers.get("content-length"))).toBe(body.byteLength);
      const parts = await byteranges(response, body);
      expect(parts.map((p) => p.headers["content-range"])).toEqual([
        "bytes 0-9/1000",
        "bytes 20-29/1000",
        "bytes 995-999/1000",
      ]);
      expect(parts.map((p) => p.headers["content-type"])).toEqual(
        Array(3).fill("application/octet-stream"),
      );
      expect(parts.map((p) => p.bytes)).toEqual([
        bytes.slice(0, 10),
        bytes.slice(20, 30),
        bytes.slice(995),
      ]);
    });

    test("overlapping and adjacent ranges are coalesced, in order; one left is a plain 206", async () => {
      const bytes = randomBytes(1000);
      const doc = await uploaded(bytes);
      const merged = await download(doc.id, "bytes=500-599,0-9,5-19,20-29,550-700");
      expect(merged.status).toBe(206);
      const parts = await byteranges(merged);
      expect(parts.map((p) => p.headers["content-range"])).toEqual([
        "bytes 0-29/1000",
        "bytes 500-700/1000",
      ]);
      expect(parts.map((p) => p.bytes)).toEqual([bytes.slice(0, 30), bytes.slice(500, 701)]);

      const one = await download(doc.id, "bytes=0-9,10-19,2000-");
      expect(one.status).toBe(206);
      expect(one.headers.get("content-range")).toBe("bytes 0-19/1000");
      expect(new Uint8Array(await one.arrayBuffer())).toEqual(bytes.slice(0, 20));

      const none = await download(doc.id, "bytes=1000-,2000-3000");
      expect(none.status).toBe(416);
      expect(none.headers.get("content-range")).toBe("bytes */1000");
    });

    test("ranges over several rows, over a megabyte in all, are read part by part and sent with their Content-Length", async () => {
      const size = 1_500_000;
      const bytes = randomBytes(size);
      const doc = await uploaded(bytes);
      const response = await download(doc.id, "bytes=100-600000,700000-1400000,-10");
      expect(response.status).toBe(206);
      expect(response.headers.get("transfer-encoding")).toBeNull();
      const body = await response.arrayBuffer();
      expect(Number(response.headers.get("content-length"))).toBe(body.byteLength);
      const parts = await byteranges(response, body);
      expect(parts.map((p) => p.headers["content-range"])).toEqual([
        `bytes 100-600000/${size}`,
        `bytes 700000-1400000/${size}`,
        `bytes ${size - 10}-${size - 1}/${size}`,
      ]);
      expect(parts[0].bytes).toEqual(bytes.slice(100, 600001));
      expect(parts[1].bytes).toEqual(bytes.slice(700000, 1400001));
      expect(parts[2].bytes).toEqual(bytes.slice(size - 10));
    });

    test("a range whose If-Range names another content is the whole file with its Content-Length, under and over 1 MiB", async () => {
      for (const size of [1000, 1_500_000]) {
        const bytes = randomBytes(size);
        const doc = await uploaded(bytes);
        const response = await fetch(`${server.url}${DOCS}/${doc.id}/download`, {
          headers: { "x-api-key": key, range: "bytes=0-9", "if-range": '"other"' },
        });
        expect({ size, status: response.status }).toEqual({ size, status: 200 });
        expect(response.headers.get("content-length")).toBe(String(size));
        expect(response.headers.get("transfer-encoding")).toBeNull();
        expect(response.headers.get("content-range")).toBeNull();
        expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
      }
    });

    test("too many ranges get the whole file", async () => {
      const bytes = randomBytes(1000);
      const doc = await uploaded(bytes);
      const many = Array.from({ length: 33 }, (_, i) => `${i * 20}-${i * 20 + 9}`).join(",");
      const response = await download(doc.id, `bytes=${many}`);
      expect(response.status).toBe(200);
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
    });
  });
}
