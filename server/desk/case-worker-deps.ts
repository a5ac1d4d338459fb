/** What the case worker and its steps need: the worker's one dependency list. */
import type { EntityManager, MikroORM } from '@mikro-orm/sqlite';
import type { AgentDefinition } from '../agents/definitions/index.js';
import type { KnowledgeBase } from '../agents/knowledge/knowledge-base.js';
import type { Router } from '../agents/router/router.js';
import type { PriceTable } from '../config.js';
import type { CustomerDataFactory } from '../db/customer-data.js';
import type { Logger } from '../logger.js';
import type { OpenAiProvider } from '../providers/openai/openai.provider.js';
import type { LlmProvider } from '../providers/provider.js';
import type { PubSub } from '../pubsub.js';
import type { AuditLog } from '../security/audit.js';
import type { AgentMetrics } from './agent-metrics.js';
import type { CaseEventLog } from './case-event-log.js';
import type { SharedAgentFigures } from './ports.js';
import type { AgentName } from './triage.js';

/** What the worker needs. */
export interface CaseWorkerDeps {
  orm: MikroORM;
  log: CaseEventLog;
  pubsub: PubSub;
  router: Router;
  /** The agents, by name. */
  agents: Record<AgentDefinition['name'], AgentDefinition>;
  /** The company-data port for the case's customer. */
  customerData: CustomerDataFactory<EntityManager>;
  kb: KnowledgeBase;
  metrics: AgentMetrics;
  /** Per-agent figures of every instance (absent: `metrics`, this process's). */
  sharedFigures?: SharedAgentFigures;
  logger: Logger;
  company: string;
  maxTurns: number;
  /** The provider that answers. */
  provider: LlmProvider;
  /** Answers instead when the provider fails (null: escalate to a human instead). */
  fallback: LlmProvider | null;
  /** The model API for routing and guardrails (null on the embedded path). */
  llm: OpenAiProvider | null;
  modelFor(agent: AgentName): string;
  routerModel: string;
  routerMode: 'embedded' | 'llm' | 'hybrid';
  routerLlmThreshold: number;
  guardrails: boolean;
  memoryTokens: number;
  /** Most tokens a case may spend (0: no limit). */
  caseTokenBudget: number;
  prices: PriceTable;
  audit: AuditLog;
}
