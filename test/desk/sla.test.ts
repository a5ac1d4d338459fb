/** SLA: business-hours arithmetic, policies, and the scheduler's warnings and breaches on an injected clock. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { dialectOf } from '../../server/db/orm.js';
import {
  addBusinessMs,
  type BusinessCalendar,
  businessMsBetween,
  checkCalendar,
} from '../../server/desk/sla-calendar.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { storeCases } from '../helpers/cases.js';
import { collectWs } from '../helpers/streams.js';
import { until } from '../helpers/until.js';

const ADMIN = { 'x-admin-id': 'ada' };
const OP = { 'x-operator-id': 'sam' };
const MIN = 60_000;
const BERLIN: BusinessCalendar = {
  timezone: 'Europe/Berlin',
  weekly: {
    1: [['09:00', '17:00']],
    2: [['09:00', '17:00']],
    3: [['09:00', '17:00']],
    4: [['09:00', '17:00']],
    5: [['09:00', '17:00']],
  },
  holidays: ['2026-12-25'],
};
const SLA_EVENTS = /* GraphQL */ `
  subscription { deskEvents { __typename ... on SlaWarning { caseId target dueAt priority } ... on SlaBreached { caseId target dueAt priority } } }
`;
const CASE_SLA_EVENTS = /* GraphQL */ `
  subscription($caseId: ID!, $after: Int) {
    caseEvents(caseId: $caseId, after: $after) {
      __typename seq caseId
      ... on CaseSlaWarning { target dueAt priority }
      ... on CaseSlaBreached { target dueAt priority }
    }
  }
`;
const CASE_SLA = /* GraphQL */ `
  query($id: ID!) { case(id: $id) { status priority createdAt sla { firstResponseDueAt resolutionDueAt resolutionWarned resolutionBreached firstResponseBreached paused pausedSeconds stoppedAt } } }
`;

describe('sla calendar', () => {
  it('adds business time across closed evenings, a weekend and a holiday in the desk’s zone', () => {
    // Thursday 24 Dec 2026, 16:00 in Berlin (15:00Z); Friday the 25th is a holiday.
    const start = new Date('2026-12-24T15:00:00Z');
    const due = addBusinessMs(start, 120 * MIN, BERLIN);
    expect(due.toISOString()).toBe('2026-12-28T09:00:00.000Z');
    expect(businessMsBetween(start, due, BERLIN)).toBe(120 * MIN);
    // Opened at night: the clock starts when the desk opens.
    expect(addBusinessMs(new Date('2026-12-22T21:00:00Z'), 30 * MIN, BERLIN).toISOString()).toBe(
      '2026-12-23T08:30:00.000Z',
    );
  });

  it('keeps local opening hours over a daylight-saving change', () => {
    // Friday 27 Mar 2026, 16:30 CET (15:30Z); Monday 30 Mar is CEST (UTC+2).
    const due = addBusinessMs(new Date('2026-03-27T15:30:00Z'), 60 * MIN, BERLIN);
    expect(due.toISOString()).toBe('2026-03-30T07:30:00.000Z');
  });

  it('opens at the same local hour on the days after a clock change that skips midnight', () => {
    // Santiago moves its clocks from 00:00 to 01:00 on Sunday 6 Sep 2026: that day starts at 01:00,
    // Monday at midnight again. Friday 16:00 plus two business hours is Monday 10:00 (UTC-3).
    const santiago = { ...BERLIN, timezone: 'America/Santiago', holidays: [] };
    expect(addBusinessMs(new Date('2026-09-04T20:00:00Z'), 120 * MIN, santiago).toISOString()).toBe(
      '2026-09-07T13:00:00.000Z',
    );
  });

  it('gives the same times from one calendar asked many times, in any order, as from a fresh copy each time', () => {
    const starts = Array.from({ length: 60 }, (_, i) => new Date(Date.UTC(2026, 2, 20) + i * 7.3 * 3_600_000));
    const amounts = [30, 240, 1440, 2880].map((m) => m * MIN);
    const fresh = starts.flatMap((s) =>
      amounts.map((ms) => addBusinessMs(s, ms, structuredClone(BERLIN)).toISOString()),
    );
    const order = fresh.map((_, i) => i).sort((a, b) => ((a * 37) % 97) - ((b * 37) % 97));
    const shared: string[] = [];
    for (const i of order)
      shared[i] = addBusinessMs(
        starts[Math.floor(i / amounts.length)],
        amounts[i % amounts.length],
        BERLIN,
      ).toISOString();
    expect(shared).toEqual(fresh);
  });

  it('refuses unknown zones, overlapping intervals and a week with no open hour', () => {
    expect(() => checkCalendar({ ...BERLIN, timezone: 'Mars/Olympus' })).toThrow(/not a known time zone/);
    expect(() =>
      checkCalendar({
        ...BERLIN,
        weekly: {
          1: [
            ['09:00', '12:00'],
            ['11:00', '13:00'],
          ],
        },
      }),
    ).toThrow(/ordered and not overlap/);
    expect(() => checkCalendar({ ...BERLIN, weekly: {} })).toThrow(/open at least once/);
    expect(() => checkCalendar({ ...BERLIN, holidays: ['25/12/2026'] })).toThrow(/yyyy-mm-dd/);
  });
});

describe('sla scheduler', () => {
  let t: TestApp;
  afterEach(async () => {
    await t?.stop();
  });

  it('warns and breaches on time, pauses while waiting on the customer, and survives a restart', async () => {
    // The poll is slow so that only the test's ticks, on its clock, move SLA time.
    t = await startTestApp({ SLA_POLL_MS: '600000', WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_POLL_MS: '50' });
    const hits: string[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        hits.push(body);
        res.end('ok');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`;
    try {
      const denied = await t.gql(
        `mutation { setSlaPolicy(input: { priority: NORMAL, firstResponseMinutes: 10, resolutionMinutes: 60 }) { priority } }`,
        {},
        OP,
      );
      expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const bad = await t.gql(
        `mutation { setSlaPolicy(input: { priority: NORMAL, firstResponseMinutes: 90, resolutionMinutes: 60 }) { priority } }`,
        {},
        ADMIN,
      );
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'resolutionMinutes' });
      const set = await t.gql(
        `mutation { setSlaPolicy(input: { priority: NORMAL, firstResponseMinutes: 10, resolutionMinutes: 60, warningPercent: 50 }) { priority firstResponseMinutes resolutionMinutes warningPercent custom } }`,
        {},
        ADMIN,
      );
      expect(set.data.setSlaPolicy).toEqual({
        priority: 'NORMAL',
        firstResponseMinutes: 10,
        resolutionMinutes: 60,
        warningPercent: 50,
        custom: true,
      });
      const hook = await t.gql(
        `mutation($u: String!) { createWebhook(input: { url: $u, events: [SLA_BREACHED] }) { secret } }`,
        { u: hookUrl },
        ADMIN,
      );
      expect(hook.errors).toBeUndefined();

      const r = await t.gql(
        `mutation { submitRequest(input: { message: "How do I reset my hub to factory settings?" }) { case { id } } }`,
      );
      const caseId = r.data.submitRequest.case.id;
      // The agents answer, so the case waits on the customer: the clock pauses.
      const waiting = await until(async () => {
        const c = (await t.gql(CASE_SLA, { id: caseId }, OP)).data.case;
        return c.status === 'WAITING_ON_CUSTOMER' && c.sla?.paused ? c : undefined;
      });
      expect(waiting.priority).toBe('NORMAL');
      const t0 = new Date(waiting.createdAt).getTime();
      expect(new Date(waiting.sla.firstResponseDueAt).getTime()).toBe(t0 + 10 * MIN);

      const desk = t.running.desk;
      const at = (ms: number) => desk.sla.scheduler.setClock(() => new Date(t0 + ms));
      at(120 * MIN);
      expect(await desk.sla.scheduler.tick()).toEqual([]);

      // An operator takes it up again two hours later: the two paused hours are added to the target.
      const events = collectWs<any>(t.ws({ operatorId: 'sam' }), SLA_EVENTS, {}, (evs) =>
        evs.some((e) => e.__typename === 'SlaWarning'),
      );
      await new Promise((res) => setTimeout(res, 150));
      await t.gql(
        `mutation($c: ID!) { updateCase(input: { caseId: $c, status: IN_PROGRESS }) { status } }`,
        { c: caseId },
        OP,
      );
      const resumed = await until(async () => {
        const c = (await t.gql(CASE_SLA, { id: caseId }, OP)).data.case;
        return c.sla && !c.sla.paused ? c : undefined;
      });
      const paused = resumed.sla.pausedSeconds * 1000;
      expect(paused).toBeGreaterThan(115 * MIN);
      expect(paused).toBeLessThanOrEqual(120 * MIN);
      const due = new Date(resumed.sla.resolutionDueAt).getTime();
      expect(Math.abs(due - (t0 + 60 * MIN + paused))).toBeLessThan(1000);

      at(due - t0 - 31 * MIN);
      expect(await desk.sla.scheduler.tick()).toEqual([]);
      at(due - t0 - 29 * MIN);
      const warned = await desk.sla.scheduler.tick();
      expect(warned.map((e) => [e.type, e.target])).toEqual([['SLA_WARNING', 'RESOLUTION']]);
      expect(await desk.sla.scheduler.tick()).toEqual([]);
      expect((await events).filter((e) => e.__typename.startsWith('Sla'))).toEqual([
        {
          __typename: 'SlaWarning',
          caseId,
          target: 'RESOLUTION',
          dueAt: new Date(due).toISOString(),
          priority: 'NORMAL',
        },
      ]);

      // A new desk on the same file fires the breach from the stored due time.
      await t.restart({ SLA_POLL_MS: '600000', WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_POLL_MS: '50' });
      const desk2 = t.running.desk;
      const stream = collectWs<any>(t.ws({ operatorId: 'sam' }), SLA_EVENTS, {}, (evs) =>
        evs.some((e) => e.__typename === 'SlaBreached'),
      );
      await new Promise((res) => setTimeout(res, 150));
      desk2.sla.scheduler.setClock(() => new Date(due + 1000));
      const breached = await desk2.sla.scheduler.tick();
      expect(breached.map((e) => [e.type, e.target, e.dueAt.getTime()])).toEqual([['SLA_BREACHED', 'RESOLUTION', due]]);
      expect((await stream).find((e) => e.__typename === 'SlaBreached')).toEqual({
        __typename: 'SlaBreached',
        caseId,
        target: 'RESOLUTION',
        dueAt: new Date(due).toISOString(),
        priority: 'NORMAL',
      });
      const sla = (await t.gql(CASE_SLA, { id: caseId }, OP)).data.case.sla;
      expect(sla).toMatchObject({ resolutionWarned: true, resolutionBreached: true, firstResponseBreached: false });
      await until(async () => hits.some((h) => JSON.parse(h).event === 'sla.breached'));
      expect(JSON.parse(hits.find((h) => JSON.parse(h).event === 'sla.breached')!).data).toMatchObject({
        caseId,
        target: 'RESOLUTION',
      });

      // Resolved: the clock stops and nothing more fires.
      await t.gql(
        `mutation($c: ID!) { updateCase(input: { caseId: $c, status: RESOLVED }) { status } }`,
        { c: caseId },
        OP,
      );
      await until(async () => (await t.gql(CASE_SLA, { id: caseId }, OP)).data.case.sla.stoppedAt);
      desk2.sla.scheduler.setClock(() => new Date(due + 100 * 60 * MIN));
      expect(await desk2.sla.scheduler.tick()).toEqual([]);

      // Opened again by the customer: a new resolution clock from then; the first response stays met.
      const follow = await t.gql(
        `mutation($c: ID!) { submitRequest(input: { message: "It happened again today.", caseId: $c }) { case { id } } }`,
        { c: caseId },
      );
      expect(follow.errors).toBeUndefined();
      const reopened = await until(async () => {
        const c = (await t.gql(CASE_SLA, { id: caseId }, OP)).data.case;
        return c.sla && !c.sla.stoppedAt ? c : undefined;
      });
      expect(reopened.sla).toMatchObject({ resolutionWarned: false, resolutionBreached: false });
      expect(new Date(reopened.sla.resolutionDueAt).getTime()).toBeGreaterThanOrEqual(due + 100 * 60 * MIN + 60 * MIN);
      expect(new Date(reopened.sla.firstResponseDueAt).getTime()).toBe(t0 + 10 * MIN);
    } finally {
      await new Promise<void>((res) => receiver.close(() => res()));
    }
  });

  /** A desk (polling off) with a 5/30-minute URGENT policy, and an URGENT case stored straight in its database. */
  async function urgentCaseUnseen(subject: string): Promise<{ caseId: string; created: Date }> {
    t = await startTestApp({ SLA_POLL_MS: '600000' });
    await t.gql(
      `mutation { setSlaPolicy(input: { priority: URGENT, firstResponseMinutes: 5, resolutionMinutes: 30 }) { priority } }`,
      {},
      ADMIN,
    );
    const created = new Date();
    const [caseId] = await storeCases(t.running.orm, [{ subject, priority: 'URGENT', createdAt: created }]);
    return { caseId, created };
  }

  it('keeps the clocks of the other cases of a pass going when one case cannot be synced', async () => {
    t = await startTestApp({ SLA_POLL_MS: '600000' });
    const [good, bad] = (
      await storeCases(t.running.orm, [
        { subject: 'Good case', priority: 'HIGH' },
        { subject: 'Case with a priority no policy knows', priority: 'HIGH' },
      ])
    ).map((id) => ({ id }));
    // A row the schema would refuse (written past its check constraint): its clock cannot be computed.
    const knex = t.running.orm.em.getConnection().getKnex();
    if (dialectOf(t.running.orm) === 'sqlite') {
      await knex.raw('pragma ignore_check_constraints = on');
      await knex.raw('update cases set priority = ? where id = ?', ['BOGUS', bad.id]);
      await knex.raw('pragma ignore_check_constraints = off');
    } else {
      // A database of this test's own.
      await knex.raw('alter table cases drop constraint cases_priority_check');
      await knex.raw('update cases set priority = ? where id = ?', ['BOGUS', bad.id]);
    }
    // Both are found by the same sweep (no clock yet), so they are synced in one batch.
    await t.running.desk.sla.scheduler.tick();
    const clock = async (id: string) =>
      (await t.running.orm.em.fork().getConnection().execute('select case_id from case_slas where case_id = ?', [id]))
        .length;
    expect(await clock(good.id)).toBe(1);
    expect(await clock(bad.id)).toBe(0);
  });

  it('brings clocks up to date without waiting for a case being written, and waits only to fire on one', async () => {
    const { caseId, created } = await urgentCaseUnseen('Printer on fire');
    const { scheduler } = t.running.desk.sla;
    // The case is held, as while an agent streams its answer (token deltas and the answer's writes).
    let release = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    const holding = t.running.desk.log.withLock(caseId, () => held);
    try {
      // Its clock is started (stored without a desk event, the sweep finds it), with nothing to announce yet.
      scheduler.setClock(() => new Date(created.getTime() + MIN));
      const quiet = await Promise.race([scheduler.tick(), new Promise((r) => setTimeout(() => r('waited'), 3000))]);
      expect(quiet).toEqual([]);
      const clock = await t.running.orm.em
        .fork()
        .getConnection()
        .execute('select next_check_at from case_slas where case_id = ?', [caseId]);
      expect(clock).toHaveLength(1);
      // A warning is stored with the case's events: that one waits for the case.
      scheduler.setClock(() => new Date(created.getTime() + 4 * MIN));
      let fired: unknown = null;
      const firing = scheduler.tick().then((evs) => {
        fired = evs.map((e) => e.type);
      });
      await new Promise((r) => setTimeout(r, 300));
      expect(fired).toBeNull();
      release();
      await firing;
      expect(fired).toEqual(['SLA_WARNING']);
    } finally {
      release();
      await holding;
    }
  });

  it('breaches a first response nobody gave, for a case stored while the scheduler was not watching', async () => {
    // Stored straight in the database: no desk event announces it, so only the sweep finds it.
    const { caseId, created } = await urgentCaseUnseen('Outage at the office');
    const desk = t.running.desk;
    // Let the passes already queued (the one at start) run on the real clock before moving it.
    expect(await desk.sla.scheduler.tick()).toEqual([]);
    desk.sla.scheduler.setClock(() => new Date(created.getTime() + 4 * MIN));
    expect((await desk.sla.scheduler.tick()).map((e) => [e.type, e.target])).toEqual([
      ['SLA_WARNING', 'FIRST_RESPONSE'],
    ]);
    desk.sla.scheduler.setClock(() => new Date(created.getTime() + 5 * MIN + 1));
    expect((await desk.sla.scheduler.tick()).map((e) => [e.type, e.target])).toEqual([
      ['SLA_BREACHED', 'FIRST_RESPONSE'],
    ]);
    const sla = (await t.gql(CASE_SLA, { id: caseId }, OP)).data.case.sla;
    expect(sla).toMatchObject({ firstResponseBreached: true, resolutionBreached: false, paused: false });
    // Customers never see the SLA clock.
    const asCustomer = await t.gql(`query($id: ID!) { case(id: $id) { sla { resolutionDueAt } } }`, { id: caseId });
    expect(asCustomer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('puts SLA warnings and breaches on the case’s stream for staff, stored, and never on the customer’s', async () => {
    t = await startTestApp({ SLA_POLL_MS: '600000' });
    await t.gql(
      `mutation { setSlaPolicy(input: { priority: URGENT, firstResponseMinutes: 5, resolutionMinutes: 30 }) { priority } }`,
      {},
      ADMIN,
    );
    const created = new Date();
    const [id] = await storeCases(t.running.orm, [
      { subject: 'The whole office is offline', priority: 'URGENT', createdAt: created },
    ]);
    const c = { id };
    const desk = t.running.desk;
    expect(await desk.sla.scheduler.tick()).toEqual([]);
    const live = collectWs<any>(t.ws({ operatorId: 'sam' }), CASE_SLA_EVENTS, { caseId: c.id, after: 0 }, (evs) =>
      evs.some((e) => e.__typename === 'CaseSlaBreached'),
    );
    await new Promise((res) => setTimeout(res, 150));
    desk.sla.scheduler.setClock(() => new Date(created.getTime() + 4 * MIN));
    await desk.sla.scheduler.tick();
    desk.sla.scheduler.setClock(() => new Date(created.getTime() + 5 * MIN + 1));
    await desk.sla.scheduler.tick();
    const dueAt = new Date(created.getTime() + 5 * MIN).toISOString();
    const expected = [
      { __typename: 'CaseSlaWarning', caseId: c.id, target: 'FIRST_RESPONSE', dueAt, priority: 'URGENT' },
      { __typename: 'CaseSlaBreached', caseId: c.id, target: 'FIRST_RESPONSE', dueAt, priority: 'URGENT' },
    ];
    const sla = (evs: any[]) =>
      evs.filter((e) => e.__typename.startsWith('CaseSla')).map(({ seq: _s, ...rest }) => rest as unknown);
    const got = await live;
    expect(sla(got)).toEqual(expected);
    expect(got[1].seq).toBeGreaterThan(got[0].seq);

    // Stored with the clock: a new desk replays them from the database, after them a reply.
    await t.restart({ SLA_POLL_MS: '600000' });
    const reply = await t.gql(
      `mutation($c: ID!) { replyAsOperator(caseId: $c, message: "We are on it.") { id } }`,
      { c: c.id },
      OP,
    );
    expect(reply.errors).toBeUndefined();
    const replied = (evs: any[]) => evs.some((e) => e.__typename === 'MessageAdded');
    const staff = await collectWs<any>(
      t.ws({ operatorId: 'sam' }),
      CASE_SLA_EVENTS,
      { caseId: c.id, after: 0 },
      replied,
    );
    expect(sla(staff)).toEqual(expected);
    // The customer's stream has the reply, and no SLA event (not after a resume from before them either).
    const customer = await collectWs<any>(t.ws(), CASE_SLA_EVENTS, { caseId: c.id, after: 0 }, replied);
    expect(customer.map((e) => e.__typename)).not.toContain('CaseSlaWarning');
    expect(customer.map((e) => e.__typename)).not.toContain('CaseSlaBreached');
    expect(customer.filter((e) => e.__typename === 'MessageAdded')).toHaveLength(1);
    const resumed = await collectWs<any>(t.ws(), CASE_SLA_EVENTS, { caseId: c.id, after: got[0].seq - 1 }, replied);
    expect(resumed.map((e) => e.__typename)).toEqual(['MessageAdded']);
  });

  it('lets admins set business hours that staff can read', async () => {
    t = await startTestApp({ SLA_POLL_MS: '600000' });
    const set = await t.gql(
      `mutation { setBusinessHours(input: { timezone: "Europe/Berlin", days: [{ weekday: 1, intervals: [{ from: "09:00", to: "17:00" }] }], holidays: ["2026-12-25"] }) { timezone holidays days { weekday intervals { from to } } } }`,
      {},
      ADMIN,
    );
    expect(set.errors).toBeUndefined();
    const read = await t.gql(`{ businessHours { timezone holidays days { weekday intervals { from to } } } }`, {}, OP);
    expect(read.data.businessHours).toEqual(set.data.setBusinessHours);
    expect(read.data.businessHours.days[0]).toEqual({ weekday: 1, intervals: [{ from: '09:00', to: '17:00' }] });
    expect(read.data.businessHours.days[1]).toEqual({ weekday: 2, intervals: [] });
    const bad = await t.gql(
      `mutation { setBusinessHours(input: { timezone: "Nowhere/City", days: [] }) { timezone } }`,
      {},
      ADMIN,
    );
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'timezone' });
  });
});
