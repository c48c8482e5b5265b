/** The named validate rules, in the order they run; each can be turned off in `rules:`. */
import { credentialNames } from './credential-names.js';
import { paramDefaultInChoices } from './param-default-in-choices.js';
import { paramDefaultInRange } from './param-default-in-range.js';
import { paramDefaultMatchesPattern } from './param-default-matches-pattern.js';
import { paramNamesDistinct } from './param-names-distinct.js';
import type { Rule } from './rule.js';

export { credentialNameProblem } from './credential-names.js';
export type { Rule } from './rule.js';

export const rules: readonly Rule[] = [
  paramNamesDistinct,
  paramDefaultInRange,
  paramDefaultInChoices,
  paramDefaultMatchesPattern,
  credentialNames,
];
