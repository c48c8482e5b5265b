/** Training and CI on GitHub-hosted runners: nothing to set up, fine for small models. */
import { githubLimits, runnerTimeoutMinutes } from '@ml-cicd/config';
import { hostedRunner, hostedTrainingImage } from '../../model.js';
import { answerOf, defineOption, flagPatternProblem } from '../../option-types.js';
import { runnerKind } from '../../add-kinds.js';
import { runnerLabel, runnerLabelSchema } from '../../runner-label.js';
import { defineFeature } from '../types.js';

/** Labels every self-hosted runner has by default: on one of them training would leave GitHub's. */
const selfHostedDefaultLabels = new Set([
  'self-hosted',
  'linux',
  'windows',
  'macos',
  'x64',
  'arm',
  'arm64',
]);

const labelPatternProblem = flagPatternProblem('hosted-label', runnerLabel);

function hostedLabelProblem(label: string): string | undefined {
  if (selfHostedDefaultLabels.has(label.toLowerCase())) {
    return `--hosted-label: "${label}" is a label of self-hosted runners, so training would run on one unguarded; use --runner self-hosted for your own machine, or name a GitHub-hosted image such as ${hostedTrainingImage} or a larger runner.`;
  }
  return labelPatternProblem(label);
}

const hostedLabelOption = defineOption({
  key: 'hostedLabel',
  kind: 'text',
  flag: 'hosted-label',
  message:
    'Runner label of training (a named image such as ubuntu-24.04, or a larger runner of your organisation)',
  help: 'runs-on label of training: a named GitHub-hosted image or a larger runner',
  form: 'a runner label',
  default: hostedTrainingImage,
  problem: hostedLabelProblem,
});

export const runnerHosted = defineFeature({
  id: 'runner-hosted',
  title: 'GitHub-hosted runner',
  description: 'ubuntu-24.04, another image, or a larger runner by label; nothing to set up',
  choice: { option: 'runner', value: 'hosted' },
  schemaBranch: {
    meaning: 'a GitHub-hosted runner',
    title: 'GitHub-hosted runner',
    description: 'A fresh machine from GitHub for each job.',
    properties: {
      label: {
        ...runnerLabelSchema,
        title: 'Hosted runner label',
        description:
          'The runs-on label of the training job: a named image such as ubuntu-24.04 (not ubuntu-latest, which GitHub moves to newer images), or the name of a larger GitHub-hosted runner your organisation set up.',
      },
      'timeout-minutes': {
        ...runnerTimeoutMinutes,
        description: `How long the training job may run before GitHub cancels it (1 to ${githubLimits.hostedJobMinutes}, i.e. 6 hours, GitHub's limit for a job on a hosted runner).`,
        maximum: githubLimits.hostedJobMinutes,
      },
    },
    required: [],
    patterns: [runnerLabel],
  },
  options: [hostedLabelOption],
  problem: ({ runnerTimeout }) =>
    runnerTimeout > githubLimits.hostedJobMinutes
      ? `--runner-timeout must be at most ${githubLimits.hostedJobMinutes} minutes with --runner hosted: GitHub stops a job on a hosted runner after 6 hours (got ${runnerTimeout}).`
      : undefined,
  add: { hosted: runnerKind },
  contribute(model, { answers }) {
    const label = answerOf(answers, hostedLabelOption);
    // A larger runner's label is a name your organisation chose: actionlint must be told of it.
    const githubImage = label === hostedTrainingImage || label === hostedRunner;
    model.runner = { ...model.runner, runsOn: label, labels: githubImage ? [] : [label] };
    model.setRunnerConfig({ label });
    const where = githubImage
      ? `Training runs on GitHub's \`${label}\` image, named so that a later run trains the same way\n(\`ubuntu-latest\` moves to each new Ubuntu); lint and tests run on \`${hostedRunner}\`.`
      : `Training runs on the larger GitHub-hosted runner \`${label}\` (billed per minute, also in\npublic repositories); lint and tests run on \`${hostedRunner}\`.`;
    model.readme.push({
      title: 'Runner',
      order: 60,
      body: `${where}
When training outgrows them, move it with \`ml-cicd add workflow self-hosted\`, \`ec2\` or \`arc\`,
which writes train.yml for that runner and the runner's own files.`,
    });
  },
});
