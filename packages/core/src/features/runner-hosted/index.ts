/** Training and CI on GitHub-hosted runners: nothing to set up, fine for small models. */
import { runnerLabel } from '@ml-cicd/config';
import { answerOf } from '../../answers.js';
import { hostedRunner } from '../../model.js';
import { flagPatternProblem } from '../../option-types.js';
import { defineFeature } from '../types.js';

export const runnerHosted = defineFeature({
  id: 'runner-hosted',
  title: 'GitHub-hosted runner',
  description: 'ubuntu-latest, or a larger runner by label; nothing to set up',
  choice: { option: 'runner', value: 'hosted' },
  options: [
    {
      key: 'hostedLabel',
      kind: 'text',
      flag: 'hosted-label',
      message: 'Runner label of training (ubuntu-latest, or a larger runner of your organisation)',
      help: 'runs-on label of training: a larger GitHub-hosted runner',
      form: 'a runner label',
      default: hostedRunner,
      problem: flagPatternProblem('hosted-label', runnerLabel),
    },
  ],
  contribute(model, { answers }) {
    const label = answerOf(answers, 'hostedLabel');
    // A larger runner's label is a name your organisation chose: actionlint must be told of it.
    model.runner = {
      ...model.runner,
      runsOn: label,
      labels: label === hostedRunner ? [] : [label],
    };
    model.setRunnerConfig({ label });
    const where =
      label === hostedRunner
        ? 'Jobs run on GitHub-hosted `ubuntu-latest` runners.'
        : `Training runs on the larger GitHub-hosted runner \`${label}\` (billed per minute, also in\npublic repositories); lint and tests run on \`ubuntu-latest\`.`;
    model.readme.push({
      title: 'Runner',
      order: 60,
      body: `${where}
When training outgrows them, generate the project again with \`--runner self-hosted\`,
\`cml-aws\` or \`arc\`: only the training job's \`runs-on\` changes.`,
    });
  },
});
