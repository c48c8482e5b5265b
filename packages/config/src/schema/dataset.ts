/** Schema of `dataset`: the file the generated project trains on, committed with the code. */
import type { JsonSchema } from './json-schema.js';
import { datasetPath, inertLine } from './patterns.js';

export const dataset: JsonSchema = {
  title: 'Dataset',
  description:
    "The file the generated project's train.py trains on, read by the same loader in training, re-evaluation and the project's tests; absent: the task's data set bundled with scikit-learn. Every workflow trains from the commit, so commit the file (or track it with DVC).",
  type: 'object',
  required: ['path'],
  additionalProperties: false,
  properties: {
    path: {
      title: 'Data file',
      description: `A CSV file with a header row, or a Parquet file: ${datasetPath.meaning}. Every column but the target is a numeric feature.`,
      type: 'string',
      pattern: datasetPath.pattern,
    },
    target: {
      title: 'Target column',
      description: `The column the model predicts (class labels for classification, numbers for regression): ${inertLine.meaning}; absent means target.`,
      type: 'string',
      minLength: 1,
      pattern: inertLine.pattern,
    },
  },
};
