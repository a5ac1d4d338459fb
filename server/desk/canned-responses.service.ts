/**
 * Canned responses (macros): a title, a body with variables ({{customer.name}}, {{case.id}},
 * {{agent.name}}) and optional actions (set a status, add a label). Admins manage them; an
 * operator applies one to a case, which posts the rendered reply and runs the actions.
 */
import { randomUUID } from 'node:crypto';
import { type EntityManager, type MikroORM, UniqueConstraintViolationException } from '@mikro-orm/sqlite';
import {
  CASE_STATUSES,
  type CannedActions,
  CannedResponse,
  Case,
  type CaseStatus,
  Customer,
  type ICannedResponse,
  type ICase,
  type IMessage,
} from '../db/entities/index.js';
import { BadInputError, ConflictError, NotFoundError } from '../errors.js';
import type { Actor, CaseService } from './case.service.js';
import { cleanMessage } from './input.js';
import type { LabelService } from './labels.service.js';
import { labelName } from './labels.service.js';
import { operatorName } from './operator-name.js';

/** The variables a body may use. */
export const TEMPLATE_VARIABLES = ['customer.name', 'case.id', 'agent.name'] as const;
const VARIABLE = /\{\{\s*([a-zA-Z]+\.[a-zA-Z]+)\s*\}\}/g;

/** A canned response as an admin writes it. */
export interface CannedResponseInput {
  id?: string | null;
  title: string;
  body: string;
  actions?: CannedActions | null;
}

/** Fills a body's variables; a variable that is not one of TEMPLATE_VARIABLES is BAD_USER_INPUT. */
function renderTemplate(body: string, values: Record<(typeof TEMPLATE_VARIABLES)[number], string>): string {
  return body.replace(VARIABLE, (_m, name: string) => {
    if (!(TEMPLATE_VARIABLES as readonly string[]).includes(name))
      throw new BadInputError(`unknown variable {{${name}}}; use ${TEMPLATE_VARIABLES.join(', ')}`, 'body');
    return values[name as (typeof TEMPLATE_VARIABLES)[number]];
  });
}

/** Creates the canned-response service. */
export function createCannedResponseService(deps: {
  orm: MikroORM;
  cases: CaseService;
  labels: LabelService;
  maxLength: number;
}) {
  function cleanActions(actions: CannedActions | null | undefined): CannedActions {
    const out: CannedActions = {};
    if (actions?.status) {
      if (!CASE_STATUSES.includes(actions.status as CaseStatus))
        throw new BadInputError(`actions.status must be one of ${CASE_STATUSES.join(', ')}`, 'actions.status');
      out.status = actions.status;
    }
    if (actions?.addLabel) out.addLabel = labelName(actions.addLabel, 'actions.addLabel');
    return out;
  }

  return {
    /** Every canned response, by title. */
    list(em: EntityManager): Promise<ICannedResponse[]> {
      return em.find(CannedResponse, {}, { orderBy: { title: 'asc' } });
    },

    /** Creates (no id) or changes a canned response. */
    async save(actor: Actor, input: CannedResponseInput): Promise<ICannedResponse> {
      const title = cleanMessage(input.title, 'title', 120);
      const body = cleanMessage(input.body, 'body', deps.maxLength);
      // Rendering with placeholders checks every variable now rather than when an operator applies it.
      renderTemplate(body, { 'customer.name': '', 'case.id': '', 'agent.name': '' });
      const actions = cleanActions(input.actions);
      const em = deps.orm.em.fork();
      let row: ICannedResponse;
      if (input.id) {
        const found = await em.findOne(CannedResponse, { id: input.id });
        if (!found) throw new NotFoundError('CannedResponse', input.id, 'id');
        found.title = title;
        found.body = body;
        found.actions = actions;
        row = found;
      } else {
        row = em.create(CannedResponse, { id: randomUUID(), title, body, actions, createdBy: actor.id });
      }
      try {
        await em.flush();
      } catch (err) {
        if (err instanceof UniqueConstraintViolationException)
          throw new ConflictError(`A canned response titled "${title}" exists`);
        throw err;
      }
      return row;
    },

    /** Deletes a canned response; false when there was none. */
    async delete(id: string): Promise<boolean> {
      return (await deps.orm.em.fork().nativeDelete(CannedResponse, { id })) > 0;
    },

    /** Renders a canned response for a case without posting it (for the composer). */
    async preview(actor: Actor, caseId: string, id: string): Promise<string> {
      const em = deps.orm.em.fork();
      const macro = await em.findOne(CannedResponse, { id });
      if (!macro) throw new NotFoundError('CannedResponse', id, 'id');
      const c = await em.findOne(Case, { id: caseId });
      if (!c) throw new NotFoundError('Case', caseId, 'caseId');
      const customer = await em.findOne(Customer, { id: c.customer.id });
      return renderTemplate(macro.body, {
        'customer.name': customer?.name ?? 'there',
        'case.id': c.id,
        'agent.name': await operatorName(em, actor),
      });
    },

    /** Posts a canned response as the operator's reply on a case, then runs its actions. */
    async apply(actor: Actor, caseId: string, id: string): Promise<{ message: IMessage; case: ICase }> {
      const text = await this.preview(actor, caseId, id);
      const macro = await deps.orm.em.fork().findOneOrFail(CannedResponse, { id });
      const message = await deps.cases.replyAsOperator(actor, caseId, text);
      if (macro.actions.addLabel) await deps.labels.addLabel(actor, caseId, macro.actions.addLabel);
      let c: ICase;
      if (macro.actions.status)
        c = await deps.cases.updateCase(actor, caseId, { status: macro.actions.status as CaseStatus });
      else c = await deps.orm.em.fork().findOneOrFail(Case, { id: caseId });
      return { message, case: c };
    },
  };
}

/** The canned-response service. */
export type CannedResponseService = ReturnType<typeof createCannedResponseService>;
