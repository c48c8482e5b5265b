/** The GitHub calls: find the sticky comment by its hidden marker, update it, or create one. */
import type { getOctokit } from '@actions/github';
import type { CommentMode } from './validate.ts';

type Octokit = ReturnType<typeof getOctokit>;

export interface Issue {
  owner: string;
  repo: string;
  issueNumber: number;
}

export interface Posted {
  action: 'created' | 'updated';
  url: string;
}

/** GitHub refuses comment bodies longer than this. */
export const MAX_COMMENT = 65_536;

export const markerFor = (key: string) => `<!-- ml-cicd-report:${key} -->`;

/** The first comment that starts with the marker; pages through all comments until found. */
async function findSticky(octokit: Octokit, issue: Issue, marker: string) {
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner: issue.owner,
    repo: issue.repo,
    issue_number: issue.issueNumber,
    per_page: 100,
  });
  for await (const page of pages) {
    const found = page.data.find((comment) => comment.body?.startsWith(marker));
    if (found) return found;
  }
  return undefined;
}

export async function postComment(
  octokit: Octokit,
  issue: Issue,
  mode: Exclude<CommentMode, 'off'>,
  marker: string,
  body: string,
): Promise<Posted> {
  const { owner, repo } = issue;
  const full = `${marker}\n${body}`;
  const existing = mode === 'sticky' ? await findSticky(octokit, issue, marker) : undefined;
  if (existing) {
    const { data } = await octokit.rest.issues.updateComment({
      owner,
      repo,
      comment_id: existing.id,
      body: full,
    });
    return { action: 'updated', url: data.html_url };
  }
  const { data } = await octokit.rest.issues.createComment({
    owner,
    repo,
    issue_number: issue.issueNumber,
    body: full,
  });
  return { action: 'created', url: data.html_url };
}
