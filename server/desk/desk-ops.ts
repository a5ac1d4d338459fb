/** The desk operations beside cases: operators and teams, notes, labels, canned responses, CSAT and search. */
import type { MikroORM } from '@mikro-orm/sqlite';
import type { Logger } from '../logger.js';
import type { PubSub } from '../pubsub.js';
import type { AuditLog } from '../security/audit.js';
import { type CannedResponseService, createCannedResponseService } from './canned-responses.service.js';
import type { CaseService } from './case.service.js';
import { type CsatService, createCsatService } from './csat.service.js';
import { createLabelService, type LabelService } from './labels.service.js';
import { createNoteService, type NoteService } from './notes.service.js';
import { createOperatorService, type OperatorService } from './operators.service.js';
import { createSearchService, type SearchService } from './search.service.js';
import type { WebhookService } from './webhooks.service.js';

/** The desk operations. */
export interface DeskOps {
  operators: OperatorService;
  notes: NoteService;
  labels: LabelService;
  canned: CannedResponseService;
  csat: CsatService;
  search: SearchService;
}

/** Creates the desk operations. */
export function createDeskOps(deps: {
  orm: MikroORM;
  pubsub: PubSub;
  audit: AuditLog;
  logger: Logger;
  cases: CaseService;
  maxMessageLength: number;
  /** The desk's SLA clock (the scheduler's), for searches by SLA state. */
  slaNow: () => Date;
  /** The webhook outbox (ratings write theirs with them). */
  webhooks: WebhookService;
}): DeskOps {
  const { orm, pubsub, audit } = deps;
  const labels = createLabelService({ orm, pubsub, audit });
  return {
    operators: createOperatorService({ orm, pubsub, cases: deps.cases, logger: deps.logger }),
    notes: createNoteService({ orm, pubsub, audit, maxLength: deps.maxMessageLength }),
    labels,
    canned: createCannedResponseService({ orm, cases: deps.cases, labels, maxLength: deps.maxMessageLength }),
    csat: createCsatService({ orm, pubsub, audit, webhooks: deps.webhooks }),
    search: createSearchService({ orm, now: deps.slaNow }),
  };
}
