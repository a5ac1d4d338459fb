import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { CASE_EVENTS, collectWs } from '../helpers/streams.js';

const SUBMIT = /* GraphQL */ `
  mutation Submit($input: SubmitRequestInput!) { submitRequest(input: $input) { case { id } } }
`;

// A model that sends its answer in one burst (STREAM_CHUNK_DELAY_MS=0, as the embedded engine does
// here): the answer's first token must reach the subscriber before the rest of the burst is framed.
describe('the first token of an answer', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ STREAM_CHUNK_DELAY_MS: '0' });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('arrives in a turn of the event loop before the rest of a burst, which still arrives together', async () => {
    const first = await t.gql(SUBMIT, { input: { message: 'My wifi drops every evening, what can I do?' } });
    const caseId: string = first.data.submitRequest.case.id;
    // Counts turns of the event loop (this process runs the server and the subscriber).
    let turn = 0;
    let ticker: NodeJS.Immediate | undefined;
    const tick = () => {
      turn++;
      ticker = setImmediate(tick);
    };
    tick();
    const seen: { type: string; turn: number }[] = [];
    let followUp: Promise<{ errors?: unknown[] }> | undefined;
    try {
      // Subscribed before the follow-up is sent, so its answer comes live, not from a replay.
      await collectWs<any>(t.ws(), CASE_EVENTS, { caseId, after: 0 }, (evs) => {
        const ev = evs[evs.length - 1];
        seen.push({ type: ev.__typename, turn });
        const completed = evs.filter((e) => e.__typename === 'MessageCompleted').length;
        if (completed === 1 && !followUp)
          followUp = t.gql(SUBMIT, { input: { caseId, message: 'It still drops after the restart.' } });
        return completed === 2;
      });
      expect((await followUp)?.errors).toBeUndefined();
    } finally {
      clearImmediate(ticker);
    }
    const afterFirstAnswer = seen.slice(seen.findIndex((e) => e.type === 'MessageCompleted') + 1);
    const tokens = afterFirstAnswer.filter((e) => e.type === 'TokenDelta');
    expect(tokens.length).toBeGreaterThan(10);
    expect(tokens[1].turn).toBeGreaterThan(tokens[0].turn);
    // The rest are not sent one write each: most share their turn with another token.
    const turns = new Set(tokens.slice(1).map((e) => e.turn));
    expect(turns.size).toBeLessThan(tokens.length / 2);
  });
});
