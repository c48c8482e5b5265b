/** What `ml-cicd secrets` says, apart from its logic. Values are never part of any message. */
import { readEnvironment } from '@ml-cicd/core';
import type { Setting } from './plan.js';

export const usage = 'secrets [dir]';

export const summary = "set up ml-cicd.yaml's GitHub Environments, secrets and variables with gh";

export const help = `Usage: ml-cicd secrets [dir] [flags]

Set up the GitHub Environments of ml-cicd.yaml (in dir, default: the current folder) and the
secrets and variables each lists, with gh, the GitHub CLI. Without --apply it prints the gh
commands; values are never printed, and gh reads each from its standard input.

With "secrets-scope: repo" in ml-cicd.yaml the names become repository secrets and variables
(no environment is created): any workflow on any branch can read them.

Flags:
  --repo <owner/repo>     the GitHub repository (default: from git remote get-url origin)
  --environment <name>    only this environment of ml-cicd.yaml
  --apply                 run the commands: values from the process environment, then --from-env
  --from-env <file>       a dotenv file of values (NAME=value lines; # comments; export prefix)
  --dry-run               show what --apply would run and where each value comes from; change nothing
  -h, --help              show this help

A secret of the read-only environment data-read takes its value from NAME_READ (e.g.
DAGSHUB_TOKEN_READ), never from NAME: pull requests read it, so it must be a credential that can
only read. Names that are the platform's or your own credentials (GH_TOKEN, GITHUB_*, ACTIONS_*,
long-lived AWS keys) are refused, and so is a secret declared as a variable. With runners other
than GitHub's own, --apply also makes every outside contributor's fork pull request wait for
approval before its workflows run.

A name whose value is empty is skipped; an optional variable .env.example shows commented out
keeps its default; any other name with no value anywhere is reported as missing, and the exit
code is then 1. Exit codes: 0 done, 1 missing values or a failed gh command, 2 usage error.
`;

export const noConfig = (dir: string) =>
  `No ml-cicd.yaml in ${dir}: it lists the environments, secrets and variables to set up (ml-cicd add workflow creates it).`;

export const badConfig = (first: string) =>
  `ml-cicd.yaml is not valid, so nothing was set up: ${first} (ml-cicd validate lists every problem).`;

export const unreadableDotenv = (file: string) =>
  `${file} is not a readable file; pass a dotenv file of NAME=value lines to --from-env.`;

export const noRepository = (why: string) =>
  `Could not tell which GitHub repository to set up: ${why}; pass --repo OWNER/REPO.`;

export const badRepoFlag = (value: string) =>
  `--repo must be OWNER/REPO, e.g. octo-org/my-project (got ${JSON.stringify(value)}).`;

export const unknownEnvironment = (name: string, names: string[]) =>
  `--environment must be one of ${names.join(', ')}, the environments of ml-cicd.yaml (got ${JSON.stringify(name)}).`;

export const ghMissing =
  'gh, the GitHub CLI, is not installed or not on PATH, so nothing was changed: install it from https://cli.github.com, run gh auth login, and try again (ml-cicd secrets without --apply prints the commands).';

export const ghLoggedOut =
  'gh is not logged in to GitHub (gh auth status failed), so nothing was changed: run gh auth login, and try again.';

export const environmentRefused = (environment: string, repo: string, detail: string) =>
  `GitHub did not create the environment ${environment} of ${repo} (${detail}), so its secrets and variables were not set: environments on a private repository need a paid plan; where that is not possible, set "secrets-scope: repo" in ml-cicd.yaml (docs/guide/secrets.md says what that loses).`;

export const printHeader = (repo: string) => [
  `# The GitHub Environments, secrets and variables of ml-cicd.yaml, for ${repo}.`,
  '# gh asks for each value on a terminal (hidden for secrets) or reads it from standard input,',
  '# e.g. printenv NAME | gh secret set NAME ...; ml-cicd secrets --apply runs them all.',
];

export const printEnvironment = (environment: string) =>
  `\n# Environment ${environment}: create it once (skip this when it exists, so its settings stay as they are).`;

export const printRepository = '\n# Repository secrets and variables (secrets-scope: repo).';

export const nothingDeclared = (where: string) => `# ${where} lists no secrets or variables.`;

export const environmentExists = (environment: string) =>
  `Environment ${environment} exists: its protection rules are left as they are.`;

export const created = (environment: string) =>
  environment === readEnvironment
    ? `Created environment ${environment}: it holds read-only credentials for pull requests, so give it no reviewers.`
    : `Created environment ${environment}: add required reviewers and limit it to main under Settings → Environments.`;

export const credentialName = (list: string, name: string, why: string) =>
  `Nothing was set up: ${list} in ml-cicd.yaml lists ${name}, which ${why}.`;

export const printNoRemote =
  '# No GitHub remote: replace OWNER/REPO, or pass --repo OWNER/REPO (--apply needs one).';

export const printReadOnly = (from: string) =>
  `# a read-only credential, never the one that writes (--apply reads ${from})`;

export const printForkApproval =
  "\n# Self-hosted runners: every outside contributor's fork pull request waits for approval before its workflows run.";

export const forkApprovalSet = (repo: string) =>
  `Fork pull requests of every outside contributor now wait for approval before their workflows run in ${repo}.`;

export const forkApprovalNotSet = (repo: string, detail: string) =>
  `Could not require approval of outside contributors' fork pull requests in ${repo} (${detail}); set it under Settings → Actions → General (it exists on public repositories).`;

export const wouldRequireForkApproval =
  "Would require approval of every outside contributor's fork pull request before its workflows run.";

export const leftToDefault = (names: string[]) =>
  `Left unset, so their default applies (.env.example shows it): ${names.join(', ')}.`;

export const sameAsWrite = (names: string[]) =>
  `Not set, as each has the same value as the credential that writes: ${names.join(', ')}; give the read-only environment a credential that can only read.`;

export const wouldCreate = (environment: string) =>
  `Would create environment ${environment} when it does not exist.`;

export type Source = 'environment' | 'file';

const from = (source: Source, file: string | undefined) =>
  source === 'environment' ? 'the process environment' : (file ?? 'the file');

const fromName = (setting: Setting, source: Source, file: string | undefined) =>
  setting.from === setting.name ? from(source, file) : `${setting.from} in ${from(source, file)}`;

export const setOne = (setting: Setting, where: string, source: Source, file?: string) =>
  `Set ${setting.kind} ${setting.name} ${where}, from ${fromName(setting, source, file)}.`;

export const wouldSet = (command: string, setting: Setting, source: Source, file?: string) =>
  `${command}   # value on stdin, from ${fromName(setting, source, file)}`;

export const skippedEmpty = (names: string[]) =>
  `Skipped, as their value is empty: ${names.join(', ')}.`;

export const missing = (names: string[], file: string | undefined) =>
  `Missing, with no value in the process environment${file ? ` or ${file}` : ''}: ${names.join(', ')}. Set them and run again.`;

export const failed = (command: string, detail: string) => `Failed: ${command} (${detail}).`;

export const dryRunDone = 'Dry run: nothing was changed.';
