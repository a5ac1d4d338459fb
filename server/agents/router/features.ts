/**
 * Text to sparse features for the router: normalised words, word bigrams and character n-grams
 * (the n-grams make the model robust to the typos real customers make).
 */

const PLACEHOLDERS: [RegExp, string][] = [
  [/\binv[-\s#]?\d{2,}(?:-\d+)*\b/gi, ' invoicenumber '],
  [/#\s?\d{3,}\b/g, ' refnumber '],
  [/\bbw-?\d{4}\b/gi, ' errorcode '],
  [/\bbw-?\d{5,}\b/gi, ' ordernumber '],
  [/[$€£]\s?\d[\d,.]*|\b\d[\d,.]*\s?(?:dollars?|usd|eur|euros?|gbp|pounds?|bucks)\b/gi, ' moneyamount '],
  [/\b[\w.+-]+@[\w-]+\.[\w.]+\b/g, ' emailaddress '],
  [/\b\d{6,}\b/g, ' longnumber '],
  [/\b\d+\b/g, ' num '],
];

/** Lower-cases, strips accents and replaces numbers, amounts and references with placeholders. */
function normalise(text: string): string {
  let t = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  for (const [re, rep] of PLACEHOLDERS) t = t.replace(re, rep);
  return t.toLowerCase().replace(/[’`]/g, "'");
}

/** Word tokens of a normalised text. */
function words(text: string): string[] {
  return (
    normalise(text)
      .match(/[a-z][a-z']*/g)
      ?.map((w) => w.replace(/'/g, '')) ?? []
  );
}

// The frame of a letter: a salutation line at the top, and a closing formula with the signature
// under it at the bottom (English and the desk's customers' languages). It says nothing about the
// request, but it is long enough to drag an e-mail towards whichever intent uses such words most.
const SALUTATION =
  /^\s*(?:(?:dear|hello|hi|hey|good (?:morning|afternoon|evening)|greetings|to whom it may concern|bonjour|bonsoir|madame|monsieur|sehr geehrte[rs]?|hallo|guten (?:tag|morgen|abend)|liebe[rs]?|beste|geachte|goedemorgen|goedemiddag|estimad[oa]s?|buen(?:os|as) (?:d[ií]as|tardes)|hola)\b[^\n]{0,60}?(?:,|:|!|\n|$)|i hope (?:this|my) (?:message|e-?mail) finds you well[.!]?)\s*/iu;
const CLOSING =
  /(?:^|\n)\s*(?:(?:best|kind|warm|many thanks and|thanks and|with best)? ?regards|best wishes|best|sincerely|yours (?:sincerely|faithfully|truly)|thank you(?: (?:in advance|for your (?:help|time|assistance|support|attention)[^\n]{0,40}))?|thanks(?: in advance)?|many thanks|cheers|cordialement|bien (?:[àa] vous|cordialement)|merci(?: d'avance| par avance)?|mit freundlichen gr[üu][ßs]en|(?:viele|beste|liebe) gr[üu][ßs]e|vielen dank(?: im voraus)?|met vriendelijke groet(?:en)?|groeten|alvast bedankt|(?:un )?saludo(?:s| cordial)?|atentamente|gracias(?: de antemano)?)[ ,.!]*(?:\n[\s\S]{0,160})?\s*$/iu;

/** A letter's body without its salutation and closing, or the text itself when little is left. */
function letterBody(text: string): string {
  const body = text.replace(SALUTATION, '').replace(CLOSING, '').trim();
  return body.split(/\s+/).length >= 5 ? body : text;
}

/**
 * A light English suffix stripper, so that the forms of a word share one feature: "crashes",
 * "crashed", "crashing" -> "crash"; "price", "prices", "pricing" -> "pric".
 */
function stem(w: string): string {
  if (w.length <= 4) return w;
  let s = w;
  if (s.endsWith('ies')) s = `${s.slice(0, -3)}y`;
  else if (s.endsWith('sses')) s = s.slice(0, -2);
  else if (s.endsWith('ing') && s.length > 5) s = s.slice(0, -3);
  else if (s.endsWith('ed') && s.length > 4) s = s.slice(0, -2);
  else if (/(?:sh|ch|x)es$/.test(s)) s = s.slice(0, -2);
  else if (s.endsWith('s') && !/(?:ss|us|is)$/.test(s)) s = s.slice(0, -1);
  return s.length > 4 && s.endsWith('e') ? s.slice(0, -1) : s;
}

/** Feature names with raw counts for one text. */
export function featureCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (f: string) => counts.set(f, (counts.get(f) ?? 0) + 1);
  const toks = words(letterBody(text)).map(stem);
  for (let i = 0; i < toks.length; i++) {
    const w = toks[i];
    add(`w:${w}`);
    if (i + 1 < toks.length) add(`b:${w}_${toks[i + 1]}`);
    if (w.length >= 3) {
      const padded = `^${w}$`;
      for (let n = 3; n <= 5; n++) {
        for (let j = 0; j + n <= padded.length; j++) add(`c:${padded.slice(j, j + n)}`);
      }
    }
  }
  return counts;
}
