import { loadConfig, tasks, type Task } from '@ml-cicd/config';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { repoAssets } from '../../../test/assets.js';
import { UsageError } from '../../errors.js';
import { manifestPath } from '../../manifest.js';
import { resolveAnswers, type RawAnswers } from '../../options.js';
import { buildProject } from '../../plan.js';
import { rawFromRecorded } from '../../recorded-answers.js';
import { taskDefaults } from './params.js';

function render(raw: RawAnswers) {
  return buildProject(resolveAnswers({ name: 'my-project', ...raw }, 'my-project'), repoAssets);
}

const withoutManifest = (files: Map<string, string>) =>
  new Map([...files].filter(([path]) => path !== manifestPath));

describe('--task', () => {
  it('is binary unless given, and takes each task', () => {
    expect(resolveAnswers({}, 'x-y').task).toBe('binary');
    for (const task of tasks) expect(resolveAnswers({ task }, 'x-y').task).toBe(task);
  });

  it('refuses a task it does not know, naming the choices', () => {
    expect(() => resolveAnswers({ task: 'clustering' }, 'x-y')).toThrow(
      new UsageError('--task must be one of binary, multiclass, regression (got "clustering").'),
    );
  });
});

describe.each(tasks)('a %s project', (task: Task) => {
  const { files, manifest } = render({ task });
  const config = parse(files.get('ml-cicd.yaml')!);
  const train = parse(files.get('.github/workflows/train.yml')!);
  const { params, gates } = taskDefaults[task];

  it('records the task in ml-cicd.yaml only when it is not binary, after python', () => {
    expect(config.task).toBe(task === 'binary' ? undefined : task);
    const keys = Object.keys(config);
    if (task !== 'binary') expect(keys[keys.indexOf('python') + 1]).toBe('task');
    expect(manifest.answers.task).toBe(task);
    expect(loadConfig(files.get('ml-cicd.yaml')!).findings).toEqual([]);
  });

  it("has the task's params and gates", () => {
    expect(config.params).toEqual(params);
    expect(config.metrics.gates).toEqual(gates);
    for (const gate of config.metrics.gates) {
      expect(taskDefaults[task].metrics).toContain(gate.metric);
    }
  });

  it('makes every param an input of train.yml with its default and choices', () => {
    const inputs = train.on.workflow_dispatch.inputs;
    expect(Object.keys(inputs)).toEqual([...Object.keys(params), 'extra-args']);
    expect(inputs.criterion).toMatchObject({
      type: 'choice',
      default: params.criterion!.default,
      options: params.criterion!.choices,
    });
    expect(inputs['n-estimators']).toMatchObject({ type: 'number', default: 100 });
  });

  it('names no data variable: the data file is committed config, dataset in ml-cicd.yaml', () => {
    expect(files.get('.github/workflows/train.yml')).not.toContain('TRAIN_DATA_PATH');
    expect(config.environments.training.variables).toEqual([]);
    expect(files.get('.env.example')).not.toContain('TRAIN_DATA_PATH');
    expect(files.get('README.md')).toContain('dataset:\n  path: data/train.csv\n  target: label');
  });

  it('says in the README what it predicts, its metrics, gates and data', () => {
    const readme = files.get('README.md')!;
    const section = readme.slice(
      readme.indexOf('## Task and data'),
      readme.indexOf('## Parameters'),
    );
    expect(section).toContain(taskDefaults[task].estimator);
    expect(section).toContain(taskDefaults[task].dataset);
    for (const metric of taskDefaults[task].metrics) expect(section).toContain(`\`${metric}\``);
    for (const gate of gates) expect(readme).toContain(`- \`${gate.metric}\` at least ${gate.min}`);
    expect(readme.includes('confusion matrix')).toBe(task !== 'regression');
    expect(readme.includes('residuals')).toBe(task === 'regression');
  });
});

describe('a project made before tasks (no task among its recorded answers)', () => {
  const { files, manifest } = render({});
  const { task: _task, ...older } = manifest.answers;

  it('renders as binary, file for file', () => {
    const again = buildProject(
      resolveAnswers(rawFromRecorded(older, 'answers'), 'my-project'),
      repoAssets,
    );
    expect(again.manifest.answers.task).toBe('binary');
    expect(withoutManifest(again.files)).toEqual(withoutManifest(files));
    expect(files.get('ml-cicd.yaml')).not.toMatch(/^task:/m);
  });

  it('renders exactly as --task binary', () => {
    expect(render({ task: 'binary' }).files).toEqual(files);
  });
});
