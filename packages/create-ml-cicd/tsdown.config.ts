import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsdown';
import { base, fsWithoutFacade } from '../../tsdown.base.ts';

// @ml-cicd/config imports yaml to read ml-cicd.yaml, which scaffolding never does. Its ESM build
// (the "browser" entry, free of Node APIs) is dropped whole; the CommonJS build would leave the
// bundler's CommonJS helpers behind.
const yamlPackage = createRequire(new URL('../config/package.json', import.meta.url)).resolve(
  'yaml/package.json',
);

// The bin ships with no runtime dependencies: workspace packages and libraries are bundled in.
export default defineConfig({
  ...base,
  minify: true,
  noExternal: [/^@ml-cicd\//, '@clack/prompts', 'yaml', 'diff'],
  alias: {
    yaml: join(dirname(yamlPackage), 'browser/index.js'),
    // From source, so the bundler sees each module and keeps only what scaffolding uses.
    '@ml-cicd/core': fileURLToPath(new URL('../core/src/index.ts', import.meta.url)),
    '@ml-cicd/config': fileURLToPath(new URL('../config/src/index.ts', import.meta.url)),
  },
  // Scaffolding writes YAML with core's own writer and checks no ml-cicd.yaml. yaml's modules and
  // the workspace packages (the schema validator in them) only define values, so what the
  // scaffold path never calls is dropped.
  treeshake: {
    moduleSideEffects: (id) =>
      /\/node_modules\/yaml\/|\/packages\/(core|config)\//.test(id) ? false : undefined,
  },
  plugins: [fsWithoutFacade()],
  banner: { js: '#!/usr/bin/env node' },
  hooks: {
    'build:done': async () => {
      const { copyAssets } = await import('../../scripts/copy-assets.mjs');
      copyAssets(new URL('./dist/', import.meta.url));
    },
  },
});
