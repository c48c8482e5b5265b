/**
 * The DVC jobs of ci.yml. `dvc` checks, on every pull request and push, that the pipeline
 * reproduces to the committed dvc.lock, pulling what the remote already has when the job has read
 * credentials (a fork's pull request has none, and then runs the pipeline from scratch).
 * `dvc-push` uploads data and models from pushes to main, in a job its environment gates (W31).
 */
import type { DvcRemoteKind } from '@ml-cicd/config';
import { hostedRunner, type ProjectModel } from '../../model.js';
import { uses } from '../../versions.js';
import { pythonSetupSteps } from '../../workflow-steps.js';
import { commented } from '../../yaml.js';
import {
  dvcRegionVariable,
  dvcReadRoleVariable,
  dvcRoleVariable,
  reachableFromCi,
  remoteKinds,
  remoteSettings,
} from './remotes.js';

/** The environments holding the remote's read-only and read-write credentials. */
export const readEnvironment = 'data-read';
export const writeEnvironment = 'data';

type Step = Record<string, unknown>;

const noAnalytics = { DVC_NO_ANALYTICS: '1' };

/** `${{ secrets.X }}` / `${{ vars.X }}` for each name the remote needs, one by one (W09). */
function credentialEnv(kind: DvcRemoteKind): Record<string, string> {
  const { secrets, variables } = remoteSettings(kind);
  return Object.fromEntries([
    ...secrets.map((name) => [name, `\${{ secrets.${name} }}`]),
    ...variables.map((name) => [name, `\${{ vars.${name} }}`]),
  ]);
}

/**
 * A step that tells the next ones, by `steps.credentials.outputs.available`, whether to use the
 * remote; when the credentials are `required`, their absence fails the job instead.
 */
export function credentialsCheck(kind: DvcRemoteKind, missing: string, required = false): Step {
  const { secrets, variables } = remoteSettings(kind);
  const tests = [...secrets, ...variables].map((name) => `[ -n "$${name}" ]`);
  // An OIDC token exists only where the job may ask for one: never for a fork's pull request.
  if (remoteKinds[kind].oidc) tests.push('[ -n "${ACTIONS_ID_TOKEN_REQUEST_URL:-}" ]');
  return {
    name: 'Look for the DVC remote’s credentials',
    id: 'credentials',
    shell: 'bash',
    env: credentialEnv(kind),
    run: [
      `if ${tests.join(' && ')}; then`,
      '  echo "available=true" >> "$GITHUB_OUTPUT"',
      'else',
      ...(required
        ? [`  echo "::error::${missing}"`, '  exit 1']
        : [`  echo "::notice::${missing}"`, '  echo "available=false" >> "$GITHUB_OUTPUT"']),
      'fi',
      '',
    ].join('\n'),
  };
}

const available = "steps.credentials.outputs.available == 'true'";

/** Runs `commands` against the remote, after the steps that hand DVC its credentials. */
export function remoteSteps(
  kind: DvcRemoteKind,
  name: string,
  commands: string[],
  roleVariable: string = dvcRoleVariable,
): Step[] {
  const remote = remoteKinds[kind];
  // With OIDC the action exports short-lived keys; the role's names are for it alone.
  const env = { ...(remote.oidc ? {} : credentialEnv(kind)), ...noAnalytics };
  return [
    ...(remote.oidc
      ? [
          {
            name: 'Get AWS credentials for the DVC remote (OIDC)',
            if: available,
            uses: uses('configureAwsCredentials'),
            with: {
              'role-to-assume': `\${{ vars.${roleVariable} }}`,
              'aws-region': `\${{ vars.${dvcRegionVariable} }}`,
            },
          },
        ]
      : []),
    {
      name,
      if: available,
      shell: 'bash',
      env,
      run: [...remote.setup, ...commands, ''].join('\n'),
    },
  ];
}

/** `id-token: write` for a remote reached by OIDC, saying `why`; nothing for the others. */
export function oidcPermission(kind: DvcRemoteKind, why: string): Record<string, unknown> {
  return remoteKinds[kind].oidc ? { 'id-token': commented('write', why) } : {};
}

function permissions(kind: DvcRemoteKind, why: string): Record<string, unknown> {
  return { contents: 'read', ...oidcPermission(kind, why) };
}

const reproduce: Step = {
  name: 'Reproduce the pipeline',
  shell: 'bash',
  env: noAnalytics,
  run: 'dvc repro',
};

/** The role pull requests assume: with `secrets-scope: repo`, one apart from the role that writes. */
export function readRoleVariable(model: ProjectModel): string {
  return model.config['secrets-scope'] === 'repo' ? dvcReadRoleVariable : dvcRoleVariable;
}

export function dvcCheckJob(model: ProjectModel, kind: DvcRemoteKind): unknown {
  const reachable = reachableFromCi(kind);
  return {
    name: 'Reproduce the DVC pipeline',
    'runs-on': hostedRunner,
    ...(reachable ? model.bindEnvironment(readEnvironment) : {}),
    'timeout-minutes': 30,
    permissions: permissions(kind, 'OIDC: trades this job’s token for the read-only AWS role'),
    steps: [
      ...pythonSetupSteps(model.config),
      ...(reachable
        ? [
            credentialsCheck(
              kind,
              `No read credentials for the DVC remote in ${model.settingsPlace(readEnvironment)} (none set, or a pull request from a fork): the pipeline runs from scratch.`,
            ),
            // --allow-missing: outputs nobody pushed yet are made again by dvc repro.
            ...remoteSteps(
              kind,
              'Pull data and models',
              ['dvc pull --allow-missing'],
              readRoleVariable(model),
            ),
          ]
        : []),
      reproduce,
      {
        name: 'Check that dvc.lock is up to date',
        shell: 'bash',
        // A new project has no dvc.lock until someone runs the pipeline: its first push stays green
        // with a warning, and from the first committed dvc.lock on, a stale one fails.
        run: [
          'if ! git ls-files --error-unmatch dvc.lock >/dev/null 2>&1; then',
          '  echo "::warning file=dvc.yaml::dvc.lock is not committed yet, so CI cannot tell whether it is up to date: run dvc repro, then commit dvc.lock."',
          'elif ! git diff --exit-code dvc.lock; then',
          '  echo "::error file=dvc.lock::dvc.lock is out of date: run dvc repro, then commit dvc.lock."',
          '  exit 1',
          'fi',
          '',
        ].join('\n'),
      },
    ],
  };
}

/** `needs`: the jobs that must pass first, the tests of ci.yml and the `dvc` check by default. */
export function dvcPushJob(
  model: ProjectModel,
  kind: DvcRemoteKind,
  needs: string[] = ['checks', 'dvc'],
): unknown {
  return {
    name: 'Push data and models to the DVC remote',
    if: "github.event_name == 'push'",
    needs,
    'runs-on': hostedRunner,
    ...model.bindEnvironment(writeEnvironment),
    'timeout-minutes': 30,
    permissions: permissions(kind, 'OIDC: trades this job’s token for the AWS role that writes'),
    steps: [
      ...pythonSetupSteps(model.config),
      credentialsCheck(
        kind,
        `No credentials for the DVC remote in ${model.settingsPlace(writeEnvironment)}: nothing is pushed.`,
      ),
      ...remoteSteps(kind, 'Reproduce the pipeline and push data and models', [
        'dvc pull --allow-missing',
        'dvc repro',
        'dvc push',
      ]),
    ],
  };
}
