import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { repoAssets } from '../../../test/assets.js';
import { resolveAnswers, type RawAnswers } from '../../options.js';
import { buildProject, type ConfiguredParams } from '../../plan.js';

function dvcYaml(raw: RawAnswers, configured?: Partial<ConfiguredParams>) {
  const answers = resolveAnswers({ name: 'my-project', data: 'dvc', ...raw }, 'my-project');
  const plain = buildProject(answers, repoAssets);
  const config = parse(plain.files.get('ml-cicd.yaml')!);
  const { files } = buildProject(answers, repoAssets, undefined, {
    params: config.params,
    gates: config.metrics.gates,
    ...configured,
  });
  return parse(files.get('dvc.yaml')!).stages;
}

describe("dvc.yaml's stages", () => {
  it('read no key of ml-cicd.yaml in a binary project on the bundled data', () => {
    const stages = dvcYaml({});
    expect(stages.prepare.deps).toEqual([
      'pipeline.py',
      'src/my_project/stages.py',
      'src/my_project/params.py',
      'src/my_project/data.py',
    ]);
    expect(stages.prepare.params).toEqual(['test-size', 'seed']);
    expect(stages.evaluate.params).toBeUndefined();
    expect(stages.evaluate.plots).toEqual([
      { 'reports/confusion.csv': { template: 'confusion', x: 'actual', y: 'predicted' } },
    ]);
  });

  it('rerun prepare when dataset or its file changes, and every stage when the task does', () => {
    const stages = dvcYaml({ task: 'multiclass' }, { dataset: { path: 'data/train.csv' } });
    expect(stages.prepare.deps).toContain('data/train.csv');
    expect(stages.prepare.params).toEqual([
      'test-size',
      'seed',
      { 'ml-cicd.yaml': ['task', 'dataset'] },
    ]);
    expect(stages.train.params.at(-1)).toEqual({ 'ml-cicd.yaml': ['task'] });
    expect(stages.evaluate.params).toEqual([{ 'ml-cicd.yaml': ['task'] }]);
  });

  it('plot predicted against actual values for regression', () => {
    expect(dvcYaml({ task: 'regression' }).evaluate.plots).toEqual([
      { 'reports/predictions.csv': { template: 'scatter', x: 'actual', y: 'predicted' } },
    ]);
  });
});
