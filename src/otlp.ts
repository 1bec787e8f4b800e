import {
  type Attributes,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  TraceFlags,
  trace,
} from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import type { Tracer } from "./tracing";

/**
 * Exports spans over OTLP/HTTP (JSON) to `${endpoint}/v1/traces`, the
 * OpenTelemetry SDK batching them. Loaded only when an endpoint is set.
 */
export function otlpTracer(endpoint: string, serviceName: string): Tracer {
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ "service.name": serviceName }),
    spanProcessors: [
      new BatchSpanProcessor({
        exporter: new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, "")}/v1/traces` }),
      }),
    ],
  });
  const tracer = provider.getTracer("crmd");
  return {
    start(name, kind, parent, attributes) {
      const context = parent
        ? trace.setSpanContext(ROOT_CONTEXT, {
            traceId: parent.traceId,
            spanId: parent.spanId,
            traceFlags: parent.sampled ? TraceFlags.SAMPLED : TraceFlags.NONE,
            isRemote: true,
          })
        : ROOT_CONTEXT;
      const span = tracer.startSpan(
        name,
        {
          kind: kind === "server" ? SpanKind.SERVER : SpanKind.CLIENT,
          attributes: attributes as Attributes,
        },
        context,
      );
      const { traceId, spanId, traceFlags } = span.spanContext();
      return {
        context: {
          traceId,
          spanId,
          sampled: (traceFlags & TraceFlags.SAMPLED) === TraceFlags.SAMPLED,
        },
        end({ name, attributes: more, failed } = {}) {
          if (name) span.updateName(name);
          if (more) span.setAttributes(more);
          if (failed) span.setStatus({ code: SpanStatusCode.ERROR });
          span.end();
        },
      };
    },
    shutdown: () => provider.shutdown(),
  };
}
