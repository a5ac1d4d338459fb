import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Case, CaseEventRecord, Message } from '../../server/db/entities/index.js';
import { dialectOf } from '../../server/db/orm.js';
import {
  newCaseRow,
  newMessageRow,
  selectCase,
  selectCustomerSummary,
  selectTurnMessages,
} from '../../server/db/sql/case-rows.js';
import { isUniqueViolation } from '../../server/db/sql/sql-runner.js';
import { CaseEventLog } from '../../server/desk/case-event-log.js';
import { createPubSub } from '../../server/pubsub.js';
import { createTestDb } from '../helpers/app.js';
import { testSqliteDriver } from '../helpers/database.js';

describe('case rows in plain SQL (the hot path) agree with the entities', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let log: CaseEventLog;
  beforeAll(async () => {
    db = await createTestDb();
    log = new CaseEventLog(db.orm, createPubSub(), { sqliteDriver: testSqliteDriver() });
  });
  afterAll(async () => {
    await log.close();
    await db.close();
  });

  it('writes a case, its message and its events that the ORM reads back field for field', async () => {
    const now = new Date(Date.now() - 60_000);
    const id = `rows-${dialectOf(db.orm)}-1`;
    const m = await log.sqlTransaction(id, async (tx, record) => {
      const c = tx.newCase(
        newCaseRow({
          id,
          customerId: 'cust-ava',
          subject: 'Charged twice',
          priority: 'HIGH',
          requestType: 'BILLING',
          emergency: true,
          context: { page: '/billing', tags: ['a', 'b'] },
          now,
        }),
      );
      record(c, {
        type: 'CASE_OPENED',
        subject: c.subject,
        customerId: 'cust-ava',
        priority: 'HIGH',
        emergency: true,
        requestType: 'BILLING',
      });
      const msg = tx.newMessage(
        newMessageRow({
          caseId: id,
          authorKind: 'CUSTOMER',
          content: 'hello',
          answered: false,
          idempotencyKey: `${id}:k`,
          now,
        }),
      );
      record(c, { type: 'PRIORITY_CHANGED', from: 'NORMAL', to: 'HIGH', by: 'customer' });
      return msg;
    });

    const em = db.orm.em.fork();
    const c = await em.findOneOrFail(Case, { id });
    expect(c).toMatchObject({
      subject: 'Charged twice',
      status: 'OPEN',
      priority: 'HIGH',
      requestType: 'BILLING',
      emergency: true,
      securityFlag: false,
      context: { page: '/billing', tags: ['a', 'b'] },
      workState: 'QUEUED',
      promptTokens: 0,
      costUsd: 0,
    });
    expect(c.customer.id).toBe('cust-ava');
    expect(c.createdAt.getTime()).toBe(now.getTime());
    expect(c.seqReserved).toBeGreaterThanOrEqual(2);
    const stored = await em.findOneOrFail(Message, { id: m.id });
    expect(stored).toMatchObject({ content: 'hello', answered: false, authorKind: 'CUSTOMER', status: 'COMPLETE' });
    expect(stored.createdAt.getTime()).toBe(now.getTime());
    const events = await em.find(CaseEventRecord, { case: id }, { orderBy: { seq: 'asc' } });
    expect(events.map((e) => [e.seq, e.type])).toEqual([
      [1, 'CASE_OPENED'],
      [2, 'PRIORITY_CHANGED'],
    ]);
    expect(events[1].payload).toEqual({ from: 'NORMAL', to: 'HIGH', by: 'customer' });

    // And the plain reads give back what was written.
    const row = await selectCase(log.sql, id);
    expect(row).toMatchObject({
      customerId: 'cust-ava',
      emergency: true,
      context: { page: '/billing', tags: ['a', 'b'] },
    });
    expect(row?.createdAt.getTime()).toBe(now.getTime());
    const messages = await selectTurnMessages(log.sql, id);
    expect(messages.map((x) => [x.id, x.answered, x.idempotencyKey])).toEqual([[m.id, false, `${id}:k`]]);
    expect(await selectCustomerSummary(log.sql, 'cust-ava')).toMatchObject({ name: 'Ava Thompson', isGuest: false });
  });

  it('writes only the fields a transaction changed, and SQL expressions as the row is written', async () => {
    const id = `rows-${dialectOf(db.orm)}-2`;
    await log.sqlTransaction(id, async (tx) => {
      tx.newCase(
        newCaseRow({
          id,
          customerId: 'cust-ben',
          subject: 's',
          priority: 'NORMAL',
          requestType: 'AUTO',
          emergency: false,
          context: null,
          now: new Date(),
        }),
      );
    });
    // Someone else changes the assignee meanwhile: a transaction that did not touch it must keep it.
    await db.orm.em.fork().nativeUpdate(Case, { id }, { assignee: 'op-1' });
    await log.sqlTransaction(id, async (tx) => {
      const c = await tx.case(id);
      c.status = 'IN_PROGRESS';
      c.promptTokens = 12;
      tx.setExpression(id, 'workState', { sql: "case when 1 = ? then 'RUNNING' else 'IDLE' end", params: [1] });
    });
    const c = await db.orm.em.fork().findOneOrFail(Case, { id });
    expect(c).toMatchObject({ status: 'IN_PROGRESS', promptTokens: 12, assignee: 'op-1', workState: 'RUNNING' });
  });

  it('leaves nothing and hands the same numbers out again when a transaction fails', async () => {
    const id = `rows-${dialectOf(db.orm)}-3`;
    await log.sqlTransaction(id, async (tx, record) => {
      const c = tx.newCase(
        newCaseRow({
          id,
          customerId: 'cust-ava',
          subject: 's',
          priority: 'NORMAL',
          requestType: 'AUTO',
          emergency: false,
          context: null,
          now: new Date(),
        }),
      );
      record(c, { type: 'STATUS_CHANGED', from: 'OPEN', to: 'OPEN', by: 'test' });
      tx.newMessage(
        newMessageRow({
          caseId: id,
          authorKind: 'CUSTOMER',
          content: 'first',
          answered: false,
          idempotencyKey: 'same-key',
          now: new Date(),
        }),
      );
    });
    const failed = log.sqlTransaction(id, async (tx, record) => {
      const c = await tx.case(id);
      c.status = 'CLOSED';
      record(c, { type: 'STATUS_CHANGED', from: 'OPEN', to: 'CLOSED', by: 'test' });
      // The same idempotency key again: the insert fails at commit time.
      tx.newMessage(
        newMessageRow({
          caseId: id,
          authorKind: 'CUSTOMER',
          content: 'again',
          answered: false,
          idempotencyKey: 'same-key',
          now: new Date(),
        }),
      );
    });
    const err = await failed.catch((e: unknown) => e);
    expect(isUniqueViolation(err)).toBe(true);
    const em = db.orm.em.fork();
    expect((await em.findOneOrFail(Case, { id })).status).toBe('OPEN');
    expect(await em.count(Message, { case: id })).toBe(1);
    const next = await log.emit(id, { type: 'STATUS_CHANGED', from: 'OPEN', to: 'OPEN', by: 'test' });
    expect(next[0].seq).toBe(2);
  });

  it('runs a session of reads on one connection and gives it back (a transaction after it works)', async () => {
    const [ava, counts] = await log.sql.session(async (q) =>
      Promise.all([
        selectCustomerSummary(q, 'cust-ava'),
        q.all<{ n: number }>('select count(*) as n from customers where id = ?', ['cust-ava']),
      ]),
    );
    expect(ava).toMatchObject({ name: 'Ava Thompson' });
    expect(Number(counts[0].n)).toBe(1);
    await expect(log.sql.session(async (q) => q.all('select * from no_such_table'))).rejects.toThrow();
    // Both connections went back to the pool: a transaction and a plain read still run.
    const n = await log.sql.transaction(async (q) => q.all<{ n: number }>('select count(*) as n from cases'));
    expect(Number(n[0].n)).toBeGreaterThan(0);
    expect((await selectCase(log.sql, 'no-such-case')) ?? null).toBeNull();
  });
});
