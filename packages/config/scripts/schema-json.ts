/** Renders `schema.json` from `src/schema.ts`, formatted as prettier would leave it. */
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { schema } from '../src/schema.js';

export const schemaJsonPath = fileURLToPath(new URL('../schema.json', import.meta.url));

export async function renderSchemaJson(): Promise<string> {
  const options = await resolveConfig(schemaJsonPath);
  return format(JSON.stringify(schema, null, 2), { ...options, filepath: schemaJsonPath });
}
