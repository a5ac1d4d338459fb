/** Scenarios: long formal e-mails and one- to four-word questions reach the right team (defect 9, short questions). */
import type { Scenario } from '../../scripts/scenarios/scenario.js';

const REFUSES = /I can only help with|can only help with your account/i;

/** Routing of long business e-mails and of very short questions. */
export const routingScenarios: Scenario[] = [
  {
    id: 'formal-email-app-crash',
    title: 'Ben writes a long formal e-mail about the app crashing since an update',
    covers: ['defect-9'],
    customer: 'cust-ben',
    steps: [
      {
        say: `Dear Customer Support Team,

I am writing to report a persistent problem with your mobile application. Since the update installed on Monday, the app closes a few seconds after it starts, before the dashboard has loaded. I have restarted my phone, reinstalled the application and signed in again, unfortunately without any improvement.

Could you please look into this and let me know whether a fix is planned? I would appreciate your prompt assistance.

Kind regards,
Ben Carter`,
        answer: { notClaims: [REFUSES] },
      },
    ],
    expect: { route: 'technical', refunds: 0, actions: {} },
  },
  {
    id: 'formal-email-invoice-query',
    title: 'Ava asks in a formal e-mail why her latest invoice is higher than expected',
    covers: ['defect-9', 'defect-1'],
    customer: 'cust-ava',
    steps: [
      {
        say: `Good afternoon,

I am reaching out regarding the most recent invoice for our subscription. The amount is higher than we expected and I could not find an explanation in the account overview. Could you provide a breakdown of the charges and let me know whether an error has occurred?

Thank you for your time.

Best regards,
Ava Thompson`,
        answer: { notClaims: [REFUSES] },
      },
    ],
    expect: { route: 'billing', refunds: 0 },
  },
  {
    id: 'formal-german-platform-down',
    title: 'Emma writes a formal German e-mail: nothing can be reached since the morning',
    covers: ['defect-9', 'defect-2', 'languages'],
    customer: 'cust-emma',
    steps: [
      {
        say: `Sehr geehrte Damen und Herren,

seit heute Morgen ist die App bei uns nicht mehr erreichbar, die Anmeldung lädt nicht und im Büro funktioniert das WLAN nur noch sporadisch. Wir haben den Hub bereits neu gestartet, leider ohne Erfolg.

Könnten Sie das bitte prüfen?

Mit freundlichen Grüßen
Emma Schneider`,
        answer: { mentions: ['Hallo Emma', 'Englisch'], notClaims: [REFUSES] },
      },
    ],
    expect: { route: 'technical' },
  },
  {
    id: 'short-refund-question',
    title: 'Oliver writes only "refund?"',
    covers: ['short-questions', 'defect-1'],
    customer: 'cust-oliver',
    steps: [{ say: 'refund?', answer: { notClaims: [REFUSES, /\bhas been refunded\b/i] } }],
    expect: { route: 'billing', refunds: 0 },
  },
  {
    id: 'short-pricing-question',
    title: 'A guest writes only "pricing?"',
    covers: ['short-questions'],
    customer: 'guest',
    steps: [{ say: 'pricing?', answer: { notClaims: [REFUSES] } }],
    expect: { route: 'billing', priority: 'NORMAL' },
  },
  {
    id: 'short-laggy',
    title: 'Chloé writes only "so laggy today"',
    covers: ['short-questions'],
    customer: 'cust-chloe',
    steps: [{ say: 'so laggy today', answer: { notClaims: [REFUSES] } }],
    expect: { route: 'technical', priority: 'NORMAL' },
  },
];
