/**
 * Schema of `runner`: where the training job runs, one closed branch per kind. Each kind is a
 * runner feature of @ml-cicd/core, which declares its branch (`kinds.generated.ts`).
 */
import { githubLimits } from '../limits.js';
import type { JsonSchema } from './json-schema.js';
import { kindBranch, runnerKinds } from './kinds.js';

const meanings = runnerKinds.map(({ value, meaning }) => `${value} (${meaning})`);
// "a, b or c". Not Intl.ListFormat: making one loads ICU's locale data, 10 ms of every scaffold.
const orList = (items: string[]) =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
const kindDescription = `Where the training job runs: ${orList(meanings)}. Only hosted runners ever run code from fork pull requests.`;

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
