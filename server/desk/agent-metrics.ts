/** Per-agent counters and timings: answers stored before the start (restored once) plus those since. */

/** One agent's figures. */
export interface AgentStats {
  agent: string;
  handled: number;
  active: number;
  errors: number;
  avgTimeToFirstTokenMs: number | null;
  avgTimeToAnswerMs: number | null;
}

/** How one agent run ended. */
export interface AgentOutcome {
  ok: boolean;
  timeToFirstTokenMs: number | null;
  latencyMs: number;
}

/** An agent's figures from the answers stored in the database. */
export interface StoredAgentFigures {
  agent: string;
  handled: number;
  ttftSum: number;
  ttftN: number;
  totalSum: number;
  totalN: number;
}

/** Told of every finished run (an exporter such as /metrics); the desk itself knows no metrics library. */
export type AgentObserver = (agent: string, outcome: AgentOutcome) => void;

/** Collects agent metrics. */
export class AgentMetrics {
  private readonly observers = new Set<AgentObserver>();
  private readonly stats = new Map<string, AgentSums>();

  constructor(agents: string[]) {
    for (const a of agents) this.entry(a);
  }

  private entry(agent: string) {
    let s = this.stats.get(agent);
    if (!s) {
      s = { handled: 0, active: 0, errors: 0, ttftSum: 0, ttftN: 0, totalSum: 0, totalN: 0 };
      this.stats.set(agent, s);
    }
    return s;
  }

  started(agent: string): void {
    this.entry(agent).active++;
  }

  /** A run stopped on purpose (an operator took over, the case was closed): neither handled nor an error. */
  stopped(agent: string): void {
    const s = this.entry(agent);
    s.active = Math.max(0, s.active - 1);
  }

  /** Calls `observer` after each finished run; returns a function that stops it. */
  observe(observer: AgentObserver): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  finished(agent: string, outcome: AgentOutcome): void {
    const s = this.entry(agent);
    s.active = Math.max(0, s.active - 1);
    for (const o of this.observers) o(agent, outcome);
    if (!outcome.ok) {
      s.errors++;
      return;
    }
    s.handled++;
    if (outcome.timeToFirstTokenMs !== null) {
      s.ttftSum += outcome.timeToFirstTokenMs;
      s.ttftN++;
    }
    s.totalSum += outcome.latencyMs;
    s.totalN++;
  }

  /** Adds figures stored before this process started (answers in the database), so they survive a restart. */
  restore(rows: StoredAgentFigures[]): void {
    for (const r of rows) {
      if (!this.stats.has(r.agent)) continue;
      const s = this.entry(r.agent);
      s.handled += r.handled;
      s.ttftSum += r.ttftSum;
      s.ttftN += r.ttftN;
      s.totalSum += r.totalSum;
      s.totalN += r.totalN;
    }
  }

  snapshot(): AgentStats[] {
    return [...this.stats.keys()].map((agent) => this.of(agent));
  }

  /** One agent's figures (zeros for an agent not seen yet). */
  of(agent: string): AgentStats {
    return agentStats(agent, this.entry(agent));
  }
}

/** The running sums of one agent's figures. */
export interface AgentSums {
  handled: number;
  active: number;
  errors: number;
  ttftSum: number;
  ttftN: number;
  totalSum: number;
  totalN: number;
}

/** An agent's figures from its sums (averages rounded to the millisecond). */
export function agentStats(agent: string, s: AgentSums): AgentStats {
  return {
    agent,
    handled: s.handled,
    active: s.active,
    errors: s.errors,
    avgTimeToFirstTokenMs: s.ttftN ? Math.round(s.ttftSum / s.ttftN) : null,
    avgTimeToAnswerMs: s.totalN ? Math.round(s.totalSum / s.totalN) : null,
  };
}
