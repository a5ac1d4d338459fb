import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urgencyOf } from '../../server/desk/emergency-rules.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { answered, CASE_EVENTS, collectWs } from '../helpers/streams.js';

describe('urgencyOf', () => {
  it('makes safety, life-safety devices, takeover and fraud emergencies that alert', () => {
    for (const text of [
      'The hub smells of burning plastic',
      'My mother’s medical alarm pendant lost its connection',
      'Someone hacked my account and changed my password',
      'There are unauthorized charges on my card',
    ])
      expect(urgencyOf(text), text).toMatchObject({ emergency: true, alert: true, priority: 'URGENT' });
  });

  it('raises the priority of an outage that stops many people, without a desk-wide alert', () => {
    expect(urgencyOf('The whole office network is down since this morning')).toMatchObject({
      emergency: false,
      alert: false,
      priority: 'HIGH',
    });
    expect(urgencyOf('EMERGENCY: 40 people cannot work, the internet is gone')).toMatchObject({
      alert: false,
      priority: 'URGENT',
    });
  });

  it('records the checkbox on a trivial message and raises its priority, but keeps the alert for content', () => {
    expect(urgencyOf('quick question about my invoice', true)).toEqual({
      emergency: true,
      alert: false,
      priority: 'URGENT',
      reason: 'emergency flagged by the customer',
    });
  });

  it('leaves an ordinary message NORMAL', () => {
    expect(urgencyOf('Where can I find my latest invoice?')).toMatchObject({ emergency: false, priority: 'NORMAL' });
  });
});

describe('emergencies on the desk', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.stop();
  });

  const SUBMIT = `mutation($input: SubmitRequestInput!) { submitRequest(input: $input) { case { id priority emergency } } }`;
  const DESK = `subscription { deskEvents { __typename ... on EmergencyAlert { caseId reason } ... on CaseCreated { caseId } } }`;

  it('queues a wording-detected emergency as URGENT and alerts every operator', async () => {
    const desk = collectWs<any>(t.ws({ operatorId: 'maria' }), DESK, {}, (evs) =>
      evs.some((e) => e.__typename === 'EmergencyAlert'),
    );
    await new Promise((r) => setTimeout(r, 100));
    const r = await t.gql(SUBMIT, { input: { message: 'My extender is sparking and smells of burning' } });
    expect(r.data.submitRequest.case).toMatchObject({ priority: 'URGENT', emergency: true });
    const alerts = await desk;
    const alert = alerts.find((e) => e.__typename === 'EmergencyAlert');
    expect(alert.caseId).toBe(r.data.submitRequest.case.id);
    // Found in the wording, not flagged by the customer: the reason says so.
    expect(alert.reason).toMatch(/^emergency: escalation signal: safety/);
  });

  it('makes a guest’s trivial message with the checkbox URGENT but sends no desk-wide alert', async () => {
    const seen: any[] = [];
    const desk = collectWs<any>(t.ws({ operatorId: 'maria' }), DESK, {}, (evs) => {
      seen.splice(0, seen.length, ...evs);
      return false;
    }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 100));
    const r = await t.gql(SUBMIT, { input: { message: 'quick question about my invoice', emergency: true } });
    const c = r.data.submitRequest.case;
    expect(c).toMatchObject({ priority: 'URGENT', emergency: true });
    await collectWs<any>(t.ws(), CASE_EVENTS, { caseId: c.id, after: 0 }, answered);
    await new Promise((r) => setTimeout(r, 200));
    expect(seen.some((e) => e.__typename === 'CaseCreated' && e.caseId === c.id)).toBe(true);
    expect(seen.some((e) => e.__typename === 'EmergencyAlert' && e.caseId === c.id)).toBe(false);
    void desk;
  });

  it('raises an office-wide outage to HIGH when it is stored', async () => {
    const r = await t.gql(SUBMIT, { input: { message: 'The whole office network is down, nobody can work.' } });
    expect(r.data.submitRequest.case).toMatchObject({ priority: 'HIGH', emergency: false });
  });
});
