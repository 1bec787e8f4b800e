/**
 * Live delivery benchmark against the compiled binary (dist/crmd, pinned to
 * core 0; this process, the clients, on core 1):
 * - 1,000 Phoenix Channels sockets joined to 100 conversation topics (10
 *   each): RSS the server adds per 1,000 idle sockets, then messages posted
 *   over HTTP at a steady pace and the time from each message's commit
 *   (its `created_at`, stamped in the writing transaction) to its `shout`
 *   on every subscriber of its topic (1,100 sockets: 100 joined first, as
 *   the RSS baseline, then the 1,000 measured);
 * - 100 SSE clients on GET /events/stream while POST /deals runs at full
 *   speed: each client must get every deal.created event, in order, once.
 *
 *   bun bench/live.ts [--quick]     (prints JSON lines {"bench":"live",…})
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { rssMb, waitForOk } from "./lib/process";

const quick = process.argv.includes("--quick");
const root = join(import.meta.dir, "..");
const binary = join(root, "dist", "crmd");
const SOCKETS = 1000;
/** Sockets opened before the RSS baseline; they stay joined and receive too. */
const WARM_UP = 100;
const TOPICS = 100;
const MESSAGES = quick ? 50 : 300;
const MESSAGE_INTERVAL_MS = 20;
const SSE_CLIENTS = 100;
const POST_SECONDS = quick ? 2 : 8;
const POST_CONCURRENCY = 20;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
    : 0;
};
const log = (msg: string) => process.stderr.write(`bench live: ${msg}\n`);
const emit = (row: Record<string, unknown>) =>
  console.log(JSON.stringify({ bench: "live", ...row }));

async function start() {
  const dir = mkdtempSync(join(tmpdir(), "crmd-bench-live-"));
  const port = 22300;
  const adminToken = `bench-${crypto.randomUUID()}`;
  const server = Bun.spawn(
    ["taskset", "-c", "0", binary, "serve", "--port", String(port), "--data-dir", dir],
    {
      env: {
        ...process.env,
        CRMD_DEMO: "0",
        CRMD_LOG_LEVEL: "warn",
        CRMD_ADMIN_TOKEN: adminToken,
        CRMD_RATE_LIMIT: "1000000000",
      },
      stdout: "ignore",
      stderr: "inherit",
    },
  );
  const base = `http://127.0.0.1:${port}`;
  await waitForOk(`${base}/readyz`, 30_000);
  const admin = { authorization: `Bearer ${adminToken}`, "content-type": "application/json" };
  const tenant = (await (
    await fetch(`${base}/api/external/tenants`, {
      method: "POST",
      headers: admin,
      body: '{"name":"bench"}',
    })
  ).json()) as { id: string };
  const created = (await (
    await fetch(`${base}/api/external/api-keys?tenant_id=${tenant.id}`, {
      method: "POST",
      headers: admin,
      body: JSON.stringify({ name: "bench", permissions: ["*"], rate_limit: 1_000_000_000 }),
    })
  ).json()) as { key: string };
  return {
    base,
    key: created.key as string,
    pid: server.pid,
    async stop() {
      server.kill("SIGTERM");
      await server.exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

type Server = Awaited<ReturnType<typeof start>>;

async function api(server: Server, method: string, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${server.base}/api/external${path}`, {
    method,
    headers: { "x-api-key": server.key, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** A raw V2-serializer client: joins one topic and notes when each shout arrives. */
function subscriber(
  server: Server,
  topic: string,
  onShout: (payload: { id: string; created_at: string }) => void,
) {
  return new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(
      `${server.base.replace("http", "ws")}/socket/websocket?vsn=2.0.0&token=${server.key}`,
    );
    ws.onopen = () => ws.send(JSON.stringify(["1", "1", topic, "phx_join", {}]));
    ws.onerror = () => reject(new Error("socket error"));
    ws.onmessage = (event) => {
      const [, ref, , name, payload] = JSON.parse(String(event.data));
      if (name === "phx_reply" && ref === "1") {
        if (payload.status === "ok") resolve(ws);
        else reject(new Error(`join refused: ${JSON.stringify(payload)}`));
      } else if (name === "shout") onShout(payload);
    };
  });
}

async function channelsCase(server: Server) {
  const customer = await api(server, "POST", "/customers/identify", { email: "bench@example.com" });
  const conversations: string[] = [];
  for (let i = 0; i < TOPICS; i++)
    conversations.push(
      (await api(server, "POST", "/conversations", { customer_id: customer.id })).id,
    );
  const latencies: number[] = [];
  const onShout = (payload: { created_at: string }) => {
    latencies.push(Date.now() - Date.parse(payload.created_at));
  };
  const open = async (count: number, from: number) => {
    const opened: WebSocket[] = [];
    for (let i = from; i < from + count; i += 50) {
      const batch = [];
      for (let j = i; j < Math.min(from + count, i + 50); j++)
        batch.push(subscriber(server, `conversation:${conversations[j % TOPICS]}`, onShout));
      opened.push(...(await Promise.all(batch)));
    }
    return opened;
  };
  // A first batch warms up what every socket shares (code, caches), so the
  // figure is what each further socket costs.
  const sockets = await open(WARM_UP, 0);
  await Bun.sleep(2000);
  const before = rssMb(server.pid);
  sockets.push(...(await open(SOCKETS, WARM_UP)));
  await Bun.sleep(2000);
  const after = rssMb(server.pid);
  emit({
    case: "rss_idle_sockets",
    sockets: SOCKETS,
    topics: TOPICS,
    warm_up_sockets: WARM_UP,
    rss_before_mb: before,
    rss_after_mb: after,
    mb_per_1000: Math.round(((after - before) * 1000 * 10) / SOCKETS) / 10,
  });
  log(`${SOCKETS} sockets joined after ${WARM_UP}; RSS ${before} → ${after} MB`);

  for (let i = 0; i < MESSAGES; i++) {
    await api(server, "POST", "/messages", {
      conversation_id: conversations[i % TOPICS],
      body: `bench ${i}`,
    });
    await Bun.sleep(MESSAGE_INTERVAL_MS);
  }
  const expected = MESSAGES * ((SOCKETS + WARM_UP) / TOPICS);
  const deadline = Date.now() + 10_000;
  while (latencies.length < expected && Date.now() < deadline) await Bun.sleep(20);
  for (const ws of sockets) ws.close();
  emit({
    case: "channel_commit_to_receipt",
    messages: MESSAGES,
    receipts: latencies.length,
    expected_receipts: expected,
    missing: expected - latencies.length,
    p50_ms: percentile(latencies, 50),
    p99_ms: percentile(latencies, 99),
    max_ms: percentile(latencies, 100),
  });
  log(
    `shouts: ${latencies.length}/${expected}, p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms`,
  );
}

/** An SSE client that records deal.created event ids in arrival order. */
async function sseClient(server: Server, abort: AbortSignal) {
  const ids: string[] = [];
  const response = await fetch(`${server.base}/api/external/events/stream?types=deal.created`, {
    headers: { "x-api-key": server.key, accept: "text/event-stream" },
    signal: abort,
  });
  if (!response.body) throw new Error("no stream");
  const done = (async () => {
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for await (const chunk of response.body as ReadableStream<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end = buffer.indexOf("\n\n");
        while (end !== -1) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = frame.split("\n").find((l) => l.startsWith("data: "));
          if (data) ids.push(JSON.parse(data.slice(6)).id);
          end = buffer.indexOf("\n\n");
        }
      }
    } catch {}
  })();
  return { ids, done };
}

/** POST /deals needs a default sales pipeline. */
const salesPipeline = (server: Server) =>
  api(server, "POST", "/pipelines", {
    name: "Sales",
    pipeline_type: "sales",
    stages: [{ name: "New" }, { name: "Won", kind: "won" }, { name: "Lost", kind: "lost" }],
  });

async function sseCase(server: Server) {
  await salesPipeline(server);
  const abort = new AbortController();
  const clients = await Promise.all(
    Array.from({ length: SSE_CLIENTS }, () => sseClient(server, abort.signal)),
  );
  await Bun.sleep(500);
  const until = Date.now() + POST_SECONDS * 1000;
  let posted = 0;
  const post = async () => {
    while (Date.now() < until) {
      await api(server, "POST", "/deals", { title: `sse ${posted}`, value: 100, currency: "EUR" });
      posted++;
    }
  };
  await Promise.all(Array.from({ length: POST_CONCURRENCY }, post));
  // The log, read back page by page, is what every stream must have carried.
  const logged: string[] = [];
  let cursor = "";
  for (;;) {
    const page = await api(
      server,
      "GET",
      `/events?types=deal.created&page_size=500&cursor=${cursor}`,
    );
    logged.push(...page.events.map((e: { id: string }) => e.id));
    cursor = page.next_cursor;
    if (!page.has_more && page.events.length === 0) break;
  }
  const deadline = Date.now() + 10_000;
  while (clients.some((c) => c.ids.length < logged.length) && Date.now() < deadline)
    await Bun.sleep(50);
  abort.abort();
  const expected = logged.join(",");
  const complete = clients.filter((c) => c.ids.join(",") === expected).length;
  emit({
    case: "sse_during_post_load",
    clients: SSE_CLIENTS,
    deals_posted: posted,
    posts_per_s: Math.round(posted / POST_SECONDS),
    events_logged: logged.length,
    clients_complete_in_order: complete,
    events_missing: clients.reduce((n, c) => n + Math.max(0, logged.length - c.ids.length), 0),
  });
  log(
    `SSE: ${complete}/${SSE_CLIENTS} clients got all ${logged.length} events in order (${posted} deals posted)`,
  );
}

const server = await start();
try {
  await channelsCase(server);
  await sseCase(server);
} finally {
  await server.stop();
}
