import { defineConfig } from 'vitest/config';

// The fuzz tests run thousands of inputs: on a loaded 2-core machine they need more than 5 s.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
