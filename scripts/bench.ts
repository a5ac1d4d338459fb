/**
 * `npm run bench`: prints figures, asserts nothing.
 *  1. the router: time to route one message (classifier, signals and crew split);
 *  2. the desk end to end on 127.0.0.1: submit latency, time to first token and to the full
 *     answer as a graphql-ws subscriber sees them, at several concurrency levels;
 *  3. memory of the process before and after.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { readCorpusDir } from '../server/agents/router/dataset.js';
import { loadClassifier, Router } from '../server/agents/router/router.js';
import { createApp } from '../server/app.js';
import { createTokenService } from '../server/auth/tokens.js';
import { loadConfig, ROOT_DIR } from '../server/config.js';

const { values } = parseArgs({
  options: { requests: { type: 'string', default: '200' }, levels: { type: 'string', default: '1,10,50' } },
});
const BENCH_SECRET = 'bench-secret-0123456789-0123456789-xyz';
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
};
const fmt = (xs: number[]) =>
  `p50 ${pct(xs, 50).toFixed(2)} ms  p99 ${pct(xs, 99).toFixed(2)} ms  max ${Math.max(...xs).toFixed(2)} ms`;
const mem = () => {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return `rss ${(m.rss / 2 ** 20).toFixed(0)} MiB, heap ${(m.heapUsed / 2 ** 20).toFixed(0)} MiB`;
};

console.log(`node ${process.version}; ${mem()}`);

// 1. Router
const config0 = loadConfig({}, false);
const t0 = performance.now();
const router = new Router(loadClassifier(config0.routerModelPath), {
  confidenceThreshold: 0.4,
  lowConfidenceRoute: 'general',
});
console.log(
  `\nrouter: model loaded in ${(performance.now() - t0).toFixed(0)} ms (${router.classifier.featureCount} features, ${router.classifier.intents.length} intents)`,
);
const texts = readCorpusDir(resolve(ROOT_DIR, 'server/agents/router/corpus')).map((e) => e.text);
for (const t of texts.slice(0, 200)) router.route(t); // warm-up
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
const avgLen = texts.reduce((n, t) => n + t.length, 0) / texts.length;
console.log(`  classify only      (${texts.length} messages, avg ${avgLen.toFixed(0)} chars): ${fmt(classifyMs)}`);
console.log(`  full route + split (${texts.length} messages): ${fmt(routeMs)}`);

// 2. End to end
const dir = mkdtempSync(join(tmpdir(), 'crewdesk-bench-'));
const app = createApp(
  loadConfig(
    {
      DATABASE_URL: `sqlite:${join(dir, 'bench.sqlite')}`,
      PORT: '0',
      LOG_LEVEL: 'error',
      JWT_SECRET: BENCH_SECRET,
      RATE_LIMIT_PER_MINUTE: '1000000',
      WS_MAX_CONNECTIONS_PER_IDENTITY: '1000',
      WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: '10000',
      STREAM_CHUNK_DELAY_MS: '0',
      WORKER_CONCURRENCY: '8',
    },
    false,
  ),
);
const running = await app.start();
const signer = createTokenService({
  algorithms: ['HS256'],
  verifyKey: BENCH_SECRET,
  signingKey: BENCH_SECRET,
  clockToleranceSec: 5,
});
const bearerFor = (sub: string, role: 'customer' | 'operator') => `Bearer ${signer.sign({ sub, role }, 3600).token}`;
console.log(
  `\ndesk end to end on ${running.url} (embedded engine, no streaming delay, WORKER_CONCURRENCY=8); ${mem()}`,
);
// The watcher connects as an operator, who may stream every customer's case.
const client = createClient({
  url: running.wsUrl,
  webSocketImpl: WebSocket,
  retryAttempts: 0,
  connectionParams: { authorization: bearerFor('bench', 'operator') },
});
const samples = [
  'Where is my order BW-100214?',
  'Can I get invoice INV-2026-0136?',
  'The app shows error BW-1001 and my hub is offline',
  'How much does it cost to cancel early?',
  'wifi is really slow every evening',
];

async function one(i: number): Promise<{ submit: number; ttft: number; total: number }> {
  const started = performance.now();
  const res = await fetch(running.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: bearerFor(`bench-${i % 50}`, 'customer') },
    body: JSON.stringify({
      query: 'mutation($m: String!) { submitRequest(input: { message: $m }) { case { id } } }',
      variables: { m: samples[i % samples.length] },
    }),
  });
  const body = (await res.json()) as { data: { submitRequest: { case: { id: string } } } };
  const submitted = performance.now();
  const caseId = body.data.submitRequest.case.id;
  return new Promise((resolveRun, reject) => {
    let firstToken = 0;
    const dispose = client.subscribe<{ caseEvents: { __typename: string } }>(
      {
        query: 'subscription($id: ID!) { caseEvents(caseId: $id, after: 0) { __typename } }',
        variables: { id: caseId },
      },
      {
        next: (m) => {
          if (m.errors?.length) return reject(new Error(m.errors[0].message));
          const type = m.data?.caseEvents.__typename;
          if (type === 'TokenDelta' && !firstToken) firstToken = performance.now();
          if (type === 'MessageCompleted') {
            const done = performance.now();
            dispose();
            resolveRun({ submit: submitted - started, ttft: (firstToken || done) - started, total: done - started });
          }
        },
        error: reject,
        complete: () => reject(new Error('stream ended before the answer completed')),
      },
    );
  });
}

const requests = Number(values.requests);
for (const level of values.levels.split(',').map(Number)) {
  const results: { submit: number; ttft: number; total: number }[] = [];
  let next = 0;
  const t1 = performance.now();
  await Promise.all(
    Array.from({ length: level }, async () => {
      while (next < requests) results.push(await one(next++));
    }),
  );
  const secs = (performance.now() - t1) / 1000;
  console.log(`  ${level} concurrent, ${requests} requests, ${(requests / secs).toFixed(1)} answers/s`);
  console.log(`    submit (stored, returned):  ${fmt(results.map((r) => r.submit))}`);
  console.log(`    time to first token:        ${fmt(results.map((r) => r.ttft))}`);
  console.log(`    time to full answer:        ${fmt(results.map((r) => r.total))}`);
}
console.log(`\nafter the run: ${mem()}`);
await client.dispose();
await app.stop();
rmSync(dir, { recursive: true, force: true });
