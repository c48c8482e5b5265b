/**
 * What the bundled toolkit imports from `undici` (aliased to this module in tsdown.config.ts):
 * `fetch`, served by Node's own, so dist/ carries no second HTTP client.
 *
 * @actions/github gives Octokit a fetch that passes the proxy dispatcher of @actions/http-client,
 * which here makes none (src/http-client.ts). Node's fetch goes through a proxy by itself when the
 * process starts with NODE_USE_ENV_PROXY=1 (Node 24.0 and 22.21 on): HTTPS_PROXY, HTTP_PROXY and
 * NO_PROXY then apply to every call, the download's redirect to storage included. Without it the
 * calls go direct, and the action says so.
 */
export function fetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  return globalThis.fetch(input, init);
}
