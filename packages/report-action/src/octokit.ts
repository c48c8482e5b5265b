/**
 * The GitHub REST API through @actions/github: its Octokit, based at the api-url input, and what a
 * failed call means for the report. Every call goes through the toolkit's proxy-aware fetch
 * (undici, bundled into dist), so a self-hosted runner's HTTPS_PROXY and NO_PROXY apply to it.
 */
import { STATUS_CODES } from 'node:http';
import { getOctokit } from '@actions/github';
import { RequestError } from '@octokit/request-error';

export type GitHub = ReturnType<typeof getOctokit>;

export const gitHub = (token: string, apiUrl: string): GitHub =>
  getOctokit(token, { baseUrl: apiUrl });

/** GitHub's answer to a failed call, or why nothing answered (a refused connection, DNS). */
export type CallFailure = { status: number; message: string } | { unanswered: string };

/** What a failed call says; undefined for an error that is not a failed call. */
export function callFailure(error: unknown): CallFailure | undefined {
  if (!(error instanceof RequestError)) return undefined;
  // Without an answer, Octokit's message is the cause fetch gives, e.g. "connect ECONNREFUSED ...".
  if (!error.response) return { unanswered: error.message };
  // GitHub's own message, without the documentation link Octokit appends; a proxy's error page is
  // not JSON, so the status text says enough there.
  const data = error.response.data as { message?: unknown } | null | undefined;
  const message =
    typeof data?.message === 'string' ? data.message : (STATUS_CODES[error.status] ?? 'no message');
  return { status: error.status, message };
}
