// Written by `pnpm docs:tables` from the features of @ml-cicd/core: do not edit.
import type { SchemaKinds } from './kinds.js';

export const kinds: SchemaKinds = {
  tracker: [
    { value: 'none', description: 'Local files only, params, metrics and model in outputs/' },
    {
      value: 'mlflow',
      description:
        'MLflow, log runs to an MLflow tracking server (also DagsHub) when MLFLOW_TRACKING_URI is set',
    },
    {
      value: 'wandb',
      description:
        'Weights & Biases, log runs to Weights & Biases when WANDB_API_KEY is set (offline mode too)',
    },
    {
      value: 'comet',
      description: 'Comet, log runs to Comet when COMET_API_KEY is set (offline archives too)',
    },
    {
      value: 'neptune',
      description: 'retired, kept so that projects which have it still validate until they move',
    },
  ],
  runner: [
    {
      value: 'hosted',
      meaning: 'a GitHub-hosted runner',
      title: 'GitHub-hosted runner',
      description: 'A fresh machine from GitHub for each job.',
      properties: {
        label: {
          title: 'Hosted runner label',
          description:
            'The runs-on label of the training job: a named image such as ubuntu-24.04 (not ubuntu-latest, which GitHub moves to newer images), or the name of a larger GitHub-hosted runner your organisation set up.',
          type: 'string',
          pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$',
        },
        'timeout-minutes': {
          title: 'Timeout in minutes',
          description:
            "How long the training job may run before GitHub cancels it (1 to 360, i.e. 6 hours, GitHub's limit for a job on a hosted runner).",
          type: 'integer',
          minimum: 1,
          maximum: 360,
        },
      },
      required: [],
      patterns: [
        {
          pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$',
          meaning:
            '1 to 100 letters, digits, dots, hyphens and underscores, starting with a letter or digit (e.g. gpu)',
        },
      ],
    },
    {
      value: 'self-hosted',
      meaning: 'your own machine',
      title: 'Self-hosted runner',
      description: 'Your own machine (e.g. a GPU box), picked by its labels.',
      properties: {
        labels: {
          title: 'Labels',
          description: 'Labels of the self-hosted runner to pick, after self-hosted (e.g. gpu).',
          type: 'array',
          uniqueItems: true,
          items: {
            title: 'Label',
            description:
              'One runner label: 1 to 100 letters, digits, dots, hyphens and underscores, starting with a letter or digit (e.g. gpu).',
            type: 'string',
            pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$',
          },
        },
      },
      required: [],
      patterns: [
        {
          pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$',
          meaning:
            '1 to 100 letters, digits, dots, hyphens and underscores, starting with a letter or digit (e.g. gpu)',
        },
      ],
    },
    {
      value: 'ec2',
      meaning: 'an EC2 instance started for each run and terminated after it',
      title: 'On-demand EC2 runner',
      description: 'An EC2 instance started for one training run, then terminated.',
      properties: {
        region: {
          title: 'AWS region',
          description:
            'Where the instance starts: an AWS region name such as us-east-1 or eu-west-2. The workflow reads it from the AWS_REGION variable; this is the value to set.',
          type: 'string',
          pattern: '^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]{1,2}$',
        },
        'instance-types': {
          title: 'Instance types',
          description:
            'The instance types to start (1 to 5), tried in order until one starts (each in every subnet of EC2_SUBNET_IDS): an EC2 instance type such as g4dn.xlarge or p3.2xlarge. A GPU type (g or p family) adds an nvidia-smi check.',
          type: 'array',
          minItems: 1,
          maxItems: 5,
          uniqueItems: true,
          items: {
            title: 'Instance type',
            description:
              'One instance type: an EC2 instance type such as g4dn.xlarge or p3.2xlarge.',
            type: 'string',
            pattern: '^[a-z][a-z0-9-]*\\.[a-z0-9]+$',
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
          description:
            'Size of the instance root volume in GB (gp3); at least the AMI snapshot size.',
          type: 'integer',
          minimum: 8,
          maximum: 16384,
        },
      },
      required: ['region', 'instance-types', 'spot', 'disk-gb'],
      patterns: [
        {
          pattern: '^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]{1,2}$',
          meaning: 'an AWS region name such as us-east-1 or eu-west-2',
        },
        {
          pattern: '^[a-z][a-z0-9-]*\\.[a-z0-9]+$',
          meaning: 'an EC2 instance type such as g4dn.xlarge or p3.2xlarge',
        },
      ],
    },
    {
      value: 'arc',
      meaning: 'a Kubernetes runner scale set',
      title: 'Runner scale set',
      description: 'Runner pods an actions-runner-controller scale set starts on demand.',
      properties: {
        'scale-set': {
          title: 'Scale set name',
          description:
            "The runner scale set's installation name and the runs-on of the training job: 1 to 45 lowercase letters, digits and hyphens, starting and ending with a letter or digit (e.g. gpu-training).",
          type: 'string',
          pattern: '^(?=.{1,45}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?$',
        },
        'max-runners': {
          title: 'Maximum runners',
          description:
            'The most runner pods the scale set starts at once (it scales down to none).',
          type: 'integer',
          minimum: 1,
          maximum: 1000,
        },
      },
      required: ['scale-set', 'max-runners'],
      patterns: [
        {
          pattern: '^(?=.{1,45}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?$',
          meaning:
            '1 to 45 lowercase letters, digits and hyphens, starting and ending with a letter or digit (e.g. gpu-training)',
        },
      ],
    },
  ],
  data: [
    {
      value: 'dvc',
      meaning: 'data and models versioned with DVC',
      title: 'DVC setup',
      description:
        'Data and models versioned with DVC: dvc.yaml stages, params.yaml (made from params) and a remote.',
      properties: {
        remote: {
          title: 'DVC remote',
          description: 'The default DVC remote: its kind and URL (credentials never go here).',
          type: 'object',
          discriminator: { propertyName: 'kind' },
          oneOf: [
            {
              title: 's3 remote',
              description: 'An s3 remote at an s3://<bucket>/<path> URL.',
              type: 'object',
              required: ['kind', 'url'],
              additionalProperties: false,
              properties: {
                kind: {
                  title: 'Kind',
                  description:
                    'Where DVC keeps data and models: s3, gs, azure, ssh, local, dagshub, http.',
                  const: 's3',
                },
                url: {
                  title: 'URL',
                  description: "The remote's URL in .dvc/config: an s3://<bucket>/<path> URL.",
                  type: 'string',
                  pattern: '^s3://[^/\\s]+(/\\S*)?$',
                },
              },
            },
            {
              title: 'gs remote',
              description: 'A gs remote at a gs://<bucket>/<path> URL.',
              type: 'object',
              required: ['kind', 'url'],
              additionalProperties: false,
              properties: {
                kind: {
                  title: 'Kind',
                  description:
                    'Where DVC keeps data and models: s3, gs, azure, ssh, local, dagshub, http.',
                  const: 'gs',
                },
                url: {
                  title: 'URL',
                  description: "The remote's URL in .dvc/config: a gs://<bucket>/<path> URL.",
                  type: 'string',
                  pattern: '^gs://[^/\\s]+(/\\S*)?$',
                },
              },
            },
            {
              title: 'azure remote',
              description: 'An azure remote at an azure://<container>/<path> URL.',
              type: 'object',
              required: ['kind', 'url'],
              additionalProperties: false,
              properties: {
                kind: {
                  title: 'Kind',
                  description:
                    'Where DVC keeps data and models: s3, gs, azure, ssh, local, dagshub, http.',
                  const: 'azure',
                },
                url: {
                  title: 'URL',
                  description:
                    "The remote's URL in .dvc/config: an azure://<container>/<path> URL.",
                  type: 'string',
                  pattern: '^azure://[^/\\s]+(/\\S*)?$',
                },
              },
            },
            {
              title: 'ssh remote',
              description: 'An ssh remote at an ssh://[<user>@]<host>/<path> URL.',
              type: 'object',
              required: ['kind', 'url'],
              additionalProperties: false,
              properties: {
                kind: {
                  title: 'Kind',
                  description:
                    'Where DVC keeps data and models: s3, gs, azure, ssh, local, dagshub, http.',
                  const: 'ssh',
                },
                url: {
                  title: 'URL',
                  description:
                    "The remote's URL in .dvc/config: an ssh://[<user>@]<host>/<path> URL.",
                  type: 'string',
                  pattern: '^ssh://([^@/\\s]+@)?[^@/\\s]+(/\\S*)?$',
                },
              },
            },
            {
              title: 'local remote',
              description: 'A local remote at a folder path (no URL scheme).',
              type: 'object',
              required: ['kind', 'url'],
              additionalProperties: false,
              properties: {
                kind: {
                  title: 'Kind',
                  description:
                    'Where DVC keeps data and models: s3, gs, azure, ssh, local, dagshub, http.',
                  const: 'local',
                },
                url: {
                  title: 'URL',
                  description: "The remote's URL in .dvc/config: a folder path (no URL scheme).",
                  type: 'string',
                  pattern: '^(?![A-Za-z][A-Za-z0-9+.-]+://)\\S(.*\\S)?$',
                },
              },
            },
            {
              title: 'dagshub remote',
              description: 'A dagshub remote at a https://dagshub.com/<owner>/<repo>.dvc URL.',
              type: 'object',
              required: ['kind', 'url'],
              additionalProperties: false,
              properties: {
                kind: {
                  title: 'Kind',
                  description:
                    'Where DVC keeps data and models: s3, gs, azure, ssh, local, dagshub, http.',
                  const: 'dagshub',
                },
                url: {
                  title: 'URL',
                  description:
                    "The remote's URL in .dvc/config: a https://dagshub.com/<owner>/<repo>.dvc URL.",
                  type: 'string',
                  pattern: '^https://dagshub\\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+\\.dvc$',
                },
              },
            },
            {
              title: 'http remote',
              description:
                'An http remote at an http(s)://<host>/<path> URL on a host other than dagshub.com (the dagshub kind).',
              type: 'object',
              required: ['kind', 'url'],
              additionalProperties: false,
              properties: {
                kind: {
                  title: 'Kind',
                  description:
                    'Where DVC keeps data and models: s3, gs, azure, ssh, local, dagshub, http.',
                  const: 'http',
                },
                url: {
                  title: 'URL',
                  description:
                    "The remote's URL in .dvc/config: an http(s)://<host>/<path> URL on a host other than dagshub.com (the dagshub kind).",
                  type: 'string',
                  pattern: '^https?://(?!dagshub\\.com(?:[:/]|$))[^/\\s]+(/\\S*)?$',
                },
              },
            },
          ],
        },
      },
      required: ['remote'],
      patterns: [
        { pattern: '^s3://[^/\\s]+(/\\S*)?$', meaning: 'an s3://<bucket>/<path> URL' },
        { pattern: '^gs://[^/\\s]+(/\\S*)?$', meaning: 'a gs://<bucket>/<path> URL' },
        { pattern: '^azure://[^/\\s]+(/\\S*)?$', meaning: 'an azure://<container>/<path> URL' },
        {
          pattern: '^ssh://([^@/\\s]+@)?[^@/\\s]+(/\\S*)?$',
          meaning: 'an ssh://[<user>@]<host>/<path> URL',
        },
        {
          pattern: '^(?![A-Za-z][A-Za-z0-9+.-]+://)\\S(.*\\S)?$',
          meaning: 'a folder path (no URL scheme)',
        },
        {
          pattern: '^https://dagshub\\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+\\.dvc$',
          meaning: 'a https://dagshub.com/<owner>/<repo>.dvc URL',
        },
        {
          pattern: '^https?://(?!dagshub\\.com(?:[:/]|$))[^/\\s]+(/\\S*)?$',
          meaning:
            'an http(s)://<host>/<path> URL on a host other than dagshub.com (the dagshub kind)',
        },
      ],
    },
  ],
  replaced: { 'runner.kind': { 'cml-aws': 'ec2' } },
};
