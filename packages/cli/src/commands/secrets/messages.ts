/** What `ml-cicd secrets` says, apart from its logic. Values are never part of any message. */
import { readEnvironment } from '@ml-cicd/core';
import type { Setting } from './plan.js';
import type { Reviewer } from './reviewers.js';

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
  --reviewer <who>        a required reviewer of the release environment: a user's login or
                          ORG/TEAM-SLUG; repeat for more, up to 6 (default: the user gh is logged in as)
  -h, --help              show this help

A secret of the read-only environment data-read takes its value from NAME_READ (e.g.
DAGSHUB_TOKEN_READ), never from NAME: pull requests read it, so it must be a credential that can
only read. Names that are the platform's or your own credentials (GH_TOKEN, GITHUB_*, ACTIONS_*,
long-lived AWS keys) are refused, and so is a secret declared as a variable. With runners other
than GitHub's own, --apply also makes every outside contributor's fork pull request wait for
approval before its workflows run.

Before the first release can use it, --apply gives the release environment required reviewers
(prevent self-review when someone else can approve) and lets it deploy only from the default
branch and v* tags; template-update gets the default branch only. What an environment already has
is kept. Where GitHub refuses reviewers (a private repository without GitHub Enterprise), it tries
a wait timer, and says so when the environment is left without either.

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

export const badReviewer = (value: string) =>
  `--reviewer must be a user's login or ORG/TEAM-SLUG, e.g. octocat or octo-org/ml-reviewers (got ${JSON.stringify(value)}).`;

export const tooManyReviewers = (count: number) =>
  `GitHub takes at most 6 required reviewers per environment (got ${count} --reviewer flags).`;

export const unknownReviewer = (name: string, detail: string) =>
  `Could not find the id of ${name} on GitHub (${detail}), so no environment was protected: check the login or ORG/TEAM-SLUG given to --reviewer.`;

export const noDefaultBranch = (repo: string, detail: string) =>
  `Could not read the default branch of ${repo} (${detail}), so its environments' deployment branches were not set.`;

export const branchPolicyRefused = (
  environment: string,
  repo: string,
  name: string,
  detail: string,
) =>
  `GitHub did not let environment ${environment} of ${repo} deploy from ${name} (${detail}): set its deployment branches and tags under Settings → Environments.`;

export const protectedAlready = (environment: string) =>
  `Environment ${environment} exists with its protection rules and deployment branches: left as it is.`;

export const createdToProtect = (environment: string) => `Created environment ${environment}.`;

export const protecting = (environment: string) =>
  `Environment ${environment} exists: added what it lacked, keeping its own rules.`;

const names = (reviewers: readonly Reviewer[]) => reviewers.map(({ name }) => name).join(', ');

export const reviewersSet = (
  environment: string,
  reviewers: readonly Reviewer[],
  noSelf: boolean,
) =>
  noSelf
    ? `Environment ${environment} waits for ${names(reviewers)} to approve each run, and whoever started a run cannot approve it.`
    : `Environment ${environment} waits for ${names(reviewers)} to approve each run; as no one else could, whoever started it may approve it (a second --reviewer turns that off).`;

export const waitTimerSet = (environment: string, repo: string, minutes: number, detail: string) =>
  `GitHub refused required reviewers for environment ${environment} of ${repo} (${detail}): it waits ${minutes} minutes before each run instead, time to cancel one nobody meant, but nobody approves it.`;

export const branchesSet = (environment: string, allowed: string[]) =>
  `Environment ${environment} can be used only from ${allowed.join(' and ')}.`;

export const noGate = (environment: string, repo: string, detail: string) =>
  `GitHub refused required reviewers and a wait timer for environment ${environment} of ${repo} (${detail}): a private repository needs GitHub Enterprise for either, so release.yml refuses to publish through it. Make the repository public, or set "secrets-scope: repo" in ml-cicd.yaml and let a tag ruleset limit who may push v* tags (Settings → Rules → Rulesets; docs/guide/secrets.md).`;

export const wouldProtect = (
  environment: string,
  reviewers: boolean,
  tags: string[],
  who: readonly string[],
) =>
  [
    `Would protect environment ${environment}, keeping what it has:`,
    reviewers
      ? ` required reviewers ${who.length > 0 ? who.map((name) => `@${name}`).join(', ') : '(you, the gh user)'} when it has none and no wait timer,`
      : '',
    ` deployments only from the default branch${tags.map((tag) => ` and ${tag} tags`).join('')} when it has no deployment branch policy.`,
  ].join('');

export const printProtect = (environment: string, reviewers: boolean, tags: string[]) =>
  `# Then, before its first run, protect it under Settings → Environments → ${environment}:${reviewers ? ' required reviewers,' : ''} deployment branches and tags: the default branch${tags.map((tag) => ` and ${tag} tags`).join('')} (ml-cicd secrets --apply does it).`;

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
