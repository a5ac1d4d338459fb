/**
 * The context's entity manager and child logger are made on first use, also after Yoga copies
 * the context's fields onto its own object (envelop's extendContext is an Object.assign, which
 * reads every getter it copies): a request or subscription that never touches the database holds
 * no fork of it.
 */
import { describe, expect, it } from 'vitest';
import { type ContextDeps, createContextFactory } from '../../server/context.js';

function countingDeps() {
  const made = { forks: 0, loggers: 0 };
  const deps = {
    orm: {
      em: {
        fork: () => {
          made.forks++;
          return { fork: made.forks };
        },
      },
    },
    logger: {
      child: (bindings: Record<string, unknown>) => {
        made.loggers++;
        return { bindings };
      },
    },
  } as unknown as ContextDeps;
  return { deps, made };
}

const caller = { headers: new Headers({ 'x-request-id': 'req-1' }), ip: '127.0.0.1', identity: null };

describe('the GraphQL context', () => {
  it('makes no fork and no child logger when Yoga merges it onto its own context', async () => {
    const { deps, made } = countingDeps();
    const initial: Record<string, unknown> = { request: {} };
    const fields = await createContextFactory(deps)(caller, initial);
    // What envelop's extendContext does with the fields the factory returns.
    Object.assign(initial, fields);
    expect(made).toEqual({ forks: 0, loggers: 0 });
    expect(initial.requestId).toBe('req-1');

    const em = initial.em;
    expect(made.forks).toBe(1);
    expect(initial.em).toBe(em);
    expect(made.forks).toBe(1);
    expect(initial.logger).toEqual({ bindings: { requestId: 'req-1' } });
    expect(initial.logger).toBe(initial.logger);
    expect(made.loggers).toBe(1);
  });

  it('keeps both lazy on the returned object when there is no target', async () => {
    const { deps, made } = countingDeps();
    const ctx = await createContextFactory(deps)(caller);
    expect(made).toEqual({ forks: 0, loggers: 0 });
    expect(ctx.em).toBe(ctx.em);
    expect(made.forks).toBe(1);
  });
});
