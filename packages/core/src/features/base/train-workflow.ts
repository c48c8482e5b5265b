/** `.github/workflows/train.yml`: the Environment-bound training job, dispatched by hand. */
import { extraArgsInput, type MlCicdConfig, type Param, type ParamType } from '@ml-cicd/config';
import type { ProjectModel, ScriptCall } from '../../model.js';
import { uses } from '../../versions.js';
import { paramLine } from '../../param-passing.js';
import { argLines, fixedArgs, trainActionInputs } from '../../train-steps.js';

/** workflow_dispatch input types of each param type. */
const dispatchType: Record<ParamType, string> = {
  integer: 'number',
  number: 'number',
  boolean: 'boolean',
  choice: 'choice',
  string: 'string',
};

function dispatchInput(param: Param, required: boolean): Record<string, unknown> {
  return {
    description: param.description,
    type: dispatchType[param.type],
    required,
    default: param.default,
    ...(param.choices ? { options: param.choices } : {}),
  };
}

/**
 * One line per param: the local train action passes each line of `args` as one argument, and
 * splits each line of `list-args` (the params that take several values) on spaces.
 */
function trainArgs(config: MlCicdConfig, call?: ScriptCall): Record<string, string> {
  const names = Object.keys(config.params);
  const listed = names.filter((name) => config.params[name]!.nargs);
  const lists = argLines(listed.map((name) => paramLine(config, name, call)));
  return {
    args: argLines([
      ...fixedArgs(config),
      ...names
        .filter((name) => !listed.includes(name))
        .map((name) => paramLine(config, name, call)),
    ]),
    ...(lists ? { 'list-args': lists } : {}),
  };
}

/** W21: a free string input must match its param's pattern before the script sees it. */
function patternChecks(params: Record<string, Param>): Record<string, unknown>[] {
  const checked = Object.entries(params).filter(([, param]) => param.pattern !== undefined);
  if (checked.length === 0) return [];
  return [
    {
      name: 'Check the free-text inputs against their patterns',
      // Before setup-python: the runner's own python3 (a self-hosted one may have no `python`).
      shell: 'python3 {0}',
      env: Object.fromEntries(
        checked.flatMap(([name, param], index) => [
          [`NAME_${index}`, name],
          [`VALUE_${index}`, `\${{ inputs.${name} }}`],
          [`PATTERN_${index}`, param.pattern],
        ]),
      ),
      run: checkScript(checked.length),
    },
  ];
}

function checkScript(count: number): string {
  return [
    'import os',
    'import re',
    'import sys',
    '',
    `for index in range(${count}):`,
    '    name, value = os.environ[f"NAME_{index}"], os.environ[f"VALUE_{index}"]',
    '    if not re.fullmatch(os.environ[f"PATTERN_{index}"], value):',
    '        print(f"::error::Input {name} does not match the pattern of ml-cicd.yaml.")',
    '        sys.exit(1)',
    '',
  ].join('\n');
}

export function trainWorkflow(model: ProjectModel): unknown {
  const { config, script: call } = model;
  const { launch, teardown, runsOn, setupSteps } = model.runner;
  if (extraArgsInput in config.params) {
    throw new Error(
      `ml-cicd.yaml's params may not hold ${extraArgsInput}: it is train.yml's input for more arguments; rename the param.`,
    );
  }
  return {
    name: 'Train',
    on: {
      workflow_dispatch: {
        inputs: {
          ...Object.fromEntries(
            Object.entries(config.params).map(([name, param]) => [
              name,
              dispatchInput(param, call?.required.includes(name) ?? false),
            ]),
          ),
          [extraArgsInput]: {
            description:
              'More arguments, separated by spaces, passed after the params (e.g. --dry-run trainer.max_epochs=1); never read by a shell.',
            type: 'string',
            required: false,
            default: '',
          },
        },
      },
    },
    permissions: {},
    // One training per branch at a time; a second run queues instead of killing a long run.
    concurrency: { group: '${{ github.workflow }}-${{ github.ref }}', 'cancel-in-progress': false },
    jobs: {
      ...(launch ? { [launch.id]: launch.build(model) } : {}),
      train: {
        name: 'Train the model',
        ...(launch ? { needs: launch.id } : {}),
        'runs-on': runsOn,
        ...model.jobEnvironment(),
        'timeout-minutes': config.runner['timeout-minutes'],
        permissions: { contents: 'read' },
        steps: [
          {
            name: 'Check out the repository',
            uses: uses('checkout'),
            with: { 'persist-credentials': false },
          },
          ...setupSteps,
          ...patternChecks(config.params),
          {
            name: 'Train, evaluate and upload the outputs',
            uses: './.github/actions/train',
            ...model.trainingStepEnv(),
            with: {
              ...trainActionInputs(config, call),
              ...trainArgs(config, call),
              [extraArgsInput]: `\${{ inputs.${extraArgsInput} }}`,
              // Training publishes nothing, so uv may keep its cache; release.yml's build may not.
              'uv-cache': true,
            },
          },
        ],
      },
      ...(teardown ? { [teardown.id]: teardown.build(model, 'train') } : {}),
    },
  };
}
