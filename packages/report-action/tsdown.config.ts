import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsdown';
import { base } from '../../tsdown.base.ts';

const sources = fileURLToPath(new URL('./src/', import.meta.url));
const runtimeFetch = fileURLToPath(new URL('./src/runtime-fetch.ts', import.meta.url));
const noHttpClient = fileURLToPath(new URL('./src/http-client.ts', import.meta.url));
const noRestMethods = fileURLToPath(new URL('./src/rest-endpoint-methods.ts', import.meta.url));

// GitHub runs dist/index.js from the repository as it is, with no install: everything is bundled.
export default defineConfig({
  ...base,
  minify: true,
  noExternal: [/^@actions\//, /^@octokit\//],
  // The toolkit's HTTP clients, three quarters of the bundle otherwise: Node 24's fetch does their
  // work (see src/runtime-fetch.ts and src/http-client.ts). Octokit's method for every REST route,
  // most of what remains: the action calls its routes through octokit.request (see
  // src/rest-endpoint-methods.ts).
  alias: {
    undici: runtimeFetch,
    '@actions/http-client/lib/auth': noHttpClient,
    '@actions/http-client': noHttpClient,
    '@octokit/plugin-rest-endpoint-methods': noRestMethods,
  },
  // Library modules are taken as free of import-time effects, so what the action never calls drops
  // out: @actions/core's OIDC client, and unused parts of ESM libraries.
  treeshake: { moduleSideEffects: (id) => id.startsWith(sources) },
  hooks: {
    // The vendored copy has no package.json above it, so dist says itself that index.js is ESM.
    'build:done': ({ options }) => {
      writeFileSync(join(options.outDir, 'package.json'), '{ "type": "module" }\n');
    },
  },
});
