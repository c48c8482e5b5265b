/**
 * With `--data dvc`, the publish job also pushes the released files to the DVC remote, with the
 * same credential steps as CI's `dvc-push` job but the values of the `release` environment, and
 * attaches `release.dvc`, the pointer `dvc pull` fetches them back with.
 */
import type { Data } from '@ml-cicd/config';
import { credentialsCheck, oidcPermission, remoteSteps } from '../../dvc-remote-steps.js';
import { dvcDataOf, pushesInCi, type DvcRemoteKind } from '../../dvc-remotes.js';

/** The kind of DVC remote the release pushes to: none without DVC or with one CI cannot write. */
export function releaseRemote(data: Data | undefined): DvcRemoteKind | undefined {
  const kind = dvcDataOf(data)?.remote.kind;
  return kind && pushesInCi(kind) ? kind : undefined;
}

export function remotePermission(kind: DvcRemoteKind | undefined): Record<string, unknown> {
  return kind
    ? oidcPermission(kind, 'OIDC: trades this job’s token for the AWS role that writes the remote')
    : {};
}

/** `place`: where the job finds the credentials, in words (ProjectModel.settingsPlace). */
export function remotePushSteps(kind: DvcRemoteKind, place: string): unknown[] {
  return [
    // A release the reviewer approved must reach the remote: missing credentials fail the job.
    credentialsCheck(
      kind,
      `No credentials for the DVC remote in ${place}: the model is not published.`,
      true,
    ),
    ...remoteSteps(kind, 'Push the release files to the DVC remote', [
      'dvc add release',
      'dvc push release.dvc',
    ]),
  ];
}
