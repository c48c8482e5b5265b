/** A finding: one problem in the repository, as data, with the file and 1-based line and column. */

export const severities = ['error', 'warning', 'info'] as const;
export type Severity = (typeof severities)[number];

export interface Finding {
  /** The rule that found it: a named rule's id, or `yaml`, `schema`, `workflow-parser`. */
  rule: string;
  severity: Severity;
  /** One sentence naming the path and what would be valid. */
  message: string;
  /** Relative to the validated folder, with `/`. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

/** Whether `severity` is at least as serious as `threshold`. */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return severities.indexOf(severity) <= severities.indexOf(threshold);
}

/** `ml-cicd.yaml:7:11: params.criterion.default "foo" is not one of its choices (gini, entropy).` */
export function formatFinding(finding: Finding): string {
  return `${finding.file}:${finding.line}:${finding.column}: ${finding.message}`;
}
