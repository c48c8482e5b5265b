import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Vite warns that the parser's published source maps point to files it does not ship.
  logLevel: 'error',
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    // GitHub's parser imports JSON without import attributes, which Node 20 rejects: let Vite
    // transform it instead of Node loading it.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
