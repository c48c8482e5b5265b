/** A finding: one problem in the repository, as data, with the file and 1-based line and column. */
import { codeUnitOrder } from '@ml-cicd/core';

export const severities = ['error', 'warning', 'info'] as const;
export type Severity = (typeof severities)[number];

export interface Finding {
  /** The rule that found it: a named rule's id, or `yaml`, `schema`, `workflow-parser`. */
  rule: string;
  severity: Severity;
  /** Relative to the validated folder, with `/`. */
  file: string;
  line: number;
  column: number;
  /** One sentence: what is wrong and what would be valid. */
  message: string;
}

/** Whether `severity` is at least as serious as `threshold`. */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return severities.indexOf(severity) <= severities.indexOf(threshold);
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    codeUnitOrder(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    codeUnitOrder(a.rule, b.rule) ||
    codeUnitOrder(a.message, b.message)
  );
}
