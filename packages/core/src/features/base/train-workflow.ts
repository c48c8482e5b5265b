/** `.github/workflows/train.yml`: the Environment-bound training job, dispatched by hand. */
import type { Param, ParamType } from '@ml-cicd/config';
import type { ProjectModel } from '../../model.js';
import { uses } from '../../versions.js';

/** workflow_dispatch input types of each param type. */
const dispatchType: Record<ParamType, string> = {
  integer: 'number',
  number: 'number',
  boolean: 'boolean',
  choice: 'choice',
  string: 'string',
};

function dispatchInput(param: Param): Record<string, unknown> {
  return {
    description: param.description,
    type: dispatchType[param.type],
    required: false,
    default: param.default,
    ...(param.choices ? { options: param.choices } : {}),
  };
}

/** One `--flag=value` line per param: the local train action passes each line as one argument. */
function trainArgs(params: Record<string, Param>): string {
  return Object.keys(params)
    .map((name) => `--${name}=\${{ inputs.${name} }}\n`)
    .join('');
}

export function trainWorkflow(model: ProjectModel): unknown {
  const { config } = model;
  const { launch, runsOn, setupSteps } = model.runner;
  const [environment] = Object.keys(config.environments);
  return {
    name: 'Train',
    on: {
      workflow_dispatch: {
        inputs: Object.fromEntries(
          Object.entries(config.params).map(([name, param]) => [name, dispatchInput(param)]),
        ),
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
        environment,
        'timeout-minutes': config.runner['timeout-minutes'],
        permissions: { contents: 'read' },
        steps: [
          {
            name: 'Check out the repository',
            uses: uses('checkout'),
            with: { 'persist-credentials': false },
          },
          ...setupSteps,
          {
            name: 'Train, evaluate and upload the outputs',
            uses: './.github/actions/train',
            with: {
              'python-version': config.python,
              'output-dir': config.outputs.dir,
              args: trainArgs(config.params),
            },
          },
        ],
      },
    },
  };
}
