/**
 * `@crewdesk/client`: the typed client of a crewdesk desk (urql over HTTP, graphql-ws for
 * subscriptions, resumable case streams, coded errors) and the operations' generated types.
 */

export type {
  CaseStatus,
  MessageStatus,
  Priority,
  RequestType,
  Route,
} from '../generated/graphql.js';
export * from './desk-client.js';
export * from './errors.js';
