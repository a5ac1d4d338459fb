/** Scenarios: customers who write in French, German, Dutch or Spanish are helped, never refused (defect 2). */
import type { Scenario } from '../../scripts/scenarios/scenario.js';

const REFUSES = /I can only help with|can only help with your account/i;

/** The demo customers' languages. */
export const languageScenarios: Scenario[] = [
  {
    id: 'chloe-french-paused-subscription',
    title: 'Chloé asks in French why her subscription is paused',
    covers: ['defect-2', 'languages'],
    customer: 'cust-chloe',
    steps: [
      {
        say: 'Bonjour, mon abonnement est en pause depuis hier. Est-ce que le paiement a échoué ?',
        answer: { mentions: ['Bonjour Chloé', 'en anglais'], notClaims: [REFUSES] },
      },
    ],
    expect: { route: 'billing', status: 'WAITING_ON_CUSTOMER' },
  },
  {
    id: 'emma-german-login-503',
    title: 'Emma reports error 503 at login in German',
    covers: ['defect-2', 'languages'],
    customer: 'cust-emma',
    steps: [
      {
        say: 'Hallo, ich bekomme Fehler 503 beim Einloggen in die App. Was kann ich tun?',
        answer: { mentions: ['Hallo Emma', 'Englisch'], notClaims: [REFUSES] },
      },
    ],
    expect: { route: 'technical' },
  },
  {
    id: 'daan-dutch-invoice',
    title: 'Daan asks in Dutch for his invoice',
    covers: ['defect-2', 'languages'],
    customer: 'cust-daan',
    steps: [
      {
        say: 'Hallo, waar kan ik mijn laatste factuur vinden? Ik heb hem nodig voor mijn boekhouding.',
        answer: { mentions: ['Hallo Daan', 'Engels'], notClaims: [REFUSES] },
      },
    ],
    expect: { route: 'billing' },
  },
  {
    id: 'guest-spanish-wifi',
    title: 'A guest writes in Spanish that the wifi keeps dropping',
    covers: ['defect-2', 'languages', 'defect-8'],
    customer: 'guest',
    steps: [
      {
        say: 'Hola, el wifi se desconecta cada noche y tengo que reiniciar el router. ¿Qué puedo hacer?',
        answer: { mentions: ['Hola', 'inglés'], notClaims: [REFUSES, 'Hola Guest', 'Hi Guest'] },
      },
    ],
    expect: { route: 'technical' },
  },
  {
    id: 'chloe-french-smoke-emergency',
    title: 'Chloé writes in French that the hub smokes',
    covers: ['defect-2', 'defect-5', 'emergencies'],
    customer: 'cust-chloe',
    steps: [
      {
        say: 'Au secours, le hub fait de la fumée et sent le brûlé !',
        answer: { mentions: ['Bonjour Chloé', 'en priorité', 'unplug'], notClaims: [REFUSES] },
      },
    ],
    expect: { route: 'escalation', priority: 'URGENT', emergency: true, alert: true, status: 'ESCALATED' },
  },
  {
    id: 'emma-german-cancel',
    title: 'Emma asks in German how to cancel',
    covers: ['defect-2', 'languages'],
    customer: 'cust-emma',
    steps: [
      {
        say: 'Wie kann ich mein Abo kündigen? Ich brauche es nicht mehr.',
        answer: { mentions: ['Hallo Emma'], notClaims: [REFUSES, /cancelled your|has been cancelled/i] },
      },
    ],
    expect: { refunds: 0, actions: {} },
  },
];
