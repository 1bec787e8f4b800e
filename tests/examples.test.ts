import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Subprocess } from "bun";
import { Webhook } from "standardwebhooks";
import { Crmd, CrmdError } from "../examples/typescript/client";
import { ManualClock } from "../src/clock";
import type { WebhookDispatcher } from "../src/core";
import { parseTraceparent } from "../src/tracing";
import { startTestServer, type TenantClient, type TestServer } from "./helpers/server";

const EXAMPLES = join(import.meta.dir, "..", "examples");
/** The system Python, which .ci/run installs when missing. */
const PYTHON = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
const RECEIVERS = {
  python: [PYTHON, join(EXAMPLES, "python", "receiver.py")],
  typescript: [process.execPath, join(EXAMPLES, "typescript", "receiver.ts")],
};

/** A running example receiver and the JSON lines it printed so far. */
interface Running {
  process: Subprocess<"ignore", "pipe", "pipe">;
  lines: Array<Record<string, unknown>>;
  /** Resolves with the first line `match` accepts, reading more output as it comes. */
  waitFor(match: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
}

function run(command: string[], env: Record<string, string>): Running {
  const child = Bun.spawn(command, {
    env: { ...process.env, ...env },
    stdin: "ignore",
    stdout: "pipe",
    stderr: "pipe",
  });
  const lines: Array<Record<string, unknown>> = [];
  const reader = child.stdout.getReader();
  let buffered = "";
  return {
    process: child,
    lines,
    async waitFor(match) {
      for (;;) {
        const found = lines.find(match);
        if (found) return found;
        const { value, done } = await reader.read();
        if (done) throw new Error(`receiver exited: ${await new Response(child.stderr).text()}`);
        buffered += new TextDecoder().decode(value);
        const complete = buffered.split("\n");
        buffered = complete.pop() as string;
        for (const line of complete) if (line.trim()) lines.push(JSON.parse(line));
      }
    },
  };
}

let server: TestServer;
let tenant: TenantClient;
let dispatcher: WebhookDispatcher;
const running: Running[] = [];
beforeAll(async () => {
  server = await startTestServer();
  tenant = await server.tenant();
  await tenant.api.post("/api/external/pipelines", {
    name: "Sales",
    pipeline_type: "sales",
    stages: [{ name: "New" }],
  });
  dispatcher = server.ctx.workers.find((w) => w.name === "webhook-dispatcher") as WebhookDispatcher;
});
afterAll(async () => {
  for (const receiver of running) receiver.process.kill();
  await server.close();
});

describe("typed client", () => {
  test("the example client, typed by the generated clients/crmd.d.ts: deals by filter and page, a feed along next_cursor, a 422's field errors, webhooks", async () => {
    const client = Bun.spawn([process.execPath, join(EXAMPLES, "typescript", "client.ts")], {
      env: { ...process.env, CRMD_URL: server.url, CRMD_KEY: tenant.key },
      stdout: "pipe",
      stderr: "pipe",
    });
    expect(await client.exited).toBe(0);
    const out = JSON.parse(await new Response(client.stdout).text());
    expect(out.created).toMatch(/^[0-9a-f-]{36}$/);
    expect(out.total).toBeGreaterThanOrEqual(1);
    expect(out.value).toBe(150000);
    expect(out.found).toBe(true);
    // Two deals changed since the first's creation, one a page: the feed followed next_cursor.
    expect(out.feed.slice(0, 2)).toEqual([out.created, expect.any(String)]);
    expect(out.feed.length).toBeGreaterThanOrEqual(2);
    expect(typeof out.next_cursor).toBe("string");
    expect(out.refused).toEqual({
      status: 422,
      code: "VALIDATION_ERROR",
      fields: [expect.objectContaining({ path: "/currency" })],
    });
    expect(out.secret).toBe(true);
    expect(out.events).toEqual(["deal.won", "task.overdue"]);
    expect(out.webhooks).toBeGreaterThanOrEqual(1);
    expect((await tenant.api.get(`/api/external/webhooks`)).body.total).toBe(0);
  });
});

describe("typed client retries", () => {
  test("a 429 is sent again after its Retry-After; past maxRetries it is a CrmdError RATE_LIMITED", async () => {
    const clock = new ManualClock(new Date("2026-03-02T10:00:58.000Z"));
    const limited = await startTestServer({ clock });
    try {
      const { key } = await limited.tenant(undefined, ["*"], { rate_limit: 1 });
      const waits: number[] = [];
      const sleep = async (seconds: number) => {
        waits.push(seconds);
        clock.advance(seconds * 1000);
      };
      const crmd = new Crmd(limited.url, key, { sleep });
      expect((await crmd.call("get", "/api/external/deals", {})).deals).toEqual([]);
      // The minute's one request is spent: the next waits out the 2 s left of it.
      expect((await crmd.call("get", "/api/external/deals", {})).total).toBe(0);
      expect(waits).toEqual([2]);
      const impatient = new Crmd(limited.url, key, { maxRetries: 0, sleep });
      const refused = await impatient.call("get", "/api/external/deals", {}).catch((e) => e);
      expect(refused).toBeInstanceOf(CrmdError);
      expect({ status: refused.status, code: refused.code }).toEqual({
        status: 429,
        code: "RATE_LIMITED",
      });
      expect(waits).toEqual([2]);
    } finally {
      await limited.close();
    }
  });
});

describe("example receivers", () => {
  for (const [language, command] of Object.entries(RECEIVERS))
    test(`${language}: verifies and prints a real delivery with its trace; refuses a forged one`, async () => {
      // The secret comes with the webhook; the receiver's port once it listens (any free one).
      const hook = await tenant.api.post("/api/external/webhooks", {
        url: "http://127.0.0.1:9/hook",
        events: ["deal.created"],
      });
      expect(hook.status).toBe(201);
      const receiver = run(command, { WEBHOOK_SECRET: hook.body.secret, PORT: "0" });
      running.push(receiver);
      const port = (await receiver.waitFor((l) => "listening" in l)).listening;
      const url = `http://127.0.0.1:${port}/hook`;
      expect((await tenant.api.put(`/api/external/webhooks/${hook.body.id}`, { url })).status).toBe(
        200,
      );

      const traceId = crypto.randomUUID().replace(/-/g, "");
      const deal = await tenant.api.post(
        "/api/external/deals",
        { title: `From ${language}` },
        { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
      );
      await dispatcher.drain();
      const line = await receiver.waitFor((l) => l.received === "deal.created");
      expect((line.data as { id: string }).id).toBe(deal.body.id);
      expect(parseTraceparent(line.traceparent as string)?.traceId).toBe(traceId);
      const deliveries = (await tenant.api.get(`/api/external/webhooks/${hook.body.id}/deliveries`))
        .body;
      expect(deliveries.deliveries[0].status).toBe("succeeded");

      const forged = await fetch(url, {
        method: "POST",
        headers: {
          "webhook-id": "msg_forged",
          "webhook-timestamp": String(Math.floor(Date.now() / 1000)),
          "webhook-signature": "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        },
        body: JSON.stringify({ id: "forged", event_type: "deal.created", data: {} }),
      });
      expect(forged.status).toBe(400);

      // The receiver accepts exactly what the official Standard Webhooks verifier accepts.
      const official = new Webhook(hook.body.secret);
      const now = new Date();
      const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
      const cases: Array<[string, Date, (mac: string) => string]> = [
        ["signed now", now, (mac) => mac],
        ["after a rotation, the old secret's first", now, (mac) => `v1,${"A".repeat(43)}= ${mac}`],
        ["the MAC under another version", now, (mac) => mac.replace(/^v1,/, "v2,")],
        ["the MAC without its version", now, (mac) => mac.replace(/^v1,/, "")],
        ["six minutes old", minutes(-6), (mac) => mac],
        ["six minutes ahead", minutes(6), (mac) => mac],
      ];
      const disagreements: string[] = [];
      for (const [i, [label, at, signature]] of cases.entries()) {
        const id = `msg_case_${language}_${i}`;
        const body = JSON.stringify({ id, event_type: "deal.created", data: { id: label } });
        const headers = {
          "webhook-id": id,
          "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
          "webhook-signature": signature(official.sign(id, at, body)),
        };
        const accepts = (() => {
          try {
            official.verify(body, headers);
            return true;
          } catch {
            return false;
          }
        })();
        const reply = await fetch(url, { method: "POST", headers, body });
        if (reply.status < 300 !== accepts)
          disagreements.push(`${label}: receiver ${reply.status}, official ${accepts}`);
      }
      expect(disagreements).toEqual([]);
    });
});
