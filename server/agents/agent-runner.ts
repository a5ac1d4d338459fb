/**
 * Runs one agent on one request: the tool loop (model asks for tools, tools run, results go
 * back, repeat) and the streamed final answer. The same loop serves every provider.
 */
import { randomUUID } from 'node:crypto';
import { trace } from '@opentelemetry/api';
import type { Citation, ToolCallRecord } from '../db/entities/index.js';
import type { Language } from '../language.js';
import type {
  ChatMessage,
  ChatRequest,
  LlmProvider,
  ProviderUsage,
  ToolCallRequest,
  ToolSpec,
} from '../providers/provider.js';
import { inSpan } from '../tracing.js';
import type { AgentDefinition } from './definitions/index.js';
import { instructionsFor } from './definitions/index.js';
import type { ArticleHit } from './knowledge/knowledge-base.js';
import { TOOLS, type ToolContext, toolSpec } from './tools/index.js';

/** Callbacks through which a run reports progress as it happens. */
interface AgentRunHooks {
  onToken(text: string): void | Promise<void>;
  onToolCalled(record: ToolCallRecord): void | Promise<void>;
  /** The model transferred the case to another agent, which continues in the same stream. */
  onHandoff?(from: string, to: string, reason: string): void | Promise<void>;
}

/** The run spent more tokens than the case may. */
export class TokenBudgetExceededError extends Error {
  constructor(
    readonly usage: ProviderUsage,
    readonly budget: number,
    readonly agent: string,
  ) {
    super(`token budget spent: ${usage.totalTokens} of ${budget}`);
    this.name = 'TokenBudgetExceededError';
  }
}

const HANDOFF_PREFIX = 'transfer_to_';

/** One agent run's input. */
export interface AgentRunInput {
  agent: AgentDefinition;
  provider: LlmProvider;
  /** The model for an agent (agents may run on different models). */
  modelFor(agent: AgentDefinition['name']): string;
  /** All agents, for handoffs. */
  agents: Record<AgentDefinition['name'], AgentDefinition>;
  /** Tokens this run may still spend (undefined: no limit). */
  tokenBudget?: number;
  company: string;
  /** A short profile of the customer (name, plan, open cases) for the instructions. */
  profile?: string;
  /** Earlier turns of the conversation (user and assistant messages). */
  history: ChatMessage[];
  request: string;
  /** What the router found: the route, the intent and the language the customer writes in. */
  hints?: { route?: string; intent?: string; language?: Language };
  toolContext: ToolContext;
  maxTurns: number;
  signal?: AbortSignal;
  hooks: AgentRunHooks;
  /**
   * The run asks the model at once, but its first token, tool call or handoff waits until this
   * resolves (a rejection ends the run with its error): what must be stored before any output.
   */
  ready?: Promise<unknown>;
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
  /** The agent that wrote the answer (differs from the first after a handoff). */
  agent: AgentDefinition['name'];
}

const MAX_TOOL_OUTPUT_CHARS = 6000;

/** Tool specs (tools and handoffs) per agent, built once per set of agents. */
const specCache = new WeakMap<Record<string, AgentDefinition>, Map<string, ToolSpec[]>>();

function specsFor(a: AgentDefinition, agents: Record<AgentDefinition['name'], AgentDefinition>): ToolSpec[] {
  let byAgent = specCache.get(agents);
  if (!byAgent) {
    byAgent = new Map();
    specCache.set(agents, byAgent);
  }
  let specs = byAgent.get(a.name);
  if (!specs) {
    specs = [
      ...a.tools
        .map((name) => TOOLS[name])
        .filter(Boolean)
        .map(toolSpec),
      ...a.handoffs.map((h) => ({
        name: `${HANDOFF_PREFIX}${h}`,
        description: `Transfer the case to the ${agents[h].title} (${agents[h].role}) when the request belongs there.`,
        parameters: {
          type: 'object',
          properties: { reason: { type: 'string', description: 'why the case moves' } },
          required: ['reason'],
          additionalProperties: false,
        },
      })),
    ];
    byAgent.set(a.name, specs);
  }
  return specs;
}

/** Runs the tool loop and streams the final answer through the hooks (in an `agent.run` span). */
export function runAgent(input: AgentRunInput): Promise<AgentRunResult> {
  const attributes = { 'crewdesk.agent': input.agent.name, 'crewdesk.case_id': input.toolContext.caseId };
  return inSpan('agent.run', attributes, async (span) => {
    const r = await run(input);
    span.setAttributes({
      'crewdesk.agent.final': r.agent,
      'crewdesk.tool_calls': r.toolCalls.length,
      'gen_ai.usage.input_tokens': r.usage.promptTokens,
      'gen_ai.usage.output_tokens': r.usage.completionTokens,
    });
    return r;
  });
}

/** One provider call of the loop (a `provider.call` span): tokens go out as they come; tool calls and usage are collected. */
function callProvider(
  provider: LlmProvider,
  req: ChatRequest,
  signal: AbortSignal | undefined,
  onToken: (text: string) => void | Promise<void>,
  requested: ToolCallRequest[],
  usage: ProviderUsage,
): Promise<void> {
  const attributes = { 'gen_ai.system': provider.name, 'gen_ai.request.model': req.model, 'crewdesk.agent': req.agent };
  return inSpan('provider.call', attributes, async (span) => {
    const before = { input: usage.promptTokens, output: usage.completionTokens };
    for await (const ev of provider.stream(req, signal)) {
      if (ev.type === 'token') {
        const pending = onToken(ev.text);
        if (pending !== undefined) await pending;
      } else if (ev.type === 'tool_call') {
        requested.push(ev.call);
      } else if (ev.type === 'usage') {
        usage.promptTokens += ev.usage.promptTokens;
        usage.completionTokens += ev.usage.completionTokens;
        usage.totalTokens += ev.usage.totalTokens;
      }
    }
    span.setAttributes({
      'gen_ai.usage.input_tokens': usage.promptTokens - before.input,
      'gen_ai.usage.output_tokens': usage.completionTokens - before.output,
      'crewdesk.tool_calls_requested': requested.length,
    });
  });
}

async function run(input: AgentRunInput): Promise<AgentRunResult> {
  const started = performance.now();
  const { provider, toolContext, hooks, signal } = input;
  let agent = input.agent;
  // Awaited once, before the first output; then out of the way (no promise per token).
  let ready = input.ready;
  let waiting = ready !== undefined;
  const whenReady = async () => {
    if (waiting) await ready;
    waiting = false;
    ready = undefined;
  };
  const systemFor = (a: AgentDefinition) => {
    const instructions = instructionsFor(a, input.company, input.hints?.language);
    return input.profile ? `${instructions}\n\nCustomer profile:\n${input.profile}` : instructions;
  };
  const messages: ChatMessage[] = [
    { role: 'system', content: systemFor(agent) },
    ...input.history,
    { role: 'user', content: input.request },
  ];
  const usage: ProviderUsage = { promptTokens: 0, completionTokens: 0, totalTokens: 0 };
  const toolCalls: ToolCallRecord[] = [];
  const articles = new Map<string, ArticleHit>();
  let content = '';
  let firstTokenAt: number | null = null;
  const result = (truncated: boolean): AgentRunResult => ({
    content,
    citations: citationsFrom(content, articles),
    toolCalls,
    usage,
    timeToFirstTokenMs: ms(firstTokenAt, started),
    latencyMs: Math.round(performance.now() - started),
    truncated,
    agent: agent.name,
  });

  for (let turn = 0; turn < input.maxTurns; turn++) {
    signal?.throwIfAborted();
    const requested: ToolCallRequest[] = [];
    let text = '';
    const req = {
      model: input.modelFor(agent.name),
      agent: agent.name,
      messages,
      tools: specsFor(agent, input.agents),
      hints: input.hints,
    };
    await callProvider(
      provider,
      req,
      signal,
      (t) => {
        firstTokenAt ??= performance.now();
        text += t;
        content += t;
        return waiting ? whenReady().then(() => hooks.onToken(t)) : hooks.onToken(t);
      },
      requested,
      usage,
    );
    if (input.tokenBudget !== undefined && usage.totalTokens > input.tokenBudget)
      throw new TokenBudgetExceededError(usage, input.tokenBudget, agent.name);
    if (requested.length === 0) return result(false);
    messages.push({ role: 'assistant', content: text, toolCalls: requested });
    // A transfer changes who answers; the other calls of the turn still run (in parallel).
    const transfer = requested.find(
      (c) =>
        c.name.startsWith(HANDOFF_PREFIX) &&
        agent.handoffs.includes(c.name.slice(HANDOFF_PREFIX.length) as AgentDefinition['name']),
    );
    await whenReady();
    const results = await Promise.all(
      requested.map((call) => (call === transfer ? null : executeTool(call, agent, toolContext))),
    );
    for (const [i, call] of requested.entries()) {
      const record = results[i];
      if (!record) continue;
      toolCalls.push(record);
      collectArticles(record, articles);
      await hooks.onToolCalled(record);
      messages.push({
        role: 'tool',
        toolCallId: call.id,
        name: call.name,
        content: truncate(JSON.stringify(record.ok ? record.output : { error: record.output }), MAX_TOOL_OUTPUT_CHARS),
      });
    }
    if (transfer) {
      const to = transfer.name.slice(HANDOFF_PREFIX.length) as AgentDefinition['name'];
      let reason = 'transferred by the agent';
      try {
        reason = String((JSON.parse(transfer.arguments) as { reason?: string }).reason ?? reason).slice(0, 300);
      } catch {
        // a transfer with unreadable arguments still transfers
      }
      trace.getActiveSpan()?.addEvent('handoff', { from: agent.name, to });
      await hooks.onHandoff?.(agent.name, to, reason);
      messages.push({
        role: 'tool',
        toolCallId: transfer.id,
        name: transfer.name,
        content: JSON.stringify({ transferred: true, to }),
      });
      agent = input.agents[to];
      messages[0] = { role: 'system', content: systemFor(agent) };
    }
  }
  return result(true);
}

/** Runs a tool call in a `tool.call` span. */
function executeTool(call: ToolCallRequest, agent: AgentDefinition, ctx: ToolContext): Promise<ToolCallRecord> {
  return inSpan('tool.call', { 'crewdesk.tool': call.name, 'crewdesk.agent': agent.name }, async (span) => {
    const record = await runTool(call, agent, ctx);
    span.setAttributes({ 'crewdesk.tool.ok': record.ok, 'crewdesk.tool.duration_ms': record.durationMs });
    return record;
  });
}

/** Validates a model's tool call and runs it; a bad call becomes an error the model sees. */
async function runTool(call: ToolCallRequest, agent: AgentDefinition, ctx: ToolContext): Promise<ToolCallRecord> {
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
  if (!tool || !agent.tools.includes(call.name))
    return record(false, call.arguments, `unknown tool ${call.name}; use only the tools offered`);
  let args: unknown;
  try {
    args = call.arguments.trim() ? JSON.parse(call.arguments) : {};
  } catch {
    return record(false, call.arguments, 'arguments are not valid JSON');
  }
  const parsed = tool.input.safeParse(args);
  if (!parsed.success)
    return record(
      false,
      args,
      `invalid arguments: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')}`,
    );
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
