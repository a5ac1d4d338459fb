/**
 * A BullMQ case-queue worker in a process of its own, for the killed-worker test: it queues the
 * case given, notes in Redis when its run starts, and never finishes it (the test kills it -9).
 */
import { Redis } from 'ioredis';
import { createBullmqQueue } from '../../server/desk/bullmq-queue.js';

const [url, prefix, caseId] = process.argv.slice(2);
const redis = new Redis(url);
const queue = createBullmqQueue(
  async (id) => {
    await redis.rpush(`${prefix}:log`, `child:start:${id}`);
    await new Promise(() => {});
  },
  {
    redis: { url, prefix },
    concurrency: 1,
    lockMs: 1000,
    onError: () => {},
    onConnectionError: () => {},
  },
);
await queue.ready();
queue.enqueue(caseId, 'NORMAL');
