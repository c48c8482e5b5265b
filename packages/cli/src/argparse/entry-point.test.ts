import { describe, expect, it } from 'vitest';
import { tempDir, write } from '../../test/fixtures.js';
import {
  describeEntryPoint,
  findEntryPoint,
  moduleRun,
  projectScripts,
  setupCfgScripts,
  setupPyScripts,
} from './entry-point.js';
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

describe('console scripts of setup.py and setup.cfg', () => {
  it('reads the console_scripts of setup.py as text, without running it', () => {
    const source = [
      'from setuptools import setup',
      'setup(',
      '    name="forecast",',
      '    entry_points={',
      "        'console_scripts': [",
      "            'forecast-serve = forecast.serve:main',",
      '            "forecast-train=forecast.cli:main",',
      '        ],',
      '    },',
      ')',
    ].join('\n');
    expect(setupPyScripts(source)).toEqual([
      ['forecast-serve', 'forecast.serve:main'],
      ['forecast-train', 'forecast.cli:main'],
    ]);
  });

  it("reads setup.cfg's [options.entry_points] console_scripts, one per line", () => {
    const cfg = [
      '[metadata]',
      'name = forecast',
      '[options.entry_points]',
      'console_scripts =',
      '    forecast-train = forecast.cli:main',
      'gui_scripts =',
      '    forecast-gui = forecast.gui:main',
    ].join('\n');
    expect(setupCfgScripts(cfg)).toEqual([['forecast-train', 'forecast.cli:main']]);
  });

  it('finds a setup.py console script when there is no train.py nor pyproject.toml', () => {
    const dir = tempDir();
    write(dir, 'setup.py', 'setup(entry_points={"console_scripts": ["fit = app.cli:main"]})\n');
    expect(findEntryPoint(dir)).toEqual({ kind: 'function', name: 'fit', target: 'app.cli:main' });
  });
});

describe('moduleRun', () => {
  const entry = { kind: 'function', name: 'fit', target: 'app.cli:main' } as const;

  it('runs a console script as its module when that module has a __main__ guard, under src/ too', () => {
    const dir = tempDir();
    write(
      dir,
      'src/app/cli.py',
      'def main():\n    pass\n\nif __name__ == "__main__":\n    main()\n',
    );
    expect(moduleRun(dir, entry)).toEqual({
      entry: { kind: 'module', module: 'app.cli' },
      file: 'src/app/cli.py',
    });
  });

  it('leaves a module without the guard, or one that is not there, to the caller', () => {
    const dir = tempDir();
    expect(moduleRun(dir, entry)).toBeUndefined();
    write(dir, 'app/cli.py', 'def main():\n    pass\n# if __name__ == "__main__": main()\n');
    expect(moduleRun(dir, entry)).toBeUndefined();
  });
});

describe('pythonCandidates', () => {
  it('tries --python alone, else python3 and python, never a .venv of the repository', () => {
    expect(pythonCandidates('/opt/py/bin/python')).toEqual(['/opt/py/bin/python']);
    expect(pythonCandidates()).toEqual(['python3', 'python']);
  });
});
