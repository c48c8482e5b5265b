import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { renderSchemaValidator, schemaValidatorPath } from './schema-validator.js';

it('the committed schema validator is the one src/schema.ts generates', async () => {
  const committed = await readFile(schemaValidatorPath, 'utf8').catch(() => '(missing)');
  expect(
    committed === renderSchemaValidator(),
    'src/schema-validator.generated.js differs from src/schema.ts; run `pnpm --filter @ml-cicd/config schema` and commit it',
  ).toBe(true);
});
