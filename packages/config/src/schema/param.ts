/** Schema of one hyperparameter: one closed branch per type, picked by its `type`. */
import type { ParamType } from '../types.js';
import type { JsonSchema } from './json-schema.js';
import { inertLine } from './patterns.js';

const help: JsonSchema = {
  title: 'Description',
  description:
    "What the parameter does: the flag's help text and the workflow input's description.",
  type: 'string',
  minLength: 1,
  pattern: inertLine.pattern,
};

function typeTag(type: ParamType): JsonSchema {
  return {
    title: 'Type',
    description:
      "The parameter's type (integer, number, boolean, choice or string): it decides the flag's parser and the workflow input's type.",
    const: type,
  };
}

function defaultValue(type: 'integer' | 'number' | 'boolean' | 'string'): JsonSchema {
  return {
    title: 'Default',
    description: 'The value used when the flag or workflow input is not given.',
    type,
  };
}

function bounds(type: 'integer' | 'number'): Record<'min' | 'max', JsonSchema> {
  return {
    min: { title: 'Minimum', description: 'The smallest accepted value.', type },
    max: { title: 'Maximum', description: 'The largest accepted value.', type },
  };
}

function branch(
  type: ParamType,
  [title, description]: [string, string],
  properties: Record<string, JsonSchema>,
): JsonSchema {
  return {
    title,
    description,
    type: 'object',
    required: ['type', 'default', 'description', ...(type === 'choice' ? ['choices'] : [])],
    additionalProperties: false,
    properties: { type: typeTag(type), ...properties, description: help },
  };
}

export const param: JsonSchema = {
  title: 'Parameter',
  description:
    'A hyperparameter: a train.py flag and a workflow_dispatch input of train.yml, with its type, default and help.',
  type: 'object',
  discriminator: { propertyName: 'type' },
  oneOf: [
    branch('integer', ['Integer parameter', 'A whole number, optionally within min and max.'], {
      default: defaultValue('integer'),
      ...bounds('integer'),
    }),
    branch('number', ['Number parameter', 'A number, optionally within min and max.'], {
      default: defaultValue('number'),
      ...bounds('number'),
    }),
    branch('boolean', ['Boolean parameter', 'An on/off switch: true or false.'], {
      default: defaultValue('boolean'),
    }),
    branch('choice', ['Choice parameter', 'One of a fixed list of strings.'], {
      default: defaultValue('string'),
      choices: {
        title: 'Choices',
        description: 'The accepted values; the default must be one of them.',
        type: 'array',
        minItems: 1,
        uniqueItems: true,
        items: {
          title: 'Choice',
          description: 'One accepted value.',
          type: 'string',
          minLength: 1,
          pattern: inertLine.pattern,
        },
      },
    }),
    branch('string', ['String parameter', 'Free text, optionally matching a pattern.'], {
      // train.yml copies it as the input's default.
      default: { ...defaultValue('string'), pattern: inertLine.pattern },
      pattern: {
        title: 'Pattern',
        description: 'A regular expression the value must match.',
        type: 'string',
        minLength: 1,
      },
      nargs: {
        title: 'Several values',
        description:
          "+ when the flag takes several values (argparse's nargs='+'): the value is split on spaces and each part passed as its own argument after the flag (--alphas 0.1 1.0), never through a shell; an empty value passes nothing.",
        const: '+',
      },
    }),
  ],
};
