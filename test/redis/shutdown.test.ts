/**
 * SIGTERM of an instance mid-answer, behind a load balancer: the instance stops taking jobs, hands
 * its running case back (the half-written answer kept, INCOMPLETE), and closes its WebSockets with
 * 1012; the typed client reconnects through the balancer to the other instance and resumes with
 * `after:` its last seq, seeing every event of the case once, in order, and the answer written there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseEvent, createDeskClient, type DeskClientError } from '../../client/src/desk-client.js';
import { CaseEventRecord } from '../../server/db/entities/index.js';
import { startTestApp, TEST_JWT_SECRET, type TestApp, tokenFor } from '../helpers/app.js';
import { type Balancer, startBalancer } from '../helpers/balancer.js';
import { type ChildDesk, startChildDesk } from '../helpers/child-desk.js';
import { freshDatabase } from '../helpers/database.js';
import { skipRedis, startTestRedis, type TestRedis } from '../helpers/redis.js';

describe.skipIf(skipRedis())('SIGTERM of an instance', () => {
  let redis: TestRedis;
  let a: ChildDesk | undefined;
  let b: TestApp | undefined;
  let lb: Balancer | undefined;
  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(async () => {
    a?.child.kill('SIGKILL');
    await lb?.close();
    await b?.stop();
    await redis?.stop();
  });

  it('hands its running case back and its subscribers resume on the other instance, every event once, in order', async () => {
    const db = await freshDatabase();
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: redis.prefix(),
      JWT_SECRET: TEST_JWT_SECRET,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      STREAM_COALESCE_AFTER_MS: '0',
    };
    // A writes slowly and gives a running answer 300 ms at shutdown: it hands the case back.
    a = await startChildDesk({ ...env, PORT: '0', STREAM_CHUNK_DELAY_MS: '100', SHUTDOWN_TIMEOUT_MS: '300' });
    const aPort = a.port;
    let bPort = 0;
    // A first while it takes connections; B (once started) when A refuses them.
    lb = await startBalancer(() => (bPort ? [aPort, bPort] : [aPort]));
    const desk = createDeskClient({ url: `http://127.0.0.1:${lb.port}/graphql`, token: tokenFor('cust-ava') });

    const { case: c } = await desk.submitRequest({ message: 'Where is my order BW-100214?' });
    const events: CaseEvent[] = [];
    const reconnects: DeskClientError[] = [];
    let stoppedAt = 0;
    for await (const ev of desk.watchCase(c.id, { onReconnect: ({ error }) => reconnects.push(error) })) {
      events.push(ev);
      if (!stoppedAt && events.filter((e) => e.__typename === 'TokenDelta').length >= 3) {
        // B starts only once A works the case (B's worker could have taken it), then A is stopped.
        b = await startTestApp({ ...env, STREAM_CHUNK_DELAY_MS: '2' });
        bPort = b.running.port;
        a.child.kill('SIGTERM');
        stoppedAt = Date.now();
      }
      if (ev.__typename === 'MessageCompleted' && ev.message.status === 'COMPLETE') break;
    }
    await desk.dispose();
    expect(await a.exited).toBe(0);
    if (!b) throw new Error('B never started');
    console.info(`answered on B ${Date.now() - stoppedAt} ms after SIGTERM of A; balancer routed to ${lb.routed}`);

    // One reconnect, told by the close code that the instance was restarting.
    expect(reconnects.map((e) => [e.code, e.closeCode])).toEqual([['CONNECTION_CLOSED', 1012]]);
    expect(lb.routed).toContain(bPort);

    // Every stored event once, in order, and the token deltas between them.
    const seqs = events.map((e) => e.seq);
    for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBeGreaterThan(seqs[i - 1]);
    const stored = await b.running.orm.em.fork().find(CaseEventRecord, { case: c.id }, { orderBy: { seq: 'asc' } });
    const notDeltas = events.filter((e) => e.__typename !== 'TokenDelta');
    // (Up to the answer, where the client stopped reading.)
    const upTo = seqs[seqs.length - 1];
    expect(notDeltas.map((e) => e.seq)).toEqual(stored.filter((e) => e.seq <= upTo).map((e) => e.seq));

    // A's answer was handed back, kept as far as it went; B answered again, whole.
    const completed = events.filter((e) => e.__typename === 'MessageCompleted');
    expect(completed.map((e) => e.message.status)).toEqual(['INCOMPLETE', 'COMPLETE']);
    for (const m of completed.map((e) => e.message)) {
      const text = events
        .filter((e) => e.__typename === 'TokenDelta' && e.messageId === m.id)
        .map((e) => (e as { text: string }).text)
        .join('');
      expect(text).toBe(m.content);
    }
    expect(completed[0].message.content.length).toBeGreaterThan(0);
    expect(completed[1].message.content).toContain('BW-100214');
    // The cut answer is closed before the new one starts.
    const second = events.findIndex((e) => e.__typename === 'AgentStarted' && e.messageId === completed[1].message.id);
    expect(events.indexOf(completed[0])).toBeLessThan(second);
  }, 60_000);
});
