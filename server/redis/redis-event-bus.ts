/**
 * The EventBus on Redis pub/sub: events published on any instance reach the subscribers of every
 * instance. Local subscribers get local events at once (the in-process pub/sub), so a subscription
 * still listens from the moment it is created; other instances' events arrive through one Redis
 * channel that each instance subscribes to before it serves, so none is missed while a topic's
 * subscription would be setting up. Dates survive the trip (the event streams compare times).
 * Case events do not come through `publish`: the case sequencer publishes them on the channel in
 * seq order, and every instance, the writer included, delivers them from there.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import { createPubSub, type PubSub } from '../pubsub.js';
import { closeRedisClient, createRedisClient, type RedisTarget } from './redis-client.js';
import { decodeMessage, encodeMessage } from './redis-event-codec.js';

/** The Redis event bus: a PubSub, and how to close its connections. */
export interface RedisEventBus extends PubSub {
  /** This instance's id on the channel (its own messages are not delivered twice). */
  readonly instanceId: string;
  /** The connection it publishes on: commands sent on it before a publish reach Redis before it. */
  readonly publisher: Redis;
  /** The channel every instance listens on (a message from another origin reaches local subscribers). */
  readonly channel: string;
  /** Closes both connections (after closeAll). */
  close(): Promise<void>;
}

/** Creates the bus and waits until its channel subscription is in place. */
export async function createRedisEventBus(target: RedisTarget, logger: Logger): Promise<RedisEventBus> {
  const instanceId = randomUUID();
  const channel = `${target.prefix}:events`;
  const local = createPubSub();
  const pub: Redis = createRedisClient(target, 'events-pub');
  const sub: Redis = createRedisClient(target, 'events-sub', { blocking: true });
  sub.on('message', (_channel: string, message: string) => {
    let decoded: ReturnType<typeof decodeMessage>;
    try {
      decoded = decodeMessage(message);
    } catch (err) {
      logger.warn({ err }, 'undecodable event on the Redis channel');
      return;
    }
    if (!decoded || decoded.origin === instanceId) return;
    local.publish(decoded.topic, decoded.payload);
  });
  for (const client of [pub, sub]) client.on('error', (err) => logger.warn({ err }, 'Redis event bus connection'));
  try {
    await sub.subscribe(channel);
  } catch (err) {
    sub.disconnect();
    pub.disconnect();
    throw err;
  }
  return {
    instanceId,
    publisher: pub,
    channel,
    publish(topic, payload) {
      local.publish(topic, payload);
      pub.publish(channel, encodeMessage(instanceId, topic, payload)).catch((err: unknown) => {
        logger.error({ err, topic }, 'event not published to other instances');
      });
    },
    subscribe: (topic, opts) => local.subscribe(topic, opts),
    closeAll: () => local.closeAll(),
    async close() {
      await Promise.all([closeRedisClient(sub), closeRedisClient(pub)]);
    },
  };
}
