import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../server/logger.js';
import { redactFields } from '../../server/security/redact-fields.js';

/** A logger at `level` whose lines are collected. */
function captured(level = 'info') {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger(level, undefined, stream), lines };
}

const EMAIL = 'ava.lindqvist@example.com';
const CARD = '4242 4242 4242 4242';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjdXN0LWF2YSJ9.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg';

describe('log redaction', () => {
  it('keeps an e-mail, a token and a card number nested deep in a logged object out of the line', () => {
    const { logger, lines } = captured();
    logger.info(
      {
        order: {
          customer: { profile: { notes: [`write to ${EMAIL}`, { when: 'later', how: `card ${CARD} on file` }] } },
          upstream: { request: { headers: { Authorization: `Bearer ${JWT}` }, query: `token=${JWT}` } },
          session: { refresh_token: 'opaque-value-1', apiKey: 'k-123', access: { Token: 'opaque-value-2' } },
        },
        plain: `call me at +44 20 7946 0958 or ${EMAIL}`,
      },
      'nested',
    );
    expect(lines).toHaveLength(1);
    const line = lines[0];
    for (const secret of [
      EMAIL,
      CARD,
      '4242424242424242',
      JWT,
      'opaque-value-1',
      'opaque-value-2',
      'k-123',
      '7946 0958',
    ])
      expect(line).not.toContain(secret);
    const parsed = JSON.parse(line);
    expect(parsed.order.customer.profile.notes[0]).toBe('write to [email]');
    expect(parsed.order.customer.profile.notes[1]).toEqual({ when: 'later', how: 'card [card] on file' });
    expect(parsed.order.upstream.request.headers.Authorization).toBe('[redacted]');
    expect(parsed.order.upstream.request.query).toBe('token=[token]');
    expect(parsed.order.session.access.Token).toBe('[redacted]');
    expect(parsed.msg).toBe('nested');
  });

  it('scrubs the strings of errors and messages', () => {
    const { logger, lines } = captured();
    logger.error({ err: new Error(`lookup failed for ${EMAIL}`) }, `charge of ${CARD} failed`);
    expect(lines[0]).not.toContain(EMAIL);
    expect(lines[0]).not.toContain(CARD);
  });

  it('does no formatting work for a level that is off', () => {
    const { logger, lines } = captured('info');
    let reads = 0;
    const watched = {
      get detail() {
        reads++;
        return 'x';
      },
    };
    logger.debug({ watched }, 'skipped');
    expect(reads).toBe(0);
    expect(lines).toHaveLength(0);
    logger.info({ watched }, 'written');
    expect(reads).toBe(1);
  });

  it('cuts cycles and stops at a bounded depth', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    let deep: Record<string, unknown> = { leaf: EMAIL };
    for (let i = 0; i < 20; i++) deep = { next: deep };
    const out = JSON.stringify(redactFields({ a, deep }));
    expect(out).toContain('[circular]');
    expect(out).not.toContain(EMAIL);
  });
});
