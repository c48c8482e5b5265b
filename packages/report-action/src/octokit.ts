/**
 * The GitHub REST API through @actions/github: its Octokit, based at the api-url input, and what a
 * failed call means for the report. Every call goes through Node's own fetch (src/runtime-fetch.ts
 * stands in for undici), which honours HTTPS_PROXY and NO_PROXY when NODE_USE_ENV_PROXY is 1.
 */
import { STATUS_CODES } from 'node:http';
import { getOctokit } from '@actions/github';
import { RequestError } from '@octokit/request-error';

/** Without `rest`: the build leaves that plugin out (src/rest-endpoint-methods.ts). */
export type GitHub = Omit<ReturnType<typeof getOctokit>, 'rest'>;

export const gitHub = (token: string, apiUrl: string): GitHub =>
  getOctokit(token, { baseUrl: apiUrl });

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];

/** The proxy variable that is set but unused: Node reads them only with NODE_USE_ENV_PROXY=1. */
export function unusedProxyVariable(env: NodeJS.ProcessEnv): string | undefined {
  if (env.NODE_USE_ENV_PROXY === '1') return undefined;
  return PROXY_VARIABLES.find((name) => env[name]);
}

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
