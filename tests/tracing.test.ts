import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { WebhookDispatcher } from "../src/core";
import { formatTraceparent, parseTraceparent } from "../src/tracing";
import { startTestServer, type TestServer } from "./helpers/server";
import { type Receiver, startReceiver } from "./webhook-receiver";

interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Array<{ key: string; value: Record<string, unknown> }>;
}

/** A local OTLP/HTTP collector: keeps the spans of every JSON export it receives. */
function startCollector() {
  const spans: ExportedSpan[] = [];
  const paths: string[] = [];
  const server = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    async fetch(request) {
      paths.push(new URL(request.url).pathname);
      const body = (await request.json()) as {
        resourceSpans: Array<{ scopeSpans: Array<{ spans: ExportedSpan[] }> }>;
      };
      for (const resource of body.resourceSpans)
        for (const scope of resource.scopeSpans) spans.push(...scope.spans);
      return Response.json({});
    },
  });
  return { url: `http://127.0.0.1:${server.port}`, spans, paths, close: () => server.stop(true) };
}

const attribute = (span: ExportedSpan | undefined, key: string) => {
  const value = span?.attributes.find((a) => a.key === key)?.value;
  return value ? Object.values(value)[0] : undefined;
};

let collector: ReturnType<typeof startCollector>;
let receiver: Receiver;
let server: TestServer;
beforeAll(async () => {
  collector = startCollector();
  receiver = startReceiver();
  server = await startTestServer({ config: { otlpEndpoint: collector.url } });
});
afterAll(async () => {
  receiver.close();
  collector.close();
});

describe("traces", () => {
  test("traceparent parsing follows W3C Trace Context", () => {
    const header = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    expect(parseTraceparent(header)).toEqual({
      traceId: "0af7651916cd43dd8448eb211c80319c",
      spanId: "b7ad6b7169203331",
      sampled: true,
    });
    expect(formatTraceparent(parseTraceparent(header) as never)).toBe(header);
    for (const bad of [
      "",
      "00-00000000000000000000000000000000-b7ad6b7169203331-01",
      "00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01",
      "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331",
      "zz-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
    ])
      expect(parseTraceparent(bad)).toBeNull();
  });

  test("a request's traceparent reaches its webhook delivery; both spans reach the OTLP collector with one trace id", async () => {
    const { api } = await server.tenant();
    await api.post("/api/external/webhooks", {
      url: receiver.url("/traced"),
      events: ["deal.created"],
    });
    await api.post("/api/external/pipelines", {
      name: "Sales",
      pipeline_type: "sales",
      stages: [{ name: "New" }],
    });
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    const callerSpan = "00f067aa0ba902b7";
    const created = await api.post(
      "/api/external/deals",
      { title: "Traced" },
      { traceparent: `00-${traceId}-${callerSpan}-01` },
    );
    expect(created.status).toBe(201);
    // Without a traceparent the request starts its own trace, which its delivery continues.
    const untraced = await api.post("/api/external/deals", { title: "Untraced" });
    expect(untraced.status).toBe(201);
    const dispatcher = server.ctx.workers.find(
      (w) => w.name === "webhook-dispatcher",
    ) as WebhookDispatcher;
    await dispatcher.drain();

    const delivered = receiver.received.find((r) => r.path === "/traced");
    const propagated = parseTraceparent(delivered?.headers.traceparent);
    expect(propagated?.traceId).toBe(traceId);
    expect(propagated?.sampled).toBe(true);

    await server.close(); // flushes the exporter
    expect(collector.paths).toContain("/v1/traces");
    const request = collector.spans.find(
      (s) => s.traceId === traceId && s.name === "POST /api/external/deals",
    );
    expect(request?.parentSpanId).toBe(callerSpan);
    expect(attribute(request, "http.response.status_code")).toBe(201);
    const delivery = collector.spans.find(
      (s) => s.traceId === traceId && s.name.startsWith("webhook"),
    );
    expect(delivery?.spanId).toBe(propagated?.spanId);
    expect(delivery?.parentSpanId).toBe(request?.spanId);
    expect(attribute(delivery, "http.response.status_code")).toBe(200);

    const rootTrace = receiver.received
      .map((r) => parseTraceparent(r.headers.traceparent))
      .find((trace) => trace && trace.traceId !== traceId);
    const root = collector.spans.find(
      (s) => s.traceId === rootTrace?.traceId && s.name === "POST /api/external/deals",
    );
    expect(root).toBeDefined();
    expect(root?.parentSpanId).toBeFalsy();
    const rootDelivery = collector.spans.find((s) => s.spanId === rootTrace?.spanId);
    expect(rootDelivery?.name).toStartWith("webhook");
    expect(rootDelivery?.traceId).toBe(root?.traceId as string);
    expect(rootDelivery?.parentSpanId).toBe(root?.spanId);
  });
});
