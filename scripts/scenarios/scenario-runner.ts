/**
 * Runs a scenario on a fresh desk: real submits through the case service, the work queue and the
 * agents, then checks on the stored answers and the end state in the database.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Case, type ICase, Message, PendingAction, Refund } from '../../server/db/entities/index.js';
import type { Actor } from '../../server/desk/case.service.js';
import type { DeskEvent } from '../../server/events.js';
import type { AnswerCheck, EndState, Scenario, Step, TextPattern } from './scenario.js';
import type { ScenarioDesk, ScenarioDesks } from './scenario-desk.js';

/** What one run of a scenario found. */
export interface RunResult {
  ok: boolean;
  failures: string[];
  ms: number;
}

const OPERATOR: Actor = { kind: 'operator', id: 'maria', role: 'operator', name: 'Maria' };
const ANSWER_TIMEOUT_MS = 20_000;

/** Runs one scenario once on a fresh database; `wording`: also check what the answers say. */
export async function runScenario(desks: ScenarioDesks, s: Scenario, wording = true): Promise<RunResult> {
  const started = performance.now();
  const bursts = s.steps.some((st) => 'burst' in st || ('say' in st && st.assignWhileAnswering));
  const d = await desks.start({ chunkDelayMs: bursts ? 4 : 0 });
  const failures: string[] = [];
  const alerts = d.desk.deskEvents();
  try {
    const customerId = s.customer === 'guest' ? `guest-${crypto.randomUUID()}` : s.customer;
    const actor: Actor = { kind: 'customer', id: customerId, role: 'customer' };
    const refundsBefore = await d.orm.em.fork().count(Refund, { customer: customerId });
    let caseId: string | null = null;
    for (const [i, step] of s.steps.entries()) {
      const where = `step ${i + 1}`;
      caseId = await runStep(d, actor, caseId, step, where, failures, wording);
    }
    if (!caseId) throw new Error('the scenario sent no message');
    const em = d.orm.em.fork();
    const c = await em.findOneOrFail(Case, { id: caseId });
    const sent = alerts
      .drain()
      .some((e: DeskEvent) => e.type === 'EMERGENCY_ALERT' && (e as { caseId: string }).caseId === caseId);
    await checkEnd(d, c, customerId, refundsBefore, sent, s.expect, failures);
  } catch (err) {
    failures.push(`error: ${(err as Error).message}`);
  } finally {
    alerts.close();
    await d.stop();
  }
  return { ok: failures.length === 0, failures, ms: Math.round(performance.now() - started) };
}

async function runStep(
  d: ScenarioDesk,
  actor: Actor,
  caseId: string | null,
  step: Step,
  where: string,
  failures: string[],
  wording: boolean,
): Promise<string | null> {
  const em = () => d.orm.em.fork();
  if ('say' in step) {
    const before = caseId && !step.newCase ? await agentMessageCount(d, caseId) : 0;
    const r = await d.desk.cases.submitRequest(em, actor, {
      message: step.say,
      requestType: step.requestType,
      emergency: step.emergency,
      caseId: step.newCase ? null : caseId,
    });
    const id = r.case.id;
    if (step.assignWhileAnswering) {
      await until(async () => (await em().findOneOrFail(Case, { id })).workState === 'RUNNING', 'the answer to start');
      await d.desk.cases.updateCase(OPERATOR, id, { assignee: step.assignWhileAnswering });
    }
    await settled(d, id);
    if (step.answer) checkAnswer(await answersSince(d, id, before), step.answer, where, failures, wording);
    return id;
  }
  if ('burst' in step) {
    const [first, ...rest] = step.burst;
    const before = caseId ? await agentMessageCount(d, caseId) : 0;
    const r = await d.desk.cases.submitRequest(em, actor, { message: first, caseId });
    const id = r.case.id;
    // The follow-ups go in while the first answer is being written.
    await until(async () => (await em().findOneOrFail(Case, { id })).workState === 'RUNNING', 'the first answer');
    for (const text of rest) await d.desk.cases.submitRequest(em, actor, { message: text, caseId: id });
    await settled(d, id);
    if (step.answer) checkAnswer(await answersSince(d, id, before), step.answer, where, failures, wording);
    return id;
  }
  if (!caseId) throw new Error(`${where}: no case yet`);
  if ('assign' in step) {
    await d.desk.cases.updateCase(OPERATOR, caseId, { assignee: step.assign }, step.assign === null);
    await settled(d, caseId);
    return caseId;
  }
  const action = await em().findOne(PendingAction, { caseId, status: 'PENDING' }, { orderBy: { createdAt: 'desc' } });
  if (!action) {
    failures.push(`${where}: no pending action to ${'confirm' in step ? 'confirm' : 'decline'}`);
    return caseId;
  }
  if ('confirm' in step) await d.desk.actions.confirm(actor, action.id);
  else await d.desk.actions.decline(actor, action.id);
  return caseId;
}

/** Waits until the case has no work left (answered, or owned by a human). */
async function settled(d: ScenarioDesk, caseId: string): Promise<void> {
  await until(async () => {
    const em = d.orm.em.fork();
    const c = await em.findOneOrFail(Case, { id: caseId });
    if (c.workState !== 'IDLE') return false;
    if (c.assignee) return true;
    return (await em.count(Message, { case: caseId, authorKind: 'CUSTOMER', answered: false })) === 0;
  }, `the answer on case ${caseId}`);
}

async function until(cond: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + ANSWER_TIMEOUT_MS;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(3);
  }
}

async function agentMessageCount(d: ScenarioDesk, caseId: string): Promise<number> {
  return d.orm.em.fork().count(Message, { case: caseId, authorKind: 'AGENT' });
}

/** The agent answers on the case after the first `skip`, joined. */
async function answersSince(d: ScenarioDesk, caseId: string, skip: number): Promise<string> {
  const rows = await d.orm.em
    .fork()
    .find(Message, { case: caseId, authorKind: 'AGENT' }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  return rows
    .slice(skip)
    .map((m) => m.content)
    .join('\n\n');
}

function matches(text: string, p: TextPattern): boolean {
  return typeof p === 'string' ? text.toLowerCase().includes(p.toLowerCase()) : p.test(text);
}

function checkAnswer(text: string, check: AnswerCheck, where: string, failures: string[], wording: boolean): void {
  if (!text) {
    failures.push(`${where}: no answer`);
    return;
  }
  if (check.sections !== undefined) {
    const n = (text.match(/^### /gm) ?? []).length;
    if (n !== check.sections) failures.push(`${where}: ${n} answered parts, expected ${check.sections}`);
  }
  if (check.embeddedOnly && !wording) return;
  for (const p of check.mentions ?? [])
    if (!matches(text, p)) failures.push(`${where}: answer does not mention ${String(p)}: «${clip(text)}»`);
  for (const p of check.notClaims ?? [])
    if (matches(text, p)) failures.push(`${where}: answer claims ${String(p)}: «${clip(text)}»`);
}

function clip(s: string, n = 240): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > n ? `${one.slice(0, n)}…` : one;
}

async function checkEnd(
  d: ScenarioDesk,
  c: ICase,
  customerId: string,
  refundsBefore: number,
  alert: boolean,
  e: EndState,
  failures: string[],
): Promise<void> {
  const em = d.orm.em.fork();
  const is = <T>(what: string, got: T, want: T | T[] | undefined) => {
    if (want === undefined) return;
    const ok = Array.isArray(want) ? want.includes(got) : got === want;
    if (!ok)
      failures.push(`${what} is ${String(got)}, expected ${Array.isArray(want) ? want.join(' or ') : String(want)}`);
  };
  if (e.refunds !== undefined)
    is('new refunds', (await em.count(Refund, { customer: customerId })) - refundsBefore, e.refunds);
  if (e.actions) {
    const rows = await em.find(PendingAction, { caseId: c.id });
    const got: Record<string, number> = {};
    for (const a of rows) got[a.status] = (got[a.status] ?? 0) + 1;
    const want = Object.fromEntries(Object.entries(e.actions).filter(([, n]) => n));
    if (JSON.stringify(sorted(got)) !== JSON.stringify(sorted(want)))
      failures.push(`pending actions are ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  }
  is('status', c.status, e.status);
  is('priority', c.priority, e.priority);
  is('route', c.route ?? null, e.route);
  is('assignee', c.assignee ?? null, e.assignee);
  is('emergency', c.emergency, e.emergency);
  is('alert', alert, e.alert);
  if (e.agentMessages !== undefined) is('agent answers', await agentMessageCount(d, c.id), e.agentMessages);
  if (e.incompleteAnswers !== undefined)
    is(
      'incomplete answers',
      await em.count(Message, { case: c.id, authorKind: 'AGENT', status: 'INCOMPLETE' }),
      e.incompleteAnswers,
    );
  if (e.allAnswered)
    is('unanswered messages', await em.count(Message, { case: c.id, authorKind: 'CUSTOMER', answered: false }), 0);
}

function sorted(o: Record<string, number | undefined>): [string, number | undefined][] {
  return Object.entries(o).sort(([a], [b]) => a.localeCompare(b));
}
