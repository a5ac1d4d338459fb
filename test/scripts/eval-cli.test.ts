import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IntentClassifier } from '../../server/agents/router/classifier.js';
import { readExamples } from '../../server/agents/router/dataset.js';
import type { EvalReport } from '../../server/agents/router/metrics.js';
import { loadClassifier } from '../../server/agents/router/router.js';
import { ROOT_DIR } from '../../server/config.js';

const run = promisify(execFile);
const ROUTES = ['billing', 'technical', 'escalation', 'general'];

/** Runs a script with tsx from the project root. */
function tsx(script: string, args: string[]) {
  return run('npx', ['tsx', script, ...args], {
    cwd: ROOT_DIR,
    timeout: 60_000,
    env: { ...process.env, LOG_LEVEL: 'silent' },
  });
}

// Six rows of our own; one field holds a comma, one a newline, one a doubled quote.
const EVAL_CSV = `id,text,route,extra
e1,"My invoice is wrong, it bills me for two hubs",billing,comma
e2,"The app freezes on the start screen.
It has done this since Tuesday.",technical,newline
e3,I would like to speak to a manager about my complaint,escalation,
e4,When will my mesh extender be delivered?,general,plain
e5,"Why was I charged ""twice"" this month",billing,quotes
e6,The wifi keeps dropping every evening,technical,
`;

// A few rows per route for training.
const TRAIN_CSV = `text,route
I was charged twice for my plan,billing
please refund my last payment,billing
my invoice shows the wrong amount,billing
I need a copy of my invoice,billing
the app crashes when I open it,technical
the wifi keeps dropping,technical
my hub is offline and the wifi is down,technical
the app keeps crashing after the update,technical
I want to make a formal complaint,escalation
let me speak to a manager,escalation
I want a manager to call me about my complaint,escalation
this is a complaint about your service,escalation
where is my order,general
my order has not arrived,general
when will my order be delivered,general
can I change the delivery address of my order,general
`;

describe('eval and train scripts', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'crewdesk-cli-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('parses quoted fields with commas and newlines when the CSV has extra columns', () => {
    const file = join(dir, 'parse.csv');
    writeFileSync(file, EVAL_CSV);
    const rows = readExamples(file);
    expect(rows).toHaveLength(6);
    expect(rows[0].text).toBe('My invoice is wrong, it bills me for two hubs');
    expect(rows[1].text).toBe('The app freezes on the start screen.\nIt has done this since Tuesday.');
    expect(rows[4].text).toBe('Why was I charged "twice" this month');
    expect(rows.map((r) => r.route)).toEqual(['billing', 'technical', 'escalation', 'general', 'billing', 'technical']);
    // Without an intent column, the intent is the route.
    for (const r of rows) expect(r.intent).toBe(r.route);
  });

  it('prints a JSON report over six rows when eval.ts runs with --json', async () => {
    const file = join(dir, 'eval.csv');
    writeFileSync(file, EVAL_CSV);
    const { stdout } = await tsx('scripts/eval.ts', ['--data', file, '--json']);
    const report = JSON.parse(stdout.trim().split('\n').at(-1)!) as EvalReport & { msPerMessage: number };
    expect(report.n).toBe(6);
    expect(report.accuracy).toBeGreaterThanOrEqual(0);
    expect(report.accuracy).toBeLessThanOrEqual(1);
    expect(typeof report.macroF1).toBe('number');
    expect(report.macroF1).toBeGreaterThanOrEqual(0);
    expect(report.macroF1).toBeLessThanOrEqual(1);
    expect(Object.keys(report.perRoute).sort()).toEqual([...ROUTES].sort());
    expect(report.perRoute.billing.support).toBe(2);
    expect(report.perRoute.technical.support).toBe(2);
    expect(report.perRoute.escalation.support).toBe(1);
    expect(report.perRoute.general.support).toBe(1);
    const cells = Object.values(report.confusion).flatMap((row) => Object.values(row));
    expect(cells.reduce((s, n) => s + n, 0)).toBe(6);
    const correct = ROUTES.reduce((s, r) => s + (report.confusion[r]?.[r] ?? 0), 0);
    expect(report.accuracy).toBeCloseTo(correct / 6, 10);
    expect(report.msPerMessage).toBeGreaterThanOrEqual(0);
  });

  it('exits with code 2 and names the missing option when eval.ts gets no --data', async () => {
    await expect(tsx('scripts/eval.ts', ['--json'])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/required option '--data <file>'/),
    });
  });

  it('writes a model that loads and classifies when train.ts runs on a small CSV', async () => {
    const data = join(dir, 'train.csv');
    const out = join(dir, 'model.json');
    writeFileSync(data, TRAIN_CSV);
    const { stdout } = await tsx('scripts/train.ts', ['--data', data, '--out', out]);
    expect(stdout).toMatch(/trained on 16 examples/);
    const file = JSON.parse(readFileSync(out, 'utf8')) as { format: string; examples: number; intents: string[] };
    expect(file.format).toBe('crewdesk-router/2');
    expect(file.examples).toBe(16);
    expect(file.intents.sort()).toEqual([...ROUTES].sort());

    const model = loadClassifier(out);
    expect(model.routes).toEqual([...ROUTES].sort());
    const c = model.classify('the app crashes all the time');
    expect(c.route).toBe('technical');
    expect(c.intent).toBe('technical');
    expect(Object.values(c.routeScores).reduce((s, v) => s + v, 0)).toBeCloseTo(1, 6);
    expect(model.classify('where is my order, it has not arrived').route).toBe('general');
    expect(model.classify('refund the payment on my invoice').route).toBe('billing');
  });

  it('evaluates a trained model when eval.ts gets --model', async () => {
    const data = join(dir, 'train2.csv');
    const out = join(dir, 'model2.json');
    const evalFile = join(dir, 'eval2.csv');
    writeFileSync(data, TRAIN_CSV);
    writeFileSync(evalFile, EVAL_CSV);
    const examples = readExamples(data);
    writeFileSync(out, JSON.stringify(IntentClassifier.train(examples).toJSON({ examples: examples.length })));
    const { stdout } = await tsx('scripts/eval.ts', ['--data', evalFile, '--json', '--model', out]);
    const report = JSON.parse(stdout.trim().split('\n').at(-1)!) as EvalReport;
    expect(report.n).toBe(6);
    expect(
      Object.values(report.confusion)
        .flatMap((row) => Object.values(row))
        .reduce((s, n) => s + n, 0),
    ).toBe(6);
  });
});
