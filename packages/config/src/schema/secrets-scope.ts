/** Schema of `secrets-scope`: whether jobs read environment secrets or repository secrets. */
import type { JsonSchema } from './json-schema.js';

export const secretsScopes = ['environment', 'repo'] as const;

export const secretsScope: JsonSchema = {
  title: 'Secrets scope',
  description:
    'environment (the default when absent): the jobs bind their GitHub Environment and read its secrets and variables, released only after its protection rules. repo: for repositories that cannot have environments (private repositories on a free plan); the jobs read repository secrets and variables, which every workflow on every branch can read, with no required reviewers and no branch restriction.',
  type: 'string',
  enum: [...secretsScopes],
};
