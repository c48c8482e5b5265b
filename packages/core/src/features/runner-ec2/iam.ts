/**
 * The IAM documents of the two AWS roles the EC2 runner's jobs assume by OIDC: one starts
 * instances (trusted only for the training environment), one terminates them (trusted only for
 * the cleanup environment, and only for instances tagged with this repository).
 */
import { placeholders } from '../../placeholders.js';
import { repositoryTag } from './jobs.js';

/**
 * The EC2 calls of machulav/ec2-github-runner's start mode (src/aws.js at v2.6.1: RunInstances,
 * then waitUntilInstanceRunning), as its README lists them; CreateTags because the instances are
 * tagged at launch (aws-resource-tags).
 */
export const startActions = [
  'ec2:DescribeInstanceStatus',
  'ec2:DescribeInstances',
  'ec2:RunInstances',
] as const;

/** The subject a job's OIDC token carries: its environment, or without one the main branch. */
export function oidcSubject(project: string, environment: string | undefined): string {
  const subject = environment ? `environment:${environment}` : 'ref:refs/heads/main';
  return `repo:${placeholders.owner}/${project}:${subject}`;
}

const inRegion = (region: string) => ({ 'aws:RequestedRegion': region });

export function startPolicy(region: string): unknown {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'StartRunnerInstances',
        Effect: 'Allow',
        Action: [...startActions],
        // RunInstances touches an image, a subnet, a security group and volumes it cannot name
        // up front; the region is the bound they share.
        Resource: '*',
        Condition: { StringEquals: inRegion(region) },
      },
      {
        Sid: 'TagInstancesAtLaunchOnly',
        Effect: 'Allow',
        Action: 'ec2:CreateTags',
        Resource: '*',
        Condition: { StringEquals: { ...inRegion(region), 'ec2:CreateAction': 'RunInstances' } },
      },
    ],
  };
}

export function stopPolicy(region: string, project: string): unknown {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'TerminateThisRepositorysRunners',
        Effect: 'Allow',
        Action: 'ec2:TerminateInstances',
        Resource: `arn:aws:ec2:${region}:${placeholders.account}:instance/*`,
        Condition: {
          StringEquals: {
            [`aws:ResourceTag/${repositoryTag}`]: `${placeholders.owner}/${project}`,
          },
        },
      },
    ],
  };
}
