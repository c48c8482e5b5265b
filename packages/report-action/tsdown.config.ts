import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsdown';
import { base } from '../../tsdown.base.ts';

const sources = fileURLToPath(new URL('./src/', import.meta.url));

// GitHub runs dist/index.js from the repository as it is, with no install: everything is bundled.
export default defineConfig({
  ...base,
  minify: true,
  noExternal: [/^@actions\//],
  // @actions/core imports its OIDC client at the top of its entry, and with it an HTTP client
  // (undici, tunnel: ~400 kB) the action never calls. Left external and free of import-time
  // effects, their unused imports are dropped, so every repository that vendors dist/ stays small.
  external: ['undici', 'tunnel'],
  treeshake: { moduleSideEffects: (id) => id.startsWith(sources) },
  hooks: {
    // The vendored copy has no package.json above it, so dist says itself that index.js is ESM.
    'build:done': ({ options }) => {
      writeFileSync(join(options.outDir, 'package.json'), '{ "type": "module" }\n');
    },
  },
});
