/**
 * Training on an actions-runner-controller runner scale set: Kubernetes starts ephemeral GPU
 * runner pods on demand, where a team outgrows one machine.
 */
import type { NamedPattern } from '@ml-cicd/config';
import { answerOf, defineOption, flagPatternProblem } from '../../option-types.js';
import { showGpuStep } from '../../workflow-steps.js';
import { placeholders } from '../../placeholders.js';
import { runnerKind } from '../../add-kinds.js';
import { defineFeature } from '../types.js';
import { infraReadme, runnerSection } from './readme.js';
import { valuesFile } from './values.js';

/**
 * The scale set's installation name: a Kubernetes name of at most 45 characters (the chart
 * refuses longer ones), and the one `runs-on` label of its jobs.
 */
export const scaleSetName: NamedPattern = {
  pattern: '^(?=.{1,45}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?$',
  meaning:
    '1 to 45 lowercase letters, digits and hyphens, starting and ending with a letter or digit (e.g. gpu-training)',
};

const arcScaleSetOption = defineOption({
  key: 'arcScaleSet',
  kind: 'text',
  flag: 'arc-scale-set',
  message: 'Name of the runner scale set (its Helm installation name)',
  help: 'runner scale set name, the runs-on of training',
  form: 'a scale set name',
  default: 'gpu-training',
  problem: flagPatternProblem('arc-scale-set', scaleSetName),
});

const arcMaxRunnersOption = defineOption({
  key: 'arcMaxRunners',
  kind: 'number',
  flag: 'arc-max-runners',
  message: 'Most runner pods at once',
  help: 'most runner pods the scale set starts at once',
  default: 2,
  min: 1,
  max: 1000,
  unit: 'runners',
});

export const runnerArc = defineFeature({
  id: 'runner-arc',
  title: 'Kubernetes runner scale set (ARC)',
  description: 'ephemeral GPU runner pods that actions-runner-controller starts on demand',
  choice: { option: 'runner', value: 'arc' },
  schemaBranch: {
    meaning: 'a Kubernetes runner scale set',
    title: 'Runner scale set',
    description: 'Runner pods an actions-runner-controller scale set starts on demand.',
    properties: {
      'scale-set': {
        title: 'Scale set name',
        description: `The runner scale set's installation name and the runs-on of the training job: ${scaleSetName.meaning}.`,
        type: 'string',
        pattern: scaleSetName.pattern,
      },
      'max-runners': {
        title: 'Maximum runners',
        description: 'The most runner pods the scale set starts at once (it scales down to none).',
        type: 'integer',
        minimum: arcMaxRunnersOption.min,
        maximum: arcMaxRunnersOption.max,
      },
    },
    required: ['scale-set', 'max-runners'],
    patterns: [scaleSetName],
  },
  options: [arcScaleSetOption, arcMaxRunnersOption],
  add: { arc: runnerKind },
  contribute(model, { answers }) {
    const name = answerOf(answers, arcScaleSetOption);
    const maxRunners = answerOf(answers, arcMaxRunnersOption);
    const scaleSet = {
      name,
      maxRunners,
      owner: placeholders.owner,
      project: model.config.project.name,
    };
    // ARC runners answer to their scale set's name alone: no list, no self-hosted label.
    model.runner = {
      ...model.runner,
      runsOn: name,
      checksRunsOn: name,
      labels: [name],
      trustedCodeOnly: true,
      setupSteps: [showGpuStep],
    };
    model.setRunnerConfig({ 'scale-set': name, 'max-runners': maxRunners });
    model.addYaml('infra/arc/values.yaml', valuesFile(scaleSet));
    model.addFile('infra/arc/README.md', infraReadme(scaleSet));
    model.readme.push({ title: 'Runner', order: 60, body: runnerSection(scaleSet) });
  },
});
