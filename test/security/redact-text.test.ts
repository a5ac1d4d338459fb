import { describe, expect, it } from 'vitest';
import { redactText } from '../../server/security/redact-text.js';

const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjdXN0LWFubiIsImlhdCI6MTcwMDAwMDAwMH0.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';

describe('redactText', () => {
  it.each([
    ['mail john.doe+support@example.co.uk now', 'mail [email] now'],
    ['from=ann_o-brien@mail.crewdesk.io;', 'from=[email];'],
    ['call +44 20 7946 0958', 'call [phone]'],
    ['call +14155552671', 'call [phone]'],
    ['call (415) 555-2671 today', 'call [phone] today'],
    ['US 1-800-555-0199 or 555.123.4567', 'US [phone] or [phone]'],
    ['FR 06 12 34 56 78', 'FR [phone]'],
    ['DE +49 (0) 30 1234567', 'DE [phone]'],
    ['local 555-1234', 'local [phone]'],
    ['call 555 123 4567 2 times', 'call [phone] 2 times'],
    ['card 4242 4242 4242 4242 declined', 'card [card] declined'],
    ['card=378282246310005', 'card=[card]'],
    ['Authorization: Bearer abcdef123456789', 'Authorization: Bearer [token]'],
    [`authorization: bearer ${'A'.repeat(24)}`, 'authorization: bearer [token]'],
    [`token ${JWT} end`, 'token [token] end'],
    ['session aGVsbG8gd29ybGQgaGVsbG8.d29ybGQgaGVsbG8gd29ybGQ.c2lnbmF0dXJlc2lnbmF0dXJl', 'session [token]'],
    ['OPENAI_API_KEY=sk-proj-abcdefghijklmnopqrstuvwxyz012345', 'OPENAI_API_KEY=[secret]'],
    ['key sk-ant-api03-AAAAAAAAAAAAAAAAAAAAAAAA', 'key [secret]'],
    ['stripe sk_live_51HxYzAbCdEfGh', 'stripe [secret]'],
  ])('redacts %j', (input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it('redacts everything in one log line', () => {
    const line = `user ann@example.com (+1 415 555 2671) paid with 4242-4242-4242-4242 using Bearer ${JWT} and sk-abcdefghijklmnopqrstuvwx`;
    expect(redactText(line)).toBe('user [email] ([phone]) paid with [card] using Bearer [token] and [secret]');
  });

  it.each([
    'ticket BW-100234 for invoice INV-2026-0142',
    'created 2026-01-15T10:30:00Z',
    'on 2026-01-15 10:30:00',
    'on 15.01.2026 at 10:30',
    'order 113542617735902',
    'order 5551234567', // bare digits are ids, not phone numbers
    'card 4242 4242 4242 4241 failed Luhn',
    'amount $1,234.56 and 1.234,56 EUR',
    'host 192.168.100.200',
    'zip 94105-1234',
    'uuid 123e4567-e89b-12d3-a456-426614174000',
    '{"time":1737000000000,"pid":12345,"reqId":"req-42"}',
    'the bearer of bad news',
    'sk-short',
    'task-abcdefghijklmnopqrstuvwxyz',
    'version 10.0.19045.2965',
    'see crewdesk.server.security for details',
    'visa •••• 4242',
    'email me at my usual address',
  ])('leaves %j alone', (input) => {
    expect(redactText(input)).toBe(input);
  });

  it('is idempotent', () => {
    const once = redactText(`a@b.co +1 415 555 2671 4242424242424242 Bearer ${JWT} sk-${'x'.repeat(30)}`);
    expect(redactText(once)).toBe(once);
  });

  it('handles 100 KB of adversarial input in linear time', () => {
    const pieces = [
      'a',
      'a@',
      'a.',
      '1-',
      '1 ',
      '+1 ',
      '(1) ',
      'eyJ',
      'eyJaaaaa.',
      'bearer ',
      'sk-',
      'a.b-c+d%e_',
      'mail a@b.co or +1 415 555 2671, card 4242424242424242. ',
    ];
    const inputs = pieces.map((s) => s.repeat(Math.ceil(100_000 / s.length)));
    for (const s of inputs) {
      const t0 = performance.now();
      redactText(s);
      expect(performance.now() - t0, s.slice(0, 20)).toBeLessThan(1000);
    }
  });
});
