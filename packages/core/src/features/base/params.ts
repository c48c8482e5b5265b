/**
 * The default project's hyperparameters and metric gates, per task. train.py builds its flags
 * from the params of ml-cicd.yaml at run time; `test-size` and `seed` are the split's and the
 * seed's, every other param is a keyword argument of the task's estimator (`max-depth` →
 * `max_depth`). The gates name metrics the task's evaluation writes.
 */
import type { Gate, Param, Task } from '@ml-cicd/config';

const forest = (criterion: Param): Record<string, Param> => ({
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
  criterion,
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
});

const classifierParams = forest({
  type: 'choice',
  default: 'gini',
  choices: ['gini', 'entropy', 'log_loss'],
  description: 'Function that measures the quality of a split.',
});

const regressorParams = forest({
  type: 'choice',
  default: 'squared_error',
  choices: ['squared_error', 'absolute_error', 'friedman_mse', 'poisson'],
  description: 'Function that measures the quality of a split.',
});

/** What each task trains on and with by default, the metrics it writes, and its gates. */
export const taskDefaults: Record<
  Task,
  {
    dataset: string;
    estimator: string;
    metrics: string[];
    params: Record<string, Param>;
    gates: Gate[];
  }
> = {
  binary: {
    dataset: 'load_breast_cancer',
    estimator: 'RandomForestClassifier',
    metrics: ['accuracy', 'f1', 'precision', 'recall', 'roc_auc'],
    params: classifierParams,
    gates: [
      { metric: 'accuracy', min: 0.9 },
      { metric: 'roc_auc', min: 0.95 },
    ],
  },
  multiclass: {
    dataset: 'load_wine',
    estimator: 'RandomForestClassifier',
    metrics: ['accuracy', 'f1_macro', 'precision_macro', 'recall_macro', 'roc_auc_ovr'],
    params: classifierParams,
    gates: [
      { metric: 'accuracy', min: 0.85 },
      { metric: 'f1_macro', min: 0.85 },
    ],
  },
  regression: {
    dataset: 'load_diabetes',
    estimator: 'RandomForestRegressor',
    metrics: ['r2', 'rmse', 'mae'],
    params: regressorParams,
    // The held-out rows decide much: over seeds 0..9 the default forest's r2 ranges 0.23 to 0.53.
    gates: [{ metric: 'r2', min: 0.2 }],
  },
};

/** A fresh copy of the task's params, for a model that may change them. */
export function defaultParams(task: Task): Record<string, Param> {
  return structuredClone(taskDefaults[task].params);
}

/** A fresh copy of the task's gates. */
export function defaultGates(task: Task): Gate[] {
  return structuredClone(taskDefaults[task].gates);
}
