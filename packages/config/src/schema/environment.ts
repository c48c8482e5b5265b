/** Schema of one GitHub Environment: the names of the secrets and variables a job may read. */
import type { JsonSchema } from './json-schema.js';
import { inertLine, secretName } from './patterns.js';

function names(title: string, description: string, itemTitle: string): JsonSchema {
  return {
    title,
    description,
    type: 'array',
    uniqueItems: true,
    items: {
      title: itemTitle,
      description: `One ${itemTitle.toLowerCase()}.`,
      type: 'string',
      pattern: secretName.pattern,
    },
  };
}

export const environment: JsonSchema = {
  title: 'Environment',
  description:
    'A GitHub Environment bound to the jobs that need its secrets; ml-cicd secrets sets it up with gh.',
  type: 'object',
  required: ['secrets', 'variables'],
  additionalProperties: false,
  properties: {
    description: {
      title: 'Description',
      description: `What the environment is for: ${inertLine.meaning}, at most 200 characters.`,
      type: 'string',
      maxLength: 200,
      pattern: inertLine.pattern,
    },
    secrets: names(
      'Secrets',
      'Names of the secrets the jobs read (their values live in GitHub, never in files).',
      'Secret name',
    ),
    variables: names(
      'Variables',
      'Names of the configuration variables the jobs read (vars.NAME).',
      'Variable name',
    ),
  },
};
