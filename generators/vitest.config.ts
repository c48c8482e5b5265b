import { defineConfig } from 'vitest/config';
import { timeouts } from '../vitest.shared.js';

// The slow suites build the bin, spawn it and plop, and type-check a copy of core.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], ...timeouts, hookTimeout: 300_000 },
});
