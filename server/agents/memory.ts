/**
 * Conversation memory for an agent: the case's messages, newest kept within a token budget
 * (oldest out first), with a running summary of what was trimmed.
 */
import type { ChatMessage } from '../providers/provider.js';

/** A past message of the case. */
export interface PastMessage {
  authorKind: 'CUSTOMER' | 'AGENT' | 'OPERATOR' | 'SYSTEM';
  content: string;
}

/** Rough token count (about four characters a token). */
function tokensOf(text: string): number {
  return Math.ceil(text.length / 4);
}

/** What an agent remembers. */
export interface Memory {
  history: ChatMessage[];
  /** The messages left out, oldest first (to be folded into the summary). */
  trimmed: PastMessage[];
}

/** Keeps the newest messages that fit the budget, oldest out first. */
export function trimHistory(past: PastMessage[], budgetTokens: number, summary: string | null): Memory {
  const kept: PastMessage[] = [];
  let used = summary ? tokensOf(summary) : 0;
  let i = past.length - 1;
  for (; i >= 0; i--) {
    const cost = tokensOf(past[i].content) + 4;
    if (used + cost > budgetTokens) break;
    used += cost;
    kept.unshift(past[i]);
  }
  const history: ChatMessage[] = kept.map((m) =>
    m.authorKind === 'CUSTOMER' ? { role: 'user', content: m.content } : { role: 'assistant', content: m.content },
  );
  if (summary)
    history.unshift({ role: 'system', content: `Summary of the earlier conversation on this case:\n${summary}` });
  return { history, trimmed: past.slice(0, i + 1) };
}

/** A summary without a model: the first sentence of each trimmed message, newest last, bounded. */
export function extractiveSummary(previous: string | null, trimmed: PastMessage[], maxChars = 1200): string {
  const lines = trimmed.map(
    (m) =>
      `${m.authorKind === 'CUSTOMER' ? 'Customer' : 'Desk'}: ${(m.content.split(/(?<=[.!?])\s/)[0] ?? '').slice(0, 200)}`,
  );
  const text = [previous, ...lines].filter(Boolean).join('\n');
  return text.length <= maxChars ? text : text.slice(text.length - maxChars);
}
