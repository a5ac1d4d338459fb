import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { answered, CASE_EVENTS, collectWs } from '../helpers/streams.js';

describe('COMPANY_NAME', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ COMPANY_NAME: 'Northwind Fibre' });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('speaks for the configured company, never the demo one', async () => {
    const r = await t.gql(`mutation($m: String!) { submitRequest(input: { message: $m }) { case { id } } }`, {
      m: 'What is the capital of France?',
    });
    const caseId = r.data.submitRequest.case.id;
    const events = await collectWs<any>(t.ws(), CASE_EVENTS, { caseId, after: 0 }, answered);
    const done = events.find((e) => e.__typename === 'MessageCompleted');
    expect(done.message.content).toMatch(/Northwind Fibre/);
    expect(done.message.content).not.toMatch(/Brightwave/);
  });

  it('refuses an empty company name when the config is read', async () => {
    const { loadConfig } = await import('../../server/config.js');
    expect(() => loadConfig({ COMPANY_NAME: ' ' }, false)).toThrow(/COMPANY_NAME/);
  });
});
