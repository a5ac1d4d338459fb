/** Scenarios: emergencies as one rule set (defect 5). */
import type { Scenario } from '../../scripts/scenarios/scenario.js';

/** Wording-detected emergencies, outages of many people, the checkbox on trivial messages. */
export const emergencyScenarios: Scenario[] = [
  {
    id: 'hub-smoking',
    title: 'Ava’s hub smells of burning',
    covers: ['defect-5', 'emergencies'],
    customer: 'cust-ava',
    steps: [
      {
        say: 'My hub is making a burning smell and the case is very hot.',
        answer: { mentions: ['unplug', 'URGENT'], notClaims: [/upgrade/i] },
      },
    ],
    expect: { route: 'escalation', priority: 'URGENT', emergency: true, alert: true, status: 'ESCALATED' },
  },
  {
    id: 'adapter-melted',
    title: 'The power adapter melted',
    covers: ['defect-5', 'emergencies'],
    customer: 'cust-maya',
    steps: [
      { say: 'The power adapter of my extender has melted a bit at the plug.', answer: { mentions: ['unplug'] } },
    ],
    expect: { priority: 'URGENT', emergency: true, alert: true },
  },
  {
    id: 'forty-people-cannot-work',
    title: 'EMERGENCY: 40 people cannot work',
    covers: ['defect-5', 'emergencies'],
    customer: 'cust-jade',
    steps: [{ say: 'EMERGENCY!! The internet is down and 40 people cannot work in our co-working space.' }],
    expect: { priority: 'URGENT', alert: false },
  },
  {
    id: 'whole-office-high',
    title: 'An office-wide outage without the word emergency is HIGH',
    covers: ['defect-5', 'emergencies'],
    customer: 'cust-harper',
    steps: [{ say: 'Our whole office is offline, the staff cannot reach any of our systems.' }],
    expect: { priority: 'HIGH', emergency: false, alert: false },
  },
  {
    id: 'guest-checkbox-trivial',
    title: 'A guest ticks emergency on a quick invoice question',
    covers: ['defect-5', 'emergencies'],
    customer: 'guest',
    steps: [{ say: 'quick question about my invoice', emergency: true }],
    expect: { priority: 'URGENT', emergency: true, alert: false },
  },
  {
    id: 'account-takeover',
    title: 'Grace’s account was taken over',
    covers: ['defect-5', 'emergencies'],
    customer: 'cust-grace',
    steps: [
      {
        say: 'Someone changed my password and email, I am locked out of my own account and I did not do this!',
        answer: { mentions: [/reset your password|secure your account/i] },
      },
    ],
    expect: { route: 'escalation', priority: 'URGENT', emergency: true, alert: true, status: 'ESCALATED' },
  },
  {
    id: 'fraud-unknown-charges',
    title: 'Kofi sees charges he never made',
    covers: ['defect-5', 'emergencies'],
    customer: 'cust-kofi',
    steps: [{ say: 'There are fraudulent charges on my card from your company that I never authorised.' }],
    expect: { priority: 'URGENT', emergency: true, alert: true, refunds: 0 },
  },
  {
    id: 'ordinary-normal',
    title: 'An ordinary question stays NORMAL',
    covers: ['defect-5'],
    customer: 'cust-ava',
    steps: [{ say: 'How do I change the name of my wifi network?' }],
    expect: { priority: 'NORMAL', emergency: false, alert: false },
  },
  {
    id: 'smoke-detector-not-emergency',
    title: 'A question about a smoke detector is not a fire',
    covers: ['defect-5', 'defect-8'],
    customer: 'cust-maya',
    steps: [{ say: 'Can I connect my smoke detector to the hub?' }],
    expect: { emergency: false, alert: false },
  },
];
