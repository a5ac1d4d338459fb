/** What a tool is and what it may use: always the case's own customer, never one the model names. */
import { z } from 'zod';
import type { CustomerData } from '../../db/customer-data.js';
import type { ToolSpec } from '../../providers/provider.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';

/** Desk actions a tool may take on the current case. */
export interface DeskActions {
  escalate(reason: string, priority: 'NORMAL' | 'HIGH' | 'URGENT'): Promise<{ status: string; priority: string }>;
}

/** Everything a tool runs with. */
export interface ToolContext {
  caseId: string;
  data: CustomerData;
  kb: KnowledgeBase;
  desk: DeskActions;
  route?: string;
  now: Date;
}

/** A tool: a name, a zod schema for its input, and what it does. */
export interface Tool<I = unknown> {
  name: string;
  description: string;
  input: z.ZodType<I>;
  run(input: I, ctx: ToolContext): Promise<unknown>;
}

/** Declares a tool with typed input. */
export function defineTool<S extends z.ZodType>(t: {
  name: string;
  description: string;
  input: S;
  run(input: z.infer<S>, ctx: ToolContext): Promise<unknown>;
}): Tool {
  return t as unknown as Tool;
}

const specs = new WeakMap<Tool, ToolSpec>();

/**
 * The function specification a model sees, generated from the same zod schema that validates;
 * built once per tool (callers must not change it).
 */
export function toolSpec(tool: Tool): ToolSpec {
  let spec = specs.get(tool);
  if (!spec) {
    const schema = z.toJSONSchema(tool.input as z.ZodType, { target: 'draft-7', io: 'input' }) as Record<
      string,
      unknown
    >;
    delete schema.$schema;
    spec = { name: tool.name, description: tool.description, parameters: schema };
    specs.set(tool, spec);
  }
  return spec;
}

/** Money in cents as a display string. */
export function money(cents: number, currency = 'USD'): string {
  const sym = currency === 'EUR' ? '€' : currency === 'GBP' ? '£' : '$';
  return `${sym}${(cents / 100).toFixed(2)}`;
}

/** A date as YYYY-MM-DD. */
export function day(d: Date | null | undefined): string | null {
  return d ? d.toISOString().slice(0, 10) : null;
}
