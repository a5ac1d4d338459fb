/**
 * How instances coordinate: with REDIS_URL, the event bus, case event numbering and live token
 * streams, rate-limit store, WebSocket connection counts, agent figures and work queue on Redis
 * (server/redis/redis-coordination.ts, loaded only then); without it, in this process (the default).
 */
import type { Store } from 'graphql-rate-limit';
import type { CaseQueue, CaseSequencer, ConnectionCounter, SharedAgentFigures } from './desk/ports.js';
import type { CaseProcessor } from './desk/work-queue.js';
import type { ReadinessCheck } from './health.js';
import { createPubSub, type PubSub } from './pubsub.js';

/** The implementations of the ports an instance runs with (undefined: the in-process default). */
export interface Coordination {
  pubsub: PubSub;
  limiterStore?: Store;
  connections?: ConnectionCounter;
  queue?: (worker: CaseProcessor) => CaseQueue;
  /** One numbering and publishing order of each case's events for every instance, with deltas kept for resumes. */
  sequencer?: CaseSequencer;
  /** Per-agent figures of every instance (deskStatus, the dashboard's agent panel). */
  agentFigures?: SharedAgentFigures;
  /** Readiness checks of what it depends on (Redis). */
  checks: ReadinessCheck[];
  /** Closes connections (after the desk and the sockets have stopped). */
  close(): Promise<void>;
}

/** Everything in this process: the in-process event bus, and the desk's own defaults for the rest. */
export function inProcessCoordination(): Coordination {
  return { pubsub: createPubSub(), checks: [], close: async () => {} };
}
