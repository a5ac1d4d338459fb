/**
 * The web app's own GraphQL operations (the ones the typed desk client does not wrap): who am I,
 * the live desk events, the operator reply and the case update. `npm run codegen` types them like
 * the rest; client/web/src/api.ts imports them from here.
 */
import { graphql } from '../generated/gql.js';

export const WebMeQuery = graphql(`
  query WebMe {
    me {
      id
      role
      name
      expiresAt
    }
  }
`);

// `SecurityEventRaised.caseId` is nullable while the other DeskEvent types have a non-null
// `caseId`, so that selection is aliased (the fields of one selection set must not conflict).
export const WebDeskEventsSubscription = graphql(`
  subscription WebDeskEvents {
    deskEvents {
      __typename
      at
      ... on CaseCreated {
        caseId
        status
        priority
        route
        emergency
        subject
      }
      ... on CaseUpdated {
        caseId
        status
        priority
        route
        emergency
        assignee
        agentName
      }
      ... on AgentStatusChanged {
        agent
        active
        handled
        errors
      }
      ... on EmergencyAlert {
        caseId
        reason
      }
      ... on SlaWarning {
        caseId
        target
        dueAt
      }
      ... on SlaBreached {
        caseId
        target
        dueAt
      }
      ... on NoteAdded {
        caseId
        noteId
        authorName
        body
      }
      ... on LabelsChanged {
        caseId
        labels
      }
      ... on OperatorChanged {
        operatorId
        availability
      }
      ... on CaseRated {
        caseId
        score
      }
      ... on SecurityEventRaised {
        event
        category
        securityCaseId: caseId
      }
    }
  }
`);

export const WebReplyAsOperatorMutation = graphql(`
  mutation WebReplyAsOperator($caseId: ID!, $message: String!) {
    replyAsOperator(caseId: $caseId, message: $message) {
      id
      content
    }
  }
`);

export const WebUpdateCaseMutation = graphql(`
  mutation WebUpdateCase($input: UpdateCaseInput!) {
    updateCase(input: $input) {
      id
      status
      priority
      assignee
    }
  }
`);

export const WebCaseActionsQuery = graphql(`
  query WebCaseActions($caseId: ID!) {
    caseActions(caseId: $caseId) {
      id
      status
      amount
      question
      paymentRef
    }
  }
`);

export const WebConfirmActionMutation = graphql(`
  mutation WebConfirmAction($actionId: ID!) {
    confirmAction(actionId: $actionId) {
      id
      status
    }
  }
`);

export const WebDeclineActionMutation = graphql(`
  mutation WebDeclineAction($actionId: ID!) {
    declineAction(actionId: $actionId) {
      id
      status
    }
  }
`);
