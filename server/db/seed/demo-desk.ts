// Demo desk staff and settings for crewdesk: operators (ids are token subs, e.g.
// `npm run token -- --sub maria --role operator`), the label set and canned responses.
// Pure data, consumed by the seeder. Operators start offline; they go online from the workspace.

export interface DemoOperator {
  id: string;
  name: string;
  email: string;
  role: 'operator' | 'admin';
  team: 'billing' | 'technical' | 'escalations';
  capacity: number;
}
export interface DemoLabel {
  name: string;
  color: string;
  description: string;
}
export interface DemoCannedResponse {
  title: string;
  body: string;
  actions: { status?: string; addLabel?: string };
}

export const operators: DemoOperator[] = [
  {
    id: 'maria',
    name: 'Maria Santos',
    email: 'maria@brightwave.example',
    role: 'operator',
    team: 'escalations',
    capacity: 6,
  },
  { id: 'sam', name: 'Sam Okafor', email: 'sam@brightwave.example', role: 'operator', team: 'technical', capacity: 8 },
  {
    id: 'priya',
    name: 'Priya Nair',
    email: 'priya@brightwave.example',
    role: 'operator',
    team: 'billing',
    capacity: 8,
  },
  { id: 'lee', name: 'Lee Chen', email: 'lee@brightwave.example', role: 'operator', team: 'billing', capacity: 5 },
  {
    id: 'jonas',
    name: 'Jonas Weber',
    email: 'jonas@brightwave.example',
    role: 'operator',
    team: 'technical',
    capacity: 5,
  },
  {
    id: 'alex',
    name: 'Alex Morgan',
    email: 'alex@brightwave.example',
    role: 'admin',
    team: 'escalations',
    capacity: 3,
  },
];

export const labels: DemoLabel[] = [
  { name: 'vip', color: '#a855f7', description: 'Business or long-standing customer' },
  { name: 'bug', color: '#ef4444', description: 'A defect to report to engineering' },
  { name: 'refund', color: '#f59e0b', description: 'A refund was asked for or made' },
  { name: 'follow-up', color: '#0ea5e9', description: 'Needs a follow-up from us' },
  { name: 'feedback', color: '#22c55e', description: 'Product feedback' },
];

export const cannedResponses: DemoCannedResponse[] = [
  {
    title: 'Greeting',
    body: 'Hi {{customer.name}}, this is {{agent.name}} from Brightwave support. I am looking into this for you now.',
    actions: {},
  },
  {
    title: 'Refund processed',
    body: 'Hi {{customer.name}}, your refund has been processed and should reach you within 5-10 business days. Your case reference is {{case.id}}. — {{agent.name}}',
    actions: { status: 'RESOLVED', addLabel: 'refund' },
  },
  {
    title: 'Escalated to engineering',
    body: 'Thanks {{customer.name}}. I have passed this to our engineering team and will update you as soon as I hear back. — {{agent.name}}',
    actions: { addLabel: 'bug' },
  },
  {
    title: 'Closing',
    body: 'Glad we could help, {{customer.name}}! I will mark this case as resolved; just reply if anything else comes up. — {{agent.name}}',
    actions: { status: 'RESOLVED' },
  },
];
