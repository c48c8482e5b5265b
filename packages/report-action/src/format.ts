/** Numbers and text as they appear in the Markdown report. */

/** Up to four significant digits, never hiding the integer part. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : value < 0 ? '-∞' : 'NaN';
  if (Number.isInteger(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1000) return value.toFixed(1);
  if (abs < 1e-4) return value.toExponential(2);
  return String(Number(value.toPrecision(4)));
}

export function formatChange(value: number): string {
  const text = formatNumber(value);
  return value > 0 ? `+${text}` : text;
}

export function formatPercent(value: number): string {
  if (!Number.isFinite(value)) return formatNumber(value);
  const text = `${value.toFixed(2)}%`;
  return value > 0 ? `+${text}` : text;
}

/**
 * Names and values from metrics and params files go into a comment posted with the repository's
 * token, so they are shown as code spans: no HTML, no links, no @-mentions, no broken table cells.
 */
export function code(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ').replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
