/**
 * Checks data against the schema with ajv's validator, generated ahead of time from the schema
 * (scripts/schema-validator.ts), and turns its errors into sentences.
 */
import type { PathProblem } from './path-problem.js';
import { collapse } from './schema-errors/collapse.js';
import { describeError } from './schema-errors/describe.js';
import { validate } from './schema-validator.generated.js';

export const schemaRule = 'schema';

export function checkSchema(data: unknown): PathProblem[] {
  if (validate(data)) return [];
  return collapse(validate.errors ?? []).map((error) => describeError(error, data));
}
