/** What a named validate rule is: an id, its doc, and a check that returns problems as data. */
import type { Severity } from '../finding.js';
import type { Problem } from '../problem.js';
import type { MlCicdConfig } from '../types.js';

export interface Rule {
  /** Spelled the same in the rule's file, its test file, `rules: {<id>: off}` and the docs. */
  id: string;
  /** What the rule checks and why, for the docs. */
  doc: string;
  severity: Severity;
  /** Runs on a config that already matches the schema. */
  check(config: MlCicdConfig): Problem[];
}
