/**
 * What the bundled toolkit imports from `@actions/http-client` and `@actions/http-client/lib/auth`
 * (both aliased to this module in tsdown.config.ts): an HTTP client for nothing the action calls,
 * whose CommonJS copy under @actions/github would otherwise go into dist/ whole.
 *
 * @actions/github asks it at import time for a proxy agent, which Octokit never reads, and for the
 * dispatcher of its fetch, which Node's fetch (src/runtime-fetch.ts) does without: that fetch finds
 * the proxy itself with NODE_USE_ENV_PROXY=1. Here both are none. @actions/core imports the client
 * and BearerCredentialHandler for its OIDC token, which the action never asks for.
 */
export class HttpClient {
  getAgent(): undefined {
    return undefined;
  }

  getAgentDispatcher(): undefined {
    return undefined;
  }
}

export class BearerCredentialHandler {}
