/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO 8601 date-time in UTC */
  DateTime: { input: string; output: string; }
  /** Any JSON value */
  JSON: { input: unknown; output: unknown; }
};

export type ActionKind =
  | 'REFUND';

export type ActionStatus =
  | 'APPROVED'
  | 'CONFIRMED'
  | 'DECLINED'
  | 'EXECUTED'
  | 'IN_REVIEW'
  | 'PENDING'
  | 'REJECTED';

/** A proposed action (a refund) was confirmed, declined, reviewed or carried out */
export type ActionUpdated = CaseEvent & {
  __typename?: 'ActionUpdated';
  actionId: Scalars['ID']['output'];
  at: Scalars['DateTime']['output'];
  by: Scalars['String']['output'];
  caseId: Scalars['ID']['output'];
  kind: ActionKind;
  seq: Scalars['Int']['output'];
  status: ActionStatus;
  summary: Scalars['String']['output'];
};

/** An agent of the desk, as configured */
export type Agent = {
  __typename?: 'Agent';
  backstory: Scalars['String']['output'];
  capabilities: Array<Scalars['String']['output']>;
  goal: Scalars['String']['output'];
  handoffs: Array<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  policies: Array<Scalars['String']['output']>;
  role: Scalars['String']['output'];
  title: Scalars['String']['output'];
  tools: Array<ToolInfo>;
};

/** The case moved to another agent */
export type AgentHandoff = CaseEvent & {
  __typename?: 'AgentHandoff';
  at: Scalars['DateTime']['output'];
  caseId: Scalars['ID']['output'];
  fromAgent: Scalars['String']['output'];
  reason: Scalars['String']['output'];
  seq: Scalars['Int']['output'];
  toAgent: Scalars['String']['output'];
};

export type AgentModel = {
  __typename?: 'AgentModel';
  agent: Scalars['String']['output'];
  model: Scalars['String']['output'];
};

/** An agent started writing a message */
export type AgentStarted = CaseEvent & {
  __typename?: 'AgentStarted';
  agent: Scalars['String']['output'];
  at: Scalars['DateTime']['output'];
  caseId: Scalars['ID']['output'];
  messageId: Scalars['ID']['output'];
  seq: Scalars['Int']['output'];
};

/** An agent’s figures: handled answers and average timings from the stored answers (they survive a restart); active runs and errors since the desk started */
export type AgentStats = {
  __typename?: 'AgentStats';
  active: Scalars['Int']['output'];
  agent: Scalars['String']['output'];
  avgTimeToAnswerMs: Maybe<Scalars['Int']['output']>;
  avgTimeToFirstTokenMs: Maybe<Scalars['Int']['output']>;
  errors: Scalars['Int']['output'];
  handled: Scalars['Int']['output'];
};

export type AgentStatusChanged = DeskEvent & {
  __typename?: 'AgentStatusChanged';
  active: Scalars['Int']['output'];
  agent: Scalars['String']['output'];
  at: Scalars['DateTime']['output'];
  errors: Scalars['Int']['output'];
  handled: Scalars['Int']['output'];
};

export type AppliedCannedResponse = {
  __typename?: 'AppliedCannedResponse';
  case: Case;
  message: Message;
};

/** The case was (un)assigned */
export type AssigneeChanged = CaseEvent & {
  __typename?: 'AssigneeChanged';
  at: Scalars['DateTime']['output'];
  by: Scalars['String']['output'];
  caseId: Scalars['ID']['output'];
  fromAssignee: Maybe<Scalars['String']['output']>;
  seq: Scalars['Int']['output'];
  toAssignee: Maybe<Scalars['String']['output']>;
};

export type AuditCategory =
  | 'ACTION'
  | 'AUTH'
  | 'SECURITY';

/** An entry of the append-only audit trail */
export type AuditEvent = {
  __typename?: 'AuditEvent';
  actorId: Maybe<Scalars['String']['output']>;
  actorRole: Maybe<Scalars['String']['output']>;
  at: Scalars['DateTime']['output'];
  caseId: Maybe<Scalars['ID']['output']>;
  category: AuditCategory;
  customerId: Maybe<Scalars['ID']['output']>;
  detail: Scalars['JSON']['output'];
  id: Scalars['ID']['output'];
  ip: Maybe<Scalars['String']['output']>;
  requestId: Maybe<Scalars['String']['output']>;
  type: Scalars['String']['output'];
};

export type AuditEventPage = {
  __typename?: 'AuditEventPage';
  endCursor: Maybe<Scalars['String']['output']>;
  events: Array<AuditEvent>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type AuditFilterInput = {
  actorId?: InputMaybe<Scalars['String']['input']>;
  caseId?: InputMaybe<Scalars['ID']['input']>;
  category?: InputMaybe<Array<AuditCategory>>;
  type?: InputMaybe<Scalars['String']['input']>;
};

export type AuthorKind =
  | 'AGENT'
  | 'CUSTOMER'
  | 'OPERATOR'
  | 'SYSTEM';

export type Availability =
  | 'AWAY'
  | 'OFFLINE'
  | 'ONLINE';

/** The company the desk answers for, as configured (COMPANY_NAME, BRAND_COLOR, SUPPORT_HOURS) */
export type Branding = {
  __typename?: 'Branding';
  /** A CSS hex colour, e.g. #0b57a4 */
  brandColor: Scalars['String']['output'];
  companyName: Scalars['String']['output'];
  /** When human operators answer, as plain text */
  supportHours: Scalars['String']['output'];
};

/** When SLA clocks run: a time zone, weekly hours and holidays */
export type BusinessHours = {
  __typename?: 'BusinessHours';
  days: Array<OpeningDay>;
  /** yyyy-mm-dd, closed all day */
  holidays: Array<Scalars['String']['output']>;
  timezone: Scalars['String']['output'];
};

export type BusinessHoursInput = {
  /** A weekday left out is closed */
  days: Array<OpeningDayInput>;
  /** yyyy-mm-dd */
  holidays?: InputMaybe<Array<Scalars['String']['input']>>;
  /** IANA zone, e.g. Europe/Berlin */
  timezone: Scalars['String']['input'];
};

export type CannedActions = {
  __typename?: 'CannedActions';
  addLabel: Maybe<Scalars['String']['output']>;
  status: Maybe<CaseStatus>;
};

export type CannedActionsInput = {
  /** Label (of the set) to add */
  addLabel?: InputMaybe<Scalars['String']['input']>;
  /** Status to set after replying */
  status?: InputMaybe<CaseStatus>;
};

/** A reply template; the body may use {{customer.name}}, {{case.id}}, {{agent.name}} */
export type CannedResponse = {
  __typename?: 'CannedResponse';
  actions: CannedActions;
  body: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  title: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

export type CannedResponseInput = {
  actions?: InputMaybe<CannedActionsInput>;
  body: Scalars['String']['input'];
  /** Set to change an existing one */
  id?: InputMaybe<Scalars['ID']['input']>;
  title: Scalars['String']['input'];
};

/** A support case: one customer’s conversation with the desk */
export type Case = {
  __typename?: 'Case';
  agentName: Maybe<Scalars['String']['output']>;
  assignee: Maybe<Scalars['String']['output']>;
  context: Maybe<Scalars['JSON']['output']>;
  /** What the case has cost so far */
  costUsd: Scalars['Float']['output'];
  createdAt: Scalars['DateTime']['output'];
  customer: Customer;
  emergency: Scalars['Boolean']['output'];
  firstResponseAt: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  intent: Maybe<Scalars['String']['output']>;
  /** The case’s labels, by name (staff only) */
  labels: Array<Scalars['String']['output']>;
  /** Sequence number of the latest stored event; subscribe with after: lastEventSeq to get only what follows */
  lastEventSeq: Scalars['Int']['output'];
  messages: Array<Message>;
  /** Internal notes, oldest first (staff only) */
  notes: Array<CaseNote>;
  priority: Priority;
  /** The rating of the current resolution (null until the customer rates it) */
  rating: Maybe<CaseRating>;
  requestType: RequestType;
  resolvedAt: Maybe<Scalars['DateTime']['output']>;
  route: Maybe<Route>;
  /** Set when a security event touched the case */
  securityFlag: Scalars['Boolean']['output'];
  /** The case’s SLA clock (staff only; null until the scheduler has seen the case) */
  sla: Maybe<CaseSla>;
  status: CaseStatus;
  subject: Scalars['String']['output'];
  /** The team working the case (set when it is assigned) */
  team: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['DateTime']['output'];
  /** Tokens spent on the case so far (answers, routing and guardrails) */
  usage: TokenUsage;
};

export type CaseConnection = {
  __typename?: 'CaseConnection';
  edges: Array<CaseEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type CaseCreated = DeskEvent & {
  __typename?: 'CaseCreated';
  at: Scalars['DateTime']['output'];
  caseId: Scalars['ID']['output'];
  emergency: Scalars['Boolean']['output'];
  priority: Priority;
  route: Maybe<Route>;
  status: CaseStatus;
  subject: Scalars['String']['output'];
};

export type CaseEdge = {
  __typename?: 'CaseEdge';
  cursor: Scalars['String']['output'];
  node: Case;
};

/** Something went wrong while working the case */
export type CaseError = CaseEvent & {
  __typename?: 'CaseError';
  at: Scalars['DateTime']['output'];
  caseId: Scalars['ID']['output'];
  code: Scalars['String']['output'];
  detail: Scalars['String']['output'];
  recoverable: Scalars['Boolean']['output'];
  seq: Scalars['Int']['output'];
};

/** The case was handed to a human */
export type CaseEscalated = CaseEvent & {
  __typename?: 'CaseEscalated';
  at: Scalars['DateTime']['output'];
  by: Scalars['String']['output'];
  caseId: Scalars['ID']['output'];
  priority: Priority;
  reason: Scalars['String']['output'];
  seq: Scalars['Int']['output'];
};

/** An event of a case; seq is strictly increasing per case (numbers may be skipped) */
export type CaseEvent = {
  at: Scalars['DateTime']['output'];
  caseId: Scalars['ID']['output'];
  seq: Scalars['Int']['output'];
};

export type CaseFilterInput = {
  /** Staff only: one customer’s cases */
  customerId?: InputMaybe<Scalars['ID']['input']>;
  emergency?: InputMaybe<Scalars['Boolean']['input']>;
  priority?: InputMaybe<Array<Priority>>;
  route?: InputMaybe<Array<Route>>;
  status?: InputMaybe<Array<CaseStatus>>;
};

/** An internal note: staff only, never shown to the customer nor sent to a model */
export type CaseNote = {
  __typename?: 'CaseNote';
  authorId: Scalars['String']['output'];
  authorName: Scalars['String']['output'];
  body: Scalars['String']['output'];
  caseId: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
};

/** The case was opened */
export type CaseOpened = CaseEvent & {
  __typename?: 'CaseOpened';
  at: Scalars['DateTime']['output'];
  caseId: Scalars['ID']['output'];
  customerId: Scalars['ID']['output'];
  emergency: Scalars['Boolean']['output'];
  priority: Priority;
  requestType: Scalars['String']['output'];
  seq: Scalars['Int']['output'];
  subject: Scalars['String']['output'];
};

/** A customer rated a resolved case */
export type CaseRated = DeskEvent & {
  __typename?: 'CaseRated';
  at: Scalars['DateTime']['output'];
  caseId: Scalars['ID']['output'];
  comment: Maybe<Scalars['String']['output']>;
  score: Scalars['Int']['output'];
};

/** A customer’s rating of a resolution */
export type CaseRating = {
  __typename?: 'CaseRating';
  comment: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** The resolution it rates */
  resolvedAt: Scalars['DateTime']['output'];
  /** 1 (poor) to 5 (great) */
  score: Scalars['Int']['output'];
};

export type CaseReport = {
  __typename?: 'CaseReport';
  by: ReportGroup;
  from: Scalars['DateTime']['output'];
  rows: Array<ReportRow>;
  /** The business time zone (of the SLA calendar) days are counted in */
  timezone: Scalars['String']['output'];
  to: Scalars['DateTime']['output'];
  total: ReportRow;
};

/** The router decided who answers */
export type CaseRouted = CaseEvent & {
  __typename?: 'CaseRouted';
  at: Scalars['DateTime']['output'];
  caseId: Scalars['ID']['output'];
  confidence: Scalars['Float']['output'];
  intent: Scalars['String']['output'];
  method: RoutingMethod;
  /** The crew’s parts when the request spans several routes */
  parts: Array<RoutedPart>;
  reason: Scalars['String']['output'];
  route: Route;
  scores: Array<RouteScore>;
  seq: Scalars['Int']['output'];
};

export type CaseSearchInput = {
  assignee?: InputMaybe<Scalars['String']['input']>;
  /** Created at or after */
  createdFrom?: InputMaybe<Scalars['DateTime']['input']>;
  /** Created before */
  createdTo?: InputMaybe<Scalars['DateTime']['input']>;
  customerId?: InputMaybe<Scalars['ID']['input']>;
  emergency?: InputMaybe<Scalars['Boolean']['input']>;
  label?: InputMaybe<Scalars['String']['input']>;
  priority?: InputMaybe<Array<Priority>>;
  route?: InputMaybe<Array<Route>>;
  /** Where the SLA clock stands now (any of these; a case with no clock yet has none) */
  slaState?: InputMaybe<Array<SlaState>>;
  status?: InputMaybe<Array<CaseStatus>>;
  team?: InputMaybe<Team>;
  /** Words in the subject or any message (the last one as a prefix) */
  text?: InputMaybe<Scalars['String']['input']>;
  /** Only cases nobody is assigned to */
  unassigned?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A case’s SLA clock: due times and what has been warned or breached */
export type CaseSla = {
  __typename?: 'CaseSla';
  firstResponseBreached: Scalars['Boolean']['output'];
  firstResponseDueAt: Maybe<Scalars['DateTime']['output']>;
  /** When the first response is warned of (its warning share elapsed) */
  firstResponseWarnAt: Maybe<Scalars['DateTime']['output']>;
  firstResponseWarned: Scalars['Boolean']['output'];
  /** Waiting on the customer */
  paused: Scalars['Boolean']['output'];
  /** Business time spent paused */
  pausedSeconds: Scalars['Int']['output'];
  priority: Priority;
  resolutionBreached: Scalars['Boolean']['output'];
  resolutionDueAt: Maybe<Scalars['DateTime']['output']>;
  /** When the resolution is warned of */
  resolutionWarnAt: Maybe<Scalars['DateTime']['output']>;
  resolutionWarned: Scalars['Boolean']['output'];
  stoppedAt: Maybe<Scalars['DateTime']['output']>;
};

/** An SLA target of the case was missed (staff only: never on a customer’s stream) */
export type CaseSlaBreached = CaseEvent & {
  __typename?: 'CaseSlaBreached';
  at: Scalars['DateTime']['output'];
  caseId: Scalars['ID']['output'];
  dueAt: Scalars['DateTime']['output'];
  priority: Priority;
  seq: Scalars['Int']['output'];
  target: SlaTarget;
};

/** An SLA target of the case is close (staff only: never on a customer’s stream) */
export type CaseSlaWarning = CaseEvent & {
  __typename?: 'CaseSlaWarning';
  at: Scalars['DateTime']['output'];
  caseId: Scalars['ID']['output'];
  dueAt: Scalars['DateTime']['output'];
  priority: Priority;
  seq: Scalars['Int']['output'];
  target: SlaTarget;
};

export type CaseStatus =
  | 'CLOSED'
  | 'ESCALATED'
  | 'IN_PROGRESS'
  | 'OPEN'
  | 'RESOLVED'
  | 'WAITING_ON_CUSTOMER';

export type CaseStatusCount = {
  __typename?: 'CaseStatusCount';
  count: Scalars['Int']['output'];
  status: CaseStatus;
};

export type CaseUpdated = DeskEvent & {
  __typename?: 'CaseUpdated';
  agentName: Maybe<Scalars['String']['output']>;
  assignee: Maybe<Scalars['String']['output']>;
  at: Scalars['DateTime']['output'];
  caseId: Scalars['ID']['output'];
  emergency: Scalars['Boolean']['output'];
  priority: Priority;
  route: Maybe<Route>;
  status: CaseStatus;
};

/** A help article an answer drew on */
export type Citation = {
  __typename?: 'Citation';
  id: Scalars['String']['output'];
  snippet: Scalars['String']['output'];
  title: Scalars['String']['output'];
};

export type Customer = {
  __typename?: 'Customer';
  id: Scalars['ID']['output'];
  isGuest: Scalars['Boolean']['output'];
  name: Scalars['String']['output'];
};

/** What staff see of a customer beside a case (latest 20 of each) */
export type CustomerPanel = {
  __typename?: 'CustomerPanel';
  /** Their cases, newest first */
  cases: Array<Case>;
  customer: CustomerProfile;
  invoices: Array<PanelInvoice>;
  orders: Array<PanelOrder>;
  payments: Array<PanelPayment>;
  plan: Maybe<CustomerPlan>;
  refunds: Array<PanelRefund>;
};

/** The customer’s subscription and its plan */
export type CustomerPlan = {
  __typename?: 'CustomerPlan';
  billingCycle: Scalars['String']['output'];
  code: Scalars['String']['output'];
  name: Scalars['String']['output'];
  priceCents: Scalars['Int']['output'];
  renewsAt: Maybe<Scalars['DateTime']['output']>;
  startedAt: Scalars['DateTime']['output'];
  status: Scalars['String']['output'];
};

export type CustomerProfile = {
  __typename?: 'CustomerProfile';
  country: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  email: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  isGuest: Scalars['Boolean']['output'];
  name: Scalars['String']['output'];
  notes: Maybe<Scalars['String']['output']>;
  phone: Maybe<Scalars['String']['output']>;
};

/** A desk-wide event for dashboards */
export type DeskEvent = {
  at: Scalars['DateTime']['output'];
};

export type DeskStatus = {
  __typename?: 'DeskStatus';
  /** Cases being answered now */
  activeRuns: Scalars['Int']['output'];
  agents: Array<AgentStats>;
  casesByStatus: Array<CaseStatusCount>;
  model: Scalars['String']['output'];
  /** The model each agent runs on */
  models: Array<AgentModel>;
  provider: Scalars['String']['output'];
  /** Cases waiting for an agent */
  queueDepth: Scalars['Int']['output'];
  /** The model for routing and guardrails (null on the embedded path) */
  routerModel: Maybe<Scalars['String']['output']>;
  startedAt: Scalars['DateTime']['output'];
  totalCostUsd: Scalars['Float']['output'];
  totalTokens: Scalars['Int']['output'];
  uptimeSeconds: Scalars['Int']['output'];
};

export type EmergencyAlert = DeskEvent & {
  __typename?: 'EmergencyAlert';
  at: Scalars['DateTime']['output'];
  caseId: Scalars['ID']['output'];
  reason: Scalars['String']['output'];
};

/** A guardrail stopped the answer; the customer got a polite refusal and a security event was stored */
export type GuardrailTripped = CaseEvent & {
  __typename?: 'GuardrailTripped';
  at: Scalars['DateTime']['output'];
  caseId: Scalars['ID']['output'];
  guardrail: Scalars['String']['output'];
  reason: Scalars['String']['output'];
  seq: Scalars['Int']['output'];
};

/** A short-lived customer token for an anonymous visitor */
export type GuestSession = {
  __typename?: 'GuestSession';
  customerId: Scalars['ID']['output'];
  expiresAt: Scalars['DateTime']['output'];
  token: Scalars['String']['output'];
};

export type Label = {
  __typename?: 'Label';
  color: Scalars['String']['output'];
  description: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
};

export type LabelInput = {
  /** #rrggbb */
  color?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  /** 1-40 letters, digits, spaces, - or _ (stored in lower case) */
  name: Scalars['String']['input'];
};

/** A case’s labels changed */
export type LabelsChanged = DeskEvent & {
  __typename?: 'LabelsChanged';
  at: Scalars['DateTime']['output'];
  by: Scalars['String']['output'];
  caseId: Scalars['ID']['output'];
  labels: Array<Scalars['String']['output']>;
};

/** A message on a case */
export type Message = {
  __typename?: 'Message';
  /** The agent (or crew, as billing+technical) that wrote it */
  agentName: Maybe<Scalars['String']['output']>;
  authorKind: AuthorKind;
  authorName: Maybe<Scalars['String']['output']>;
  caseId: Scalars['ID']['output'];
  citations: Array<Citation>;
  /** The text; for a message still streaming, the tokens so far */
  content: Scalars['String']['output'];
  /** What writing it cost, from the price table */
  costUsd: Maybe<Scalars['Float']['output']>;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  latencyMs: Maybe<Scalars['Int']['output']>;
  /** The model(s) that wrote it */
  model: Maybe<Scalars['String']['output']>;
  status: MessageStatus;
  timeToFirstTokenMs: Maybe<Scalars['Int']['output']>;
  toolCalls: Array<ToolCall>;
  usage: Maybe<TokenUsage>;
};

/** A customer or operator message was stored */
export type MessageAdded = CaseEvent & {
  __typename?: 'MessageAdded';
  at: Scalars['DateTime']['output'];
  caseId: Scalars['ID']['output'];
  message: Message;
  seq: Scalars['Int']['output'];
};

/** A message is finished (status INCOMPLETE when it was cut short) */
export type MessageCompleted = CaseEvent & {
  __typename?: 'MessageCompleted';
  at: Scalars['DateTime']['output'];
  caseId: Scalars['ID']['output'];
  message: Message;
  seq: Scalars['Int']['output'];
};

export type MessageStatus =
  | 'COMPLETE'
  | 'INCOMPLETE'
  | 'STREAMING';

export type Mutation = {
  __typename?: 'Mutation';
  /** Adds a label of the set to a case; returns the case’s labels */
  addCaseLabel: Array<Scalars['String']['output']>;
  /** Adds an internal note to a case (staff only; announced on deskEvents, never on caseEvents) */
  addNote: CaseNote;
  /** Posts a canned response as your reply on a case, then runs its actions */
  applyCannedResponse: AppliedCannedResponse;
  /** Yes to a proposed action, by the case’s customer or an operator: carried out (or sent to review); confirming again changes nothing */
  confirmAction: PendingAction;
  /** Registers a webhook (admins); returns its signing secret once */
  createWebhook: WebhookCreated;
  /** An operator approves (and so carries out) or rejects an action in review; the customer is told on the case */
  decideReview: PendingAction;
  /** No to a proposed action: nothing is carried out */
  declineAction: PendingAction;
  deleteCannedResponse: Scalars['Boolean']['output'];
  /** Removes a label from the set and from every case (admins) */
  deleteLabel: Scalars['Boolean']['output'];
  deleteView: Scalars['Boolean']['output'];
  /** Removes a webhook and its delivery log (admins) */
  deleteWebhook: Scalars['Boolean']['output'];
  /** Rates a resolved case of yours, once per resolution (customers only) */
  rateCase: CaseRating;
  /** Removes a label from a case; returns the case’s labels */
  removeCaseLabel: Array<Scalars['String']['output']>;
  /** An operator’s reply on a case; it stops any agent still answering */
  replyAsOperator: Message;
  /** Adds (no id) or changes a canned response (admins) */
  saveCannedResponse: CannedResponse;
  /** Adds or changes a label of the set (admins) */
  saveLabel: Label;
  /** Adds or changes an operator (admins) */
  saveOperator: Operator;
  /** Saves a search under a name (replacing your view of that name) */
  saveView: SavedView;
  /** Sets an operator’s availability (yours by default; admins anyone’s). Going offline hands their open cases to others of the team; coming online takes waiting escalations */
  setAvailability: Operator;
  /** Sets the desk’s business hours (admins) */
  setBusinessHours: BusinessHours;
  /** Sets a priority’s SLA targets (admins); open cases get new due times on their next check */
  setSlaPolicy: SlaPolicy;
  /** Gives an anonymous visitor a short-lived customer token for a fresh guest id (limited per address) */
  startGuestSession: GuestSession;
  /** Stores a request (new case or follow-up) and returns at once; agents answer on the caseEvents stream */
  submitRequest: SubmitRequestPayload;
  /** Changes a case’s status, priority or assignee */
  updateCase: Case;
  /** Changes a webhook: URL, events, description, enabled (admins) */
  updateWebhook: Webhook;
};


export type MutationAddCaseLabelArgs = {
  caseId: Scalars['ID']['input'];
  label: Scalars['String']['input'];
};


export type MutationAddNoteArgs = {
  body: Scalars['String']['input'];
  caseId: Scalars['ID']['input'];
};


export type MutationApplyCannedResponseArgs = {
  caseId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
};


export type MutationConfirmActionArgs = {
  actionId: Scalars['ID']['input'];
};


export type MutationCreateWebhookArgs = {
  input: WebhookInput;
};


export type MutationDecideReviewArgs = {
  actionId: Scalars['ID']['input'];
  decision: ReviewDecision;
  note?: InputMaybe<Scalars['String']['input']>;
};


export type MutationDeclineActionArgs = {
  actionId: Scalars['ID']['input'];
};


export type MutationDeleteCannedResponseArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteLabelArgs = {
  name: Scalars['String']['input'];
};


export type MutationDeleteViewArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteWebhookArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRateCaseArgs = {
  caseId: Scalars['ID']['input'];
  comment?: InputMaybe<Scalars['String']['input']>;
  score: Scalars['Int']['input'];
};


export type MutationRemoveCaseLabelArgs = {
  caseId: Scalars['ID']['input'];
  label: Scalars['String']['input'];
};


export type MutationReplyAsOperatorArgs = {
  caseId: Scalars['ID']['input'];
  message: Scalars['String']['input'];
};


export type MutationSaveCannedResponseArgs = {
  input: CannedResponseInput;
};


export type MutationSaveLabelArgs = {
  input: LabelInput;
};


export type MutationSaveOperatorArgs = {
  input: OperatorInput;
};


export type MutationSaveViewArgs = {
  name: Scalars['String']['input'];
  search: CaseSearchInput;
};


export type MutationSetAvailabilityArgs = {
  availability: Availability;
  operatorId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationSetBusinessHoursArgs = {
  input: BusinessHoursInput;
};


export type MutationSetSlaPolicyArgs = {
  input: SlaPolicyInput;
};


export type MutationSubmitRequestArgs = {
  input: SubmitRequestInput;
};


export type MutationUpdateCaseArgs = {
  input: UpdateCaseInput;
};


export type MutationUpdateWebhookArgs = {
  id: Scalars['ID']['input'];
  input: WebhookUpdateInput;
};

/** An internal note was added to a case (staff only; never on the customer’s stream) */
export type NoteAdded = DeskEvent & {
  __typename?: 'NoteAdded';
  at: Scalars['DateTime']['output'];
  authorId: Scalars['String']['output'];
  authorName: Scalars['String']['output'];
  body: Scalars['String']['output'];
  caseId: Scalars['ID']['output'];
  noteId: Scalars['ID']['output'];
};

export type OpenInterval = {
  __typename?: 'OpenInterval';
  /** HH:MM */
  from: Scalars['String']['output'];
  /** HH:MM (24:00: midnight) */
  to: Scalars['String']['output'];
};

export type OpenIntervalInput = {
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
};

export type OpeningDay = {
  __typename?: 'OpeningDay';
  intervals: Array<OpenInterval>;
  /** 1 (Monday) to 7 (Sunday) */
  weekday: Scalars['Int']['output'];
};

export type OpeningDayInput = {
  intervals: Array<OpenIntervalInput>;
  /** 1 (Monday) to 7 (Sunday) */
  weekday: Scalars['Int']['input'];
};

/** A person who works cases (id: the sub of their token) */
export type Operator = {
  __typename?: 'Operator';
  availability: Availability;
  /** Open cases auto-assignment may give them at once */
  capacity: Scalars['Int']['output'];
  email: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  lastAssignedAt: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  /** Open cases assigned to them now */
  openCases: Scalars['Int']['output'];
  role: OperatorRole;
  team: Maybe<Team>;
};

/** An operator was added or changed (availability, team, capacity) */
export type OperatorChanged = DeskEvent & {
  __typename?: 'OperatorChanged';
  at: Scalars['DateTime']['output'];
  availability: Scalars['String']['output'];
  capacity: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  operatorId: Scalars['ID']['output'];
  team: Maybe<Scalars['String']['output']>;
};

export type OperatorInput = {
  availability?: InputMaybe<Availability>;
  capacity?: InputMaybe<Scalars['Int']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  /** The sub of their token */
  id: Scalars['ID']['input'];
  name: Scalars['String']['input'];
  role?: InputMaybe<OperatorRole>;
  team?: InputMaybe<Team>;
};

export type OperatorRole =
  | 'ADMIN'
  | 'OPERATOR';

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type PanelInvoice = {
  __typename?: 'PanelInvoice';
  amountCents: Scalars['Int']['output'];
  currency: Scalars['String']['output'];
  dueAt: Scalars['DateTime']['output'];
  issuedAt: Scalars['DateTime']['output'];
  number: Scalars['String']['output'];
  status: Scalars['String']['output'];
};

export type PanelOrder = {
  __typename?: 'PanelOrder';
  carrier: Maybe<Scalars['String']['output']>;
  currency: Scalars['String']['output'];
  deliveredAt: Maybe<Scalars['DateTime']['output']>;
  eta: Maybe<Scalars['DateTime']['output']>;
  /** Number of items */
  items: Scalars['Int']['output'];
  number: Scalars['String']['output'];
  placedAt: Scalars['DateTime']['output'];
  status: Scalars['String']['output'];
  totalCents: Scalars['Int']['output'];
  trackingNumber: Maybe<Scalars['String']['output']>;
};

export type PanelPayment = {
  __typename?: 'PanelPayment';
  amountCents: Scalars['Int']['output'];
  currency: Scalars['String']['output'];
  failureReason: Maybe<Scalars['String']['output']>;
  invoiceNumber: Maybe<Scalars['String']['output']>;
  method: Scalars['String']['output'];
  paidAt: Scalars['DateTime']['output'];
  ref: Scalars['String']['output'];
  refundedCents: Scalars['Int']['output'];
  status: Scalars['String']['output'];
};

export type PanelRefund = {
  __typename?: 'PanelRefund';
  amountCents: Scalars['Int']['output'];
  caseId: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  currency: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  paymentRef: Scalars['String']['output'];
  reason: Scalars['String']['output'];
  status: Scalars['String']['output'];
};

/** An action that moves money or changes a contract, carried out only after the customer’s yes (and an operator’s review when the policy asks) */
export type PendingAction = {
  __typename?: 'PendingAction';
  /** The amount as shown to people */
  amount: Scalars['String']['output'];
  amountCents: Scalars['Int']['output'];
  caseId: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  currency: Scalars['String']['output'];
  customerId: Scalars['ID']['output'];
  decidedAt: Maybe<Scalars['DateTime']['output']>;
  decidedBy: Maybe<Scalars['String']['output']>;
  executedAt: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  invoiceNumber: Maybe<Scalars['String']['output']>;
  kind: ActionKind;
  orderNumber: Maybe<Scalars['String']['output']>;
  paymentRef: Maybe<Scalars['String']['output']>;
  /** The yes/no question the customer is asked */
  question: Scalars['String']['output'];
  reason: Scalars['String']['output'];
  /** The refund made when it was carried out */
  refundId: Maybe<Scalars['String']['output']>;
  reviewNote: Maybe<Scalars['String']['output']>;
  reviewedAt: Maybe<Scalars['DateTime']['output']>;
  reviewedBy: Maybe<Scalars['String']['output']>;
  status: ActionStatus;
  verdict: PolicyVerdict;
};

export type PolicyDecision =
  | 'CONSENT'
  | 'REVIEW';

/** What the policy said when the action was proposed */
export type PolicyVerdict = {
  __typename?: 'PolicyVerdict';
  /** CONSENT: the customer’s yes carries it out; REVIEW: an operator approves after the yes */
  decision: PolicyDecision;
  /** The payment this one duplicates, when it is a duplicate charge */
  duplicateOf: Maybe<Scalars['String']['output']>;
  reason: Scalars['String']['output'];
};

export type Priority =
  | 'HIGH'
  | 'LOW'
  | 'NORMAL'
  | 'URGENT';

/** The case priority changed */
export type PriorityChanged = CaseEvent & {
  __typename?: 'PriorityChanged';
  at: Scalars['DateTime']['output'];
  by: Scalars['String']['output'];
  caseId: Scalars['ID']['output'];
  fromPriority: Priority;
  seq: Scalars['Int']['output'];
  toPriority: Priority;
};

export type Query = {
  __typename?: 'Query';
  agents: Array<Agent>;
  /** The audit trail, newest first (admins only) */
  auditEvents: AuditEventPage;
  /** The company name, colour and support hours for a page that shows the desk (no token needed) */
  branding: Branding;
  /** The desk’s business hours (staff) */
  businessHours: BusinessHours;
  cannedResponses: Array<CannedResponse>;
  /** One case (NOT_FOUND when it does not exist or is not yours) */
  case: Case;
  /** The actions proposed on a case, oldest first (NOT_FOUND when the case is not yours) */
  caseActions: Array<PendingAction>;
  /** Figures of the cases opened in [from, to), grouped (staff); CSV: GET /reports/cases.csv */
  caseReport: CaseReport;
  /** Cases, newest first, with cursor pagination (customers see their own) */
  cases: CaseConnection;
  /** A customer’s profile, plan, invoices, payments, refunds, orders and cases (staff only) */
  customerPanel: CustomerPanel;
  deskStatus: DeskStatus;
  /** Always "ok" while the server answers */
  health: Scalars['String']['output'];
  /** The label set */
  labels: Array<Label>;
  /** Who the token says you are */
  me: Viewer;
  /** Every operator, by name (the assignee picker) */
  operators: Array<Operator>;
  /** Actions the customer confirmed that the policy sends to an operator, oldest first */
  pendingReviews: Array<PendingAction>;
  /** A canned response rendered for a case, for the reply box (nothing is posted) */
  renderCannedResponse: Scalars['String']['output'];
  /** Your saved views, by name */
  savedViews: Array<SavedView>;
  /** Cases matching a search, newest first, with cursor pagination (staff only) */
  searchCases: CaseConnection;
  /** The SLA targets of each priority (staff) */
  slaPolicies: Array<SlaPolicy>;
  /** The delivery log, newest first (admins) */
  webhookDeliveries: Array<WebhookDelivery>;
  /** The registered webhooks (admins) */
  webhooks: Array<Webhook>;
};


export type QueryAuditEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryCaseArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCaseActionsArgs = {
  caseId: Scalars['ID']['input'];
};


export type QueryCaseReportArgs = {
  by: ReportGroup;
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};


export type QueryCasesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CaseFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryCustomerPanelArgs = {
  customerId: Scalars['ID']['input'];
};


export type QueryRenderCannedResponseArgs = {
  caseId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
};


export type QuerySearchCasesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  search: CaseSearchInput;
};


export type QueryWebhookDeliveriesArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<WebhookDeliveryStatus>;
  webhookId?: InputMaybe<Scalars['ID']['input']>;
};

export type ReportGroup =
  | 'AGENT'
  | 'DAY'
  | 'OPERATOR'
  | 'ROUTE'
  | 'TEAM';

/** Figures of a group of cases (by the day, route, agent, operator or team), or of all */
export type ReportRow = {
  __typename?: 'ReportRow';
  /** Resolved with no operator message */
  aiResolved: Scalars['Int']['output'];
  /** aiResolved / resolved */
  aiResolvedShare: Maybe<Scalars['Float']['output']>;
  /** Cases opened */
  cases: Scalars['Int']['output'];
  csatAverage: Maybe<Scalars['Float']['output']>;
  csatCount: Scalars['Int']['output'];
  escalated: Scalars['Int']['output'];
  /** escalated / cases */
  escalationRate: Maybe<Scalars['Float']['output']>;
  firstResponseP50Sec: Maybe<Scalars['Float']['output']>;
  firstResponseP90Sec: Maybe<Scalars['Float']['output']>;
  /** The day (yyyy-mm-dd, in the report’s time zone), route, agent, operator id or team */
  key: Scalars['String']['output'];
  resolutionP50Sec: Maybe<Scalars['Float']['output']>;
  resolutionP90Sec: Maybe<Scalars['Float']['output']>;
  resolved: Scalars['Int']['output'];
  /** Targets missed (first response and resolution) */
  slaBreaches: Scalars['Int']['output'];
};

export type RequestType =
  | 'AUTO'
  | 'BILLING'
  | 'COMPLEX'
  | 'ESCALATION'
  | 'GENERAL'
  | 'TECHNICAL';

export type ReviewDecision =
  | 'APPROVE'
  | 'REJECT';

export type Route =
  | 'BILLING'
  | 'ESCALATION'
  | 'GENERAL'
  | 'TECHNICAL';

export type RouteScore = {
  __typename?: 'RouteScore';
  route: Route;
  score: Scalars['Float']['output'];
};

export type RoutedPart = {
  __typename?: 'RoutedPart';
  confidence: Scalars['Float']['output'];
  intent: Scalars['String']['output'];
  route: Route;
};

export type RoutingMethod =
  | 'CLASSIFIER'
  | 'EXPLICIT'
  | 'FOLLOW_UP'
  | 'LLM'
  | 'LOW_CONFIDENCE'
  | 'RULE';

/** A search an operator saved */
export type SavedView = {
  __typename?: 'SavedView';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** The CaseSearchInput it runs */
  search: Scalars['JSON']['output'];
};

/** A security or authentication event was recorded in the audit trail */
export type SecurityEventRaised = DeskEvent & {
  __typename?: 'SecurityEventRaised';
  actorId: Maybe<Scalars['String']['output']>;
  at: Scalars['DateTime']['output'];
  caseId: Maybe<Scalars['ID']['output']>;
  category: Scalars['String']['output'];
  event: Scalars['String']['output'];
};

/** An SLA target of a case was missed */
export type SlaBreached = DeskEvent & {
  __typename?: 'SlaBreached';
  at: Scalars['DateTime']['output'];
  caseId: Scalars['ID']['output'];
  dueAt: Scalars['DateTime']['output'];
  priority: Priority;
  target: SlaTarget;
};

/** The SLA targets of a priority, in business minutes */
export type SlaPolicy = {
  __typename?: 'SlaPolicy';
  /** False while the built-in default applies */
  custom: Scalars['Boolean']['output'];
  firstResponseMinutes: Scalars['Int']['output'];
  priority: Priority;
  resolutionMinutes: Scalars['Int']['output'];
  /** SLA_WARNING goes out when this share of a target has elapsed */
  warningPercent: Scalars['Int']['output'];
};

export type SlaPolicyInput = {
  /** Business minutes */
  firstResponseMinutes: Scalars['Int']['input'];
  priority: Priority;
  /** Business minutes */
  resolutionMinutes: Scalars['Int']['input'];
  /** 1-99, default 80 */
  warningPercent?: InputMaybe<Scalars['Int']['input']>;
};

/** Where a case’s SLA clock stands: the target that runs (first response, then resolution) on track, past its warning time, missed, paused while waiting on the customer, or stopped with both met */
export type SlaState =
  | 'BREACHED'
  | 'MET'
  | 'ON_TRACK'
  | 'PAUSED'
  | 'WARNING';

export type SlaTarget =
  | 'FIRST_RESPONSE'
  | 'RESOLUTION';

/** An SLA target of a case is close (its warning share has elapsed) */
export type SlaWarning = DeskEvent & {
  __typename?: 'SlaWarning';
  at: Scalars['DateTime']['output'];
  caseId: Scalars['ID']['output'];
  dueAt: Scalars['DateTime']['output'];
  priority: Priority;
  target: SlaTarget;
};

/** The case status changed */
export type StatusChanged = CaseEvent & {
  __typename?: 'StatusChanged';
  at: Scalars['DateTime']['output'];
  by: Scalars['String']['output'];
  caseId: Scalars['ID']['output'];
  fromStatus: CaseStatus;
  seq: Scalars['Int']['output'];
  toStatus: CaseStatus;
};

export type SubmitRequestInput = {
  /** Set for a follow-up on an existing case */
  caseId?: InputMaybe<Scalars['ID']['input']>;
  /** Extra context from the calling app (a JSON object) */
  context?: InputMaybe<Scalars['JSON']['input']>;
  emergency?: InputMaybe<Scalars['Boolean']['input']>;
  /** A retried submit with the same key returns the same case and message */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** What the customer asks (1 to MAX_MESSAGE_LENGTH characters) */
  message: Scalars['String']['input'];
  requestType?: InputMaybe<RequestType>;
};

export type SubmitRequestPayload = {
  __typename?: 'SubmitRequestPayload';
  case: Case;
  /** True when this is a retry answered from the first submit */
  duplicate: Scalars['Boolean']['output'];
  message: Message;
};

export type Subscription = {
  __typename?: 'Subscription';
  /** Events of one case: every stored event with seq > after (default 0: the whole history), then live events */
  caseEvents: CaseEvent;
  /** Case and agent changes and security events across the desk, for staff dashboards */
  deskEvents: DeskEvent;
};


export type SubscriptionCaseEventsArgs = {
  after?: InputMaybe<Scalars['Int']['input']>;
  caseId: Scalars['ID']['input'];
};

export type Team =
  | 'BILLING'
  | 'ESCALATIONS'
  | 'TECHNICAL';

/** A piece of an answer as it is written */
export type TokenDelta = CaseEvent & {
  __typename?: 'TokenDelta';
  agent: Scalars['String']['output'];
  at: Scalars['DateTime']['output'];
  caseId: Scalars['ID']['output'];
  messageId: Scalars['ID']['output'];
  seq: Scalars['Int']['output'];
  text: Scalars['String']['output'];
};

export type TokenUsage = {
  __typename?: 'TokenUsage';
  completionTokens: Scalars['Int']['output'];
  promptTokens: Scalars['Int']['output'];
  totalTokens: Scalars['Int']['output'];
};

/** A tool an agent called while writing a message */
export type ToolCall = {
  __typename?: 'ToolCall';
  agent: Scalars['String']['output'];
  durationMs: Scalars['Int']['output'];
  id: Scalars['String']['output'];
  input: Scalars['JSON']['output'];
  name: Scalars['String']['output'];
  ok: Scalars['Boolean']['output'];
  output: Scalars['JSON']['output'];
};

/** An agent called a tool */
export type ToolCalled = CaseEvent & {
  __typename?: 'ToolCalled';
  agent: Scalars['String']['output'];
  at: Scalars['DateTime']['output'];
  caseId: Scalars['ID']['output'];
  durationMs: Scalars['Int']['output'];
  /** Short rendering of the arguments */
  input: Scalars['String']['output'];
  messageId: Scalars['ID']['output'];
  ok: Scalars['Boolean']['output'];
  /** Short rendering of the result */
  output: Scalars['String']['output'];
  seq: Scalars['Int']['output'];
  tool: Scalars['String']['output'];
};

export type ToolInfo = {
  __typename?: 'ToolInfo';
  description: Scalars['String']['output'];
  name: Scalars['String']['output'];
};

export type UpdateCaseInput = {
  /** Operator to assign; null unassigns */
  assignee?: InputMaybe<Scalars['String']['input']>;
  caseId: Scalars['ID']['input'];
  priority?: InputMaybe<Priority>;
  status?: InputMaybe<CaseStatus>;
};

export type Viewer = {
  __typename?: 'Viewer';
  expiresAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  name: Maybe<Scalars['String']['output']>;
  role: Scalars['String']['output'];
};

/** A URL that receives signed POSTs for the events it subscribed to */
export type Webhook = {
  __typename?: 'Webhook';
  /** Failed attempts since the last success */
  consecutiveFailures: Scalars['Int']['output'];
  createdAt: Scalars['DateTime']['output'];
  createdBy: Scalars['String']['output'];
  description: Maybe<Scalars['String']['output']>;
  disabledReason: Maybe<Scalars['String']['output']>;
  enabled: Scalars['Boolean']['output'];
  events: Array<WebhookEvent>;
  id: Scalars['ID']['output'];
  url: Scalars['String']['output'];
};

/** One attempt to send a delivery (a snippet of the answer only) */
export type WebhookAttempt = {
  __typename?: 'WebhookAttempt';
  at: Scalars['DateTime']['output'];
  attempt: Scalars['Int']['output'];
  durationMs: Scalars['Int']['output'];
  error: Maybe<Scalars['String']['output']>;
  ok: Scalars['Boolean']['output'];
  responseSnippet: Maybe<Scalars['String']['output']>;
  responseStatus: Maybe<Scalars['Int']['output']>;
};

export type WebhookCreated = {
  __typename?: 'WebhookCreated';
  /** The signing secret: shown here only, keep it */
  secret: Scalars['String']['output'];
  webhook: Webhook;
};

/** One event for one webhook: queued, retried with backoff, then succeeded or failed */
export type WebhookDelivery = {
  __typename?: 'WebhookDelivery';
  attemptLog: Array<WebhookAttempt>;
  attempts: Scalars['Int']['output'];
  /** The signed JSON body */
  body: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  deliveredAt: Maybe<Scalars['DateTime']['output']>;
  error: Maybe<Scalars['String']['output']>;
  event: WebhookEvent;
  id: Scalars['ID']['output'];
  lastAttemptAt: Maybe<Scalars['DateTime']['output']>;
  nextAttemptAt: Maybe<Scalars['DateTime']['output']>;
  responseStatus: Maybe<Scalars['Int']['output']>;
  status: WebhookDeliveryStatus;
  webhookId: Scalars['ID']['output'];
};

export type WebhookDeliveryStatus =
  | 'FAILED'
  | 'PENDING'
  | 'SUCCEEDED';

/** An event a webhook can receive (the `event` of the delivered JSON is the dotted name) */
export type WebhookEvent =
  /** `case.created` */
  | 'CASE_CREATED'
  /** `case.resolved` */
  | 'CASE_RESOLVED'
  /** `case.updated` */
  | 'CASE_UPDATED'
  /** `csat.received` */
  | 'CSAT_RECEIVED'
  /** `message.created` */
  | 'MESSAGE_CREATED'
  /** `sla.breached` */
  | 'SLA_BREACHED';

export type WebhookInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  events: Array<WebhookEvent>;
  /** http(s) URL; private and loopback addresses are refused */
  url: Scalars['String']['input'];
};

export type WebhookUpdateInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  /** true re-enables a disabled webhook and clears its failures */
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  events?: InputMaybe<Array<WebhookEvent>>;
  url?: InputMaybe<Scalars['String']['input']>;
};

export type MessageFieldsFragment = { __typename?: 'Message', id: string, caseId: string, authorKind: AuthorKind, authorName: string | null, agentName: string | null, content: string, status: MessageStatus, createdAt: string, model: string | null, latencyMs: number | null, timeToFirstTokenMs: number | null, citations: Array<{ __typename?: 'Citation', id: string, title: string, snippet: string }>, toolCalls: Array<{ __typename?: 'ToolCall', id: string, agent: string, name: string, ok: boolean, durationMs: number }> };

export type CaseSummaryFragment = { __typename?: 'Case', id: string, subject: string, status: CaseStatus, priority: Priority, emergency: boolean, requestType: RequestType, route: Route | null, intent: string | null, agentName: string | null, assignee: string | null, lastEventSeq: number, createdAt: string, updatedAt: string, customer: { __typename?: 'Customer', id: string, name: string, isGuest: boolean } };

type CaseEventFields_ActionUpdated_Fragment = { __typename: 'ActionUpdated', actionId: string, kind: ActionKind, status: ActionStatus, summary: string, seq: number, caseId: string, at: string };

type CaseEventFields_AgentHandoff_Fragment = { __typename: 'AgentHandoff', fromAgent: string, toAgent: string, reason: string, seq: number, caseId: string, at: string };

type CaseEventFields_AgentStarted_Fragment = { __typename: 'AgentStarted', agent: string, messageId: string, seq: number, caseId: string, at: string };

type CaseEventFields_AssigneeChanged_Fragment = { __typename: 'AssigneeChanged', fromAssignee: string | null, toAssignee: string | null, by: string, seq: number, caseId: string, at: string };

type CaseEventFields_CaseError_Fragment = { __typename: 'CaseError', code: string, detail: string, recoverable: boolean, seq: number, caseId: string, at: string };

type CaseEventFields_CaseEscalated_Fragment = { __typename: 'CaseEscalated', reason: string, priority: Priority, by: string, seq: number, caseId: string, at: string };

type CaseEventFields_CaseOpened_Fragment = { __typename: 'CaseOpened', subject: string, customerId: string, priority: Priority, emergency: boolean, requestType: string, seq: number, caseId: string, at: string };

type CaseEventFields_CaseRouted_Fragment = { __typename: 'CaseRouted', route: Route, intent: string, confidence: number, method: RoutingMethod, reason: string, seq: number, caseId: string, at: string, parts: Array<{ __typename?: 'RoutedPart', route: Route, intent: string, confidence: number }> };

type CaseEventFields_CaseSlaBreached_Fragment = { __typename: 'CaseSlaBreached', target: SlaTarget, dueAt: string, seq: number, caseId: string, at: string };

type CaseEventFields_CaseSlaWarning_Fragment = { __typename: 'CaseSlaWarning', target: SlaTarget, dueAt: string, seq: number, caseId: string, at: string };

type CaseEventFields_GuardrailTripped_Fragment = { __typename: 'GuardrailTripped', guardrail: string, reason: string, seq: number, caseId: string, at: string };

type CaseEventFields_MessageAdded_Fragment = { __typename: 'MessageAdded', seq: number, caseId: string, at: string, message: { __typename?: 'Message', id: string, caseId: string, authorKind: AuthorKind, authorName: string | null, agentName: string | null, content: string, status: MessageStatus, createdAt: string, model: string | null, latencyMs: number | null, timeToFirstTokenMs: number | null, citations: Array<{ __typename?: 'Citation', id: string, title: string, snippet: string }>, toolCalls: Array<{ __typename?: 'ToolCall', id: string, agent: string, name: string, ok: boolean, durationMs: number }> } };

type CaseEventFields_MessageCompleted_Fragment = { __typename: 'MessageCompleted', seq: number, caseId: string, at: string, message: { __typename?: 'Message', id: string, caseId: string, authorKind: AuthorKind, authorName: string | null, agentName: string | null, content: string, status: MessageStatus, createdAt: string, model: string | null, latencyMs: number | null, timeToFirstTokenMs: number | null, citations: Array<{ __typename?: 'Citation', id: string, title: string, snippet: string }>, toolCalls: Array<{ __typename?: 'ToolCall', id: string, agent: string, name: string, ok: boolean, durationMs: number }> } };

type CaseEventFields_PriorityChanged_Fragment = { __typename: 'PriorityChanged', fromPriority: Priority, toPriority: Priority, by: string, seq: number, caseId: string, at: string };

type CaseEventFields_StatusChanged_Fragment = { __typename: 'StatusChanged', fromStatus: CaseStatus, toStatus: CaseStatus, by: string, seq: number, caseId: string, at: string };

type CaseEventFields_TokenDelta_Fragment = { __typename: 'TokenDelta', agent: string, messageId: string, text: string, seq: number, caseId: string, at: string };

type CaseEventFields_ToolCalled_Fragment = { __typename: 'ToolCalled', agent: string, messageId: string, tool: string, input: string, output: string, ok: boolean, durationMs: number, seq: number, caseId: string, at: string };

export type CaseEventFieldsFragment =
  | CaseEventFields_ActionUpdated_Fragment
  | CaseEventFields_AgentHandoff_Fragment
  | CaseEventFields_AgentStarted_Fragment
  | CaseEventFields_AssigneeChanged_Fragment
  | CaseEventFields_CaseError_Fragment
  | CaseEventFields_CaseEscalated_Fragment
  | CaseEventFields_CaseOpened_Fragment
  | CaseEventFields_CaseRouted_Fragment
  | CaseEventFields_CaseSlaBreached_Fragment
  | CaseEventFields_CaseSlaWarning_Fragment
  | CaseEventFields_GuardrailTripped_Fragment
  | CaseEventFields_MessageAdded_Fragment
  | CaseEventFields_MessageCompleted_Fragment
  | CaseEventFields_PriorityChanged_Fragment
  | CaseEventFields_StatusChanged_Fragment
  | CaseEventFields_TokenDelta_Fragment
  | CaseEventFields_ToolCalled_Fragment
;

export type SubmitRequestMutationVariables = Exact<{
  input: SubmitRequestInput;
}>;


export type SubmitRequestMutation = { __typename?: 'Mutation', submitRequest: { __typename?: 'SubmitRequestPayload', duplicate: boolean, case: { __typename?: 'Case', id: string, subject: string, status: CaseStatus, priority: Priority, emergency: boolean, requestType: RequestType, route: Route | null, intent: string | null, agentName: string | null, assignee: string | null, lastEventSeq: number, createdAt: string, updatedAt: string, customer: { __typename?: 'Customer', id: string, name: string, isGuest: boolean } }, message: { __typename?: 'Message', id: string, caseId: string, authorKind: AuthorKind, authorName: string | null, agentName: string | null, content: string, status: MessageStatus, createdAt: string, model: string | null, latencyMs: number | null, timeToFirstTokenMs: number | null, citations: Array<{ __typename?: 'Citation', id: string, title: string, snippet: string }>, toolCalls: Array<{ __typename?: 'ToolCall', id: string, agent: string, name: string, ok: boolean, durationMs: number }> } } };

export type GetCaseQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type GetCaseQuery = { __typename?: 'Query', case: { __typename?: 'Case', resolvedAt: string | null, firstResponseAt: string | null, id: string, subject: string, status: CaseStatus, priority: Priority, emergency: boolean, requestType: RequestType, route: Route | null, intent: string | null, agentName: string | null, assignee: string | null, lastEventSeq: number, createdAt: string, updatedAt: string, messages: Array<{ __typename?: 'Message', id: string, caseId: string, authorKind: AuthorKind, authorName: string | null, agentName: string | null, content: string, status: MessageStatus, createdAt: string, model: string | null, latencyMs: number | null, timeToFirstTokenMs: number | null, citations: Array<{ __typename?: 'Citation', id: string, title: string, snippet: string }>, toolCalls: Array<{ __typename?: 'ToolCall', id: string, agent: string, name: string, ok: boolean, durationMs: number }> }>, customer: { __typename?: 'Customer', id: string, name: string, isGuest: boolean } } };

export type ListCasesQueryVariables = Exact<{
  filter?: InputMaybe<CaseFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ListCasesQuery = { __typename?: 'Query', cases: { __typename?: 'CaseConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', endCursor: string | null, hasNextPage: boolean }, edges: Array<{ __typename?: 'CaseEdge', cursor: string, node: { __typename?: 'Case', id: string, subject: string, status: CaseStatus, priority: Priority, emergency: boolean, requestType: RequestType, route: Route | null, intent: string | null, agentName: string | null, assignee: string | null, lastEventSeq: number, createdAt: string, updatedAt: string, customer: { __typename?: 'Customer', id: string, name: string, isGuest: boolean } } }> } };

export type DeskStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type DeskStatusQuery = { __typename?: 'Query', deskStatus: { __typename?: 'DeskStatus', provider: string, model: string, routerModel: string | null, startedAt: string, uptimeSeconds: number, queueDepth: number, activeRuns: number, totalTokens: number, totalCostUsd: number, agents: Array<{ __typename?: 'AgentStats', agent: string, active: number, handled: number, errors: number, avgTimeToFirstTokenMs: number | null, avgTimeToAnswerMs: number | null }>, models: Array<{ __typename?: 'AgentModel', agent: string, model: string }>, casesByStatus: Array<{ __typename?: 'CaseStatusCount', status: CaseStatus, count: number }> } };

export type BrandingQueryVariables = Exact<{ [key: string]: never; }>;


export type BrandingQuery = { __typename?: 'Query', branding: { __typename?: 'Branding', companyName: string, brandColor: string, supportHours: string } };

export type StartGuestSessionMutationVariables = Exact<{ [key: string]: never; }>;


export type StartGuestSessionMutation = { __typename?: 'Mutation', startGuestSession: { __typename?: 'GuestSession', token: string, expiresAt: string, customerId: string } };

export type CaseEventsSubscriptionVariables = Exact<{
  caseId: Scalars['ID']['input'];
  after?: InputMaybe<Scalars['Int']['input']>;
}>;


export type CaseEventsSubscription = { __typename?: 'Subscription', caseEvents:
    | { __typename: 'ActionUpdated', actionId: string, kind: ActionKind, status: ActionStatus, summary: string, seq: number, caseId: string, at: string }
    | { __typename: 'AgentHandoff', fromAgent: string, toAgent: string, reason: string, seq: number, caseId: string, at: string }
    | { __typename: 'AgentStarted', agent: string, messageId: string, seq: number, caseId: string, at: string }
    | { __typename: 'AssigneeChanged', fromAssignee: string | null, toAssignee: string | null, by: string, seq: number, caseId: string, at: string }
    | { __typename: 'CaseError', code: string, detail: string, recoverable: boolean, seq: number, caseId: string, at: string }
    | { __typename: 'CaseEscalated', reason: string, priority: Priority, by: string, seq: number, caseId: string, at: string }
    | { __typename: 'CaseOpened', subject: string, customerId: string, priority: Priority, emergency: boolean, requestType: string, seq: number, caseId: string, at: string }
    | { __typename: 'CaseRouted', route: Route, intent: string, confidence: number, method: RoutingMethod, reason: string, seq: number, caseId: string, at: string, parts: Array<{ __typename?: 'RoutedPart', route: Route, intent: string, confidence: number }> }
    | { __typename: 'CaseSlaBreached', target: SlaTarget, dueAt: string, seq: number, caseId: string, at: string }
    | { __typename: 'CaseSlaWarning', target: SlaTarget, dueAt: string, seq: number, caseId: string, at: string }
    | { __typename: 'GuardrailTripped', guardrail: string, reason: string, seq: number, caseId: string, at: string }
    | { __typename: 'MessageAdded', seq: number, caseId: string, at: string, message: { __typename?: 'Message', id: string, caseId: string, authorKind: AuthorKind, authorName: string | null, agentName: string | null, content: string, status: MessageStatus, createdAt: string, model: string | null, latencyMs: number | null, timeToFirstTokenMs: number | null, citations: Array<{ __typename?: 'Citation', id: string, title: string, snippet: string }>, toolCalls: Array<{ __typename?: 'ToolCall', id: string, agent: string, name: string, ok: boolean, durationMs: number }> } }
    | { __typename: 'MessageCompleted', seq: number, caseId: string, at: string, message: { __typename?: 'Message', id: string, caseId: string, authorKind: AuthorKind, authorName: string | null, agentName: string | null, content: string, status: MessageStatus, createdAt: string, model: string | null, latencyMs: number | null, timeToFirstTokenMs: number | null, citations: Array<{ __typename?: 'Citation', id: string, title: string, snippet: string }>, toolCalls: Array<{ __typename?: 'ToolCall', id: string, agent: string, name: string, ok: boolean, durationMs: number }> } }
    | { __typename: 'PriorityChanged', fromPriority: Priority, toPriority: Priority, by: string, seq: number, caseId: string, at: string }
    | { __typename: 'StatusChanged', fromStatus: CaseStatus, toStatus: CaseStatus, by: string, seq: number, caseId: string, at: string }
    | { __typename: 'TokenDelta', agent: string, messageId: string, text: string, seq: number, caseId: string, at: string }
    | { __typename: 'ToolCalled', agent: string, messageId: string, tool: string, input: string, output: string, ok: boolean, durationMs: number, seq: number, caseId: string, at: string }
   };

export type WebMeQueryVariables = Exact<{ [key: string]: never; }>;


export type WebMeQuery = { __typename?: 'Query', me: { __typename?: 'Viewer', id: string, role: string, name: string | null, expiresAt: string } };

export type WebDeskEventsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type WebDeskEventsSubscription = { __typename?: 'Subscription', deskEvents:
    | { __typename: 'AgentStatusChanged', agent: string, active: number, handled: number, errors: number, at: string }
    | { __typename: 'CaseCreated', caseId: string, status: CaseStatus, priority: Priority, route: Route | null, emergency: boolean, subject: string, at: string }
    | { __typename: 'CaseRated', caseId: string, score: number, at: string }
    | { __typename: 'CaseUpdated', caseId: string, status: CaseStatus, priority: Priority, route: Route | null, emergency: boolean, assignee: string | null, agentName: string | null, at: string }
    | { __typename: 'EmergencyAlert', caseId: string, reason: string, at: string }
    | { __typename: 'LabelsChanged', caseId: string, labels: Array<string>, at: string }
    | { __typename: 'NoteAdded', caseId: string, noteId: string, authorName: string, body: string, at: string }
    | { __typename: 'OperatorChanged', operatorId: string, availability: string, at: string }
    | { __typename: 'SecurityEventRaised', event: string, category: string, at: string, securityCaseId: string | null }
    | { __typename: 'SlaBreached', caseId: string, target: SlaTarget, dueAt: string, at: string }
    | { __typename: 'SlaWarning', caseId: string, target: SlaTarget, dueAt: string, at: string }
   };

export type WebReplyAsOperatorMutationVariables = Exact<{
  caseId: Scalars['ID']['input'];
  message: Scalars['String']['input'];
}>;


export type WebReplyAsOperatorMutation = { __typename?: 'Mutation', replyAsOperator: { __typename?: 'Message', id: string, content: string } };

export type WebUpdateCaseMutationVariables = Exact<{
  input: UpdateCaseInput;
}>;


export type WebUpdateCaseMutation = { __typename?: 'Mutation', updateCase: { __typename?: 'Case', id: string, status: CaseStatus, priority: Priority, assignee: string | null } };

export type WebCaseActionsQueryVariables = Exact<{
  caseId: Scalars['ID']['input'];
}>;


export type WebCaseActionsQuery = { __typename?: 'Query', caseActions: Array<{ __typename?: 'PendingAction', id: string, status: ActionStatus, amount: string, question: string, paymentRef: string | null }> };

export type WebConfirmActionMutationVariables = Exact<{
  actionId: Scalars['ID']['input'];
}>;


export type WebConfirmActionMutation = { __typename?: 'Mutation', confirmAction: { __typename?: 'PendingAction', id: string, status: ActionStatus } };

export type WebDeclineActionMutationVariables = Exact<{
  actionId: Scalars['ID']['input'];
}>;


export type WebDeclineActionMutation = { __typename?: 'Mutation', declineAction: { __typename?: 'PendingAction', id: string, status: ActionStatus } };

export type WebAddNoteMutationVariables = Exact<{
  caseId: Scalars['ID']['input'];
  body: Scalars['String']['input'];
}>;


export type WebAddNoteMutation = { __typename?: 'Mutation', addNote: { __typename?: 'CaseNote', id: string } };

export type WebAddCaseLabelMutationVariables = Exact<{
  caseId: Scalars['ID']['input'];
  label: Scalars['String']['input'];
}>;


export type WebAddCaseLabelMutation = { __typename?: 'Mutation', addCaseLabel: Array<string> };

export type WebRemoveCaseLabelMutationVariables = Exact<{
  caseId: Scalars['ID']['input'];
  label: Scalars['String']['input'];
}>;


export type WebRemoveCaseLabelMutation = { __typename?: 'Mutation', removeCaseLabel: Array<string> };

export type WebApplyCannedResponseMutationVariables = Exact<{
  caseId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
}>;


export type WebApplyCannedResponseMutation = { __typename?: 'Mutation', applyCannedResponse: { __typename?: 'AppliedCannedResponse', case: { __typename?: 'Case', id: string, status: CaseStatus } } };

export type WebSearchCasesQueryVariables = Exact<{
  search: CaseSearchInput;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type WebSearchCasesQuery = { __typename?: 'Query', searchCases: { __typename?: 'CaseConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, edges: Array<{ __typename?: 'CaseEdge', node: { __typename?: 'Case', id: string, subject: string, status: CaseStatus, priority: Priority, route: Route | null, emergency: boolean, createdAt: string, updatedAt: string, assignee: string | null, team: string | null, labels: Array<string>, lastEventSeq: number, firstResponseAt: string | null, customer: { __typename?: 'Customer', id: string, name: string, isGuest: boolean }, sla: { __typename?: 'CaseSla', firstResponseDueAt: string | null, resolutionDueAt: string | null, firstResponseWarnAt: string | null, resolutionWarnAt: string | null, firstResponseWarned: boolean, firstResponseBreached: boolean, resolutionWarned: boolean, resolutionBreached: boolean, paused: boolean, stoppedAt: string | null } | null } }> } };

export type WebSavedViewsQueryVariables = Exact<{ [key: string]: never; }>;


export type WebSavedViewsQuery = { __typename?: 'Query', savedViews: Array<{ __typename?: 'SavedView', id: string, name: string, search: unknown }> };

export type WebSaveViewMutationVariables = Exact<{
  name: Scalars['String']['input'];
  search: CaseSearchInput;
}>;


export type WebSaveViewMutation = { __typename?: 'Mutation', saveView: { __typename?: 'SavedView', id: string, name: string, search: unknown } };

export type WebDeleteViewMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type WebDeleteViewMutation = { __typename?: 'Mutation', deleteView: boolean };

export type WebCaseDetailsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type WebCaseDetailsQuery = { __typename?: 'Query', case: { __typename?: 'Case', id: string, subject: string, status: CaseStatus, priority: Priority, route: Route | null, emergency: boolean, assignee: string | null, team: string | null, labels: Array<string>, createdAt: string, firstResponseAt: string | null, resolvedAt: string | null, customer: { __typename?: 'Customer', id: string, name: string, isGuest: boolean }, sla: { __typename?: 'CaseSla', priority: Priority, firstResponseDueAt: string | null, resolutionDueAt: string | null, firstResponseWarnAt: string | null, resolutionWarnAt: string | null, firstResponseWarned: boolean, firstResponseBreached: boolean, resolutionWarned: boolean, resolutionBreached: boolean, paused: boolean, pausedSeconds: number, stoppedAt: string | null } | null, rating: { __typename?: 'CaseRating', score: number, comment: string | null, createdAt: string } | null, notes: Array<{ __typename?: 'CaseNote', id: string, authorName: string, body: string, createdAt: string }> }, operators: Array<{ __typename?: 'Operator', id: string, name: string, team: Team | null, availability: Availability }>, labels: Array<{ __typename?: 'Label', name: string, color: string }>, cannedResponses: Array<{ __typename?: 'CannedResponse', id: string, title: string, actions: { __typename?: 'CannedActions', status: CaseStatus | null, addLabel: string | null } }> };

export type WebCaseDeskFragment = { __typename?: 'Case', id: string, subject: string, status: CaseStatus, priority: Priority, route: Route | null, emergency: boolean, assignee: string | null, team: string | null, labels: Array<string>, createdAt: string, firstResponseAt: string | null, resolvedAt: string | null, customer: { __typename?: 'Customer', id: string, name: string, isGuest: boolean }, sla: { __typename?: 'CaseSla', priority: Priority, firstResponseDueAt: string | null, resolutionDueAt: string | null, firstResponseWarnAt: string | null, resolutionWarnAt: string | null, firstResponseWarned: boolean, firstResponseBreached: boolean, resolutionWarned: boolean, resolutionBreached: boolean, paused: boolean, pausedSeconds: number, stoppedAt: string | null } | null, rating: { __typename?: 'CaseRating', score: number, comment: string | null, createdAt: string } | null, notes: Array<{ __typename?: 'CaseNote', id: string, authorName: string, body: string, createdAt: string }> };

export type WebCaseDeskSideQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type WebCaseDeskSideQuery = { __typename?: 'Query', case: { __typename?: 'Case', id: string, subject: string, status: CaseStatus, priority: Priority, route: Route | null, emergency: boolean, assignee: string | null, team: string | null, labels: Array<string>, createdAt: string, firstResponseAt: string | null, resolvedAt: string | null, customer: { __typename?: 'Customer', id: string, name: string, isGuest: boolean }, sla: { __typename?: 'CaseSla', priority: Priority, firstResponseDueAt: string | null, resolutionDueAt: string | null, firstResponseWarnAt: string | null, resolutionWarnAt: string | null, firstResponseWarned: boolean, firstResponseBreached: boolean, resolutionWarned: boolean, resolutionBreached: boolean, paused: boolean, pausedSeconds: number, stoppedAt: string | null } | null, rating: { __typename?: 'CaseRating', score: number, comment: string | null, createdAt: string } | null, notes: Array<{ __typename?: 'CaseNote', id: string, authorName: string, body: string, createdAt: string }> } };

export type WebRenderCannedQueryVariables = Exact<{
  caseId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
}>;


export type WebRenderCannedQuery = { __typename?: 'Query', renderCannedResponse: string };

export type WebCustomerPanelQueryVariables = Exact<{
  customerId: Scalars['ID']['input'];
}>;


export type WebCustomerPanelQuery = { __typename?: 'Query', customerPanel: { __typename?: 'CustomerPanel', customer: { __typename?: 'CustomerProfile', id: string, name: string, email: string | null, phone: string | null, country: string | null, isGuest: boolean, createdAt: string, notes: string | null }, plan: { __typename?: 'CustomerPlan', name: string, code: string, status: string, priceCents: number, billingCycle: string, renewsAt: string | null } | null, invoices: Array<{ __typename?: 'PanelInvoice', number: string, status: string, amountCents: number, currency: string, issuedAt: string, dueAt: string }>, payments: Array<{ __typename?: 'PanelPayment', ref: string, status: string, amountCents: number, refundedCents: number, currency: string, paidAt: string, method: string }>, refunds: Array<{ __typename?: 'PanelRefund', id: string, status: string, amountCents: number, currency: string, createdAt: string, paymentRef: string }>, orders: Array<{ __typename?: 'PanelOrder', number: string, status: string, totalCents: number, currency: string, placedAt: string, items: number }>, cases: Array<{ __typename?: 'Case', id: string, subject: string, status: CaseStatus, createdAt: string }> } };

export type WebBusinessTimezoneQueryVariables = Exact<{ [key: string]: never; }>;


export type WebBusinessTimezoneQuery = { __typename?: 'Query', businessHours: { __typename?: 'BusinessHours', timezone: string } };

export type WebCaseReportQueryVariables = Exact<{
  by: ReportGroup;
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
}>;


export type WebCaseReportQuery = { __typename?: 'Query', caseReport: { __typename?: 'CaseReport', by: ReportGroup, from: string, to: string, timezone: string, rows: Array<{ __typename?: 'ReportRow', key: string, cases: number, resolved: number, firstResponseP50Sec: number | null, firstResponseP90Sec: number | null, resolutionP50Sec: number | null, resolutionP90Sec: number | null, aiResolved: number, aiResolvedShare: number | null, escalated: number, escalationRate: number | null, csatCount: number, csatAverage: number | null, slaBreaches: number }>, total: { __typename?: 'ReportRow', key: string, cases: number, resolved: number, firstResponseP50Sec: number | null, firstResponseP90Sec: number | null, resolutionP50Sec: number | null, resolutionP90Sec: number | null, aiResolved: number, aiResolvedShare: number | null, escalated: number, escalationRate: number | null, csatCount: number, csatAverage: number | null, slaBreaches: number } } };

export type WebReportRowFragment = { __typename?: 'ReportRow', key: string, cases: number, resolved: number, firstResponseP50Sec: number | null, firstResponseP90Sec: number | null, resolutionP50Sec: number | null, resolutionP90Sec: number | null, aiResolved: number, aiResolvedShare: number | null, escalated: number, escalationRate: number | null, csatCount: number, csatAverage: number | null, slaBreaches: number };

export type WebCustomerCaseQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type WebCustomerCaseQuery = { __typename?: 'Query', case: { __typename?: 'Case', id: string, status: CaseStatus, resolvedAt: string | null, rating: { __typename?: 'CaseRating', score: number, comment: string | null } | null } };

export type WebRateCaseMutationVariables = Exact<{
  caseId: Scalars['ID']['input'];
  score: Scalars['Int']['input'];
  comment?: InputMaybe<Scalars['String']['input']>;
}>;


export type WebRateCaseMutation = { __typename?: 'Mutation', rateCase: { __typename?: 'CaseRating', score: number, comment: string | null } };

export type WebDeskDirectoryQueryVariables = Exact<{ [key: string]: never; }>;


export type WebDeskDirectoryQuery = { __typename?: 'Query', operators: Array<{ __typename?: 'Operator', id: string, name: string, team: Team | null, availability: Availability }>, labels: Array<{ __typename?: 'Label', name: string, color: string }> };

export type WebSetAvailabilityMutationVariables = Exact<{
  availability: Availability;
}>;


export type WebSetAvailabilityMutation = { __typename?: 'Mutation', setAvailability: { __typename?: 'Operator', id: string, availability: Availability } };

export const CaseSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Case"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"emergency"}},{"kind":"Field","name":{"kind":"Name","value":"requestType"}},{"kind":"Field","name":{"kind":"Name","value":"route"}},{"kind":"Field","name":{"kind":"Name","value":"intent"}},{"kind":"Field","name":{"kind":"Name","value":"agentName"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"}},{"kind":"Field","name":{"kind":"Name","value":"lastEventSeq"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isGuest"}}]}}]}}]} as unknown as DocumentNode<CaseSummaryFragment, unknown>;
export const MessageFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"authorKind"}},{"kind":"Field","name":{"kind":"Name","value":"authorName"}},{"kind":"Field","name":{"kind":"Name","value":"agentName"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"latencyMs"}},{"kind":"Field","name":{"kind":"Name","value":"timeToFirstTokenMs"}},{"kind":"Field","name":{"kind":"Name","value":"citations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"snippet"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toolCalls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"agent"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}}]}}]}}]} as unknown as DocumentNode<MessageFieldsFragment, unknown>;
export const CaseEventFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseEventFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CaseEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CaseOpened"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"emergency"}},{"kind":"Field","name":{"kind":"Name","value":"requestType"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageAdded"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CaseRouted"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"route"}},{"kind":"Field","name":{"kind":"Name","value":"intent"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"parts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"route"}},{"kind":"Field","name":{"kind":"Name","value":"intent"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AgentStarted"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agent"}},{"kind":"Field","name":{"kind":"Name","value":"messageId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TokenDelta"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agent"}},{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ToolCalled"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agent"}},{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"tool"}},{"kind":"Field","name":{"kind":"Name","value":"input"}},{"kind":"Field","name":{"kind":"Name","value":"output"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AgentHandoff"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fromAgent"}},{"kind":"Field","name":{"kind":"Name","value":"toAgent"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageCompleted"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatusChanged"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"by"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PriorityChanged"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fromPriority"}},{"kind":"Field","name":{"kind":"Name","value":"toPriority"}},{"kind":"Field","name":{"kind":"Name","value":"by"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AssigneeChanged"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fromAssignee"}},{"kind":"Field","name":{"kind":"Name","value":"toAssignee"}},{"kind":"Field","name":{"kind":"Name","value":"by"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CaseEscalated"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"by"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CaseSlaWarning"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CaseSlaBreached"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CaseError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}},{"kind":"Field","name":{"kind":"Name","value":"recoverable"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GuardrailTripped"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"guardrail"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionUpdated"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"actionId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"authorKind"}},{"kind":"Field","name":{"kind":"Name","value":"authorName"}},{"kind":"Field","name":{"kind":"Name","value":"agentName"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"latencyMs"}},{"kind":"Field","name":{"kind":"Name","value":"timeToFirstTokenMs"}},{"kind":"Field","name":{"kind":"Name","value":"citations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"snippet"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toolCalls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"agent"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}}]}}]}}]} as unknown as DocumentNode<CaseEventFieldsFragment, unknown>;
export const WebCaseDeskFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebCaseDesk"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Case"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"route"}},{"kind":"Field","name":{"kind":"Name","value":"emergency"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"}},{"kind":"Field","name":{"kind":"Name","value":"team"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isGuest"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sla"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseWarnAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionWarnAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseWarned"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseBreached"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionWarned"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionBreached"}},{"kind":"Field","name":{"kind":"Name","value":"paused"}},{"kind":"Field","name":{"kind":"Name","value":"pausedSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"stoppedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rating"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"notes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"authorName"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<WebCaseDeskFragment, unknown>;
export const WebReportRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebReportRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReportRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"cases"}},{"kind":"Field","name":{"kind":"Name","value":"resolved"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseP50Sec"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseP90Sec"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionP50Sec"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionP90Sec"}},{"kind":"Field","name":{"kind":"Name","value":"aiResolved"}},{"kind":"Field","name":{"kind":"Name","value":"aiResolvedShare"}},{"kind":"Field","name":{"kind":"Name","value":"escalated"}},{"kind":"Field","name":{"kind":"Name","value":"escalationRate"}},{"kind":"Field","name":{"kind":"Name","value":"csatCount"}},{"kind":"Field","name":{"kind":"Name","value":"csatAverage"}},{"kind":"Field","name":{"kind":"Name","value":"slaBreaches"}}]}}]} as unknown as DocumentNode<WebReportRowFragment, unknown>;
export const SubmitRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"duplicate"}},{"kind":"Field","name":{"kind":"Name","value":"case"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CaseSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"message"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Case"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"emergency"}},{"kind":"Field","name":{"kind":"Name","value":"requestType"}},{"kind":"Field","name":{"kind":"Name","value":"route"}},{"kind":"Field","name":{"kind":"Name","value":"intent"}},{"kind":"Field","name":{"kind":"Name","value":"agentName"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"}},{"kind":"Field","name":{"kind":"Name","value":"lastEventSeq"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isGuest"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"authorKind"}},{"kind":"Field","name":{"kind":"Name","value":"authorName"}},{"kind":"Field","name":{"kind":"Name","value":"agentName"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"latencyMs"}},{"kind":"Field","name":{"kind":"Name","value":"timeToFirstTokenMs"}},{"kind":"Field","name":{"kind":"Name","value":"citations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"snippet"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toolCalls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"agent"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}}]}}]}}]} as unknown as DocumentNode<SubmitRequestMutation, SubmitRequestMutationVariables>;
export const GetCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"case"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CaseSummary"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseAt"}},{"kind":"Field","name":{"kind":"Name","value":"messages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Case"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"emergency"}},{"kind":"Field","name":{"kind":"Name","value":"requestType"}},{"kind":"Field","name":{"kind":"Name","value":"route"}},{"kind":"Field","name":{"kind":"Name","value":"intent"}},{"kind":"Field","name":{"kind":"Name","value":"agentName"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"}},{"kind":"Field","name":{"kind":"Name","value":"lastEventSeq"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isGuest"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"authorKind"}},{"kind":"Field","name":{"kind":"Name","value":"authorName"}},{"kind":"Field","name":{"kind":"Name","value":"agentName"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"latencyMs"}},{"kind":"Field","name":{"kind":"Name","value":"timeToFirstTokenMs"}},{"kind":"Field","name":{"kind":"Name","value":"citations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"snippet"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toolCalls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"agent"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}}]}}]}}]} as unknown as DocumentNode<GetCaseQuery, GetCaseQueryVariables>;
export const ListCasesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListCases"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CaseSummary"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Case"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"emergency"}},{"kind":"Field","name":{"kind":"Name","value":"requestType"}},{"kind":"Field","name":{"kind":"Name","value":"route"}},{"kind":"Field","name":{"kind":"Name","value":"intent"}},{"kind":"Field","name":{"kind":"Name","value":"agentName"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"}},{"kind":"Field","name":{"kind":"Name","value":"lastEventSeq"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isGuest"}}]}}]}}]} as unknown as DocumentNode<ListCasesQuery, ListCasesQueryVariables>;
export const DeskStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeskStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deskStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"routerModel"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"uptimeSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"queueDepth"}},{"kind":"Field","name":{"kind":"Name","value":"activeRuns"}},{"kind":"Field","name":{"kind":"Name","value":"totalTokens"}},{"kind":"Field","name":{"kind":"Name","value":"totalCostUsd"}},{"kind":"Field","name":{"kind":"Name","value":"agents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agent"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"handled"}},{"kind":"Field","name":{"kind":"Name","value":"errors"}},{"kind":"Field","name":{"kind":"Name","value":"avgTimeToFirstTokenMs"}},{"kind":"Field","name":{"kind":"Name","value":"avgTimeToAnswerMs"}}]}},{"kind":"Field","name":{"kind":"Name","value":"models"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agent"}},{"kind":"Field","name":{"kind":"Name","value":"model"}}]}},{"kind":"Field","name":{"kind":"Name","value":"casesByStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}}]} as unknown as DocumentNode<DeskStatusQuery, DeskStatusQueryVariables>;
export const BrandingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Branding"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"branding"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"companyName"}},{"kind":"Field","name":{"kind":"Name","value":"brandColor"}},{"kind":"Field","name":{"kind":"Name","value":"supportHours"}}]}}]}}]} as unknown as DocumentNode<BrandingQuery, BrandingQueryVariables>;
export const StartGuestSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartGuestSession"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startGuestSession"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}}]}}]}}]} as unknown as DocumentNode<StartGuestSessionMutation, StartGuestSessionMutationVariables>;
export const CaseEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"CaseEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"caseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CaseEventFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"authorKind"}},{"kind":"Field","name":{"kind":"Name","value":"authorName"}},{"kind":"Field","name":{"kind":"Name","value":"agentName"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"latencyMs"}},{"kind":"Field","name":{"kind":"Name","value":"timeToFirstTokenMs"}},{"kind":"Field","name":{"kind":"Name","value":"citations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"snippet"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toolCalls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"agent"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseEventFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CaseEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CaseOpened"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"emergency"}},{"kind":"Field","name":{"kind":"Name","value":"requestType"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageAdded"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CaseRouted"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"route"}},{"kind":"Field","name":{"kind":"Name","value":"intent"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"parts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"route"}},{"kind":"Field","name":{"kind":"Name","value":"intent"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AgentStarted"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agent"}},{"kind":"Field","name":{"kind":"Name","value":"messageId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TokenDelta"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agent"}},{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ToolCalled"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agent"}},{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"tool"}},{"kind":"Field","name":{"kind":"Name","value":"input"}},{"kind":"Field","name":{"kind":"Name","value":"output"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AgentHandoff"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fromAgent"}},{"kind":"Field","name":{"kind":"Name","value":"toAgent"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageCompleted"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatusChanged"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"by"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PriorityChanged"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fromPriority"}},{"kind":"Field","name":{"kind":"Name","value":"toPriority"}},{"kind":"Field","name":{"kind":"Name","value":"by"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AssigneeChanged"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fromAssignee"}},{"kind":"Field","name":{"kind":"Name","value":"toAssignee"}},{"kind":"Field","name":{"kind":"Name","value":"by"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CaseEscalated"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"by"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CaseSlaWarning"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CaseSlaBreached"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CaseError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}},{"kind":"Field","name":{"kind":"Name","value":"recoverable"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GuardrailTripped"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"guardrail"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionUpdated"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"actionId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}}]}}]} as unknown as DocumentNode<CaseEventsSubscription, CaseEventsSubscriptionVariables>;
export const WebMeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<WebMeQuery, WebMeQueryVariables>;
export const WebDeskEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"WebDeskEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deskEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CaseCreated"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"route"}},{"kind":"Field","name":{"kind":"Name","value":"emergency"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CaseUpdated"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"route"}},{"kind":"Field","name":{"kind":"Name","value":"emergency"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"}},{"kind":"Field","name":{"kind":"Name","value":"agentName"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AgentStatusChanged"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agent"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"handled"}},{"kind":"Field","name":{"kind":"Name","value":"errors"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EmergencyAlert"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SlaWarning"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SlaBreached"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NoteAdded"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"noteId"}},{"kind":"Field","name":{"kind":"Name","value":"authorName"}},{"kind":"Field","name":{"kind":"Name","value":"body"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LabelsChanged"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OperatorChanged"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operatorId"}},{"kind":"Field","name":{"kind":"Name","value":"availability"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CaseRated"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SecurityEventRaised"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","alias":{"kind":"Name","value":"securityCaseId"},"name":{"kind":"Name","value":"caseId"}}]}}]}}]}}]} as unknown as DocumentNode<WebDeskEventsSubscription, WebDeskEventsSubscriptionVariables>;
export const WebReplyAsOperatorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebReplyAsOperator"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"message"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replyAsOperator"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"caseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}}},{"kind":"Argument","name":{"kind":"Name","value":"message"},"value":{"kind":"Variable","name":{"kind":"Name","value":"message"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"content"}}]}}]}}]} as unknown as DocumentNode<WebReplyAsOperatorMutation, WebReplyAsOperatorMutationVariables>;
export const WebUpdateCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebUpdateCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateCaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"}}]}}]}}]} as unknown as DocumentNode<WebUpdateCaseMutation, WebUpdateCaseMutationVariables>;
export const WebCaseActionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebCaseActions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseActions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"caseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"question"}},{"kind":"Field","name":{"kind":"Name","value":"paymentRef"}}]}}]}}]} as unknown as DocumentNode<WebCaseActionsQuery, WebCaseActionsQueryVariables>;
export const WebConfirmActionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebConfirmAction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"actionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmAction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"actionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"actionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<WebConfirmActionMutation, WebConfirmActionMutationVariables>;
export const WebDeclineActionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebDeclineAction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"actionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"declineAction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"actionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"actionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<WebDeclineActionMutation, WebDeclineActionMutationVariables>;
export const WebAddNoteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebAddNote"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"body"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addNote"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"caseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}}},{"kind":"Argument","name":{"kind":"Name","value":"body"},"value":{"kind":"Variable","name":{"kind":"Name","value":"body"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<WebAddNoteMutation, WebAddNoteMutationVariables>;
export const WebAddCaseLabelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebAddCaseLabel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"label"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addCaseLabel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"caseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}}},{"kind":"Argument","name":{"kind":"Name","value":"label"},"value":{"kind":"Variable","name":{"kind":"Name","value":"label"}}}]}]}}]} as unknown as DocumentNode<WebAddCaseLabelMutation, WebAddCaseLabelMutationVariables>;
export const WebRemoveCaseLabelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebRemoveCaseLabel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"label"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeCaseLabel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"caseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}}},{"kind":"Argument","name":{"kind":"Name","value":"label"},"value":{"kind":"Variable","name":{"kind":"Name","value":"label"}}}]}]}}]} as unknown as DocumentNode<WebRemoveCaseLabelMutation, WebRemoveCaseLabelMutationVariables>;
export const WebApplyCannedResponseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebApplyCannedResponse"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applyCannedResponse"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"caseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}}},{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"case"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<WebApplyCannedResponseMutation, WebApplyCannedResponseMutationVariables>;
export const WebSearchCasesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebSearchCases"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseSearchInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"searchCases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"route"}},{"kind":"Field","name":{"kind":"Name","value":"emergency"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"}},{"kind":"Field","name":{"kind":"Name","value":"team"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"lastEventSeq"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseAt"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isGuest"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sla"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstResponseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseWarnAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionWarnAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseWarned"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseBreached"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionWarned"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionBreached"}},{"kind":"Field","name":{"kind":"Name","value":"paused"}},{"kind":"Field","name":{"kind":"Name","value":"stoppedAt"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<WebSearchCasesQuery, WebSearchCasesQueryVariables>;
export const WebSavedViewsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebSavedViews"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"savedViews"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"search"}}]}}]}}]} as unknown as DocumentNode<WebSavedViewsQuery, WebSavedViewsQueryVariables>;
export const WebSaveViewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebSaveView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseSearchInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"saveView"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"search"}}]}}]}}]} as unknown as DocumentNode<WebSaveViewMutation, WebSaveViewMutationVariables>;
export const WebDeleteViewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebDeleteView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteView"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<WebDeleteViewMutation, WebDeleteViewMutationVariables>;
export const WebCaseDetailsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebCaseDetails"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"case"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebCaseDesk"}}]}},{"kind":"Field","name":{"kind":"Name","value":"operators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"team"}},{"kind":"Field","name":{"kind":"Name","value":"availability"}}]}},{"kind":"Field","name":{"kind":"Name","value":"labels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"color"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cannedResponses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"addLabel"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebCaseDesk"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Case"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"route"}},{"kind":"Field","name":{"kind":"Name","value":"emergency"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"}},{"kind":"Field","name":{"kind":"Name","value":"team"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isGuest"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sla"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseWarnAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionWarnAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseWarned"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseBreached"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionWarned"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionBreached"}},{"kind":"Field","name":{"kind":"Name","value":"paused"}},{"kind":"Field","name":{"kind":"Name","value":"pausedSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"stoppedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rating"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"notes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"authorName"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<WebCaseDetailsQuery, WebCaseDetailsQueryVariables>;
export const WebCaseDeskSideDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebCaseDeskSide"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"case"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebCaseDesk"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebCaseDesk"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Case"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"route"}},{"kind":"Field","name":{"kind":"Name","value":"emergency"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"}},{"kind":"Field","name":{"kind":"Name","value":"team"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isGuest"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sla"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseWarnAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionWarnAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseWarned"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseBreached"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionWarned"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionBreached"}},{"kind":"Field","name":{"kind":"Name","value":"paused"}},{"kind":"Field","name":{"kind":"Name","value":"pausedSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"stoppedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rating"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"notes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"authorName"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<WebCaseDeskSideQuery, WebCaseDeskSideQueryVariables>;
export const WebRenderCannedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebRenderCanned"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"renderCannedResponse"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"caseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}}},{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<WebRenderCannedQuery, WebRenderCannedQueryVariables>;
export const WebCustomerPanelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebCustomerPanel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerPanel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"isGuest"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priceCents"}},{"kind":"Field","name":{"kind":"Name","value":"billingCycle"}},{"kind":"Field","name":{"kind":"Name","value":"renewsAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"invoices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"payments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ref"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"refundedCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"paidAt"}},{"kind":"Field","name":{"kind":"Name","value":"method"}}]}},{"kind":"Field","name":{"kind":"Name","value":"refunds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"paymentRef"}}]}},{"kind":"Field","name":{"kind":"Name","value":"orders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"totalCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"placedAt"}},{"kind":"Field","name":{"kind":"Name","value":"items"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<WebCustomerPanelQuery, WebCustomerPanelQueryVariables>;
export const WebBusinessTimezoneDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebBusinessTimezone"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"businessHours"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timezone"}}]}}]}}]} as unknown as DocumentNode<WebBusinessTimezoneQuery, WebBusinessTimezoneQueryVariables>;
export const WebCaseReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebCaseReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"by"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportGroup"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"by"},"value":{"kind":"Variable","name":{"kind":"Name","value":"by"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"by"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebReportRow"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebReportRow"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebReportRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReportRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"cases"}},{"kind":"Field","name":{"kind":"Name","value":"resolved"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseP50Sec"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseP90Sec"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionP50Sec"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionP90Sec"}},{"kind":"Field","name":{"kind":"Name","value":"aiResolved"}},{"kind":"Field","name":{"kind":"Name","value":"aiResolvedShare"}},{"kind":"Field","name":{"kind":"Name","value":"escalated"}},{"kind":"Field","name":{"kind":"Name","value":"escalationRate"}},{"kind":"Field","name":{"kind":"Name","value":"csatCount"}},{"kind":"Field","name":{"kind":"Name","value":"csatAverage"}},{"kind":"Field","name":{"kind":"Name","value":"slaBreaches"}}]}}]} as unknown as DocumentNode<WebCaseReportQuery, WebCaseReportQueryVariables>;
export const WebCustomerCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebCustomerCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"case"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"rating"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}}]}}]}}]}}]} as unknown as DocumentNode<WebCustomerCaseQuery, WebCustomerCaseQueryVariables>;
export const WebRateCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebRateCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"score"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"comment"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rateCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"caseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}}},{"kind":"Argument","name":{"kind":"Name","value":"score"},"value":{"kind":"Variable","name":{"kind":"Name","value":"score"}}},{"kind":"Argument","name":{"kind":"Name","value":"comment"},"value":{"kind":"Variable","name":{"kind":"Name","value":"comment"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}}]}}]}}]} as unknown as DocumentNode<WebRateCaseMutation, WebRateCaseMutationVariables>;
export const WebDeskDirectoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebDeskDirectory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"team"}},{"kind":"Field","name":{"kind":"Name","value":"availability"}}]}},{"kind":"Field","name":{"kind":"Name","value":"labels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"color"}}]}}]}}]} as unknown as DocumentNode<WebDeskDirectoryQuery, WebDeskDirectoryQueryVariables>;
export const WebSetAvailabilityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebSetAvailability"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"availability"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Availability"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setAvailability"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"availability"},"value":{"kind":"Variable","name":{"kind":"Name","value":"availability"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"availability"}}]}}]}}]} as unknown as DocumentNode<WebSetAvailabilityMutation, WebSetAvailabilityMutationVariables>;