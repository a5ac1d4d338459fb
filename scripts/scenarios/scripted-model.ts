/**
 * The scripted model for `--provider openai`: the tests' OpenAI-compatible server
 * (test/helpers/openai-stub.ts), whose script for each request is what the embedded engine's
 * planner would call (tool calls over the wire) and, once the tools answered, the embedded
 * composer's text. The desk then runs the real openai SDK path: tool-call parsing, tool
 * execution with consent, tool results sent back, the streamed answer.
 */
import { AGENTS } from '../../server/agents/definitions/index.js';
import type { Router } from '../../server/agents/router/router.js';
import { composeAnswer } from '../../server/providers/embedded/composer.js';
import { planFollowUp, planInitial, type SeenResult } from '../../server/providers/embedded/planner.js';
import { type RecordedRequest, type ScriptedTurn, startOpenAiStub } from '../../test/helpers/openai-stub.js';

/** The running scripted model. */
export interface ScriptedModel {
  url: string;
  /** The router whose classifier reads the customer's message (the desk's own). */
  setRouter(router: Router): void;
  /** Chat requests answered so far. */
  readonly requests: number;
  close(): Promise<void>;
}

interface WireMessage {
  role: string;
  content?: string | null;
  tool_calls?: { id: string; function: { name: string; arguments: string } }[];
  tool_call_id?: string;
}

const ROUTE_BY_TITLE = Object.values(AGENTS).map((a) => [a.title, a.name] as const);

/** Starts the scripted model server on 127.0.0.1. */
export async function startScriptedModel(): Promise<ScriptedModel> {
  const stub = await startOpenAiStub();
  let router: Router | null = null;
  stub.onRequest((r) => (router ? turnFor(router, r) : { kind: 'status', status: 500, shouldRetry: false }));
  return {
    url: stub.url,
    setRouter(r) {
      router = r;
    },
    get requests() {
      return stub.chatRequests.length;
    },
    close: () => stub.close(),
  };
}

function turnFor(router: Router, r: RecordedRequest): ScriptedTurn {
  const messages = (r.body?.messages ?? []) as WireMessage[];
  const system = messages.find((m) => m.role === 'system')?.content ?? '';
  const route = ROUTE_BY_TITLE.find(([title]) => system.includes(`You are the ${title} `))?.[1] ?? 'general';
  let lastUser = -1;
  for (let i = messages.length - 1; i >= 0; i--)
    if (messages[i].role === 'user') {
      lastUser = i;
      break;
    }
  const text = lastUser >= 0 ? (messages[lastUser].content ?? '') : '';
  const after = messages.slice(lastUser + 1);
  const names = new Map<string, string>();
  for (const m of after) for (const c of m.tool_calls ?? []) names.set(c.id, c.function.name);
  const seen: SeenResult[] = after
    .filter((m) => m.role === 'tool')
    .map((m) => ({ name: names.get(m.tool_call_id ?? '') ?? '', output: parse(m.content ?? '') }));
  const d = router.route(text);
  const intent = d.route === route ? d.intent : router.classify(text).intent;
  const available = new Set(((r.body?.tools ?? []) as { function: { name: string } }[]).map((t) => t.function.name));
  const calls =
    seen.length === 0 ? planInitial(intent, route, text, available) : planFollowUp(intent, text, seen, available);
  if (calls.length)
    return { kind: 'tool_calls', calls: calls.map((c) => ({ name: c.name, arguments: JSON.stringify(c.args) })) };
  const customerName = /^Customer: (.+)$/m.exec(system)?.[1];
  const own = router.classify(text);
  return {
    kind: 'text',
    text: composeAnswer(route, intent, text, seen, {
      customerName,
      ownIntent: own.confidence >= 0.6 ? own.intent : undefined,
      company: /of (.+?)'s support desk/.exec(system)?.[1],
    }),
    chunkSize: 24,
  };
}

function parse(s: string): Record<string, unknown> {
  try {
    return JSON.parse(s) as Record<string, unknown>;
  } catch {
    return {};
  }
}
