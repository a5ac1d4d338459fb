/**
 * Coordination on Redis (REDIS_URL): the event bus, case event numbering and live token streams,
 * rate-limit store, WebSocket connection counts, agent figures and work queue. Loaded only when
 * REDIS_URL is set, so a single instance starts without ioredis and BullMQ.
 */
import type { Config } from '../config.js';
import type { Coordination } from '../coordination.js';
import { createBullmqQueue } from '../desk/bullmq-queue.js';
import { createRedisConnectionCounter } from '../desk/redis-connection-counter.js';
import { redisChecks } from '../health.js';
import type { Logger } from '../logger.js';
import { createRedisLimiterStore } from '../security/redis-limiter-store.js';
import { createRedisAgentFigures } from './redis-agent-figures.js';
import { createRedisCaseSequencer } from './redis-case-sequencer.js';
import { closeRedisClient, createRedisClient, type RedisTarget } from './redis-client.js';
import { createRedisEventBus } from './redis-event-bus.js';

/** Coordination on Redis at `target`; waits until the event channel is subscribed. */
export async function createRedisCoordination(
  target: RedisTarget,
  config: Config,
  logger: Logger,
): Promise<Coordination> {
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
