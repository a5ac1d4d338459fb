import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSchema, createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPubSub } from '../../server/pubsub.js';
import { useSharedEventExecution } from '../../server/shared-execution.js';

describe('useSharedEventExecution', () => {
  const pubsub = createPubSub();
  let resolved = 0;
  let url = '';
  const server = createServer(
    createYoga<{ role?: string }>({
      logging: false,
      schema: createSchema({
        typeDefs:
          'type Query { ok: Boolean } type Ev { n: Int, role: String } type Subscription { ev(topic: String!): Ev }',
        resolvers: {
          Subscription: {
            ev: {
              subscribe: (_r: unknown, a: { topic: string }) => pubsub.subscribe(a.topic),
              resolve: (e: unknown) => e,
            },
          },
          Ev: {
            n: (e: { n: number }) => {
              resolved++;
              return e.n;
            },
          },
        },
      }),
      context: ({ request }) => ({ role: request.headers.get('x-role') ?? 'anonymous' }),
      plugins: [useSharedEventExecution({ viewerKey: (ctx) => (ctx as { role: string }).role })],
    }),
  );
  beforeAll(async () => {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => {
    pubsub.closeAll();
    server.close();
  });

  /** Opens an SSE subscription; resolves with the first `count` results once they arrive. */
  async function subscribe(role: string, topic: string, count: number) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'x-role': role },
      body: JSON.stringify({ query: 'subscription($t: String!) { ev(topic: $t) { n } }', variables: { t: topic } }),
    });
    const reader = res.body!.getReader();
    const results = (async () => {
      const out: unknown[] = [];
      let buf = '';
      while (out.length < count) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += new TextDecoder().decode(value);
        for (let i = buf.indexOf('\n\n'); i >= 0; i = buf.indexOf('\n\n')) {
          const frame = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const data = frame.split('\n').find((l) => l.startsWith('data:'));
          if (frame.startsWith('event: next') && data) out.push(JSON.parse(data.slice(5)));
        }
      }
      await reader.cancel();
      return out;
    })();
    return results;
  }

  const settle = () => new Promise((r) => setTimeout(r, 100));

  it('runs the selection once per event for subscribers of one class, and once per class', async () => {
    const a = subscribe('staff', 't1', 2);
    const b = subscribe('staff', 't1', 2);
    const c = subscribe('customer', 't1', 2);
    await settle();
    resolved = 0;
    pubsub.publish('t1', { n: 1 });
    pubsub.publish('t1', { n: 2 });
    const all = await Promise.all([a, b, c]);
    for (const r of all) expect(r).toEqual([{ data: { ev: { n: 1 } } }, { data: { ev: { n: 2 } } }]);
    // Two events, two viewer classes: four executions for three subscribers (six without sharing).
    expect(resolved).toBe(4);
  });

  it('runs the selection for each subscriber when the variables differ', async () => {
    const a = subscribe('staff', 't2', 1);
    const b = subscribe('staff', 't3', 1);
    await settle();
    resolved = 0;
    const ev = { n: 7 };
    pubsub.publish('t2', ev);
    pubsub.publish('t3', ev);
    expect(await Promise.all([a, b])).toEqual([[{ data: { ev: { n: 7 } } }], [{ data: { ev: { n: 7 } } }]]);
    expect(resolved).toBe(2);
  });
});
