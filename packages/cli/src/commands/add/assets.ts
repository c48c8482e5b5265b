/** Where the bundled templates and static workflows are: copied beside the built bin. */
import { fileURLToPath } from 'node:url';
import type { Assets } from '@ml-cicd/core';

export function bundledAssets(): Assets {
  return {
    templatesDir: fileURLToPath(new URL('./templates', import.meta.url)),
    workflowsDir: fileURLToPath(new URL('./workflows', import.meta.url)),
  };
}
