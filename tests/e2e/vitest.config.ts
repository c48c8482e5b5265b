import { defineConfig } from 'vitest/config';

// Minutes per project (venv, pip, pytest, training), one file at a time on a 2-core runner;
// progress lines go straight to the terminal.
export default defineConfig({
  test: {
    include: ['test/**/*.e2e.test.ts'],
    globalSetup: ['src/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 20 * 60_000,
    hookTimeout: 20 * 60_000,
    disableConsoleIntercept: true,
  },
});
