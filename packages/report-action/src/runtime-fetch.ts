/**
 * What the bundled toolkit imports from `undici` and `tunnel` (both aliased to this module in
 * tsdown.config.ts), served by Node's own fetch, so dist/ carries no second HTTP client.
 *
 * @actions/github gives Octokit a fetch that passes an undici ProxyAgent as `dispatcher` when a
 * proxy variable is set; here that agent is an empty stand-in, dropped before Node's fetch sees it.
 * Node's fetch goes through a proxy by itself when the process starts with NODE_USE_ENV_PROXY=1
 * (Node 24.0 and 22.21 on): HTTPS_PROXY, HTTP_PROXY and NO_PROXY then apply to every call, the
 * download's redirect to storage included. Without it the calls go direct, and the action says so.
 *
 * `tunnel` makes @actions/http-client's agent for the http module, which Octokit never uses (its
 * fetch takes no agent); @actions/github still asks for one at import time when a proxy is set, so
 * these return none and http-client falls back to a plain agent that stays unused too.
 */

/** Stands in for undici's ProxyAgent, which @actions/http-client makes for a proxy. */
export class ProxyAgent {}

type Init = RequestInit & { dispatcher?: unknown };

/** globalThis.fetch, without the dispatcher: none in this bundle is a real undici Dispatcher. */
export function fetch(input: string | URL | Request, init: Init = {}): Promise<Response> {
  const { dispatcher: _, ...rest } = init;
  return globalThis.fetch(input, rest);
}

const noTunnel = (): undefined => undefined;

export {
  noTunnel as httpOverHttp,
  noTunnel as httpOverHttps,
  noTunnel as httpsOverHttp,
  noTunnel as httpsOverHttps,
};
