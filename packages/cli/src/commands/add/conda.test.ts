import { describe, expect, it } from 'vitest';
import { UserError } from '../../errors.js';
import { condaRequirements } from './conda.js';

const one = (dependency: string) =>
  condaRequirements(`dependencies:\n  - "${dependency}"\n`, 'environment.yml')?.lines;

describe('a conda package as a PyPI requirement', () => {
  it.each([
    ['numpy', 'numpy'],
    ['scikit-learn=1.5', 'scikit-learn==1.5.*'],
    ['pandas 2.2', 'pandas==2.2'],
    ['pandas 2.2.*', 'pandas==2.2.*'],
    ['matplotlib-base=3.9.*', 'matplotlib==3.9.*'],
    ['scipy=1.*', 'scipy==1.*'],
    ['pytorch=2.4=py3.11_cuda12.1_cudnn8_0', 'torch==2.4'],
    ['numpy==1.26.4=py311h64a7726_0', 'numpy==1.26.4'],
    ['conda-forge::lightgbm>=4', 'lightgbm>=4'],
    ['conda-forge/label/dev::numpy', 'numpy'],
    ['scipy>=1.10,<2', 'scipy>=1.10,<2'],
    ['py-xgboost', 'xgboost'],
    ['numpy 1.2|1.3', 'numpy'],
  ])('%s is %s', (conda, pypi) => {
    expect(one(conda)).toEqual([pypi]);
  });
});

describe('an environment file', () => {
  it("leaves out what only conda has, naming it, and keeps the pip: section's lines as they are", () => {
    const text = [
      'name: demo',
      'dependencies:',
      '  - python=3.11',
      '  - pip',
      '  - cudatoolkit=11.8',
      '  - pandas',
      '  - pip:',
      '      - -r requirements-extra.txt',
      '      - mlflow[extras]==2.17.0',
      '',
    ].join('\n');
    expect(condaRequirements(text, 'environment.yml')).toEqual({
      lines: ['pandas', '-r requirements-extra.txt', 'mlflow[extras]==2.17.0'],
      condaOnly: ['cudatoolkit'],
    });
  });

  it('with nothing PyPI has, or no dependencies, gives nothing to lock', () => {
    expect(
      condaRequirements('dependencies:\n  - python=3.11\n', 'environment.yml'),
    ).toBeUndefined();
    expect(condaRequirements('name: empty\n', 'environment.yml')).toBeUndefined();
  });

  it('is read from a flow list too', () => {
    expect(condaRequirements('dependencies: [python=3.11, numpy]\n', 'environment.yml')).toEqual({
      lines: ['numpy'],
      condaOnly: [],
    });
  });

  it('that is not YAML is refused, naming the file', () => {
    expect(() => condaRequirements('dependencies: [numpy\n', 'environment.yaml')).toThrow(
      UserError,
    );
    expect(() => condaRequirements('dependencies: [numpy\n', 'environment.yaml')).toThrow(
      /^environment\.yaml is not valid YAML \(/,
    );
  });
});
