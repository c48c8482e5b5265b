/**
 * Schema of `runner`: where the training job runs, one closed branch per kind. Each kind is a
 * runner feature of @ml-cicd/core, which declares its branch (`kinds.generated.ts`).
 */
import { githubLimits } from '../limits.js';
import type { JsonSchema } from './json-schema.js';
import { kindBranch, runnerKinds } from './kinds.js';

const meanings = runnerKinds.map(({ value, meaning }) => `${value} (${meaning})`);
const orList = new Intl.ListFormat('en-GB', { type: 'disjunction' });
const kindDescription = `Where the training job runs: ${orList.format(meanings)}. Only hosted runners ever run code from fork pull requests.`;

/** A job's timeout on any runner but GitHub's own; a kind may declare a tighter one. */
export const runnerTimeoutMinutes: JsonSchema = {
  title: 'Timeout in minutes',
  description: `How long the training job may run before GitHub cancels it (1 to ${githubLimits.selfHostedJobMinutes}, i.e. 5 days, GitHub's limit for a job on a self-hosted runner).`,
  type: 'integer',
  minimum: 1,
  maximum: githubLimits.selfHostedJobMinutes,
};

export const runner: JsonSchema = {
  title: 'Runner',
  description: 'Where the training job runs and how long it may take.',
  type: 'object',
  discriminator: { propertyName: 'kind' },
  oneOf: runnerKinds.map((kind) =>
    kindBranch(kind, kindDescription, { 'timeout-minutes': runnerTimeoutMinutes }),
  ),
};
