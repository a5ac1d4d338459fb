/** Scenarios: every part of a request answered (defect 7). */
import type { Scenario } from '../../scripts/scenarios/scenario.js';

/** Multi-part requests split on more than sentence ends, and quick follow-ups batched. */
export const partsScenarios: Scenario[] = [
  {
    id: 'complex-one-sentence',
    title: 'A COMPLEX request written as one sentence gets a part per topic',
    covers: ['defect-7', 'every-part'],
    customer: 'cust-ava',
    steps: [
      {
        say: 'Can you send me my latest invoice and also tell me why my hub keeps going offline every night',
        requestType: 'COMPLEX',
        answer: { sections: 2, mentions: ['INV-', /offline/i] },
      },
    ],
    expect: { allAnswered: true },
  },
  {
    id: 'semicolon-two-topics',
    title: 'Two requests joined by a semicolon',
    covers: ['defect-7', 'every-part'],
    customer: 'cust-ben',
    steps: [
      {
        say: 'Please show me my invoices for this year; my wifi also drops whenever the microwave is on',
        answer: { sections: 2, mentions: ['INV-', /wi-?fi|interference|channel/i] },
      },
    ],
    expect: { allAnswered: true },
  },
  {
    id: 'three-questions',
    title: 'Three questions get three answered parts',
    covers: ['defect-7', 'every-part'],
    customer: 'cust-isaac',
    steps: [
      {
        say: 'Where is my hub order? How do I reset my password? And what will my subscription cost after the trial?',
        answer: { sections: 3, mentions: [/Order BW-\d+/, /password/i, /trial|plan/i] },
      },
    ],
    expect: { allAnswered: true },
  },
  {
    id: 'three-billing-questions',
    title: 'Three billing questions on different subjects get three answered parts',
    covers: ['defect-7', 'every-part'],
    customer: 'cust-ben',
    steps: [
      {
        say: 'How do I download my invoices? Which card do you have on file for me? Can I switch to annual billing?',
        answer: { sections: 3, mentions: ['INV-', /card|payment method/i, /annual/i] },
      },
    ],
    expect: { allAnswered: true, refunds: 0, actions: {} },
  },
  {
    id: 'charge-and-refund-one-part',
    title: 'A charge question and its refund are one subject: one part, one proposal',
    covers: ['defect-7', 'defect-1'],
    customer: 'cust-oliver',
    steps: [
      {
        say: 'Why was I charged twice for my Plus renewal? Can I get a refund of the extra one?',
        answer: { sections: 0, mentions: ['Shall I refund £19.00'] },
      },
    ],
    expect: { refunds: 0, actions: { PENDING: 1 } },
  },
  {
    id: 'numbered-list',
    title: 'A numbered list of questions gets a part per item',
    covers: ['defect-7', 'every-part'],
    customer: 'cust-ava',
    steps: [
      {
        say: 'I have a few questions: 1) where can I download my invoices 2) how do I update the hub firmware 3) when will my extenders arrive',
        answer: { sections: 3, mentions: [/invoice/i, /firmware/i, /Order BW-\d+/] },
      },
    ],
    expect: { allAnswered: true },
  },
  {
    id: 'question-marks-one-sentence',
    title: 'Two questions in one sentence, split on the question mark',
    covers: ['defect-7', 'every-part'],
    customer: 'cust-maya',
    steps: [
      {
        say: 'how do I change my payment card? and why is the hub light blinking red',
        answer: { sections: 2, mentions: [/card|payment method/i, /red/i] },
      },
    ],
    expect: { allAnswered: true },
  },
  {
    id: 'burst-follow-ups',
    title: 'Quick follow-ups sent while an answer runs are answered, each part',
    covers: ['defect-7', 'every-part', 'batching'],
    customer: 'cust-ava',
    steps: [
      { say: 'Where can I find my invoices?' },
      {
        burst: [
          'how do I update my payment card?',
          'also when will my extenders arrive?',
          'and how do I reset my password?',
        ],
        answer: { mentions: [/card|payment method/i, /Order BW-\d+/, /password/i] },
      },
    ],
    expect: { allAnswered: true },
  },
  {
    id: 'five-quick-follow-ups',
    title: 'Five quick messages in a row: each subject is answered, not only the last',
    covers: ['defect-7', 'every-part', 'batching'],
    customer: 'cust-maya',
    steps: [
      {
        burst: [
          'hi, a few things',
          'where can I download my invoices?',
          'how do I update the hub firmware?',
          'and how do I reset my password?',
          'also when will my order arrive?',
        ],
        answer: { mentions: [/invoice/i, /firmware/i, /password/i, /order/i] },
      },
    ],
    expect: { allAnswered: true },
  },
  {
    id: 'single-question-single-part',
    title: 'One question stays one answer (no needless crew)',
    covers: ['defect-7'],
    customer: 'cust-ava',
    steps: [
      { say: 'Can you show me my invoices? I need them for my taxes.', answer: { sections: 0, mentions: ['INV-'] } },
    ],
    expect: { allAnswered: true },
  },
  {
    id: 'billing-and-technical-sentences',
    title: 'A billing and a technical sentence get two agents',
    covers: ['defect-7', 'every-part'],
    customer: 'cust-oliver',
    steps: [
      {
        say: 'I was charged twice for my Plus renewal. Separately, the app shows error BW-2001 every time I open it.',
        answer: { sections: 2, mentions: ['BW-2001', 'Shall I refund'] },
      },
    ],
    expect: { refunds: 0, actions: { PENDING: 1 } },
  },
];
