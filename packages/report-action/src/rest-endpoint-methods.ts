/**
 * What @actions/github imports from `@octokit/plugin-rest-endpoint-methods` (aliased to this module
 * in tsdown.config.ts): the plugin that adds `octokit.rest`, a method for every REST route, built
 * from a table of them all that would be most of dist/, which every generated repository carries.
 * The action calls its few routes by name through `octokit.request` and `octokit.paginate`, typed
 * by route all the same, so here the plugin adds nothing.
 */
export function restEndpointMethods(): void {}
