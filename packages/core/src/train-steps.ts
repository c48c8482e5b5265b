/**
 * The local train action (`.github/actions/train`) as workflows call it: its inputs from
 * ml-cicd.yaml's `train`, `metrics` and `outputs`, and the steps that check out and train with
 * arguments fixed when the workflow is written (report.yml, retrain.yml).
 */
import type { MlCicdConfig } from '@ml-cicd/config';
import type { ProjectModel, ScriptCall } from './model.js';
import { literalArgs } from './param-passing.js';
import { uses } from './versions.js';

/** The train action's `metrics-file`, unless it is its default, `<outputs>/metrics.json`. */
function metricsFileInput(config: MlCicdConfig): Record<string, string> {
  const { file } = config.metrics;
  return file === `${config.outputs.dir}/metrics.json` ? {} : { 'metrics-file': file };
}

/** The train action's inputs of ml-cicd.yaml's `train`: what it installs, when not its defaults. */
function installInputs(config: MlCicdConfig): Record<string, string | boolean> {
  const { requirements = 'requirements.txt', 'install-project': project = false } =
    config.train ?? {};
  return {
    ...(requirements === 'requirements.txt' ? {} : { requirements }),
    ...(project ? { 'install-project': true } : {}),
  };
}

/**
 * The train action's `args`: one argument a line. An empty one (a positional left empty) is left
 * out: the action would skip it anyway.
 */
export function argLines(args: string[]): string {
  return args
    .filter((arg) => arg !== '')
    .map((arg) => `${arg}\n`)
    .join('');
}

/** `train.args` of ml-cicd.yaml: the train action passes them before the params. */
export function fixedArgs(config: MlCicdConfig): string[] {
  return config.train?.args ?? [];
}

const segments = (path: string) =>
  path
    .replace(/^(\.\/)+/, '')
    .split('/')
    .filter((part) => part !== '' && part !== '.');

/**
 * Where the metrics file is inside the artifact the train action uploads. It uploads the output
 * folder and the metrics file; upload-artifact roots the artifact at the folder that holds both
 * paths (the output folder itself when the file is inside it).
 */
export function metricsPathInArtifact(config: MlCicdConfig): string {
  const dir = segments(config.outputs.dir);
  const file = segments(config.metrics.file);
  let common = 0;
  while (common < dir.length && common < file.length - 1 && dir[common] === file[common]) common++;
  return file.slice(common).join('/');
}

/** Required flags get their default; every other param keeps the script's own default. */
function defaultArgs(config: MlCicdConfig, call?: ScriptCall): string[] {
  return (call?.required ?? []).flatMap((name) =>
    literalArgs(config, name, call, config.params[name]?.default ?? ''),
  );
}

/** The train action's inputs every training step gives: Python, what to install, what to run. */
export function trainActionInputs(
  config: MlCicdConfig,
  call: ScriptCall | undefined,
): Record<string, unknown> {
  return {
    'python-version': config.python,
    ...installInputs(config),
    ...call?.entry,
    'output-dir': config.outputs.dir,
    ...metricsFileInput(config),
  };
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
        ...trainActionInputs(config, call),
        ...(args ? { args } : {}),
        'artifact-name': artifact,
        ...(uvCache ? { 'uv-cache': true } : {}),
      },
    },
  ];
}
