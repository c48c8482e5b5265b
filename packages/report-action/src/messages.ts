/** The sentences the action says, kept apart from the logic that decides when. */
import { formatChange, formatNumber, formatPercent } from './format.ts';
import type { GateResult, RuleResult } from './gates.ts';

function failure(metric: string, { rule, actual = NaN }: RuleResult): string {
  const gate = `(gate "${rule.text}")`;
  if (rule.kind === 'value') return `${metric} is ${formatNumber(actual)} ${gate}`;
  const by = rule.kind === 'percent' ? formatPercent(actual) : formatChange(actual);
  return `${metric} changed by ${by} ${gate}`;
}

/** Each broken rule, e.g. `accuracy changed by -0.03 (gate ">= -0.01")`. */
export function failures(gates: GateResult[]): string[] {
  return gates.flatMap(({ metric, results }) =>
    results.filter((r) => r.status === 'fail').map((r) => failure(metric, r)),
  );
}

/** The step's failure: one sentence naming every metric whose gate broke. */
export function gateFailure(gates: GateResult[]): string {
  const all = failures(gates);
  return `${all.length === 1 ? 'Gate' : 'Gates'} broken: ${all.join('; ')}.`;
}

export const noBaseline =
  'No baseline yet: the base branch has no metrics to compare with (a first run, or an expired artifact), so this shows the values of this run alone.';

/** `names` are code spans already: they come from the training's own file. */
export const notCompared = (names: string[]) =>
  `Not compared, as they are not numbers: ${names.join(', ')}.`;

export const missingBaselineFiles = (paths: string[]) =>
  `Baseline files not found, left out of the comparison: ${paths.join(', ')}.`;

export const skipComment = {
  notPullRequest: (event: string) =>
    `The event is ${event || 'unknown'}, not a pull_request: the report is in the job summary only.`,
  fork: (repo: string) =>
    `The pull request comes from the fork ${repo}, whose token is read-only: the report is in the job summary only.`,
  dependabot:
    'The run was started by Dependabot, whose token is read-only: the report is in the job summary only.',
  off: 'comment-mode is off: the report is in the job summary only.',
};

export const forbidden = (status: number, message: string) =>
  `GitHub answered ${status} (${message}) to the pull request comment: the token cannot write to pull requests here (a fork, Dependabot, or no "pull-requests: write" permission), so the report is in the job summary only.`;

export const unreachable = (apiUrl: string, message: string) =>
  `Could not write the pull request comment: no answer from ${apiUrl} (${message}).`;

export const commentFailed = (status: number, message: string) =>
  `Could not write the pull request comment: GitHub answered ${status} (${message}).`;

export const proxyUnused = (variable: string) =>
  `${variable} is set, but this Node (before 24.14) lets fetch use a proxy only when the step starts with NODE_USE_ENV_PROXY=1, so calls to the GitHub API go direct; to send them through the proxy, set NODE_USE_ENV_PROXY: 1 in this step's env.`;

export const unexpected = (message: string) =>
  `The report action failed unexpectedly: ${message}. Please report this to ml-cicd with the step's log.`;

export const tooLong = (runUrl: string | undefined) =>
  `The full report is longer than GitHub allows in a comment; it is in the job summary${runUrl ? ` of [the workflow run](${runUrl})` : ''}.`;

export const baselineArtifact = {
  found: (name: string, branch: string, runId: number | undefined) =>
    `The baseline is the ${name} artifact of run ${runId ?? 'unknown'} on ${branch}.`,
  none: (name: string, branch: string) =>
    `No unexpired ${name} artifact from a push run of this workflow on ${branch} of this repository yet: the report has no baseline.`,
  noRun: (name: string) =>
    `GITHUB_RUN_ID is not set, so the workflow whose push runs hold the ${name} artifact is unknown: the report has no baseline.`,
  noBranch: (name: string) =>
    `The event names no base branch (no pull request, no repository) to take the ${name} artifact from: the report has no baseline.`,
  failed: (name: string, why: string) =>
    `Could not download the baseline artifact ${name} (${why}); the job needs "actions: read". The report has no baseline.`,
  unreadable: (name: string, why: string) =>
    `Could not read the baseline artifact ${name} (${why}). The report has no baseline.`,
  inside: (path: string, name: string) => `${path} (in the ${name} artifact)`,
};
