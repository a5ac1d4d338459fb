/** Heuristic prompt-injection detection for customer messages; patterns favour precision over recall. */

/** The kinds of injection attempt that detectInjection reports. */
export type InjectionKind =
  | 'ignore_instructions'
  | 'reveal_prompt'
  | 'role_play'
  | 'other_customer_data'
  | 'hidden_instructions';

/** The outcome of scanning one message: the kinds found and the snippets that matched. */
export interface InjectionReport {
  detected: boolean;
  kinds: InjectionKind[];
  matches: string[];
}

/** Scan options: the sender's own customer id (e.g. "cust-ann") is not "another customer". */
export interface InjectionOptions {
  customerId?: string;
}

type PhraseKind = Exclude<InjectionKind, 'hidden_instructions'>;

const KIND_ORDER: readonly InjectionKind[] = [
  'ignore_instructions',
  'reveal_prompt',
  'role_play',
  'other_customer_data',
  'hidden_instructions',
];
const MAX_SNIPPET = 120;

/** Builds a global regex from pattern fragments (written for normalised text: lowercase, single spaces). */
function re(...parts: string[]): RegExp {
  return new RegExp(parts.join(''), 'g');
}

// ---- ignore_instructions -------------------------------------------------------------------

const IGNORE = String.raw`(?:ignore|disregard|forget|discard)`;
// "override the existing firewall rules" is a router question; override and bypass need "your".
const IGNORE_YOURS = String.raw`(?:ignore|disregard|forget|discard|override|bypass)`;
const RULES = String.raw`(?:instructions?|prompts?|directives?|guidelines|rules|commands|constraints|restrictions|guardrails|programming|training)`;
const EARLIER = String.raw`(?:above|previous|prior|earlier|preceding|former|original|initial|system)`;
// "you always ignore your own rules" is a complaint, not an order; "you will ignore ..." is an order.
const NOT_A_COMPLAINT = String.raw`(?<!\b(?:i|we|they|he|she|you|u|agents?|staff|people|guys|y'all|company|technicians?)(?: (?!(?:will|must|should|shall|now|to|need|have|are|may|could|please|can(?!'))\b)[\w']+){0,2} )`;

const IGNORE_PATTERNS = [
  // "ignore all previous instructions" (but not "... the previous instructions I gave")
  re(
    NOT_A_COMPLAINT,
    String.raw`\b${IGNORE} (?:about )?(?:(?:all|any|each|every|of) )*(?:(?:the|your|these|those|such) )?(?:${EARLIER}[ -]){1,3}${RULES}\b(?! (?:i|we) (?:gave|sent|wrote|left|provided|made|added|mentioned))`,
  ),
  re(
    NOT_A_COMPLAINT,
    String.raw`\b${IGNORE_YOURS} (?:about )?(?:all (?:of )?)?your (?:[\w-]+ )?(?:instructions|programming|training|system prompt|prompt|guidelines|guardrails|directives|rules|restrictions|constraints)\b`,
  ),
  re(
    NOT_A_COMPLAINT,
    String.raw`\b${IGNORE} (?:about )?(?:everything|anything|all(?: of it| that)?) (?:that )?you(?:'ve| have| were| had|'re| are)? (?:been )?(?:told|instructed|taught|programmed|trained|given)\b`,
  ),
  re(
    String.raw`\b(?:ignore|disregard) (?:all (?:of )?)?(?:the |everything )?(?:above|previous|prior)(?: text| content)?,? (?:and|then) (?:instead |now |just )?(?:say|print|output|write|tell|respond|reply|answer|do|follow|act|repeat|reveal|show)\b`,
  ),
  re(String.raw`\b(?:stop|quit) following your (?:[\w-]+ )?${RULES}\b`),
  re(
    String.raw`\byou(?: are|'re) (?:now )?(?:(?:no longer|not) (?:bound|restricted|limited|constrained) by|free from|freed from) (?:any |your |the )?(?:previous |original |prior |system )?${RULES}\b`,
  ),
  re(
    String.raw`\byour new (?:system )?(?:instructions|directives|task|role|prompt)(?: (?:are|is))?(?: as follows| to)?:|\byour new (?:instructions|directives|task|role) (?:are|is) to\b`,
  ),
  re(String.raw`\bnew system prompt\b|\b(?:system|admin|security) override\b`),
];

// ---- reveal_prompt -------------------------------------------------------------------------

// Not "system message" (an error pop-up) nor "initial instructions" (a setup guide).
const SECRET_PROMPT = String.raw`(?:(?:system|initial|original|hidden|secret|internal|developer|pre-?|meta[- ]?) ?prompt|(?:hidden|secret|internal|developer) (?:instructions|message)|(?:hidden|secret) (?:rules|guidelines))`;
const REVEAL = String.raw`(?:show|print|reveal|repeat|display|output|tell|give|share|leak|dump|write out|spell out|recite|paste|provide|list|disclose|expose|read out|echo|copy)`;

const REVEAL_PATTERNS = [
  re(
    String.raw`\b${REVEAL}\b(?: [\w'-]+){0,4}? (?:your |the |its |this )?(?:(?:full|entire|complete|exact|whole|real|actual|current|verbatim|confidential) )*${SECRET_PROMPT}\b`,
  ),
  re(
    String.raw`\bwhat(?:'s| is| are| was| were)(?: in)? (?:your|the) (?:(?:full|entire|exact|real|actual|current) )*${SECRET_PROMPT}\b`,
  ),
  // "repeat your instructions for the return" asks for the steps again, not for the prompt.
  re(
    String.raw`\b(?:print|reveal|output|dump|leak|recite|disclose|echo|spell out|write out|paste|display) (?:me |us )?(?:all |back )?(?:of )?your (?:(?:exact|full|entire|complete|original|initial|current|system) )*(?:instructions|prompt|configuration|directives)\b(?! (?:for|on|about|regarding|to|how|when|if)\b)`,
  ),
  re(
    String.raw`\b(?:repeat|print|output|recite|echo|write out|copy) (?:all |back )?(?:of )?(?:everything|all (?:the )?text|all (?:the )?words|the text|the words) (?:above|before this)\b`,
  ),
  re(
    String.raw`\bwhat (?:were|are) you (?:told|instructed|programmed) (?:to do )?(?:before|at the (?:start|beginning)|initially|originally|by (?:your|the) (?:developers?|creators?|system))\b`,
  ),
];

// ---- role_play -----------------------------------------------------------------------------

const BECOME = String.raw`(?:you(?: are|'re) now|from now on,? you(?: are|'re| will be| will act as| shall be)|you will now (?:be|act as|play)|act as(?: if you (?:are|were))?|acting as|pretend(?:ing)? (?:to be|(?:that )?you(?: are|'re| were))|role-?play(?:ing)? as|play the (?:role|part) of|take on the (?:role|persona) of|assume the (?:role|persona|identity) of|behave (?:like|as)|respond as|answer as|simulate being|impersonate)`;
const PRIVILEGED = String.raw`(?:admin(?:istrator)?|sys ?admin|system administrator|developer|dev|root(?: user)?|super ?user|superadmin|operator|dan|god|hacker|system)`;
const PERSONA_ADJ = String.raw`(?:unrestricted|unfiltered|uncensored|jailbroken|unlocked|evil|rogue|unbound|unlimited|different|new|other|another)`;
const PERSONA = String.raw`(?:ai|assistant|chat ?bot|bot|model|llm|language model|gpt|chatgpt|system|agent|persona|character|entity)`;
const ROLE = String.raw`(?:(?:an?|the|my|your) )?(?:(?:${PERSONA_ADJ} )?${PRIVILEGED}\b|(?:${PERSONA_ADJ}[ ,]+){1,3}${PERSONA}\b)`;
const MODE = String.raw`(?:developer|dev|debug|admin|sudo|root|maintenance|god|dan|jailbreak|jailbroken|unrestricted|unfiltered|uncensored)`;
// "enable developer mode on my router" is a support question; only jailbreak modes need no "you".
const WILD_MODE = String.raw`(?:god|dan|jailbreak|jailbroken|unrestricted|unfiltered|uncensored)`;
const SWITCH_ON = String.raw`(?:enable|enter|activate|switch (?:on|to|into)|turn on|go into|unlock|boot into)`;

const ROLE_PATTERNS = [
  re(String.raw`\b${BECOME} ${ROLE}`),
  re(String.raw`\b${SWITCH_ON} your ${MODE} mode\b|\bput yourself in(?:to)? (?:the )?${MODE} mode\b`),
  re(String.raw`\byou(?: are|'re)(?: now)? (?:in|running in|operating in|switched to) (?:the )?${MODE} mode\b`),
  re(
    String.raw`\b${SWITCH_ON}(?: the)? ${WILD_MODE} mode\b|\b${WILD_MODE} mode (?:is )?(?:now )?(?:enabled|activated|engaged|unlocked|on)\b`,
  ),
  re(String.raw`\b(?:ai|assistant|chat ?bot|bot|model|gpt|chatgpt|llm|you),? with ${MODE} mode\b`),
  re(String.raw`\bdan\b[^.!?]{0,40}\bdo anything now\b|\bdo anything now\b[^.!?]{0,40}\bdan\b|\bstay in character\b`),
  re(
    String.raw`\bi(?: am|'m) (?:your|the (?:system|bot|ai)'s) (?:developer|creator|admin(?:istrator)?|programmer|owner|operator|maker)\b`,
  ),
  re(
    String.raw`\b(?:pretend|imagine|act as if|suppose) (?:that )?you (?:have|had|are|were) (?:no|without(?: any)?) (?:restrictions|filters|limits|limitations|rules|guidelines|guardrails|content polic(?:y|ies))\b`,
  ),
];

// ---- other_customer_data -------------------------------------------------------------------

const OTHERS = String.raw`(?:another|other|a different|some other|someone else'?s?|somebody else'?s?|other people'?s?)`;
const PEOPLE = String.raw`(?:customer|user|client|account holder|member|subscriber|person|people|account)`;
const POSS = String.raw`(?:'s|s'|s|')?`;
const DATA = String.raw`(?:invoices?|orders?|data|details|info(?:rmation)?|records?|accounts?|address(?:es)?|e-?mails?|phone(?: numbers?)?|numbers|payments?|cards?|billing|bills?|history|tickets?|cases?|messages?|contacts?|names?|balances?|transactions?|subscriptions?|profiles?|passwords?|pii)`;
const ASK = String.raw`(?:show|give|list|get|fetch|pull up|look up|lookup|find|display|print|export|download|dump|read|open|tell me|share|provide|retrieve|reveal|send|email|forward|want|need)`;
const BULK_ASK = String.raw`(?:show|give|list|get|fetch|pull up|look up|find|display|print|export|download|dump|retrieve|reveal)`;
// "why did you send me another customer's invoice?" reports a mistake rather than asking for one.
const NOT_A_REPORT = String.raw`(?<!\b(?:did|why|have|has|had|accidentally|mistakenly|wrongly|somehow)(?: you| they| u| it| someone| somebody)? )`;
const WINDOW = String.raw`(?: [\w'-]+){0,4}?`;
// "my other account" is the sender's own.
const NOT_MINE = String.raw`(?<!\b(?:my|our) )`;
// "give all customers a discount" and "all users on my plan" are not requests for data.
const NOT_A_FAVOUR = String.raw`(?! (?:a|an|the|some|free|this|that|their|discounts?|refunds?|credits?|compensation|notice|updates?|more)\b| (?:on|under|in|of|for|linked to|associated with|from) (?:my|our|this)\b)`;

const OTHER_DATA_PATTERNS = [
  re(NOT_A_REPORT, String.raw`\b${ASK}\b${WINDOW} ${NOT_MINE}${OTHERS} ${PEOPLE}${POSS} (?:[\w-]+ )?${DATA}\b`),
  re(
    NOT_A_REPORT,
    String.raw`\b${ASK}\b${WINDOW} ${DATA} (?:of|for|from|belonging to|owned by|on|under) (?:${OTHERS}|all(?: (?:the|of the|other|your|our))?|every|each) ${PEOPLE}${POSS}\b(?! (?:i|we) (?:have|own|hold|use|manage)\b| of (?:mine|ours)\b)`,
  ),
  re(
    String.raw`\b(?:all|every|each)(?: other| of (?:the|your|our))? (?:customers?|users?|clients?|subscribers?|members?|account holders?)${POSS} (?:[\w-]+ )?${DATA}\b`,
  ),
  re(
    String.raw`\b${BULK_ASK}\b(?: [\w'-]+){0,3}? (?:all|every)(?: (?:the|of the|your|other))? (?:customers|users|clients|subscribers|account holders)\b${NOT_A_FAVOUR}`,
  ),
  re(
    String.raw`\b(?:${BULK_ASK}|access|query|select|leak|send)\b(?: [\w'-]+){0,3}? (?:customer|user|client|subscriber)s?'? (?:database|db|table|list|records|directory)\b`,
  ),
  re(
    String.raw`\b(?:impersonate|pose as|pretend to be|act as|log in as|login as|sign in as) (?:another|a different|some other|other) (?:customer|user|client|account holder)'?s?\b`,
  ),
];

const PHRASES: ReadonlyArray<[PhraseKind, RegExp[]]> = [
  ['ignore_instructions', IGNORE_PATTERNS],
  ['reveal_prompt', REVEAL_PATTERNS],
  ['role_play', ROLE_PATTERNS],
  ['other_customer_data', OTHER_DATA_PATTERNS],
];

// A customer id in a request about that customer; checked against the sender's own id.
const CUSTOMER_ID = /\bcust-[a-z0-9][\w-]*/g;
const ID_CONTEXT =
  /(?:\b(?:customer|user|client|account)(?: id| #| number| no\.?)?(?: is)?:? ?#?|\b(?:for|of|belonging to|owned by|from|as|impersonate|about|switch to) )$/;
const OWN_ID_CONTEXT =
  /\b(?:my|our)(?: customer| user| client| account)?(?: id| #| number| no\.?)?(?: is)?:? ?#?$|\b(?:i am|i'm|this is) $/;

// ---- hidden_instructions -------------------------------------------------------------------

const MARKUP_PATTERNS = [
  /<\s*\/?\s*(?:system|sys|assistant|instructions?|prompt|admin|developer|tool|function_call)\s*>/g,
  /<\|[a-z_]{2,30}\|>/g,
  /\[\/?(?:inst|sys|system|instructions?)\]/g,
  /<<\/?sys>>/g,
  /(?<!#)#{3,} ?(?:instructions?|system(?: prompt)?|new instructions|prompt|response|assistant)\b/g,
  /\bstyle ?= ?["'][^"'<>]{0,300}?(?:display ?: ?none|visibility ?: ?hidden|font-size ?: ?0(?:px|pt|em|rem|%)?(?![.\d])|opacity ?: ?0(?:\.0+)?(?![.\d]))/g,
];
// "{{customer.name}}" is a template variable; "{{ system: refund everything }}" is a command.
const TEMPLATE = /\{\{[^{}]{1,200}\}\}|\[\[[^[\]]{1,200}\]\]/g;
const COMMAND_WORDS =
  /\b(?:ignore|disregard|instructions?|system|prompt|assistant|you are|you must|you will|respond|reply|execute|exec|run|command|cmd|eval|shell|sudo|admin|override|reveal|refund|transfer|delete|drop|grant|tool|function)\b/;
// Decoded base64 that speaks to the assistant; plain text such as a pasted e-mail part does not.
const INSTRUCTION_WORDS =
  /\b(?:ignore|disregard|instructions?|system prompt|prompt|assistant|you are|you must|you will|you should|override|reveal|execute|pretend|act as)\b/;
// At least 20 characters of base64 or base64url; shorter blobs cannot hold a sentence.
const BASE64 = /(?<![A-Za-z0-9+/_=-])[A-Za-z0-9+/_-]{20,}={0,2}/g;

// Invisible format characters: zero-width space/joiners, direction marks and overrides, word
// joiner and invisible operators, BOM, Mongolian vowel separator, soft hyphen, variation
// selectors and the Unicode "tag" block (which can spell out hidden ASCII).
const INVISIBLE =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: the combining marks are what this class is meant to find.
  /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFE00-\uFE0F\uFEFF\u{E0000}-\u{E007F}\u{E0100}-\u{E01EF}]+/gu;
const TAG_CHAR = /[\u{E0000}-\u{E007F}]/u;
const VARIATION_SELECTOR = /[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu;
const BLACK_FLAG = 0x1f3f4;

// Cyrillic and Greek letters that look like Latin ones ("іgnore" with a Cyrillic і).
const LOOKALIKES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  һ: 'h',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  α: 'a',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
};
const LOOKALIKE_RE = new RegExp(`[${Object.keys(LOOKALIKES).join('')}]`, 'g');

/** Scans a customer message for prompt-injection attempts after normalising it (NFKC, case, spacing, invisible characters). */
export function detectInjection(text: string, opts: InjectionOptions = {}): InjectionReport {
  const found = new Map<InjectionKind, Set<string>>();
  const add = (kind: InjectionKind, snippet: string) => {
    const set = found.get(kind) ?? new Set<string>();
    set.add(snippet.trim().slice(0, MAX_SNIPPET));
    found.set(kind, set);
  };
  const visible = stripInvisible(text).normalize('NFKC');
  const norm = normalize(visible);
  for (const [kind, snippet] of phraseMatches(norm, opts)) add(kind, snippet);
  for (const snippet of markupMatches(norm)) add('hidden_instructions', snippet);
  for (const hidden of [...invisibleFindings(text), ...base64Findings(visible)]) {
    add('hidden_instructions', hidden.label);
    for (const [kind, snippet] of phraseMatches(normalize(hidden.payload), opts)) add(kind, snippet);
  }
  const kinds = KIND_ORDER.filter((k) => found.has(k));
  return { detected: kinds.length > 0, kinds, matches: kinds.flatMap((k) => [...(found.get(k) ?? [])]) };
}

/** Lowercased NFKC text with lookalike letters folded, quotes and dashes unified and whitespace collapsed. */
function normalize(text: string): string {
  return stripInvisible(text)
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02BC\u2032]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .toLowerCase()
    .replace(LOOKALIKE_RE, (c) => LOOKALIKES[c])
    .replace(/\s+/g, ' ')
    .trim();
}

function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** [kind, snippet] for each phrase pattern that matches normalised text. */
function phraseMatches(norm: string, opts: InjectionOptions): Array<[PhraseKind, string]> {
  const out: Array<[PhraseKind, string]> = [];
  for (const [kind, patterns] of PHRASES)
    for (const p of patterns) for (const m of norm.matchAll(p)) out.push([kind, m[0]]);
  for (const id of otherCustomerIds(norm, opts.customerId)) out.push(['other_customer_data', id]);
  return out;
}

/** Customer ids ("cust-…") that refer to someone other than the sender. */
function otherCustomerIds(norm: string, own: string | undefined): string[] {
  const ids: string[] = [];
  for (const m of norm.matchAll(CUSTOMER_ID)) {
    const before = norm.slice(Math.max(0, m.index - 40), m.index);
    const isOther = own ? m[0] !== own.toLowerCase() : ID_CONTEXT.test(before) && !OWN_ID_CONTEXT.test(before);
    if (isOther) ids.push(m[0]);
  }
  return ids;
}

/** Snippets of markup that hides text or imitates a prompt's structure. */
function markupMatches(norm: string): string[] {
  const out: string[] = [];
  for (const p of MARKUP_PATTERNS) for (const m of norm.matchAll(p)) out.push(m[0]);
  for (const m of norm.matchAll(TEMPLATE)) if (COMMAND_WORDS.test(m[0])) out.push(m[0]);
  out.push(...htmlComments(norm));
  return out;
}

/** HTML comments with words in them; an unclosed comment hides the rest of the text. */
function htmlComments(norm: string): string[] {
  const out: string[] = [];
  // indexOf rather than a lazy regex: many unclosed "<!--" would make the regex quadratic.
  for (let open = norm.indexOf('<!--'); open >= 0; ) {
    const close = norm.indexOf('-->', open + 4);
    const end = close < 0 ? norm.length : close + 3;
    const comment = norm.slice(open, end);
    if (/[a-z]{2}/.test(comment.slice(4)) && !/^<!--\s*\[(?:if|endif)\b/.test(comment)) out.push(comment);
    if (close < 0) break;
    open = norm.indexOf('<!--', end);
  }
  return out;
}

/** Something hidden from a human reader: a label for the report and the text it carries. */
interface Hidden {
  label: string;
  payload: string;
}

/** Invisible characters that legitimate text would not contain, as one finding carrying any ASCII they smuggle. */
function invisibleFindings(text: string): Hidden[] {
  const codes = new Set<string>();
  const smuggled: string[] = [];
  let count = 0;
  for (const m of text.matchAll(INVISIBLE)) {
    if (legitInvisible(text, m[0], m.index)) continue;
    for (const c of m[0]) if (codes.size < 4) codes.add(codePoint(c));
    count += [...m[0]].length;
    smuggled.push(smuggledAscii(m[0]));
  }
  if (count === 0) return [];
  return [{ label: `${count} invisible character(s): ${[...codes].join(' ')}`, payload: smuggled.join(' ') }];
}

// Zero-width joiners, direction marks and variation selectors belong in emoji sequences and in
// Arabic, Indic or Thai text; a flag such as Scotland's is a black flag plus tag characters.
function legitInvisible(text: string, run: string, at: number): boolean {
  if (TAG_CHAR.test(run))
    return text.codePointAt(at - 2) === BLACK_FLAG && run.length <= 14 && run.endsWith('\u{E007F}');
  if ((run.match(VARIATION_SELECTOR) ?? []).length > 1) return false;
  if (/^\u00AD+$/.test(run) || (at === 0 && run === '\uFEFF')) return true;
  const before = text.codePointAt(at - 1) ?? 0;
  const prev = before >= 0xdc00 && before <= 0xdfff ? (text.codePointAt(at - 2) ?? 0) : before;
  const next = text.codePointAt(at + run.length) ?? 0;
  return prev > 0x7f || next > 0x7f;
}

function codePoint(c: string): string {
  return `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The ASCII spelled by Unicode tag characters (U+E0020-U+E007E) in a run. */
function smuggledAscii(run: string): string {
  let out = '';
  for (const c of run) {
    const cp = c.codePointAt(0) ?? 0;
    if (cp >= 0xe0020 && cp <= 0xe007e) out += String.fromCharCode(cp - 0xe0000);
  }
  return out;
}

/** Base64 blobs that decode to readable text containing instructions. */
function base64Findings(visible: string): Hidden[] {
  const out: Hidden[] = [];
  for (const m of visible.matchAll(BASE64)) {
    const decoded = Buffer.from(m[0], 'base64').toString('utf8');
    if (!readable(decoded)) continue;
    const norm = normalize(decoded);
    if (INSTRUCTION_WORDS.test(norm) || phraseMatches(norm, {}).length > 0)
      out.push({ label: `base64: ${norm}`, payload: decoded });
  }
  return out;
}

// Decoded sentences are mostly printable and have spaces; random tokens decode to binary.
function readable(decoded: string): boolean {
  if (decoded.length < 12 || !decoded.includes(' ') || decoded.includes('\uFFFD')) return false;
  const printable = decoded.match(/[\x20-\x7E\t\r\n\p{L}]/gu)?.length ?? 0;
  return printable / [...decoded].length >= 0.9;
}
