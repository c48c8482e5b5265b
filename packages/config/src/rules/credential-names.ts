import { formatPath } from '../path.js';
import { problemAtPath } from '../rule.js';
import type { ConfigRule } from './subject.js';

/**
 * Names gh reads as a credential, the long-lived AWS keys, and the runner's own RUNNER_ variables
 * (GitHub's list of default variables); other RUNNER_ names are free for the project.
 */
const platformNames = new Set([
  'GH_TOKEN',
  'GH_ENTERPRISE_TOKEN',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'RUNNER_ARCH',
  'RUNNER_DEBUG',
  'RUNNER_ENVIRONMENT',
  'RUNNER_NAME',
  'RUNNER_OS',
  'RUNNER_TEMP',
  'RUNNER_TOOL_CACHE',
  'RUNNER_WORKSPACE',
]);
/** GitHub sets or reserves every name with these prefixes, GITHUB_TOKEN among them. */
const platformPrefixes = ['GITHUB_', 'ACTIONS_'];

/** A name that says its value is a secret: a token, password, private or API key. */
const secretLike = /(?:^|_)(?:TOKEN|SECRET|PASSWORD|PASSWD|PRIVATE_KEY|API_KEY|ACCESS_KEY)(?:_|$)/;

/**
 * Why a name ml-cicd.yaml declares must not be set up from the user's shell, or undefined when it
 * may: the platform's or the user's own credential, or a secret declared as a (plain-text) variable.
 */
export function credentialNameProblem(
  name: string,
  list: 'secrets' | 'variables',
): string | undefined {
  if (platformNames.has(name) || platformPrefixes.some((prefix) => name.startsWith(prefix))) {
    return `is the platform's or your own credential (gh's tokens, GITHUB_*, ACTIONS_*, the runner's RUNNER_ variables, long-lived AWS keys), which ml-cicd secrets would upload from your shell; declare a name of this project's own, e.g. ${name.replace(/^(GH|GITHUB|ACTIONS|RUNNER|AWS)_/, 'MY_')}, for a credential made for it`;
  }
  if (list === 'variables' && secretLike.test(name)) {
    return 'names a secret, but variables are stored and shown in plain text; list it under secrets';
  }
  return undefined;
}

/** credential-names: no declared name is a platform credential, and no secret is a variable. */
export const credentialNames: ConfigRule = {
  id: 'credential-names',
  severity: 'error',
  security: [],
  doc: "No secret or variable of an environment is the platform's or the user's own credential (`GH_TOKEN`, `GITHUB_TOKEN` and every `GITHUB_*` and `ACTIONS_*` name, the runner's own `RUNNER_*` variables, the long-lived `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`), and no name that says it is a token, password or key is a variable: `ml-cicd secrets --apply` takes each declared value from the shell, where these hold the user's own credentials, and variables are stored in plain text.",
  check({ config, file }) {
    return Object.entries(config.environments).flatMap(([environment, { secrets, variables }]) =>
      (['secrets', 'variables'] as const).flatMap((list) =>
        (list === 'secrets' ? secrets : variables).flatMap((name, index) => {
          const why = credentialNameProblem(name, list);
          if (!why) return [];
          const path = ['environments', environment, list, index];
          return [problemAtPath(file, path, `${formatPath(path)} ${name} ${why}.`)];
        }),
      ),
    );
  },
};
