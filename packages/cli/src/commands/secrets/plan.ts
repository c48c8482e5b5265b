/** What `ml-cicd secrets` sets up: each environment, and the gh command of each secret and variable. */
import type { MlCicdConfig, SecretsScope } from '@ml-cicd/config';
import { readEnvironment } from '@ml-cicd/core';
import type { Source } from './messages.js';

export interface Setting {
  kind: 'secret' | 'variable';
  name: string;
  /**
   * The name whose value is set: NAME itself, or NAME_READ for a secret of the read-only
   * environment, so the credential that writes never lands where pull requests read it.
   */
  from: string;
  /** The environment of ml-cicd.yaml that lists it. */
  environment: string;
  /** `gh secret set NAME --env ENV --repo O/R`, or without `--env` for repository secrets. */
  args: string[];
}

export interface SecretsPlan {
  repo: string;
  scope: SecretsScope;
  /** The environments to create; none with `secrets-scope: repo`. */
  environments: string[];
  settings: Setting[];
}

export function secretsPlan(
  config: MlCicdConfig,
  repo: string,
  selected: readonly string[],
): SecretsPlan {
  const scope = config['secrets-scope'] ?? 'environment';
  const seen = new Set<string>();
  const settings = selected.flatMap((environment) => {
    const { secrets, variables } = config.environments[environment]!;
    const named = [
      ...secrets.map((name) => ({ kind: 'secret' as const, name })),
      ...variables.map((name) => ({ kind: 'variable' as const, name })),
    ];
    return named.flatMap(({ kind, name }) => {
      // Repository secrets have one value per name, whichever environment lists it.
      const key = scope === 'repo' ? `${kind} ${name}` : `${kind} ${name} ${environment}`;
      if (seen.has(key)) return [];
      seen.add(key);
      const where = scope === 'repo' ? [] : ['--env', environment];
      const readOnly = scope !== 'repo' && kind === 'secret' && environment === readEnvironment;
      const from = readOnly ? readOnlyName(name) : name;
      const args = [kind, 'set', name, ...where, '--repo', repo];
      return [{ kind, name, from, environment, args }];
    });
  });
  return { repo, scope, environments: scope === 'repo' ? [] : [...selected], settings };
}

/** Where the value of a read-only environment's secret comes from: NAME_READ, never NAME. */
export const readOnlyName = (name: string) => `${name}_READ`;

/**
 * `gh api` arguments that make every outside contributor's fork pull request wait for approval
 * before its workflows run: a fork's copy of the workflows can target the repository's own
 * runners, and by default only first-time contributors need approval.
 */
export const forkApprovalArgs = (repo: string) => [
  'api',
  '-X',
  'PUT',
  `repos/${repo}/actions/permissions/fork-pr-contributor-approval`,
  '-f',
  'approval_policy=all_external_contributors',
];

/** `gh api` arguments that read, and create, an environment. */
export const environmentPath = (repo: string, environment: string) =>
  `repos/${repo}/environments/${environment}`;

export const createEnvironmentArgs = (repo: string, environment: string) => [
  'api',
  '-X',
  'PUT',
  environmentPath(repo, environment),
];

export interface Found {
  value: string;
  source: Source;
}

/** A name's value: the process environment first, then the dotenv file; empty values count. */
export function findValue(
  name: string,
  env: NodeJS.ProcessEnv,
  file: ReadonlyMap<string, string>,
): Found | undefined {
  const fromEnv = env[name];
  const candidates: (Found | undefined)[] = [
    fromEnv === undefined ? undefined : { value: fromEnv, source: 'environment' },
    file.has(name) ? { value: file.get(name)!, source: 'file' } : undefined,
  ];
  const given = candidates.filter((found): found is Found => found !== undefined);
  return given.find((found) => found.value !== '') ?? given[0];
}
