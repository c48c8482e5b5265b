import { defineConfig } from 'vitest/config';
import { timeouts } from '../../vitest.shared.js';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
    ...timeouts,
  },
});
