/** Scenarios: the right article and the right region (defect 4, knowledge retrieval). */
import type { Scenario } from '../../scripts/scenarios/scenario.js';

/** Questions whose article used to be wrong, and region-aware service status. */
export const knowledgeScenarios: Scenario[] = [
  {
    id: 'office-network-down',
    title: 'Harper says the whole office network is down',
    covers: ['defect-4', 'defect-5'],
    customer: 'cust-harper',
    steps: [
      {
        say: 'The whole office network is down since this morning, nobody can get online.',
        answer: { notClaims: ['BW-4004', /device not found/i] },
      },
    ],
    expect: { priority: ['HIGH', 'URGENT'] },
  },
  {
    id: 'vlan-printer',
    title: 'Jade cannot reach the printer from a VLAN',
    covers: ['defect-4'],
    customer: 'cust-jade',
    steps: [
      {
        say: 'Devices on our guest VLAN cannot reach the network printer on the main LAN. How do I allow that?',
        answer: { mentions: [/VLAN/], notClaims: [/switch(?:ing)? (?:your )?plan/i, /Upgrading or downgrading/] },
      },
    ],
    expect: { route: 'technical' },
  },
  {
    id: 'where-is-my-hub',
    title: 'Isaac asks where his hub is',
    covers: ['defect-4'],
    customer: 'cust-isaac',
    steps: [
      {
        say: 'Where is my hub? I ordered it a few days ago.',
        answer: { mentions: [/Order BW-\d+/, /packed/i], notClaims: ['BW-1001'] },
      },
    ],
    expect: { route: 'general' },
  },
  {
    id: 'medical-alarm-offline',
    title: 'Maya’s father’s medical alarm depends on the wifi, which is down',
    covers: ['defect-4', 'defect-5', 'emergencies'],
    customer: 'cust-maya',
    steps: [
      {
        say: 'My father’s medical alarm relies on our wifi and the internet is down',
        answer: { mentions: ['emergency services'], notClaims: [/Mesh Extender/, /upgrade/i] },
      },
    ],
    expect: { route: 'escalation', priority: 'URGENT', emergency: true, alert: true, status: 'ESCALATED' },
  },
  {
    id: 'us-customer-no-eu-incident',
    title: 'Ava (US) says the app is slow; the EU-West incident is not hers',
    covers: ['defect-4', 'knowledge'],
    customer: 'cust-ava',
    steps: [
      { say: 'The app is very slow today and keeps timing out.', answer: { notClaims: [/eu-west/i, /EU-West/] } },
    ],
    expect: { route: 'technical' },
  },
  {
    id: 'error-code-bw-1001',
    title: 'Maya quotes error BW-1001',
    covers: ['knowledge'],
    customer: 'cust-maya',
    steps: [
      {
        say: 'The app shows error BW-1001 and the hub is offline. What should I do?',
        answer: { mentions: ['BW-1001'] },
      },
    ],
    expect: { route: 'technical' },
  },
  {
    id: 'password-reset',
    title: 'Ben forgot his password',
    covers: ['knowledge'],
    customer: 'cust-ben',
    steps: [{ say: 'I forgot my password and the reset email never arrives.', answer: { mentions: [/password/i] } }],
    expect: { route: 'technical', priority: 'NORMAL' },
  },
  {
    id: 'plan-switch-not-done',
    title: 'Ben asks to switch to monthly billing; nothing is changed for him',
    covers: ['defect-8', 'knowledge'],
    customer: 'cust-ben',
    steps: [
      {
        say: 'I want to switch from annual to monthly billing.',
        answer: {
          mentions: ['nothing on your account has changed'],
          notClaims: [/I(?:’|')ve switched|has been switched|I have changed/i],
        },
      },
    ],
    expect: { refunds: 0, actions: {} },
  },
  {
    id: 'guest-track-order',
    title: 'A guest asks how to track an order',
    covers: ['knowledge', 'defect-8'],
    customer: 'guest',
    steps: [{ say: 'How can I track my order?', answer: { mentions: [/track/i], notClaims: ['Hi Guest'] } }],
    expect: { route: 'general' },
  },
  {
    id: 'extender-setup',
    title: 'Ava wants to add a mesh extender',
    covers: ['knowledge'],
    customer: 'cust-ava',
    steps: [{ say: 'How do I add a mesh extender to my network?', answer: { mentions: [/extender/i] } }],
    expect: { route: 'technical' },
  },
];
