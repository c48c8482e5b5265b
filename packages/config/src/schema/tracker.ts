/** Schema of `tracker`: the experiment tracker runs are logged to, besides the local files. */
import type { JsonSchema } from './json-schema.js';
import { trackerKinds } from './kinds.js';

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
      description: `${trackerKinds.map(({ value, description }) => `${value}: ${description}`).join('; ')}.`,
      type: 'string',
      enum: trackerKinds.map(({ value }) => value),
    },
  },
};
