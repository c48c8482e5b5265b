import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashContent, manifestPath } from '@ml-cicd/core';
import { project, read, write } from './fixtures.js';
import { runBin } from './run-bin.js';

function git(cwd: string, ...args: string[]): void {
  const result = spawnSync(
    'git',
    ['-c', 'user.name=Test User', '-c', 'user.email=test@example.com', ...args],
    { cwd, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
}

/** Files only the cml-aws runner wrote, as the version before ec2 rendered them (abridged). */
const cmlFiles: Record<string, string> = {
  '.github/cml/package.json':
    '{\n  "private": true,\n  "dependencies": { "@dvcorg/cml": "0.20.6" }\n}\n',
  'infra/aws/trust-policy.json': '{\n  "Version": "2012-10-17",\n  "Statement": []\n}\n',
  'infra/aws/permissions-policy.json':
    '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Sid": "LaunchAndTerminateCmlRunners" }]\n}\n',
  'infra/aws/README.md': '# AWS for the training runner\n\nCML launches the instance.\n',
};

const cmlTrain = `name: Train
on:
  workflow_dispatch: {}
permissions: {}
jobs:
  launch-runner:
    runs-on: ubuntu-22.04
    timeout-minutes: 20
    steps:
      - run: .github/cml/node_modules/.bin/cml runner launch --cloud=aws --single
  train:
    needs: launch-runner
    runs-on: [self-hosted, "\${{ needs.launch-runner.outputs.label }}"]
    timeout-minutes: 60
    steps:
      - run: python train.py
`;

const cmlRunner = `runner:
  kind: cml-aws
  region: eu-west-1
  instance-type: g4dn.xlarge
  gpu: v100
  spot: true
  disk-gb: 80
  timeout-minutes: 60
`;

/**
 * A project as the version with the cml-aws runner left it: its runner block, environment,
 * workflow and files, and a manifest that records them and the cml-aws answers.
 */
async function cmlProject(): Promise<string> {
  const dir = await project();
  const config = read(dir, 'ml-cicd.yaml')
    .replace(/^runner:\n(?: .*\n)+/m, cmlRunner)
    .replace(
      /( {2}training:\n.*\n) {4}secrets: \[\]\n {4}variables: \[\]\n/,
      '$1    secrets:\n      - CML_REPO_TOKEN\n    variables:\n      - AWS_ROLE_ARN\n      - AWS_REGION\n',
    );
  expect(config).toContain('kind: cml-aws');
  expect(config).toContain('CML_REPO_TOKEN');
  const old = { ...cmlFiles, 'ml-cicd.yaml': config, '.github/workflows/train.yml': cmlTrain };
  for (const [path, content] of Object.entries(old)) write(dir, path, content);

  const manifest = JSON.parse(read(dir, manifestPath));
  const { hostedLabel: _label, ...answers } = manifest.answers;
  manifest.answers = {
    ...answers,
    runner: 'cml-aws',
    cmlRegion: 'eu-west-1',
    cmlInstanceType: 'g4dn.xlarge',
    cmlGpu: 'v100',
    cmlSpot: 'yes',
    cmlDiskGb: 80,
  };
  manifest.features = manifest.features.map((id: string) =>
    id === 'runner-hosted' ? 'runner-cml-aws' : id,
  );
  for (const [path, content] of Object.entries(old)) manifest.files[path] = hashContent(content);
  write(dir, manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'A project on the cml-aws runner');
  return dir;
}

describe('ml-cicd update of a project on the retired cml-aws runner', () => {
  it('moves it to the ec2 runner with its region, instance type, market and disk', async () => {
    const dir = await cmlProject();
    write(dir, 'train.py', `${read(dir, 'train.py')}# The team's own line.\n`);
    git(dir, 'commit', '-qam', 'An edit of our own');

    const { code, stdout, stderr } = runBin(['update', dir]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Moved runner cml-aws → ec2: this ml-cicd no longer offers');

    const config = read(dir, 'ml-cicd.yaml');
    expect(config).toMatch(
      /runner:\n {2}kind: ec2\n {2}region: eu-west-1\n {2}instance-types:\n {4}- g4dn\.xlarge\n {2}spot: true\n {2}disk-gb: 80\n/,
    );
    const train = read(dir, '.github/workflows/train.yml');
    expect(train).toContain(
      'uses: machulav/ec2-github-runner@343a1b2ae682e681c3cec9a235d882da17ff04ef',
    );
    for (const path of ['ml-cicd.yaml', '.github/workflows/train.yml', 'README.md']) {
      expect(read(dir, path), path).not.toMatch(/cml/i);
    }
    for (const path of Object.keys(cmlFiles)) {
      if (path !== 'infra/aws/README.md') expect(existsSync(join(dir, path)), path).toBe(false);
    }
    expect(existsSync(join(dir, 'infra/aws/start-trust-policy.json'))).toBe(true);
    expect(read(dir, 'train.py')).toContain("# The team's own line.\n");

    const manifest = JSON.parse(read(dir, manifestPath));
    expect(manifest.answers).toMatchObject({
      runner: 'ec2',
      ec2Region: 'eu-west-1',
      ec2InstanceTypes: ['g4dn.xlarge'],
      ec2Spot: 'yes',
      ec2DiskGb: 80,
    });
    expect(Object.keys(manifest.answers).filter((key) => key.startsWith('cml'))).toEqual([]);

    // Moved once: the next update has nothing left to do.
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'Moved to ec2');
    expect(runBin(['update', dir]).stdout.trim()).toMatch(/^Already at ml-cicd /);
  });

  it('keeps a CML file the team edited, and removes the ones it did not', async () => {
    const dir = await cmlProject();
    const edited = 'infra/aws/permissions-policy.json';
    write(dir, edited, read(dir, edited).replace('Cml', 'CmlOfOurTeam'));
    git(dir, 'commit', '-qam', 'Our own policy');

    const { code, stdout } = runBin(['update', dir, '--dry-run']);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      new RegExp(`kept +${edited} \\(the template dropped it; you had edited it\\)`),
    );
    expect(stdout).toMatch(/removed +\.github\/cml\/package\.json/);
    expect(read(dir, '.github/cml/package.json')).toBe(cmlFiles['.github/cml/package.json']);
  });
});
