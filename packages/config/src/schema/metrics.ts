/** Schema of `metrics`: where training writes its metrics and the gates they must pass. */
import type { JsonSchema } from './json-schema.js';

const bound = (title: string, description: string): JsonSchema => ({
  title,
  description,
  type: 'number',
});

const gate: JsonSchema = {
  title: 'Gate',
  description: 'A threshold a metric must meet for the training run to pass: min, max or both.',
  type: 'object',
  required: ['metric'],
  additionalProperties: false,
  properties: {
    metric: {
      title: 'Metric',
      description: 'The name of a metric in the metrics file (e.g. accuracy).',
      type: 'string',
      minLength: 1,
    },
    min: bound('Minimum', 'The metric must be at least this value.'),
    max: bound('Maximum', 'The metric must be at most this value.'),
  },
  anyOf: [{ required: ['min'] }, { required: ['max'] }],
};

export const metrics: JsonSchema = {
  title: 'Metrics',
  description: 'Where training writes its metrics, and the gates they must pass.',
  type: 'object',
  required: ['file', 'gates'],
  additionalProperties: false,
  properties: {
    file: {
      title: 'Metrics file',
      description:
        'The JSON file, relative to the repository root, that training writes its metrics to.',
      type: 'string',
      minLength: 1,
    },
    gates: {
      title: 'Gates',
      description: 'Thresholds the metrics must meet; the CI run fails when one is missed.',
      type: 'array',
      items: gate,
    },
  },
};
