import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Case, CaseEventRecord, Message } from '../../server/db/entities/index.js';
import { dialectOf } from '../../server/db/orm.js';
import {
  insertCase,
  insertEvents,
  insertMessages,
  newCaseRow,
  newMessageRow,
  selectCase,
  selectCaseCustomerSummary,
  selectTurnMessages,
} from '../../server/db/sql/case-rows.js';
import { isUniqueViolation, settledAll } from '../../server/db/sql/sql-runner.js';
import { CaseEventLog } from '../../server/desk/case-event-log.js';
import { createPubSub } from '../../server/pubsub.js';
import { createTestDb } from '../helpers/app.js';

describe('case rows in plain SQL (the hot path) agree with the entities', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let log: CaseEventLog;
  beforeAll(async () => {
    db = await createTestDb();
    log = new CaseEventLog(db.orm, createPubSub());
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
    expect(await selectCaseCustomerSummary(log.sql, id)).toMatchObject({ id: 'cust-ava', name: 'Ava Thompson' });
    expect(await selectCaseCustomerSummary(log.sql, 'no-such-case')).toBeNull();
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
        selectCaseCustomerSummary(q, `rows-${dialectOf(db.orm)}-1`),
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
  it('writes rows that refer to each other in one step: foreign keys hold at commit, a broken one rolls back', async () => {
    const dialect = dialectOf(db.orm);
    const row = (id: string) =>
      newCaseRow({
        id,
        customerId: 'cust-ben',
        subject: 's',
        priority: 'NORMAL',
        requestType: 'AUTO',
        emergency: false,
        context: null,
        now: new Date(),
      });
    const message = (caseId: string) =>
      newMessageRow({ caseId, authorKind: 'CUSTOMER', content: 'hi', answered: false, now: new Date() });
    const event = (caseId: string, seq: number) => ({
      caseId,
      seq,
      type: 'CASE_OPENED',
      payload: {},
      at: new Date(),
    });
    const count = async (table: string, caseId: string) =>
      Number((await log.sql.all<{ n: number }>(`select count(*) as n from ${table} where case_id = ?`, [caseId]))[0].n);

    // Started together, as a transaction's step writes them (in any order on SQLite, in the order
    // started on PostgreSQL).
    const a = `fk-${dialect}-a`;
    await log.sql.transaction(async (q) => {
      // One still running when the others start, as when a body's write runs alongside the flush.
      const first = dialect === 'postgresql' ? q.run('select pg_sleep(0.05)') : Promise.resolve();
      await new Promise((resolve) => setTimeout(resolve, 10));
      await settledAll([first, insertCase(q, row(a)), insertMessages(q, [message(a)]), insertEvents(q, [event(a, 1)])]);
    });
    expect(await count('messages', a)).toBe(1);
    if (dialect === 'sqlite') {
      // The message before its case, one after the other: only a check at commit lets this through.
      const b = `fk-${dialect}-b`;
      await log.sql.transaction(async (q) => {
        await insertMessages(q, [message(b)]);
        await insertCase(q, row(b));
      });
      expect(await count('messages', b)).toBe(1);
    }
    // A message whose case never comes: nothing of the transaction is kept.
    const c = `fk-${dialect}-c`;
    await expect(
      log.sql.transaction((q) => settledAll([insertMessages(q, [message(c)]), insertEvents(q, [event(a, 2)])])),
    ).rejects.toThrow(/foreign key/i);
    expect(await count('messages', c)).toBe(0);
    expect(await count('case_events', a)).toBe(1);
  });

  it('settledAll waits for every statement before it fails with the first failure', async () => {
    let slowDone = false;
    const slow = new Promise<void>((resolve) =>
      setTimeout(() => {
        slowDone = true;
        resolve();
      }, 30),
    );
    await expect(
      settledAll([Promise.reject(new Error('first')), slow, Promise.reject(new Error('second'))]),
    ).rejects.toThrow('first');
    expect(slowDone).toBe(true);
  });
  it('reads outside a transaction while another holds the writer, and sees a commit once it is made', async () => {
    const id = `reader-${dialectOf(db.orm)}`;
    const stored = async () =>
      Number((await log.sql.all<{ n: number }>('select count(*) as n from cases where id = ?', [id]))[0].n);
    let open!: () => void;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    let written!: () => void;
    const inserted = new Promise<void>((resolve) => {
      written = resolve;
    });
    const tx = log.sql.transaction(async (q) => {
      await insertCase(
        q,
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
      written();
      await gate;
    });
    await inserted;
    // The writer is held by the open transaction: the read neither waits for it nor sees its row.
    try {
      const during = await Promise.race([
        stored(),
        new Promise<string>((resolve) => setTimeout(() => resolve('waited for the writer'), 2000)),
      ]);
      expect(during).toBe(0);
    } finally {
      open();
    }
    await tx;
    expect(await stored()).toBe(1);
    if (dialectOf(db.orm) === 'sqlite') {
      // Reads go to the reader connection, which refuses a write.
      await expect(log.sql.session((q) => q.run('delete from cases where id = ?', [id]))).rejects.toThrow(/readonly/i);
      expect(await stored()).toBe(1);
    }
  });
});
