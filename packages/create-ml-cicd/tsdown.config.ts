import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig } from 'tsdown';
import { base } from '../../tsdown.base.ts';

// yaml's ESM build (its "browser" entry, free of Node APIs) lets the bundler drop the parser we
// never use on the scaffold path: the bundle loads in about half the time of its CommonJS build.
const yamlPackage = createRequire(new URL('../core/package.json', import.meta.url)).resolve(
  'yaml/package.json',
);

// The bin ships with no runtime dependencies: workspace packages and libraries are bundled in.
export default defineConfig({
  ...base,
  minify: true,
  noExternal: [/^@ml-cicd\//, '@clack/prompts', 'yaml', 'diff'],
  alias: { yaml: join(dirname(yamlPackage), 'browser/index.js') },
  // Scaffolding writes YAML with core's own writer; yaml's modules only define classes and
  // functions, so what @ml-cicd/config imports of them and the scaffold path never calls goes.
  treeshake: {
    moduleSideEffects: (id) => (id.includes('/node_modules/yaml/') ? false : undefined),
  },
  banner: { js: '#!/usr/bin/env node' },
  hooks: {
    'build:done': async () => {
      const { copyAssets } = await import('../../scripts/copy-assets.mjs');
      copyAssets(new URL('./dist/', import.meta.url));
    },
  },
});
