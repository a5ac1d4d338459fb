/**
 * Triage: classifies a request, applies escalation signals and the low-confidence rule, and
 * splits a message that asks for several things into parts for a crew.
 */
import { readFileSync } from 'node:fs';
import { detectLanguage, type Language } from '../../language.js';
import { type Classification, IntentClassifier, type ModelFile } from './classifier.js';
import { detectSignals, type Signal } from './signals.js';
import { topicOf } from './topics.js';

export type RouteName = 'billing' | 'technical' | 'escalation' | 'general';
type RoutingMethod = 'CLASSIFIER' | 'EXPLICIT' | 'RULE' | 'LOW_CONFIDENCE' | 'FOLLOW_UP' | 'LLM';

/** One route's score. */
interface RouteScore {
  route: RouteName;
  score: number;
}

/** A part of a multi-part request, for one agent of a crew. */
export interface RoutingPart {
  route: RouteName;
  intent: string;
  confidence: number;
  text: string;
}

/** The router's verdict on a request. */
export interface RoutingDecision {
  route: RouteName;
  intent: string;
  confidence: number;
  scores: RouteScore[];
  reason: string;
  method: RoutingMethod;
  signals: Signal[];
  emergency: boolean;
  /** HIGH for legal and churn threats, URGENT for emergencies, else undefined. */
  priority?: 'HIGH' | 'URGENT';
  /** Whether nobody should trust the automatic route (low confidence with a human fallback). */
  needsHuman: boolean;
  /** Two or more parts when the request spans several routes. */
  parts: RoutingPart[];
  /** The language the customer wrote in (English when unsure). */
  language: Language;
}

/** Router settings. */
export interface RouterOptions {
  confidenceThreshold: number;
  lowConfidenceRoute: 'general' | 'human';
}

const SMALL_INTENTS = new Set(['small_talk', 'out_of_scope']);
/** Intents that are emergencies when the classifier is confident of them. */
const EMERGENCY_INTENTS = new Set(['safety', 'account_takeover_fraud']);
const SPLIT_MIN_CONFIDENCE = 0.7;
const COURTESY = /^\s*(?:please|pls|kindly)\b[,\s]*/i;
const QUESTION = /\?\s*$|^(?:how|what|why|where|when|which|who|can|could|do|does|did|is|are|will|would)\b/i;

/** Loads the shipped (or a company's) model file. */
export function loadClassifier(path: string): IntentClassifier {
  return IntentClassifier.fromJSON(JSON.parse(readFileSync(path, 'utf8')) as ModelFile);
}

// Inner joins that start a new request: "..., and also ...", "...; ...", "another thing: ...", a
// question mark followed by more ("...card? and why ..."), and the items of a numbered list.
const INNER_JOINS =
  /[,;]?\s*\band also\b[,:]?\s*|[,;]\s*also,\s*|\s*;\s+|(?<=\?)\s+|\banother thing[:,]?\s*|\bseparately,\s*|\bon top of that,?\s*|\bp\.s\.?\s*|(?:^|\s+)(?:\(?\d{1,2}[).:]|[-•*])\s+(?=\p{L})/iu;
// Words that only join a segment to the one before ("And how do I…", "Also, where…").
const LEADING_JOIN = /^(?:and|also|plus|oh and|and also|then|finally|lastly)\b[,:]?\s*/i;

/** Splits a text into sentence-like segments, also on "and also", ";", a mid-sentence "?" and numbered items. */
export function segments(text: string): string[] {
  const seg = new Intl.Segmenter('en', { granularity: 'sentence' });
  const out: string[] = [];
  for (const { segment } of seg.segment(text)) {
    for (const piece of segment.split(INNER_JOINS)) {
      const p = piece?.trim().replace(LEADING_JOIN, '');
      // A lead-in such as "I have a few questions:" says nothing of its own.
      if (p && !/^[^.?!]{0,60}:$/.test(p)) out.push(p);
      else if (p && out.length === 0) out.push(p);
    }
  }
  return out;
}

/** The desk's router. */
export class Router {
  constructor(
    readonly classifier: IntentClassifier,
    private readonly opts: RouterOptions,
  ) {}

  /** Classifies a text without rules (for evaluation and tools). */
  classify(text: string): Classification {
    return this.classifier.classify(text);
  }

  /** Full triage of a request. */
  route(text: string): RoutingDecision {
    // A closing "Please sort this out." urges; it does not say what the request is about.
    const segs = segments(text);
    const about = segs.filter((x) => !isBareDemand(x));
    // A leading "please" says nothing of the subject ("Please downgrade me…" is no payment dispute).
    const c = this.classifier.classify(
      (about.length && about.length < segs.length ? about.join(' ') : text).replace(COURTESY, ''),
    );
    const signals = detectSignals(text);
    const scores = toScores(c.routeScores);
    const emergency = signals.some((s) => s.emergency);
    const { language } = detectLanguage(text);
    const base = { scores, signals, emergency, needsHuman: false, parts: [] as RoutingPart[], language };
    if (signals.length > 0) {
      return {
        ...base,
        route: 'escalation',
        intent: c.route === 'escalation' ? c.intent : signals[0].kind,
        confidence: Math.max(c.routeScores.escalation ?? 0, 0.95),
        reason: `escalation signal: ${signals.map((s) => `${s.kind} ("${s.match}")`).join(', ')}`,
        method: 'RULE',
        priority: emergency ? 'URGENT' : 'HIGH',
        parts: this.split(text, 'escalation'),
      };
    }
    if (c.confidence < this.opts.confidenceThreshold || c.coverage < 0.25) {
      // Words the model does not know mean "off topic" in English, but in another language they
      // may only be words the corpus lacks: such a request is unclear, never refused.
      const outOfDomain = c.coverage < 0.25 && language === 'en';
      const intent = outOfDomain
        ? 'out_of_scope'
        : language !== 'en' && SMALL_INTENTS.has(c.intent)
          ? 'unclear'
          : c.intent;
      return {
        ...base,
        route: 'general',
        intent,
        confidence: c.confidence,
        reason: outOfDomain
          ? `out of domain: the model knows ${(c.coverage * 100).toFixed(0)}% of the words`
          : `low confidence (${c.confidence.toFixed(2)} < ${this.opts.confidenceThreshold}) for ${c.route}/${c.intent}${language === 'en' ? '' : ` (language: ${language})`}`,
        method: 'LOW_CONFIDENCE',
        needsHuman: this.opts.lowConfidenceRoute === 'human',
      };
    }
    // A safety hazard or a takeover the rules' wording missed is still an emergency.
    const classifiedEmergency = EMERGENCY_INTENTS.has(c.intent);
    return {
      ...base,
      ...(classifiedEmergency ? { emergency: true, priority: 'URGENT' as const } : {}),
      route: c.route as RouteName,
      intent: c.intent,
      confidence: c.confidence,
      reason: SMALL_INTENTS.has(c.intent)
        ? `${c.intent.replace('_', ' ')}: handled by the general agent`
        : `classified as ${c.route}/${c.intent} (${c.confidence.toFixed(2)})`,
      method: 'CLASSIFIER',
      parts: this.split(text, c.route as RouteName),
    };
  }

  /**
   * Finds the parts of a request: one per route, and one per separate question on its own subject.
   * Returns [] for a single-part request; each part must be confidently classified on its own.
   */
  split(text: string, mainRoute: RouteName): RoutingPart[] {
    const segs = segments(text);
    if (segs.length < 2) return [];
    // A part per route; on one route, separate questions on different subjects are separate parts
    // ("How do I download my invoices? Which card is on file?"), so that each gets its answer.
    const byKey = new Map<
      string,
      { route: RouteName; texts: string[]; intent: string; confidence: number; question: boolean }
    >();
    // The texts of the part the last strong segment went to.
    let current: string[] | null = null;
    const pending: string[] = [];
    for (const s of segs) {
      const c = this.classifier.classify(s);
      const strong =
        !SMALL_INTENTS.has(c.intent) &&
        c.confidence >= SPLIT_MIN_CONFIDENCE &&
        s.split(/\s+/).length >= 4 &&
        !isBareDemand(s);
      const sig = detectSignals(s);
      const question = QUESTION.test(s) && !isBareDemand(s);
      // A question the classifier is unsure of, whose subject belongs to one team, is its own part.
      const topic = !strong && !sig.length && s.split(/\s+/).length >= 4 && question ? topicOf(s) : null;
      const route: RouteName | null = sig.length
        ? 'escalation'
        : strong
          ? (c.route as RouteName)
          : (topic?.route ?? null);
      if (route === null) {
        // A weak segment (greeting, detail, sign-off) joins the part it follows.
        if (current) current.push(s);
        else pending.push(s);
        continue;
      }
      const intent = c.route === route ? c.intent : (sig[0]?.kind ?? topic?.intent ?? c.intent);
      let key: string = route;
      const same = byKey.get(route);
      if (same && question && same.question && strong && !sameSubject(same.intent, intent)) {
        key = `${route}:${intent}`;
      }
      const entry = byKey.get(key);
      if (entry) {
        entry.texts.push(s);
        if (c.confidence > entry.confidence && c.route === route && key === route)
          Object.assign(entry, { intent: c.intent, confidence: c.confidence });
        current = entry.texts;
      } else {
        const texts = [...pending.splice(0), s];
        byKey.set(key, { route, texts, intent, confidence: c.confidence, question });
        current = texts;
      }
    }
    if (byKey.size < 2) return [];
    const parts = [...byKey.values()].map((e) => ({
      route: e.route,
      intent: e.intent,
      confidence: e.confidence,
      text: e.texts.join(' '),
    }));
    // The main route answers first.
    return parts.sort((a, b) => Number(a.route !== mainRoute) - Number(b.route !== mainRoute));
  }
}

// Intents that are one subject: a charge, its dispute and its refund are answered together.
const MONEY_INTENTS = new Set(['refund', 'billing_dispute', 'payment_failed', 'invoice', 'cancellation_fee']);

/** Whether two intents of one route are the same subject (so their questions form one part). */
function sameSubject(a: string, b: string): boolean {
  return a === b || (MONEY_INTENTS.has(a) && MONEY_INTENTS.has(b));
}

// Words that urge without saying what about ("Please sort this out.", "Can you fix it asap?").
const DEMAND_WORDS = new Set(
  'please pls kindly can could would will you u just sort sorted out fix fixed resolve resolved deal with look into at this it that these them asap now today immediately urgently quickly soon as possible right away get me help thanks thank in advance and sure make'.split(
    ' ',
  ),
);

/** Whether a sentence only urges (no subject of its own), so it belongs to the part it follows. */
function isBareDemand(s: string): boolean {
  const ws = s.toLowerCase().match(/[a-z']+/g) ?? [];
  return ws.length > 0 && ws.every((w) => DEMAND_WORDS.has(w));
}

function toScores(routeScores: Record<string, number>): RouteScore[] {
  return Object.entries(routeScores)
    .map(([route, score]) => ({ route: route as RouteName, score: Math.round(score * 1e4) / 1e4 }))
    .sort((a, b) => b.score - a.score);
}
