/**
 * The operator workspace's operations on the desk operations API: search and saved views, a case's
 * desk side with the operators, label set and canned responses, notes, labels, canned responses,
 * the customer panel, reports and the customer's rating. `npm run codegen` types them.
 */
import { graphql } from '../generated/gql.js';

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

export const WebSearchCasesQuery = graphql(`
  query WebSearchCases($search: CaseSearchInput!, $first: Int, $after: String) {
    searchCases(search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          subject
          status
          priority
          route
          emergency
          createdAt
          updatedAt
          assignee
          team
          labels
          lastEventSeq
          firstResponseAt
          customer {
            id
            name
            isGuest
          }
          sla {
            firstResponseDueAt
            resolutionDueAt
            firstResponseWarnAt
            resolutionWarnAt
            firstResponseWarned
            firstResponseBreached
            resolutionWarned
            resolutionBreached
            paused
            stoppedAt
          }
        }
      }
    }
  }
`);

export const WebSavedViewsQuery = graphql(`
  query WebSavedViews {
    savedViews {
      id
      name
      search
    }
  }
`);

export const WebSaveViewMutation = graphql(`
  mutation WebSaveView($name: String!, $search: CaseSearchInput!) {
    saveView(name: $name, search: $search) {
      id
      name
      search
    }
  }
`);

export const WebDeleteViewMutation = graphql(`
  mutation WebDeleteView($id: ID!) {
    deleteView(id: $id)
  }
`);

export const WebCaseDetailsQuery = graphql(`
  query WebCaseDetails($id: ID!) {
    case(id: $id) {
      ...WebCaseDesk
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
      actions {
        status
        addLabel
      }
    }
  }
  fragment WebCaseDesk on Case {
    id
    subject
    status
    priority
    route
    emergency
    assignee
    team
    labels
    createdAt
    firstResponseAt
    resolvedAt
    customer {
      id
      name
      isGuest
    }
    sla {
      priority
      firstResponseDueAt
      resolutionDueAt
      firstResponseWarnAt
      resolutionWarnAt
      firstResponseWarned
      firstResponseBreached
      resolutionWarned
      resolutionBreached
      paused
      pausedSeconds
      stoppedAt
    }
    rating {
      score
      comment
      createdAt
    }
    notes {
      id
      authorName
      body
      createdAt
    }
  }
`);

export const WebCaseDeskQuery = graphql(`
  query WebCaseDeskSide($id: ID!) {
    case(id: $id) {
      ...WebCaseDesk
    }
  }
`);

export const WebRenderCannedQuery = graphql(`
  query WebRenderCanned($caseId: ID!, $id: ID!) {
    renderCannedResponse(caseId: $caseId, id: $id)
  }
`);

export const WebCustomerPanelQuery = graphql(`
  query WebCustomerPanel($customerId: ID!) {
    customerPanel(customerId: $customerId) {
      customer {
        id
        name
        email
        phone
        country
        isGuest
        createdAt
        notes
      }
      plan {
        name
        code
        status
        priceCents
        billingCycle
        renewsAt
      }
      invoices {
        number
        status
        amountCents
        currency
        issuedAt
        dueAt
      }
      payments {
        ref
        status
        amountCents
        refundedCents
        currency
        paidAt
        method
      }
      refunds {
        id
        status
        amountCents
        currency
        createdAt
        paymentRef
      }
      orders {
        number
        status
        totalCents
        currency
        placedAt
        items
      }
      cases {
        id
        subject
        status
        createdAt
      }
    }
  }
`);

export const WebBusinessTimezoneQuery = graphql(`
  query WebBusinessTimezone {
    businessHours {
      timezone
    }
  }
`);

export const WebCaseReportQuery = graphql(`
  query WebCaseReport($by: ReportGroup!, $from: DateTime!, $to: DateTime!) {
    caseReport(by: $by, from: $from, to: $to) {
      by
      from
      to
      timezone
      rows {
        ...WebReportRow
      }
      total {
        ...WebReportRow
      }
    }
  }
  fragment WebReportRow on ReportRow {
    key
    cases
    resolved
    firstResponseP50Sec
    firstResponseP90Sec
    resolutionP50Sec
    resolutionP90Sec
    aiResolved
    aiResolvedShare
    escalated
    escalationRate
    csatCount
    csatAverage
    slaBreaches
  }
`);

export const WebCustomerCaseQuery = graphql(`
  query WebCustomerCase($id: ID!) {
    case(id: $id) {
      id
      status
      resolvedAt
      rating {
        score
        comment
      }
    }
  }
`);

export const WebRateCaseMutation = graphql(`
  mutation WebRateCase($caseId: ID!, $score: Int!, $comment: String) {
    rateCase(caseId: $caseId, score: $score, comment: $comment) {
      score
      comment
    }
  }
`);

export const WebDeskDirectoryQuery = graphql(`
  query WebDeskDirectory {
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
  }
`);

export const WebSetAvailabilityMutation = graphql(`
  mutation WebSetAvailability($availability: Availability!) {
    setAvailability(availability: $availability) {
      id
      availability
    }
  }
`);
