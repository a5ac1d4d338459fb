/** The terminal client, run as a real process (`npx tsx client/cli/desk.ts …`) against a test server. */
import { execFile, spawn } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp, tokenFor } from '../helpers/app.js';
import { storeCases } from '../helpers/cases.js';
import { until } from '../helpers/until.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI; resolves with its exit code and output (never rejects on a non-zero exit). */
function desk(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(
      'npx',
      ['tsx', 'client/cli/desk.ts', ...args],
      {
        cwd: process.cwd(),
        timeout: 60_000,
        env: { ...process.env, NO_COLOR: '1', CREWDESK_TOKEN: '', CREWDESK_URL: '', ...env },
      },
      (err, stdout, stderr) => {
        if (err && typeof err.code !== 'number') return reject(Object.assign(err, { stdout, stderr }));
        resolve({ code: err ? (err.code as number) : 0, stdout, stderr });
      },
    );
  });
}

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.stop();
});

it('ask streams the answer, shows the route, the agent, the tools and the case', { timeout: 60_000 }, async () => {
  const r = await desk([
    'ask',
    'Where is my order BW-100214?',
    '--url',
    t.running.url,
    '--token',
    tokenFor('cust-ava'),
  ]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/route: (billing|technical|escalation|general) · intent \w+ · confidence \d\.\d\d/);
  expect(r.stdout).toMatch(/agent: \w+/);
  expect(r.stdout).toContain('tool: get_order_status ✓');
  expect(r.stdout).toContain('BW-100214');
  const id = /case ([0-9a-f-]{36}) · status (\w+)/.exec(r.stdout);
  expect(id?.[2]).toBe('WAITING_ON_CUSTOMER');
  // The printed answer is the stored one.
  const c = await t.gql<{ case: { messages: { authorKind: string; content: string }[] } }>(
    'query($id: ID!) { case(id: $id) { messages { authorKind content } } }',
    { id: id![1] },
  );
  const answer = c.data!.case.messages.find((m) => m.authorKind === 'AGENT')!.content;
  expect(r.stdout).toContain(answer);
});

it('a bad token gives one clear UNAUTHENTICATED line and a non-zero exit', { timeout: 60_000 }, async () => {
  const r = await desk(['ask', 'Where is my order?', '--url', t.running.url, '--token', 'not-a-token']);
  expect(r.code).not.toBe(0);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/^desk: not signed in \(UNAUTHENTICATED\): .*--token/);
});

it('status is a table of agents for an operator, and FORBIDDEN for a customer', { timeout: 60_000 }, async () => {
  const [op, customer] = await Promise.all([
    desk(['status'], { CREWDESK_URL: t.running.url, CREWDESK_TOKEN: tokenFor('maria', 'operator') }),
    desk(['status', '--url', t.running.url, '--token', tokenFor('cust-ava')]),
  ]);
  expect(op.code).toBe(0);
  expect(op.stdout).toMatch(/AGENT\s+MODEL\s+ACTIVE\s+HANDLED\s+ERRORS/);
  for (const agent of ['billing', 'technical', 'escalation', 'general'])
    expect(op.stdout).toMatch(new RegExp(`^${agent}\\s`, 'm'));
  expect(customer.code).not.toBe(0);
  expect(customer.stderr).toMatch(/forbidden \(FORBIDDEN\).*operator/);
});

it('cases lists the caller’s cases; an unknown case is NOT_FOUND; usage errors exit 2', {
  timeout: 60_000,
}, async () => {
  const [cases, missing, usage] = await Promise.all([
    desk(['cases', '--url', t.running.url, '--token', tokenFor('cust-ava')]),
    desk(['watch', 'no-such-case', '--url', t.running.url, '--token', tokenFor('cust-ava')]),
    desk(['ask', 'hello', '--type', 'weird', '--url', t.running.url, '--token', tokenFor('cust-ava')]),
  ]);
  expect(cases.code).toBe(0);
  expect(cases.stdout).toMatch(/ID\s+STATUS\s+PRIORITY\s+ROUTE/);
  expect(cases.stdout).toContain('Where is my order BW-100214?');
  expect(missing.code).not.toBe(0);
  expect(missing.stderr).toMatch(/not found \(NOT_FOUND\): Case no-such-case was not found/);
  expect(usage.code).toBe(2);
  expect(usage.stderr).toMatch(/--type must be one of/);
});

it('watch shows an operator the SLA warning and the breach stored on the case, and stops on Ctrl-C', {
  timeout: 60_000,
}, async () => {
  await t.gql(
    'mutation { setSlaPolicy(input: { priority: URGENT, firstResponseMinutes: 5, resolutionMinutes: 30 }) { priority } }',
    {},
    { 'x-admin-id': 'ada' },
  );
  // Stored straight in the database, with no first response: the scheduler's sweep finds it.
  const created = new Date();
  const [caseId] = await storeCases(t.running.orm, [
    { subject: 'Outage at the office', priority: 'URGENT', createdAt: created },
  ]);
  const scheduler = t.running.desk.sla.scheduler;
  try {
    await scheduler.tick();
    scheduler.setClock(() => new Date(created.getTime() + 4 * 60_000));
    await scheduler.tick();
    scheduler.setClock(() => new Date(created.getTime() + 5 * 60_000 + 1));
    await scheduler.tick();
  } finally {
    scheduler.setClock(() => new Date());
  }
  // node itself (not npx), so that Ctrl-C reaches the client.
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'client/cli/desk.ts',
      'watch',
      caseId,
      '--url',
      t.running.url,
      '--token',
      tokenFor('maria', 'operator'),
    ],
    { cwd: process.cwd(), env: { ...process.env, NO_COLOR: '1', CREWDESK_TOKEN: '', CREWDESK_URL: '' } },
  );
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    await until(() => /SLA missed/.test(stdout), 30_000).catch((err) => {
      throw new Error(`${err.message}; the client printed:\n${stdout}`);
    });
  } finally {
    child.kill('SIGINT');
  }
  expect(await exited).toBe(0);
  expect(stdout).toMatch(/SLA warning: first response due \S+/);
  expect(stdout).toMatch(/SLA missed: first response was due \S+/);
  expect(stdout.indexOf('SLA warning')).toBeLessThan(stdout.indexOf('SLA missed'));
});
