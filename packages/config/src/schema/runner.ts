/** Schema of `runner`: where the training job runs, one closed branch per kind. */
import type { RunnerKind } from '../types.js';
import type { JsonSchema } from './json-schema.js';
import { awsRegion, ec2InstanceType, runnerLabel, scaleSetName } from './patterns.js';

const kindDescription =
  'Where the training job runs: hosted (a GitHub-hosted runner), self-hosted (your own machine), cml-aws (an EC2 instance CML launches for each run) or arc (a Kubernetes runner scale set). Only hosted runners ever run code from fork pull requests.';

const timeoutMinutes: JsonSchema = {
  title: 'Timeout in minutes',
  description:
    'How long the training job may run before GitHub cancels it (1 to 4320, i.e. 72 hours).',
  type: 'integer',
  minimum: 1,
  maximum: 4320,
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
      'The runs-on label of the training job: ubuntu-latest, or the name of a larger GitHub-hosted runner your organisation set up.',
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

const cmlAws = {
  region: {
    title: 'AWS region',
    description: `Where CML launches the instance: ${awsRegion.meaning}. The workflow reads it from the AWS_REGION variable; this is the value to set.`,
    type: 'string',
    pattern: awsRegion.pattern,
  },
  'instance-type': {
    title: 'Instance type',
    description: `The instance CML launches: ${ec2InstanceType.meaning}.`,
    type: 'string',
    pattern: ec2InstanceType.pattern,
  },
  gpu: {
    title: 'GPU',
    description:
      'cml runner launch --cloud-gpu: nogpu, or a GPU type, after which CML waits for the NVIDIA driver (nvidia-smi) before it registers the runner.',
    enum: ['nogpu', 'k80', 'v100'],
  },
  spot: {
    title: 'Spot instance',
    description: 'Request a spot instance: cheaper, but AWS may reclaim it during a run.',
    type: 'boolean',
  },
  'disk-gb': {
    title: 'Disk size in GB',
    description: 'Size of the instance disk in GB.',
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
      'timeout-minutes': timeoutMinutes,
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
      'cml-aws',
      ['CML runner on AWS', 'An EC2 instance that CML launches for one training run.'],
      cmlAws,
      Object.keys(cmlAws),
    ),
    branch(
      'arc',
      ['Runner scale set', 'Runner pods an actions-runner-controller scale set starts on demand.'],
      arc,
      Object.keys(arc),
    ),
  ],
};
