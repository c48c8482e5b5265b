/**
 * The JSON Schema (draft 2020-12) of `ml-cicd.yaml`, the source of `schema.json`. Every property
 * has a title and a description: they feed the docs and editors' hover help.
 */
import { data } from './schema/data.js';
import { dataset } from './schema/dataset.js';
import { environment } from './schema/environment.js';
import type { JsonSchema } from './schema/json-schema.js';
import { metrics } from './schema/metrics.js';
import { param } from './schema/param.js';
import {
  environmentName,
  kebabName,
  packageName,
  paramName,
  projectName,
} from './schema/patterns.js';
import { runner } from './schema/runner.js';
import { tracker } from './schema/tracker.js';
import { report, train } from './schema/train.js';
import { secretsScope } from './schema/secrets-scope.js';
import { task } from './schema/task.js';

export type { JsonSchema } from './schema/json-schema.js';

/** GitHub accepts at most 25 `workflow_dispatch` inputs (10 until 2025-12-04). */
export const maxDispatchInputs = 25;

/** train.yml's one input that is not a param: more arguments, split by the train action. */
export const extraArgsInput = 'extra-args';

/** Every param is one input of train.yml, whose one other input is `extra-args`. */
export const maxParams = maxDispatchInputs - 1;

export const schema: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://unpkg.com/@ml-cicd/config/schema.json',
  title: 'ml-cicd.yaml',
  description:
    'The one source of truth of an ml-cicd project: train.py flags, workflow inputs, metric gates, runner and environments.',
  type: 'object',
  required: [
    'version',
    'project',
    'python',
    'params',
    'metrics',
    'outputs',
    'runner',
    'environments',
  ],
  additionalProperties: false,
  properties: {
    version: {
      title: 'Version',
      description: 'The version of this file format; always 1.',
      const: 1,
    },
    project: {
      title: 'Project',
      description: 'Names of the project.',
      type: 'object',
      required: ['name', 'package'],
      additionalProperties: false,
      properties: {
        name: {
          title: 'Project name',
          description: `The project and repository name: ${projectName.meaning}.`,
          type: 'string',
          maxLength: 64,
          pattern: projectName.pattern,
        },
        package: {
          title: 'Python package',
          description: `The Python package under src/: ${packageName.meaning}.`,
          type: 'string',
          pattern: packageName.pattern,
        },
      },
    },
    python: {
      title: 'Python version',
      description: 'The Python version CI trains with, as a quoted string (e.g. "3.12").',
      type: 'string',
      enum: ['3.10', '3.11', '3.12', '3.13'],
    },
    task,
    dataset,
    params: {
      title: 'Parameters',
      description: `Hyperparameters by flag name (${paramName.meaning}); each is a train.py flag and a workflow_dispatch input of train.yml, so at most ${maxParams}.`,
      type: 'object',
      maxProperties: maxParams,
      propertyNames: { pattern: paramName.pattern },
      additionalProperties: { $ref: '#/$defs/param' },
    },
    metrics,
    train,
    report,
    outputs: {
      title: 'Outputs',
      description: 'Where training writes its files.',
      type: 'object',
      required: ['dir'],
      additionalProperties: false,
      properties: {
        dir: {
          title: 'Output folder',
          description:
            'The folder, relative to the repository root, for everything training writes.',
          type: 'string',
          minLength: 1,
        },
      },
    },
    runner,
    tracker,
    data,
    environments: {
      title: 'Environments',
      description: `GitHub Environments by name (${environmentName.meaning}), with the names of their secrets and variables.`,
      type: 'object',
      propertyNames: { pattern: environmentName.pattern },
      additionalProperties: { $ref: '#/$defs/environment' },
    },
    'secrets-scope': secretsScope,
    rules: {
      title: 'Rules',
      description: 'Named ml-cicd validate rules to turn off, as rule-id: off.',
      type: 'object',
      propertyNames: { pattern: kebabName.pattern },
      additionalProperties: {
        title: 'Rule setting',
        description: 'off turns the rule off.',
        const: 'off',
      },
    },
  },
  $defs: { param, environment },
};
