/** The last line of the text and GitHub outputs: the counts, and what --min-severity hid. */
import type { Severity } from '../validate/finding.js';

export function summaryLine(counts: Record<Severity, number>, hidden: number): string {
  const parts = (['error', 'warning', 'info'] as const)
    .filter((severity) => counts[severity] > 0)
    .map((severity) => `${counts[severity]} ${severity}${counts[severity] === 1 ? '' : 's'}`);
  const shown = parts.length > 0 ? `${parts.join(', ')}.` : 'No findings.';
  const more = hidden > 0 ? ` ${hidden} below --min-severity not shown.` : '';
  return `${shown}${more}\n`;
}
