import { describe, expect, it } from 'vitest';
import { tempDir, write } from '../../test/fixtures.js';
import { describeEntryPoint, findEntryPoint, projectScripts } from './entry-point.js';
import { pythonCandidates } from './find-python.js';

describe('findEntryPoint', () => {
  it('prefers the flags, then train.py, then a [project.scripts] entry with "train" in its name', () => {
    const dir = tempDir();
    expect(findEntryPoint(dir)).toBeUndefined();
    write(
      dir,
      'pyproject.toml',
      '[project.scripts]\nserve = "app.serve:main"\ntrain-model = "app.cli:main"\n',
    );
    expect(findEntryPoint(dir)).toEqual({
      kind: 'function',
      name: 'train-model',
      target: 'app.cli:main',
    });
    write(dir, 'train.py', '');
    expect(findEntryPoint(dir)).toEqual({ kind: 'script', path: 'train.py' });
    expect(findEntryPoint(dir, { module: 'app.train' })).toEqual({
      kind: 'module',
      module: 'app.train',
    });
    expect(findEntryPoint(dir, { script: 'scripts/fit.py' })).toEqual({
      kind: 'script',
      path: 'scripts/fit.py',
    });
  });

  it('names the entry point in messages', () => {
    expect(describeEntryPoint({ kind: 'module', module: 'app.train' })).toBe('python -m app.train');
    expect(describeEntryPoint({ kind: 'function', name: 'fit', target: 'app.cli:main' })).toBe(
      'fit (app.cli:main)',
    );
  });
});

describe('projectScripts', () => {
  it('reads only [project.scripts], with quoted keys and comments', () => {
    const toml = [
      '[project]',
      'name = "x"  # not a script',
      '[project.scripts]',
      "'train' = 'pkg.cli:main'  # the trainer",
      '"eval-model" = "pkg.eval:run"',
      '[tool.ruff]',
      'line-length = "100"',
    ].join('\r\n');
    expect(projectScripts(toml)).toEqual([
      ['train', 'pkg.cli:main'],
      ['eval-model', 'pkg.eval:run'],
    ]);
  });
});

describe('pythonCandidates', () => {
  it('tries --python alone, else python3 and python, never a .venv of the repository', () => {
    expect(pythonCandidates('/opt/py/bin/python')).toEqual(['/opt/py/bin/python']);
    expect(pythonCandidates()).toEqual(['python3', 'python']);
  });
});
