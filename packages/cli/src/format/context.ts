/** What every output format needs: which findings to show, and the paths as the caller sees them. */
import { relative, sep } from 'node:path';
import { atLeast, type Finding, type Severity } from '../validate/finding.js';
import type { Report } from '../validate/validate-project.js';

export interface RenderContext {
  minSeverity: Severity;
  color: boolean;
  /** Paths are shown relative to this folder, so `validate sub` prints `sub/...`. */
  cwd: string;
}

export interface Shown {
  findings: Finding[];
  /** Findings below `--min-severity`, not shown. */
  hidden: number;
  counts: Record<Severity, number>;
}

export function shown(report: Report, context: RenderContext): Shown {
  const prefix = relative(context.cwd, report.dir).split(sep).join('/');
  const findings = report.findings
    .filter((finding) => atLeast(finding.severity, context.minSeverity))
    .map((finding) => ({ ...finding, file: prefix ? `${prefix}/${finding.file}` : finding.file }));
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return { findings, hidden: report.findings.length - findings.length, counts };
}
