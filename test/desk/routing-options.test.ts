import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMaskError } from '../../server/app.js';
import { BadInputError } from '../../server/errors.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { answered, CASE_EVENTS, collectWs } from '../helpers/streams.js';

describe('low-confidence routing to a human', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOW_CONFIDENCE_ROUTE: 'human', ROUTER_CONFIDENCE_THRESHOLD: '0.99' });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('escalates an unsure request to an operator while the general agent answers', async () => {
    const r = await t.gql(
      `mutation { submitRequest(input: { message: "hmm so about that thing from before" }) { case { id } } }`,
    );
    const caseId = r.data.submitRequest.case.id;
    const events = await collectWs<any>(t.ws(), CASE_EVENTS, { caseId, after: 0 }, answered);
    expect(events.find((e) => e.__typename === 'CaseRouted')).toMatchObject({
      route: 'GENERAL',
      method: 'LOW_CONFIDENCE',
    });
    expect(events.find((e) => e.__typename === 'CaseEscalated').reason).toMatch(/router unsure/);
    const q = await t.gql(`query($id: ID!) { case(id: $id) { status } }`, { id: caseId });
    expect(q.data.case.status).toBe('ESCALATED');
  });
});

describe('error masking', () => {
  const mask = createMaskError();

  it('gives domain errors their code and field', () => {
    const wrapped = new GraphQLError('x', { originalError: new BadInputError('message must not be empty', 'message') });
    const out = mask(wrapped, 'Unexpected error.') as GraphQLError;
    expect(out.message).toBe('message must not be empty');
    expect(out.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'message' });
  });

  it('masks anything else as INTERNAL_SERVER_ERROR without its message', () => {
    const wrapped = new GraphQLError('boom', { originalError: new Error('SQLITE_BUSY: secret details of cust-ava') });
    const out = mask(wrapped, 'Unexpected error.') as GraphQLError;
    expect(out.message).toBe('Unexpected error.');
    expect(out.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(out.toJSON())).not.toContain('secret');
  });
});
