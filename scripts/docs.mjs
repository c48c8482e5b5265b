// Fills the generated tables of the docs from the feature registry and the schema of ml-cicd.yaml
// (`pnpm docs:tables`).
// packages/core/test/docs.test.ts fails when a committed table is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withGeneratedTables } from '@ml-cicd/core';

for (const name of ['guide/options.md', 'guide/config.md', 'guide/getting-started.md']) {
  const file = fileURLToPath(new URL(`../docs/${name}`, import.meta.url));
  writeFileSync(file, withGeneratedTables(readFileSync(file, 'utf8')));
}
