import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { CASE_EVENTS, collectWs } from '../helpers/streams.js';

const SUBMIT = `mutation($input: SubmitRequestInput!) { submitRequest(input: $input) { case { id } } }`;
const completed = (n: number) => (evs: any[]) => evs.filter((e) => e.__typename === 'MessageCompleted').length >= n;

describe('follow-ups', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.stop();
  });

  async function submit(message: string, caseId?: string): Promise<string> {
    const r = await t.gql(SUBMIT, { input: { message, caseId } });
    expect(r.errors).toBeUndefined();
    return r.data.submitRequest.case.id;
  }
  const answers = async (caseId: string, n: number) =>
    (await collectWs<any>(t.ws(), CASE_EVENTS, { caseId, after: 0 }, completed(n)))
      .filter((e) => e.__typename === 'MessageCompleted')
      .map((e) => e.message);

  it('answers a thank-you on a billing case briefly instead of listing the invoices again', async () => {
    const caseId = await submit('Can you show me my invoices?');
    const [first] = await answers(caseId, 1);
    expect(first.toolCalls.map((c: { name: string }) => c.name)).toContain('list_invoices');
    await submit('thanks!', caseId);
    const second = (await answers(caseId, 2))[1];
    expect(second.content).toMatch(/welcome/i);
    expect(second.toolCalls).toEqual([]);
    expect(second.content).not.toMatch(/INV-/);
  });

  it('offers a human when the customer tried the steps and the problem is still there', async () => {
    const caseId = await submit('My wifi keeps dropping every evening, what can I do?');
    const [first] = await answers(caseId, 1);
    await submit('I tried the restart steps and it still drops', caseId);
    const events = await collectWs<any>(t.ws(), CASE_EVENTS, { caseId, after: 0 }, completed(2));
    const second = events.filter((e) => e.__typename === 'MessageCompleted')[1].message;
    expect(second.toolCalls.map((c: { name: string }) => c.name)).toContain('escalate_to_human');
    expect(second.content).toMatch(/human operator/i);
    expect(second.content).not.toBe(first.content);
    expect(events.some((e) => e.__typename === 'CaseEscalated')).toBe(true);
  });
});
