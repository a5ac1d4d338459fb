/**
 * Runs one agent on one request: the tool loop (model asks for tools, tools run, results go
 * back, repeat) and the streamed final answer. The same loop serves every provider.
 */
import { randomUUID } from 'node:crypto';
import type { AgentDefinition } from './definitions/index.js';
import { instructionsFor } from './definitions/index.js';
import { TOOLS, toolSpec, type ToolContext } from './tools/index.js';
import type { ArticleHit } from './knowledge/knowledge-base.js';
import type { ChatMessage, LlmProvider, ProviderUsage, ToolCallRequest } from '../providers/provider.js';
import type { Citation, ToolCallRecord } from '../db/entities/index.js';

/** Callbacks through which a run reports progress as it happens. */
export interface AgentRunHooks {
  onToken(text: string): void | Promise<void>;
  onToolCalled(record: ToolCallRecord): void | Promise<void>;
}

/** One agent run's input. */
export interface AgentRunInput {
  agent: AgentDefinition;
  provider: LlmProvider;
  model: string;
  company: string;
  /** A short profile of the customer (name, plan, open cases) for the instructions. */
  profile?: string;
  /** Earlier turns of the conversation (user and assistant messages). */
  history: ChatMessage[];
  request: string;
  hints?: { route?: string; intent?: string };
  toolContext: ToolContext;
  maxTurns: number;
  signal?: AbortSignal;
  hooks: AgentRunHooks;
}

/** What a run produced. */
export interface AgentRunResult {
  content: string;
  citations: Citation[];
  toolCalls: ToolCallRecord[];
  usage: ProviderUsage;
  timeToFirstTokenMs: number | null;
  latencyMs: number;
  /** True when the turn limit stopped the loop before a final answer. */
  truncated: boolean;
}

const MAX_TOOL_OUTPUT_CHARS = 6000;

/** Runs the tool loop and streams the final answer through the hooks. */
export async function runAgent(input: AgentRunInput): Promise<AgentRunResult> {
  const started = performance.now();
  const { agent, provider, toolContext, hooks, signal } = input;
  const tools = agent.tools.map((name) => TOOLS[name]).filter(Boolean);
  const messages: ChatMessage[] = [
    { role: 'system', content: input.profile ? `${instructionsFor(agent, input.company)}\n\nCustomer profile:\n${input.profile}` : instructionsFor(agent, input.company) },
    ...input.history,
    { role: 'user', content: input.request },
  ];
  const usage: ProviderUsage = { promptTokens: 0, completionTokens: 0, totalTokens: 0 };
  const toolCalls: ToolCallRecord[] = [];
  const articles = new Map<string, ArticleHit>();
  let content = '';
  let firstTokenAt: number | null = null;

  for (let turn = 0; turn < input.maxTurns; turn++) {
    signal?.throwIfAborted();
    const requested: ToolCallRequest[] = [];
    let text = '';
    for await (const ev of provider.stream({ model: input.model, agent: agent.name, messages, tools: tools.map(toolSpec), hints: input.hints }, signal)) {
      if (ev.type === 'token') {
        firstTokenAt ??= performance.now();
        text += ev.text;
        await hooks.onToken(ev.text);
      } else if (ev.type === 'tool_call') {
        requested.push(ev.call);
      } else if (ev.type === 'usage') {
        usage.promptTokens += ev.usage.promptTokens;
        usage.completionTokens += ev.usage.completionTokens;
        usage.totalTokens += ev.usage.totalTokens;
      }
    }
    content += text;
    if (requested.length === 0) {
      return { content, citations: citationsFrom(content, articles), toolCalls, usage, timeToFirstTokenMs: ms(firstTokenAt, started), latencyMs: Math.round(performance.now() - started), truncated: false };
    }
    messages.push({ role: 'assistant', content: text, toolCalls: requested });
    // Several calls in one turn run in parallel, as a model that asks for several expects.
    const results = await Promise.all(requested.map((call) => executeTool(call, agent, toolContext)));
    for (const [i, call] of requested.entries()) {
      const record = results[i];
      toolCalls.push(record);
      collectArticles(record, articles);
      await hooks.onToolCalled(record);
      messages.push({ role: 'tool', toolCallId: call.id, name: call.name, content: truncate(JSON.stringify(record.ok ? record.output : { error: record.output }), MAX_TOOL_OUTPUT_CHARS) });
    }
  }
  return { content, citations: citationsFrom(content, articles), toolCalls, usage, timeToFirstTokenMs: ms(firstTokenAt, started), latencyMs: Math.round(performance.now() - started), truncated: true };
}

/** Validates a model's tool call and runs it; a bad call becomes an error the model sees. */
async function executeTool(call: ToolCallRequest, agent: AgentDefinition, ctx: ToolContext): Promise<ToolCallRecord> {
  const t0 = performance.now();
  const record = (ok: boolean, input: unknown, output: unknown): ToolCallRecord => ({
    id: call.id || randomUUID(),
    agent: agent.name,
    name: call.name,
    input,
    output,
    ok,
    durationMs: Math.round(performance.now() - t0),
  });
  const tool = TOOLS[call.name];
  if (!tool || !agent.tools.includes(call.name)) return record(false, call.arguments, `unknown tool ${call.name}`);
  let args: unknown;
  try {
    args = call.arguments.trim() ? JSON.parse(call.arguments) : {};
  } catch {
    return record(false, call.arguments, 'arguments are not valid JSON');
  }
  const parsed = tool.input.safeParse(args);
  if (!parsed.success) return record(false, args, `invalid arguments: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')}`);
  try {
    return record(true, parsed.data, await tool.run(parsed.data, ctx));
  } catch (err) {
    return record(false, parsed.data, `tool failed: ${(err as Error).message}`);
  }
}

function collectArticles(record: ToolCallRecord, into: Map<string, ArticleHit>): void {
  if (record.name !== 'search_knowledge_base' || !record.ok) return;
  for (const a of (record.output as { articles: ArticleHit[] }).articles) if (!into.has(a.id)) into.set(a.id, a);
}

/** The articles the answer actually names. */
function citationsFrom(content: string, articles: Map<string, ArticleHit>): Citation[] {
  const lower = content.toLowerCase();
  return [...articles.values()]
    .filter((a) => lower.includes(a.title.toLowerCase()) || lower.includes(`kb:${a.id}`))
    .map((a) => ({ id: a.id, title: a.title, snippet: a.summary.slice(0, 240) }));
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max)}…`;
}

function ms(at: number | null, started: number): number | null {
  return at === null ? null : Math.round(at - started);
}
