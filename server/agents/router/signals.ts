/**
 * Escalation and emergency signals that must never depend on a classifier's mood: safety hazards,
 * account takeover and fraud (emergencies), legal threats and threats to leave (high priority).
 */

/** A signal found in a message. */
export interface Signal {
  kind: 'safety' | 'account_takeover' | 'fraud' | 'legal_threat' | 'churn_threat';
  emergency: boolean;
  match: string;
}

const RULES: { kind: Signal['kind']; emergency: boolean; re: RegExp }[] = [
  {
    kind: 'safety',
    emergency: true,
    re: /\b(on fire|caught fire|catching fire|fire hazard|smok(?:e|ing)(?! (?:detector|alarm|sensor)s?)|burning smell|smells? (?:of |like )?burn\w*|sparks?|sparking|overheat\w*|too hot to touch|melt(?:ed|ing)|electric(?:al)? shock|got shocked|injur\w*|swollen|swelling|bulging battery|battery (?:is )?swell\w*|explod\w*)\b/i,
  },
  {
    kind: 'account_takeover',
    emergency: true,
    re: /\b(hacked|hijacked|compromised account|account (?:was |has been |got )?(?:compromised|taken over|stolen)|someone (?:else )?(?:has )?(?:logged|logging|signed|is) in(?:to)? (?:to )?my account|someone (?:else )?changed my (?:password|email)|unauthori[sz]ed (?:access|login|log-in|sign-in)|i did not (?:log|sign) in)\b/i,
  },
  {
    kind: 'fraud',
    emergency: true,
    re: /\b(fraud\w*|stolen card|card (?:was |has been )?stolen|identity theft|phishing|scam(?:med)?|unauthori[sz]ed (?:charges?|purchases?|payments?|transactions?)|charges? i (?:never|did not|didn't) (?:make|authori[sz]e))\b/i,
  },
  {
    kind: 'legal_threat',
    emergency: false,
    re: /\b((?:my|our) (?:lawyer|attorney|solicitor)s? (?:will|is going to|are going to|has been|have been|is|are)|(?:contact|call|involve|get|consult|hire|talk to|speak to|speak with|contacting|calling|involving|hiring|consulting) (?:my |our |a )?(?:lawyer|attorney|solicitor)s?|sue|suing|lawsuit|legal action|take (?:you|this) to court|small claims|ombudsman|regulator|consumer protection|trading standards|better business bureau|bbb|file a chargeback|dispute (?:it|the charge) with my bank)\b/i,
  },
  {
    kind: 'churn_threat',
    emergency: false,
    re: /\b(switch(?:ing)? to (?:a |your )?competitor|go(?:ing)? to (?:a |your )?competitor|take my business elsewhere|cancel (?:everything|all my)|i(?:'m| am) (?:leaving|done with you|done with brightwave)|(?:leave|leaving) brightwave|never (?:use|buy from) you again)\b/i,
  },
];

/** Finds every signal in a text. */
export function detectSignals(text: string): Signal[] {
  const found: Signal[] = [];
  for (const r of RULES) {
    const m = r.re.exec(text);
    if (m) found.push({ kind: r.kind, emergency: r.emergency, match: m[0] });
  }
  return found;
}
