/**
 * The desk's one rule set for urgency, applied when a message is stored (so an emergency found in
 * the wording jumps the queue like the checkbox does) and when the desk decides whether to alert
 * every operator:
 * - safety hazards, life-safety devices, account takeover and fraud (wording, in the desk's
 *   languages) are emergencies: URGENT, flagged, and they alert the desk;
 * - an outage that stops a whole office or many people raises priority (HIGH; URGENT when the
 *   customer also says it is an emergency or urgent), without a desk-wide alert;
 * - the customer's emergency checkbox is recorded and makes the case URGENT, but the desk-wide
 *   alert is reserved for content that supports it.
 */
import { detectSignals } from '../agents/router/signals.js';
import type { Priority } from '../db/entities/index.js';

/** What the rules make of a message. */
export interface Urgency {
  /** Store the case as an emergency. */
  emergency: boolean;
  /** The content itself supports an emergency: alert every operator. */
  alert: boolean;
  priority: Priority;
  /** Why, for the audit and the routing reason (null: nothing urgent). */
  reason: string | null;
}

const WIDE_OUTAGE = new RegExp(
  [
    String.raw`\b(?:whole|entire|full) (?:office|team|company|building|floor|site|store|shop|business)\b[^.!?]{0,40}\b(?:down|offline|out|no (?:internet|network|wifi|connection)|cannot|can't|can ?not|unable)`,
    String.raw`\b(?:\d{2,}|dozens of|all (?:of )?(?:our|my|the)) (?:people|staff|employees|colleagues|users|workers|machines|computers)\b[^.!?]{0,40}\b(?:cannot|can't|can ?not|unable to|are unable|without|have no|lost)\b`,
    String.raw`\b(?:nobody|no one|noone) (?:in the office |here )?can (?:work|get online|connect)\b`,
    String.raw`\b(?:our|the) (?:business|shop|store|office|restaurant|clinic) (?:is|has been) (?:down|offline|closed because)\b`,
  ].join('|'),
  'i',
);
const SAYS_URGENT = /\b(?:emergency|urgent(?:ly)?|asap|immediately|right now|critical)\b/i;

/** The rules applied to a message; `flagged` is the customer's emergency checkbox. */
export function urgencyOf(text: string, flagged = false): Urgency {
  const signal = detectSignals(text).find((s) => s.emergency);
  if (signal) return { emergency: true, alert: true, priority: 'URGENT', reason: `${signal.kind} ("${signal.match}")` };
  const outage = WIDE_OUTAGE.exec(text);
  if (outage) {
    const urgent = flagged || SAYS_URGENT.test(text);
    return {
      emergency: flagged,
      alert: false,
      priority: urgent ? 'URGENT' : 'HIGH',
      reason: `an outage that stops many people ("${outage[0].slice(0, 60)}")`,
    };
  }
  if (flagged)
    return { emergency: true, alert: false, priority: 'URGENT', reason: 'emergency flagged by the customer' };
  return { emergency: false, alert: false, priority: 'NORMAL', reason: null };
}
