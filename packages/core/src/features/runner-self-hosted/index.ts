/** Training on the team's own machine (a GPU box): never reachable from a fork's pull request. */
import { answerOf, defineOption, patternProblem } from '../../option-types.js';
import { showGpuStep } from '../../workflow-steps.js';
import { runnerKind } from '../../add-kinds.js';
import { runnerLabel, runnerLabelSchema } from '../../runner-label.js';
import { defineFeature } from '../types.js';

const labelProblem = patternProblem(runnerLabel);

const runnerLabelsOption = defineOption({
  key: 'runnerLabels',
  kind: 'list',
  flag: 'runner-labels',
  message: 'Labels of your self-hosted runner (comma-separated, after "self-hosted")',
  help: 'comma-separated labels of the self-hosted runner',
  default: ['linux', 'x64'],
  problem: (label) =>
    label === 'self-hosted'
      ? 'is added for you: list only the labels after it'
      : labelProblem(label),
});

export const runnerSelfHosted = defineFeature({
  id: 'runner-self-hosted',
  title: 'Self-hosted runner',
  description: 'your own machine (e.g. a GPU box), selected by labels',
  choice: { option: 'runner', value: 'self-hosted' },
  schemaBranch: {
    meaning: 'your own machine',
    title: 'Self-hosted runner',
    description: 'Your own machine (e.g. a GPU box), picked by its labels.',
    properties: {
      labels: {
        title: 'Labels',
        description: 'Labels of the self-hosted runner to pick, after self-hosted (e.g. gpu).',
        type: 'array',
        uniqueItems: true,
        items: runnerLabelSchema,
      },
    },
    required: [],
    patterns: [runnerLabel],
  },
  options: [runnerLabelsOption],
  add: { 'self-hosted': runnerKind },
  contribute(model, { answers }) {
    const labels = [...answerOf(answers, runnerLabelsOption)];
    const runsOn = ['self-hosted', ...labels];
    model.runner = {
      ...model.runner,
      runsOn,
      checksRunsOn: runsOn,
      labels,
      trustedCodeOnly: true,
      setupSteps: [showGpuStep],
    };
    model.setRunnerConfig({ labels });
    const shown = runsOn.map((label) => `\`${label}\``).join(', ');
    model.readme.push({
      title: 'Runner',
      order: 60,
      body: `Training and same-repository checks run on a self-hosted runner with the labels ${shown}.
Register one under Settings → Actions → Runners with those labels (\`./config.sh --labels ${labels.join(',')}\`),
preferably as an ephemeral runner (\`--ephemeral\`), so each job starts clean.

The workflows check pull requests from forks on a GitHub-hosted runner, and training runs only when
someone with write access dispatches it. That alone does not keep forks away in a public repository:
a fork's pull request runs the fork's copy of the workflows, which can name these labels. So
\`ml-cicd secrets --apply\` makes every outside contributor's run wait for your approval; keep
secrets off the machine, and in an organisation limit the runner's group to this repository's
selected workflows (ml-cicd's docs/runners.md). A job waits in the queue while no runner with these
labels is online, and GitHub fails it after 24 hours there; \`timeout-minutes\` bounds the run itself.
The training log starts with \`nvidia-smi\`, so you can see which GPU it got.`,
    });
  },
});
