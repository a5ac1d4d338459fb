import { AuditEvent } from './audit-event.entity.js';
import { Case } from './case.entity.js';
import { CaseEventRecord } from './case-event.entity.js';
import { Invoice, Order, Payment, Plan, Refund, ServiceIncident, Subscription } from './company.entity.js';
import { Customer } from './customer.entity.js';
import { CannedResponse, CaseLabel, CaseNote, CaseRating, Label, Operator, SavedView } from './desk-ops.entity.js';
import { Message } from './message.entity.js';
import { PendingAction } from './pending-action.entity.js';
import { BusinessHours, CaseSla, SlaPolicy } from './sla.entity.js';
import { StreamCursor, Webhook, WebhookAttempt, WebhookDelivery } from './webhook.entity.js';

/** Every entity the ORM knows. */
export const entities = [
  Customer,
  Case,
  Message,
  CaseEventRecord,
  Plan,
  Subscription,
  Invoice,
  Payment,
  Refund,
  Order,
  ServiceIncident,
  AuditEvent,
  PendingAction,
  Operator,
  CaseNote,
  Label,
  CaseLabel,
  CannedResponse,
  CaseRating,
  SavedView,
  Webhook,
  WebhookDelivery,
  WebhookAttempt,
  StreamCursor,
  SlaPolicy,
  BusinessHours,
  CaseSla,
];

export * from './audit-event.entity.js';
export * from './case.entity.js';
export * from './case-event.entity.js';
export * from './company.entity.js';
export * from './customer.entity.js';
export * from './desk-ops.entity.js';
export * from './message.entity.js';
export * from './pending-action.entity.js';
export * from './sla.entity.js';
export * from './webhook.entity.js';
