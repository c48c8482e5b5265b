/** Pieces of the AWS IAM documents written under `infra/aws/`, shared by the features that need roles. */
import { placeholders } from './placeholders.js';

const oidcHost = 'token.actions.githubusercontent.com';

/**
 * A role's trust policy for GitHub's OIDC tokens: audience `sts.amazonaws.com`, and the subject (or
 * any of the subjects) given; a subject with a `*` is matched with StringLike, as AWS requires.
 */
export function githubOidcTrustPolicy(sid: string, subject: string | string[]): unknown {
  const subjects = [subject].flat();
  const audience = { [`${oidcHost}:aud`]: 'sts.amazonaws.com' };
  const subjectCondition = { [`${oidcHost}:sub`]: subject };
  const condition = subjects.some((each) => each.includes('*'))
    ? { StringEquals: audience, StringLike: subjectCondition }
    : { StringEquals: { ...audience, ...subjectCondition } };
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: sid,
        Effect: 'Allow',
        Principal: {
          Federated: `arn:aws:iam::${placeholders.account}:oidc-provider/${oidcHost}`,
        },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: condition,
      },
    ],
  };
}

/** A policy document as the JSON file AWS's console and CLI take. */
export function policyFile(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
