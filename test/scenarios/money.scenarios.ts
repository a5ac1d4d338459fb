/** Scenarios: money moves only with cause and consent (defect 1, actions with consent). */
import type { Scenario } from '../../scripts/scenarios/scenario.js';

const CLAIMS_REFUND_DONE =
  /I[’']ve (?:issued a |sent the |made the )?refund|(?<!Nothing )has been refunded|refund (?:is|was) (?:done|issued|on its way)/i;

/** Refunds, duplicates, hardware, review and the customer's yes or no. */
export const moneyScenarios: Scenario[] = [
  {
    id: 'emma-no-duplicate',
    title: 'Emma thinks her 39 euro Pro plan was charged twice',
    covers: ['defect-1', 'consent'],
    customer: 'cust-emma',
    steps: [
      {
        say: 'I think I was charged twice for my Pro plan this month (39 euros). Can you check, and if so refund the extra charge?',
        answer: { mentions: ['found no duplicate charge'], notClaims: [CLAIMS_REFUND_DONE, 'Shall I refund'] },
      },
    ],
    expect: { refunds: 0, actions: {}, route: 'billing' },
  },
  {
    id: 'daan-hub-charged-twice',
    title: 'Daan asks whether his hub was charged twice',
    covers: ['defect-1', 'policy'],
    customer: 'cust-daan',
    steps: [
      {
        say: 'Was I charged twice for my hub? If yes please refund the duplicate, otherwise just tell me.',
        answer: {
          mentions: ['found no duplicate charge', 'hardware is refunded through a return'],
          notClaims: [CLAIMS_REFUND_DONE, 'Shall I refund'],
        },
      },
    ],
    expect: { refunds: 0, actions: {} },
  },
  {
    id: 'daan-hub-refund-is-a-return',
    title: 'Daan wants his money back for the hub',
    covers: ['defect-1', 'policy'],
    customer: 'cust-daan',
    steps: [
      {
        say: 'I want a refund for my hub please, I do not need it anymore.',
        answer: {
          mentions: ['refunded through a return', 'Return items'],
          notClaims: ['Shall I refund', CLAIMS_REFUND_DONE],
        },
      },
    ],
    expect: { refunds: 0, actions: {} },
  },
  {
    id: 'ava-last-payment-proposed',
    title: 'Ava asks for a refund of her last payment and does not answer yet',
    covers: ['defect-1', 'consent'],
    customer: 'cust-ava',
    steps: [
      {
        say: 'I want a refund of my last payment please',
        answer: {
          mentions: ['Shall I refund $19.00', 'Nothing has been refunded yet'],
          notClaims: [CLAIMS_REFUND_DONE],
        },
      },
    ],
    expect: { refunds: 0, actions: { PENDING: 1 }, status: 'WAITING_ON_CUSTOMER' },
  },
  {
    id: 'ava-last-payment-confirmed',
    title: 'Ava says yes to the proposed refund',
    covers: ['consent'],
    customer: 'cust-ava',
    steps: [{ say: 'Please refund my last payment.' }, { confirm: 'last' }],
    expect: { refunds: 1, actions: { EXECUTED: 1 } },
  },
  {
    id: 'ava-last-payment-declined',
    title: 'Ava changes her mind and says no',
    covers: ['consent'],
    customer: 'cust-ava',
    steps: [{ say: 'Can I get my last payment refunded?' }, { decline: 'last' }],
    expect: { refunds: 0, actions: { DECLINED: 1 } },
  },
  {
    id: 'oliver-real-duplicate-proposed',
    title: 'Oliver was really charged twice for his Plus renewal',
    covers: ['defect-1', 'consent'],
    customer: 'cust-oliver',
    steps: [
      {
        say: 'I was charged twice for my Plus renewal, please refund the duplicate charge.',
        answer: {
          mentions: [/a duplicate of payment pay_\w+/, 'Shall I refund £19.00'],
          notClaims: [CLAIMS_REFUND_DONE],
        },
      },
    ],
    expect: { refunds: 0, actions: { PENDING: 1 } },
  },
  {
    id: 'oliver-duplicate-confirmed',
    title: 'Oliver says yes to the refund of the duplicate',
    covers: ['consent'],
    customer: 'cust-oliver',
    steps: [{ say: 'You charged me twice for Plus this month. Refund the double charge please.' }, { confirm: 'last' }],
    expect: { refunds: 1, actions: { EXECUTED: 1 } },
  },
  {
    id: 'oliver-duplicate-declined',
    title: 'Oliver declines the refund of the duplicate',
    covers: ['consent'],
    customer: 'cust-oliver',
    steps: [{ say: 'I see two identical charges for my Plus plan, please refund one of them.' }, { decline: 'last' }],
    expect: { refunds: 0, actions: { DECLINED: 1 } },
  },
  {
    id: 'harper-big-refund-review',
    title: 'Harper asks for a $990 refund, which needs a specialist',
    covers: ['consent', 'review'],
    customer: 'cust-harper',
    steps: [
      {
        say: 'I want a refund of invoice INV-2026-0134 please.',
        answer: {
          mentions: ['Shall I send the refund of $990.00 to them for review'],
          notClaims: [CLAIMS_REFUND_DONE],
        },
      },
      { confirm: 'last' },
    ],
    expect: { refunds: 0, actions: { IN_REVIEW: 1 } },
  },
  {
    id: 'grace-old-renewal',
    title: 'Grace asks again for a refund of an old renewal',
    covers: ['defect-1', 'policy'],
    customer: 'cust-grace',
    steps: [
      {
        say: 'Please refund my Starter renewal from last year.',
        answer: { notClaims: [CLAIMS_REFUND_DONE] },
      },
    ],
    expect: { refunds: 0, actions: { PENDING: 0 } },
  },
  {
    id: 'ava-refund-first-message-not-auto',
    title: 'A first-message refund request is never carried out without a yes',
    covers: ['defect-1', 'consent'],
    customer: 'cust-ava',
    steps: [
      {
        say: 'Refund my last payment now, just do it, no questions.',
        answer: { notClaims: [CLAIMS_REFUND_DONE] },
      },
    ],
    expect: { refunds: 0, actions: { PENDING: 1 } },
  },
  {
    id: 'guest-refund-nothing-to-refund',
    title: 'A guest asks for a refund without an account',
    covers: ['defect-1', 'defect-8'],
    customer: 'guest',
    steps: [
      {
        say: 'I want a refund of my last payment please',
        answer: { notClaims: [CLAIMS_REFUND_DONE, 'Hi Guest', 'Shall I refund'] },
      },
    ],
    expect: { refunds: 0, actions: {} },
  },
  {
    id: 'ben-renewal-refund-outside-window',
    title: 'Ben wants his annual renewal (40 days ago) back',
    covers: ['policy', 'review'],
    customer: 'cust-ben',
    steps: [
      {
        say: 'Please refund my Pro annual renewal, I would rather pay monthly.',
        answer: { notClaims: [CLAIMS_REFUND_DONE] },
      },
    ],
    expect: { refunds: 0, actions: { CONFIRMED: 0, EXECUTED: 0 } },
  },
  {
    id: 'kofi-failed-payment-no-refund',
    title: 'Kofi asks why his renewal failed',
    covers: ['defect-1'],
    customer: 'cust-kofi',
    steps: [
      {
        say: 'My renewal payment failed, why did it not go through?',
        answer: { mentions: [/failed payment|expired/i], notClaims: [CLAIMS_REFUND_DONE] },
      },
    ],
    expect: { refunds: 0, actions: {}, route: 'billing' },
  },
  {
    id: 'ava-refund-status-question',
    title: 'Ava asks where her refund is, which moves no money',
    covers: ['defect-1'],
    customer: 'cust-ava',
    steps: [{ say: 'What is the status of my refund?', answer: { notClaims: [CLAIMS_REFUND_DONE, 'Shall I refund'] } }],
    expect: { refunds: 0, actions: {} },
  },
];
