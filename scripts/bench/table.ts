/** Markdown tables a person can paste into an issue. */

/** A cell: a number is printed with `digits` decimals by `fmt`, a string as it is. */
export type Cell = string | number;

/** A number with a fixed count of decimals; `n/a` when it is not a finite number. */
export function fmt(x: number, digits = 1): string {
  return Number.isFinite(x) ? x.toFixed(digits) : 'n/a';
}

/** A markdown table; columns are padded so the text lines up in a terminal too. */
export function markdownTable(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const text = rows.map((r) => r.map((c) => (typeof c === 'number' ? fmt(c) : c)));
  const widths = headers.map((h, i) => Math.max(h.length, ...text.map((r) => (r[i] ?? '').length), 3));
  // The first column holds labels; the others hold figures and are right-aligned.
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(headers), rule, ...text.map(line)].join('\n');
}
