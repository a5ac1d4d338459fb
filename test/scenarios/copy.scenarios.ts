/** Scenarios: no over-escalation, and copy that reads right (defect 8). */
import type { Scenario } from '../../scripts/scenarios/scenario.js';

/** Escalation only when asked for or needed; greetings and openers that fit. */
export const copyScenarios: Scenario[] = [
  {
    id: 'please-sort-this-out',
    title: '"Please sort this out." is no escalation part',
    covers: ['defect-8'],
    customer: 'cust-ava',
    steps: [
      {
        say: 'My invoice is wrong, it bills me twice for the hub. Please sort this out.',
        answer: { sections: 0, notClaims: [/human operator/i] },
      },
    ],
    expect: { route: 'billing', status: 'WAITING_ON_CUSTOMER', priority: 'NORMAL' },
  },
  {
    id: 'hub-offline-sort-it-out',
    title: 'A technical problem with "Please sort this out." stays technical',
    covers: ['defect-8'],
    customer: 'cust-maya',
    steps: [{ say: 'My hub is offline again. Please sort this out.', answer: { sections: 0 } }],
    expect: { route: 'technical', priority: 'NORMAL', status: 'WAITING_ON_CUSTOMER' },
  },
  {
    id: 'phone-number-not-high',
    title: '"do you have a phone number?" is not escalated HIGH',
    covers: ['defect-8'],
    customer: 'cust-ben',
    steps: [{ say: 'do you have a phone number?', answer: { notClaims: [/priority HIGH/] } }],
    expect: { priority: 'NORMAL', status: 'WAITING_ON_CUSTOMER' },
  },
  {
    id: 'human-please-normal',
    title: 'Asking for a person brings one in at NORMAL',
    covers: ['defect-8'],
    customer: 'cust-ben',
    steps: [{ say: 'I would like to talk to a real person please.', answer: { mentions: [/human|person|operator/i] } }],
    expect: { priority: 'NORMAL', status: 'ESCALATED' },
  },
  {
    id: 'complaint-capital-i',
    title: 'An escalation answer writes "I’m sorry" with a capital I',
    covers: ['defect-8'],
    customer: 'cust-ben',
    steps: [
      {
        say: 'This is the third time I write about this. Your service is terrible and I want to file a formal complaint.',
        answer: { mentions: ['Hi Ben, I’m sorry'], notClaims: [/\bi’m\b/, /Hi Ben, i/] },
      },
    ],
    expect: { route: 'escalation', status: 'ESCALATED' },
  },
  {
    id: 'red-light-opener',
    title: 'A red light on a billing request gets a technical opener',
    covers: ['defect-8'],
    customer: 'cust-ava',
    steps: [
      {
        say: 'The hub light is blinking red since this morning',
        requestType: 'BILLING',
        answer: { notClaims: [/thanks for (?:your question|reaching out about your billing)/i, /your payment/i] },
      },
    ],
    expect: { allAnswered: true },
  },
  {
    id: 'guest-greeting',
    title: 'A guest is never greeted "Hi Guest,"',
    covers: ['defect-8'],
    customer: 'guest',
    steps: [{ say: 'How do I set up the hub?', answer: { notClaims: ['Hi Guest', 'Guest,'] } }],
    expect: { route: 'technical' },
  },
  {
    id: 'downgrade-not-done',
    title: 'Article sentences never read as actions done',
    covers: ['defect-8'],
    customer: 'cust-ava',
    steps: [
      {
        say: 'Please downgrade me from Plus to Starter.',
        answer: {
          mentions: ['nothing on your account has changed'],
          notClaims: [/^The (?:switch|downgrade|change) is scheduled/m, /I(?:’|')ve (?:downgraded|scheduled)/],
        },
      },
    ],
    expect: { refunds: 0, actions: {} },
  },
  {
    id: 'hello-small-talk',
    title: 'A plain hello gets a short invitation, not an escalation',
    covers: ['defect-8'],
    customer: 'cust-maya',
    steps: [{ say: 'hello', answer: { notClaims: [/human operator/i] } }],
    expect: { priority: 'NORMAL', route: 'general' },
  },
  {
    id: 'out-of-scope-polite',
    title: 'An off-topic request is declined politely, in English',
    covers: ['defect-8'],
    customer: 'cust-ava',
    steps: [{ say: 'Can you write me a poem about the sea?', answer: { mentions: ['support desk'] } }],
    expect: { route: 'general', priority: 'NORMAL' },
  },
];
