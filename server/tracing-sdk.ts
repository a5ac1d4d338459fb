/**
 * The OpenTelemetry SDK parts tracing starts, in a module of their own that `tracing.ts` imports
 * only when tracing is on. Imported statically here, so the built bundle keeps their named exports
 * (a dynamic import of a CommonJS package from the bundle would see only its default export).
 */
export { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
export { BatchSpanProcessor, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
