/** The crewdesk tabs GraphiQL opens with: submit a request, then stream its case. */

/** The welcome tab: how to get a token, and the README's mutation. */
export const SUBMIT_TAB = `# Welcome to crewdesk. Get a token (npm run token -- --sub cust-ava --role customer) and put
# {"Authorization": "Bearer <token>"} under Headers (below): it goes with every request, and as the
# WebSocket's connectionParams for subscriptions. Run this, then open the "Watch" tab.
mutation Submit {
  submitRequest(input: { message: "Hi, I want a refund of my last payment please" }) {
    case { id status }
    message { id content }
  }
}
`;

/** The stream tab: every event of a case; the Stream panel keeps them all, not only the latest. */
export const STREAM_TAB = `# Put the case id from the first tab in Variables, then run. after: 0 replays the case from the
# start, then streams live; the Stream panel (left) lists every event and the answer so far.
subscription Watch($caseId: ID!, $after: Int = 0) {
  caseEvents(caseId: $caseId, after: $after) {
    seq
    __typename
    ... on CaseRouted { route intent confidence reason method }
    ... on ToolCalled { tool ok output }
    ... on TokenDelta { text }
    ... on MessageCompleted { message { content citations { title } } }
  }
}
`;

/** Variables of the stream tab. */
export const STREAM_VARIABLES = `{
  "caseId": "CASE_ID"
}
`;

/** The headers editor's starting text. */
export const DEFAULT_HEADERS = `{
  "Authorization": "Bearer <token>"
}
`;
