import { defineConfig } from 'vitest/config';
import { timeouts } from '../../vitest.shared.js';

export default defineConfig({
  // Each validateProject call starts several tools; the first one also bundles GitHub's parser.
  test: timeouts,
});
