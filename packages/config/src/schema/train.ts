/**
 * Schema of `train` and `report`: how the workflows install the project and run its script,
 * beyond the params (fixed arguments for what ml-cicd cannot read, cheaper ones for the report).
 */
import type { JsonSchema } from './json-schema.js';
import { inertLine } from './patterns.js';

/** Workflows copy each argument into their YAML as one line. */
const argument: JsonSchema = {
  title: 'Argument',
  description:
    'One argument of the script, passed as it is written: no shell expands or splits it (e.g. trainer.max_epochs=1).',
  type: 'string',
  minLength: 1,
  pattern: inertLine.pattern,
};

const argumentList = (description: string): JsonSchema => ({
  title: 'Arguments',
  description,
  type: 'array',
  items: argument,
});

export const train: JsonSchema = {
  title: 'Training',
  description:
    'How every workflow that trains installs the project and calls the script, besides the params.',
  type: 'object',
  additionalProperties: false,
  properties: {
    requirements: {
      title: 'Requirements file',
      description:
        'The hash-locked requirements file, relative to the repository root, that the workflows install with uv pip install --require-hashes; absent means requirements.txt.',
      type: 'string',
      minLength: 1,
      pattern: inertLine.pattern,
    },
    'install-project': {
      title: 'Install the project',
      description:
        'true when the repository is a Python package (pyproject.toml with [project], or setup.py): after the requirements, the workflows install it editable without its dependencies (uv pip install --no-deps -e .), so python -m <package>.<module> works for a src layout.',
      type: 'boolean',
    },
    args: argumentList(
      'Fixed arguments every training run passes first, before the params (e.g. a configurator file, or Hydra overrides such as trainer.max_epochs=1).',
    ),
    'params-as': {
      title: 'Params passed as',
      description:
        'How each param reaches the script: flags passes --name=value (argparse, the default); overrides passes name=value, the way a Hydra app sets a top-level key of its config.',
      type: 'string',
      enum: ['flags', 'overrides'],
    },
  },
};

export const report: JsonSchema = {
  title: 'Report',
  description: 'How report.yml trains on main and on each pull request.',
  type: 'object',
  additionalProperties: false,
  properties: {
    args: argumentList(
      "The arguments report.yml passes after train.args instead of the params' defaults, so a report run stays short (e.g. --epochs=1); they must include every flag the script requires.",
    ),
  },
};
