/**
 * Schema of `data`: how data and models are versioned, one closed branch per kind. Each kind is a
 * data feature of @ml-cicd/core, which declares its branch (`kinds.generated.ts`).
 */
import type { JsonSchema } from './json-schema.js';
import { dataKinds, kindBranch } from './kinds.js';

const kindDescription = `${dataKinds.map(({ value, meaning }) => `${value}: ${meaning}`).join('; ')}.`;

export const data: JsonSchema = {
  title: 'Data',
  description: 'How data and models are versioned, and where they are kept.',
  type: 'object',
  discriminator: { propertyName: 'kind' },
  oneOf: dataKinds.map((kind) => kindBranch(kind, kindDescription)),
};
