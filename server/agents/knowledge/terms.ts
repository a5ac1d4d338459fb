/**
 * How the knowledge base reads words: accents folded, a light English stemmer (plural, -ing,
 * -ed), stop words in the customers' languages, and a glossary that maps everyday and non-English
 * words onto the words the help articles use.
 */

const STOP = new Set(
  [
    // English
    'a an the and or but of to in on at for with is are was were be been i my me you your we our it this that do does did can could how what when where why which who please hi hello thanks there have has had not no yes get got want need would like im its',
    // French, German, Dutch, Spanish
    'le la les un une des du de mon ma mes est et je vous il elle pour pas ne que qui ou au aux en sur avec puis',
    'der die das den dem ein eine ich mein meine meinen ist und nicht wie wo wann mit zu von im',
    'het een ik mijn is en niet hoe waar wanneer met van op te',
    'el los las mi mis es y no que como donde cuando con por para se me',
  ]
    .join(' ')
    .split(' '),
);

// Everyday or non-English word -> words the articles use. Keys are folded (lower case, no accents).
const GLOSSARY: Record<string, string[]> = {
  // English paraphrases
  receipt: ['invoice'],
  receipts: ['invoice'],
  bill: ['invoice'],
  debit: ['charge'],
  debits: ['charge'],
  terminate: ['cancel'],
  contract: ['subscription'],
  rate: ['feedback', 'review'],
  suggest: ['feedback', 'suggestion'],
  improvement: ['feedback', 'suggestion'],
  swollen: ['swelling', 'safety'],
  difference: ['compare'],
  parcel: ['order', 'tracking'],
  package: ['order', 'tracking'],
  logged: ['session'],
  wifi: ['wi-fi'],
  // French
  facture: ['invoice'],
  factures: ['invoice'],
  commande: ['order'],
  colis: ['parcel', 'order'],
  livraison: ['delivery'],
  paiement: ['payment'],
  echoue: ['failed'],
  abonnement: ['subscription'],
  remboursement: ['refund'],
  rembourse: ['refund'],
  passe: ['password'],
  oublie: ['forgot'],
  telecharger: ['download'],
  lent: ['slow'],
  connexion: ['connection', 'sign in'],
  resilier: ['cancel'],
  garantie: ['warranty'],
  renvoyer: ['return'],
  // German
  bestellung: ['order'],
  rechnung: ['invoice'],
  passwort: ['password'],
  vergessen: ['forgot'],
  kundigen: ['cancel'],
  abo: ['subscription'],
  einloggen: ['sign in', 'login'],
  anmelden: ['sign in'],
  sitzung: ['session'],
  abgelaufen: ['expired'],
  wlan: ['wi-fi'],
  langsam: ['slow'],
  zahlung: ['payment'],
  fehlgeschlagen: ['failed'],
  erstattung: ['refund'],
  ruckerstattung: ['refund'],
  zuruckschicken: ['return'],
  bricht: ['drops'],
  // Dutch
  bestelling: ['order'],
  factuur: ['invoice'],
  wachtwoord: ['password'],
  vergeten: ['forgot'],
  downloaden: ['download'],
  terugsturen: ['return'],
  terug: ['return'],
  opzeggen: ['cancel'],
  terugbetaling: ['refund'],
  betaling: ['payment'],
  mislukt: ['failed'],
  traag: ['slow'],
  // Spanish
  pedido: ['order'],
  factura: ['invoice'],
  contrasena: ['password'],
  olvidado: ['forgot'],
  reembolso: ['refund'],
  reembolsos: ['refund', 'policy'],
  politica: ['policy'],
  cobrado: ['charged'],
  pago: ['payment'],
  devolver: ['return'],
  lento: ['slow'],
  cancelar: ['cancel'],
};

// Whole phrases that say more than their words: asking where a product is means its delivery.
const PHRASES: [RegExp, string[]][] = [
  [
    /\bwhere(?:'s| is| are) my (?:new )?(?:hub|extenders?|parcel|package|order|device|delivery|adapter)\b/i,
    ['track', 'order'],
  ],
  [/\b(?:o[uù] est|wo ist|waar is|d[oó]nde est[aá])\b/i, ['track', 'where']],
  [/\bmot de passe\b/i, ['password']],
  [/\bdos veces\b|\bdeux fois\b|\bzweimal\b|\btwee keer\b/i, ['twice', 'duplicate']],
];

/** Lower case without accents. */
function fold(term: string): string {
  return term
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** A light English stemmer: "charges" -> "charg", "pairing" -> "pair", "failed" -> "fail". */
function stem(term: string): string {
  const t = term.replace(/'s$/, '');
  if (t.length <= 4) return t;
  for (const [suffix, min] of [
    ['ings', 4],
    ['ing', 4],
    ['ied', 3],
    ['ies', 3],
    ['ed', 4],
    ['es', 4],
    ['s', 4],
  ] as const) {
    if (t.endsWith(suffix) && t.length - suffix.length >= min && !t.endsWith('ss')) {
      const base = t.slice(0, -suffix.length);
      return suffix === 'ied' || suffix === 'ies' ? `${base}y` : base.replace(/e$/, '');
    }
  }
  return t.replace(/e$/, '');
}

/** An indexed term: folded, stemmed, or dropped when it is a stop word. */
export function indexTerm(term: string): string | null {
  const t = fold(term);
  return STOP.has(t) ? null : stem(t);
}

/** A query term with the article words it stands for. */
export function queryTerms(term: string): string[] | null {
  const t = fold(term);
  const extra = GLOSSARY[t] ?? [];
  if (STOP.has(t) && extra.length === 0) return null;
  const out = new Set<string>();
  if (!STOP.has(t)) out.add(stem(t));
  for (const e of extra) for (const w of e.split(/\s+/)) out.add(stem(w));
  return [...out];
}

/** Words a whole query implies beyond its own (appended before the search). */
export function phraseHints(query: string): string[] {
  return PHRASES.flatMap(([re, words]) => (re.test(query) ? words : []));
}
