/** The one context factory for HTTP, SSE and WebSocket operations: its own em.fork() each time. */
import type { EntityManager, MikroORM } from '@mikro-orm/sqlite';
import type { Config } from './config.js';
import type { Desk } from './desk/desk.js';
import type { Actor } from './desk/case.service.js';
import type { Logger } from './logger.js';
import type { KnowledgeBase } from './agents/knowledge/knowledge-base.js';
import { DEMO_CUSTOMER_ID } from './db/seed/seed.js';
import { BadInputError } from './errors.js';

/** What every resolver receives. */
export interface GraphQLContext {
  em: EntityManager;
  desk: Desk;
  actor: Actor;
  config: Config;
  logger: Logger;
  kb: KnowledgeBase;
}

/** What the transports know about a caller. */
export interface CallerInfo {
  headers: { get(name: string): string | null };
  connectionParams?: Record<string, unknown>;
}

/** Shared parts the context is built from. */
export interface ContextDeps {
  orm: MikroORM;
  desk: Desk;
  config: Config;
  logger: Logger;
  kb: KnowledgeBase;
}

const ID_RE = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * Who is calling. Interim, until sign-in lands: `x-operator-id` makes an operator;
 * otherwise `x-customer-id` (or the demo customer) makes a customer.
 */
export function identify(caller: CallerInfo): Actor {
  const param = (k: string) => {
    const v = caller.connectionParams?.[k];
    return typeof v === 'string' ? v : null;
  };
  const operator = param('operatorId') ?? caller.headers.get('x-operator-id');
  if (operator) {
    if (!ID_RE.test(operator)) throw new BadInputError('x-operator-id is not a valid id', 'x-operator-id');
    return { kind: 'operator', id: operator, name: operator };
  }
  const customer = param('customerId') ?? caller.headers.get('x-customer-id') ?? DEMO_CUSTOMER_ID;
  if (!ID_RE.test(customer)) throw new BadInputError('x-customer-id is not a valid id', 'x-customer-id');
  return { kind: 'customer', id: customer };
}

/** Creates the context factory. */
export function createContextFactory(deps: ContextDeps) {
  return (caller: CallerInfo): GraphQLContext => ({
    em: deps.orm.em.fork(),
    desk: deps.desk,
    actor: identify(caller),
    config: deps.config,
    logger: deps.logger,
    kb: deps.kb,
  });
}
