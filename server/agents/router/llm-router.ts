/** Routing by a model with structured output, for ROUTER=llm and for unsure cases in hybrid mode. */
import { z } from 'zod';
import type { OpenAiProvider } from '../../providers/openai/openai.provider.js';
import type { RouteName } from './router.js';

const ROUTES = ['billing', 'technical', 'escalation', 'general'] as const;
const schema = z.object({
  route: z.enum(ROUTES),
  intent: z.string(),
  confidence: z.number().min(0).max(1),
  reason: z.string(),
});
const jsonSchema = {
  type: 'object',
  properties: {
    route: { type: 'string', enum: [...ROUTES] },
    intent: { type: 'string' },
    confidence: { type: 'number' },
    reason: { type: 'string' },
  },
  required: ['route', 'intent', 'confidence', 'reason'],
  additionalProperties: false,
};

/** The model's routing verdict. */
export interface LlmRoute {
  route: RouteName;
  intent: string;
  confidence: number;
  reason: string;
  usage: { promptTokens: number; completionTokens: number; totalTokens: number };
}

/** Asks the model which agent should answer. */
export async function routeWithLlm(
  llm: OpenAiProvider,
  model: string,
  company: string,
  text: string,
  intents: string[],
  signal?: AbortSignal,
): Promise<LlmRoute> {
  const system = [
    `You route customer messages at ${company}'s support desk to one agent:`,
    '- billing: payments, invoices, refunds and credits, subscriptions and plan prices, billing disputes, cancellation fees',
    '- technical: installation and configuration, errors and bugs, performance, network and connectivity, passwords, 2FA and sign-up, feature guidance',
    '- escalation: complaints, requests for a human, legal threats, threats to leave, fraud or account takeover, safety hazards, policy exceptions',
    '- general: orders and delivery, shipping addresses, account administration, newsletter, feedback, contact details, anything else',
    `Choose the intent from: ${intents.join(', ')}. Give your confidence (0-1) and a one-sentence reason.`,
  ].join('\n');
  const r = await llm.complete({ model, name: 'route_request', system, user: text, schema, jsonSchema, signal });
  return { ...r.value, reason: r.value.reason.slice(0, 300), usage: r.usage };
}
