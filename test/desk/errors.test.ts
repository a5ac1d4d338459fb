import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';

const SUBMIT = /* GraphQL */ `
  mutation Submit($input: SubmitRequestInput!) { submitRequest(input: $input) { case { id } message { id } } }
`;

describe('bad input', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ MAX_MESSAGE_LENGTH: '200' });
  });
  afterAll(async () => {
    await t.stop();
  });

  const codeOf = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions?.code;

  it('rejects an empty or blank message with BAD_USER_INPUT naming the field', async () => {
    for (const message of ['', '   \n\t ', '\u0000\u0007']) {
      const r = await t.gql(SUBMIT, { input: { message } });
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors![0].extensions!.field).toBe('message');
    }
  });

  it('rejects an oversized message', async () => {
    const r = await t.gql(SUBMIT, { input: { message: 'x'.repeat(201) } });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].message).toMatch(/limit is 200/);
  });

  it('rejects an unknown case with NOT_FOUND naming caseId', async () => {
    const r = await t.gql(SUBMIT, { input: { message: 'follow-up', caseId: '00000000-0000-0000-0000-000000000000' } });
    expect(codeOf(r)).toBe('NOT_FOUND');
    expect(r.errors![0].extensions!.field).toBe('caseId');
    const q = await t.gql(`{ case(id: "nope") { id } }`);
    expect(codeOf(q)).toBe('NOT_FOUND');
  });

  it('hides another customer’s case as NOT_FOUND', async () => {
    const mine = await t.gql(SUBMIT, { input: { message: 'Where is my order?' } }, { 'x-customer-id': 'cust-ben' });
    const caseId = mine.data.submitRequest.case.id;
    const other = await t.gql(
      `query($id: ID!) { case(id: $id) { id } }`,
      { id: caseId },
      { 'x-customer-id': 'cust-ava' },
    );
    expect(codeOf(other)).toBe('NOT_FOUND');
    const follow = await t.gql(SUBMIT, { input: { message: 'hello?', caseId } }, { 'x-customer-id': 'cust-ava' });
    expect(codeOf(follow)).toBe('NOT_FOUND');
  });

  it('rejects a bad enum value', async () => {
    const r = await t.gql(SUBMIT, { input: { message: 'hi', requestType: 'URGENTLY' } });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    const inline = await t.gql(
      `mutation { submitRequest(input: { message: "hi", requestType: URGENTLY }) { case { id } } }`,
    );
    expect(inline.errors?.length).toBeGreaterThan(0);
    expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(codeOf(inline));
  });

  it('rejects malformed or oversized JSON context', async () => {
    for (const context of [
      '{not json',
      [1, 2, 3],
      42,
      { deep: { a: { b: { c: { d: { e: 1 } } } } } },
      { blob: 'y'.repeat(9000) },
    ]) {
      const r = await t.gql(SUBMIT, { input: { message: 'hello', context } });
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors![0].extensions!.field).toBe('context');
    }
    const ok = await t.gql(SUBMIT, {
      input: { message: 'hello there', context: { page: '/billing', appVersion: '4.2.1' } },
    });
    expect(ok.errors).toBeUndefined();
  });

  it('rejects a malformed idempotency key and a bad cursor', async () => {
    const r = await t.gql(SUBMIT, { input: { message: 'hello', idempotencyKey: 'no spaces allowed!' } });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].extensions!.field).toBe('idempotencyKey');
    const c = await t.gql(`{ cases(after: "garbage") { totalCount } }`);
    expect(codeOf(c)).toBe('BAD_USER_INPUT');
  });

  it('stores nothing when the input is rejected', async () => {
    const before = (await t.gql(`{ cases(first: 100) { totalCount } }`, {}, { 'x-customer-id': 'cust-grace' })).data
      .cases.totalCount;
    await t.gql(SUBMIT, { input: { message: '' } }, { 'x-customer-id': 'cust-grace' });
    await t.gql(SUBMIT, { input: { message: 'ok', context: '{bad' } }, { 'x-customer-id': 'cust-grace' });
    const after = (await t.gql(`{ cases(first: 100) { totalCount } }`, {}, { 'x-customer-id': 'cust-grace' })).data
      .cases.totalCount;
    expect(after).toBe(before);
  });
});
