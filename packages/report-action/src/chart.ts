/** A Mermaid chart of this run against the base, which GitHub draws in comments and summaries. */
import type { MetricRow } from './metrics.ts';

const MAX_BARS = 12;

/** Undefined when no metric has a non-zero base to compare with. */
export function renderChart(rows: MetricRow[], gated: Set<string>, runLabel: string) {
  const comparable = rows.filter(
    (row) =>
      row.head !== undefined && row.changePct !== undefined && Number.isFinite(row.changePct),
  );
  // Gated metrics first: with many metrics they are the ones a reviewer looks for.
  const shown = [
    ...comparable.filter((row) => gated.has(row.name)),
    ...comparable.filter((row) => !gated.has(row.name)),
  ].slice(0, MAX_BARS);
  if (shown.length === 0) return undefined;
  // Metrics differ in scale, so each bar is this run as a percentage of its own base.
  const bars = shown.map((row) => Number((100 + (row.changePct ?? 0)).toFixed(2)));
  const low = Math.floor(Math.min(100, ...bars) - 1);
  const high = Math.ceil(Math.max(100, ...bars) + 1);
  const label = (text: string) => `"${text.replace(/["\r\n`]/g, '')}"`;
  return [
    '```mermaid',
    'xychart-beta',
    `  title ${label(`${runLabel} as % of base (base = 100)`)}`,
    `  x-axis [${shown.map((row) => label(row.name)).join(', ')}]`,
    `  y-axis "% of base" ${low} --> ${high}`,
    `  bar [${bars.join(', ')}]`,
    `  line [${bars.map(() => 100).join(', ')}]`,
    '```',
  ].join('\n');
}
