import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsdown';
import { base } from '../../tsdown.base.ts';

// GitHub runs dist/index.js from the repository as it is, with no install: everything is bundled.
export default defineConfig({
  ...base,
  minify: true,
  noExternal: [/^@actions\//, /^@octokit\//, 'yauzl'],
  // See src/undici-stub.ts.
  alias: { undici: fileURLToPath(new URL('./src/undici-stub.ts', import.meta.url)) },
  hooks: {
    // The vendored copy has no package.json above it, so dist says itself that index.js is ESM.
    'build:done': ({ options }) => {
      writeFileSync(join(options.outDir, 'package.json'), '{ "type": "module" }\n');
    },
  },
});
