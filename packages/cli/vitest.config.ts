import { defineConfig } from 'vitest/config';
import { timeouts } from '../../vitest.shared.js';

export default defineConfig({
  // Vite warns that the parser's published source maps point to files it does not ship.
  logLevel: 'error',
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    ...timeouts,
    // GitHub's parser imports JSON without import attributes, which Node 20 rejects: let Vite
    // transform it instead of Node loading it.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
