import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { resolveAnswers, type RawAnswers } from '../../options.js';
import { buildProject } from '../../plan.js';
import { repoAssets } from '../../../test/assets.js';

function render(raw: RawAnswers = {}) {
  const answers = resolveAnswers({ name: 'my-project', runner: 'cml-aws', ...raw }, 'my-project');
  return buildProject(answers, repoAssets).files;
}

function json(files: Map<string, string>, path: string): any {
  return JSON.parse(files.get(path)!);
}

/** Reviewed against iterative/terraform-provider-iterative iterative/aws/provider.go. */
const launchAndTerminate = [
  'ec2:AuthorizeSecurityGroupEgress',
  'ec2:AuthorizeSecurityGroupIngress',
  'ec2:CreateSecurityGroup',
  'ec2:CreateTags',
  'ec2:DeleteKeyPair',
  'ec2:DescribeImages',
  'ec2:DescribeInstances',
  'ec2:DescribeSecurityGroups',
  'ec2:DescribeSubnets',
  'ec2:DescribeVpcs',
  'ec2:ImportKeyPair',
  'ec2:RunInstances',
  'ec2:TerminateInstances',
];
const spot = [
  'ec2:CancelSpotInstanceRequests',
  'ec2:DescribeSpotInstanceRequests',
  'ec2:RequestSpotInstances',
];

describe('the cml-aws IAM documents', () => {
  it('trust only this repository’s training environment, for STS', () => {
    const trust = json(render(), 'infra/aws/trust-policy.json');
    expect(trust.Statement).toHaveLength(1);
    const [statement] = trust.Statement;
    expect(statement).toMatchObject({
      Effect: 'Allow',
      Action: 'sts:AssumeRoleWithWebIdentity',
      Principal: {
        Federated: 'arn:aws:iam::AWS_ACCOUNT_ID:oidc-provider/token.actions.githubusercontent.com',
      },
    });
    expect(statement.Condition).toEqual({
      StringEquals: {
        'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
        'token.actions.githubusercontent.com:sub':
          'repo:GITHUB_OWNER/my-project:environment:training',
      },
    });
  });

  it.each([
    ['on-demand', 'no', launchAndTerminate],
    ['spot', 'yes', [...launchAndTerminate, ...spot].sort()],
  ])(
    'allow only the EC2 calls CML makes for %s instances, in one region',
    (_, cmlSpot, actions) => {
      const policy = json(
        render({ cmlSpot, cmlRegion: 'eu-west-2' }),
        'infra/aws/permissions-policy.json',
      );
      expect(policy.Statement).toHaveLength(1);
      const [statement] = policy.Statement;
      expect(statement.Effect).toBe('Allow');
      expect(statement.Action).toEqual(actions);
      expect(statement.Condition).toEqual({ StringEquals: { 'aws:RequestedRegion': 'eu-west-2' } });
      expect(JSON.stringify(policy)).not.toMatch(/"(ec2|iam|sts):\*"|"\*:/);
    },
  );
});

describe('the cml-aws training workflow', () => {
  const files = render({ cmlSpot: 'yes', runnerTimeout: '240', cmlInstanceType: 'g4dn.xlarge' });
  const train = parse(files.get('.github/workflows/train.yml')!);
  const launch = train.jobs['launch-runner'];
  const script = launch.steps.at(-1).run as string;

  it('launches one single-job runner with a label unique to the run, and trains on it', () => {
    expect(script).toContain('--single');
    expect(script).toContain('--idle-timeout=600');
    expect(script).toContain('--labels="$RUNNER_LABEL"');
    expect(script).toMatch(/--cloud-type=g4dn\.xlarge \\\n[\s\S]*--cloud-spot \\/);
    expect(train.jobs.train.needs).toBe('launch-runner');
    expect(train.jobs.train['runs-on']).toEqual([
      'self-hosted',
      '${{ needs.launch-runner.outputs.label }}',
    ]);
    expect(launch.outputs.label).toBe('${{ steps.label.outputs.label }}');
  });

  it('gets AWS credentials by OIDC in the launch job alone, long enough for the run (W12)', () => {
    expect(launch.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    expect(files.get('.github/workflows/train.yml')).toContain(
      'id-token: write # OIDC: trades this job’s token for the AWS role, no stored keys',
    );
    expect(train.jobs.train.permissions).toEqual({ contents: 'read' });
    const credentials = launch.steps.find((step: any) => step.uses?.startsWith('aws-actions/'));
    expect(credentials.with).toEqual({
      'role-to-assume': '${{ vars.AWS_ROLE_ARN }}',
      'aws-region': '${{ vars.AWS_REGION }}',
      'role-duration-seconds': (240 + 30) * 60,
    });
    for (const [path, content] of files) expect(content, path).not.toMatch(/AWS_(ACCESS|SECRET)/);
  });

  it('binds the environment holding the runner token, which reaches CML through env (W33)', () => {
    expect(launch.environment).toBe('training');
    expect(launch['timeout-minutes']).toBe(20);
    expect(launch.steps.at(-1).env.REPO_TOKEN).toBe('${{ secrets.CML_REPO_TOKEN }}');
    expect(script).not.toContain('--token');
  });

  it('installs CML from a committed package.json and its lock, pinned exactly', () => {
    expect(launch.steps.map((step: any) => step.run).filter(Boolean)[0]).toBe(
      'npm ci --prefix .github/cml --no-audit --no-fund',
    );
    const pkg = json(files, '.github/cml/package.json');
    expect(pkg.dependencies['@dvcorg/cml']).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
