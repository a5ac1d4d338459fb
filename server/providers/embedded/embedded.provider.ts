/**
 * The embedded offline engine: a deterministic "model" behind the LlmProvider interface. It
 * classifies the request with the shipped router model, asks for the same tools an LLM agent
 * would, and composes and streams its answer from their results.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChatMessage, ChatRequest, LlmProvider, ProviderEvent } from '../provider.js';
import { composeAnswer } from './composer.js';
import { planFollowUp, planInitial, type SeenResult } from './planner.js';

const OWN_INTENT_CONFIDENCE = 0.6;

/** Options of the embedded engine. */
export interface EmbeddedProviderOptions {
  model: string;
  /** The company the answers speak for. */
  company: string;
  /** Classifies a text into route and intent (the router's classifier), with its confidence. */
  classify(text: string): { route: string; intent: string; confidence?: number };
  /** Pause between streamed chunks, so that streaming is real and visible. */
  chunkDelayMs: number;
}

/** Creates the embedded provider. */
export function createEmbeddedProvider(opts: EmbeddedProviderOptions): LlmProvider {
  let callCounter = 0;
  return {
    name: 'embedded',
    model: opts.model,
    async *stream(req: ChatRequest, signal?: AbortSignal): AsyncIterable<ProviderEvent> {
      signal?.throwIfAborted();
      const lastUser = findLastIndex(req.messages, (m) => m.role === 'user');
      const text = lastUser >= 0 ? req.messages[lastUser].content : '';
      const after = req.messages.slice(lastUser + 1);
      const seen: SeenResult[] = after
        .filter((m): m is Extract<ChatMessage, { role: 'tool' }> => m.role === 'tool')
        .map((m) => ({ name: m.name, output: safeJson(m.content) }));
      const classified =
        req.hints?.intent && req.hints.route
          ? { intent: req.hints.intent, route: req.hints.route }
          : opts.classify(text);
      const available = new Set(req.tools.map((t) => t.name));
      const promptTokens = estimateTokens(req.messages.map((m) => m.content).join(' '));

      const calls =
        seen.length === 0
          ? planInitial(classified.intent, classified.route, text, available)
          : planFollowUp(classified.intent, text, seen, available);
      if (calls.length > 0) {
        for (const c of calls)
          yield {
            type: 'tool_call',
            call: { id: `call_${++callCounter}`, name: c.name, arguments: JSON.stringify(c.args) },
          };
        yield {
          type: 'usage',
          usage: { promptTokens, completionTokens: calls.length * 12, totalTokens: promptTokens + calls.length * 12 },
        };
        yield { type: 'done', finishReason: 'tool_calls' };
        return;
      }
      const customerName = /^Customer: (.+)$/m.exec(req.messages.find((m) => m.role === 'system')?.content ?? '')?.[1];
      // What the message itself is about, when that is clear (a follow-up may keep an agent whose
      // intent no longer fits): it picks the answer's first line.
      const own = text.trim() ? opts.classify(text) : undefined;
      const ownIntent = own && (own.confidence ?? 1) >= OWN_INTENT_CONFIDENCE ? own.intent : undefined;
      const answer = composeAnswer(req.agent, classified.intent, text, seen, {
        customerName,
        ownIntent,
        company: opts.company,
      });
      for (const chunk of chunks(answer)) {
        signal?.throwIfAborted();
        yield { type: 'token', text: chunk };
        if (opts.chunkDelayMs > 0) await sleep(opts.chunkDelayMs, undefined, { signal });
      }
      const completionTokens = estimateTokens(answer);
      yield { type: 'usage', usage: { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens } };
      yield { type: 'done', finishReason: 'stop' };
    },
  };
}

/** Splits text into token-sized pieces (a word with its following space or punctuation). */
function chunks(text: string): string[] {
  return text.match(/\s*\S+\s*/g) ?? [];
}

/** A rough token count (about four characters a token), reported as the engine's usage. */
function estimateTokens(s: string): number {
  return Math.ceil(s.length / 4);
}

function safeJson(s: string): Record<string, unknown> {
  try {
    return JSON.parse(s) as Record<string, unknown>;
  } catch {
    return {};
  }
}

function findLastIndex<T>(xs: T[], pred: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (pred(xs[i])) return i;
  return -1;
}
