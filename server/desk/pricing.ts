/** What tokens cost: a price table per model, in USD per million tokens (configurable). */
import type { PriceTable } from '../config.js';

/** Defaults for common models; PRICE_TABLE adds or overrides entries. */
export const DEFAULT_PRICES: PriceTable = {
  'gpt-5': { input: 1.25, output: 10 },
  'gpt-5-mini': { input: 0.25, output: 2 },
  'gpt-5-nano': { input: 0.05, output: 0.4 },
  'gpt-4.1': { input: 2, output: 8 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
};

/** Cost in USD of some usage on a model (0 for models without a price, such as local ones). */
export function costOf(
  prices: PriceTable,
  model: string,
  usage: { promptTokens: number; completionTokens: number },
): number {
  const p = prices[model];
  if (!p) return 0;
  return Math.round(((usage.promptTokens * p.input + usage.completionTokens * p.output) / 1_000_000) * 1e6) / 1e6;
}

/** Tokens spent. */
export interface Usage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

/** No tokens. */
export const NO_USAGE: Usage = { promptTokens: 0, completionTokens: 0, totalTokens: 0 };

/** Usage and cost spent outside the answer (routing, guardrails). */
export interface Overhead {
  usage: Usage;
  costUsd: number;
}

/** The sum of two usages. */
export function addUsage(a: Usage, b: Usage): Usage {
  return {
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    totalTokens: a.totalTokens + b.totalTokens,
  };
}
