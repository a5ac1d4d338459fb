/**
 * `npm run bench:provider`: the overhead crewdesk adds to a model's stream. The scripted
 * OpenAI-compatible server on 127.0.0.1 emits N tokens at a fixed pace; we measure time to first
 * and last token as a graphql-ws subscriber of crewdesk sees them, and the same stream read
 * directly with the openai SDK, at several concurrency levels. Prints figures; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createClient } from 'graphql-ws';
import OpenAI from 'openai';
import WebSocket from 'ws';
import { createApp } from '../server/app.js';
import { createTokenService } from '../server/auth/tokens.js';
import { loadConfig } from '../server/config.js';
import { startOpenAiStub } from '../test/helpers/openai-stub.js';

const { values } = parseArgs({
  options: {
    tokens: { type: 'string', default: '100' },
    pace: { type: 'string', default: '5' },
    levels: { type: 'string', default: '1,10,100' },
    rounds: { type: 'string', default: '3' },
  },
});
const TOKENS = Number(values.tokens);
const PACE = Number(values.pace);
const text = Array.from({ length: TOKENS }, (_, i) => `w${i % 10}x`).join(''); // 4 characters a token
const BENCH_SECRET = 'bench-secret-0123456789-0123456789-xyz';
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

const stub = await startOpenAiStub();
stub.onRequest(() => ({
  kind: 'text',
  text,
  chunkSize: 4,
  delayMs: PACE,
  usage: { prompt_tokens: 500, completion_tokens: TOKENS },
}));
const dir = mkdtempSync(join(tmpdir(), 'crewdesk-bench-provider-'));
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
      LLM_PROVIDER: 'openai',
      OPENAI_API_KEY: 'bench',
      OPENAI_BASE_URL: stub.url,
      ROUTER: 'embedded',
      GUARDRAILS: 'false',
      WORKER_CONCURRENCY: '128',
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
const sdk = new OpenAI({ apiKey: 'bench', baseURL: stub.url, maxRetries: 0 });
const ws = createClient({
  url: running.wsUrl,
  webSocketImpl: WebSocket,
  retryAttempts: 0,
  connectionParams: { authorization: bearerFor('bench', 'operator') },
});

async function direct(): Promise<{ first: number; last: number }> {
  const t0 = performance.now();
  let first = 0;
  const stream = await sdk.chat.completions.create({
    model: 'gpt-5-mini',
    messages: [{ role: 'user', content: 'hi' }],
    stream: true,
    stream_options: { include_usage: true },
  });
  for await (const chunk of stream) if (!first && chunk.choices[0]?.delta?.content) first = performance.now();
  return { first: first - t0, last: performance.now() - t0 };
}

async function viaDesk(i: number): Promise<{ first: number; last: number }> {
  const t0 = performance.now();
  const res = await fetch(running.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: bearerFor(`bench-${i}`, 'customer') },
    body: JSON.stringify({
      query: 'mutation($m: String!) { submitRequest(input: { message: $m, requestType: GENERAL }) { case { id } } }',
      variables: { m: `question ${i}` },
    }),
  });
  const caseId = ((await res.json()) as { data: { submitRequest: { case: { id: string } } } }).data.submitRequest.case
    .id;
  return new Promise((resolve, reject) => {
    let first = 0;
    const dispose = ws.subscribe<{ caseEvents: { __typename: string } }>(
      {
        query: 'subscription($id: ID!) { caseEvents(caseId: $id, after: 0) { __typename } }',
        variables: { id: caseId },
      },
      {
        next: (m) => {
          if (m.errors?.length) return reject(new Error(m.errors[0].message));
          const type = m.data?.caseEvents.__typename;
          if (type === 'TokenDelta' && !first) first = performance.now();
          if (type === 'MessageCompleted') {
            dispose();
            resolve({ first: first - t0, last: performance.now() - t0 });
          }
        },
        error: reject,
        complete: () => reject(new Error('stream ended early')),
      },
    );
  });
}

console.log(`scripted stream: ${TOKENS} tokens, one every ${PACE} ms; ${values.rounds} rounds per level`);
let n = 0;
for (const level of values.levels.split(',').map(Number)) {
  const d: { first: number; last: number }[] = [];
  const c: { first: number; last: number }[] = [];
  for (let round = 0; round < Number(values.rounds); round++) {
    d.push(...(await Promise.all(Array.from({ length: level }, () => direct()))));
    c.push(...(await Promise.all(Array.from({ length: level }, () => viaDesk(n++)))));
  }
  const line = (label: string, pick: (x: { first: number; last: number }) => number) => {
    const dp50 = pct(d.map(pick), 50);
    const cp50 = pct(c.map(pick), 50);
    const dp99 = pct(d.map(pick), 99);
    const cp99 = pct(c.map(pick), 99);
    console.log(
      `  ${label}: direct p50 ${dp50.toFixed(1)} p99 ${dp99.toFixed(1)} ms | crewdesk p50 ${cp50.toFixed(1)} p99 ${cp99.toFixed(1)} ms | overhead p50 ${(cp50 - dp50).toFixed(1)} ms (x${(cp50 / dp50).toFixed(2)}), p99 ${(cp99 - dp99).toFixed(1)} ms (x${(cp99 / dp99).toFixed(2)})`,
    );
  };
  console.log(`${level} concurrent (${d.length} streams each way)`);
  line('first token', (x) => x.first);
  line('last token ', (x) => x.last);
}
await ws.dispose();
await app.stop();
await stub.close();
rmSync(dir, { recursive: true, force: true });
