/** `--format github`: workflow commands that GitHub Actions turns into annotations on the files. */
import type { Severity } from '../validate/finding.js';
import type { Report } from '../validate/validate-project.js';
import { summaryLine } from './summary.js';
import { shown, type RenderContext } from './context.js';

const commands: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

// The escaping of @actions/core: data escapes %, CR and LF; properties also : and ,.
export const annotationData = (text: string) =>
  text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const property = (text: string) =>
  annotationData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');

export function formatGithub(report: Report, context: RenderContext): string {
  const { findings, hidden, counts } = shown(report, context);
  const lines = findings.map(
    (f) =>
      `::${commands[f.severity]} file=${property(f.file)},line=${f.line},col=${f.column},title=${property(f.rule)}::${annotationData(f.message)}\n`,
  );
  const notes = report.notes.map((note) => `note: ${note}\n`);
  return [...lines, ...notes, summaryLine(counts, hidden)].join('');
}
