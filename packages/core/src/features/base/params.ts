/** The default project's hyperparameters and metric gates (they match templates/base's params.py). */
import type { Gate, Param } from '@ml-cicd/config';

export const defaultParams: Record<string, Param> = {
  'n-estimators': {
    type: 'integer',
    default: 100,
    min: 1,
    max: 1000,
    description: 'Number of trees in the forest.',
  },
  'max-depth': {
    type: 'integer',
    default: 8,
    min: 1,
    max: 64,
    description: 'Maximum depth of each tree.',
  },
  criterion: {
    type: 'choice',
    default: 'gini',
    choices: ['gini', 'entropy', 'log_loss'],
    description: 'Function that measures the quality of a split.',
  },
  'test-size': {
    type: 'number',
    default: 0.25,
    min: 0.05,
    max: 0.5,
    description: 'Fraction of the data held out for evaluation.',
  },
  seed: {
    type: 'integer',
    default: 42,
    min: 0,
    max: 4294967295,
    description: 'Seed for every random source.',
  },
};

export const defaultGates: Gate[] = [
  { metric: 'accuracy', min: 0.9 },
  { metric: 'roc_auc', min: 0.95 },
];
