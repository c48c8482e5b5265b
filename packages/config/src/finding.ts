/** A finding: one problem in `ml-cicd.yaml`, as data, with where it is. */

export type Severity = 'error' | 'warning';

export interface Finding {
  /** The rule that found it: a named rule's id, `schema` or `yaml`. */
  rule: string;
  severity: Severity;
  /** One sentence naming the path and what would be valid. */
  message: string;
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

/** `ml-cicd.yaml:7:11: params.criterion.default "foo" is not one of its choices (gini, entropy).` */
export function formatFinding(finding: Finding): string {
  return `${finding.file}:${finding.line}:${finding.column}: ${finding.message}`;
}
