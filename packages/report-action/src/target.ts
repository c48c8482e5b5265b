/**
 * Decides whether this run may comment on a pull request. Only a `pull_request` from a branch of
 * the same repository has a token that can write (SECURITY.md W08): forks and Dependabot get a
 * read-only one, so their report goes to the job summary alone.
 */
import { skipComment } from './messages.ts';

/** What the action reads of the event that started the run (see readEvent in inputs.ts). */
export interface EventContext {
  eventName: string;
  /** The repository the workflow runs in. */
  repo: { owner: string; repo: string };
  actor: string;
  payload: {
    pull_request?: {
      number: number;
      head?: { repo?: { full_name?: string } | null };
      base?: { ref?: string };
    };
    repository?: { default_branch?: string };
  };
}

/** The branch whose runs hold the baseline: the pull request's base, else the default branch. */
export function baseBranch(context: EventContext): string | undefined {
  return context.payload.pull_request?.base?.ref ?? context.payload.repository?.default_branch;
}

export type Target = { issueNumber: number } | { skip: string };

const DEPENDABOT = 'dependabot[bot]';

export function commentTarget(context: EventContext): Target {
  const pr = context.payload.pull_request;
  if (context.eventName !== 'pull_request' || !pr) {
    return { skip: skipComment.notPullRequest(context.eventName) };
  }
  // This only ever withholds the comment, so trusting the actor's name grants nothing (W24).
  if (context.actor === DEPENDABOT) return { skip: skipComment.dependabot };
  const head = pr.head?.repo?.full_name;
  const { owner, repo } = context.repo;
  if (!head || head.toLowerCase() !== `${owner}/${repo}`.toLowerCase()) {
    return { skip: skipComment.fork(head ?? 'a deleted repository') };
  }
  return { issueNumber: pr.number };
}
