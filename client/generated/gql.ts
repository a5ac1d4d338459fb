/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment MessageFields on Message {\n    id\n    caseId\n    authorKind\n    authorName\n    agentName\n    content\n    status\n    createdAt\n    model\n    latencyMs\n    timeToFirstTokenMs\n    citations {\n      id\n      title\n      snippet\n    }\n    toolCalls {\n      id\n      agent\n      name\n      ok\n      durationMs\n    }\n  }\n": typeof types.MessageFieldsFragmentDoc,
    "\n  fragment CaseSummary on Case {\n    id\n    subject\n    status\n    priority\n    emergency\n    requestType\n    route\n    intent\n    agentName\n    assignee\n    lastEventSeq\n    createdAt\n    updatedAt\n    customer {\n      id\n      name\n      isGuest\n    }\n  }\n": typeof types.CaseSummaryFragmentDoc,
    "\n  fragment CaseEventFields on CaseEvent {\n    __typename\n    seq\n    caseId\n    at\n    ... on CaseOpened {\n      subject\n      customerId\n      priority\n      emergency\n      requestType\n    }\n    ... on MessageAdded {\n      message {\n        ...MessageFields\n      }\n    }\n    ... on CaseRouted {\n      route\n      intent\n      confidence\n      method\n      reason\n      parts {\n        route\n        intent\n        confidence\n      }\n    }\n    ... on AgentStarted {\n      agent\n      messageId\n    }\n    ... on TokenDelta {\n      agent\n      messageId\n      text\n    }\n    ... on ToolCalled {\n      agent\n      messageId\n      tool\n      input\n      output\n      ok\n      durationMs\n    }\n    ... on AgentHandoff {\n      fromAgent\n      toAgent\n      reason\n    }\n    ... on MessageCompleted {\n      message {\n        ...MessageFields\n      }\n    }\n    ... on StatusChanged {\n      fromStatus\n      toStatus\n      by\n    }\n    ... on PriorityChanged {\n      fromPriority\n      toPriority\n      by\n    }\n    ... on AssigneeChanged {\n      fromAssignee\n      toAssignee\n      by\n    }\n    ... on CaseEscalated {\n      reason\n      priority\n      by\n    }\n    ... on CaseError {\n      code\n      detail\n      recoverable\n    }\n    ... on GuardrailTripped {\n      guardrail\n      reason\n    }\n    ... on ActionUpdated {\n      actionId\n      kind\n      status\n      summary\n    }\n  }\n": typeof types.CaseEventFieldsFragmentDoc,
    "\n  mutation SubmitRequest($input: SubmitRequestInput!) {\n    submitRequest(input: $input) {\n      duplicate\n      case {\n        ...CaseSummary\n      }\n      message {\n        ...MessageFields\n      }\n    }\n  }\n": typeof types.SubmitRequestDocument,
    "\n  query GetCase($id: ID!) {\n    case(id: $id) {\n      ...CaseSummary\n      resolvedAt\n      firstResponseAt\n      messages {\n        ...MessageFields\n      }\n    }\n  }\n": typeof types.GetCaseDocument,
    "\n  query ListCases($filter: CaseFilterInput, $first: Int, $after: String) {\n    cases(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        cursor\n        node {\n          ...CaseSummary\n        }\n      }\n    }\n  }\n": typeof types.ListCasesDocument,
    "\n  query DeskStatus {\n    deskStatus {\n      provider\n      model\n      routerModel\n      startedAt\n      uptimeSeconds\n      queueDepth\n      activeRuns\n      totalTokens\n      totalCostUsd\n      agents {\n        agent\n        active\n        handled\n        errors\n        avgTimeToFirstTokenMs\n        avgTimeToAnswerMs\n      }\n      models {\n        agent\n        model\n      }\n      casesByStatus {\n        status\n        count\n      }\n    }\n  }\n": typeof types.DeskStatusDocument,
    "\n  query Branding {\n    branding {\n      companyName\n      brandColor\n      supportHours\n    }\n  }\n": typeof types.BrandingDocument,
    "\n  mutation StartGuestSession {\n    startGuestSession {\n      token\n      expiresAt\n      customerId\n    }\n  }\n": typeof types.StartGuestSessionDocument,
    "\n  subscription CaseEvents($caseId: ID!, $after: Int) {\n    caseEvents(caseId: $caseId, after: $after) {\n      ...CaseEventFields\n    }\n  }\n": typeof types.CaseEventsDocument,
    "\n  query WebMe {\n    me {\n      id\n      role\n      name\n      expiresAt\n    }\n  }\n": typeof types.WebMeDocument,
    "\n  subscription WebDeskEvents {\n    deskEvents {\n      __typename\n      at\n      ... on CaseCreated {\n        caseId\n        status\n        priority\n        route\n        emergency\n        subject\n      }\n      ... on CaseUpdated {\n        caseId\n        status\n        priority\n        route\n        assignee\n        agentName\n      }\n      ... on AgentStatusChanged {\n        agent\n        active\n        handled\n        errors\n      }\n      ... on EmergencyAlert {\n        caseId\n        reason\n      }\n      ... on SecurityEventRaised {\n        event\n        category\n        securityCaseId: caseId\n      }\n    }\n  }\n": typeof types.WebDeskEventsDocument,
    "\n  mutation WebReplyAsOperator($caseId: ID!, $message: String!) {\n    replyAsOperator(caseId: $caseId, message: $message) {\n      id\n      content\n    }\n  }\n": typeof types.WebReplyAsOperatorDocument,
    "\n  mutation WebUpdateCase($input: UpdateCaseInput!) {\n    updateCase(input: $input) {\n      id\n      status\n      priority\n      assignee\n    }\n  }\n": typeof types.WebUpdateCaseDocument,
    "\n  query WebCaseActions($caseId: ID!) {\n    caseActions(caseId: $caseId) {\n      id\n      status\n      amount\n      question\n      paymentRef\n    }\n  }\n": typeof types.WebCaseActionsDocument,
    "\n  mutation WebConfirmAction($actionId: ID!) {\n    confirmAction(actionId: $actionId) {\n      id\n      status\n    }\n  }\n": typeof types.WebConfirmActionDocument,
    "\n  mutation WebDeclineAction($actionId: ID!) {\n    declineAction(actionId: $actionId) {\n      id\n      status\n    }\n  }\n": typeof types.WebDeclineActionDocument,
    "\n  query WebCaseTools($id: ID!) {\n    case(id: $id) {\n      id\n      assignee\n      labels\n      notes {\n        id\n        authorName\n        body\n        createdAt\n      }\n    }\n    operators {\n      id\n      name\n      team\n      availability\n    }\n    labels {\n      name\n      color\n    }\n    cannedResponses {\n      id\n      title\n    }\n  }\n": typeof types.WebCaseToolsDocument,
    "\n  mutation WebAddNote($caseId: ID!, $body: String!) {\n    addNote(caseId: $caseId, body: $body) {\n      id\n    }\n  }\n": typeof types.WebAddNoteDocument,
    "\n  mutation WebAddCaseLabel($caseId: ID!, $label: String!) {\n    addCaseLabel(caseId: $caseId, label: $label)\n  }\n": typeof types.WebAddCaseLabelDocument,
    "\n  mutation WebRemoveCaseLabel($caseId: ID!, $label: String!) {\n    removeCaseLabel(caseId: $caseId, label: $label)\n  }\n": typeof types.WebRemoveCaseLabelDocument,
    "\n  mutation WebApplyCannedResponse($caseId: ID!, $id: ID!) {\n    applyCannedResponse(caseId: $caseId, id: $id) {\n      case {\n        id\n        status\n      }\n    }\n  }\n": typeof types.WebApplyCannedResponseDocument,
};
const documents: Documents = {
    "\n  fragment MessageFields on Message {\n    id\n    caseId\n    authorKind\n    authorName\n    agentName\n    content\n    status\n    createdAt\n    model\n    latencyMs\n    timeToFirstTokenMs\n    citations {\n      id\n      title\n      snippet\n    }\n    toolCalls {\n      id\n      agent\n      name\n      ok\n      durationMs\n    }\n  }\n": types.MessageFieldsFragmentDoc,
    "\n  fragment CaseSummary on Case {\n    id\n    subject\n    status\n    priority\n    emergency\n    requestType\n    route\n    intent\n    agentName\n    assignee\n    lastEventSeq\n    createdAt\n    updatedAt\n    customer {\n      id\n      name\n      isGuest\n    }\n  }\n": types.CaseSummaryFragmentDoc,
    "\n  fragment CaseEventFields on CaseEvent {\n    __typename\n    seq\n    caseId\n    at\n    ... on CaseOpened {\n      subject\n      customerId\n      priority\n      emergency\n      requestType\n    }\n    ... on MessageAdded {\n      message {\n        ...MessageFields\n      }\n    }\n    ... on CaseRouted {\n      route\n      intent\n      confidence\n      method\n      reason\n      parts {\n        route\n        intent\n        confidence\n      }\n    }\n    ... on AgentStarted {\n      agent\n      messageId\n    }\n    ... on TokenDelta {\n      agent\n      messageId\n      text\n    }\n    ... on ToolCalled {\n      agent\n      messageId\n      tool\n      input\n      output\n      ok\n      durationMs\n    }\n    ... on AgentHandoff {\n      fromAgent\n      toAgent\n      reason\n    }\n    ... on MessageCompleted {\n      message {\n        ...MessageFields\n      }\n    }\n    ... on StatusChanged {\n      fromStatus\n      toStatus\n      by\n    }\n    ... on PriorityChanged {\n      fromPriority\n      toPriority\n      by\n    }\n    ... on AssigneeChanged {\n      fromAssignee\n      toAssignee\n      by\n    }\n    ... on CaseEscalated {\n      reason\n      priority\n      by\n    }\n    ... on CaseError {\n      code\n      detail\n      recoverable\n    }\n    ... on GuardrailTripped {\n      guardrail\n      reason\n    }\n    ... on ActionUpdated {\n      actionId\n      kind\n      status\n      summary\n    }\n  }\n": types.CaseEventFieldsFragmentDoc,
    "\n  mutation SubmitRequest($input: SubmitRequestInput!) {\n    submitRequest(input: $input) {\n      duplicate\n      case {\n        ...CaseSummary\n      }\n      message {\n        ...MessageFields\n      }\n    }\n  }\n": types.SubmitRequestDocument,
    "\n  query GetCase($id: ID!) {\n    case(id: $id) {\n      ...CaseSummary\n      resolvedAt\n      firstResponseAt\n      messages {\n        ...MessageFields\n      }\n    }\n  }\n": types.GetCaseDocument,
    "\n  query ListCases($filter: CaseFilterInput, $first: Int, $after: String) {\n    cases(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        cursor\n        node {\n          ...CaseSummary\n        }\n      }\n    }\n  }\n": types.ListCasesDocument,
    "\n  query DeskStatus {\n    deskStatus {\n      provider\n      model\n      routerModel\n      startedAt\n      uptimeSeconds\n      queueDepth\n      activeRuns\n      totalTokens\n      totalCostUsd\n      agents {\n        agent\n        active\n        handled\n        errors\n        avgTimeToFirstTokenMs\n        avgTimeToAnswerMs\n      }\n      models {\n        agent\n        model\n      }\n      casesByStatus {\n        status\n        count\n      }\n    }\n  }\n": types.DeskStatusDocument,
    "\n  query Branding {\n    branding {\n      companyName\n      brandColor\n      supportHours\n    }\n  }\n": types.BrandingDocument,
    "\n  mutation StartGuestSession {\n    startGuestSession {\n      token\n      expiresAt\n      customerId\n    }\n  }\n": types.StartGuestSessionDocument,
    "\n  subscription CaseEvents($caseId: ID!, $after: Int) {\n    caseEvents(caseId: $caseId, after: $after) {\n      ...CaseEventFields\n    }\n  }\n": types.CaseEventsDocument,
    "\n  query WebMe {\n    me {\n      id\n      role\n      name\n      expiresAt\n    }\n  }\n": types.WebMeDocument,
    "\n  subscription WebDeskEvents {\n    deskEvents {\n      __typename\n      at\n      ... on CaseCreated {\n        caseId\n        status\n        priority\n        route\n        emergency\n        subject\n      }\n      ... on CaseUpdated {\n        caseId\n        status\n        priority\n        route\n        assignee\n        agentName\n      }\n      ... on AgentStatusChanged {\n        agent\n        active\n        handled\n        errors\n      }\n      ... on EmergencyAlert {\n        caseId\n        reason\n      }\n      ... on SecurityEventRaised {\n        event\n        category\n        securityCaseId: caseId\n      }\n    }\n  }\n": types.WebDeskEventsDocument,
    "\n  mutation WebReplyAsOperator($caseId: ID!, $message: String!) {\n    replyAsOperator(caseId: $caseId, message: $message) {\n      id\n      content\n    }\n  }\n": types.WebReplyAsOperatorDocument,
    "\n  mutation WebUpdateCase($input: UpdateCaseInput!) {\n    updateCase(input: $input) {\n      id\n      status\n      priority\n      assignee\n    }\n  }\n": types.WebUpdateCaseDocument,
    "\n  query WebCaseActions($caseId: ID!) {\n    caseActions(caseId: $caseId) {\n      id\n      status\n      amount\n      question\n      paymentRef\n    }\n  }\n": types.WebCaseActionsDocument,
    "\n  mutation WebConfirmAction($actionId: ID!) {\n    confirmAction(actionId: $actionId) {\n      id\n      status\n    }\n  }\n": types.WebConfirmActionDocument,
    "\n  mutation WebDeclineAction($actionId: ID!) {\n    declineAction(actionId: $actionId) {\n      id\n      status\n    }\n  }\n": types.WebDeclineActionDocument,
    "\n  query WebCaseTools($id: ID!) {\n    case(id: $id) {\n      id\n      assignee\n      labels\n      notes {\n        id\n        authorName\n        body\n        createdAt\n      }\n    }\n    operators {\n      id\n      name\n      team\n      availability\n    }\n    labels {\n      name\n      color\n    }\n    cannedResponses {\n      id\n      title\n    }\n  }\n": types.WebCaseToolsDocument,
    "\n  mutation WebAddNote($caseId: ID!, $body: String!) {\n    addNote(caseId: $caseId, body: $body) {\n      id\n    }\n  }\n": types.WebAddNoteDocument,
    "\n  mutation WebAddCaseLabel($caseId: ID!, $label: String!) {\n    addCaseLabel(caseId: $caseId, label: $label)\n  }\n": types.WebAddCaseLabelDocument,
    "\n  mutation WebRemoveCaseLabel($caseId: ID!, $label: String!) {\n    removeCaseLabel(caseId: $caseId, label: $label)\n  }\n": types.WebRemoveCaseLabelDocument,
    "\n  mutation WebApplyCannedResponse($caseId: ID!, $id: ID!) {\n    applyCannedResponse(caseId: $caseId, id: $id) {\n      case {\n        id\n        status\n      }\n    }\n  }\n": types.WebApplyCannedResponseDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MessageFields on Message {\n    id\n    caseId\n    authorKind\n    authorName\n    agentName\n    content\n    status\n    createdAt\n    model\n    latencyMs\n    timeToFirstTokenMs\n    citations {\n      id\n      title\n      snippet\n    }\n    toolCalls {\n      id\n      agent\n      name\n      ok\n      durationMs\n    }\n  }\n"): (typeof documents)["\n  fragment MessageFields on Message {\n    id\n    caseId\n    authorKind\n    authorName\n    agentName\n    content\n    status\n    createdAt\n    model\n    latencyMs\n    timeToFirstTokenMs\n    citations {\n      id\n      title\n      snippet\n    }\n    toolCalls {\n      id\n      agent\n      name\n      ok\n      durationMs\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CaseSummary on Case {\n    id\n    subject\n    status\n    priority\n    emergency\n    requestType\n    route\n    intent\n    agentName\n    assignee\n    lastEventSeq\n    createdAt\n    updatedAt\n    customer {\n      id\n      name\n      isGuest\n    }\n  }\n"): (typeof documents)["\n  fragment CaseSummary on Case {\n    id\n    subject\n    status\n    priority\n    emergency\n    requestType\n    route\n    intent\n    agentName\n    assignee\n    lastEventSeq\n    createdAt\n    updatedAt\n    customer {\n      id\n      name\n      isGuest\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CaseEventFields on CaseEvent {\n    __typename\n    seq\n    caseId\n    at\n    ... on CaseOpened {\n      subject\n      customerId\n      priority\n      emergency\n      requestType\n    }\n    ... on MessageAdded {\n      message {\n        ...MessageFields\n      }\n    }\n    ... on CaseRouted {\n      route\n      intent\n      confidence\n      method\n      reason\n      parts {\n        route\n        intent\n        confidence\n      }\n    }\n    ... on AgentStarted {\n      agent\n      messageId\n    }\n    ... on TokenDelta {\n      agent\n      messageId\n      text\n    }\n    ... on ToolCalled {\n      agent\n      messageId\n      tool\n      input\n      output\n      ok\n      durationMs\n    }\n    ... on AgentHandoff {\n      fromAgent\n      toAgent\n      reason\n    }\n    ... on MessageCompleted {\n      message {\n        ...MessageFields\n      }\n    }\n    ... on StatusChanged {\n      fromStatus\n      toStatus\n      by\n    }\n    ... on PriorityChanged {\n      fromPriority\n      toPriority\n      by\n    }\n    ... on AssigneeChanged {\n      fromAssignee\n      toAssignee\n      by\n    }\n    ... on CaseEscalated {\n      reason\n      priority\n      by\n    }\n    ... on CaseError {\n      code\n      detail\n      recoverable\n    }\n    ... on GuardrailTripped {\n      guardrail\n      reason\n    }\n    ... on ActionUpdated {\n      actionId\n      kind\n      status\n      summary\n    }\n  }\n"): (typeof documents)["\n  fragment CaseEventFields on CaseEvent {\n    __typename\n    seq\n    caseId\n    at\n    ... on CaseOpened {\n      subject\n      customerId\n      priority\n      emergency\n      requestType\n    }\n    ... on MessageAdded {\n      message {\n        ...MessageFields\n      }\n    }\n    ... on CaseRouted {\n      route\n      intent\n      confidence\n      method\n      reason\n      parts {\n        route\n        intent\n        confidence\n      }\n    }\n    ... on AgentStarted {\n      agent\n      messageId\n    }\n    ... on TokenDelta {\n      agent\n      messageId\n      text\n    }\n    ... on ToolCalled {\n      agent\n      messageId\n      tool\n      input\n      output\n      ok\n      durationMs\n    }\n    ... on AgentHandoff {\n      fromAgent\n      toAgent\n      reason\n    }\n    ... on MessageCompleted {\n      message {\n        ...MessageFields\n      }\n    }\n    ... on StatusChanged {\n      fromStatus\n      toStatus\n      by\n    }\n    ... on PriorityChanged {\n      fromPriority\n      toPriority\n      by\n    }\n    ... on AssigneeChanged {\n      fromAssignee\n      toAssignee\n      by\n    }\n    ... on CaseEscalated {\n      reason\n      priority\n      by\n    }\n    ... on CaseError {\n      code\n      detail\n      recoverable\n    }\n    ... on GuardrailTripped {\n      guardrail\n      reason\n    }\n    ... on ActionUpdated {\n      actionId\n      kind\n      status\n      summary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitRequest($input: SubmitRequestInput!) {\n    submitRequest(input: $input) {\n      duplicate\n      case {\n        ...CaseSummary\n      }\n      message {\n        ...MessageFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitRequest($input: SubmitRequestInput!) {\n    submitRequest(input: $input) {\n      duplicate\n      case {\n        ...CaseSummary\n      }\n      message {\n        ...MessageFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetCase($id: ID!) {\n    case(id: $id) {\n      ...CaseSummary\n      resolvedAt\n      firstResponseAt\n      messages {\n        ...MessageFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query GetCase($id: ID!) {\n    case(id: $id) {\n      ...CaseSummary\n      resolvedAt\n      firstResponseAt\n      messages {\n        ...MessageFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ListCases($filter: CaseFilterInput, $first: Int, $after: String) {\n    cases(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        cursor\n        node {\n          ...CaseSummary\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ListCases($filter: CaseFilterInput, $first: Int, $after: String) {\n    cases(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        cursor\n        node {\n          ...CaseSummary\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskStatus {\n    deskStatus {\n      provider\n      model\n      routerModel\n      startedAt\n      uptimeSeconds\n      queueDepth\n      activeRuns\n      totalTokens\n      totalCostUsd\n      agents {\n        agent\n        active\n        handled\n        errors\n        avgTimeToFirstTokenMs\n        avgTimeToAnswerMs\n      }\n      models {\n        agent\n        model\n      }\n      casesByStatus {\n        status\n        count\n      }\n    }\n  }\n"): (typeof documents)["\n  query DeskStatus {\n    deskStatus {\n      provider\n      model\n      routerModel\n      startedAt\n      uptimeSeconds\n      queueDepth\n      activeRuns\n      totalTokens\n      totalCostUsd\n      agents {\n        agent\n        active\n        handled\n        errors\n        avgTimeToFirstTokenMs\n        avgTimeToAnswerMs\n      }\n      models {\n        agent\n        model\n      }\n      casesByStatus {\n        status\n        count\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Branding {\n    branding {\n      companyName\n      brandColor\n      supportHours\n    }\n  }\n"): (typeof documents)["\n  query Branding {\n    branding {\n      companyName\n      brandColor\n      supportHours\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartGuestSession {\n    startGuestSession {\n      token\n      expiresAt\n      customerId\n    }\n  }\n"): (typeof documents)["\n  mutation StartGuestSession {\n    startGuestSession {\n      token\n      expiresAt\n      customerId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CaseEvents($caseId: ID!, $after: Int) {\n    caseEvents(caseId: $caseId, after: $after) {\n      ...CaseEventFields\n    }\n  }\n"): (typeof documents)["\n  subscription CaseEvents($caseId: ID!, $after: Int) {\n    caseEvents(caseId: $caseId, after: $after) {\n      ...CaseEventFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebMe {\n    me {\n      id\n      role\n      name\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  query WebMe {\n    me {\n      id\n      role\n      name\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WebDeskEvents {\n    deskEvents {\n      __typename\n      at\n      ... on CaseCreated {\n        caseId\n        status\n        priority\n        route\n        emergency\n        subject\n      }\n      ... on CaseUpdated {\n        caseId\n        status\n        priority\n        route\n        assignee\n        agentName\n      }\n      ... on AgentStatusChanged {\n        agent\n        active\n        handled\n        errors\n      }\n      ... on EmergencyAlert {\n        caseId\n        reason\n      }\n      ... on SecurityEventRaised {\n        event\n        category\n        securityCaseId: caseId\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription WebDeskEvents {\n    deskEvents {\n      __typename\n      at\n      ... on CaseCreated {\n        caseId\n        status\n        priority\n        route\n        emergency\n        subject\n      }\n      ... on CaseUpdated {\n        caseId\n        status\n        priority\n        route\n        assignee\n        agentName\n      }\n      ... on AgentStatusChanged {\n        agent\n        active\n        handled\n        errors\n      }\n      ... on EmergencyAlert {\n        caseId\n        reason\n      }\n      ... on SecurityEventRaised {\n        event\n        category\n        securityCaseId: caseId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebReplyAsOperator($caseId: ID!, $message: String!) {\n    replyAsOperator(caseId: $caseId, message: $message) {\n      id\n      content\n    }\n  }\n"): (typeof documents)["\n  mutation WebReplyAsOperator($caseId: ID!, $message: String!) {\n    replyAsOperator(caseId: $caseId, message: $message) {\n      id\n      content\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebUpdateCase($input: UpdateCaseInput!) {\n    updateCase(input: $input) {\n      id\n      status\n      priority\n      assignee\n    }\n  }\n"): (typeof documents)["\n  mutation WebUpdateCase($input: UpdateCaseInput!) {\n    updateCase(input: $input) {\n      id\n      status\n      priority\n      assignee\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebCaseActions($caseId: ID!) {\n    caseActions(caseId: $caseId) {\n      id\n      status\n      amount\n      question\n      paymentRef\n    }\n  }\n"): (typeof documents)["\n  query WebCaseActions($caseId: ID!) {\n    caseActions(caseId: $caseId) {\n      id\n      status\n      amount\n      question\n      paymentRef\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebConfirmAction($actionId: ID!) {\n    confirmAction(actionId: $actionId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation WebConfirmAction($actionId: ID!) {\n    confirmAction(actionId: $actionId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebDeclineAction($actionId: ID!) {\n    declineAction(actionId: $actionId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation WebDeclineAction($actionId: ID!) {\n    declineAction(actionId: $actionId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebCaseTools($id: ID!) {\n    case(id: $id) {\n      id\n      assignee\n      labels\n      notes {\n        id\n        authorName\n        body\n        createdAt\n      }\n    }\n    operators {\n      id\n      name\n      team\n      availability\n    }\n    labels {\n      name\n      color\n    }\n    cannedResponses {\n      id\n      title\n    }\n  }\n"): (typeof documents)["\n  query WebCaseTools($id: ID!) {\n    case(id: $id) {\n      id\n      assignee\n      labels\n      notes {\n        id\n        authorName\n        body\n        createdAt\n      }\n    }\n    operators {\n      id\n      name\n      team\n      availability\n    }\n    labels {\n      name\n      color\n    }\n    cannedResponses {\n      id\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebAddNote($caseId: ID!, $body: String!) {\n    addNote(caseId: $caseId, body: $body) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation WebAddNote($caseId: ID!, $body: String!) {\n    addNote(caseId: $caseId, body: $body) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebAddCaseLabel($caseId: ID!, $label: String!) {\n    addCaseLabel(caseId: $caseId, label: $label)\n  }\n"): (typeof documents)["\n  mutation WebAddCaseLabel($caseId: ID!, $label: String!) {\n    addCaseLabel(caseId: $caseId, label: $label)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebRemoveCaseLabel($caseId: ID!, $label: String!) {\n    removeCaseLabel(caseId: $caseId, label: $label)\n  }\n"): (typeof documents)["\n  mutation WebRemoveCaseLabel($caseId: ID!, $label: String!) {\n    removeCaseLabel(caseId: $caseId, label: $label)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebApplyCannedResponse($caseId: ID!, $id: ID!) {\n    applyCannedResponse(caseId: $caseId, id: $id) {\n      case {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation WebApplyCannedResponse($caseId: ID!, $id: ID!) {\n    applyCannedResponse(caseId: $caseId, id: $id) {\n      case {\n        id\n        status\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;