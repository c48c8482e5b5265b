/** Checks data against the schema: ajv, compiled once on first use, with errors as sentences. */
// ajv is CommonJS: its named export works the same under NodeNext, Node's ESM loader and bundlers,
// where the default export would be the module object in some of them.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { Problem } from './problem.js';
import { collapse } from './schema-errors/collapse.js';
import { describeError } from './schema-errors/describe.js';
import { schema } from './schema.js';

export const schemaRule = 'schema';

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  compiled ??= new Ajv2020({
    allErrors: true,
    // Errors then carry the failing value and schema, which the messages quote.
    verbose: true,
    discriminator: true,
    strict: true,
    // `anyOf: [{required: [min]}, {required: [max]}]` is the idiom for "at least one of".
    strictRequired: false,
  }).compile(schema);
  return compiled;
}

export function checkSchema(data: unknown): Problem[] {
  const validate = validator();
  if (validate(data)) return [];
  return collapse(validate.errors ?? []).map((error) => describeError(error, data));
}
