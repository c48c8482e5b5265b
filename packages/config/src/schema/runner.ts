/** Schema of `runner`: where the training job runs, one closed branch per kind. */
import type { RunnerKind } from '../types.js';
import { githubLimits } from '../limits.js';
import type { JsonSchema } from './json-schema.js';
import { awsRegion, ec2InstanceType, runnerLabel, scaleSetName } from './patterns.js';

const kindDescription =
  'Where the training job runs: hosted (a GitHub-hosted runner), self-hosted (your own machine), ec2 (an EC2 instance started for each run and terminated after it) or arc (a Kubernetes runner scale set). Only hosted runners ever run code from fork pull requests.';

const timeoutMinutes: JsonSchema = {
  title: 'Timeout in minutes',
  description: `How long the training job may run before GitHub cancels it (1 to ${githubLimits.selfHostedJobMinutes}, i.e. 5 days, GitHub's limit for a job on a self-hosted runner).`,
  type: 'integer',
  minimum: 1,
  maximum: githubLimits.selfHostedJobMinutes,
};

const hostedTimeoutMinutes: JsonSchema = {
  ...timeoutMinutes,
  description: `How long the training job may run before GitHub cancels it (1 to ${githubLimits.hostedJobMinutes}, i.e. 6 hours, GitHub's limit for a job on a hosted runner).`,
  maximum: githubLimits.hostedJobMinutes,
};

const label: JsonSchema = {
  title: 'Label',
  description: `One runner label: ${runnerLabel.meaning}.`,
  type: 'string',
  pattern: runnerLabel.pattern,
};

const hosted = {
  label: {
    ...label,
    title: 'Hosted runner label',
    description:
      'The runs-on label of the training job: a named image such as ubuntu-24.04 (not ubuntu-latest, which GitHub moves to newer images), or the name of a larger GitHub-hosted runner your organisation set up.',
  },
};

const selfHosted = {
  labels: {
    title: 'Labels',
    description: 'Labels of the self-hosted runner to pick, after self-hosted (e.g. gpu).',
    type: 'array',
    uniqueItems: true,
    items: label,
  },
} satisfies Record<string, JsonSchema>;

const ec2 = {
  region: {
    title: 'AWS region',
    description: `Where the instance starts: ${awsRegion.meaning}. The workflow reads it from the AWS_REGION variable; this is the value to set.`,
    type: 'string',
    pattern: awsRegion.pattern,
  },
  'instance-types': {
    title: 'Instance types',
    description: `The instance types to start (1 to 5), tried in order until one starts (each in every subnet of EC2_SUBNET_IDS): ${ec2InstanceType.meaning}. A GPU type (g or p family) adds an nvidia-smi check.`,
    type: 'array',
    minItems: 1,
    uniqueItems: true,
    items: {
      title: 'Instance type',
      description: `One instance type: ${ec2InstanceType.meaning}.`,
      type: 'string',
      pattern: ec2InstanceType.pattern,
    },
  },
  spot: {
    title: 'Spot instance',
    description:
      'Start spot instances (market-type: spot): cheaper, but AWS may reclaim one during a run.',
    type: 'boolean',
  },
  'disk-gb': {
    title: 'Disk size in GB',
    description: 'Size of the instance root volume in GB (gp3); at least the AMI snapshot size.',
    type: 'integer',
    minimum: 8,
    maximum: 16384,
  },
} satisfies Record<string, JsonSchema>;

const arc = {
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
    minimum: 1,
    maximum: 1000,
  },
} satisfies Record<string, JsonSchema>;

function branch(
  kind: RunnerKind,
  [title, description]: [string, string],
  extra: Record<string, JsonSchema>,
  required: string[] = [],
): JsonSchema {
  return {
    title,
    description,
    type: 'object',
    required: ['kind', ...required, 'timeout-minutes'],
    additionalProperties: false,
    properties: {
      kind: { title: 'Kind', description: kindDescription, const: kind },
      ...extra,
      'timeout-minutes': kind === 'hosted' ? hostedTimeoutMinutes : timeoutMinutes,
    },
  };
}

export const runner: JsonSchema = {
  title: 'Runner',
  description: 'Where the training job runs and how long it may take.',
  type: 'object',
  discriminator: { propertyName: 'kind' },
  oneOf: [
    branch('hosted', ['GitHub-hosted runner', 'A fresh machine from GitHub for each job.'], hosted),
    branch(
      'self-hosted',
      ['Self-hosted runner', 'Your own machine (e.g. a GPU box), picked by its labels.'],
      selfHosted,
    ),
    branch(
      'ec2',
      ['On-demand EC2 runner', 'An EC2 instance started for one training run, then terminated.'],
      ec2,
      Object.keys(ec2),
    ),
    branch(
      'arc',
      ['Runner scale set', 'Runner pods an actions-runner-controller scale set starts on demand.'],
      arc,
      Object.keys(arc),
    ),
  ],
};
