/**
 * Auto-assignment with two instances: both hear that a case was escalated, and one of them
 * assigns it (a conditional update of the case row), so no case is assigned twice; and two
 * instances assigning different cases to one operator at once never exceed its capacity.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent, Case, CaseEventRecord } from '../../server/db/entities/index.js';
import type { TestApp } from '../helpers/app.js';
import { startDesks } from '../helpers/desks.js';
import { skipRedis, startTestRedis, type TestRedis } from '../helpers/redis.js';

const SUBMIT = /* GraphQL */ `
  mutation Submit($input: SubmitRequestInput!) { submitRequest(input: $input) { case { id } } }
`;
const ESCALATE = /* GraphQL */ `
  mutation($c: ID!) { updateCase(input: { caseId: $c, status: ESCALATED }) { status } }
`;
const SAVE = /* GraphQL */ `
  mutation($i: OperatorInput!) { saveOperator(input: $i) { id } }
`;
const ADMIN = { 'x-admin-id': 'alex' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(skipRedis())('auto-assignment on two instances', () => {
  let redis: TestRedis;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    redis = await startTestRedis();
    [a, b] = await startDesks(redis, [{}, {}], { RATE_LIMIT_PER_MINUTE: '1000' });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    await redis?.stop();
  });

  it('assigns each escalated case once when both instances hear of it', async () => {
    // Two operators of every team are online first (with room for all), set on either instance.
    for (const team of ['BILLING', 'TECHNICAL', 'ESCALATIONS'])
      for (const [n, t] of [a, b].entries()) {
        const id = `aa-${team.toLowerCase()}-${n}`;
        const r = await t.gql(SAVE, { i: { id, name: id, team, capacity: 100, availability: 'ONLINE' } }, ADMIN);
        expect(r.errors).toBeUndefined();
      }
    // Cases escalated (by their agent, or else by an operator) while both instances listen.
    const ids: string[] = [];
    for (let i = 0; i < 16; i++) {
      const r = await a.gql(SUBMIT, { input: { message: `Please call me back about case ${i}` } });
      expect(r.errors).toBeUndefined();
      ids.push(r.data.submitRequest.case.id);
    }
    await Promise.all(ids.map((c, i) => (i % 2 ? b : a).gql(ESCALATE, { c }, { 'x-operator-id': 'sam' })));

    const assigned = async () => {
      const rows = await a.running.orm.em
        .fork()
        .find(CaseEventRecord, { case: { $in: ids }, type: 'ASSIGNEE_CHANGED' }, { orderBy: { seq: 'asc' } });
      return rows.map((r) => ({ caseId: (r.case as { id: string }).id, ...(r.payload as { to: string; by: string }) }));
    };
    for (let i = 0; i < 100 && (await assigned()).length < ids.length; i++) await sleep(50);
    // Both instances have had the time a second assignment would take.
    await sleep(500);
    const changes = await assigned();
    expect(changes.filter((c) => c.by !== 'auto-assign')).toEqual([]);
    expect(changes.map((c) => c.caseId).sort()).toEqual([...ids].sort());
    const rows = await a.gql(`query { cases(first: 50) { edges { node { id assignee } } } }`, {}, ADMIN);
    const assignee = new Map(rows.data.cases.edges.map((e: any) => [e.node.id, e.node.assignee]));
    for (const c of changes) expect(assignee.get(c.caseId)).toBe(c.to);
    // One assignment per case was made at all (not a second one to the same operator, unseen).
    const made = await a.running.orm.em
      .fork()
      .find(AuditEvent, { caseId: { $in: ids }, type: 'case_updated', actorId: 'auto-assign' });
    expect(made.map((e) => e.caseId).sort()).toEqual([...ids].sort());
  });

  it('never gives an operator more open cases than its capacity when both instances assign at once', async () => {
    // A fresh pair: the operators of the test before have room for everything.
    const [c, d] = await startDesks(redis, [{}, {}], { RATE_LIMIT_PER_MINUTE: '1000' });
    try {
      const i = { id: 'solo', name: 'Solo', team: 'ESCALATIONS', capacity: 1, availability: 'ONLINE' };
      expect((await c.gql(SAVE, { i }, ADMIN)).errors).toBeUndefined();
      const ids: string[] = [];
      for (let n = 0; n < 8; n++) {
        const r = await c.gql(SUBMIT, { input: { message: `Please call me back about order ${n}` } });
        ids.push(r.data.submitRequest.case.id);
      }
      // Each instance escalates its half at once: each starts assigning its own cases first.
      await Promise.all(ids.map((id, n) => (n % 2 ? d : c).gql(ESCALATE, { c: id }, { 'x-operator-id': 'sam' })));
      const solo = async () =>
        (await c.running.orm.em.fork().find(Case, { id: { $in: ids }, assignee: 'solo' })).map((x) => x.id);
      for (let n = 0; n < 60 && (await solo()).length < 1; n++) await sleep(50);
      // Both instances have had the time an assignment past capacity would take.
      await sleep(1000);
      expect(await solo()).toHaveLength(1);
    } finally {
      await d.stop();
      await c.stop();
    }
  });
});
