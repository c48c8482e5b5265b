/** The repository's own templates and workflows, as the engine reads them in tests. */
import { fileURLToPath } from 'node:url';
import type { Assets } from '../src/templates.js';

export const repoAssets: Assets = {
  templatesDir: fileURLToPath(new URL('../../../templates', import.meta.url)),
  workflowsDir: fileURLToPath(new URL('../../../workflows', import.meta.url)),
};
