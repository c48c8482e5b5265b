import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { resolveAnswers, type RawAnswers } from '../../options.js';
import { buildProject } from '../../plan.js';
import { repoAssets } from '../../../test/assets.js';

function render(raw: RawAnswers) {
  const answers = resolveAnswers(
    {
      name: 'my-project',
      data: 'dvc',
      dvcRemote: 's3',
      dvcRemoteUrl: 's3://team-data/models',
      ...raw,
    },
    'my-project',
  );
  return buildProject(answers, repoAssets).files;
}

const subjects = (files: Map<string, string>, path: string): string[] => {
  const [statement] = JSON.parse(files.get(path)!).Statement;
  const condition = statement.Condition.StringLike ?? statement.Condition.StringEquals;
  return condition['token.actions.githubusercontent.com:sub'];
};

const roleOf = (job: any) =>
  job.steps.find((step: any) => step.uses?.startsWith('aws-actions/')).with['role-to-assume'];

// Issue 17, finding 6: with secrets-scope repo every job read one role, which wrote.
describe('the roles of an S3 remote with secrets-scope repo', () => {
  const files = render({ secretsScope: 'repo', release: 'on' });
  const ci = parse(files.get('.github/workflows/ci.yml')!);

  it('give pull requests a read-only role of its own, and only main the role that writes', () => {
    expect(roleOf(ci.jobs.dvc)).toBe('${{ vars.DVC_AWS_READ_ROLE_ARN }}');
    expect(roleOf(ci.jobs['dvc-push'])).toBe('${{ vars.DVC_AWS_ROLE_ARN }}');
    expect(subjects(files, 'infra/aws/dvc-read-trust-policy.json')).toEqual([
      'repo:GITHUB_OWNER/my-project:pull_request',
      'repo:GITHUB_OWNER/my-project:ref:refs/heads/main',
    ]);
    const write = subjects(files, 'infra/aws/dvc-write-trust-policy.json');
    expect(write).toEqual([
      'repo:GITHUB_OWNER/my-project:ref:refs/heads/main',
      'repo:GITHUB_OWNER/my-project:ref:refs/tags/v*',
    ]);
    expect(write.some((subject) => subject.includes('pull_request'))).toBe(false);
  });

  it('let release tags write only when the project releases its model', () => {
    const withoutRelease = render({ secretsScope: 'repo', release: 'off' });
    expect(subjects(withoutRelease, 'infra/aws/dvc-write-trust-policy.json')).toEqual([
      'repo:GITHUB_OWNER/my-project:ref:refs/heads/main',
    ]);
  });

  it('declare both roles in ml-cicd.yaml, so secrets --apply sets them', () => {
    const config = parse(files.get('ml-cicd.yaml')!);
    expect(config.environments['data-read'].variables).toEqual([
      'DVC_AWS_READ_ROLE_ARN',
      'DVC_AWS_REGION',
    ]);
    expect(config.environments.data.variables).toEqual(['DVC_AWS_ROLE_ARN', 'DVC_AWS_REGION']);
  });

  it('let only the role that writes put objects, under the remote’s prefix', () => {
    const read = JSON.parse(files.get('infra/aws/dvc-read-permissions-policy.json')!);
    const write = JSON.parse(files.get('infra/aws/dvc-write-permissions-policy.json')!);
    expect(JSON.stringify(read)).not.toContain('s3:PutObject');
    expect(write.Statement[1]).toEqual({
      Sid: 'ReadAndWriteTheRemote',
      Effect: 'Allow',
      Action: ['s3:AbortMultipartUpload', 's3:GetObject', 's3:PutObject'],
      Resource: 'arn:aws:s3:::team-data/models/*',
    });
    expect(read.Statement[0].Condition).toEqual({
      StringLike: { 's3:prefix': ['models', 'models/*'] },
    });
  });
});

describe('the roles of an S3 remote with environments', () => {
  it('trust the read-only role to data-read, and the one that writes to data and release', () => {
    const files = render({ release: 'on' });
    expect(subjects(files, 'infra/aws/dvc-read-trust-policy.json')).toEqual([
      'repo:GITHUB_OWNER/my-project:environment:data-read',
    ]);
    expect(subjects(files, 'infra/aws/dvc-write-trust-policy.json')).toEqual([
      'repo:GITHUB_OWNER/my-project:environment:data',
      'repo:GITHUB_OWNER/my-project:environment:release',
    ]);
    expect(roleOf(parse(files.get('.github/workflows/ci.yml')!).jobs.dvc)).toBe(
      '${{ vars.DVC_AWS_ROLE_ARN }}',
    );
  });

  // Both conditions sat under one StringEquals key, so the subject's replaced the audience's.
  it.each(['environment', 'repo'] as const)(
    'require the sts.amazonaws.com audience besides the subject (secrets scope %s)',
    (secretsScope) => {
      const files = render({ secretsScope, release: 'on' });
      for (const role of ['read', 'write']) {
        const [statement] = JSON.parse(
          files.get(`infra/aws/dvc-${role}-trust-policy.json`)!,
        ).Statement;
        expect(statement.Condition.StringEquals).toMatchObject({
          'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
        });
      }
    },
  );

  it('are not written for a remote that needs no AWS role', () => {
    const files = render({ dvcRemote: 'gs', dvcRemoteUrl: 'gs://team-data/models' });
    expect([...files.keys()].filter((path) => path.startsWith('infra/aws/'))).toEqual([]);
  });
});
