import { setSystemTime } from "bun:test";
import { Webhook } from "standardwebhooks";

/**
 * A real HTTP webhook receiver for tests: records every request (raw body
 * and headers) and answers with whatever `respond` says.
 */
export interface Received {
  path: string;
  body: string;
  headers: Record<string, string>;
  json: any;
}

export type Responder = (request: Received, index: number) => Response | Promise<Response>;

export interface Receiver {
  readonly received: Received[];
  respond: Responder;
  url(path?: string): string;
  /** Requests whose payload has this event id. */
  forEvent(eventId: string): Received[];
  /** Resolves when `predicate` holds, polling; rejects after `timeoutMs`. */
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  close(): void;
}

export const ok: Responder = () => new Response("ok");

export function startReceiver(respond: Responder = ok): Receiver {
  const received: Received[] = [];
  const receiver: Receiver = {
    received,
    respond,
    url: (path = "/hook") => `http://127.0.0.1:${server.port}${path}`,
    forEvent: (eventId) => received.filter((r) => r.json?.id === eventId),
    async waitFor(predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error("receiver: condition not met in time");
        await Bun.sleep(10);
      }
    },
    close: () => server.stop(true),
  };
  const server = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    async fetch(request) {
      const body = await request.text();
      let json: unknown = null;
      try {
        json = JSON.parse(body);
      } catch {}
      const entry: Received = {
        path: new URL(request.url).pathname,
        body,
        headers: Object.fromEntries(request.headers),
        json,
      };
      received.push(entry);
      return receiver.respond(entry, received.length - 1);
    },
  });
  return receiver;
}

/** Runs seed 001's Python verify_signature on a received request; null when python3 is missing. */
export function seedPythonVerifies(request: Received, secret: string): boolean | null {
  if (!Bun.which("python3")) return null;
  const script = `
import hmac
import hashlib
import sys

def verify_signature(payload_body, signature_header, secret):
    expected = hmac.new(
        secret.encode(),
        payload_body,
        hashlib.sha256
    ).hexdigest()

    received = signature_header.replace('sha256=', '')
    return hmac.compare_digest(expected, received)

print(verify_signature(sys.stdin.buffer.read(), sys.argv[1], sys.argv[2]))
`;
  const result = Bun.spawnSync(
    ["python3", "-c", script, request.headers["x-webhook-signature"], secret],
    { stdin: Buffer.from(request.body) },
  );
  if (result.exitCode !== 0) throw new Error(result.stderr.toString());
  return result.stdout.toString().trim() === "True";
}

/**
 * Verifies like a Standard Webhooks consumer whose clock reads `at` (by
 * default the request's own webhook-timestamp, the moment it was sent).
 */
export function standardVerifies(
  secret: string,
  request: Received,
  at = new Date(Number(request.headers["webhook-timestamp"]) * 1000),
): boolean {
  setSystemTime(at);
  try {
    new Webhook(secret).verify(request.body, request.headers);
    return true;
  } catch {
    return false;
  } finally {
    setSystemTime();
  }
}
