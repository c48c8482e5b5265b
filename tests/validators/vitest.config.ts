import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Each validateProject call starts several tools; the first one also bundles GitHub's parser.
  test: { testTimeout: 30_000, hookTimeout: 30_000 },
});
