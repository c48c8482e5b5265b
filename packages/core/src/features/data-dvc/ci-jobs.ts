/**
 * The DVC jobs of ci.yml. `dvc` checks, on every pull request and push, that the pipeline
 * reproduces to the committed dvc.lock, pulling what the remote already has when the job has read
 * credentials (a fork's pull request has none, and then runs the pipeline from scratch).
 * `dvc-push` uploads data and models from pushes to main, in a job its environment gates (W31).
 */
import { hostedRunner, type ProjectModel } from '../../model.js';
import { pythonSetupSteps } from '../../workflow-steps.js';
import {
  dvcReadRoleVariable,
  type DvcRemoteKind,
  dvcRoleVariable,
  needsCredentials,
  pullsInCi,
} from '../../dvc-remotes.js';
import {
  credentialsCheck,
  noAnalytics,
  oidcPermission,
  remoteSteps,
} from '../../dvc-remote-steps.js';

/** The environments holding the remote's read-only and read-write credentials. */
export const readEnvironment = 'data-read';
export const writeEnvironment = 'data';

type Step = Record<string, unknown>;

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
  const credentials = needsCredentials(kind);
  return {
    name: 'Reproduce the DVC pipeline',
    'runs-on': hostedRunner,
    ...(credentials ? model.bindEnvironment(readEnvironment) : {}),
    'timeout-minutes': 30,
    permissions: permissions(kind, 'OIDC: trades this job’s token for the read-only AWS role'),
    steps: [
      ...pythonSetupSteps(model.config),
      ...(pullsInCi(kind)
        ? [
            ...(credentials
              ? [
                  credentialsCheck(
                    kind,
                    `No read credentials for the DVC remote in ${model.settingsPlace(readEnvironment)} (none set, or a pull request from a fork): the pipeline runs from scratch.`,
                  ),
                ]
              : []),
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
