/** What an agent is told of the case: the conversation so far within its budget, and the customer. */
import { extractiveSummary, trimHistory } from '../agents/memory.js';
import type { CaseRow, CustomerSummary, MessageRow } from '../db/sql/case-rows.js';

/** The conversation so far and the updated running summary (when it changed). */
export interface TurnMemory {
  history: ReturnType<typeof trimHistory>['history'];
  summary?: string;
  summarizedCount: number;
}

/** Builds the memory of a turn from the case's completed messages, leaving out the ones being answered. */
export function buildMemory(
  c: Pick<CaseRow, 'summary' | 'summarizedCount'>,
  messages: Pick<MessageRow, 'id' | 'status' | 'authorKind' | 'content'>[],
  exclude: Set<string>,
  budgetTokens: number,
): TurnMemory {
  const past = messages
    .filter((m) => m.status === 'COMPLETE' && !exclude.has(m.id) && m.content)
    .map((m) => ({ authorKind: m.authorKind, content: m.content }));
  const already = c.summarizedCount ?? 0;
  const mem = trimHistory(past.slice(already), budgetTokens, c.summary ?? null);
  if (mem.trimmed.length === 0) return { history: mem.history, summarizedCount: already };
  const summary = extractiveSummary(c.summary ?? null, mem.trimmed);
  return {
    history: trimHistory(past.slice(already + mem.trimmed.length), budgetTokens, summary).history,
    summary,
    summarizedCount: already + mem.trimmed.length,
  };
}

/** The short customer profile an agent's instructions carry. */
export function profileText(caseId: string, customer: CustomerSummary | null): string {
  const lines = [`Customer: ${customer?.name ?? 'Guest'}`];
  const plan = customer?.plan;
  if (plan) lines.push(`Plan: ${plan.name} (${plan.billingCycle}, ${plan.status})`);
  lines.push(`Case: ${caseId}`);
  return lines.join('\n');
}
