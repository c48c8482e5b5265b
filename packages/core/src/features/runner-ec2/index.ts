/**
 * Training on an EC2 instance started for each run by machulav/ec2-github-runner: AWS credentials
 * from OIDC roles, the runner registered by a GitHub App as a single-use (JIT) runner, and a stop
 * job that terminates the instance whatever happened.
 */
import type { NamedPattern } from '@ml-cicd/config';
import { answerOf, defineOption, flagPatternProblem, patternProblem } from '../../option-types.js';
import { showGpuStep } from '../../workflow-steps.js';
import { runnerKind } from '../../add-kinds.js';
import { defineFeature } from '../types.js';
import { githubOidcTrustPolicy, policyFile } from '../../aws-iam.js';
import { oidcSubject, startPolicy, stopPolicy } from './iam.js';
import { isGpuInstanceType, settings, startJob, stopJob, type Ec2Launch } from './jobs.js';
import { infraReadme, runnerSection, type Ec2Docs } from './readme.js';

/** AWS's own region names, the form `aws-region` of configure-aws-credentials takes. */
export const awsRegion: NamedPattern = {
  pattern: '^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]{1,2}$',
  meaning: 'an AWS region name such as us-east-1 or eu-west-2',
};

/** EC2 instance types are a family and a size, e.g. g4dn.xlarge or p3.2xlarge. */
export const ec2InstanceType: NamedPattern = {
  pattern: '^[a-z][a-z0-9-]*\\.[a-z0-9]+$',
  meaning: 'an EC2 instance type such as g4dn.xlarge or p3.2xlarge',
};

/** The stop job's environment: no reviewers, only the role that terminates this repository's instances. */
export const cleanupEnvironment = 'runner-cleanup';

/** At most this many instance types are tried, one start step each. */
export const maxInstanceTypes = 5;

/** Fails the job when the GPU the instance type promises is not usable on the runner. */
export const gpuCheckStep = {
  name: 'Check the GPU',
  shell: 'bash',
  run: [
    'if ! nvidia-smi; then',
    `  echo "::error::No working NVIDIA driver on this runner: start a GPU AMI (the variable ${settings.image}), see infra/aws/README.md."`,
    '  exit 1',
    'fi',
    '',
  ].join('\n'),
};

const instanceTypeProblem = patternProblem(ec2InstanceType);

const ec2RegionOption = defineOption({
  key: 'ec2Region',
  kind: 'text',
  flag: 'ec2-region',
  message: 'AWS region of the training instance',
  help: 'AWS region the training instance starts in',
  form: 'an AWS region',
  default: 'us-east-1',
  problem: flagPatternProblem('ec2-region', awsRegion),
});

const ec2InstanceTypesOption = defineOption({
  key: 'ec2InstanceTypes',
  kind: 'list',
  flag: 'ec2-instance-types',
  message: 'EC2 instance types to try, in order (comma-separated)',
  help: 'comma-separated EC2 instance types, tried in order until one starts',
  default: ['g5.xlarge', 'g4dn.xlarge'],
  problem: instanceTypeProblem,
});

const ec2SpotOption = defineOption({
  key: 'ec2Spot',
  kind: 'choice',
  flag: 'ec2-spot',
  message: 'Use spot instances?',
  help: 'start spot instances (cheaper, may be reclaimed)',
  choices: [
    { value: 'no', label: 'No', hint: 'on-demand' },
    { value: 'yes', label: 'Yes', hint: 'cheaper; AWS may reclaim the instance during a run' },
  ],
  default: 'no',
});

const ec2DiskGbOption = defineOption({
  key: 'ec2DiskGb',
  kind: 'number',
  flag: 'ec2-disk-size',
  message: 'Disk size of the instance, in GB',
  help: 'root volume size of the instance (at least the AMI’s)',
  default: 100,
  min: 8,
  max: 16_384,
  unit: 'GB',
});

export const runnerEc2 = defineFeature({
  id: 'runner-ec2',
  title: 'On-demand EC2 runner',
  description:
    'an EC2 instance started for each training run and terminated after it (OIDC roles, a GitHub App, no stored keys)',
  choice: { option: 'runner', value: 'ec2' },
  schemaBranch: {
    meaning: 'an EC2 instance started for each run and terminated after it',
    title: 'On-demand EC2 runner',
    description: 'An EC2 instance started for one training run, then terminated.',
    properties: {
      region: {
        title: 'AWS region',
        description: `Where the instance starts: ${awsRegion.meaning}. The workflow reads it from the AWS_REGION variable; this is the value to set.`,
        type: 'string',
        pattern: awsRegion.pattern,
      },
      'instance-types': {
        title: 'Instance types',
        description: `The instance types to start (1 to ${maxInstanceTypes}), tried in order until one starts (each in every subnet of EC2_SUBNET_IDS): ${ec2InstanceType.meaning}. A GPU type (g or p family) adds an nvidia-smi check.`,
        type: 'array',
        minItems: 1,
        maxItems: maxInstanceTypes,
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
        description:
          'Size of the instance root volume in GB (gp3); at least the AMI snapshot size.',
        type: 'integer',
        minimum: ec2DiskGbOption.min,
        maximum: ec2DiskGbOption.max,
      },
    },
    required: ['region', 'instance-types', 'spot', 'disk-gb'],
    patterns: [awsRegion, ec2InstanceType],
  },
  options: [ec2RegionOption, ec2InstanceTypesOption, ec2SpotOption, ec2DiskGbOption],
  problem: (answers) => {
    const count = answerOf(answers, ec2InstanceTypesOption).length;
    return count > maxInstanceTypes
      ? `--ec2-instance-types takes at most ${maxInstanceTypes} instance types (got ${count}): each one is a start attempt.`
      : undefined;
  },
  add: { ec2: runnerKind },
  contribute(model, { answers }) {
    const region = answerOf(answers, ec2RegionOption);
    const instanceTypes = [...answerOf(answers, ec2InstanceTypesOption)];
    const spot = answerOf(answers, ec2SpotOption) === 'yes';
    const diskGb = answerOf(answers, ec2DiskGbOption);
    const timeoutMinutes = model.config.runner['timeout-minutes'];
    const [environment = 'training'] = Object.keys(model.config.environments);
    const cleanup = model.bindEnvironment(cleanupEnvironment);
    const launch: Ec2Launch = { instanceTypes, spot, diskGb, timeoutMinutes, cleanup };
    model.runner = {
      ...model.runner,
      runsOn: `\${{ needs.${startJob(launch).id}.outputs.label }}`,
      trustedCodeOnly: true,
      launch: startJob(launch),
      teardown: stopJob(launch),
      setupSteps: [instanceTypes.every(isGpuInstanceType) ? gpuCheckStep : showGpuStep],
    };
    model.setRunnerConfig({ region, 'instance-types': instanceTypes, spot, 'disk-gb': diskGb });

    const project = model.config.project.name;
    const docs: Ec2Docs = {
      project,
      environment: model.jobEnvironment().environment,
      cleanup: cleanup.environment,
      region,
      instanceTypes,
      spot,
      timeoutMinutes,
    };
    const trust = (sid: string, bound: string | undefined) =>
      policyFile(githubOidcTrustPolicy(sid, oidcSubject(project, bound)));
    model.addFile(
      'infra/aws/start-trust-policy.json',
      trust('TrainingEnvironment', docs.environment),
    );
    model.addFile('infra/aws/start-permissions-policy.json', policyFile(startPolicy(region)));
    model.addFile('infra/aws/stop-trust-policy.json', trust('CleanupEnvironment', docs.cleanup));
    model.addFile(
      'infra/aws/stop-permissions-policy.json',
      policyFile(stopPolicy(region, project)),
    );
    model.addFile('infra/aws/README.md', infraReadme(docs));

    const startVariables = [
      settings.role,
      settings.region,
      settings.image,
      settings.subnets,
      settings.securityGroup,
      settings.appClientId,
    ];
    const training = model.config.environments[environment];
    training?.secrets.push(settings.appKey);
    training?.variables.push(...startVariables);
    model.config.environments[cleanupEnvironment] = {
      description:
        'Terminates the training instance after each run: no reviewers, so it never waits.',
      secrets: [],
      variables: [settings.stopRole, settings.region],
    };
    for (const name of [...startVariables, settings.stopRole]) model.configVariables.add(name);
    model.settingDocs
      .set(
        settings.role,
        'ARN of the role that starts the training instance, by OIDC: see infra/aws/README.md.',
      )
      .set(
        settings.stopRole,
        'ARN of the role that terminates the training instance, by OIDC: see infra/aws/README.md.',
      )
      .set(settings.region, `Region the instance starts in: ${region}.`)
      .set(
        settings.image,
        'AMI the instance starts from, e.g. the Deep Learning AMI of the region.',
      )
      .set(
        settings.subnets,
        'Comma-separated subnets in different availability zones, tried in order.',
      )
      .set(settings.securityGroup, 'Security group of the instance: outbound traffic only.')
      .set(settings.appClientId, 'Client ID of the GitHub App that registers the runner.')
      .set(
        settings.appKey,
        'Private key of the GitHub App that registers the runner (a .pem file).',
      );
    model.readme.push({ title: 'Runner', order: 60, body: runnerSection(docs) });
  },
});
