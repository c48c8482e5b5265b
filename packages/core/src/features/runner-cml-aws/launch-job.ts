/**
 * The job that launches the training runner: CML starts an EC2 instance that registers itself as
 * a runner with a label unique to this run, runs the one training job (`--single`) and terminates.
 */
import type { CmlGpu } from '@ml-cicd/config';
import type { LaunchJob } from '../../model.js';
import { uses } from '../../versions.js';
import { commented } from '../../yaml.js';

export interface CmlLaunch {
  instanceType: string;
  gpu: CmlGpu;
  spot: boolean;
  diskGb: number;
  timeoutMinutes: number;
}

export const launchJobId = 'launch-runner';

/** The label only this run's instance carries: the training job runs on it and nowhere else. */
export const runnerLabel = `\${{ needs.${launchJobId}.outputs.label }}`;

/** Every such label is `cml-<run id>-<attempt>`: actionlint checks runs-on against this glob. */
export const runnerLabels = 'cml-*';

/** Seconds the new runner waits for the training job (an approval included) before it shuts down. */
export const idleTimeoutSeconds = 600;

/** Launch time (npm ci, terraform, boot, driver) allowed on top of the training timeout. */
const launchMinutes = 30;

/**
 * The instance terminates itself with the credentials it was launched with, so they must outlive
 * the run (iterative/cml#987); AWS caps an assumed role's session at 12 hours.
 */
export const maxSessionSeconds = 43_200;

export function sessionSeconds(timeoutMinutes: number): number {
  return Math.max(3600, (timeoutMinutes + launchMinutes) * 60);
}

/** The longest training whose launch credentials still outlive it. */
export const maxTimeoutMinutes = maxSessionSeconds / 60 - launchMinutes;

function launchScript(launch: CmlLaunch): string {
  return [
    '.github/cml/node_modules/.bin/cml runner launch \\',
    '  --cloud=aws \\',
    '  --cloud-region="$AWS_REGION" \\',
    `  --cloud-type=${launch.instanceType} \\`,
    `  --cloud-gpu=${launch.gpu} \\`,
    `  --cloud-hdd-size=${launch.diskGb} \\`,
    ...(launch.spot ? ['  --cloud-spot \\'] : []),
    '  --labels="$RUNNER_LABEL" \\',
    `  --idle-timeout=${idleTimeoutSeconds} \\`,
    '  --single',
    '',
  ].join('\n');
}

export function launchJob(launch: CmlLaunch, binding: { environment?: string }): LaunchJob {
  return {
    id: launchJobId,
    build: () => ({
      name: 'Launch the training runner on EC2 (CML)',
      // CML drives Terraform, which ubuntu-24.04 (ubuntu-latest) images no longer ship: iterative/cml#1479.
      'runs-on': 'ubuntu-22.04',
      ...binding,
      'timeout-minutes': 20,
      permissions: {
        contents: 'read',
        'id-token': commented(
          'write',
          'OIDC: trades this job’s token for the AWS role, no stored keys',
        ),
      },
      outputs: { label: '${{ steps.label.outputs.label }}' },
      steps: [
        {
          name: 'Check out the repository',
          uses: uses('checkout'),
          with: { 'persist-credentials': false },
        },
        {
          name: 'Install CML from its lock',
          shell: 'bash',
          run: 'npm ci --prefix .github/cml --no-audit --no-fund',
        },
        {
          name: 'Name the runner after this run',
          id: 'label',
          shell: 'bash',
          env: { RUN_ID: '${{ github.run_id }}', RUN_ATTEMPT: '${{ github.run_attempt }}' },
          run: `echo "label=${runnerLabels.replace('*', '$RUN_ID-$RUN_ATTEMPT')}" >> "$GITHUB_OUTPUT"`,
        },
        {
          name: 'Get AWS credentials for the launch role (OIDC)',
          uses: uses('configureAwsCredentials'),
          with: {
            'role-to-assume': '${{ vars.AWS_ROLE_ARN }}',
            'aws-region': '${{ vars.AWS_REGION }}',
            'role-duration-seconds': sessionSeconds(launch.timeoutMinutes),
          },
        },
        {
          name: 'Launch the runner and wait until it is ready',
          shell: 'bash',
          env: {
            // CML reads the runner-registration token from REPO_TOKEN.
            REPO_TOKEN: '${{ secrets.CML_REPO_TOKEN }}',
            AWS_REGION: '${{ vars.AWS_REGION }}',
            RUNNER_LABEL: '${{ steps.label.outputs.label }}',
          },
          run: launchScript(launch),
        },
      ],
    }),
  };
}
