import type { ValidateFunction } from 'ajv/dist/2020.js';

/** ajv's standalone validator of src/schema.ts (see scripts/schema-validator.ts). */
export declare const validate: ValidateFunction;
export default validate;
