/**
 * Chooses how instances coordinate: with REDIS_URL, the event bus, case event numbering and live
 * token streams, rate-limit store, WebSocket connection counts, agent figures and work queue on
 * Redis; without it, in this process (the default).
 */
import type { Store } from 'graphql-rate-limit';
import type { Config } from '../config.js';
import { createBullmqQueue } from '../desk/bullmq-queue.js';
import type { CaseQueue, CaseSequencer, ConnectionCounter, SharedAgentFigures } from '../desk/ports.js';
import { createRedisConnectionCounter } from '../desk/redis-connection-counter.js';
import type { CaseProcessor } from '../desk/work-queue.js';
import { type ReadinessCheck, redisChecks } from '../health.js';
import type { Logger } from '../logger.js';
import { createPubSub, type PubSub } from '../pubsub.js';
import { createRedisLimiterStore } from '../security/redis-limiter-store.js';
import { createRedisAgentFigures } from './redis-agent-figures.js';
import { createRedisCaseSequencer } from './redis-case-sequencer.js';
import { closeRedisClient, createRedisClient } from './redis-client.js';
import { createRedisEventBus } from './redis-event-bus.js';

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

/** Creates the coordination the config asks for; with Redis, waits until the event channel is subscribed. */
export async function createCoordination(config: Config, logger: Logger): Promise<Coordination> {
  const target = config.redis;
  if (!target) return { pubsub: createPubSub(), checks: [], close: async () => {} };
  const commands = createRedisClient(target, 'commands');
  commands.on('error', (err) => logger.warn({ err }, 'Redis connection'));
  const bus = await createRedisEventBus(target, logger);
  const connections = createRedisConnectionCounter(commands, { prefix: target.prefix, instanceId: bus.instanceId });
  const agentFigures = createRedisAgentFigures(commands, { prefix: target.prefix, instanceId: bus.instanceId });
  return {
    pubsub: bus,
    limiterStore: createRedisLimiterStore(commands, target.prefix),
    connections,
    agentFigures,
    sequencer: createRedisCaseSequencer(bus.publisher, {
      prefix: target.prefix,
      channel: bus.channel,
      onError: (err) => logger.error({ err }, 'case events: Redis sequencer'),
    }),
    queue: (worker) =>
      createBullmqQueue(worker, {
        redis: target,
        concurrency: config.workerConcurrency,
        onError: (caseId, err, origin) =>
          logger.error({ err, caseId, requestId: origin?.requestId }, 'case processing failed'),
        onConnectionError: (err) => logger.warn({ err }, 'work queue: Redis connection'),
      }),
    checks: redisChecks(() => commands.ping()),
    async close() {
      await connections.close().catch(() => undefined);
      await agentFigures.close().catch(() => undefined);
      await bus.close();
      await closeRedisClient(commands);
    },
  };
}
