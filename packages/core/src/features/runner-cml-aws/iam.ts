/**
 * The IAM documents of the AWS role the launch job assumes by OIDC: a trust policy pinned to this
 * repository's training environment, and a permissions policy naming only the EC2 calls CML makes.
 */

import { placeholders } from '../../placeholders.js';

const oidcHost = 'token.actions.githubusercontent.com';

/**
 * EC2 calls of `cml runner launch --cloud=aws`, which creates and later destroys the instance
 * through the iterative Terraform provider: ResourceMachineCreate and ResourceMachineDelete in
 * iterative/terraform-provider-iterative, iterative/aws/provider.go. Tags are set on create
 * (TagSpecifications), which needs ec2:CreateTags too.
 */
export const launchActions = [
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
] as const;

/** With --cloud-spot the provider requests, waits for and on failure cancels a spot request. */
export const spotActions = [
  'ec2:CancelSpotInstanceRequests',
  'ec2:DescribeSpotInstanceRequests',
  'ec2:RequestSpotInstances',
] as const;

/** Trusts jobs bound to `environment`, or without one (`secrets-scope: repo`) runs of `main` only. */
export function trustPolicy(project: string, environment: string | undefined): unknown {
  const subject = environment ? `environment:${environment}` : 'ref:refs/heads/main';
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'TrainingEnvironmentOfThisRepository',
        Effect: 'Allow',
        Principal: {
          Federated: `arn:aws:iam::${placeholders.account}:oidc-provider/${oidcHost}`,
        },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: {
            [`${oidcHost}:aud`]: 'sts.amazonaws.com',
            [`${oidcHost}:sub`]: `repo:${placeholders.owner}/${project}:${subject}`,
          },
        },
      },
    ],
  };
}

export function permissionsPolicy(region: string, spot: boolean): unknown {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'LaunchAndTerminateCmlRunners',
        Effect: 'Allow',
        Action: [...launchActions, ...(spot ? spotActions : [])].sort(),
        // These calls do not name their resources up front; the region is the bound they share.
        Resource: '*',
        Condition: { StringEquals: { 'aws:RequestedRegion': region } },
      },
    ],
  };
}

export function jsonFile(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
