/** What `ml-cicd secrets` says, apart from its logic. Values are never part of any message. */
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

A name whose value is empty is skipped; a name with no value anywhere is reported as missing,
and the exit code is then 1. Exit codes: 0 done, 1 missing values or a failed gh command,
2 usage error.
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
  `Created environment ${environment}: add required reviewers and limit it to main under Settings → Environments.`;

export const wouldCreate = (environment: string) =>
  `Would create environment ${environment} when it does not exist.`;

export type Source = 'environment' | 'file';

const from = (source: Source, file: string | undefined) =>
  source === 'environment' ? 'the process environment' : (file ?? 'the file');

export const setOne = (kind: string, name: string, where: string, source: Source, file?: string) =>
  `Set ${kind} ${name} ${where}, from ${from(source, file)}.`;

export const wouldSet = (command: string, source: Source, file?: string) =>
  `${command}   # value on stdin, from ${from(source, file)}`;

export const skippedEmpty = (names: string[]) =>
  `Skipped, as their value is empty: ${names.join(', ')}.`;

export const missing = (names: string[], file: string | undefined) =>
  `Missing, with no value in the process environment${file ? ` or ${file}` : ''}: ${names.join(', ')}. Set them and run again.`;

export const failed = (command: string, detail: string) => `Failed: ${command} (${detail}).`;

export const dryRunDone = 'Dry run: nothing was changed.';
