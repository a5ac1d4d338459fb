/**
 * The openai provider: the official SDK against OpenAI or any compatible server (Ollama, vLLM,
 * llama.cpp server, LM Studio, Azure via base URL). Streams text and tool-call deltas, reports
 * usage, and bounds every call: first-token and total timeouts, the SDK's retries with backoff
 * (429 and 5xx, honouring Retry-After) and an outbound rate limiter.
 */
import OpenAI from 'openai';
import type {
  ChatCompletionChunk,
  ChatCompletionMessageParam,
  ChatCompletionTool,
} from 'openai/resources/chat/completions';
import type { z } from 'zod';
import type { ChatMessage, ChatRequest, LlmProvider, ProviderEvent, ToolCallRequest, ToolSpec } from '../provider.js';
import { ProviderError, type ProviderFailure } from '../provider-error.js';
import { OutboundLimiter, type RateLimits } from './rate-limiter.js';

/** Settings of the openai provider. */
export interface OpenAiProviderOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
  maxRetries: number;
  firstTokenTimeoutMs: number;
  totalTimeoutMs: number;
  limits: RateLimits;
}

/** A request for structured (JSON schema) output. */
interface StructuredRequest<T> {
  model: string;
  name: string;
  system: string;
  user: string;
  schema: z.ZodType<T>;
  jsonSchema: Record<string, unknown>;
  signal?: AbortSignal;
}

/** The openai provider, plus structured completions for routing, guardrails and summaries. */
export interface OpenAiProvider extends LlmProvider {
  complete<T>(
    req: StructuredRequest<T>,
  ): Promise<{ value: T; usage: { promptTokens: number; completionTokens: number; totalTokens: number } }>;
}

function toOpenAiMessages(messages: ChatMessage[]): ChatCompletionMessageParam[] {
  return messages.map((m): ChatCompletionMessageParam => {
    switch (m.role) {
      case 'system':
      case 'user':
        return { role: m.role, content: m.content };
      case 'assistant':
        return m.toolCalls?.length
          ? {
              role: 'assistant',
              content: m.content || null,
              tool_calls: m.toolCalls.map((c) => ({
                id: c.id,
                type: 'function',
                function: { name: c.name, arguments: c.arguments },
              })),
            }
          : { role: 'assistant', content: m.content };
      case 'tool':
        return { role: 'tool', tool_call_id: m.toolCallId, content: m.content };
      default: {
        const unknown: never = m;
        throw new Error(`unknown chat message role in ${JSON.stringify(unknown)}`);
      }
    }
  });
}

const toolCache = new WeakMap<ToolSpec[], ChatCompletionTool[]>();

/** The SDK's tool list for a list of specs (agents reuse theirs, so it is built once per list). */
function openAiTools(specs: ToolSpec[]): ChatCompletionTool[] {
  let tools = toolCache.get(specs);
  if (!tools) {
    tools = specs.map((t) => ({
      type: 'function',
      function: { name: t.name, description: t.description, parameters: t.parameters },
    }));
    toolCache.set(specs, tools);
  }
  return tools;
}

/** Rough token estimate for the limiter (about four characters a token). */
function estimate(req: ChatRequest): number {
  return Math.ceil((JSON.stringify(req.messages).length + JSON.stringify(req.tools).length) / 4) + 512;
}

/** Maps SDK errors to provider failures. */
function classify(err: unknown, phase: { firstToken: boolean; timedOut: ProviderFailure | null }): ProviderError {
  if (err instanceof ProviderError) return err;
  if (phase.timedOut)
    return new ProviderError(
      phase.timedOut === 'first_token_timeout' ? 'no first token in time' : 'the answer took too long',
      phase.timedOut,
    );
  if (err instanceof OpenAI.APIError && err.status !== undefined) {
    const s = err.status;
    const kind: ProviderFailure =
      s === 429 ? 'rate_limited' : s === 401 || s === 403 ? 'auth' : s >= 500 ? 'server_error' : 'bad_request';
    return new ProviderError(`model API answered ${s}`, kind, s);
  }
  if (phase.firstToken) return new ProviderError('the stream was cut mid-answer', 'stream_cut');
  if (err instanceof OpenAI.APIConnectionTimeoutError) return new ProviderError('the model API timed out', 'timeout');
  return new ProviderError(`could not reach the model API: ${(err as Error).message}`, 'connection');
}

/** Creates the openai provider. */
export function createOpenAiProvider(opts: OpenAiProviderOptions): OpenAiProvider {
  const client = new OpenAI({
    apiKey: opts.apiKey,
    baseURL: opts.baseURL,
    maxRetries: opts.maxRetries,
    timeout: opts.totalTimeoutMs,
  });
  // No limits set: no limiter, and no token estimate (JSON of messages and tools) per call.
  const limiter =
    opts.limits.requestsPerMinute > 0 || opts.limits.tokensPerMinute > 0 ? new OutboundLimiter(opts.limits) : null;

  return {
    name: 'openai',
    model: opts.model,

    async *stream(req: ChatRequest, signal?: AbortSignal): AsyncIterable<ProviderEvent> {
      const estimated = limiter ? estimate(req) : 0;
      await limiter?.acquire(estimated, signal);
      const controller = new AbortController();
      const phase: { firstToken: boolean; timedOut: ProviderFailure | null } = { firstToken: false, timedOut: null };
      const onAbort = () => controller.abort(signal?.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      const timeOut = (kind: ProviderFailure) => () => {
        phase.timedOut = kind;
        controller.abort(new Error(kind));
      };
      let firstTimer: NodeJS.Timeout | undefined = setTimeout(timeOut('first_token_timeout'), opts.firstTokenTimeoutMs);
      const totalTimer = setTimeout(timeOut('timeout'), opts.totalTimeoutMs);
      const calls = new Map<number, ToolCallRequest>();
      let finish: 'stop' | 'tool_calls' | 'length' = 'stop';
      let usage = 0;
      try {
        const tools = openAiTools(req.tools);
        const stream = await client.chat.completions.create(
          {
            model: req.model,
            messages: toOpenAiMessages(req.messages),
            ...(tools.length ? { tools, parallel_tool_calls: true } : {}),
            ...(req.temperature !== undefined ? { temperature: req.temperature } : {}),
            stream: true,
            stream_options: { include_usage: true },
          },
          { signal: controller.signal },
        );
        for await (const chunk of stream as AsyncIterable<ChatCompletionChunk>) {
          if (!phase.firstToken) {
            phase.firstToken = true;
            clearTimeout(firstTimer);
            firstTimer = undefined;
          }
          for (const choice of chunk.choices) {
            const d = choice.delta;
            if (d?.content) yield { type: 'token', text: d.content };
            for (const tc of d?.tool_calls ?? []) {
              const cur = calls.get(tc.index) ?? { id: '', name: '', arguments: '' };
              if (tc.id) cur.id = tc.id;
              if (tc.function?.name) cur.name += tc.function.name;
              if (tc.function?.arguments) cur.arguments += tc.function.arguments;
              calls.set(tc.index, cur);
            }
            if (choice.finish_reason)
              finish =
                choice.finish_reason === 'tool_calls'
                  ? 'tool_calls'
                  : choice.finish_reason === 'length'
                    ? 'length'
                    : 'stop';
          }
          if (chunk.usage) {
            usage = chunk.usage.total_tokens;
            yield {
              type: 'usage',
              usage: {
                promptTokens: chunk.usage.prompt_tokens,
                completionTokens: chunk.usage.completion_tokens,
                totalTokens: chunk.usage.total_tokens,
              },
            };
          }
        }
        // An aborted SDK stream ends quietly: tell a caller's abort from our own timeouts.
        if (signal?.aborted) throw signal.reason;
        if (controller.signal.aborted) throw classify(new Error('aborted'), phase);
        for (const [, call] of [...calls.entries()].sort((a, b) => a[0] - b[0]))
          yield {
            type: 'tool_call',
            call: { ...call, id: call.id || `call_${Math.random().toString(36).slice(2, 10)}` },
          };
        yield { type: 'done', finishReason: calls.size ? 'tool_calls' : finish };
      } catch (err) {
        if (signal?.aborted) throw signal.reason ?? err;
        throw classify(err, phase);
      } finally {
        clearTimeout(firstTimer);
        clearTimeout(totalTimer);
        signal?.removeEventListener('abort', onAbort);
        limiter?.settle(estimated, usage || estimated);
      }
    },

    async complete<T>(req: StructuredRequest<T>) {
      const estimated = Math.ceil((req.system.length + req.user.length) / 4) + 256;
      await limiter?.acquire(estimated, req.signal);
      let total = estimated;
      try {
        const res = await client.chat.completions.create(
          {
            model: req.model,
            messages: [
              { role: 'system', content: req.system },
              { role: 'user', content: req.user },
            ],
            response_format: {
              type: 'json_schema',
              json_schema: { name: req.name, schema: req.jsonSchema, strict: true },
            },
          },
          { signal: req.signal },
        );
        total = res.usage?.total_tokens ?? estimated;
        const text = res.choices[0]?.message?.content ?? '';
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          throw new ProviderError(`${req.name}: the model did not answer with JSON`, 'invalid_output');
        }
        const checked = req.schema.safeParse(parsed);
        if (!checked.success)
          throw new ProviderError(`${req.name}: the model's JSON does not match the schema`, 'invalid_output');
        return {
          value: checked.data,
          usage: {
            promptTokens: res.usage?.prompt_tokens ?? 0,
            completionTokens: res.usage?.completion_tokens ?? 0,
            totalTokens: res.usage?.total_tokens ?? 0,
          },
        };
      } catch (err) {
        if (req.signal?.aborted) throw req.signal.reason ?? err;
        throw classify(err, { firstToken: false, timedOut: null });
      } finally {
        limiter?.settle(estimated, total);
      }
    },
  };
}
