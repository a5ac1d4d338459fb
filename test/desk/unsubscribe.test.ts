import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { answered, collectWs } from '../helpers/streams.js';

describe('unsubscribing', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: '12' });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('frees each subscription when the client completes it, so one connection can watch case after case', async () => {
    // At most 12 at a time: 40 watches, 10 at once, on one connection only work if each one is freed.
    const client = t.ws({ operatorId: 'watcher' });
    let next = 0;
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        while (next < 40) {
          const i = next++;
          const r = await t.gql(
            `mutation($m: String!) { submitRequest(input: { message: $m }) { case { id } } }`,
            { m: `Where is my order BW-100214? (${i})` },
            { 'x-customer-id': `watch-${i % 5}` },
          );
          const evs = await collectWs<any>(
            client,
            `subscription($caseId: ID!) { caseEvents(caseId: $caseId, after: 0) { __typename } }`,
            { caseId: r.data.submitRequest.case.id },
            answered,
          );
          expect(evs.some((e) => e.__typename === 'MessageCompleted')).toBe(true);
        }
      }),
    );
  });
});
