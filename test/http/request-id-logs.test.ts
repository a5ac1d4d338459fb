import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, tokenFor } from '../helpers/app.js';

interface LogLine {
  msg?: string;
  requestId?: string;
  caseId?: string;
  operation?: string;
}

const SUBMIT = `mutation Submit($message: String!) {
  submitRequest(input: { message: $message }) { case { id } }
}`;

describe('request id on log lines', () => {
  let t: TestApp;
  let logFile: string;
  const read = (): LogLine[] =>
    existsSync(logFile)
      ? readFileSync(logFile, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as LogLine)
      : [];
  async function waitForLine(pred: (l: LogLine) => boolean, timeoutMs = 15_000): Promise<LogLine[]> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const lines = read();
      if (lines.some(pred)) return lines;
      if (Date.now() > until) throw new Error(`no such log line in ${lines.length} lines`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  beforeAll(async () => {
    logFile = join(mkdtempSync(join(tmpdir(), 'crewdesk-log-')), 'crewdesk.log');
    t = await startTestApp({ LOG_FILE: logFile, LOG_LEVEL: 'debug' });
  });
  afterAll(async () => {
    await t.stop();
    rmSync(dirname(logFile), { recursive: true, force: true });
  });

  it('is on every line of the case turn the request caused, in the worker too, when the caller sent one', async () => {
    const res = await fetch(t.running.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-request-id': 'req-worker-0001',
        authorization: `Bearer ${tokenFor('cust-ava')}`,
      },
      body: JSON.stringify({
        query: SUBMIT,
        variables: { message: 'I was charged twice for my last invoice, write to ava.l@example.com please' },
      }),
    });
    expect(res.headers.get('x-request-id')).toBe('req-worker-0001');
    const caseId = ((await res.json()) as { data: { submitRequest: { case: { id: string } } } }).data.submitRequest.case
      .id;
    const lines = await waitForLine((l) => l.msg === 'case turn answered' && l.caseId === caseId);
    const ofCase = lines.filter((l) => l.caseId === caseId);
    expect(ofCase.map((l) => l.msg)).toEqual(expect.arrayContaining(['case turn routed', 'case turn answered']));
    for (const l of ofCase) expect(l, l.msg).toMatchObject({ requestId: 'req-worker-0001' });
    expect(lines.find((l) => l.operation === 'Submit')).toMatchObject({ requestId: 'req-worker-0001' });
    expect(readFileSync(logFile, 'utf8')).not.toContain('ava.l@example.com');
  });

  it('carries the generated id into the worker when the caller sent none', async () => {
    const r = await t.gql<{ submitRequest: { case: { id: string } } }>(SUBMIT, {
      message: 'My router keeps dropping the wifi connection every evening',
    });
    const caseId = r.data?.submitRequest.case.id as string;
    const lines = await waitForLine((l) => l.msg === 'case turn answered' && l.caseId === caseId);
    const answered = lines.find((l) => l.msg === 'case turn answered' && l.caseId === caseId) as LogLine;
    const op = lines.filter((l) => l.operation === 'Submit').at(-1) as LogLine;
    expect(answered.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(answered.requestId).toBe(op.requestId);
  });
});
