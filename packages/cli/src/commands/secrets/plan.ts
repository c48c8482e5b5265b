/** What `ml-cicd secrets` sets up: each environment, and the gh command of each secret and variable. */
import type { MlCicdConfig, SecretsScope } from '@ml-cicd/config';
import type { Source } from './messages.js';

export interface Setting {
  kind: 'secret' | 'variable';
  name: string;
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
      return [{ kind, name, environment, args: [kind, 'set', name, ...where, '--repo', repo] }];
    });
  });
  return { repo, scope, environments: scope === 'repo' ? [] : [...selected], settings };
}

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
