/** The default output: `file:line:col: severity [rule] message`, notes, then one summary line. */
import { summaryLine } from './summary.js';
import type { Severity } from '../validate/finding.js';
import type { Report } from '../validate/validate-project.js';
import { shown, type RenderContext } from './context.js';

const colours: Record<Severity | 'dim', [number, number]> = {
  error: [31, 39],
  warning: [33, 39],
  info: [36, 39],
  dim: [2, 22],
};

export function formatText(report: Report, context: RenderContext): string {
  const paint = (style: keyof typeof colours, text: string) =>
    context.color ? `\u001b[${colours[style][0]}m${text}\u001b[${colours[style][1]}m` : text;
  const { findings, hidden, counts } = shown(report, context);
  const lines = findings.map(
    (f) =>
      `${f.file}:${f.line}:${f.column}: ${paint(f.severity, f.severity)} ${paint('dim', `[${f.rule}]`)} ${f.message}\n`,
  );
  const notes = report.notes.map((note) => paint('dim', `note: ${note}`) + '\n');
  return [...lines, ...notes, summaryLine(counts, hidden)].join('');
}
