/** The router micro-bench: time to classify one message, and to route it (classifier, signals, crew split). */
import { resolve } from 'node:path';
import { readCorpusDir } from '../../server/agents/router/dataset.js';
import { loadClassifier, Router } from '../../server/agents/router/router.js';
import { loadConfig, ROOT_DIR } from '../../server/config.js';

/** What the router micro-bench measured. */
export interface RouterResult {
  loadMs: number;
  features: number;
  intents: number;
  messages: number;
  avgChars: number;
  classifyMs: number[];
  routeMs: number[];
}

const WARM_UP = 200;

/** Runs in this process, over the shipped corpus (the first `limit` messages when given). */
export function runRouterBench(limit?: number): RouterResult {
  const config = loadConfig({}, false);
  const t0 = performance.now();
  const router = new Router(loadClassifier(config.routerModelPath), {
    confidenceThreshold: config.ROUTER_CONFIDENCE_THRESHOLD,
    lowConfidenceRoute: config.LOW_CONFIDENCE_ROUTE,
  });
  const loadMs = performance.now() - t0;
  const texts = readCorpusDir(resolve(ROOT_DIR, 'server/agents/router/corpus'))
    .map((e) => e.text)
    .slice(0, limit);
  for (const t of texts.slice(0, WARM_UP)) router.route(t);
  const classifyMs: number[] = [];
  const routeMs: number[] = [];
  for (const t of texts) {
    let s = performance.now();
    router.classify(t);
    classifyMs.push(performance.now() - s);
    s = performance.now();
    router.route(t);
    routeMs.push(performance.now() - s);
  }
  return {
    loadMs,
    features: router.classifier.featureCount,
    intents: router.classifier.intents.length,
    messages: texts.length,
    avgChars: texts.reduce((n, t) => n + t.length, 0) / Math.max(1, texts.length),
    classifyMs,
    routeMs,
  };
}
