/** Webhooks: signed deliveries to a real local receiver, retries with backoff, restarts, disabling, SSRF refusals. */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertPublicAddress } from '../../server/desk/webhooks-guard.js';
import { sendWebhook } from '../../server/desk/webhooks-sender.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { storeCases } from '../helpers/cases.js';
import { until } from '../helpers/until.js';

const ADMIN = { 'x-admin-id': 'ada' };
const OP = { 'x-operator-id': 'sam' };
const MIN = 60_000;
const CREATE = /* GraphQL */ `
  mutation($input: WebhookInput!) { createWebhook(input: $input) { secret webhook { id url events enabled } } }
`;
const SUBMIT = /* GraphQL */ `
  mutation($input: SubmitRequestInput!) { submitRequest(input: $input) { case { id } } }
`;
const DELIVERIES = /* GraphQL */ `
  query($w: ID) {
    webhookDeliveries(webhookId: $w, limit: 100) {
      id event status attempts responseStatus error deliveredAt body
      attemptLog { attempt at ok responseStatus responseSnippet error durationMs }
    }
  }
`;

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/** A real HTTP receiver on 127.0.0.1 that answers with the next scripted status (200 when the script is out). */
async function startReceiver() {
  const received: Received[] = [];
  const script: number[] = [];
  let fallback = 200;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      const status = script.shift() ?? fallback;
      if (status >= 300 && status < 400) res.writeHead(status, { location: 'http://127.0.0.1:1/elsewhere' });
      else res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(`${status === 200 ? 'ok' : 'nope'} ${'x'.repeat(2000)}`);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    port,
    received,
    script,
    setFallback(s: number) {
      fallback = s;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** Checks the signature header the way a receiver would: HMAC-SHA256 of "<t>.<body>". */
function verify(secret: string, r: Received): boolean {
  const header = String(r.headers['x-crewdesk-signature'] ?? '');
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!m) return false;
  const expected = createHmac('sha256', secret).update(`${m[1]}.${r.body}`).digest();
  return timingSafeEqual(expected, Buffer.from(m[2], 'hex'));
}

describe('webhooks', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let t: TestApp | undefined;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
  });
  afterEach(async () => {
    await t?.stop();
    t = undefined;
    receiver.received.length = 0;
    receiver.script.length = 0;
    receiver.setFallback(200);
  });

  const FAST = {
    WEBHOOK_ALLOW_PRIVATE: 'true',
    WEBHOOK_POLL_MS: '50',
    WEBHOOK_RETRY_BASE_MS: '150',
    WEBHOOK_RETRY_MAX_MS: '2000',
  };

  it('delivers signed events to subscribed webhooks only, and lets only admins manage them', async () => {
    t = await startTestApp(FAST);
    const denied = await t.gql(CREATE, { input: { url: receiver.url, events: ['CASE_CREATED'] } }, OP);
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const badEvents = await t.gql(CREATE, { input: { url: receiver.url, events: [] } }, ADMIN);
    expect(badEvents.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'events' });

    const made = await t.gql(
      CREATE,
      { input: { url: receiver.url, events: ['CASE_CREATED', 'MESSAGE_CREATED', 'CASE_RESOLVED', 'CSAT_RECEIVED'] } },
      ADMIN,
    );
    expect(made.errors).toBeUndefined();
    const { secret, webhook } = made.data.createWebhook;
    expect(secret).toMatch(/^whsec_/);
    const listed = await t.gql(`{ webhooks { id url enabled } }`, {}, ADMIN);
    expect(listed.data.webhooks).toEqual([{ id: webhook.id, url: receiver.url, enabled: true }]);
    // The secret is never readable afterwards.
    expect((await t.gql(`{ webhooks { secret } }`, {}, ADMIN)).errors?.[0].extensions?.code).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    );

    const r = await t.gql(SUBMIT, { input: { message: 'How do I reset my hub to factory settings?' } });
    const caseId = r.data.submitRequest.case.id;
    await until(() => receiver.received.filter((x) => x.headers['x-crewdesk-event'] === 'message.created').length >= 2);
    await t.gql(
      `mutation($c: ID!) { updateCase(input: { caseId: $c, status: RESOLVED }) { status } }`,
      { c: caseId },
      OP,
    );
    await t.gql(`mutation($c: ID!) { rateCase(caseId: $c, score: 5, comment: "great") { score } }`, { c: caseId });
    await until(() => receiver.received.some((x) => x.headers['x-crewdesk-event'] === 'csat.received'));
    await until(() => receiver.received.some((x) => x.headers['x-crewdesk-event'] === 'case.resolved'));

    for (const got of receiver.received) {
      expect(verify(secret, got)).toBe(true);
      expect(verify('whsec_wrong', got)).toBe(false);
      const body = JSON.parse(got.body);
      expect(body.event).toBe(got.headers['x-crewdesk-event']);
      expect(body.data.caseId).toBe(caseId);
    }
    const events = receiver.received.map((x) => JSON.parse(x.body).event);
    expect(events).toContain('case.created');
    // Not subscribed: case.updated never arrives even though the case changed status.
    expect(events).not.toContain('case.updated');
    const created = JSON.parse(receiver.received.find((x) => JSON.parse(x.body).event === 'case.created')!.body);
    expect(created.data.subject).toContain('reset my hub');
    const messages = receiver.received.filter((x) => JSON.parse(x.body).event === 'message.created');
    expect(messages.map((x) => JSON.parse(x.body).data.message.authorKind)).toEqual(
      expect.arrayContaining(['CUSTOMER', 'AGENT']),
    );
    const csat = JSON.parse(receiver.received.find((x) => JSON.parse(x.body).event === 'csat.received')!.body);
    expect(csat.data).toMatchObject({ caseId, score: 5, comment: 'great' });

    // The log catches up with what the receiver got (an attempt is recorded just after its answer).
    const log = await until(async () => {
      const l = await t!.gql(DELIVERIES, { w: webhook.id }, ADMIN);
      const ds = l.data.webhookDeliveries;
      return ds.length === receiver.received.length && ds.every((d: any) => d.status !== 'PENDING') ? l : undefined;
    });
    expect(log.data.webhookDeliveries.every((d: any) => d.status === 'SUCCEEDED' && d.attempts === 1)).toBe(true);
    // Only a snippet of the receiver's answer is kept.
    const snippet = log.data.webhookDeliveries[0].attemptLog[0].responseSnippet;
    expect(snippet.startsWith('ok ')).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(256);
    expect((await t.gql(DELIVERIES, {}, OP)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('loses no rating or SLA breach while no dispatcher runs: their outbox rows commit with them', async () => {
    t = await startTestApp({ ...FAST, SLA_POLL_MS: '600000' });
    const made = await t.gql(
      CREATE,
      { input: { url: receiver.url, events: ['CSAT_RECEIVED', 'SLA_BREACHED'] } },
      ADMIN,
    );
    expect(made.errors).toBeUndefined();
    await t.gql(
      `mutation { setSlaPolicy(input: { priority: URGENT, firstResponseMinutes: 5, resolutionMinutes: 30 }) { priority } }`,
      {},
      ADMIN,
    );
    const r = await t.gql(SUBMIT, { input: { message: 'How do I reset my hub to factory settings?' } });
    const rated = r.data.submitRequest.case.id;
    const resolved = await t.gql(
      `mutation($c: ID!) { updateCase(input: { caseId: $c, status: RESOLVED }) { status } }`,
      { c: rated },
      OP,
    );
    expect(resolved.errors).toBeUndefined();
    const created = new Date();
    const [lateId] = await storeCases(t.running.orm, [
      { subject: 'Nobody answers this one', priority: 'URGENT', createdAt: created },
    ]);
    const late = { id: lateId };
    const { scheduler } = t.running.desk.sla;
    await scheduler.tick();

    // The dispatcher is down (as in a crash right after the commits): the rating and the breach happen.
    await t.running.desk.webhooks.dispatcher.stop();
    const rate = await t.gql(`mutation($c: ID!) { rateCase(caseId: $c, score: 4, comment: "fine") { score } }`, {
      c: rated,
    });
    expect(rate.errors).toBeUndefined();
    scheduler.setClock(() => new Date(created.getTime() + 6 * MIN));
    expect((await scheduler.tick()).map((e) => e.type)).toContain('SLA_BREACHED');
    await new Promise((res) => setTimeout(res, 300));
    expect(receiver.received).toEqual([]);

    // A dispatcher that starts later delivers both.
    t.running.desk.webhooks.dispatcher.start();
    const bodies = async () => receiver.received.map((x) => JSON.parse(x.body));
    await until(async () => (await bodies()).length >= 2);
    await new Promise((res) => setTimeout(res, 200));
    const got = await bodies();
    expect(got.map((b) => b.event).sort()).toEqual(['csat.received', 'sla.breached']);
    expect(got.find((b) => b.event === 'csat.received').data).toMatchObject({
      caseId: rated,
      score: 4,
      comment: 'fine',
    });
    expect(got.find((b) => b.event === 'sla.breached').data).toMatchObject({
      caseId: late.id,
      target: 'FIRST_RESPONSE',
      priority: 'URGENT',
      dueAt: new Date(created.getTime() + 5 * MIN).toISOString(),
    });
  });

  it('retries after 500s with growing delays and logs every attempt', async () => {
    t = await startTestApp(FAST);
    const made = await t.gql(CREATE, { input: { url: receiver.url, events: ['CASE_CREATED'] } }, ADMIN);
    const { webhook, secret } = made.data.createWebhook;
    receiver.script.push(500, 500);
    await t.gql(SUBMIT, { input: { message: 'My invoice looks wrong this month' } });
    await until(() => receiver.received.length >= 3);
    const [a, b, c] = receiver.received;
    expect(new Set([a, b, c].map((x) => x.headers['x-crewdesk-delivery'])).size).toBe(1);
    expect([a, b, c].every((x) => verify(secret, x))).toBe(true);
    // Backoff: ~150 ms, then ~300 ms (±10 %).
    expect(b.at - a.at).toBeGreaterThanOrEqual(130);
    expect(c.at - b.at).toBeGreaterThanOrEqual(260);
    const log = await until(async () => {
      const l = await t!.gql(DELIVERIES, { w: webhook.id }, ADMIN);
      return l.data.webhookDeliveries[0]?.status === 'SUCCEEDED' ? l : undefined;
    });
    const [d] = log.data.webhookDeliveries;
    expect(d).toMatchObject({ event: 'CASE_CREATED', attempts: 3, responseStatus: 200, error: null });
    expect(d.attemptLog.map((x: any) => [x.attempt, x.ok, x.responseStatus])).toEqual([
      [1, false, 500],
      [2, false, 500],
      [3, true, 200],
    ]);
    expect(d.attemptLog[0].error).toBe('HTTP 500');
  });

  it('delivers after a restart in the middle of the retries (the outbox is stored)', async () => {
    t = await startTestApp({ ...FAST, WEBHOOK_RETRY_BASE_MS: '1500' });
    const made = await t.gql(CREATE, { input: { url: receiver.url, events: ['CASE_CREATED'] } }, ADMIN);
    const { webhook } = made.data.createWebhook;
    receiver.setFallback(500);
    await t.gql(SUBMIT, { input: { message: 'The app will not let me log in' } });
    await until(() => receiver.received.length >= 1);
    // Stop the desk while the retry is waiting, start a new one on the same SQLite file.
    await t.restart({ ...FAST, WEBHOOK_RETRY_BASE_MS: '1500' });
    expect(receiver.received.length).toBe(1);
    receiver.setFallback(200);
    await until(() => receiver.received.length >= 2, 10_000);
    expect(receiver.received[1].headers['x-crewdesk-delivery']).toBe(
      receiver.received[0].headers['x-crewdesk-delivery'],
    );
    expect(receiver.received[1].body).toBe(receiver.received[0].body);
    const log = await until(async () => {
      const l = await t!.gql(DELIVERIES, { w: webhook.id }, ADMIN);
      return l.data.webhookDeliveries[0]?.status === 'SUCCEEDED' ? l : undefined;
    });
    expect(log.data.webhookDeliveries).toHaveLength(1);
    expect(log.data.webhookDeliveries[0].attempts).toBe(2);
  });

  it('gives up after the last attempt, disables a webhook that keeps failing, and re-enables it', async () => {
    t = await startTestApp({ ...FAST, WEBHOOK_MAX_ATTEMPTS: '2', WEBHOOK_DISABLE_AFTER: '2' });
    const made = await t.gql(CREATE, { input: { url: receiver.url, events: ['CASE_CREATED'] } }, ADMIN);
    const { webhook } = made.data.createWebhook;
    receiver.setFallback(503);
    await t.gql(SUBMIT, { input: { message: 'Where is my refund?' } });
    const hook = await until(async () => {
      const l = await t!.gql(`{ webhooks { id enabled consecutiveFailures disabledReason } }`, {}, ADMIN);
      return l.data.webhooks[0].enabled ? undefined : l.data.webhooks[0];
    });
    expect(hook.consecutiveFailures).toBe(2);
    expect(hook.disabledReason).toMatch(/disabled after 2 failed attempts.*HTTP 503/);
    const log = await t.gql(DELIVERIES, { w: webhook.id }, ADMIN);
    expect(log.data.webhookDeliveries[0]).toMatchObject({ status: 'FAILED', attempts: 2, responseStatus: 503 });

    // Disabled: new events are not queued for it.
    await t.gql(SUBMIT, { input: { message: 'Another question about my plan' } });
    await new Promise((r) => setTimeout(r, 300));
    expect((await t.gql(DELIVERIES, { w: webhook.id }, ADMIN)).data.webhookDeliveries).toHaveLength(1);
    expect(receiver.received).toHaveLength(2);

    receiver.setFallback(200);
    const on = await t.gql(
      `mutation($id: ID!) { updateWebhook(id: $id, input: { enabled: true }) { enabled consecutiveFailures disabledReason } }`,
      { id: webhook.id },
      ADMIN,
    );
    expect(on.data.updateWebhook).toEqual({ enabled: true, consecutiveFailures: 0, disabledReason: null });
    await t.gql(SUBMIT, { input: { message: 'One more: how do I change my e-mail address?' } });
    await until(() => receiver.received.length >= 3);
    expect(receiver.received[2].headers['x-crewdesk-event']).toBe('case.created');
  });

  it('refuses loopback, link-local, private and loopback-resolving URLs when private addresses are not allowed', async () => {
    t = await startTestApp({ WEBHOOK_POLL_MS: '50' });
    for (const url of [
      receiver.url,
      'http://169.254.169.254/latest/meta-data/',
      'http://10.1.2.3/hook',
      'http://192.168.0.10/hook',
      'http://[::1]:8080/hook',
      'http://[::ffff:127.0.0.1]/hook',
      `http://localhost:${receiver.port}/hooks`,
      'ftp://example.com/hook',
    ]) {
      const r = await t.gql(CREATE, { input: { url, events: ['CASE_CREATED'] } }, ADMIN);
      expect(r.errors?.[0].extensions?.code, url).toBe('WEBHOOK_ADDRESS_FORBIDDEN');
    }
    expect((await t.gql(`{ webhooks { id } }`, {}, ADMIN)).data.webhooks).toEqual([]);
    expect(receiver.received).toHaveLength(0);
  });

  it('checks the resolved address when it connects, and does not follow redirects', async () => {
    const base = { body: '{}', secret: 's', event: 'case.created', deliveryId: 'd1', timeoutMs: 2000 };
    // A host name that resolves to loopback is refused at connect time, before any byte is sent.
    const refused = await sendWebhook({ ...base, url: `http://localhost:${receiver.port}/hooks`, allowPrivate: false });
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatch(/loopback address/);
    const literal = await sendWebhook({ ...base, url: receiver.url, allowPrivate: false });
    expect(literal.error).toMatch(/127\.0\.0\.1 is a loopback address/);
    expect(receiver.received).toHaveLength(0);

    receiver.script.push(302);
    const redirected = await sendWebhook({ ...base, url: receiver.url, allowPrivate: true });
    expect(redirected).toMatchObject({ ok: false, status: 302 });
    expect(redirected.error).toMatch(/redirect to http:\/\/127\.0\.0\.1:1\/elsewhere not followed/);
    expect(receiver.received).toHaveLength(1);

    expect(() => assertPublicAddress('93.184.216.34', false)).not.toThrow();
    expect(() => assertPublicAddress('2606:4700:4700::1111', false)).not.toThrow();
    for (const a of [
      '127.0.0.1',
      '10.0.0.1',
      '172.16.5.4',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      'fe80::1',
      'fd00::1',
    ])
      expect(() => assertPublicAddress(a, false), a).toThrow(/webhooks may only reach public addresses/);
  });

  it('times out a receiver that does not answer', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as AddressInfo).port;
    const started = Date.now();
    const r = await sendWebhook({
      url: `http://127.0.0.1:${port}/`,
      body: '{}',
      secret: 's',
      event: 'case.created',
      deliveryId: 'd2',
      timeoutMs: 300,
      allowPrivate: true,
    });
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/timed out after 300 ms/);
    expect(Date.now() - started).toBeLessThan(2000);
    silent.closeAllConnections();
    await new Promise<void>((res) => silent.close(() => res()));
  });
});
