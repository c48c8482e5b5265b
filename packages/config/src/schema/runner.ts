/** Schema of `runner`: where the training job runs, one closed branch per kind. */
import type { RunnerKind } from '../types.js';
import type { JsonSchema } from './json-schema.js';
import { runnerLabel } from './patterns.js';

const kindDescription =
  'Where the training job runs: hosted (GitHub-hosted ubuntu-latest) or self-hosted (your own machine, never reached by fork pull requests).';

const timeoutMinutes: JsonSchema = {
  title: 'Timeout in minutes',
  description:
    'How long the training job may run before GitHub cancels it (1 to 4320, i.e. 72 hours).',
  type: 'integer',
  minimum: 1,
  maximum: 4320,
};

const labels: JsonSchema = {
  title: 'Labels',
  description: 'Labels of the self-hosted runner to pick, after self-hosted (e.g. gpu).',
  type: 'array',
  uniqueItems: true,
  items: {
    title: 'Label',
    description: 'One runner label.',
    type: 'string',
    pattern: runnerLabel.pattern,
  },
};

function branch(
  kind: RunnerKind,
  [title, description]: [string, string],
  extra: Record<string, JsonSchema>,
): JsonSchema {
  return {
    title,
    description,
    type: 'object',
    required: ['kind', 'timeout-minutes'],
    additionalProperties: false,
    properties: {
      kind: { title: 'Kind', description: kindDescription, const: kind },
      ...extra,
      'timeout-minutes': timeoutMinutes,
    },
  };
}

export const runner: JsonSchema = {
  title: 'Runner',
  description: 'Where the training job runs and how long it may take.',
  type: 'object',
  discriminator: { propertyName: 'kind' },
  oneOf: [
    branch('hosted', ['GitHub-hosted runner', 'A fresh ubuntu-latest machine from GitHub.'], {}),
    branch(
      'self-hosted',
      ['Self-hosted runner', 'Your own machine (e.g. a GPU box), picked by its labels.'],
      { labels },
    ),
  ],
};
