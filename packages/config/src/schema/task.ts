/** Schema of `task`: what the default project's model predicts, which decides its metrics. */
import type { Task } from '../types.js';
import type { JsonSchema } from './json-schema.js';

export const tasks = ['binary', 'multiclass', 'regression'] as const satisfies readonly Task[];

export const task: JsonSchema = {
  title: 'Task',
  description:
    'What the model predicts; train.py reads it at run time to pick the estimator, the metrics and the plots. binary (the default when absent): two classes, metrics accuracy, f1, precision, recall and roc_auc. multiclass: three or more classes, metrics accuracy and the macro averages f1_macro, precision_macro, recall_macro and roc_auc_ovr. regression: a number, metrics r2, rmse and mae. Changing it means changing the gates (metrics.gates) to metrics of the new task.',
  type: 'string',
  enum: [...tasks],
};
