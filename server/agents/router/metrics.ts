/** Accuracy, macro-F1, per-route precision/recall and the confusion matrix of a labelled run. */

interface RouteMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}
export interface EvalReport {
  n: number;
  accuracy: number;
  macroF1: number;
  perRoute: Record<string, RouteMetrics>;
  /** confusion[actual][predicted] = count */
  confusion: Record<string, Record<string, number>>;
}

/** Scores predictions against labels. */
export function evaluate(pairs: { actual: string; predicted: string }[], labels?: string[]): EvalReport {
  const names = labels ?? [...new Set(pairs.flatMap((p) => [p.actual, p.predicted]))].sort();
  const confusion: Record<string, Record<string, number>> = {};
  for (const a of names) confusion[a] = Object.fromEntries(names.map((p) => [p, 0]));
  let correct = 0;
  for (const { actual, predicted } of pairs) {
    confusion[actual] ??= Object.fromEntries(names.map((p) => [p, 0]));
    confusion[actual][predicted] = (confusion[actual][predicted] ?? 0) + 1;
    if (actual === predicted) correct++;
  }
  const perRoute: Record<string, RouteMetrics> = {};
  for (const r of names) {
    const tp = confusion[r]?.[r] ?? 0;
    const predicted = names.reduce((s, a) => s + (confusion[a]?.[r] ?? 0), 0);
    const support = names.reduce((s, p) => s + (confusion[r]?.[p] ?? 0), 0);
    const precision = predicted ? tp / predicted : 0;
    const recall = support ? tp / support : 0;
    perRoute[r] = {
      precision,
      recall,
      f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
      support,
    };
  }
  const withSupport = names.filter((r) => perRoute[r].support > 0);
  const macroF1 = withSupport.reduce((s, r) => s + perRoute[r].f1, 0) / Math.max(withSupport.length, 1);
  return { n: pairs.length, accuracy: pairs.length ? correct / pairs.length : 0, macroF1, perRoute, confusion };
}

/** Human-readable report. */
export function formatReport(r: EvalReport, extra = ''): string {
  const names = Object.keys(r.perRoute);
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  const lines = [
    `n=${r.n}  accuracy=${pct(r.accuracy)}  macro-F1=${r.macroF1.toFixed(3)}${extra}`,
    '',
    'route        precision  recall   f1     support',
  ];
  for (const n of names) {
    const m = r.perRoute[n];
    lines.push(
      `${n.padEnd(12)} ${pct(m.precision).padStart(9)} ${pct(m.recall).padStart(7)} ${m.f1.toFixed(3).padStart(6)} ${String(m.support).padStart(8)}`,
    );
  }
  lines.push(
    '',
    `confusion (rows: actual, columns: predicted)`,
    `${''.padEnd(12)} ${names.map((n) => n.slice(0, 10).padStart(10)).join(' ')}`,
  );
  for (const a of names)
    lines.push(`${a.padEnd(12)} ${names.map((p) => String(r.confusion[a]?.[p] ?? 0).padStart(10)).join(' ')}`);
  return lines.join('\n');
}
