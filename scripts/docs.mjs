// Fills the generated parts of the docs and of the schema of ml-cicd.yaml from the feature
// registry (`pnpm docs:tables`): first the kinds config's schema reads (then the schema
// and the packages built from it), then the tables of the docs.
// packages/core/test/docs.test.ts fails when a committed table or the kinds are out of date.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { schemaKinds, withGeneratedTables } from '@ml-cicd/core';
import { format, resolveConfig } from 'prettier';

const pnpm = (...args) => {
  if (!process.env.npm_execpath) throw new Error('Run this script as pnpm docs:tables.');
  execFileSync(process.execPath, [process.env.npm_execpath, ...args], { stdio: 'inherit' });
};

const kindsFile = fileURLToPath(
  new URL('../packages/config/src/schema/kinds.generated.ts', import.meta.url),
);
const kinds = await format(
  [
    '// Written by `pnpm docs:tables` from the features of @ml-cicd/core: do not edit.',
    "import type { SchemaKinds } from './kinds.js';",
    '',
    `export const kinds: SchemaKinds = ${JSON.stringify(schemaKinds())};`,
  ].join('\n'),
  { ...(await resolveConfig(kindsFile)), parser: 'typescript' },
);
if (readFileSync(kindsFile, 'utf8') !== kinds) {
  writeFileSync(kindsFile, kinds);
  console.log(`Wrote ${kindsFile}; writing the schema and building core with it.`);
  pnpm('--filter', '@ml-cicd/config', 'schema');
  pnpm('exec', 'turbo', 'run', 'build', '--filter=@ml-cicd/core...', '--output-logs=errors-only');
  // The tables read the schema through core's build, which this process has loaded already.
  execFileSync(process.execPath, [fileURLToPath(import.meta.url)], { stdio: 'inherit' });
  process.exit(0);
}

for (const name of ['guide/options.md', 'guide/config.md', 'guide/getting-started.md']) {
  const file = fileURLToPath(new URL(`../docs/${name}`, import.meta.url));
  writeFileSync(file, withGeneratedTables(readFileSync(file, 'utf8')));
}
