/** Schema of `tracker`: the experiment tracker runs are logged to, besides the local files. */
import type { JsonSchema } from './json-schema.js';
// Written by `pnpm docs:tables` from the tracker features of @ml-cicd/core.
import trackerKinds from './tracker-kinds.json' with { type: 'json' };

const { kinds } = trackerKinds;

export const tracker: JsonSchema = {
  title: 'Tracker',
  description:
    'Where train.py logs each run besides the local files; its settings and secrets come from environment variables, never from this file.',
  type: 'object',
  required: ['kind'],
  additionalProperties: false,
  properties: {
    kind: {
      title: 'Kind',
      description: `${kinds.map(({ value, description }) => `${value}: ${description}`).join('; ')}.`,
      type: 'string',
      enum: kinds.map(({ value }) => value),
    },
  },
};
