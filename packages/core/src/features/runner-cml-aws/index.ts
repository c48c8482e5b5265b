/**
 * Training on an EC2 instance CML launches for each run, with AWS credentials from an OIDC role:
 * the classic CML-on-EC2 setup without long-lived keys.
 */
import { awsRegion, ec2InstanceType } from '@ml-cicd/config';
import { answerOf } from '../../answers.js';
import { flagPatternProblem } from '../../option-types.js';
import { showGpuStep } from '../../workflow-steps.js';
import { defineFeature } from '../types.js';
import { jsonFile, permissionsPolicy, trustPolicy } from './iam.js';
import { launchJob, maxTimeoutMinutes, runnerLabel, runnerLabels } from './launch-job.js';
import { infraReadme, runnerSection } from './readme.js';

const lockPath = '.github/cml/package-lock.json';

export const runnerCmlAws = defineFeature({
  id: 'runner-cml-aws',
  title: 'CML runner on AWS',
  description: 'an EC2 instance CML launches for each training run (OIDC role, no stored keys)',
  choice: { option: 'runner', value: 'cml-aws' },
  options: [
    {
      key: 'cmlRegion',
      kind: 'text',
      flag: 'cml-region',
      message: 'AWS region of the training instance',
      help: 'AWS region CML launches the instance in',
      form: 'an AWS region',
      default: 'us-east-1',
      problem: flagPatternProblem('cml-region', awsRegion),
    },
    {
      key: 'cmlInstanceType',
      kind: 'text',
      flag: 'cml-instance-type',
      message: 'EC2 instance type of the training instance',
      help: 'EC2 instance type CML launches',
      form: 'an EC2 instance type',
      default: 'p3.2xlarge',
      problem: flagPatternProblem('cml-instance-type', ec2InstanceType),
    },
    {
      key: 'cmlGpu',
      kind: 'choice',
      flag: 'cml-gpu',
      message: 'GPU of the instance (CML waits for its driver)',
      help: 'GPU type CML prepares the instance for (--cloud-gpu)',
      choices: [
        { value: 'v100', label: 'A GPU (v100)', hint: 'CML waits until nvidia-smi answers' },
        { value: 'k80', label: 'A GPU (k80)', hint: 'CML waits until nvidia-smi answers' },
        { value: 'nogpu', label: 'No GPU', hint: 'a CPU instance' },
      ],
      default: 'v100',
    },
    {
      key: 'cmlSpot',
      kind: 'choice',
      flag: 'cml-spot',
      message: 'Use a spot instance?',
      help: 'request a spot instance (cheaper, may be reclaimed)',
      choices: [
        { value: 'no', label: 'No', hint: 'on-demand' },
        { value: 'yes', label: 'Yes', hint: 'cheaper; AWS may reclaim it' },
      ],
      default: 'no',
    },
    {
      key: 'cmlDiskGb',
      kind: 'number',
      flag: 'cml-disk-size',
      message: 'Disk size of the instance, in GB',
      help: 'disk size of the instance',
      default: 50,
      min: 8,
      max: 16_384,
      unit: 'GB',
    },
  ],
  problem: (answers) =>
    answers.runnerTimeout > maxTimeoutMinutes
      ? `--runner-timeout must be at most ${maxTimeoutMinutes} minutes with --runner cml-aws: the instance terminates itself with launch credentials, which AWS gives for 12 hours at most (got ${answers.runnerTimeout}).`
      : undefined,
  contribute(model, { answers, templates }) {
    const region = answerOf(answers, 'cmlRegion');
    const spot = answerOf(answers, 'cmlSpot') === 'yes';
    const timeoutMinutes = model.config.runner['timeout-minutes'];
    const [environment = 'training'] = Object.keys(model.config.environments);
    const launch = {
      instanceType: answerOf(answers, 'cmlInstanceType'),
      gpu: answerOf(answers, 'cmlGpu'),
      spot,
      diskGb: answerOf(answers, 'cmlDiskGb'),
      timeoutMinutes,
    };
    model.runner = {
      ...model.runner,
      runsOn: ['self-hosted', runnerLabel],
      labels: [runnerLabels],
      trustedCodeOnly: true,
      launch: launchJob(launch, model.jobEnvironment()),
      setupSteps: [showGpuStep],
    };
    model.setRunnerConfig({
      region,
      'instance-type': launch.instanceType,
      gpu: launch.gpu,
      spot,
      'disk-gb': launch.diskGb,
    });

    const files = templates.feature('runner-cml-aws');
    for (const [path, content] of files) model.addFile(path, content);
    const project = model.config.project.name;
    const bound = model.jobEnvironment().environment;
    const docs = {
      project,
      environment: bound,
      region,
      timeoutMinutes,
      locked: files.has(lockPath),
    };
    model.addFile('infra/aws/trust-policy.json', jsonFile(trustPolicy(project, bound)));
    model.addFile('infra/aws/permissions-policy.json', jsonFile(permissionsPolicy(region, spot)));
    model.addFile('infra/aws/README.md', infraReadme(docs));

    const settings = model.config.environments[environment];
    settings?.secrets.push('CML_REPO_TOKEN');
    settings?.variables.push('AWS_ROLE_ARN', 'AWS_REGION');
    model.configVariables.add('AWS_ROLE_ARN').add('AWS_REGION');
    model.settingDocs
      .set('CML_REPO_TOKEN', 'Token that registers the runner: see infra/aws/README.md.')
      .set('AWS_ROLE_ARN', 'ARN of the role CML assumes by OIDC: see infra/aws/README.md.')
      .set('AWS_REGION', `Region CML launches the instance in: ${region}.`);
    model.dependabot.push({ 'package-ecosystem': 'npm', directory: '/.github/cml' });
    model.readme.push({ title: 'Runner', order: 60, body: runnerSection(docs) });
  },
});
