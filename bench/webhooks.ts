/**
 * Webhook delivery benchmark: crmd in-process with its workers on, a local
 * receiver, 1 / 10 / 100 webhooks subscribed to `*`. Per case it commits a
 * burst of events (throughput, and commit-to-receipt under that load) and
 * then a paced stream (commit-to-receipt when the dispatcher keeps up).
 *
 *   bun bench/webhooks.ts [--quick]
 *
 * Receiver and server share one process and event loop, so the figures
 * include the receiver's own cost; the hourly cap is lifted for the run.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULTS } from "../src/config";
import { emit } from "../src/core";
import { createLogger } from "../src/logger";
import { startServer } from "../src/server";

export interface WebhookBenchOptions {
  /** Webhook counts to run (default 1, 10, 100). */
  webhookCounts?: number[];
  /** Deliveries in the burst of each case (events = this / webhooks). */
  burstDeliveries?: number;
  /** Events in the paced phase of each case. */
  pacedEvents?: number;
}

export interface WebhookBenchCase {
  webhooks: number;
  burst_events: number;
  burst_deliveries: number;
  burst_seconds: number;
  deliveries_per_sec: number;
  /** Commit-to-receipt during the burst (includes queueing behind the burst). */
  burst_p50_ms: number;
  burst_p99_ms: number;
  paced_events: number;
  paced_interval_ms: number;
  /** Commit-to-receipt for a paced stream: the latency a consumer sees normally. */
  p50_ms: number;
  p99_ms: number;
}

export const QUICK: WebhookBenchOptions = { burstDeliveries: 500, pacedEvents: 20 };
export const FULL: WebhookBenchOptions = { burstDeliveries: 5000, pacedEvents: 50 };

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0;
const round = (n: number) => Math.round(n * 100) / 100;

/** Receives webhooks and notes when each (event, webhook path) arrived. */
function startReceiver() {
  const receipts: Array<{ eventId: string; at: number }> = [];
  const server = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    async fetch(request) {
      const at = performance.now();
      const body = (await request.json()) as { id: string };
      receipts.push({ eventId: body.id, at });
      return new Response("ok");
    },
  });
  return { receipts, url: `http://127.0.0.1:${server.port}/hook`, stop: () => server.stop(true) };
}

async function runCase(webhookCount: number, options: Required<WebhookBenchOptions>) {
  const dir = mkdtempSync(join(tmpdir(), "crmd-bench-webhooks-"));
  const receiver = startReceiver();
  const server = await startServer(
    {
      ...DEFAULTS,
      cron: {},
      host: "127.0.0.1",
      port: 0,
      dataDir: dir,
      databaseUrl: `file:${join(dir, "crmd.db")}`,
      demo: false,
      workers: true,
      logLevel: "silent",
      webhookAllowPrivate: true,
      webhookMaxPerHour: Number.MAX_SAFE_INTEGER,
    },
    { logger: createLogger("silent") },
  );
  try {
    const { ctx } = server;
    const adminToken = "bench-admin";
    ctx.config.adminToken = adminToken;
    const admin = { authorization: `Bearer ${adminToken}`, "content-type": "application/json" };
    const post = async (path: string, body: unknown, headers: Record<string, string>) =>
      (await fetch(`${server.url}/api/external${path}`, {
        method: "POST",
        headers,
        body: JSON.stringify(body),
      }).then((r) => r.json())) as any;
    const tenant = await post("/tenants", { name: "bench" }, admin);
    const key = await post(
      `/api-keys?tenant_id=${tenant.id}`,
      { name: "bench", permissions: ["webhook"] },
      admin,
    );
    const headers = { "x-api-key": key.key, "content-type": "application/json" };
    for (let i = 0; i < webhookCount; i++)
      await post("/webhooks", { url: `${receiver.url}/${i}`, events: ["*"] }, headers);

    const committedAt = new Map<string, number>();
    let n = 0;
    const commit = async () => {
      const entityId = `deal-${n++ % 1000}`;
      const event = await ctx.write((tx) =>
        emit(tx, {
          tenantId: tenant.id,
          type: "deal.updated",
          data: { id: entityId, name: "Bench deal", value: 125_000, currency: "EUR" },
          entityType: "deal",
          entityId,
          occurredAt: ctx.clock.now(),
        }),
      );
      committedAt.set(event.id, performance.now());
      return event.id;
    };
    const waitForReceipts = async (count: number) => {
      const deadline = performance.now() + 300_000;
      while (receiver.receipts.length < count) {
        if (performance.now() > deadline) throw new Error("bench: deliveries did not arrive");
        await Bun.sleep(2);
      }
    };
    const latencies = (from: number) =>
      receiver.receipts
        .slice(from)
        .map((r) => r.at - (committedAt.get(r.eventId) as number))
        .sort((a, b) => a - b);

    // Burst: commit as fast as one writer can, measure until the last receipt.
    const burstEvents = Math.max(1, Math.round(options.burstDeliveries / webhookCount));
    const started = performance.now();
    for (let i = 0; i < burstEvents; i++) await commit();
    await waitForReceipts(burstEvents * webhookCount);
    const seconds = (performance.now() - started) / 1000;
    const burst = latencies(0);

    // Paced: a steady stream the dispatcher can keep up with.
    const interval = 20 * Math.ceil(webhookCount / 10);
    const before = receiver.receipts.length;
    for (let i = 0; i < options.pacedEvents; i++) {
      await commit();
      await Bun.sleep(interval);
    }
    await waitForReceipts(before + options.pacedEvents * webhookCount);
    const paced = latencies(before);

    return {
      webhooks: webhookCount,
      burst_events: burstEvents,
      burst_deliveries: burstEvents * webhookCount,
      burst_seconds: round(seconds),
      deliveries_per_sec: Math.round((burstEvents * webhookCount) / seconds),
      burst_p50_ms: round(percentile(burst, 50)),
      burst_p99_ms: round(percentile(burst, 99)),
      paced_events: options.pacedEvents,
      paced_interval_ms: interval,
      p50_ms: round(percentile(paced, 50)),
      p99_ms: round(percentile(paced, 99)),
    } satisfies WebhookBenchCase;
  } finally {
    await server.stop();
    receiver.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs every case in turn and returns the figures (for the bench harness). */
export async function runWebhookBench(
  options: WebhookBenchOptions = FULL,
): Promise<WebhookBenchCase[]> {
  const resolved: Required<WebhookBenchOptions> = {
    webhookCounts: [1, 10, 100],
    ...FULL,
    ...options,
  } as Required<WebhookBenchOptions>;
  const cases: WebhookBenchCase[] = [];
  for (const count of resolved.webhookCounts) cases.push(await runCase(count, resolved));
  return cases;
}

if (import.meta.main) {
  const quick = process.argv.includes("--quick");
  const cases = await runWebhookBench(quick ? QUICK : FULL);
  for (const c of cases) console.log(JSON.stringify({ bench: "webhooks", ...c }));
  console.table(
    cases.map((c) => ({
      webhooks: c.webhooks,
      deliveries: c.burst_deliveries,
      "deliveries/s": c.deliveries_per_sec,
      "burst p50 ms": c.burst_p50_ms,
      "burst p99 ms": c.burst_p99_ms,
      "p50 ms": c.p50_ms,
      "p99 ms": c.p99_ms,
    })),
  );
}
