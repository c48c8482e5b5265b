/** `--format json`: one document with the findings shown, the notes and the counts. */
import type { Report } from '../validate/validate-project.js';
import { shown, type RenderContext } from './context.js';

export function formatJson(report: Report, context: RenderContext, version: string): string {
  const { findings, hidden, counts } = shown(report, context);
  const document = {
    tool: { name: 'ml-cicd', version },
    dir: report.dir,
    minSeverity: context.minSeverity,
    findings,
    counts,
    hidden,
    notes: report.notes,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
