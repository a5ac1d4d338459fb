/**
 * The client's GraphQL operations. `graphql(...)` comes from the generated module: `npm run
 * codegen` reads these documents and writes their typed versions to client/generated/.
 */
import { graphql } from '../generated/gql.js';

/** @public The `MessageFields` fragment, spread by name in the operations (codegen reads it from here). */
export const MessageFieldsFragment = graphql(`
  fragment MessageFields on Message {
    id
    caseId
    authorKind
    authorName
    agentName
    content
    status
    createdAt
    model
    latencyMs
    timeToFirstTokenMs
    citations {
      id
      title
      snippet
    }
    toolCalls {
      id
      agent
      name
      ok
      durationMs
    }
  }
`);

/** @public The `CaseSummary` fragment, spread by name in the operations (codegen reads it from here). */
export const CaseSummaryFragment = graphql(`
  fragment CaseSummary on Case {
    id
    subject
    status
    priority
    emergency
    requestType
    route
    intent
    agentName
    assignee
    lastEventSeq
    createdAt
    updatedAt
    customer {
      id
      name
      isGuest
    }
  }
`);

/** @public The `CaseEventFields` fragment, spread by name in the operations (codegen reads it from here). */
export const CaseEventFieldsFragment = graphql(`
  fragment CaseEventFields on CaseEvent {
    __typename
    seq
    caseId
    at
    ... on CaseOpened {
      subject
      customerId
      priority
      emergency
      requestType
    }
    ... on MessageAdded {
      message {
        ...MessageFields
      }
    }
    ... on CaseRouted {
      route
      intent
      confidence
      method
      reason
      parts {
        route
        intent
        confidence
      }
    }
    ... on AgentStarted {
      agent
      messageId
    }
    ... on TokenDelta {
      agent
      messageId
      text
    }
    ... on ToolCalled {
      agent
      messageId
      tool
      input
      output
      ok
      durationMs
    }
    ... on AgentHandoff {
      fromAgent
      toAgent
      reason
    }
    ... on MessageCompleted {
      message {
        ...MessageFields
      }
    }
    ... on StatusChanged {
      fromStatus
      toStatus
      by
    }
    ... on PriorityChanged {
      fromPriority
      toPriority
      by
    }
    ... on AssigneeChanged {
      fromAssignee
      toAssignee
      by
    }
    ... on CaseEscalated {
      reason
      priority
      by
    }
    ... on CaseSlaWarning {
      target
      dueAt
    }
    ... on CaseSlaBreached {
      target
      dueAt
    }
    ... on CaseError {
      code
      detail
      recoverable
    }
    ... on GuardrailTripped {
      guardrail
      reason
    }
    ... on ActionUpdated {
      actionId
      kind
      status
      summary
    }
  }
`);

export const SubmitRequestMutation = graphql(`
  mutation SubmitRequest($input: SubmitRequestInput!) {
    submitRequest(input: $input) {
      duplicate
      case {
        ...CaseSummary
      }
      message {
        ...MessageFields
      }
    }
  }
`);

export const GetCaseQuery = graphql(`
  query GetCase($id: ID!) {
    case(id: $id) {
      ...CaseSummary
      resolvedAt
      firstResponseAt
      messages {
        ...MessageFields
      }
    }
  }
`);

export const ListCasesQuery = graphql(`
  query ListCases($filter: CaseFilterInput, $first: Int, $after: String) {
    cases(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        cursor
        node {
          ...CaseSummary
        }
      }
    }
  }
`);

export const DeskStatusQuery = graphql(`
  query DeskStatus {
    deskStatus {
      provider
      model
      routerModel
      startedAt
      uptimeSeconds
      queueDepth
      activeRuns
      totalTokens
      totalCostUsd
      agents {
        agent
        active
        handled
        errors
        avgTimeToFirstTokenMs
        avgTimeToAnswerMs
      }
      models {
        agent
        model
      }
      casesByStatus {
        status
        count
      }
    }
  }
`);

export const BrandingQuery = graphql(`
  query Branding {
    branding {
      companyName
      brandColor
      supportHours
    }
  }
`);

export const StartGuestSessionMutation = graphql(`
  mutation StartGuestSession {
    startGuestSession {
      token
      expiresAt
      customerId
    }
  }
`);

export const CaseEventsSubscription = graphql(`
  subscription CaseEvents($caseId: ID!, $after: Int) {
    caseEvents(caseId: $caseId, after: $after) {
      ...CaseEventFields
    }
  }
`);
