/** The rules of ml-cicd.yaml, in the order they run as it is loaded; each can be turned off in `rules:`. */
import type { ConfigRule } from './subject.js';
import { credentialNames } from './credential-names.js';
import { paramDefaultInChoices } from './param-default-in-choices.js';
import { paramDefaultInRange } from './param-default-in-range.js';
import { paramDefaultMatchesPattern } from './param-default-matches-pattern.js';
import { paramNamesDistinct } from './param-names-distinct.js';

export { credentialNameProblem } from './credential-names.js';
export type { ConfigRule, ConfigSubject } from './subject.js';

export const rules: readonly ConfigRule[] = [
  paramNamesDistinct,
  paramDefaultInRange,
  paramDefaultInChoices,
  paramDefaultMatchesPattern,
  credentialNames,
];
