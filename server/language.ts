/**
 * The language a customer writes in, detected with tinyld among the languages the desk's
 * customers use. Short texts are ambiguous (product words are English in every language), so a
 * non-English verdict needs either a confident detector or the language's own function words.
 */
import { createRequire } from 'node:module';

/** tinyld and its language tables, loaded when a text first needs them (most are plainly English). */
let tinyld: typeof import('tinyld') | undefined;
const detectAll: typeof import('tinyld').detectAll = (text, opts) => {
  tinyld ??= createRequire(import.meta.url)('tinyld') as typeof import('tinyld');
  return tinyld.detectAll(text, opts);
};

/** The languages the desk recognises; anything else counts as English. */
const LANGUAGES = ['en', 'fr', 'de', 'nl', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

// Small words that belong to one language and are not English words (or common loan words).
const FUNCTION_WORDS: Record<Exclude<Language, 'en'>, Set<string>> = {
  fr: new Set(
    'le les un une des du au aux mon mes ton votre vos notre nos je tu il elle nous vous ils est sont suis ai avez avons pas ne avec dans sur mais ou et que qui quoi comment pourquoi quand bonjour merci depuis cette ce ces aussi tres deja encore toujours rien'.split(
      ' ',
    ),
  ),
  de: new Set(
    'der das den dem des ein eine einen einem einer ich du er sie wir ihr mein meine meinen mir mich nicht kein keine ist sind habe haben und oder aber mit beim bei von vom zum zur auf fur ist wie warum wann seit noch schon immer hallo danke bitte geht funktioniert'.split(
      ' ',
    ),
  ),
  nl: new Set(
    'de het een ik jij je hij zij wij mijn mij niet geen zijn heb heeft hebben en maar met bij voor op naar hoe waarom wanneer sinds nog altijd hallo bedankt alstublieft werkt kan kunt wil'.split(
      ' ',
    ),
  ),
  es: new Set(
    'el la los las un una unos mi mis tu su yo nosotros usted es soy estoy esta han y o pero por para en que como porque cuando desde todavia siempre hola gracias favor funciona puedo quiero'.split(
      ' ',
    ),
  ),
};

const ENGLISH_WORDS = new Set(
  'the a an to of and or is are was i my me you your we our it this that do does did can could how what when where why have has had not with for from on in at be am will would please hi hello thanks'.split(
    ' ',
  ),
);

const OTHERS = LANGUAGES.filter((l): l is Exclude<Language, 'en'> => l !== 'en');

/** What detection found: the language and how sure tinyld was (0..1; 1 when the words alone decided). */
export interface DetectedLanguage {
  language: Language;
  confidence: number;
}

/** Detects the language of a customer's text (English when unsure). */
export function detectLanguage(text: string): DetectedLanguage {
  // References, codes and numbers say nothing about the language.
  const clean = text.replace(/\b[A-Z]{2,4}-[\w-]+\b|\S+@\S+|\d[\d.,:/-]*/g, ' ');
  const words =
    clean
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .match(/\p{L}+/gu) ?? [];
  if (words.length === 0) return { language: 'en', confidence: 0 };
  // More English small words than any other language's: English whatever tinyld would say (see below).
  const englishWords = words.filter((w) => ENGLISH_WORDS.has(w)).length;
  const mostOwn = Math.max(...OTHERS.map((l) => words.filter((w) => FUNCTION_WORDS[l].has(w)).length));
  if (englishWords > mostOwn) return { language: 'en', confidence: 1 };
  const ranked = detectAll(clean, { only: [...LANGUAGES] });
  const top = ranked[0];
  if (!top || top.lang === 'en') return { language: 'en', confidence: top?.accuracy ?? 0 };
  const lang = top.lang as Exclude<Language, 'en'>;
  const english = ranked.find((r) => r.lang === 'en')?.accuracy ?? 0;
  const own = words.filter((w) => FUNCTION_WORDS[lang].has(w)).length;
  // English with a typo or a loan word is still English; otherwise a confident detector on two
  // words or more, or the language's own small words, decide.
  if (englishWords > own) return { language: 'en', confidence: english };
  if ((top.accuracy >= 0.5 && words.length >= 2) || (own >= 1 && top.accuracy > english))
    return { language: lang, confidence: top.accuracy };
  return { language: 'en', confidence: english };
}
