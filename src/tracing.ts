import { AsyncLocalStorage } from "node:async_hooks";

/** A W3C trace context: what one `traceparent` header carries. */
export interface TraceContext {
  traceId: string;
  spanId: string;
  sampled: boolean;
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
const ZEROS = /^0+$/;

/** Reads a `traceparent` header (version 00); null when absent or malformed, as the spec asks. */
export function parseTraceparent(value: string | null | undefined): TraceContext | null {
  const match = value ? TRACEPARENT.exec(value.trim().toLowerCase()) : null;
  if (!match || ZEROS.test(match[1]) || ZEROS.test(match[2])) return null;
  return {
    traceId: match[1],
    spanId: match[2],
    sampled: (Number.parseInt(match[3], 16) & 1) === 1,
  };
}

export const formatTraceparent = (trace: TraceContext): string =>
  `00-${trace.traceId}-${trace.spanId}-${trace.sampled ? "01" : "00"}`;

export type SpanAttributes = Record<string, string | number | boolean>;

/** A started span: its context (for child spans and headers) and how to end it. */
export interface ActiveSpan {
  context: TraceContext;
  /** Ends the span; `name` replaces the one it started with (a route known only at the end). */
  end(result?: { name?: string; attributes?: SpanAttributes; failed?: boolean }): void;
}

export interface Tracer {
  /** Starts a span, a child of `parent` or the root of a new trace. */
  start(
    name: string,
    kind: "server" | "client",
    parent: TraceContext | null,
    attributes?: SpanAttributes,
  ): ActiveSpan;
  /** Sends what is buffered and stops (server stop). */
  shutdown(): Promise<void>;
}

/** Random bytes drawn a pool at a time: a request's trace and span ids need 24. */
const randomPool = Buffer.alloc(4096);
let poolUsed = randomPool.length;

/** `bytes` random bytes as hex. */
function hex(bytes: number): string {
  if (poolUsed + bytes > randomPool.length) {
    crypto.getRandomValues(randomPool);
    poolUsed = 0;
  }
  const text = randomPool.toString("hex", poolUsed, poolUsed + bytes);
  poolUsed += bytes;
  return text;
}

/**
 * Without an OTLP endpoint spans are not recorded, but trace ids still flow:
 * a request's trace continues into the webhook deliveries it causes.
 */
export const idOnlyTracer: Tracer = {
  start: (_name, _kind, parent) => ({
    context: {
      traceId: parent?.traceId ?? hex(16),
      spanId: hex(8),
      sampled: parent?.sampled ?? false,
    },
    end() {},
  }),
  shutdown: async () => {},
};

/** The trace of the request being served, for the events its writes emit. */
const current = new AsyncLocalStorage<TraceContext>();
export const currentTrace = (): TraceContext | null => current.getStore() ?? null;
export const withTrace = <T>(trace: TraceContext | null, fn: () => T): T =>
  trace ? current.run(trace, fn) : fn();

/** The current trace as a `traceparent` value, or null outside a traced request. */
export function traceparentNow(): string | null {
  const trace = currentTrace();
  return trace ? formatTraceparent(trace) : null;
}

const requestSpans = new WeakMap<Request, ActiveSpan>();

/** Starts the server span of a request, continuing its `traceparent` if it has one. */
export function startRequestSpan(tracer: Tracer, request: Request): ActiveSpan {
  // Spans that are not recorded have nothing to end: the ids are all they give.
  if (tracer === idOnlyTracer)
    return tracer.start(
      request.method,
      "server",
      parseTraceparent(request.headers.get("traceparent")),
    );
  const span = tracer.start(
    request.method,
    "server",
    parseTraceparent(request.headers.get("traceparent")),
    {
      "http.request.method": request.method,
    },
  );
  requestSpans.set(request, span);
  return span;
}

/** Ends the request's span once the route and status are known. */
export function endRequestSpan(request: Request, route: string, status: number) {
  const span = requestSpans.get(request);
  if (!span) return;
  requestSpans.delete(request);
  span.end({
    name: `${request.method} ${route}`,
    attributes: { "http.route": route, "http.response.status_code": status },
    failed: status >= 500,
  });
}
