/**
 * Subjects that belong to one team ("the amber light" is technical, "my invoice" billing), for
 * texts the classifier is unsure of: a follow-up on another team's case, a short part of a
 * multi-part message.
 */
/** A team a subject belongs to. */
type TopicRoute = 'billing' | 'technical' | 'general';

// Subjects that belong to one team, with the intent that answers them when the classifier is unsure.
const TOPICS: { route: TopicRoute; intent: string; re: RegExp }[] = [
  {
    route: 'technical',
    intent: 'feature_guidance',
    re: /\b(?:(?:amber|red|green|blue|white|orange|blinking|flashing|status) (?:light|led)s?|(?:light|led)s? (?:is |are |keeps? )?(?:blinking|flashing)|wi-?fi|firmware|extender|mesh|router|offline|BW-\d{4}|error (?:code|message))\b/i,
  },
  {
    route: 'billing',
    intent: 'invoice',
    re: /\b(?:invoices?|receipts?|charged|charges?|payments?|refunds?|billing|subscription|plan price)\b/i,
  },
  {
    route: 'general',
    intent: 'order_status',
    re: /\b(?:my order|delivery|deliveries|shipping|parcel|package|tracking)\b/i,
  },
];

/** The one team a text's subject belongs to (null: none, or several). */
export function topicOf(text: string): { route: TopicRoute; intent: string; match: string } | null {
  const found = TOPICS.map((t) => ({ ...t, m: t.re.exec(text) })).filter((t) => t.m);
  return found.length === 1 ? { route: found[0].route, intent: found[0].intent, match: found[0].m?.[0] ?? '' } : null;
}
