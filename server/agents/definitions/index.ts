import type { AgentDefinition } from './agent.js';
import { billingAgent } from './billing.agent.js';
import { escalationAgent } from './escalation.agent.js';
import { generalAgent } from './general.agent.js';
import { technicalAgent } from './technical.agent.js';

/** The desk's agents, by name. */
export const AGENTS: Record<AgentDefinition['name'], AgentDefinition> = {
  billing: billingAgent,
  technical: technicalAgent,
  escalation: escalationAgent,
  general: generalAgent,
};

export { instructionsFor } from './agent.js';
export type { AgentDefinition };
