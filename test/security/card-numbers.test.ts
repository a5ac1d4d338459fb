import { describe, expect, it } from 'vitest';
import { findCardNumbers, luhnValid, maskCardNumbers } from '../../server/security/card-numbers.js';

describe('luhnValid', () => {
  it.each([
    '4242424242424242',
    '4111111111111111',
    '5555555555554444',
    '378282246310005',
    '6011111111111117',
    '3056930009020004',
    '79927398713',
    '0',
  ])('accepts %s', (digits) => {
    expect(luhnValid(digits)).toBe(true);
  });

  it.each([
    '4242424242424241',
    '1234567812345678',
    '79927398710',
    '',
    '4242 4242 4242 4242',
    '4242-4242',
    'abcd',
    '４２４２',
  ])('rejects %j', (digits) => {
    expect(luhnValid(digits)).toBe(false);
  });
});

describe('maskCardNumbers', () => {
  it.each([
    ['4242 4242 4242 4242', '•••• 4242'],
    ['4242-4242-4242-4242', '•••• 4242'],
    ['4242424242424242', '•••• 4242'],
    ['Amex 3782 822463 10005 please', 'Amex •••• 0005 please'],
    ['my card is 5555555555554444.', 'my card is •••• 4444.'],
    ['card: 6011-1111-1111-1117, exp 12/28', 'card: •••• 1117, exp 12/28'],
    ['(4000 0566 5566 5556)', '(•••• 5556)'],
    ['Diners 3056 930902 5904', 'Diners •••• 5904'],
    ['UnionPay 6200 0000 0000 0005', 'UnionPay •••• 0005'],
    ['qty 12 4242 4242 4242 4242 thanks', 'qty 12 •••• 4242 thanks'],
    ['19 digits: 6212 3456 7890 1234 569', '19 digits: •••• 4569'],
    ['ref ORD-4242424242424242', 'ref ORD-•••• 4242'],
  ])('masks %j', (input, expected) => {
    expect(maskCardNumbers(input).text).toBe(expected);
    expect(maskCardNumbers(input).masked).toBe(1);
  });

  it('masks several cards and counts them', () => {
    const r = maskCardNumbers('old 4000-0566-5566-5556, new 5105 1051 0510 5100');
    expect(r).toEqual({ text: 'old •••• 5556, new •••• 5100', masked: 2 });
  });

  it('takes a custom mask', () => {
    expect(maskCardNumbers('pay with 4242424242424242', (last4) => `[card ending ${last4}]`).text).toBe(
      'pay with [card ending 4242]',
    );
  });

  it.each([
    'order 113542617735902 is late', // passes Luhn, but issuers' numbers do not start with 1
    '4242 4242 4242 4241', // fails Luhn
    'ticket BW-100234 and invoice INV-2026-0142',
    'call +1 415 555 2671 or 020 7946 0958',
    '+49 1512 3456 7890 12',
    'on 2026-01-15 at 10:30 I paid $1,234.56',
    'epoch 1737000000000 ms',
    '0000 0000 0000 0000',
    'id 4242424242424242abc',
    'id abc4242424242424242',
    'amount 4242424242424242.50',
    '4242 4242 42 42 4242 42', // two-digit groups are not card grouping
    '4242 4242-4242 4242', // mixed separators
    '4242  4242  4242  4242', // double spaces
    'visa •••• 4242',
  ])('leaves %j alone', (input) => {
    expect(maskCardNumbers(input)).toEqual({ text: input, masked: 0 });
  });

  it('is idempotent', () => {
    const once = maskCardNumbers('4242 4242 4242 4242 and 378282246310005').text;
    expect(maskCardNumbers(once)).toEqual({ text: once, masked: 0 });
  });

  it('reports offsets of what it finds', () => {
    expect(findCardNumbers('x 4242 4242 4242 4242 y')).toEqual([{ start: 2, end: 21, last4: '4242' }]);
  });

  it('handles 100 KB of digits and separators in linear time', () => {
    const inputs = [
      '4',
      '1-',
      '1 ',
      '4242 ',
      '12-34 56 +',
      'Pay 4242 4242 4242 4242 on INV-2026-0142, $1,234.56. ',
    ].map((s) => s.repeat(Math.ceil(100_000 / s.length)));
    for (const s of inputs) {
      const t0 = performance.now();
      maskCardNumbers(s);
      expect(performance.now() - t0, s.slice(0, 20)).toBeLessThan(1000);
    }
  });
});
