import { Customer } from './customer.entity.js';
import { Case } from './case.entity.js';
import { Message } from './message.entity.js';
import { CaseEventRecord } from './case-event.entity.js';
import { Plan, Subscription, Invoice, Payment, Refund, Order, ServiceIncident } from './company.entity.js';
import { AuditEvent } from './audit-event.entity.js';

/** Every entity the ORM knows. */
export const entities = [Customer, Case, Message, CaseEventRecord, Plan, Subscription, Invoice, Payment, Refund, Order, ServiceIncident, AuditEvent];

export * from './customer.entity.js';
export * from './case.entity.js';
export * from './message.entity.js';
export * from './case-event.entity.js';
export * from './company.entity.js';
export * from './audit-event.entity.js';
