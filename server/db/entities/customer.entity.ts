import { randomUUID } from 'node:crypto';
import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

/** A customer of the company the desk serves. */
export const Customer = defineEntity({
  name: 'Customer',
  tableName: 'customers',
  properties: {
    id: p
      .string()
      .primary()
      .onCreate(() => randomUUID()),
    externalRef: p.string().unique().nullable(),
    name: p.string(),
    email: p.string().nullable(),
    phone: p.string().nullable(),
    country: p.string().nullable(),
    notes: p.text().nullable(),
    isGuest: p.boolean().default(false),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
/** A customer row. */
export type ICustomer = InferEntity<typeof Customer>;
