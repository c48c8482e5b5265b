import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { resolveAnswers, type RawAnswers } from '../../options.js';
import { buildProject } from '../../plan.js';
import { repoAssets } from '../../../test/assets.js';

function render(raw: RawAnswers = {}) {
  const answers = resolveAnswers({ name: 'my-project', runner: 'ec2', ...raw }, 'my-project');
  return buildProject(answers, repoAssets).files;
}

function json(files: Map<string, string>, path: string): any {
  return JSON.parse(files.get(path)!);
}

const workflow = (files: Map<string, string>, path = '.github/workflows/train.yml') =>
  parse(files.get(path)!);

describe('the ec2 training workflow', () => {
  const files = render({ ec2Spot: 'yes', ec2InstanceTypes: 'g5.xlarge,g4dn.xlarge,g6.xlarge' });
  const train = workflow(files);
  const start = train.jobs['start-runner'];
  const stop = train.jobs['stop-runner'];
  const starts = start.steps.filter((step: any) => step.with?.mode === 'start');

  it('checks every setting first, naming all that are missing, then lists the subnets', () => {
    const [check] = start.steps;
    expect(check.env.APP_KEY_SET).toBe("${{ secrets.RUNNER_APP_PRIVATE_KEY != '' }}");
    const dir = mkdtempSync(join(tmpdir(), 'ec2-settings-'));
    const run = (env: Record<string, string>) =>
      spawnSync('bash', ['-c', check.run], {
        env: { PATH: process.env.PATH, GITHUB_OUTPUT: join(dir, 'output'), ...env },
        encoding: 'utf8',
      });
    try {
      const unset = run({ APP_KEY_SET: 'false' });
      expect(unset.status).toBe(1);
      expect(unset.stdout).toContain(
        '::error::Set RUNNER_APP_CLIENT_ID RUNNER_APP_PRIVATE_KEY AWS_ROLE_ARN AWS_REGION EC2_IMAGE_ID EC2_SUBNET_IDS EC2_SECURITY_GROUP_ID for the EC2 runner',
      );
      const set = run({
        APP_CLIENT_ID: 'Iv1.abc',
        APP_KEY_SET: 'true',
        ROLE_ARN: 'arn:aws:iam::123456789012:role/start',
        REGION: 'eu-west-2',
        IMAGE_ID: 'ami-1',
        SUBNET_IDS: 'subnet-a,subnet-b',
        SECURITY_GROUP_ID: 'sg-1',
      });
      expect(set.status, set.stdout + set.stderr).toBe(0);
      expect(readFileSync(join(dir, 'output'), 'utf8')).toBe(
        'zones=[{"imageId":"ami-1","subnetId":"subnet-a","securityGroupId":"sg-1"},{"imageId":"ami-1","subnetId":"subnet-b","securityGroupId":"sg-1"}]\n',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('starts one single-use spot runner per instance type, each only when the one before failed', () => {
    expect(starts.map((step: any) => step.with['ec2-instance-type'])).toEqual([
      'g5.xlarge',
      'g4dn.xlarge',
      'g6.xlarge',
    ]);
    for (const step of starts) {
      expect(step.uses).toBe('machulav/ec2-github-runner@343a1b2ae682e681c3cec9a235d882da17ff04ef');
      expect(step.with).toMatchObject({
        'use-jit': true,
        'market-type': 'spot',
        'availability-zones-config': '${{ steps.zones.outputs.zones }}',
        'github-token': '${{ steps.app.outputs.token }}',
      });
    }
    expect(starts.map((step: any) => step.if)).toEqual([
      undefined,
      "steps.start-1.outcome == 'failure'",
      "steps.start-2.outcome == 'failure'",
    ]);
    // The last attempt's failure fails the job, so training never waits for a runner that is not there.
    expect(starts.map((step: any) => step['continue-on-error'])).toEqual([true, true, undefined]);
    expect(start.outputs.label).toBe(
      "${{ steps.start-1.outcome == 'success' && steps.start-1.outputs.label || steps.start-2.outcome == 'success' && steps.start-2.outputs.label || steps.start-3.outputs.label }}",
    );
  });

  it('trains on the started runner’s label only, after the start job, and checks the GPU there', () => {
    expect(train.jobs.train.needs).toBe('start-runner');
    expect(train.jobs.train['runs-on']).toBe('${{ needs.start-runner.outputs.label }}');
    const names = train.jobs.train.steps.map((step: any) => step.name);
    expect(names).toContain('Check the GPU');
    expect(names).not.toContain('Show the GPU');
  });

  it('terminates every instance the start job created, whatever happened, without a review', () => {
    expect(stop.needs).toEqual(['start-runner', 'train']);
    expect(stop.if).toBe(
      "always() && (needs.start-runner.outputs.instance-1 != '' || needs.start-runner.outputs.instance-2 != '' || needs.start-runner.outputs.instance-3 != '')",
    );
    expect(stop.environment).toBe('runner-cleanup');
    const terminations = stop.steps.filter((step: any) => step.with?.mode === 'stop');
    expect(terminations.map((step: any) => step.with['ec2-instance-id'])).toEqual([
      '${{ needs.start-runner.outputs.instance-1 }}',
      '${{ needs.start-runner.outputs.instance-2 }}',
      '${{ needs.start-runner.outputs.instance-3 }}',
    ]);
    for (const step of terminations) {
      expect(step.if).toMatch(/^always\(\) && /);
      expect(step.with['use-jit']).toBe(true);
    }
  });

  it('gets AWS credentials by OIDC only in the start and stop jobs, from two roles', () => {
    expect(start.permissions).toEqual({ 'id-token': 'write' });
    expect(stop.permissions).toEqual({ 'id-token': 'write' });
    expect(train.jobs.train.permissions).toEqual({ contents: 'read' });
    const role = (job: any) =>
      job.steps.find((step: any) => step.uses?.startsWith('aws-actions/')).with['role-to-assume'];
    expect(role(start)).toBe('${{ vars.AWS_ROLE_ARN }}');
    expect(role(stop)).toBe('${{ vars.AWS_STOP_ROLE_ARN }}');
    for (const [path, content] of files) {
      // The vendored validator alone names these: it reports them in a team's workflows.
      if (path === '.github/actions/ml-cicd/index.mjs') continue;
      expect(content, path).not.toMatch(/AWS_(ACCESS|SECRET)|personal access token|cml/i);
    }
  });

  it('registers the runner with a GitHub App token allowed to administer runners, nothing else', () => {
    const app = start.steps.find((step: any) => step.id === 'app');
    expect(app.uses).toBe(
      'actions/create-github-app-token@1b10c78c7865c340bc4f6099eb2f838309f1e8c3',
    );
    expect(app.with).toEqual({
      'client-id': '${{ vars.RUNNER_APP_CLIENT_ID }}',
      'private-key': '${{ secrets.RUNNER_APP_PRIVATE_KEY }}',
      'permission-administration': 'write',
    });
    expect(start.environment).toBe('training');
  });

  it('halts the instance on its own an hour after the training timeout', () => {
    const minutes = train.jobs.train['timeout-minutes'];
    expect(starts[0].with['pre-runner-script']).toBe(`shutdown -h +${minutes + 60}\n`);
  });

  it('puts the stop job in the release workflow too, after the build on the runner', () => {
    const release = workflow(files, '.github/workflows/release.yml');
    expect(release.jobs['stop-runner'].needs).toEqual(['start-runner', 'build']);
    expect(release.jobs.build['runs-on']).toBe('${{ needs.start-runner.outputs.label }}');
  });

  it('only shows the GPU when an instance type of the list has none', () => {
    const cpu = workflow(render({ ec2InstanceTypes: 'g5.xlarge,c7i.2xlarge' }));
    const names = cpu.jobs.train.steps.map((step: any) => step.name);
    expect(names).toContain('Show the GPU');
    expect(names).not.toContain('Check the GPU');
  });
});

describe('the ec2 IAM documents', () => {
  it('trust the start role to the training environment and the stop role to the cleanup one', () => {
    const files = render();
    const subject = (path: string) =>
      json(files, path).Statement[0].Condition.StringEquals[
        'token.actions.githubusercontent.com:sub'
      ];
    expect(subject('infra/aws/start-trust-policy.json')).toBe(
      'repo:GITHUB_OWNER/my-project:environment:training',
    );
    expect(subject('infra/aws/stop-trust-policy.json')).toBe(
      'repo:GITHUB_OWNER/my-project:environment:runner-cleanup',
    );
  });

  it('trust both roles to main alone with secrets-scope repo', () => {
    const files = render({ secretsScope: 'repo' });
    for (const path of ['infra/aws/start-trust-policy.json', 'infra/aws/stop-trust-policy.json']) {
      expect(JSON.stringify(json(files, path)), path).toContain(
        '"repo:GITHUB_OWNER/my-project:ref:refs/heads/main"',
      );
    }
    expect(workflow(files).jobs['stop-runner']).not.toHaveProperty('environment');
  });

  it('let the start role only start, tag at launch and watch instances, in one region', () => {
    const policy = json(
      render({ ec2Region: 'eu-west-2' }),
      'infra/aws/start-permissions-policy.json',
    );
    expect(policy.Statement).toEqual([
      {
        Sid: 'StartRunnerInstances',
        Effect: 'Allow',
        Action: ['ec2:DescribeInstanceStatus', 'ec2:DescribeInstances', 'ec2:RunInstances'],
        Resource: '*',
        Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-2' } },
      },
      {
        Sid: 'TagInstancesAtLaunchOnly',
        Effect: 'Allow',
        Action: 'ec2:CreateTags',
        Resource: '*',
        Condition: {
          StringEquals: { 'aws:RequestedRegion': 'eu-west-2', 'ec2:CreateAction': 'RunInstances' },
        },
      },
    ]);
    expect(JSON.stringify(policy)).not.toMatch(/TerminateInstances|"(ec2|iam|sts):\*"|"\*:/);
  });

  it('let the stop role terminate only this repository’s tagged instances', () => {
    const policy = json(
      render({ ec2Region: 'eu-west-2' }),
      'infra/aws/stop-permissions-policy.json',
    );
    expect(policy.Statement).toEqual([
      {
        Sid: 'TerminateThisRepositorysRunners',
        Effect: 'Allow',
        Action: 'ec2:TerminateInstances',
        Resource: 'arn:aws:ec2:eu-west-2:AWS_ACCOUNT_ID:instance/*',
        Condition: {
          StringEquals: { 'aws:ResourceTag/ml-cicd-repository': 'GITHUB_OWNER/my-project' },
        },
      },
    ]);
    const tags = JSON.parse(
      workflow(render()).jobs['start-runner'].steps.at(-1).with['aws-resource-tags'],
    );
    expect(tags).toContainEqual({ Key: 'ml-cicd-repository', Value: '${{ github.repository }}' });
  });
});
