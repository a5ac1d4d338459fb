/** Builds the GraphQL schema from the feature modules. */
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { builder } from './builder.js';
import './scalars.js';
import './case.schema.js';
import './events.schema.js';
import './desk.schema.js';
import './auth.schema.js';
import './actions.schema.js';
import './desk-ops-events.schema.js';
import './operators.schema.js';
import './notes.schema.js';
import './labels.schema.js';
import './canned-responses.schema.js';
import './csat.schema.js';
import './customer-panel.schema.js';
import './search.schema.js';
import './webhooks.schema.js';
import './sla.schema.js';
import './reports.schema.js';

let schema: GraphQLSchema | undefined;

/** The schema (built once). */
export function getSchema(): GraphQLSchema {
  schema ??= builder.toSchema();
  return schema;
}

/** The SDL committed as schema.graphql. */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(getSchema()))}\n`;
}
