import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Case } from '../../server/db/entities/index.js';
import { CaseEventLog, StreamCloser } from '../../server/desk/case-event-log.js';
import type { CaseEvent } from '../../server/events.js';
import { createPubSub } from '../../server/pubsub.js';
import { createTestDb } from '../helpers/app.js';

describe('CaseEventLog', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => {
    await db.close();
  });

  async function newCase(id: string): Promise<void> {
    const em = db.orm.em.fork();
    em.create(Case, { id, customer: 'cust-ava', subject: 'test', status: 'OPEN', priority: 'NORMAL' });
    await em.flush();
  }

  const delta = (text: string) => ({ type: 'TOKEN_DELTA' as const, agent: 'general', messageId: 'm1', text });

  it('gives a subscriber that fell behind the deltas it missed as one event, with no gap in the text', async () => {
    await newCase('c-behind');
    const log = new CaseEventLog(db.orm, createPubSub(), { coalesceAfterMs: 5 });
    const stream = log.stream('c-behind', 0);
    const first = stream.next();
    await log.emitLive('c-behind', delta('a'));
    const e1 = (await first).value as CaseEvent;
    for (const t of ['b', 'c', 'd']) await log.emitLive('c-behind', delta(t));
    await new Promise((r) => setTimeout(r, 20));
    const e2 = (await stream.next()).value as CaseEvent;
    expect(e1.type === 'TOKEN_DELTA' && e1.text).toBe('a');
    expect(e2.type === 'TOKEN_DELTA' && e2.text).toBe('bcd');
    expect(e2.seq).toBe(e1.seq + 3);
    expect(log.liveTokens('c-behind', 'm1')).toBe('abcd');
    await stream.return(undefined);
    await log.close();
  });

  it('sends every delta on its own to a subscriber that keeps up', async () => {
    await newCase('c-keeps-up');
    const log = new CaseEventLog(db.orm, createPubSub(), { coalesceAfterMs: 60_000 });
    const stream = log.stream('c-keeps-up', 0);
    const first = stream.next();
    await log.emitLive('c-keeps-up', { ...delta('a'), messageId: 'k1' });
    await first;
    for (const t of ['b', 'c']) await log.emitLive('c-keeps-up', { ...delta(t), messageId: 'k1' });
    const texts = [];
    for (let i = 0; i < 2; i++) {
      const e = (await stream.next()).value as CaseEvent;
      texts.push(e.type === 'TOKEN_DELTA' ? e.text : e.type);
    }
    expect(texts).toEqual(['b', 'c']);
    await stream.return(undefined);
    await log.close();
  });

  it('numbers events after the reserved block, so numbers are never reused after a restart', async () => {
    await newCase('c-restart');
    const pubsub = createPubSub();
    const before = new CaseEventLog(db.orm, pubsub);
    const [a] = await before.emit('c-restart', { type: 'CASE_ERROR', code: 'X', message: 'one', recoverable: true });
    const live = await before.emitLive('c-restart', {
      type: 'TOKEN_DELTA',
      agent: 'general',
      messageId: 'm',
      text: 'x',
    });
    const after = new CaseEventLog(db.orm, pubsub);
    const [b] = await after.emit('c-restart', { type: 'CASE_ERROR', code: 'X', message: 'two', recoverable: true });
    const liveSeq = live?.seq ?? 0;
    expect(liveSeq).toBeGreaterThan(a.seq);
    expect(b.seq).toBeGreaterThan(liveSeq + 900);
    const stored: CaseEvent[] = [];
    const closer = new StreamCloser();
    setTimeout(() => closer.close(), 200);
    for await (const e of after.stream('c-restart', 0, closer)) stored.push(e);
    expect(stored.map((e) => e.seq)).toEqual([a.seq, b.seq]);
  });
});
