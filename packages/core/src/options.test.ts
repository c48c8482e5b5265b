import { describe, expect, it } from 'vitest';
import { UsageError } from './errors.js';
import { answerOf, defineOption, options, resolveAnswers } from './options.js';
import { repoAssets } from '../test/assets.js';
import { answerCombinations, requirementSets } from './combinations.js';
import { lockKey, requirementsDevIn, requirementsIn } from './locks.js';
import { buildModel } from './plan.js';
import { pythonVersions } from './versions.js';
import type { Answers } from './answers.js';

function requirementSet(answers: Answers): string {
  const model = buildModel(answers, repoAssets);
  return lockKey(requirementsIn(model.requirements), requirementsDevIn(model.devRequirements));
}

describe('resolveAnswers', () => {
  it('fills every default and derives the name from the folder', () => {
    expect(resolveAnswers({}, 'My Project')).toEqual({
      name: 'my-project',
      python: '3.12',
      runner: 'hosted',
      runnerTimeout: 60,
      hostedLabel: 'ubuntu-24.04',
      tracker: 'none',
      data: 'none',
      report: 'yes',
      release: 'on',
      retrain: 'monthly',
      task: 'binary',
      secretsScope: 'environment',
      updateCheck: 'off',
    });
  });

  it('answers the DVC remote only with --data dvc, its URL empty for the placeholder', () => {
    expect(resolveAnswers({ data: 'dvc' }, 'x-y')).toMatchObject({
      dvcRemote: 's3',
      dvcRemoteUrl: '',
    });
    const url = 'https://dagshub.com/acme/x-y.dvc';
    expect(
      resolveAnswers({ data: 'dvc', dvcRemote: 'dagshub', dvcRemoteUrl: url }, 'x-y'),
    ).toMatchObject({ dvcRemote: 'dagshub', dvcRemoteUrl: url });
  });

  it('takes self-hosted labels from a comma-separated flag', () => {
    const answers = resolveAnswers({ runner: 'self-hosted', runnerLabels: 'linux, gpu' }, 'x-y');
    expect(answers.runnerLabels).toEqual(['linux', 'gpu']);
    expect(answers).not.toHaveProperty('hostedLabel');
  });

  it('answers only the options of the chosen runner, with their defaults', () => {
    expect(resolveAnswers({ runner: 'ec2', runnerTimeout: '120' }, 'x-y')).toEqual({
      name: 'x-y',
      python: '3.12',
      runner: 'ec2',
      runnerTimeout: 120,
      ec2Region: 'us-east-1',
      ec2InstanceTypes: ['g5.xlarge', 'g4dn.xlarge'],
      ec2Spot: 'no',
      ec2DiskGb: 100,
      tracker: 'none',
      data: 'none',
      report: 'yes',
      release: 'on',
      retrain: 'monthly',
      task: 'binary',
      secretsScope: 'environment',
      updateCheck: 'off',
    });
    expect(resolveAnswers({ runner: 'arc', arcMaxRunners: '8' }, 'x-y')).toMatchObject({
      arcScaleSet: 'gpu-training',
      arcMaxRunners: 8,
    });
  });

  it.each([
    [{ runner: 'cloud' }, '--runner must be one of hosted, self-hosted, ec2, arc (got "cloud").'],
    [{ python: '3.9' }, '--python must be one of 3.10, 3.11, 3.12, 3.13 (got "3.9").'],
    [{ runnerLabels: 'gpu' }, '--runner-labels applies only with --runner self-hosted.'],
    [{ ec2Region: 'us-east-1' }, '--ec2-region applies only with --runner ec2.'],
    [
      { runner: 'cml-aws' },
      '--runner cml-aws is gone, because CML can no longer launch runners: use --runner ec2, an EC2 instance started for each run and terminated after it.',
    ],
    [{ dvcRemoteUrl: '/srv/dvc' }, '--dvc-remote-url applies only with --data dvc.'],
    [
      { data: 'dvc', dvcRemote: 'azure', dvcRemoteUrl: 'https://example.com/x' },
      '--dvc-remote-url: "https://example.com/x" must be an azure://<container>/<path> URL for --dvc-remote azure.',
    ],
    [
      { data: 'dvc', dvcRemote: 'ssh', dvcRemoteUrl: 'sftp://host/x' },
      '--dvc-remote-url: "sftp://host/x" must be an ssh://[<user>@]<host>/<path> URL for --dvc-remote ssh.',
    ],
    [{ runner: 'arc', hostedLabel: 'big' }, '--hosted-label applies only with --runner hosted.'],
    [
      { runner: 'self-hosted', runnerLabels: 'gpu,self-hosted' },
      '--runner-labels: "self-hosted" is added for you: list only the labels after it.',
    ],
    [
      { runner: 'self-hosted', runnerLabels: 'a b' },
      '--runner-labels: "a b" must be 1 to 100 letters, digits, dots, hyphens and underscores, starting with a letter or digit (e.g. gpu).',
    ],
    [
      { runner: 'hosted', hostedLabel: 'big runner' },
      '--hosted-label: "big runner" must be 1 to 100 letters, digits, dots, hyphens and underscores, starting with a letter or digit (e.g. gpu).',
    ],
    [
      { runnerTimeout: '0' },
      '--runner-timeout must be a whole number of minutes from 1 to 7200 (got "0").',
    ],
    [
      { runnerTimeout: '1.5' },
      '--runner-timeout must be a whole number of minutes from 1 to 7200 (got "1.5").',
    ],
    [
      { runnerTimeout: '361' },
      '--runner-timeout must be at most 360 minutes with --runner hosted: GitHub stops a job on a hosted runner after 6 hours (got 361).',
    ],
    [
      { runnerTimeout: 'soon' },
      '--runner-timeout must be a whole number of minutes from 1 to 7200 (got "soon").',
    ],
    [
      { runner: 'ec2', ec2Region: 'Frankfurt' },
      '--ec2-region: "Frankfurt" must be an AWS region name such as us-east-1 or eu-west-2.',
    ],
    [
      { runner: 'ec2', ec2InstanceTypes: 'g5.xlarge,gpu-large' },
      '--ec2-instance-types: "gpu-large" must be an EC2 instance type such as g4dn.xlarge or p3.2xlarge.',
    ],
    [
      {
        runner: 'ec2',
        ec2InstanceTypes: 'g5.xlarge,g5.2xlarge,g6.xlarge,g6e.xlarge,g4dn.xlarge,p3.2xlarge',
      },
      '--ec2-instance-types takes at most 5 instance types (got 6): each one is a start attempt.',
    ],
    [
      { runner: 'ec2', ec2DiskGb: '4' },
      '--ec2-disk-size must be a whole number of GB from 8 to 16384 (got "4").',
    ],
    [
      { runner: 'arc', arcScaleSet: 'GPU_pool' },
      '--arc-scale-set: "GPU_pool" must be 1 to 45 lowercase letters, digits and hyphens, starting and ending with a letter or digit (e.g. gpu-training).',
    ],
    [
      { runner: 'arc', arcScaleSet: 'a'.repeat(46) },
      `--arc-scale-set: "${'a'.repeat(46)}" must be 1 to 45 lowercase letters, digits and hyphens, starting and ending with a letter or digit (e.g. gpu-training).`,
    ],
    [
      { runner: 'arc', arcMaxRunners: '0' },
      '--arc-max-runners must be a whole number of runners from 1 to 1000 (got "0").',
    ],
  ])('refuses %j with a usage error naming the flag', (raw, message) => {
    expect(() => resolveAnswers(raw, 'ok-name')).toThrow(new UsageError(message));
  });

  it('refuses a bad project name with the valid form', () => {
    expect(() => resolveAnswers({ name: 'Bad_Name' }, 'x')).toThrow(
      /use 2 to 64 lowercase letters/,
    );
    expect(() => resolveAnswers({}, '123')).toThrow(/Pass --name\.$/);
  });
});

describe('options', () => {
  it('offer every runner feature as a choice', () => {
    const runner = options.find((option) => option.key === 'runner');
    expect(runner?.kind === 'choice' && runner.choices.map((c) => c.value)).toEqual([
      'hosted',
      'self-hosted',
      'ec2',
      'arc',
    ]);
  });

  it('ask each choice of features, then what it asks right after, then the chosen feature’s own', () => {
    expect(options.map((option) => option.flag)).toEqual([
      'name',
      'python',
      'runner',
      'runner-timeout',
      'hosted-label',
      'runner-labels',
      'ec2-region',
      'ec2-instance-types',
      'ec2-spot',
      'ec2-disk-size',
      'arc-scale-set',
      'arc-max-runners',
      'tracker',
      'data',
      'dvc-remote',
      'dvc-remote-url',
      'update-check',
      'task',
      'secrets-scope',
      'release',
      'retrain',
      'report',
    ]);
    const tracker = options.find((option) => option.key === 'tracker');
    expect(tracker?.kind === 'choice' && tracker.choices[0]?.value).toBe('none');
    expect(tracker?.kind === 'choice' && tracker.retired?.map((choice) => choice.value)).toEqual([
      'neptune',
    ]);
    const runner = options.find((option) => option.key === 'runner');
    expect(runner).toMatchObject({ kind: 'choice', default: 'hosted' });
    expect(runner).not.toHaveProperty('retired');
  });

  it('each set its own answer with a flag of its own: a feature’s key never shadows another', () => {
    const keys = options.map((option) => option.key);
    const flags = options.map((option) => option.flag);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(flags).size).toBe(flags.length);
  });

  it('ask a feature’s own options only when that feature is chosen', () => {
    const flags = (runner: string) =>
      options.filter((option) => option.when?.holds({ runner } as never)).map((o) => o.flag);
    expect(flags('hosted')).toEqual(['hosted-label']);
    expect(flags('ec2')).toEqual(['ec2-region', 'ec2-instance-types', 'ec2-spot', 'ec2-disk-size']);
    expect(flags('arc')).toEqual(['arc-scale-set', 'arc-max-runners']);
  });

  it('cross every runner with its own choices, every tracker and data choice; every other value appears', () => {
    const combinations = answerCombinations();
    // hosted, self-hosted, arc, and ec2 with 2 market choices; none and the three trackers
    // offered (neptune is retired); no data versioning and DVC.
    expect(combinations).toHaveLength((3 + 2) * 4 * 2);
    expect(combinations.filter((answers) => answers.runner === 'ec2')).toContainEqual(
      expect.objectContaining({ ec2Spot: 'yes', tracker: 'wandb', data: 'dvc' }),
    );
    for (const option of options) {
      if (option.kind !== 'choice') continue;
      const seen = new Set(combinations.flatMap((answers) => answers[option.key] ?? []));
      expect([...seen].sort(), option.flag).toEqual(
        option.choices.map((choice) => choice.value).sort(),
      );
    }
  });

  it('lock every requirement set a project can get, whatever its Python version', () => {
    const locked = [...requirementSets(repoAssets).keys()];
    for (const python of pythonVersions) {
      for (const answers of answerCombinations()) {
        expect(locked).toContain(requirementSet({ ...answers, python }));
      }
    }
  });
});

describe('answerOf', () => {
  const spot = defineOption({
    key: 'ec2Spot',
    kind: 'choice',
    flag: 'ec2-spot',
    message: 'Use spot instances?',
    help: 'spot',
    choices: [
      { value: 'no', label: 'No' },
      { value: 'yes', label: 'Yes' },
    ],
    default: 'no',
  });

  it('reads the answer to a feature’s own option', () => {
    const answers = resolveAnswers({ runner: 'ec2', ec2Spot: 'yes' }, 'x-y');
    expect(answerOf(answers, spot)).toBe('yes');
  });

  it('names the option when its answer is missing: the answers were not resolved', () => {
    const answers = resolveAnswers({}, 'x-y');
    expect(() => answerOf(answers, spot)).toThrow('No answer for ec2Spot');
  });
});
