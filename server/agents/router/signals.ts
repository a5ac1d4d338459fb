/**
 * Escalation and emergency signals that must never depend on a classifier's mood: safety hazards,
 * life-safety devices that lost their connection, account takeover and fraud (emergencies), legal
 * threats and threats to leave (high priority). Each rule reads English and the languages of the
 * desk's customers (French, German, Dutch, Spanish).
 */

/** A signal found in a message. */
export interface Signal {
  kind: 'safety' | 'critical_device' | 'account_takeover' | 'fraud' | 'legal_threat' | 'churn_threat';
  emergency: boolean;
  match: string;
}

/** A case-insensitive pattern of alternatives bounded by non-letters (so "é" ends a word too). */
function words(...alternatives: string[]): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
}

const RULES: { kind: Signal['kind']; emergency: boolean; res: RegExp[] }[] = [
  {
    kind: 'safety',
    emergency: true,
    res: [
      /\b(on fire|caught fire|catching fire|fire hazard|smok(?:e|ing)(?! (?:detector|alarm|sensor)s?)|burning smell|smells? (?:of |like )?burn\w*|sparks?|sparking|overheat\w*|too hot to touch|melt(?:ed|ing)|electric(?:al)? shock|got shocked|injur\w*|swollen|swelling|bulging battery|battery (?:is )?swell\w*|explod\w*)\b/i,
      words(
        // French
        'fum[ée]e',
        'sent le br[uû]l[ée]',
        'br[uû]lant[e]?',
        'a fondu',
        '(?:a |ont )?pris feu',
        'prend feu',
        'surchauff\\p{L}*',
        'd[ée]charge [ée]lectrique',
        'batterie (?:a )?gonfl[ée]e?',
        'a explos[ée]',
        // German
        'raucht',
        'qualmt',
        'riecht verbrannt',
        '(?:es|hub|ger[aä]t|netzteil|extender|adapter|kabel|stecker) brennt',
        'feuer gefangen',
        'geschmolzen',
        '[uü]berhitz\\p{L}*',
        'gl[uü]hend hei[ßs]',
        'stromschlag',
        'aufgebl[aä]ht',
        'explodiert',
        // Dutch
        'rookt',
        'ruikt (?:naar )?verbrand',
        'vlam gevat',
        'staat in brand',
        'gesmolten',
        'oververhit',
        'opgezwollen',
        'gloeiend heet',
        'ontploft',
        // Spanish
        'echa humo',
        'sale humo',
        'huele a quemado',
        'se (?:prendi[oó]|incendi[oó])',
        'prendi[oó] fuego',
        'derretid[oa]',
        'sobrecalentad[oa]',
        'bater[ií]a hinchada',
        'descarga el[eé]ctrica',
        'explot[oó]',
      ),
    ],
  },
  {
    // A medical or personal alarm that depends on the connection: a person may be at risk.
    kind: 'critical_device',
    emergency: true,
    res: [
      words(
        'medical (?:alarm|alert|device|monitor|pendant)s?',
        '(?:care|panic|fall|personal emergency|emergency call|lifeline) (?:alarm|button|pendant)s?',
        'life[- ]support',
        'oxygen (?:concentrator|machine)s?',
        '(?:heart|cardiac|pacemaker|insulin|glucose) monitor\\p{L}*',
        'alarme m[ée]dicale',
        't[ée]l[ée]assistance',
        'hausnotruf\\p{L}*',
        'notrufknopf',
        'medizinische[rsn]? (?:alarm|notruf)\\p{L}*',
        'personenalarmering',
        'medisch(?:e)? alarm\\p{L}*',
        'alarma m[ée]dica',
        'teleasistencia',
      ),
    ],
  },
  {
    kind: 'account_takeover',
    emergency: true,
    res: [
      /\b(hacked|hijacked|compromised account|account (?:was |has been |got )?(?:compromised|taken over|stolen)|someone (?:else )?(?:has )?(?:logged|logging|signed|is) in(?:to)? (?:to )?my account|someone (?:else )?changed my (?:password|email)|unauthori[sz]ed (?:access|login|log-in|sign-in)|i did not (?:log|sign) in)\b/i,
      words(
        'pirat[ée]e?',
        'compte (?:a [ée]t[ée] )?vol[ée]',
        "quelqu'un s'est connect[ée] [àa] mon compte",
        'gehackt',
        'jemand hat sich (?:ohne [\\p{L} ]+ )?(?:in|bei) mein(?:em)? konto (?:eingeloggt|angemeldet)',
        'iemand heeft (?:zonder [\\p{L} ]+ )?ingelogd',
        'hackead[oa]',
        'hackearon',
        'pirateado',
        'alguien (?:entr[oó]|accedi[oó]) (?:en|a) mi cuenta',
      ),
    ],
  },
  {
    kind: 'fraud',
    emergency: true,
    res: [
      /\b(fraud\w*|stolen card|card (?:was |has been )?stolen|identity theft|phishing|scam(?:med)?|unauthori[sz]ed (?:charges?|purchases?|payments?|transactions?)|charges? i (?:never|did not|didn't) (?:make|authori[sz]e))\b/i,
      words(
        'fraude',
        'frauduleu\\p{L}*',
        'fraudulent[oa]s?',
        'arnaque',
        'escroquerie',
        'hame[cç]onnage',
        'carte (?:a [ée]t[ée] )?vol[ée]e',
        'betrug',
        'betr[uü]ger\\p{L}*',
        'karte (?:wurde )?gestohlen',
        'oplichting',
        'opgelicht',
        'gestolen (?:bank)?pas',
        'estafa',
        'tarjeta robada',
        'me robaron la tarjeta',
      ),
    ],
  },
  {
    kind: 'legal_threat',
    emergency: false,
    res: [
      /\b((?:my|our) (?:lawyer|attorney|solicitor)s? (?:will|is going to|are going to|has been|have been|is|are)|(?:contact|call|involve|get|consult|hire|talk to|speak to|speak with|contacting|calling|involving|hiring|consulting) (?:my |our |a )?(?:lawyer|attorney|solicitor)s?|sue|suing|lawsuit|legal action|take (?:you|this) to court|small claims|ombudsman|regulator|consumer protection|trading standards|better business bureau|bbb|file a chargeback|dispute (?:it|the charge) with my bank)\b/i,
      words(
        '(?:contacter|appeler|consulter|prendre) (?:mon|un) avocat',
        'mon avocat (?:va|vous)',
        'porter plainte',
        'porte plainte',
        'les tribunaux',
        'au tribunal',
        'mise en demeure',
        'association de consommateurs',
        '(?:meinen|einen) anwalt (?:ein)?(?:schalten|nehmen|kontaktieren)',
        'mein anwalt wird',
        'anzeige erstatten',
        'erstatte ich anzeige',
        'vor gericht',
        'verbraucherzentrale',
        'abmahnung',
        'rechtliche schritte',
        '(?:mijn|een) advocaat (?:in)?(?:schakelen|inschakelen|bellen)',
        'schakel (?:ik )?mijn advocaat in',
        'mijn advocaat (?:stuurt|zal)',
        'aangifte doen',
        'doe ik aangifte',
        'naar de rechter',
        'consumentenbond',
        'juridische stappen',
        'aansprakelijkstelling',
        '(?:contactar|hablar|llamar) (?:con )?(?:mi|un) abogado',
        'mi abogado (?:les|os|va)',
        'presentar(?:é)? una denuncia',
        'poner una denuncia',
        'a los tribunales',
        'oficina del consumidor',
        'acciones legales',
      ),
    ],
  },
  {
    kind: 'churn_threat',
    emergency: false,
    res: [
      /\b(switch(?:ing)? to (?:a |your )?competitor|go(?:ing)? to (?:a |your )?competitor|take my business elsewhere|cancel (?:everything|all my)|i(?:'m| am) (?:leaving|done with you|done with brightwave)|(?:leave|leaving) brightwave|never (?:use|buy from) you again)\b/i,
      words(
        'chez un concurrent',
        'aller ailleurs',
        'je quitte brightwave',
        'zur konkurrenz',
        'zu einem anderen anbieter',
        'verlasse brightwave',
        'naar een concurrent',
        'naar een andere aanbieder',
        'vertrek bij brightwave',
        'a la competencia',
        'a otra compa[nñ][ií]a',
        'me voy de brightwave',
      ),
    ],
  },
];

/** Finds every signal in a text. */
export function detectSignals(text: string): Signal[] {
  const found: Signal[] = [];
  for (const r of RULES) {
    for (const re of r.res) {
      const m = re.exec(text);
      if (m) {
        found.push({ kind: r.kind, emergency: r.emergency, match: m[0] });
        break;
      }
    }
  }
  return found;
}
