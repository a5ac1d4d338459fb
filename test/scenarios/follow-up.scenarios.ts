/** Scenarios: the new message's intent drives a follow-up's answer (defect 3). */
import type { Scenario } from '../../scripts/scenarios/scenario.js';

/** Thank-yous, a different question on the same case, "still broken". */
export const followUpScenarios: Scenario[] = [
  {
    id: 'thanks-after-invoices',
    title: 'Ava says thanks after her invoices were listed',
    covers: ['defect-3', 'follow-ups'],
    customer: 'cust-ava',
    steps: [
      { say: 'Can you show me my invoices?', answer: { mentions: ['INV-'] } },
      { say: 'thanks!', answer: { mentions: ['welcome'], notClaims: ['INV-', 'Here are your latest invoices'] } },
    ],
    expect: { agentMessages: 2, allAnswered: true },
  },
  {
    id: 'amber-light-on-billing-case',
    title: 'After an invoice question, Ava asks about the amber light',
    covers: ['defect-3', 'follow-ups', 'handoff'],
    customer: 'cust-ava',
    steps: [
      { say: 'Where can I find my latest invoice?' },
      {
        say: 'what about the amber light?',
        // The desk's triage gives the model the new subject; a scripted model cannot read it.
        answer: { mentions: [/amber/i], notClaims: ['Here are your latest invoices', 'INV-2026'], embeddedOnly: true },
      },
    ],
    expect: { allAnswered: true },
  },
  {
    id: 'still-drops-after-restart',
    title: 'The restart steps did not help',
    covers: ['defect-3', 'follow-ups'],
    customer: 'cust-maya',
    steps: [
      { say: 'My wifi keeps dropping every evening, what can I do?' },
      {
        say: 'I tried the restart steps and it still drops',
        answer: { mentions: [/human|operator|person/i], embeddedOnly: true },
      },
    ],
    expect: { allAnswered: true, agentMessages: 2 },
  },
  {
    id: 'invoice-then-pdf',
    title: 'A follow-up on the same topic stays on it',
    covers: ['follow-ups'],
    customer: 'cust-ben',
    steps: [
      { say: 'Where can I find my latest invoice?' },
      { say: 'And can I download it as a PDF?', answer: { mentions: ['PDF'] } },
    ],
    expect: { route: 'billing', allAnswered: true },
  },
  {
    id: 'billing-then-order-status',
    title: 'After a billing question, Isaac asks where his hub is',
    covers: ['defect-3', 'defect-4', 'follow-ups'],
    customer: 'cust-isaac',
    steps: [
      { say: 'How much does the Pro plan cost after my trial?' },
      {
        say: 'Also, where is my hub? I ordered it last week.',
        answer: { mentions: [/Order BW-\d+/], notClaims: ['BW-1001'] },
      },
    ],
    expect: { allAnswered: true },
  },
  {
    id: 'thanks-in-french',
    title: 'Chloé says merci after an answer',
    covers: ['defect-3', 'languages'],
    customer: 'cust-chloe',
    steps: [
      { say: 'Why is my subscription paused?' },
      { say: 'merci beaucoup !', answer: { notClaims: [/I can only help/i, 'Here are your'] } },
    ],
    expect: { allAnswered: true, agentMessages: 2 },
  },
];
