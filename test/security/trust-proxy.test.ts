import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { AuditEvent } from '../../server/db/entities/index.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

const GUEST = 'mutation { startGuestSession { customerId } }';

/** Starts a guest session over real HTTP as if forwarded for `forwardedFor`; returns the error code or the guest id. */
async function guest(t: TestApp, forwardedFor: string | null, requestId: string) {
  const res = await fetch(t.running.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-request-id': requestId,
      ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
    },
    body: JSON.stringify({ query: GUEST }),
  });
  const body = (await res.json()) as { data?: { startGuestSession: { customerId: string } }; errors?: any[] };
  return body.errors?.[0]?.extensions?.code ?? body.data?.startGuestSession.customerId;
}

/** The address the audit trail recorded for a request id. */
async function auditedIp(t: TestApp, requestId: string): Promise<string | null | undefined> {
  const row = await t.running.orm.em.fork().findOne(AuditEvent, { requestId });
  return row?.ip;
}

describe('TRUST_PROXY', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.stop();
    t = undefined;
  });

  it('gives each forwarded client its own guest limit and logs its address when one hop is trusted', async () => {
    t = await startTestApp({ TRUST_PROXY: '1', GUEST_SESSIONS_PER_MINUTE: '1' });
    expect(await guest(t, '203.0.113.5', 'tp-a1')).toMatch(/^guest-/);
    expect(await guest(t, '203.0.113.5', 'tp-a2')).toBe('RATE_LIMITED');
    expect(await guest(t, '203.0.113.6', 'tp-b1')).toMatch(/^guest-/);
    // The client added its own X-Forwarded-For; one trusted hop takes the address our proxy appended.
    expect(await guest(t, '198.51.100.9, 203.0.113.7', 'tp-c1')).toMatch(/^guest-/);
    expect(await auditedIp(t, 'tp-a1')).toBe('203.0.113.5');
    expect(await auditedIp(t, 'tp-a2')).toBe('203.0.113.5');
    expect(await auditedIp(t, 'tp-b1')).toBe('203.0.113.6');
    expect(await auditedIp(t, 'tp-c1')).toBe('203.0.113.7');
  });

  it('ignores X-Forwarded-For when TRUST_PROXY is unset, so a spoofed header buys no new limit', async () => {
    t = await startTestApp({ GUEST_SESSIONS_PER_MINUTE: '1' });
    expect(await guest(t, '203.0.113.5', 'tp-d1')).toMatch(/^guest-/);
    expect(await guest(t, '203.0.113.6', 'tp-d2')).toBe('RATE_LIMITED');
    expect(await auditedIp(t, 'tp-d1')).toBe('127.0.0.1');
  });

  it('believes only proxies inside the listed CIDRs', async () => {
    t = await startTestApp({ TRUST_PROXY: '10.0.0.0/8', GUEST_SESSIONS_PER_MINUTE: '1' });
    // The peer (127.0.0.1) is not in 10/8: its header is not believed.
    expect(await guest(t, '203.0.113.5', 'tp-e1')).toMatch(/^guest-/);
    expect(await auditedIp(t, 'tp-e1')).toBe('127.0.0.1');
    await t.restart({ TRUST_PROXY: '127.0.0.0/8,10.0.0.0/8', GUEST_SESSIONS_PER_MINUTE: '1' });
    // Through two trusted proxies (10.1.2.3 then the loopback peer) to the client.
    expect(await guest(t, '203.0.113.8, 10.1.2.3', 'tp-f1')).toMatch(/^guest-/);
    expect(await auditedIp(t, 'tp-f1')).toBe('203.0.113.8');
  });

  it('refuses a value that is neither a hop count nor addresses', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'my-proxy' }, false)).toThrow(/TRUST_PROXY: must be a hop count/);
    expect(loadConfig({ TRUST_PROXY: '2' }, false).TRUST_PROXY).toBe(2);
    expect(loadConfig({}, false).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }, false).TRUST_PROXY).toEqual(['loopback', '10.0.0.0/8']);
  });
});
