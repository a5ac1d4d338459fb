/**
 * The token-delta shortcut gives exactly what the executor gives for the selections it takes, and
 * declines the ones it cannot mirror.
 */
import { type ExecutionResult, execute, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { getSchema } from '../../server/schema/index.js';
import { createTokenDeltaShortcut } from '../../server/schema/token-delta-shortcut.js';

const schema = getSchema();
const shortcut = createTokenDeltaShortcut(schema);
const context = { actor: { kind: 'customer', id: 'cust-1', role: 'customer' }, identity: { role: 'customer' } };
const delta = {
  type: 'TOKEN_DELTA',
  seq: 42,
  caseId: 'case-1',
  at: new Date('2026-12-02T06:00:00.123Z'),
  agent: 'technical',
  messageId: 'msg-1',
  text: 'Hello ',
};

async function viaExecutor(query: string, payload: object, operationName?: string): Promise<ExecutionResult> {
  return (await execute({
    schema,
    document: parse(query),
    rootValue: payload,
    contextValue: context,
    variableValues: { id: 'case-1' },
    operationName,
  })) as ExecutionResult;
}

const TAKEN = [
  'subscription($id: ID!) { caseEvents(caseId: $id) { seq __typename ... on TokenDelta { text } } }',
  'subscription($id: ID!) { ev: caseEvents(caseId: $id) { __typename seq at caseId ... on TokenDelta { agent messageId text } } }',
  'subscription S($id: ID!) { caseEvents(caseId: $id) { ... on CaseEvent { at } ... on TokenDelta { piece: text seq } seq } }',
  'subscription($id: ID!) { caseEvents(caseId: $id) { ...D ... on MessageCompleted { message { id } } } } fragment D on TokenDelta { text text seq }',
  'subscription($id: ID!) { caseEvents(caseId: $id) { ...E ...E } } fragment E on CaseEvent { __typename seq }',
  'subscription($id: ID!) { caseEvents(caseId: $id) { seq ... on CaseError { code message } ... on ToolCalled { tool } } }',
];

const DECLINED = [
  'subscription($id: ID!) { caseEvents(caseId: $id) { seq @include(if: true) } }',
  'subscription($id: ID!) { caseEvents(caseId: $id) { ... on TokenDelta @skip(if: false) { text } } }',
  'subscription($id: ID!) { caseEvents(caseId: $id) { seq } deskEvents { __typename } }',
  'subscription { deskEvents { __typename } }',
  'query { health }',
];

describe('token-delta shortcut', () => {
  for (const query of TAKEN)
    it(`gives the executor's result for ${query.slice(0, 90)}`, async () => {
      const fast = shortcut(parse(query), query.startsWith('subscription S') ? 'S' : undefined);
      expect(fast).not.toBeNull();
      const mine = fast?.(delta);
      const theirs = await viaExecutor(query, delta, query.startsWith('subscription S') ? 'S' : undefined);
      expect(theirs.errors).toBeUndefined();
      // Same values and the same key order (the JSON text is what goes out).
      expect(JSON.stringify(mine)).toBe(JSON.stringify(theirs));
    });

  for (const query of DECLINED)
    it(`leaves ${query.slice(0, 80)} to the executor`, () => {
      expect(shortcut(parse(query))).toBeNull();
    });

  it('runs only on token deltas with every selected value present', () => {
    const fast = shortcut(parse(TAKEN[1]));
    expect(fast?.({ ...delta, type: 'MESSAGE_COMPLETED' })).toBeUndefined();
    expect(fast?.({ ...delta, text: undefined })).toBeUndefined();
    expect(fast?.(delta)).toBeDefined();
  });
});
