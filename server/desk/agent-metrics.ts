/** Per-agent counters and timings since the desk started. */

/** One agent's figures. */
export interface AgentStats {
  agent: string;
  handled: number;
  active: number;
  errors: number;
  avgTimeToFirstTokenMs: number | null;
  avgTimeToAnswerMs: number | null;
}

/** Collects agent metrics. */
export class AgentMetrics {
  private readonly stats = new Map<
    string,
    {
      handled: number;
      active: number;
      errors: number;
      ttftSum: number;
      ttftN: number;
      totalSum: number;
      totalN: number;
    }
  >();

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

  finished(agent: string, outcome: { ok: boolean; timeToFirstTokenMs: number | null; latencyMs: number }): void {
    const s = this.entry(agent);
    s.active = Math.max(0, s.active - 1);
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

  snapshot(): AgentStats[] {
    return [...this.stats.keys()].map((agent) => this.of(agent));
  }

  /** One agent's figures (zeros for an agent not seen yet). */
  of(agent: string): AgentStats {
    const s = this.entry(agent);
    return {
      agent,
      handled: s.handled,
      active: s.active,
      errors: s.errors,
      avgTimeToFirstTokenMs: s.ttftN ? Math.round(s.ttftSum / s.ttftN) : null,
      avgTimeToAnswerMs: s.totalN ? Math.round(s.totalSum / s.totalN) : null,
    };
  }
}
