/**
 * The DVC files of the project: the pipeline (`dvc.yaml`), its parameters (`params.yaml`, made
 * from ml-cicd.yaml's params: one source) and the config naming the default remote.
 */
import type { ProjectModel } from '../../model.js';
import { remoteName, type DvcData } from '../../dvc-remotes.js';

/** The params the prepare stage splits the data with; train reads every other one, and the seed. */
const prepareParams = ['test-size', 'seed'];

/** The plot of the evaluate stage: a confusion matrix, or predicted against actual values. */
export function dvcPlot(model: ProjectModel): { file: string; template: string } {
  return model.config.task === 'regression'
    ? { file: 'reports/predictions.csv', template: 'scatter' }
    : { file: 'reports/confusion.csv', template: 'confusion' };
}

/**
 * The keys of ml-cicd.yaml a stage reads, as DVC params of that file: `task` (every stage) and
 * `dataset` (prepare), each only when ml-cicd.yaml has it, since DVC fails on a missing param.
 */
function configParams(model: ProjectModel, stage: 'prepare' | 'train' | 'evaluate'): unknown[] {
  const keys = [
    ...(model.config.task ? ['task'] : []),
    ...(model.config.dataset && stage === 'prepare' ? ['dataset'] : []),
  ];
  return keys.length > 0 ? [{ 'ml-cicd.yaml': keys }] : [];
}

export function dvcYaml(model: ProjectModel): unknown {
  const pkg = `src/${model.config.project.package}`;
  const names = Object.keys(model.config.params);
  const code = ['pipeline.py', `${pkg}/stages.py`, `${pkg}/params.py`];
  const dataFile = model.config.dataset ? [model.config.dataset.path] : [];
  const plot = dvcPlot(model);
  return {
    stages: {
      prepare: {
        cmd: 'python pipeline.py prepare',
        deps: [...code, `${pkg}/data.py`, ...dataFile],
        params: [
          ...names.filter((name) => prepareParams.includes(name)),
          ...configParams(model, 'prepare'),
        ],
        outs: ['data/prepared'],
      },
      train: {
        cmd: 'python pipeline.py train',
        deps: [...code, `${pkg}/model.py`, 'data/prepared'],
        params: [
          ...names.filter((name) => name === 'seed' || !prepareParams.includes(name)),
          ...configParams(model, 'train'),
        ],
        outs: ['models/model.joblib'],
      },
      evaluate: {
        cmd: 'python pipeline.py evaluate',
        deps: [...code, `${pkg}/model.py`, 'data/prepared', 'models/model.joblib'],
        ...(model.config.task ? { params: configParams(model, 'evaluate') } : {}),
        metrics: ['reports/metrics.json'],
        plots: [{ [plot.file]: { template: plot.template, x: 'actual', y: 'predicted' } }],
      },
    },
  };
}

export const dvcYamlComment =
  'The DVC pipeline: `dvc repro` runs the stages whose code, params or inputs changed and records\nwhat it made in dvc.lock (commit it); `dvc push` uploads the outputs to the remote.';

/** Each param's default, by name: what `dvc repro` trains with. */
export function paramsYaml(model: ProjectModel): unknown {
  return Object.fromEntries(
    Object.entries(model.config.params).map(([name, param]) => [name, param.default]),
  );
}

export const paramsYamlComment =
  'The parameters of `dvc repro`: the defaults of the params in ml-cicd.yaml, the one source.\nChange a default there and run `ml-cicd sync`; the tests and `ml-cicd validate` check they agree.';

/** `.dvc/config`: the default remote. Credentials go in the git-ignored `.dvc/config.local`. */
export function dvcConfig(data: DvcData): string {
  return [
    '[core]',
    `    remote = ${remoteName}`,
    `['remote "${remoteName}"']`,
    `    url = ${data.remote.url}`,
    '',
  ].join('\n');
}

/** What `dvc init` keeps out of git inside `.dvc/`. */
export const dvcGitignore = ['/config.local', '/tmp', '/cache', ''].join('\n');
