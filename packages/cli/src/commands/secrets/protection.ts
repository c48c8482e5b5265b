/**
 * The environments `ml-cicd secrets --apply` protects before the first run can use them: GitHub
 * creates a missing environment on first use with no rule at all, so `release` would publish
 * unreviewed. What an environment already has (reviewers, a wait timer, a branch policy) is kept.
 */
import { releaseEnvironmentName, updateEnvironment } from '@ml-cicd/core';
import { UserError } from '../../errors.js';
import type { Io } from '../../io.js';
import { runGh, type GhResult } from './gh.js';
import * as say from './messages.js';
import { environmentPath } from './plan.js';
import { canPreventSelfReview, type Reviewer } from './reviewers.js';

export interface Protection {
  /** Required reviewers: a person approves each run of a job bound to it. */
  reviewers: boolean;
  /** Tag patterns allowed to deploy, besides the default branch. */
  tags: string[];
}

/**
 * By environment name, as the features of @ml-cicd/core bind them: release.yml publishes from a
 * `v*` tag or from main; the template update job runs on the default branch only.
 */
export const protections: ReadonlyMap<string, Protection> = new Map([
  [releaseEnvironmentName, { reviewers: true, tags: ['v*'] }],
  [updateEnvironment, { reviewers: false, tags: [] }],
]);

/** Minutes a job waits when GitHub refuses reviewers: time to cancel a release nobody meant. */
export const FALLBACK_WAIT_MINUTES = 30;

interface Rule {
  type: string;
  wait_timer?: number;
  prevent_self_review?: boolean;
  reviewers?: { type: string; reviewer?: { id?: number } }[];
}

interface BranchPolicy {
  protected_branches: boolean;
  custom_branch_policies: boolean;
}

/** GET /repos/{owner}/{repo}/environments/{name}, the fields read here. */
interface EnvironmentAnswer {
  protection_rules?: Rule[];
  deployment_branch_policy?: BranchPolicy | null;
}

/** PUT /repos/{owner}/{repo}/environments/{name}: absent fields are not sent. */
interface EnvironmentBody {
  wait_timer?: number;
  prevent_self_review?: boolean;
  reviewers?: { type: string; id: number }[];
  deployment_branch_policy?: BranchPolicy;
}

const parse = (result: GhResult): EnvironmentAnswer => {
  try {
    return JSON.parse(result.stdout) as EnvironmentAnswer;
  } catch {
    return {};
  }
};

/** What the environment already has, sent back so a PUT never drops it. */
function kept(existing: EnvironmentAnswer): EnvironmentBody {
  const body: EnvironmentBody = {};
  for (const rule of existing.protection_rules ?? []) {
    if (rule.type === 'wait_timer' && rule.wait_timer) body.wait_timer = rule.wait_timer;
    if (rule.type === 'required_reviewers') {
      body.reviewers = (rule.reviewers ?? []).flatMap(({ type, reviewer }) =>
        reviewer?.id === undefined ? [] : [{ type, id: reviewer.id }],
      );
      body.prevent_self_review = rule.prevent_self_review ?? false;
    }
  }
  if (existing.deployment_branch_policy) {
    body.deployment_branch_policy = existing.deployment_branch_policy;
  }
  return body;
}

const hasGate = (body: EnvironmentBody) =>
  (body.reviewers?.length ?? 0) > 0 || (body.wait_timer ?? 0) > 0;

const put = (repo: string, environment: string, body: EnvironmentBody) =>
  runGh(['api', '-X', 'PUT', environmentPath(repo, environment), '--input', '-'], {
    input: JSON.stringify(body),
    hide: [],
  });

const refusedByPlan = (result: GhResult) => /HTTP 422/.test(result.detail);

function defaultBranch(repo: string): string {
  const result = runGh(['api', `repos/${repo}`], { hide: [] });
  const branch =
    result.status === 0
      ? (JSON.parse(result.stdout) as { default_branch?: unknown }).default_branch
      : undefined;
  if (typeof branch !== 'string') throw new UserError(say.noDefaultBranch(repo, result.detail));
  return branch;
}

function addBranchPolicies(repo: string, environment: string, protection: Protection): string[] {
  const allowed = [
    { name: defaultBranch(repo), type: 'branch' },
    ...protection.tags.map((name) => ({ name, type: 'tag' })),
  ];
  for (const { name, type } of allowed) {
    const result = runGh(
      [
        'api',
        '-X',
        'POST',
        `${environmentPath(repo, environment)}/deployment-branch-policies`,
        '-f',
        `name=${name}`,
        '-f',
        `type=${type}`,
      ],
      { hide: [] },
    );
    if (result.status !== 0) {
      throw new UserError(say.branchPolicyRefused(environment, repo, name, result.detail));
    }
  }
  return allowed.map(({ name, type }) => (type === 'tag' ? `${name} tags` : name));
}

/**
 * Creates the environment when it is missing and gives it what `protection` asks for that it
 * lacks. Returns the problems to report: an environment left with no gate the release needs.
 */
export function protectEnvironment(
  repo: string,
  environment: string,
  protection: Protection,
  reviewers: () => Reviewer[],
  io: Io,
): string[] {
  const found = runGh(['api', environmentPath(repo, environment)], { hide: [] });
  if (found.status !== 0 && !/HTTP 404/.test(found.detail)) {
    throw new UserError(say.environmentRefused(environment, repo, found.detail));
  }
  const exists = found.status === 0;
  const body = exists ? kept(parse(found)) : {};
  const needsGate = protection.reviewers && !hasGate(body);
  const needsBranches = body.deployment_branch_policy === undefined;
  if (exists && !needsGate && !needsBranches) {
    io.out(`${say.protectedAlready(environment)}\n`);
    return [];
  }
  if (needsBranches) {
    body.deployment_branch_policy = { protected_branches: false, custom_branch_policies: true };
  }
  const who = needsGate ? reviewers() : [];
  const withReviewers: EnvironmentBody = needsGate
    ? {
        ...body,
        reviewers: who.map(({ type, id }) => ({ type, id })),
        prevent_self_review: canPreventSelfReview(who),
      }
    : body;
  let result = put(repo, environment, withReviewers);
  let gate: 'reviewers' | 'wait-timer' | 'none' = needsGate ? 'reviewers' : 'none';
  let refusal = '';
  if (result.status !== 0 && needsGate && refusedByPlan(result)) {
    refusal = result.detail;
    result = put(repo, environment, { ...body, wait_timer: FALLBACK_WAIT_MINUTES });
    gate = 'wait-timer';
    if (result.status !== 0 && refusedByPlan(result)) {
      result = put(repo, environment, body);
      gate = 'none';
    }
  }
  if (result.status !== 0) {
    throw new UserError(say.environmentRefused(environment, repo, result.detail));
  }
  io.out(`${exists ? say.protecting(environment) : say.createdToProtect(environment)}\n`);
  if (gate === 'reviewers') {
    io.out(`${say.reviewersSet(environment, who, canPreventSelfReview(who))}\n`);
  }
  if (gate === 'wait-timer') {
    io.out(`${say.waitTimerSet(environment, repo, FALLBACK_WAIT_MINUTES, refusal)}\n`);
  }
  if (needsBranches) {
    io.out(`${say.branchesSet(environment, addBranchPolicies(repo, environment, protection))}\n`);
  }
  return gate === 'none' && needsGate ? [say.noGate(environment, repo, refusal)] : [];
}
