/** Case search: FTS5 over subjects and messages (kept by triggers), filters, pagination, saved views. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Message } from '../../server/db/entities/index.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { storeCases } from '../helpers/cases.js';
import { until } from '../helpers/until.js';

const SUBMIT = /* GraphQL */ `
  mutation Submit($input: SubmitRequestInput!) { submitRequest(input: $input) { case { id createdAt } message { id } } }
`;
const SEARCH = /* GraphQL */ `
  query($s: CaseSearchInput!, $first: Int, $after: String) {
    searchCases(search: $s, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id subject } }
    }
  }
`;
const OP = { 'x-operator-id': 'maria' };

describe('case search', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  let firstMessage = '';
  beforeAll(async () => {
    t = await startTestApp();
    const submit = async (key: string, message: string, customer = 'cust-ava') => {
      const r = await t.gql(SUBMIT, { input: { message } }, { 'x-customer-id': customer });
      expect(r.errors).toBeUndefined();
      ids[key] = r.data.submitRequest.case.id;
      return r.data.submitRequest.message.id as string;
    };
    firstMessage = await submit('a', 'Router question\nThe zygomorphic antenna on my extender is bent.');
    await submit('b', 'Quixotic billing problem with my last invoice');
    await submit('c', 'Hub trouble\nA zygomorphic issue with the hub, lights keep flashing.', 'cust-ben');
  });
  afterAll(async () => {
    await t.stop();
  });

  async function found(search: Record<string, unknown>, headers = OP): Promise<string[]> {
    const r = await t.gql(SEARCH, { s: search, first: 50 }, headers);
    expect(r.errors).toBeUndefined();
    return r.data.searchCases.edges.map((e: any) => e.node.id).sort();
  }

  it('finds words in subjects and in message bodies, the last word as a prefix', async () => {
    expect(await found({ text: 'zygomorph' })).toEqual([ids.a, ids.c].sort());
    expect(await found({ text: 'zygomorphic extender' })).toEqual([ids.a]);
    expect(await found({ text: 'QUIXOTIC' })).toEqual([ids.b]);
    expect(await found({ text: 'zygomorphic', customerId: 'cust-ben' })).toEqual([ids.c]);
    expect(await found({ text: 'nothingmatchesthis' })).toEqual([]);
    // Query syntax in what an operator types is taken as words, never as FTS operators.
    expect(await found({ text: '"zygo* OR (NEAR' })).toEqual([]);
    expect(await found({ text: '*** ()' })).toEqual([]);
  });

  it('indexes operator replies and edited messages through the triggers', async () => {
    const reply = await t.gql(
      `mutation($c: ID!) { replyAsOperator(caseId: $c, message: "Please try the flimflam reset procedure.") { id } }`,
      { c: ids.a },
      OP,
    );
    expect(reply.errors).toBeUndefined();
    expect(await found({ text: 'flimflam' })).toEqual([ids.a]);
    await t.running.orm.em
      .fork()
      .nativeUpdate(Message, { id: firstMessage }, { content: 'Antenna replaced by a snollygoster' });
    expect(await found({ text: 'snollygoster' })).toEqual([ids.a]);
    expect(await found({ text: 'zygomorphic' })).toEqual([ids.c]);
  });

  it('filters by status, assignee, team, priority, route and date range, and pages', async () => {
    const assign = await t.gql(
      `mutation($c: ID!) { updateCase(input: { caseId: $c, assignee: "sam", priority: HIGH }) { team } }`,
      { c: ids.c },
      OP,
    );
    expect(assign.data.updateCase.team).toBe('technical');
    await t.gql(
      `mutation($c: ID!) { updateCase(input: { caseId: $c, status: RESOLVED }) { status } }`,
      { c: ids.b },
      OP,
    );

    expect(await found({ status: ['RESOLVED'], customerId: 'cust-ava' })).toEqual([ids.b]);
    expect(await found({ assignee: 'sam' })).toEqual([ids.c]);
    expect(await found({ team: 'TECHNICAL' })).toEqual([ids.c]);
    expect(await found({ priority: ['HIGH'] })).toEqual([ids.c]);
    expect(await found({ text: 'zygomorphic', unassigned: true })).toEqual([]);
    const everything = [ids.a, ids.b, ids.c].sort();
    expect(await found({ createdFrom: new Date(Date.now() - 3_600_000).toISOString() })).toEqual(everything);
    expect(await found({ createdFrom: new Date(Date.now() + 3_600_000).toISOString() })).toEqual([]);
    expect(await found({ createdTo: new Date(Date.now() - 3_600_000).toISOString() })).toEqual([]);
    const routeOf = async () =>
      (await t.gql(`query($id: ID!) { case(id: $id) { route } }`, { id: ids.b }, OP)).data.case.route;
    await expect.poll(routeOf, { timeout: 10_000 }).toBe('BILLING');
    expect(await found({ route: ['BILLING'], text: 'quixotic' })).toEqual([ids.b]);
    expect(await found({ route: ['TECHNICAL'], text: 'quixotic' })).toEqual([]);

    const page1 = await t.gql(SEARCH, { s: {}, first: 2 }, OP);
    expect(page1.data.searchCases.totalCount).toBe(3);
    expect(page1.data.searchCases.pageInfo.hasNextPage).toBe(true);
    const page2 = await t.gql(SEARCH, { s: {}, first: 2, after: page1.data.searchCases.pageInfo.endCursor }, OP);
    const all = [...page1.data.searchCases.edges, ...page2.data.searchCases.edges].map((e: any) => e.node.id);
    expect(all.sort()).toEqual(everything);
    expect(page2.data.searchCases.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses customers and bad input', async () => {
    const asCustomer = await t.gql(SEARCH, { s: { text: 'zygomorphic' } });
    expect(asCustomer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const badDate = await t.gql(SEARCH, { s: { createdFrom: 'yesterday' } }, OP);
    expect(badDate.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const badCursor = await t.gql(SEARCH, { s: {}, after: 'nope' }, OP);
    expect(badCursor.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('keeps saved views per operator', async () => {
    const save = await t.gql(
      `mutation { saveView(name: "Zygo", search: { text: "zygomorph", status: [OPEN, IN_PROGRESS] }) { id name search } }`,
      {},
      OP,
    );
    expect(save.errors).toBeUndefined();
    expect(save.data.saveView.search).toEqual({ text: 'zygomorph', status: ['OPEN', 'IN_PROGRESS'] });
    const views = `{ savedViews { id name search } }`;
    expect((await t.gql(views, {}, OP)).data.savedViews).toEqual([save.data.saveView]);
    expect((await t.gql(views, {}, { 'x-operator-id': 'sam' })).data.savedViews).toEqual([]);
    const del = `mutation($id: ID!) { deleteView(id: $id) }`;
    expect((await t.gql(del, { id: save.data.saveView.id }, { 'x-operator-id': 'sam' })).data.deleteView).toBe(false);
    expect((await t.gql(del, { id: save.data.saveView.id }, OP)).data.deleteView).toBe(true);
    expect((await t.gql(views, {}, OP)).data.savedViews).toEqual([]);
  });

  it('keeps the index across a restart and indexes what comes after', async () => {
    await t.restart();
    expect(await found({ text: 'zygomorphic' })).toEqual([ids.c]);
    const r = await t.gql(SUBMIT, { input: { message: 'Brouhaha with my delivery address' } });
    expect(await found({ text: 'brouhaha' })).toEqual([r.data.submitRequest.case.id]);
  });
});

describe('case search by SLA state', () => {
  let t: TestApp;
  const ADMIN = { 'x-admin-id': 'ada' };
  const MIN = 60_000;
  beforeAll(async () => {
    // The poll is slow, so that only the test's ticks (and its clock) move SLA time.
    t = await startTestApp({ SLA_POLL_MS: '600000' });
  });
  afterAll(async () => {
    await t.stop();
  });

  const sla = async (id: string) =>
    (await t.gql(`query($id: ID!) { case(id: $id) { sla { paused stoppedAt } } }`, { id }, ADMIN)).data.case.sla;
  const update = async (id: string, status: string) =>
    expect(
      (
        await t.gql(
          `mutation($c: ID!, $s: CaseStatus!) { updateCase(input: { caseId: $c, status: $s }) { status } }`,
          { c: id, s: status },
          ADMIN,
        )
      ).errors,
    ).toBeUndefined();
  async function inState(...states: string[]): Promise<string[]> {
    const r = await t.gql(SEARCH, { s: { priority: ['URGENT'], slaState: states }, first: 50 }, OP);
    expect(r.errors).toBeUndefined();
    return r.data.searchCases.edges.map((e: any) => e.node.id).sort();
  }

  it('finds cases on track, warned, breached, paused or met, from the stored due times at the desk’s clock', async () => {
    const policy = await t.gql(
      `mutation { setSlaPolicy(input: { priority: URGENT, firstResponseMinutes: 10, resolutionMinutes: 60, warningPercent: 50 }) { priority } }`,
      {},
      ADMIN,
    );
    expect(policy.errors).toBeUndefined();
    // Stored straight in the database: no agent answers them.
    const t0 = Date.now();
    const [fresh, answered, waiting, done] = (
      await storeCases(
        t.running.orm,
        [
          'Nobody has answered this one',
          'An operator answered this one',
          'This one waits on the customer',
          'This one was resolved',
        ].map((subject) => ({ subject, priority: 'URGENT', createdAt: new Date(t0) })),
      )
    ).map((id) => ({ id }));
    const scheduler = t.running.desk.sla.scheduler;
    await scheduler.tick();
    for (const c of [fresh, answered, waiting, done]) await until(() => sla(c.id));

    const reply = await t.gql(
      `mutation($c: ID!) { replyAsOperator(caseId: $c, message: "Looking into it now.") { id } }`,
      { c: answered.id },
      OP,
    );
    expect(reply.errors).toBeUndefined();
    await until(async () => (await sla(answered.id)).paused);
    await update(answered.id, 'IN_PROGRESS');
    await until(async () => !(await sla(answered.id)).paused);
    await update(waiting.id, 'WAITING_ON_CUSTOMER');
    await until(async () => (await sla(waiting.id)).paused);
    await update(done.id, 'RESOLVED');
    await until(async () => (await sla(done.id)).stoppedAt);

    // Six minutes in: the first response's warning time (5 min) has passed; no tick has run since.
    scheduler.setClock(() => new Date(t0 + 6 * MIN));
    expect(await inState('WARNING')).toEqual([fresh.id]);
    expect(await inState('ON_TRACK')).toEqual([answered.id]);
    expect(await inState('PAUSED')).toEqual([waiting.id]);
    expect(await inState('MET')).toEqual([done.id]);
    expect(await inState('BREACHED')).toEqual([]);
    expect(await inState()).toEqual([answered.id, done.id, fresh.id, waiting.id].sort());

    // Past the first response's due time, and later the resolution's warning and due times.
    scheduler.setClock(() => new Date(t0 + 11 * MIN));
    expect(await inState('BREACHED')).toEqual([fresh.id]);
    expect(await inState('ON_TRACK', 'WARNING')).toEqual([answered.id]);
    scheduler.setClock(() => new Date(t0 + 35 * MIN));
    expect(await inState('WARNING')).toEqual([answered.id]);
    scheduler.setClock(() => new Date(t0 + 62 * MIN));
    expect(await inState('BREACHED')).toEqual([answered.id, fresh.id].sort());
    // Once the scheduler has recorded the breach, it stays breached (even when the case is resolved).
    await scheduler.tick();
    await update(fresh.id, 'RESOLVED');
    await until(async () => (await sla(fresh.id)).stoppedAt);
    expect(await inState('BREACHED')).toEqual([answered.id, fresh.id].sort());
    expect(await inState('MET')).toEqual([done.id]);
    const page = await t.gql(SEARCH, { s: { priority: ['URGENT'], slaState: ['BREACHED'] }, first: 1 }, OP);
    expect(page.data.searchCases).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
  });
});
