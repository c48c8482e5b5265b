/**
 * The GitHub REST API through @octokit/core, with the pagination plugin for the comments, based at
 * the api-url input, and what a failed call means for the report. Octokit calls Node's own fetch.
 */
import * as http from 'node:http';
import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { RequestError } from '@octokit/request-error';

const ReportOctokit = Octokit.plugin(paginateRest);
export type GitHub = InstanceType<typeof ReportOctokit>;

export const gitHub = (token: string, apiUrl: string): GitHub =>
  new ReportOctokit({ auth: token, baseUrl: apiUrl });

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];

/** Node's http module, whose setGlobalProxyFromEnv (24.14 on) the oldest Node's types lack. */
type NodeHttp = { setGlobalProxyFromEnv?: () => () => void };

/**
 * Sends fetch through HTTPS_PROXY or HTTP_PROXY, NO_PROXY's hosts excepted, as a step started with
 * NODE_USE_ENV_PROXY=1 does. Where Node cannot (before 24.14), the proxy variable that stays unused
 * while NODE_USE_ENV_PROXY is not 1, for the log.
 */
export function useProxyFromEnv(
  env: NodeJS.ProcessEnv,
  node: NodeHttp = http as NodeHttp,
): string | undefined {
  if (env.NODE_USE_ENV_PROXY === '1') return undefined;
  if (node.setGlobalProxyFromEnv) {
    node.setGlobalProxyFromEnv();
    return undefined;
  }
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
    typeof data?.message === 'string'
      ? data.message
      : (http.STATUS_CODES[error.status] ?? 'no message');
  return { status: error.status, message };
}
