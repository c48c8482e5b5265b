/**
 * `.github/workflows/report.yml`: on a push to main, train with the report's arguments (or the
 * default params) and keep the outputs as the baseline artifact; on a pull request, train the
 * pull request's code the same way and report it against main's latest baseline.
 */
import type { MlCicdConfig } from '@ml-cicd/config';
import { hostedTrainingImage, type ProjectModel, type ScriptCall } from '../../model.js';
import { uses } from '../../versions.js';
import { commented } from '../../yaml.js';
import {
  argLines,
  fixedArgs,
  installInputs,
  metricsFileInput,
  metricsPathInArtifact,
} from '../base/train-workflow.js';
import { literalArgs } from '../../param-passing.js';
import { reportStep } from './action.js';

/** The artifact pushes to main upload and pull requests compare with. */
export const baselineArtifact = 'model-baseline';
/** The pull request's own outputs: another name, so the baseline lookup lists main's alone. */
const reportArtifact = 'model-report';
/** A fork's pull request gets a read-only token: its report goes to the job summary only. */
const sameRepository = 'github.event.pull_request.head.repo.full_name == github.repository';

/** Required flags get their default; every other param keeps the script's own default. */
function defaultArgs(config: MlCicdConfig, call?: ScriptCall): string[] {
  return (call?.required ?? []).flatMap((name) =>
    literalArgs(config, name, call, config.params[name]?.default ?? ''),
  );
}

/**
 * Checks out and trains, uploading the outputs as `artifact`: with `train.args`, then the
 * report's own arguments when `cheap` and ml-cicd.yaml has them, else the params' defaults.
 * `uvCache` keeps uv's cache: only for jobs that neither release nor publish (zizmor's
 * cache-poisoning).
 */
export function trainSteps(
  model: ProjectModel,
  artifact: string,
  { uvCache, cheap }: { uvCache: boolean; cheap: boolean },
): Record<string, unknown>[] {
  const { config, script: call } = model;
  const own = cheap ? config.report?.args : undefined;
  const args = argLines([...fixedArgs(config), ...(own ?? defaultArgs(config, call))]);
  return [
    {
      name: 'Check out the repository',
      uses: uses('checkout'),
      with: { 'persist-credentials': false },
    },
    {
      name:
        own === undefined ? 'Train with the default params' : "Train with the report's arguments",
      uses: './.github/actions/train',
      with: {
        'python-version': config.python,
        ...installInputs(config),
        ...call?.entry,
        'output-dir': config.outputs.dir,
        ...metricsFileInput(config),
        ...(args ? { args } : {}),
        'artifact-name': artifact,
        ...(uvCache ? { 'uv-cache': true } : {}),
      },
    },
  ];
}

const job = (name: string, event: string) => ({
  name,
  if: `github.event_name == '${event}'`,
  // A hosted runner always: pull requests from forks must never reach a runner of the team's own.
  // It trains, so it names its image.
  'runs-on': hostedTrainingImage,
  'timeout-minutes': 30,
});

export function reportWorkflow(model: ProjectModel): unknown {
  return {
    name: 'Model report',
    on: { pull_request: null, push: { branches: ['main'] } },
    permissions: {},
    concurrency: {
      group: '${{ github.workflow }}-${{ github.event.pull_request.number || github.ref }}',
      'cancel-in-progress': true,
    },
    jobs: {
      baseline: {
        ...job("Record main's metrics as the baseline", 'push'),
        permissions: { contents: 'read' },
        steps: trainSteps(model, baselineArtifact, { uvCache: true, cheap: true }),
      },
      report: {
        ...job('Train and report against main', 'pull_request'),
        permissions: {
          contents: 'read',
          actions: commented('read', "to download main's baseline artifact"),
          'pull-requests': commented('write', 'to create and update the sticky report comment'),
        },
        steps: [
          ...trainSteps(model, reportArtifact, { uvCache: true, cheap: true }),
          reportStep({
            metricsFile: model.config.metrics.file,
            // The action finds main's newest baseline artifact of this repository itself.
            baseline: { artifact: baselineArtifact, file: metricsPathInArtifact(model.config) },
            gates: model.config.metrics.gates,
            // The generated train.py writes params.json; a team's own script may not.
            ...(model.script === undefined ? { paramsDir: model.config.outputs.dir } : {}),
            // W08, in the workflow for reviewers to see: the action applies the same guard itself.
            commentMode: `\${{ ${sameRepository} && 'sticky' || 'off' }}`,
          }),
        ],
      },
    },
  };
}
