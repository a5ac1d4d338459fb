/**
 * runAgent's `ready`: the run asks the model at once, while what must be stored before any of its
 * output (the routing that starts its message) commits, and nothing of the run goes out before
 * that: no token, no tool run, no tool event. The real openai SDK talks to the scripted stub.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AgentRunInput, runAgent } from '../../server/agents/agent-runner.js';
import { AGENTS } from '../../server/agents/definitions/index.js';
import { createOpenAiProvider } from '../../server/providers/openai/openai.provider.js';
import { type OpenAiStub, startOpenAiStub } from '../helpers/openai-stub.js';
import { until } from '../helpers/until.js';

let stub: OpenAiStub;
beforeAll(async () => {
  stub = await startOpenAiStub();
});
afterAll(() => stub.close());
beforeEach(() => stub.reset());

/** A promise resolved (or rejected) by the test. */
function gate() {
  let open!: () => void;
  let fail!: (err: Error) => void;
  const promise = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

/** What a run did, in order. */
function recorder() {
  const seen: string[] = [];
  const escalations: string[] = [];
  const input = (ready: Promise<unknown>): AgentRunInput => ({
    agent: AGENTS.general,
    agents: AGENTS,
    provider: createOpenAiProvider({
      apiKey: 'sk-test',
      baseURL: stub.url,
      model: 'gpt-4o-mini',
      maxRetries: 0,
      firstTokenTimeoutMs: 10_000,
      totalTimeoutMs: 10_000,
      limits: { requestsPerMinute: 0, tokensPerMinute: 0 },
    }),
    modelFor: () => 'gpt-4o-mini',
    company: 'Acme',
    history: [],
    request: 'I want to talk to a person',
    maxTurns: 4,
    ready,
    hooks: {
      onToken: (t) => {
        seen.push(`token:${t}`);
      },
      onToolCalled: (r) => {
        seen.push(`tool:${r.name}`);
      },
    },
    toolContext: {
      caseId: 'case-1',
      data: {} as never,
      kb: {} as never,
      desk: {
        async escalate(reason) {
          escalations.push(reason);
          seen.push('escalated');
          return { status: 'ESCALATED', priority: 'NORMAL' };
        },
      },
      now: new Date(),
    },
  });
  return { seen, escalations, input };
}

/** Starts a run behind a closed gate; resolves once its request went out and it has had time to answer. */
async function startGated() {
  const g = gate();
  const r = recorder();
  const run = runAgent(r.input(g.promise));
  await until(() => stub.chatRequests.length === 1);
  await new Promise((res) => setTimeout(res, 50));
  return { g, r, run };
}

describe('runAgent with ready', () => {
  it('asks the model at once but streams nothing before ready resolves, then every token in order', async () => {
    stub.enqueue({ kind: 'text', text: 'Hello there, how can I help?', chunkSize: 6 });
    // The request went out, and its whole answer came back, while ready was pending.
    const { g, r, run } = await startGated();
    expect(r.seen).toEqual([]);
    g.open();
    const result = await run;
    expect(r.seen.join('|')).toBe('token:Hello |token:there,|token: how c|token:an I h|token:elp?');
    expect(result.content).toBe('Hello there, how can I help?');
  });

  it('runs no tool before ready resolves', async () => {
    stub.enqueue(
      { kind: 'tool_calls', calls: [{ name: 'escalate_to_human', arguments: '{"reason":"asks for a person"}' }] },
      { kind: 'text', text: 'A colleague will take over.' },
    );
    const { g, r, run } = await startGated();
    expect(r.seen).toEqual([]);
    expect(stub.chatRequests).toHaveLength(1);
    g.open();
    await run;
    expect(r.escalations).toEqual(['asks for a person']);
    expect(r.seen.slice(0, 2)).toEqual(['escalated', 'tool:escalate_to_human']);
    expect(r.seen.slice(2).every((s) => s.startsWith('token:'))).toBe(true);
  });

  it('ends with ready’s error, having said nothing, when ready rejects', async () => {
    stub.enqueue({ kind: 'text', text: 'This must never be seen.' });
    const g = gate();
    const r = recorder();
    const run = runAgent(r.input(g.promise));
    await until(() => stub.chatRequests.length === 1);
    g.fail(new Error('routing failed'));
    await expect(run).rejects.toThrow('routing failed');
    expect(r.seen).toEqual([]);
  });
});
