import { defineConfig } from 'vitest/config';

// The slow suites build the bin, spawn it and plop, and type-check a copy of core.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 300_000 },
});
