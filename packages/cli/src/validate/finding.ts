/** The order findings are listed in; the finding itself is @ml-cicd/config's, shared by every rule. */
import type { Finding } from '@ml-cicd/config';
import { codeUnitOrder } from '@ml-cicd/core';

export { atLeast, severities, type Finding, type Severity } from '@ml-cicd/config';

export function compareFindings(a: Finding, b: Finding): number {
  return (
    codeUnitOrder(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    codeUnitOrder(a.rule, b.rule) ||
    codeUnitOrder(a.message, b.message)
  );
}
