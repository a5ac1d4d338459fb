/** References a customer message names: invoices, orders, payments, amounts, error codes. */

/** What a message refers to. */
export interface Mentions {
  invoices: string[];
  orders: string[];
  payments: string[];
  errorCodes: string[];
  amountsCents: number[];
}

const uniq = (xs: string[]) => [...new Set(xs)];

/** Finds the references in a text. */
export function extractMentions(text: string): Mentions {
  const amounts = [
    ...text.matchAll(
      /[$€£]\s?(\d{1,6}(?:[.,]\d{1,2})?)|\b(\d{1,6}(?:[.,]\d{1,2})?)\s?(?:dollars?|usd|eur|euros?|gbp|pounds?)\b/gi,
    ),
  ].map((m) => Math.round(Number((m[1] ?? m[2]).replace(',', '.')) * 100));
  return {
    invoices: uniq([...text.matchAll(/\bINV-\d{4}-\d{3,6}\b/gi)].map((m) => m[0].toUpperCase())),
    orders: uniq([...text.matchAll(/\bBW-\d{5,8}\b/gi)].map((m) => m[0].toUpperCase())),
    payments: uniq([...text.matchAll(/\bpay_[A-Za-z0-9]{4,40}\b/g)].map((m) => m[0])),
    errorCodes: uniq([...text.matchAll(/\bBW-\d{4}\b/gi)].map((m) => m[0].toUpperCase())),
    amountsCents: amounts.filter((a) => Number.isFinite(a) && a > 0),
  };
}

/**
 * Whether the customer asks why an invoice, bill or charge is higher than before (a comparison of
 * invoices, not a dispute of one payment).
 */
function asksWhyHigher(text: string): boolean {
  const t = text.toLowerCase();
  const rise =
    /\b(higher|more than (?:usual|before|normal|last|it used to)|(?:charged|billed|paying|pay) more|increased?|increase in|went up|gone up|go up|goes up|bigger|larger|more expensive|jump(?:ed)?|so much (?:more|this))\b/.test(
      t,
    );
  return rise && /\b(invoices?|bills?|billed|charged?|charges|pay(?:ing)?|payments?|price|amount|cost)\b/.test(t);
}

/** A question why the bill is higher, to answer by comparing invoices: no refund or double charge is claimed. */
export function asksToCompareInvoices(text: string): boolean {
  return asksWhyHigher(text) && !asksForRefund(text) && !claimsDuplicateCharge(text);
}

/** Whether the customer asks for the difference of a higher bill back (not the whole payment). */
export function asksRefundOfDifference(text: string): boolean {
  return asksWhyHigher(text) && /\b(?:the|that) difference\b/i.test(text) && asksForRefund(text);
}

/** Whether the customer asks for a refund to be made (not only about the policy or a status). */
export function asksForRefund(text: string): boolean {
  const t = text.toLowerCase();
  const wants =
    /\b(refund me|want (?:a |my )?(?:refund|money back)|need (?:a |my )?(?:refund|money back)|(?:request|requesting|get|give me|issue|process|like) (?:a |my )?(?:refund|reimbursement|money back)|reimburse me|money back|refund (?:it|this|that|the|my|for|one|both)|please refund|(?:get|have) (?:my |the |this |that |it )?(?:[a-z]+ ){0,3}refunded|charged twice|double charged|duplicate charge)\b/.test(
      t,
    );
  const onlyAsks =
    /\b(policy|in what cases|which cases|when can i|how long|status|still waiting|where is my refund|track)\b/.test(t);
  return wants && !(onlyAsks && !/\b(refund me|please refund|give me)\b/.test(t));
}

/** Whether the customer asks about a refund already requested. */
export function asksRefundStatus(text: string): boolean {
  return /\b(status|still waiting|where is my (?:refund|money)|track(?:ing)? (?:my |the )?refund|haven'?t (?:received|got) (?:my |the )?refund|when will i get)\b/i.test(
    text,
  );
}

/** Whether the customer says they were charged twice (so a refund needs a duplicate that exists). */
export function claimsDuplicateCharge(text: string): boolean {
  return /\b(duplicate|duplicated|double[- ]?charged?|charged (?:me )?twice|twice|two (?:identical |same )?charges|identical charges|charged two times|doppelt|en double|dubbel)\b/i.test(
    text,
  );
}

/** Whether the customer means their most recent payment ("my last payment", "the latest charge"). */
export function meansLastPayment(text: string): boolean {
  return /\b(last|latest|most recent|newest)\s+(payment|charge|invoice|renewal|transaction)\b/i.test(text);
}
