/**
 * What the default project's model predicts: two classes, more, or a number. The task picks the
 * default params and gates here, and train.py reads it from ml-cicd.yaml to pick its estimator,
 * metrics and plots.
 */
import type { Task } from '@ml-cicd/config';
import type { ProjectModel, ReadmeSection } from '../../model.js';
import { defineOption } from '../../option-types.js';
import { taskDefaults } from './params.js';

const hint = (task: Task) => {
  const { dataset, metrics } = taskDefaults[task];
  return `scikit-learn's ${dataset} until ml-cicd.yaml's dataset names your file; ${metrics.join(', ')}`;
};

export const taskOption = defineOption({
  key: 'task',
  kind: 'choice',
  flag: 'task',
  message: 'What does the model predict?',
  help: "what the model predicts, which decides its estimator, metrics, gates and plots (ml-cicd.yaml's task)",
  choices: [
    { value: 'binary', label: 'One of two classes (binary classification)', hint: hint('binary') },
    {
      value: 'multiclass',
      label: 'One of three or more classes (multiclass classification)',
      hint: hint('multiclass'),
    },
    { value: 'regression', label: 'A number (regression)', hint: hint('regression') },
  ],
  default: 'binary',
});

const described: Record<Task, string> = {
  binary: 'one of two classes (binary classification)',
  multiclass: 'one of three or more classes (multiclass classification)',
  regression: 'a number (regression)',
};

function body(model: ProjectModel): string {
  const task = model.config.task ?? 'binary';
  const { dataset, estimator, metrics } = taskDefaults[task];
  const recorded =
    task === 'binary'
      ? '`ml-cicd.yaml` has no `task`, which means `binary`'
      : `\`ml-cicd.yaml\` says \`task: ${task}\``;
  const quoted = metrics.map((metric) => `\`${metric}\``).join(', ');
  // One paragraph a line: the names in them vary in length too much to wrap by hand.
  return [
    `The model predicts ${described[task]}: ${recorded}. \`train.py\` reads it at run time and writes the metrics of the task (${quoted}) and its plots. The estimator, a \`${estimator}\`, is named once, in \`src/${model.config.project.package}/model.py\`: swapping it is one edit there. Each param of \`ml-cicd.yaml\` but \`test-size\` and \`seed\` is one of its keyword arguments (\`max-depth\` is \`max_depth\`).`,
    `It trains on scikit-learn's \`${dataset}\` data set, bundled, no download, until \`dataset\` in \`ml-cicd.yaml\` names your own: a CSV (or Parquet) file with a header row, numeric feature columns and the target column. Training, the report, re-evaluation and the project's tests all read it from there, so every workflow trains on the file of the commit: commit it (or track it with DVC).`,
    '```yaml\ndataset:\n  path: data/train.csv\n  target: label\n```',
    `${model.config.data ? 'Then run `npx ml-cicd sync`, which lists the file and `dataset` as inputs of the DVC pipeline. ' : ''}\`run.json\` records the sha256 of the data each run trained on. To change the task, run \`npx ml-cicd update --task <task>\` on a clean tree: it changes \`task\`, the params and the gates of \`ml-cicd.yaml\` and this README, and keeps your edits.`,
  ].join('\n\n');
}

/** A first training run with two params changed, valid for the task's estimator. */
export function trainExample(task: Task = 'binary'): string {
  const criterion = task === 'regression' ? 'absolute_error' : 'entropy';
  return `python train.py --criterion ${criterion} --max-depth 3`;
}

export const taskReadme: ReadmeSection = { title: 'Task and data', body, order: 15 };
