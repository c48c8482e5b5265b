import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { renderSchemaJson, schemaJsonPath } from './schema-json.js';

it('the committed schema.json is the one src/schema.ts generates', async () => {
  const committed = await readFile(schemaJsonPath, 'utf8').catch(() => '(missing)');
  expect(
    committed,
    'schema.json differs from src/schema.ts; run `pnpm --filter @ml-cicd/config schema` and commit it',
  ).toBe(await renderSchemaJson());
});
