/** A runner label, as the hosted and self-hosted runners take it: its pattern and its schema. */
import type { JsonSchema, NamedPattern } from '@ml-cicd/config';

export const runnerLabel: NamedPattern = {
  pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$',
  meaning:
    '1 to 100 letters, digits, dots, hyphens and underscores, starting with a letter or digit (e.g. gpu)',
};

export const runnerLabelSchema: JsonSchema = {
  title: 'Label',
  description: `One runner label: ${runnerLabel.meaning}.`,
  type: 'string',
  pattern: runnerLabel.pattern,
};
