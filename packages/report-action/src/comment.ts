/** The comment calls: find the sticky comment by its hidden marker, update it, or create one. */
import type { GitHub } from './octokit.ts';
import type { CommentMode } from './validate.ts';

export interface Issue {
  owner: string;
  repo: string;
  issue_number: number;
}

export interface Posted {
  action: 'created' | 'updated';
  url: string;
}

/** GitHub refuses comment bodies longer than this. */
export const MAX_COMMENT = 65_536;

export const markerFor = (key: string) => `<!-- ml-cicd-report:${key} -->`;

/**
 * The login the token acts as, e.g. `github-actions[bot]` for GITHUB_TOKEN or `my-app[bot]` for an
 * App's token. GraphQL's `viewer` answers for user and installation tokens alike, where REST's
 * `GET /user` refuses an installation token ("Resource not accessible by integration").
 */
export async function ownLogin(github: GitHub): Promise<string> {
  const { viewer } = await github.graphql<{ viewer: { login: string } }>(
    'query { viewer { login } }',
  );
  return viewer.login;
}

/**
 * The first comment by this token's own identity that starts with the marker, paging through all
 * comments until found. Anyone can write the marker, so a comment by someone else never counts.
 */
async function findSticky(github: GitHub, issue: Issue, marker: string) {
  const login = await ownLogin(github);
  const pages = github.paginate.iterator(
    'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
    { ...issue, per_page: 100 },
  );
  for await (const { data } of pages) {
    const found = data.find(
      (comment) => comment.user?.login === login && comment.body?.startsWith(marker),
    );
    if (found) return found;
  }
  return undefined;
}

export async function postComment(
  github: GitHub,
  issue: Issue,
  mode: Exclude<CommentMode, 'off'>,
  marker: string,
  body: string,
): Promise<Posted> {
  const { owner, repo } = issue;
  const full = `${marker}\n${body}`;
  const existing = mode === 'sticky' ? await findSticky(github, issue, marker) : undefined;
  if (existing) {
    const comment = { owner, repo, comment_id: existing.id, body: full };
    const { data } = await github.request(
      'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
      comment,
    );
    return { action: 'updated', url: data.html_url };
  }
  const { data } = await github.request(
    'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    { ...issue, body: full },
  );
  return { action: 'created', url: data.html_url };
}
