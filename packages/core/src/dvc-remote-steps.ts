/**
 * The steps that reach a DVC remote from a CI job: one that looks for the remote's credentials,
 * then the ones that hand them to DVC (by OIDC for AWS, else from the job's secrets and
 * variables, one by one) and run DVC's commands. CI's DVC jobs and the release's push use them.
 */
import {
  dvcRegionVariable,
  type DvcRemoteKind,
  dvcRoleVariable,
  needsCredentials,
  remoteKinds,
  remoteSettings,
} from './dvc-remotes.js';
import { uses } from './versions.js';
import { commented } from './yaml.js';

type Step = Record<string, unknown>;

/** Keeps DVC from sending usage analytics from CI. */
export const noAnalytics = { DVC_NO_ANALYTICS: '1' };

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

/**
 * Runs `commands` against the remote, after the steps that hand DVC its credentials; only when
 * `credentialsCheck` found them, for a remote that needs any.
 */
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
      ...(needsCredentials(kind) ? { if: available } : {}),
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
