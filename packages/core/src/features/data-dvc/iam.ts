/**
 * The IAM documents of an S3 remote's two roles, split by the subject of GitHub's OIDC token: a
 * read-only role for pull requests and a role that writes for main (and the release), so a
 * pull request can never write to the remote, with environments or without (`secrets-scope: repo`).
 */
import type { ProjectModel } from '../../model.js';
import { placeholders } from '../../placeholders.js';
import { readEnvironment, writeEnvironment } from './ci-jobs.js';

/** The release job pushes the model to the remote from the `release` environment. */
const releaseEnvironment = 'release';

/** `s3://bucket/prefix` → the bucket and the key prefix (without slashes at its ends). */
export function bucketOf(url: string): { bucket: string; prefix: string } {
  const [bucket = '', ...path] = url.replace(/^s3:\/\//, '').split('/');
  return { bucket, prefix: path.filter(Boolean).join('/') };
}

/** The OIDC subjects each role trusts: environments, or with `secrets-scope: repo` events and refs. */
export function dvcSubjects(
  model: ProjectModel,
  releases: boolean,
): { read: string[]; write: string[] } {
  const repo = `repo:${placeholders.owner}/${model.config.project.name}`;
  if (model.config['secrets-scope'] === 'repo') {
    const main = `${repo}:ref:refs/heads/main`;
    return {
      // The dvc check runs on pull requests and on pushes to main; reading is all it does.
      read: [`${repo}:pull_request`, main],
      write: [main, ...(releases ? [`${repo}:ref:refs/tags/v*`] : [])],
    };
  }
  return {
    read: [`${repo}:environment:${readEnvironment}`],
    write: [
      `${repo}:environment:${writeEnvironment}`,
      ...(releases ? [`${repo}:environment:${releaseEnvironment}`] : []),
    ],
  };
}

export function dvcPermissionsPolicy(url: string, write: boolean): unknown {
  const { bucket, prefix } = bucketOf(url);
  const objects = `arn:aws:s3:::${bucket}/${prefix ? `${prefix}/` : ''}*`;
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'ListTheRemote',
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: `arn:aws:s3:::${bucket}`,
        ...(prefix ? { Condition: { StringLike: { 's3:prefix': [prefix, `${prefix}/*`] } } } : {}),
      },
      {
        Sid: write ? 'ReadAndWriteTheRemote' : 'ReadTheRemote',
        Effect: 'Allow',
        Action: write
          ? ['s3:AbortMultipartUpload', 's3:GetObject', 's3:PutObject']
          : 's3:GetObject',
        Resource: objects,
      },
    ],
  };
}
