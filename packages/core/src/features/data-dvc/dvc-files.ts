/**
 * The DVC files of the project: the pipeline (`dvc.yaml`), its parameters (`params.yaml`, made
 * from ml-cicd.yaml's params: one source) and the config naming the default remote.
 */
import type { Data } from '@ml-cicd/config';
import type { ProjectModel } from '../../model.js';
import { remoteName } from './remotes.js';

/** The params the prepare stage splits the data with; train reads every other one, and the seed. */
const prepareParams = ['test-size', 'seed'];

export function dvcYaml(model: ProjectModel): unknown {
  const pkg = `src/${model.config.project.package}`;
  const names = Object.keys(model.config.params);
  const code = ['pipeline.py', `${pkg}/stages.py`];
  return {
    stages: {
      prepare: {
        cmd: 'python pipeline.py prepare',
        deps: [...code, `${pkg}/data.py`],
        params: names.filter((name) => prepareParams.includes(name)),
        outs: ['data/prepared'],
      },
      train: {
        cmd: 'python pipeline.py train',
        deps: [...code, `${pkg}/model.py`, 'data/prepared'],
        params: names.filter((name) => name === 'seed' || !prepareParams.includes(name)),
        outs: ['models/model.joblib'],
      },
      evaluate: {
        cmd: 'python pipeline.py evaluate',
        deps: [...code, `${pkg}/model.py`, 'data/prepared', 'models/model.joblib'],
        metrics: ['reports/metrics.json'],
        plots: [
          { 'reports/confusion.csv': { template: 'confusion', x: 'actual', y: 'predicted' } },
        ],
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
  'The parameters of `dvc repro`: the defaults of the params in ml-cicd.yaml, the one source.\nChange a default there and here together; the tests and `ml-cicd validate` check they agree.';

/** `.dvc/config`: the default remote. Credentials go in the git-ignored `.dvc/config.local`. */
export function dvcConfig(data: Data): string {
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
