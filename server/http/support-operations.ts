/** The GraphQL operations behind the REST API (named, so metrics and logs show them as REST's). */

/** Submits a request; returns the case and the stored message. */
export const SUBMIT = `mutation RestSubmitRequest($input: SubmitRequestInput!) {
  submitRequest(input: $input) {
    duplicate
    case { id status lastEventSeq customer { id } }
    message { id createdAt }
  }
}`;

/** The caller, to check a body's customer_id against the token's. */
export const VIEWER = `query RestViewer { me { id role } }`;

/** The events of a case after a seq (what a REST caller waits on or streams). */
export const CASE_EVENTS = `subscription RestCaseEvents($caseId: ID!, $after: Int) {
  caseEvents(caseId: $caseId, after: $after) {
    __typename seq at caseId
    ... on CaseRouted { route intent confidence reason method }
    ... on AgentStarted { agent messageId }
    ... on AgentHandoff { fromAgent toAgent reason }
    ... on TokenDelta { agent messageId text }
    ... on ToolCalled { agent tool ok input output }
    ... on MessageAdded { message { id authorKind content } }
    ... on MessageCompleted { message { id authorKind agentName content status createdAt citations { title } } }
    ... on StatusChanged { fromStatus toStatus }
    ... on CaseEscalated { reason priority by }
    ... on GuardrailTripped { guardrail reason }
    ... on CaseError { code detail recoverable }
  }
}`;

/** One case's state and its latest messages, for GET /support/status?case_id=. */
export const CASE_STATUS = `query RestCaseStatus($id: ID!) {
  case(id: $id) {
    id status route agentName updatedAt
    messages { id authorKind agentName content status createdAt }
  }
}`;

/** The desk's state for GET /support/status. */
export const DESK_STATUS = `query RestDeskStatus { health agents { name title } }`;
