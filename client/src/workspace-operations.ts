/**
 * The operator workspace's operations on the desk operations API: a case's notes, labels and
 * assignee with the operator list, label set and canned responses; adding notes and labels and
 * applying canned responses. `npm run codegen` types them.
 */
import { graphql } from '../generated/gql.js';

export const WebCaseToolsQuery = graphql(`
  query WebCaseTools($id: ID!) {
    case(id: $id) {
      id
      assignee
      labels
      notes {
        id
        authorName
        body
        createdAt
      }
    }
    operators {
      id
      name
      team
      availability
    }
    labels {
      name
      color
    }
    cannedResponses {
      id
      title
    }
  }
`);

export const WebAddNoteMutation = graphql(`
  mutation WebAddNote($caseId: ID!, $body: String!) {
    addNote(caseId: $caseId, body: $body) {
      id
    }
  }
`);

export const WebAddCaseLabelMutation = graphql(`
  mutation WebAddCaseLabel($caseId: ID!, $label: String!) {
    addCaseLabel(caseId: $caseId, label: $label)
  }
`);

export const WebRemoveCaseLabelMutation = graphql(`
  mutation WebRemoveCaseLabel($caseId: ID!, $label: String!) {
    removeCaseLabel(caseId: $caseId, label: $label)
  }
`);

export const WebApplyCannedResponseMutation = graphql(`
  mutation WebApplyCannedResponse($caseId: ID!, $id: ID!) {
    applyCannedResponse(caseId: $caseId, id: $id) {
      case {
        id
        status
      }
    }
  }
`);
