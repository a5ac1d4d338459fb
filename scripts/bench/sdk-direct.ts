/**
 * Child process: stage (a), the scripted stream read directly with the openai SDK, in a closed
 * loop run here (so that this process's CPU is what reading the stream costs).
 * Commands: start({ baseURL, model }), closed(ClosedRun) -> LoopResult, stop.
 */
import OpenAI from 'openai';
import { serveChild } from './child-runtime.js';
import { type CaseSample, closedLoop } from './load.js';

/** One closed-loop run, as the parent asks for it. */
interface ClosedRun {
  concurrency: number;
  durationMs?: number;
  maxCases: number;
  minPerWorker?: number;
  caseTimeoutMs: number;
}

let sdk: OpenAI | null = null;
let model = 'gpt-5-mini';

async function oneStream(client: OpenAI, t0: number, signal: AbortSignal): Promise<CaseSample> {
  let first = 0;
  let tokens = 0;
  const stream = await client.chat.completions.create(
    {
      model,
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      stream_options: { include_usage: true },
    },
    { signal },
  );
  for await (const chunk of stream) {
    if (!chunk.choices[0]?.delta?.content) continue;
    if (tokens++ === 0) first = performance.now();
  }
  if (tokens === 0) throw new Error('the stream had no token');
  return { ttftMs: first - t0, ttltMs: performance.now() - t0, tokens };
}

serveChild({
  start: (args: { baseURL: string; model: string }) => {
    sdk = new OpenAI({ apiKey: 'bench', baseURL: args.baseURL, maxRetries: 0 });
    model = args.model;
    return null;
  },
  closed: (run: ClosedRun) => {
    const client = sdk;
    if (!client) throw new Error('start first');
    return closedLoop({ ...run, runCase: (_n, _w, t0, signal) => oneStream(client, t0, signal) });
  },
});
