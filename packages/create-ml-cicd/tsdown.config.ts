import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsdown';
import { base } from '../../tsdown.base.ts';

// yaml's Node entry is CommonJS, which the bundler keeps whole (its parser too); its ESM build, the
// "browser" entry free of Node APIs, lets it keep only what writing YAML uses.
const yamlPackage = createRequire(new URL('../core/package.json', import.meta.url)).resolve(
  'yaml/package.json',
);

// The bin ships with no runtime dependencies: workspace packages and libraries are bundled in.
export default defineConfig({
  ...base,
  minify: true,
  noExternal: [/^@ml-cicd\//, '@clack/prompts', 'yaml', 'diff'],
  alias: {
    yaml: join(dirname(yamlPackage), 'browser/index.js'),
    // From source, not their one-file dist, so the bundler sees each module (side-effect free, as
    // their package.json says) and keeps only what scaffolding uses.
    '@ml-cicd/core': fileURLToPath(new URL('../core/src/index.ts', import.meta.url)),
    '@ml-cicd/config': fileURLToPath(new URL('../config/src/index.ts', import.meta.url)),
  },
  banner: { js: '#!/usr/bin/env node' },
  hooks: {
    'build:done': async () => {
      const { copyAssets } = await import('../../scripts/copy-assets.mjs');
      copyAssets(new URL('./dist/', import.meta.url));
    },
  },
});
