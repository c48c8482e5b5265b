/**
 * The jobs around the training job on an on-demand EC2 runner (machulav/ec2-github-runner): one
 * starts an instance that registers as a single-use (JIT) runner, the training job runs on its
 * label, and one terminates every instance the start job created, whatever happened in between.
 */
import type { LaunchJob, ProjectModel, TeardownJob } from '../../model.js';
import { hostedRunner } from '../../model.js';
import { uses } from '../../versions.js';
import { commented } from '../../yaml.js';

export interface Ec2Launch {
  instanceTypes: string[];
  spot: boolean;
  diskGb: number;
  timeoutMinutes: number;
  /** The environment of the stop job: no reviewers, so an instance never waits on a review. */
  cleanup: { environment?: string };
}

export const startJobId = 'start-runner';
export const stopJobId = 'stop-runner';

/** Variables and secrets the start job reads from the training environment. */
export const settings = {
  role: 'AWS_ROLE_ARN',
  region: 'AWS_REGION',
  image: 'EC2_IMAGE_ID',
  subnets: 'EC2_SUBNET_IDS',
  securityGroup: 'EC2_SECURITY_GROUP_ID',
  appClientId: 'RUNNER_APP_CLIENT_ID',
  appKey: 'RUNNER_APP_PRIVATE_KEY',
  stopRole: 'AWS_STOP_ROLE_ARN',
} as const;

/** Every instance carries this tag with `owner/repo`: the stop role may terminate only those. */
export const repositoryTag = 'ml-cicd-repository';

/** Minutes an instance may take to boot and register its runner, per attempt. */
const startupMinutes = 10;

/** The instance halts itself this long after the training timeout, should the stop job not run. */
export const haltMarginMinutes = 60;

/** The g and p families carry NVIDIA GPUs (g4dn, g5, g5g, g6, g6e, p3, p4d, p5, …). */
export function isGpuInstanceType(type: string): boolean {
  return /^[gp]\d/.test(type);
}

/** The label of attempt `n`: unique to the run and attempt, so no other job can take the runner. */
const label = (n: number) => `ml-cicd-\${{ github.run_id }}-\${{ github.run_attempt }}-${n}`;

const attempts = (launch: Ec2Launch) =>
  launch.instanceTypes.map((type, index) => ({ type, n: index + 1 }));

/** The label of the attempt that started: `a && b || c` is the expression's if-then-else. */
function chosenLabel(count: number): string {
  const parts = Array.from({ length: count }, (_, index) => index + 1).map((n) =>
    n === count
      ? `steps.start-${n}.outputs.label`
      : `steps.start-${n}.outcome == 'success' && steps.start-${n}.outputs.label`,
  );
  return `\${{ ${parts.join(' || ')} }}`;
}

/** What the start job needs set, by the environment variable its first step reads it from. */
const required = {
  APP_CLIENT_ID: settings.appClientId,
  APP_KEY_SET: settings.appKey,
  ROLE_ARN: settings.role,
  REGION: settings.region,
  IMAGE_ID: settings.image,
  SUBNET_IDS: settings.subnets,
  SECURITY_GROUP_ID: settings.securityGroup,
} as const;

/**
 * Names every setting that is missing before any other step runs (the App token and AWS steps
 * would fail on the first one with their own, narrower message), then builds
 * availability-zones-config from the subnets, one entry per subnet, tried in order.
 */
const settingsAndZonesScript = [
  'set -euo pipefail',
  'missing=()',
  ...Object.entries(required).map(([env, name]) =>
    env === 'APP_KEY_SET'
      ? `[ "\${${env}:-}" = true ] || missing+=(${name})`
      : `[ -n "\${${env}:-}" ] || missing+=(${name})`,
  ),
  'if [ ${#missing[@]} -gt 0 ]; then',
  '  echo "::error::Set ${missing[*]} for the EC2 runner (the private key is a secret, the others are variables): see infra/aws/README.md."',
  '  exit 1',
  'fi',
  "zones='[]'",
  "for subnet in $(tr ',' ' ' <<<\"$SUBNET_IDS\"); do",
  '  zones=$(jq -c --arg image "$IMAGE_ID" --arg subnet "$subnet" --arg group "$SECURITY_GROUP_ID" \\',
  '    \'. + [{imageId: $image, subnetId: $subnet, securityGroupId: $group}]\' <<<"$zones")',
  'done',
  'echo "zones=$zones" >> "$GITHUB_OUTPUT"',
  '',
].join('\n');

function startStep(launch: Ec2Launch, type: string, n: number, last: boolean) {
  return {
    name: `Start the runner on ${type}${launch.spot ? ' (spot)' : ''}`,
    id: `start-${n}`,
    ...(n > 1 ? { if: `steps.start-${n - 1}.outcome == 'failure'` } : {}),
    // Every attempt but the last may fail: the next instance type is tried instead.
    ...(last ? {} : { 'continue-on-error': true }),
    uses: uses('ec2GithubRunner'),
    with: {
      mode: 'start',
      'github-token': '${{ steps.app.outputs.token }}',
      'use-jit': true,
      label: label(n),
      'ec2-instance-type': type,
      'availability-zones-config': '${{ steps.zones.outputs.zones }}',
      ...(launch.spot ? { 'market-type': 'spot' } : {}),
      'ec2-volume-size': launch.diskGb,
      'ec2-volume-type': 'gp3',
      'metadata-options': '{"HttpTokens": "required", "HttpEndpoint": "enabled"}',
      'aws-resource-tags': `[{"Key": "${repositoryTag}", "Value": "\${{ github.repository }}"}, {"Key": "Name", "Value": "ml-cicd training \${{ github.run_id }}"}]`,
      'pre-runner-script': `shutdown -h +${launch.timeoutMinutes + haltMarginMinutes}\n`,
      'startup-timeout-minutes': startupMinutes,
    },
  };
}

export function startJob(launch: Ec2Launch): LaunchJob {
  const tries = attempts(launch);
  return {
    id: startJobId,
    build: (model: ProjectModel) => ({
      name: 'Start the training runner on EC2',
      'runs-on': hostedRunner,
      ...model.jobEnvironment(),
      // Each attempt waits for boot and registration; the instance types are tried in turn.
      'timeout-minutes': 5 + tries.length * (startupMinutes + 5),
      permissions: {
        'id-token': commented(
          'write',
          'OIDC: trades this job’s token for the AWS role that starts instances',
        ),
      },
      outputs: {
        label: chosenLabel(tries.length),
        ...Object.fromEntries(
          tries.map(({ n }) => [
            `instance-${n}`,
            `\${{ steps.start-${n}.outputs.ec2-instance-id }}`,
          ]),
        ),
      },
      steps: [
        {
          name: 'Check the runner settings and list the subnets to start in',
          id: 'zones',
          shell: 'bash',
          env: Object.fromEntries(
            Object.entries(required).map(([env, name]) => [
              env,
              // Only whether the key is set reaches the script, never the key.
              env === 'APP_KEY_SET' ? `\${{ secrets.${name} != '' }}` : `\${{ vars.${name} }}`,
            ]),
          ),
          run: settingsAndZonesScript,
        },
        {
          name: 'Get a token of the runner GitHub App',
          id: 'app',
          uses: uses('createGithubAppToken'),
          with: {
            'client-id': `\${{ vars.${settings.appClientId} }}`,
            'private-key': `\${{ secrets.${settings.appKey} }}`,
            // Registering a repository's runner takes administration write, and nothing else.
            'permission-administration': 'write',
          },
        },
        {
          name: 'Get AWS credentials for the start role (OIDC)',
          uses: uses('configureAwsCredentials'),
          with: {
            'role-to-assume': `\${{ vars.${settings.role} }}`,
            'aws-region': `\${{ vars.${settings.region} }}`,
          },
        },
        ...tries.map(({ type, n }) => startStep(launch, type, n, n === tries.length)),
      ],
    }),
  };
}

/** Terminates each instance the start job created, even when it or the training failed. */
export function stopJob(launch: Ec2Launch): TeardownJob {
  const tries = attempts(launch);
  const instance = (n: number) => `needs.${startJobId}.outputs.instance-${n}`;
  return {
    id: stopJobId,
    build: (_model: ProjectModel, trainingJob: string) => ({
      name: 'Terminate the training runner',
      needs: [startJobId, trainingJob],
      // always(): after a failed, cancelled or timed-out training too; an instance id means one exists.
      if: `always() && (${tries.map(({ n }) => `${instance(n)} != ''`).join(' || ')})`,
      'runs-on': hostedRunner,
      ...launch.cleanup,
      'timeout-minutes': 10,
      permissions: {
        'id-token': commented(
          'write',
          'OIDC: trades this job’s token for the AWS role that terminates instances',
        ),
      },
      steps: [
        {
          name: 'Get AWS credentials for the stop role (OIDC)',
          uses: uses('configureAwsCredentials'),
          with: {
            'role-to-assume': `\${{ vars.${settings.stopRole} }}`,
            'aws-region': `\${{ vars.${settings.region} }}`,
          },
        },
        ...tries.map(({ n }) => ({
          name: `Terminate the instance of attempt ${n}`,
          // always(): one failed termination does not skip the next.
          if: `always() && ${instance(n)} != ''`,
          uses: uses('ec2GithubRunner'),
          with: {
            mode: 'stop',
            // A JIT runner removes itself after its one job: the action terminates the instance
            // only, and never uses this token (it requires one all the same).
            'github-token': '${{ github.token }}',
            'use-jit': true,
            label: label(n),
            'ec2-instance-id': `\${{ ${instance(n)} }}`,
          },
        })),
      ],
    }),
  };
}
