import { copyFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig } from 'tsdown';
import { base } from '../../tsdown.base.ts';

// yaml's ESM build (its "browser" entry, free of Node APIs) bundles smaller and loads faster than
// its CommonJS build; the workflow parser and @ml-cicd/config share it.
const yamlPackage = createRequire(import.meta.url).resolve('yaml/package.json');

// The bin ships with no runtime dependencies: workspace packages and libraries are bundled in,
// GitHub's workflow parser as its own chunk, loaded only when there are workflows to parse.
export default defineConfig({
  ...base,
  minify: true,
  noExternal: [/^@ml-cicd\//, /^@actions\//, 'yaml', 'cronstrue', 'diff', '@renovatebot/pep440'],
  alias: { yaml: join(dirname(yamlPackage), 'browser/index.js') },
  banner: { js: '#!/usr/bin/env node' },
  hooks: {
    // The Python helpers sit flat beside the chunks: src/python/index.ts finds them there.
    'build:done': async () => {
      const source = new URL('./src/python/', import.meta.url);
      for (const name of readdirSync(source).filter((file) => file.endsWith('.py'))) {
        copyFileSync(new URL(name, source), new URL(`./dist/${name}`, import.meta.url));
      }
      // add workflow builds from the templates and static workflows, shipped beside the chunks.
      const { copyAssets } = await import('../../scripts/copy-assets.mjs');
      copyAssets(new URL('./dist/', import.meta.url));
    },
  },
});
