/**
 * A scenario (τ-bench style): one customer, a sequence of messages and answers to proposed
 * actions, and checks on the end state in the database and on the answers.
 */
import type { CaseStatus, Priority, Route } from '../../server/db/entities/index.js';

/** A pattern an answer must (or must not) contain: a RegExp, or a case-insensitive substring. */
export type TextPattern = RegExp | string;

/** Checks on one answer. */
export interface AnswerCheck {
  /** Every pattern must occur in the answer. */
  mentions?: TextPattern[];
  /** No pattern may occur in the answer (claims the desk must not make). */
  notClaims?: TextPattern[];
  /** The number of agent sections (### headers) the answer has: a crew's parts. */
  sections?: number;
  /** The wording depends on the embedded engine: not checked on the scripted openai model. */
  embeddedOnly?: boolean;
}

/** One thing the customer (or an operator) does. */
export type Step =
  | {
      /** The customer writes this (on the scenario's case; `newCase` opens another). */
      say: string;
      requestType?: 'AUTO' | 'BILLING' | 'TECHNICAL' | 'ESCALATION' | 'GENERAL' | 'COMPLEX';
      emergency?: boolean;
      newCase?: boolean;
      /** An operator takes the case over while this message's answer is being written. */
      assignWhileAnswering?: string;
      /** Checks on the answer this message gets. */
      answer?: AnswerCheck;
    }
  | {
      /** Quick follow-ups: the first is sent, the rest while its answer is still being written. */
      burst: string[];
      /** Checks on the answers the burst gets, joined. */
      answer?: AnswerCheck;
    }
  /** The customer says yes (or no) to the newest pending action on the case. */
  | { confirm: 'last' }
  | { decline: 'last' }
  /** An operator assigns the case to someone (a human takes over), or unassigns it (null). */
  | { assign: string | null };

/** Checks on the end state in the database (the scenario's last case unless said otherwise). */
export interface EndState {
  /** New refund rows for the customer (count). */
  refunds?: number;
  /** New pending actions on the case by status, e.g. { PENDING: 1 }; {} means none at all. */
  actions?: Partial<Record<string, number>>;
  status?: CaseStatus | CaseStatus[];
  priority?: Priority | Priority[];
  route?: Route | null;
  assignee?: string | null;
  emergency?: boolean;
  /** A desk-wide emergency alert went out (true) or did not (false). */
  alert?: boolean;
  /** How many agent answers the case has in the end. */
  agentMessages?: number;
  /** Agent answers stopped before the end (kept INCOMPLETE). */
  incompleteAnswers?: number;
  /** Every customer message has been answered. */
  allAnswered?: boolean;
}

/** A scenario. */
export interface Scenario {
  id: string;
  /** What the customer does, in a few words. */
  title: string;
  /** Which defects (1–8) or features of issue 11 it covers. */
  covers: string[];
  /** A demo customer (cust-ava …) or 'guest'. */
  customer: string;
  steps: Step[];
  expect: EndState;
}
