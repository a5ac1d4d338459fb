/**
 * Child process: the scripted OpenAI-compatible server of the tests (test/helpers/openai-stub.ts),
 * in a process of its own so that its CPU is never counted as a measured server's. Every chat
 * request gets the same answer: `tokens` one-word tokens, `paceMs` apart.
 * Commands: start({ tokens, paceMs, seed }) -> { url }, requests -> chat requests so far, stop.
 */
import { type OpenAiStub, startOpenAiStub } from '../../test/helpers/openai-stub.js';
import { serveChild } from './child-runtime.js';
import { scriptedAnswer, TOKEN_CHARS } from './workload.js';

let stub: OpenAiStub | null = null;
let chatRequests = 0;

serveChild({
  start: async (args: { tokens: number; paceMs: number; seed: number }) => {
    const text = scriptedAnswer(args.tokens, args.seed);
    stub = await startOpenAiStub();
    const requests = stub.requests;
    stub.onRequest(() => {
      chatRequests++;
      // The stub records every request; the bench sends many thousands and never reads them.
      requests.length = 0;
      return {
        kind: 'text',
        text,
        chunkSize: TOKEN_CHARS,
        delayMs: args.paceMs,
        usage: { prompt_tokens: 500, completion_tokens: args.tokens },
      };
    });
    return { url: stub.url };
  },
  requests: () => chatRequests,
  stop: () => stub?.close(),
});
