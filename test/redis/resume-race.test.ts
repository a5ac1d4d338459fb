/**
 * The resume race across instances: a subscriber on R replays a case while W publishes a token and
 * commits a stored event right after it, between R's read of the sequencer and its read of the
 * database. The stored event is above the seq the sequencer named, so it comes live, after the
 * token: nothing is skipped, nothing is doubled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Case } from '../../server/db/entities/index.js';
import { CaseEventLog, StreamCloser } from '../../server/desk/case-event-log.js';
import type { CaseSequencer } from '../../server/desk/ports.js';
import type { CaseEvent } from '../../server/events.js';
import { createLogger } from '../../server/logger.js';
import { createRedisCaseSequencer } from '../../server/redis/redis-case-sequencer.js';
import { createRedisEventBus, type RedisEventBus } from '../../server/redis/redis-event-bus.js';
import { createTestDb } from '../helpers/app.js';
import { skipRedis, startTestRedis, type TestRedis } from '../helpers/redis.js';

describe.skipIf(skipRedis())('a resume while another instance writes', () => {
  let redis: TestRedis;
  let db: Awaited<ReturnType<typeof createTestDb>>;
  const buses: RedisEventBus[] = [];
  beforeAll(async () => {
    redis = await startTestRedis();
    db = await createTestDb();
  });
  afterAll(async () => {
    for (const b of buses) await b.close();
    await db?.close();
    await redis?.stop();
  });

  /** An instance's event log on the shared Redis prefix; `onReplay` runs once its sequencer answered a replay. */
  async function instance(prefix: string, onReplay?: () => Promise<void>): Promise<CaseEventLog> {
    const bus = await createRedisEventBus({ url: redis.url, prefix }, createLogger('silent'));
    buses.push(bus);
    const real = createRedisCaseSequencer(bus.publisher, { prefix, channel: bus.channel, onError: () => {} });
    const sequencer: CaseSequencer = {
      ...real,
      async replay(caseId, after) {
        const answer = await real.replay(caseId, after);
        await onReplay?.();
        return answer;
      },
    };
    return new CaseEventLog(db.orm, bus, { sequencer, coalesceAfterMs: 0 });
  }

  it('delivers a token and the stored event committed right after it, in order, once', async () => {
    const prefix = redis.prefix();
    const em = db.orm.em.fork();
    em.create(Case, { id: 'c-race', customer: 'cust-ava', subject: 'test', status: 'OPEN', priority: 'NORMAL' });
    await em.flush();
    const stored = (message: string) => ({ type: 'CASE_ERROR' as const, code: 'X', message, recoverable: true });
    const w = await instance(prefix);
    await w.emit('c-race', stored('before'));
    let raced = false;
    const r = await instance(prefix, async () => {
      if (raced) return;
      raced = true;
      w.emitLive('c-race', { type: 'TOKEN_DELTA', agent: 'general', messageId: 'm1', text: 'x' });
      await w.emit('c-race', stored('after the token'));
    });

    const closer = new StreamCloser();
    const seen: CaseEvent[] = [];
    const timeout = setTimeout(() => closer.close(), 3000);
    for await (const e of r.stream('c-race', 0, closer)) {
      seen.push(e);
      if (seen.length === 3) break;
    }
    clearTimeout(timeout);
    expect(raced).toBe(true);
    expect(seen.map((e) => [e.seq, e.type])).toEqual([
      [1, 'CASE_ERROR'],
      [2, 'TOKEN_DELTA'],
      [3, 'CASE_ERROR'],
    ]);
  });
});
