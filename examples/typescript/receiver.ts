/**
 * A crmd webhook receiver in TypeScript (Bun or Node 22+, no dependencies).
 *
 * It verifies each delivery's Standard Webhooks signature over the raw body
 * (before parsing it), refuses stale ones, and prints every event it accepts
 * as one JSON line. Run it, then register http://localhost:PORT/hook as a
 * webhook (crmd started with CRMD_WEBHOOK_ALLOW_PRIVATE=1):
 *
 *     WEBHOOK_SECRET=whsec_... PORT=9001 bun receiver.ts
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";

const secret = process.env.WEBHOOK_SECRET ?? "";
const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
const TOLERANCE_SECONDS = 5 * 60;
const seen = new Set<string>();

function verified(headers: IncomingHttpHeaders, body: Buffer): boolean {
  const id = String(headers["webhook-id"] ?? "");
  const timestamp = String(headers["webhook-timestamp"] ?? "");
  if (!id || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > TOLERANCE_SECONDS) return false;
  const expected = createHmac("sha256", key)
    .update(Buffer.concat([Buffer.from(`${id}.${timestamp}.`), body]))
    .digest();
  // After a secret rotation there are two signatures, space-separated. Only
  // `v1,` ones are HMAC-SHA256: an entry of another version is skipped.
  return String(headers["webhook-signature"] ?? "")
    .split(" ")
    .some((entry) => {
      const [version, signature] = entry.split(",");
      if (version !== "v1" || signature === undefined) return false;
      const candidate = Buffer.from(signature, "base64");
      return candidate.length === expected.length && timingSafeEqual(candidate, expected);
    });
}

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const body = Buffer.concat(chunks);
    if (!verified(request.headers, body)) {
      response.writeHead(400).end();
      return;
    }
    const event = JSON.parse(body.toString("utf8"));
    // Deliveries are at least once: the same webhook-id may come again.
    if (!seen.has(event.id)) {
      seen.add(event.id);
      const line = { received: event.event_type, id: event.id, data: event.data };
      console.log(JSON.stringify({ ...line, traceparent: request.headers.traceparent ?? null }));
    }
    response.writeHead(204).end();
  });
});

server.listen(Number(process.env.PORT ?? 9001), "127.0.0.1", () => {
  const address = server.address();
  console.log(JSON.stringify({ listening: typeof address === "object" ? address?.port : address }));
});
