/// <reference lib="dom" />
/** The workspace's calls on the desk operations API (documents in client/src/workspace-operations.ts). */
import type {
  CaseSearchInput,
  WebCaseDetailsQuery,
  WebCaseReportQuery,
  WebCustomerPanelQuery,
  WebDeskDirectoryQuery,
  WebSavedViewsQuery,
  WebSearchCasesQuery,
} from '../../generated/graphql.js';
import type { DeskClient } from '../../src/desk-client.js';
import {
  WebBusinessTimezoneQuery as BusinessTimezoneDoc,
  WebCaseDeskQuery as CaseDeskDoc,
  WebCaseDetailsQuery as CaseDetailsDoc,
  WebCaseReportQuery as CaseReportDoc,
  WebCustomerPanelQuery as CustomerPanelDoc,
  WebDeskDirectoryQuery as DeskDirectoryDoc,
  WebSavedViewsQuery as SavedViewsDoc,
  WebSearchCasesQuery as SearchCasesDoc,
  WebAddCaseLabelMutation,
  WebAddNoteMutation,
  WebApplyCannedResponseMutation,
  WebDeleteViewMutation,
  WebRemoveCaseLabelMutation,
  WebRenderCannedQuery,
  WebSaveViewMutation,
} from '../../src/workspace-operations.js';
import { run } from './api.js';

export type { CaseSearchInput };
export type InboxPage = WebSearchCasesQuery['searchCases'];
export type InboxCase = InboxPage['edges'][number]['node'];
export type SavedView = WebSavedViewsQuery['savedViews'][number];
export type CaseDetails = WebCaseDetailsQuery;
export type CustomerPanel = WebCustomerPanelQuery['customerPanel'];
export type CaseReport = WebCaseReportQuery['caseReport'];
export type ReportRow = CaseReport['rows'][number];
export type ReportGroup = CaseReport['by'];

const fresh = { requestPolicy: 'network-only' } as const;

export async function searchCases(
  desk: DeskClient,
  search: CaseSearchInput,
  first: number,
  after: string | null = null,
): Promise<InboxPage> {
  return (await run(desk.urql.query(SearchCasesDoc, { search, first, after }, fresh).toPromise())).searchCases;
}

export async function savedViews(desk: DeskClient): Promise<SavedView[]> {
  return (await run(desk.urql.query(SavedViewsDoc, {}, fresh).toPromise())).savedViews;
}

export async function saveView(desk: DeskClient, name: string, search: CaseSearchInput): Promise<void> {
  await run(desk.urql.mutation(WebSaveViewMutation, { name, search }).toPromise());
}

export async function deleteView(desk: DeskClient, id: string): Promise<void> {
  await run(desk.urql.mutation(WebDeleteViewMutation, { id }).toPromise());
}

/** A case's desk side (labels, notes, SLA, rating) with the operators, label set and canned responses. */
export async function caseDetails(desk: DeskClient, id: string): Promise<CaseDetails> {
  return run(desk.urql.query(CaseDetailsDoc, { id }, fresh).toPromise());
}

/** Only the case's desk side again (after a change), without the operators, labels and canned responses. */
export async function caseDeskSide(desk: DeskClient, id: string): Promise<CaseDetails['case']> {
  return (await run(desk.urql.query(CaseDeskDoc, { id }, fresh).toPromise())).case;
}

export async function customerPanel(desk: DeskClient, customerId: string): Promise<CustomerPanel> {
  return (await run(desk.urql.query(CustomerPanelDoc, { customerId }, fresh).toPromise())).customerPanel;
}

export async function addNote(desk: DeskClient, caseId: string, body: string): Promise<void> {
  await run(desk.urql.mutation(WebAddNoteMutation, { caseId, body }).toPromise());
}

export async function addLabel(desk: DeskClient, caseId: string, label: string): Promise<void> {
  await run(desk.urql.mutation(WebAddCaseLabelMutation, { caseId, label }).toPromise());
}

export async function removeLabel(desk: DeskClient, caseId: string, label: string): Promise<void> {
  await run(desk.urql.mutation(WebRemoveCaseLabelMutation, { caseId, label }).toPromise());
}

/** A canned response with its variables filled for the case (nothing is posted). */
export async function renderCanned(desk: DeskClient, caseId: string, id: string): Promise<string> {
  return (await run(desk.urql.query(WebRenderCannedQuery, { caseId, id }, fresh).toPromise())).renderCannedResponse;
}

/** Posts a canned response as the operator's reply and runs its actions. */
export async function applyCanned(desk: DeskClient, caseId: string, id: string): Promise<void> {
  await run(desk.urql.mutation(WebApplyCannedResponseMutation, { caseId, id }).toPromise());
}

export async function caseReport(desk: DeskClient, by: ReportGroup, from: string, to: string): Promise<CaseReport> {
  return (await run(desk.urql.query(CaseReportDoc, { by, from, to }, fresh).toPromise())).caseReport;
}

/** The desk's business time zone (reports count days in it). */
export async function businessTimezone(desk: DeskClient): Promise<string> {
  return (await run(desk.urql.query(BusinessTimezoneDoc, {}, fresh).toPromise())).businessHours.timezone;
}

export type DeskDirectory = WebDeskDirectoryQuery;

/** The operators and the label set (for the filters). */
export async function deskDirectory(desk: DeskClient): Promise<DeskDirectory> {
  return run(desk.urql.query(DeskDirectoryDoc, {}, fresh).toPromise());
}
