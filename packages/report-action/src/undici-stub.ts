/**
 * The build's one stub: tsdown.config.ts resolves `undici` to it. @actions/http-client 4.0.1, which
 * @actions/core 3.0.1 imports for its OIDC token, imports `ProxyAgent` from undici and makes one
 * only in `HttpClient.getAgentDispatcher`, a dispatcher for undici's own fetch. Nothing the action
 * runs calls that (Octokit calls Node's fetch; the OIDC client goes through the http module), so
 * the build leaves it out, and this class with it, where a bundled undici would be most of dist/.
 * test/undici-stub.test.ts holds these facts against the installed versions.
 */
export class ProxyAgent {
  constructor() {
    throw new Error(
      "The report action bundles no undici: @actions/http-client's getAgentDispatcher is not available.",
    );
  }
}
