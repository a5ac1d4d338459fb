/** The terminal client's one-line error messages, exit codes and tables. */
import { describe, expect, it } from 'vitest';
import { describeError, EXIT, exitCodeFor, table } from '../../client/cli/format.js';
import { DeskClientError } from '../../client/src/errors.js';

const url = 'http://127.0.0.1:4000/graphql';

describe('desk CLI errors', () => {
  const cases: [DeskClientError, RegExp, number][] = [
    [
      new DeskClientError('Not signed in: invalid token: jwt malformed', 'UNAUTHENTICATED'),
      /^not signed in \(UNAUTHENTICATED\): .*--token or set CREWDESK_TOKEN/,
      EXIT.auth,
    ],
    [
      new DeskClientError('Your role (customer) may not use deskStatus', 'FORBIDDEN'),
      /^forbidden \(FORBIDDEN\): Your role .* operator/,
      EXIT.auth,
    ],
    [
      new DeskClientError('Case x was not found', 'NOT_FOUND'),
      /^not found \(NOT_FOUND\): Case x was not found$/,
      EXIT.notFound,
    ],
    [
      new DeskClientError('message must not be empty', 'BAD_USER_INPUT', { field: 'message' }),
      /^bad input in field "message" \(BAD_USER_INPUT\): message must not be empty$/,
      EXIT.usage,
    ],
    [
      new DeskClientError('Too many submitRequest requests', 'RATE_LIMITED', { retryAfter: 42 }),
      /^rate limited \(RATE_LIMITED\): try again in 42 s/,
      EXIT.rateLimited,
    ],
    [
      new DeskClientError('Connection refused', 'CONNECTION_REFUSED'),
      /^cannot connect to http:\/\/127\.0\.0\.1:4000\/graphql: connection refused — is the server running/,
      EXIT.connection,
    ],
    [new DeskClientError('Unexpected', 'INTERNAL_SERVER_ERROR'), /^INTERNAL_SERVER_ERROR: Unexpected$/, EXIT.error],
  ];
  it.each(cases.map(([err, message, code]) => [err.code, err, message, code] as const))(
    '%s: one line and a non-zero exit',
    (_code, err, message, code) => {
      const line = describeError(err, { url, command: 'status' });
      expect(line).toMatch(message);
      expect(line).not.toContain('\n');
      expect(exitCodeFor(err)).toBe(code);
      expect(code).not.toBe(0);
    },
  );

  it('maps WebSocket close codes and system errors to codes', () => {
    expect(DeskClientError.fromClose({ code: 4401, reason: 'Unauthorized: token expired' }).code).toBe(
      'UNAUTHENTICATED',
    );
    expect(DeskClientError.fromClose({ code: 4403, reason: 'Forbidden' }).code).toBe('FORBIDDEN');
    expect(DeskClientError.fromClose({ code: 4429, reason: 'Too many connections' })).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfter: 1,
      retryable: true,
    });
    expect(DeskClientError.fromClose({ code: 1006, reason: '' })).toMatchObject({
      code: 'CONNECTION_CLOSED',
      retryable: true,
    });
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4000'), { code: 'ECONNREFUSED' });
    expect(
      DeskClientError.fromClose({ code: 1006, reason: '' }, { error: refused, message: refused.message }).code,
    ).toBe('CONNECTION_REFUSED');
    expect(DeskClientError.from(new TypeError('fetch failed', { cause: refused })).code).toBe('CONNECTION_REFUSED');
    expect(DeskClientError.from([{ message: 'nope', extensions: { code: 'NOT_FOUND' } }])).toMatchObject({
      code: 'NOT_FOUND',
      retryable: false,
    });
  });
});

describe('desk CLI tables', () => {
  it('pads columns and shows missing values as -', () => {
    expect(
      table(
        ['A', 'BB', 'C'],
        [
          ['x', null, 'last'],
          ['yyyy', 3, ''],
        ],
        { align: ['left', 'right', 'left'] },
      ),
    ).toBe(['A     BB  C', 'x      -  last', 'yyyy   3  -'].join('\n'));
  });
});
