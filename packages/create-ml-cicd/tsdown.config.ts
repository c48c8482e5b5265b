import { defineConfig } from 'tsdown';
import { base } from '../../tsdown.base.ts';

// The bin ships with no runtime dependencies: workspace packages and libraries are bundled in.
export default defineConfig({
  ...base,
  minify: true,
  noExternal: [/^@ml-cicd\//, '@clack/prompts', 'yaml', 'diff'],
  banner: { js: '#!/usr/bin/env node' },
  hooks: {
    'build:done': async () => {
      const { copyAssets } = await import('../../scripts/copy-assets.mjs');
      copyAssets(new URL('./dist/', import.meta.url));
    },
  },
});
