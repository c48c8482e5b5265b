import { defineConfig } from 'vitest/config';

// Each act run installs the project's requirements and trains (about a minute warm on the busy
// 2-core machine, several when the pip cache is cold); two test files run side by side at most.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['src/global-setup.ts'],
    setupFiles: ['src/without-pnpm-npm-config.ts'],
    maxWorkers: 2,
    testTimeout: 20 * 60_000,
    hookTimeout: 20 * 60_000,
  },
});
