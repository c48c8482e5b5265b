/**
 * Writes `schema.json` and the standalone validator from `src/schema.ts`:
 * `pnpm --filter @ml-cicd/config schema`.
 */
import { writeFile } from 'node:fs/promises';
import { renderSchemaJson, schemaJsonPath } from './schema-json.js';
import { renderSchemaValidator, schemaValidatorPath } from './schema-validator.js';

await writeFile(schemaJsonPath, await renderSchemaJson());
console.log(`Wrote ${schemaJsonPath}.`);
await writeFile(schemaValidatorPath, renderSchemaValidator());
console.log(`Wrote ${schemaValidatorPath}.`);
