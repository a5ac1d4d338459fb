/**
 * The one interface every model provider implements (embedded engine, openai SDK). Providers see
 * chat messages and tool specifications, never the database or GraphQL.
 */

/** A JSON schema for a tool's parameters. */
type JsonSchema = Record<string, unknown>;

/** A tool offered to the model. */
export interface ToolSpec {
  name: string;
  description: string;
  parameters: JsonSchema;
}

/** A tool call the model asked for. */
export interface ToolCallRequest {
  id: string;
  name: string;
  /** Arguments as the model sent them (a JSON string). */
  arguments: string;
}

/** One chat message, in the shape the OpenAI chat API uses. */
export type ChatMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string; toolCalls?: ToolCallRequest[] }
  | { role: 'tool'; toolCallId: string; name: string; content: string };

/** What the runner asks a provider for. */
export interface ChatRequest {
  model: string;
  /** The agent on duty (for the embedded engine's composition and for logs). */
  agent: string;
  messages: ChatMessage[];
  tools: ToolSpec[];
  /** Routing facts the desk already knows; a real model may ignore them. */
  hints?: { route?: string; intent?: string };
  temperature?: number;
}

/** Token usage reported by a provider. */
export interface ProviderUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

/** What a provider streams back. */
export type ProviderEvent =
  | { type: 'token'; text: string }
  | { type: 'tool_call'; call: ToolCallRequest }
  | { type: 'usage'; usage: ProviderUsage }
  | { type: 'done'; finishReason: 'stop' | 'tool_calls' | 'length' };

/** A model provider. */
export interface LlmProvider {
  readonly name: string;
  /** The default model name, shown in deskStatus. */
  readonly model: string;
  stream(req: ChatRequest, signal?: AbortSignal): AsyncIterable<ProviderEvent>;
}
