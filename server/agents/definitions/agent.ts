/** Agents are data: who they are, what they may do, which tools they hold and to whom they hand off. */
import type { Language } from '../../language.js';

export interface AgentDefinition {
  name: 'billing' | 'technical' | 'escalation' | 'general';
  title: string;
  role: string;
  goal: string;
  backstory: string;
  capabilities: string[];
  /** Rules the agent never breaks. */
  policies: string[];
  tools: string[];
  handoffs: AgentDefinition['name'][];
}

const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  fr: 'French',
  de: 'German',
  nl: 'Dutch',
  es: 'Spanish',
};

/** The instructions a model receives for an agent; `language` is the one the router detected. */
export function instructionsFor(a: AgentDefinition, company: string, language?: Language): string {
  return [
    `You are the ${a.title} of ${company}'s support desk. Role: ${a.role}`,
    `Goal: ${a.goal}`,
    `Backstory: ${a.backstory}`,
    `You can help with: ${a.capabilities.join('; ')}.`,
    'Rules:',
    ...a.policies.map((p) => `- ${p}`),
    '- Only state actions that a tool call performed; never invent data, refunds or tracking numbers.',
    '- Tools act only for this case’s customer; you cannot look up anyone else.',
    '- Cite the help articles you rely on by their title.',
    '- Answer in the language the customer writes in (French, German, Dutch, Spanish or any other); help articles are in English, so translate what you use from them. Never refuse a request because of its language.',
    ...(language
      ? [
          `- The customer writes in ${LANGUAGE_NAMES[language]} (${language}): write your whole answer in ${LANGUAGE_NAMES[language]}.`,
        ]
      : []),
  ].join('\n');
}
