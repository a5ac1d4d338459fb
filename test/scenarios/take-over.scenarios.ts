/** Scenarios: a human takes over and hands back (defect 6). */
import type { Scenario } from '../../scripts/scenarios/scenario.js';

/** Take over during an answer, hand back with a message waiting. */
export const takeOverScenarios: Scenario[] = [
  {
    id: 'take-over-mid-answer',
    title: 'Maria takes Ava’s case over while the AI is answering',
    covers: ['defect-6', 'take-over'],
    customer: 'cust-ava',
    steps: [{ say: 'My wifi keeps dropping every evening, what can I do?', assignWhileAnswering: 'maria' }],
    expect: { assignee: 'maria', incompleteAnswers: 1 },
  },
  {
    id: 'hand-back-answers-waiting-message',
    title: 'Ava writes while Maria owns the case; handing back answers it',
    covers: ['defect-6', 'take-over'],
    customer: 'cust-ava',
    steps: [
      { say: 'Where can I find my latest invoice?' },
      { assign: 'maria' },
      { say: 'And can I get it as a PDF?' },
      { assign: null },
    ],
    expect: { assignee: null, allAnswered: true, agentMessages: 2 },
  },
  {
    id: 'assigned-case-ai-silent',
    title: 'While a human owns the case, the AI does not answer',
    covers: ['defect-6', 'take-over'],
    customer: 'cust-ben',
    steps: [{ say: 'What plan am I on?' }, { assign: 'maria' }, { say: 'Hello? Anyone there?' }],
    expect: { assignee: 'maria', agentMessages: 1 },
  },
];
