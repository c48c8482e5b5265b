/**
 * Who reviews a protected environment: `--reviewer LOGIN` or `--reviewer ORG/TEAM-SLUG`, each
 * resolved to the id GitHub's environments API takes, or else the user gh is logged in as.
 */
import { UsageError, UserError } from '../../errors.js';
import { runGh } from './gh.js';
import * as say from './messages.js';

export interface Reviewer {
  type: 'User' | 'Team';
  id: number;
  /** `@login` or `@org/team`, as the messages show it. */
  name: string;
}

/** GitHub takes up to six users or teams as an environment's required reviewers. */
export const MOST_REVIEWERS = 6;

const login = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?$/;
const team = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?)\/([A-Za-z0-9._-]+)$/;

/** Checks the flag values before anything talks to GitHub. */
export function checkReviewerFlags(values: readonly string[]): void {
  const bad = values.find((value) => !login.test(value) && !team.test(value));
  if (bad !== undefined) throw new UsageError(say.badReviewer(bad));
  if (values.length > MOST_REVIEWERS) throw new UsageError(say.tooManyReviewers(values.length));
}

function idOf(path: string, name: string): number {
  const result = runGh(['api', path], { hide: [] });
  const id = result.status === 0 ? (JSON.parse(result.stdout) as { id?: unknown }).id : undefined;
  if (typeof id !== 'number') throw new UserError(say.unknownReviewer(name, result.detail));
  return id;
}

/** The reviewers' ids, asked of GitHub; without flags, the gh user's own. */
export function resolveReviewers(values: readonly string[]): Reviewer[] {
  if (values.length === 0) {
    const result = runGh(['api', 'user'], { hide: [] });
    const me =
      result.status === 0 ? (JSON.parse(result.stdout) as { login?: unknown; id?: unknown }) : {};
    if (typeof me.id !== 'number' || typeof me.login !== 'string') {
      throw new UserError(say.unknownReviewer('the gh user', result.detail));
    }
    return [{ type: 'User', id: me.id, name: `@${me.login}` }];
  }
  return values.map((value) => {
    const match = team.exec(value);
    return match
      ? {
          type: 'Team',
          id: idOf(`orgs/${match[1]}/teams/${match[2]}`, `@${value}`),
          name: `@${value}`,
        }
      : { type: 'User', id: idOf(`users/${value}`, `@${value}`), name: `@${value}` };
  });
}

/**
 * Self-review is prevented only when someone else can approve: with the gh user as the one
 * reviewer, a release they started could never be approved.
 */
export const canPreventSelfReview = (reviewers: readonly Reviewer[]) =>
  reviewers.length > 1 || reviewers.some((reviewer) => reviewer.type === 'Team');
