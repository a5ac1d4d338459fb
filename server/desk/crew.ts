/** A crew: one agent per part of a request, run concurrently, streamed as one message in order. */
import type { AgentRunResult } from '../agents/agent-runner.js';
import type { AgentDefinition } from '../agents/definitions/index.js';
import type { RoutingPart } from '../agents/router/router.js';
import type { AgentName } from './triage.js';

/** The agents a crew's headings are titled from. */
type Agents = Record<string, Pick<AgentDefinition, 'title'>>;

/** Runs a crew: all parts concurrently, streamed as one message with a section per agent, in order. */
export async function runCrew(
  parts: RoutingPart[],
  runOne: (agent: AgentName, text: string, intent: string, onToken: (t: string) => unknown) => Promise<AgentRunResult>,
  emitToken: (agent: string, text: string) => unknown,
  agents: Agents,
): Promise<{ agent: string; result: AgentRunResult }[]> {
  const runs = parts.map((part) => {
    const chunks: string[] = [];
    let done = false;
    let wake: (() => void) | null = null;
    const poke = () => {
      const w = wake;
      wake = null;
      w?.();
    };
    const promise = runOne(part.route as AgentName, part.text, part.intent, (t) => {
      chunks.push(t);
      poke();
    }).finally(() => {
      done = true;
      poke();
    });
    promise.catch(() => undefined);
    const wait = () =>
      new Promise<void>((r) => {
        wake = r;
      });
    return { part, chunks, promise, isDone: () => done, wait };
  });
  const results: { agent: string; result: AgentRunResult }[] = [];
  for (const [i, run] of runs.entries()) {
    await emitToken(run.part.route, sectionHeader(i, run.part, parts, agents));
    let next = 0;
    for (;;) {
      while (next < run.chunks.length) await emitToken(run.part.route, run.chunks[next++]);
      if (run.isDone()) break;
      await run.wait();
    }
    results.push({ agent: run.part.route, result: await run.promise });
  }
  return results;
}

/** A part's heading: its agent, and its subject when one agent answers several parts. */
function sectionHeader(i: number, part: RoutingPart, parts: RoutingPart[], agents: Agents): string {
  const title = agents[part.route]?.title ?? part.route;
  const shared = parts.filter((p) => p.route === part.route).length > 1;
  return `${i === 0 ? '' : '\n\n'}### ${title}${shared ? ` — ${part.intent.replace(/_/g, ' ')}` : ''}\n\n`;
}

/** The stored content of a crew's message: a section per part. */
export function crewContent(parts: RoutingPart[], results: { result: AgentRunResult }[], agents: Agents): string {
  return parts.map((p, i) => `${sectionHeader(i, p, parts, agents)}${results[i].result.content}`).join('');
}
