/** Writes `schema.json` from `src/schema.ts`: `pnpm --filter @ml-cicd/config schema`. */
import { writeFile } from 'node:fs/promises';
import { renderSchemaJson, schemaJsonPath } from './schema-json.js';

await writeFile(schemaJsonPath, await renderSchemaJson());
console.log(`Wrote ${schemaJsonPath}.`);
