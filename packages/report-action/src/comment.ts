/** The comment calls: find the sticky comment by its hidden marker, update it, or create one. */
import type { GitHubClient } from './github.ts';
import type { CommentMode } from './validate.ts';

export interface Issue {
  owner: string;
  repo: string;
  issueNumber: number;
}

export interface Posted {
  action: 'created' | 'updated';
  url: string;
}

interface Comment {
  id: number;
  body?: string;
  html_url: string;
}

/** GitHub refuses comment bodies longer than this. */
export const MAX_COMMENT = 65_536;

export const markerFor = (key: string) => `<!-- ml-cicd-report:${key} -->`;

/** The first comment that starts with the marker; pages through all comments until found. */
async function findSticky(github: GitHubClient, issue: Issue, marker: string) {
  const path = `/repos/${issue.owner}/${issue.repo}/issues/${issue.issueNumber}/comments?per_page=100`;
  for await (const page of github.pages<Comment>(path)) {
    const found = page.find((comment) => comment.body?.startsWith(marker));
    if (found) return found;
  }
  return undefined;
}

export async function postComment(
  github: GitHubClient,
  issue: Issue,
  mode: Exclude<CommentMode, 'off'>,
  marker: string,
  body: string,
): Promise<Posted> {
  const { owner, repo } = issue;
  const full = { body: `${marker}\n${body}` };
  const existing = mode === 'sticky' ? await findSticky(github, issue, marker) : undefined;
  if (existing) {
    const path = `/repos/${owner}/${repo}/issues/comments/${existing.id}`;
    const updated = await github.send<Comment>('PATCH', path, full);
    return { action: 'updated', url: updated.html_url };
  }
  const path = `/repos/${owner}/${repo}/issues/${issue.issueNumber}/comments`;
  const created = await github.send<Comment>('POST', path, full);
  return { action: 'created', url: created.html_url };
}
