import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsdown';

const yamlPackage = createRequire(import.meta.url).resolve('yaml/package.json');

/** The ml-cicd action's folder: copied as it is into every generated repository. */
const actionDir = fileURLToPath(new URL('../../workflows/actions/ml-cicd/', import.meta.url));

// `pnpm --filter ml-cicd build:action`: validate as one minified file that GitHub runs with no
// install. The workflow parser stays external and is never loaded (src/action.ts leaves its rule
// out); nothing bundled relies on an import's side effects, so unused code is dropped.
export default defineConfig({
  entry: { index: 'src/action.ts' },
  outDir: actionDir,
  // The folder also holds action.yml and a link to the Python helper, which the bins copy.
  clean: false,
  format: 'esm',
  platform: 'node',
  target: 'node24',
  dts: false,
  minify: true,
  noExternal: [/^@ml-cicd\//, 'yaml', '@renovatebot/pep440'],
  external: [/^@actions\/workflow-parser/],
  treeshake: { moduleSideEffects: false },
  alias: {
    yaml: join(dirname(yamlPackage), 'browser/index.js'),
    // From source, so the bundler keeps only the few pins and helpers validate uses.
    '@ml-cicd/core': fileURLToPath(new URL('../core/src/index.ts', import.meta.url)),
    '@ml-cicd/config': fileURLToPath(new URL('../config/src/index.ts', import.meta.url)),
  },
  // .mjs: the copy has no package.json above it to say that it is ESM.
  outExtensions: () => ({ js: '.mjs' }),
  banner: {
    js: '/*! ml-cicd validate, bundled from the ml-cicd package: do not edit; ml-cicd update refreshes it. */',
  },
});
