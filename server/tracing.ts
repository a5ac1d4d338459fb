/**
 * Traces (OpenTelemetry). The code uses `@opentelemetry/api` only: with no SDK registered every
 * call is the API's no-op. The SDK (sdk-trace-node with the OTLP/HTTP exporter) is imported and
 * started only when OTEL_EXPORTER_OTLP_ENDPOINT is set, or when a test hands in an exporter.
 */
import {
  type Attributes,
  type Context,
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanStatusCode,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { redactText } from './security/redact-text.js';

/**
 * The tracer every crewdesk span comes from: the API's (no-op) one, or the started SDK's. Taken
 * again at each start and stop, since `trace.disable()` replaces the API's proxy provider (an app
 * stopped and started in one process would otherwise trace into the stopped SDK).
 */
let tracer: Tracer = trace.getTracer('crewdesk');

/** The started tracing (a no-op shutdown when it is off). */
export interface Tracing {
  readonly enabled: boolean;
  /** Flushes pending spans and unregisters the SDK. */
  shutdown(): Promise<void>;
}

/**
 * Starts the SDK when an endpoint (the OTLP base URL; spans go to `<endpoint>/v1/traces`) or an
 * exporter is given; otherwise does nothing, loads nothing and the API stays no-op.
 */
export async function startTracing(opts: { endpoint?: string; exporter?: SpanExporter }): Promise<Tracing> {
  if (!opts.endpoint && !opts.exporter) return { enabled: false, shutdown: async () => {} };
  const { NodeTracerProvider, BatchSpanProcessor, SimpleSpanProcessor, OTLPTraceExporter } = await import(
    './tracing-sdk.js'
  );
  let processor: InstanceType<typeof SimpleSpanProcessor> | InstanceType<typeof BatchSpanProcessor>;
  if (opts.exporter) processor = new SimpleSpanProcessor(opts.exporter);
  else {
    const url = `${String(opts.endpoint).replace(/\/+$/, '')}/v1/traces`;
    processor = new BatchSpanProcessor(new OTLPTraceExporter({ url }));
  }
  const provider = new NodeTracerProvider({ spanProcessors: [processor] });
  // AsyncLocalStorage context and the W3C trace-context propagator (traceparent, tracestate).
  provider.register();
  tracer = trace.getTracer('crewdesk');
  return {
    enabled: true,
    async shutdown() {
      // Flushed first: a flush waits for the exporter's answer, a bare shutdown may not.
      await provider.forceFlush().catch(() => undefined);
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
      tracer = trace.getTracer('crewdesk');
    },
  };
}

/** The trace context a carrier (incoming headers, or a turn's stored trace) names; ROOT_CONTEXT when none. */
export function extractTrace(carrier: Record<string, string> | undefined): Context {
  return carrier ? propagation.extract(ROOT_CONTEXT, carrier) : ROOT_CONTEXT;
}

/** The trace headers of an HTTP request (`traceparent`, `tracestate`), when it sent any. */
export function traceHeaders(headers: { get(name: string): string | null }): Record<string, string> | undefined {
  const parent = headers.get('traceparent');
  if (!parent) return undefined;
  const state = headers.get('tracestate');
  return state ? { traceparent: parent, tracestate: state } : { traceparent: parent };
}

/** The carrier that makes later work a child of `span` (empty with tracing off). */
export function injectTrace(span: Span, parent: Context = ROOT_CONTEXT): Record<string, string> | undefined {
  if (!span.isRecording()) return undefined;
  const carrier: Record<string, string> = {};
  propagation.inject(trace.setSpan(parent, span), carrier);
  return carrier;
}

/**
 * Runs `fn` in a span that is the active one meanwhile (a child of the active span, or of
 * `parent`); ends it, recording a thrown error.
 */
export function inSpan<T>(
  name: string,
  attributes: Attributes,
  fn: (span: Span) => Promise<T>,
  parent: Context = context.active(),
): Promise<T> {
  return tracer.startActiveSpan(name, { attributes }, parent, async (span) => {
    try {
      return await fn(span);
    } catch (err) {
      // Messages can quote customers: redacted as on log lines, and no stack.
      const message = redactText(String((err as Error)?.message ?? err));
      span.recordException({ name: (err as Error)?.name ?? 'Error', message });
      span.setStatus({ code: SpanStatusCode.ERROR, message });
      throw err;
    } finally {
      span.end();
    }
  });
}
