/**
 * The flow of `ml-cicd add workflow`: every check before the first write, what a later kind and
 * `update` take from what an earlier add recorded, the tracker, console scripts, where the
 * requirements are, and a CI workflow of the team's own.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { manifestPath } from '@ml-cicd/core';
import { describe, expect, it } from 'vitest';
import { run as runAdd } from '../src/commands/add/index.js';
import { run as runUpdate } from '../src/commands/update/index.js';
import { UsageError } from '../src/errors.js';
import { assets, printed, read, tempDir, write } from './fixtures.js';
import { inFunction, moduleLevel, packageCli, lockedRequirements as locked } from './scripts.js';

function io(dir: string) {
  const said = { out: '', err: '' };
  return {
    said,
    io: {
      out: (t: string) => void (said.out += t),
      err: (t: string) => void (said.err += t),
      color: false,
      cwd: dir,
    },
  };
}

async function add(dir: string, ...argv: string[]) {
  const { said, io: to } = io(dir);
  const code = await runAdd(argv, to, assets);
  return { code, ...said };
}

async function update(dir: string, ...argv: string[]) {
  const { said, io: to } = io(dir);
  const code = await runUpdate(argv, to, assets);
  return { code, ...said };
}

/** Every file under dir with its content and mtime. */
function tree(dir: string, prefix = ''): Record<string, string> {
  const found: Record<string, string> = {};
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) Object.assign(found, tree(dir, path));
    else found[path] = `${statSync(join(dir, path)).mtimeMs} ${read(dir, path)}`;
  }
  return found;
}

/** A repository of these files; with `locks`, the locked requirements its workflows install. */
function repo(files: Record<string, string>, locks = true): string {
  const dir = tempDir();
  const all = locks
    ? { 'requirements.txt': locked, 'requirements-dev.txt': locked, ...files }
    : files;
  for (const [path, content] of Object.entries(all)) write(dir, path, content);
  return dir;
}

/** A stand-in for uv on the PATH that records its arguments and writes a hashed lock. */
const lockingUv =
  '#!/bin/sh\necho "$@" > uv-args\nfor last; do :; done\nprintf "numpy==2.0.0 \\\\\\n    --hash=sha256:00\\n" > "$last"\n';

async function withFakeUv<T>(action: () => Promise<T>, script = lockingUv): Promise<T> {
  const bin = tempDir();
  write(bin, 'uv', script);
  chmodSync(join(bin, 'uv'), 0o755);
  const path = process.env.PATH;
  process.env.PATH = `${bin}${delimiter}${path}`;
  try {
    return await action();
  } finally {
    process.env.PATH = path;
  }
}

function git(cwd: string, ...args: string[]): void {
  const result = spawnSync(
    'git',
    ['-c', 'user.name=Test User', '-c', 'user.email=test@example.com', ...args],
    { cwd, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
}

const manifestOf = (dir: string) =>
  JSON.parse(read(dir, manifestPath)) as {
    features: string[];
    files: Record<string, string>;
    added: { kinds: string[]; script: Record<string, unknown> };
  };

describe('add workflow train --lock', () => {
  it('with nothing to lock, exits before writing anything, naming what would do', async () => {
    const dir = repo({ 'train.py': moduleLevel }, false);
    const before = tree(dir);
    await expect(add(dir, 'workflow', 'train', '--lock')).rejects.toThrow(
      '--lock needs the direct dependencies to lock: requirements.in, an unpinned requirements.txt, [project] dependencies in pyproject.toml, or a conda environment.yml; write one, then run this again (nothing was written).',
    );
    expect(tree(dir)).toEqual(before);
  });

  it('moves an unpinned requirements.txt to requirements.in and locks it, saying so', async () => {
    const dir = repo({ 'train.py': moduleLevel, 'requirements.txt': 'numpy>=2\n' }, false);
    const { out, err } = await withFakeUv(() => add(dir, 'workflow', 'train', '--lock'));
    expect(out).toContain(
      'Copied the requirements of requirements.txt to requirements.in, the list of direct dependencies, and locked requirements.txt from requirements.in with: uv pip compile --universal --generate-hashes --python-version 3.10 requirements.in -o requirements.txt\n',
    );
    expect(err).toBe('');
    expect(read(dir, 'requirements.in')).toBe('numpy>=2\n');
    expect(read(dir, 'requirements.txt')).toContain('--hash=sha256:00');
  });

  it("locks a conda environment.yml's packages by their PyPI names, saying what it left out", async () => {
    const environment = [
      'name: churn',
      'channels: [pytorch, conda-forge]',
      'dependencies:',
      '  - python=3.11',
      '  - scikit-learn=1.5',
      '  - pytorch::pytorch=2.4',
      '  - cudatoolkit=11.8',
      '  - pip',
      '  - pip:',
      '      - mlflow==2.17.0',
      '',
    ].join('\n');
    const dir = repo({ 'train.py': moduleLevel, 'environment.yml': environment }, false);
    const refused = await add(dir, 'workflow', 'train').catch((error: Error) => error.message);
    expect(refused).toContain(
      'lock the packages of environment.yml with --lock, which first writes their PyPI names to requirements.in',
    );
    const { out } = await withFakeUv(() => add(dir, 'workflow', 'train', '--lock'));
    expect(out).toContain(
      'Wrote the packages of environment.yml to requirements.in by their PyPI names, leaving out what only conda has (cudatoolkit), and locked requirements.txt from requirements.in with: uv pip compile',
    );
    expect(read(dir, 'requirements.in')).toBe(
      '# The packages of environment.yml, by their PyPI names: uv installs them from PyPI.\nscikit-learn==1.5.*\ntorch==2.4.*\nmlflow==2.17.0\n',
    );
    expect(read(dir, 'environment.yml')).toBe(environment);
    // The workflows run the Python the environment names.
    expect(out).toContain('note: the workflows run Python 3.11, as environment.yml says.\n');
    expect(read(dir, 'ml-cicd.yaml')).toContain('\npython: "3.11"\n');
  });

  it('when an exported environment does not lock, names what it tried and how to export less', async () => {
    const environment = 'dependencies:\n  - numpy=2.2\n  - libgcc-ng=14.2\n';
    const dir = repo({ 'train.py': moduleLevel, 'environment.yml': environment }, false);
    const before = tree(dir);
    const failingUv =
      '#!/bin/sh\necho "error: Because libgcc-ng was not found in the package registry, requirements are unsatisfiable." >&2\nexit 1\n';
    await expect(
      withFakeUv(() => add(dir, 'workflow', 'train', '--lock'), failingUv),
    ).rejects.toThrow(
      "failed, so nothing was written: error: Because libgcc-ng was not found in the package registry, requirements are unsatisfiable.; requirements.in would have held numpy==2.2.*, libgcc-ng==14.2.*, the packages of environment.yml: when one is conda's own (an exported environment lists its libraries too), export only what you asked for with conda env export --from-history, or write requirements.in with the packages you import, then run this again.",
    );
    expect(tree(dir)).toEqual(before);
  });

  it("locks pyproject.toml's dependencies when that is where they are", async () => {
    const dir = repo(
      {
        'train.py': moduleLevel,
        'pyproject.toml': '[project]\nname = "demo"\nversion = "0.1.0"\ndependencies = ["numpy"]\n',
      },
      false,
    );
    const { out } = await withFakeUv(() => add(dir, 'workflow', 'train', '--lock'));
    expect(out).toContain(
      'Locked requirements.txt from pyproject.toml with: uv pip compile --universal --generate-hashes --python-version 3.10 pyproject.toml -o requirements.txt\n',
    );
    expect(read(dir, 'uv-args')).toContain('pyproject.toml -o requirements.txt');
  });

  it('without --lock, refuses a workflow that could not install its requirements, writing nothing', async () => {
    const bare = repo({ 'train.py': moduleLevel }, false);
    await expect(add(bare, 'workflow', 'train')).rejects.toThrow(
      'Nothing was written: requirements.txt is missing, and the workflow installs it with --require-hashes; list your direct dependencies in requirements.in, then lock them with --lock (or run: uv pip compile --universal --generate-hashes --python-version 3.10 requirements.in -o requirements.txt).',
    );
    expect(readdirSync(bare)).toEqual(['train.py']);

    const dir = repo(
      {
        'train.py': moduleLevel,
        'pyproject.toml': '[project]\nname = "demo"\ndependencies = [\n  "numpy",\n]\n',
      },
      false,
    );
    await expect(add(dir, 'workflow', 'train')).rejects.toThrow(
      'Nothing was written: requirements.txt is missing, and the workflow installs it with --require-hashes; lock the dependencies of pyproject.toml with --lock, or run: uv pip compile --universal --generate-hashes --python-version 3.10 pyproject.toml -o requirements.txt.',
    );
    const { code, err } = await add(dir, 'workflow', 'train', '--dry-run');
    expect(code).toBe(0);
    expect(err).toMatch(/^warning: requirements\.txt is missing, /);
    expect(readdirSync(dir).sort()).toEqual(['pyproject.toml', 'train.py']);
  });
});

describe('a later kind', () => {
  it('runs the script the train workflow was added for', async () => {
    const dir = repo({ 'main.py': inFunction, 'ml-cicd.yaml': 'project:\n  name: demo\n' });
    expect((await add(dir, 'workflow', 'train', '--script', 'main.py')).code).toBe(0);
    // The report and retrain runs pass the required --data its default.
    write(dir, 'ml-cicd.yaml', read(dir, 'ml-cicd.yaml').replace('default: ""', 'default: d.csv'));
    for (const kind of ['test', 'report', 'retrain']) {
      const { code, out } = await add(dir, 'workflow', kind);
      expect(code).toBe(0);
      expect(out).toMatch(/^Read \d+ flags of main\.py statically/);
    }
    expect(read(dir, '.github/workflows/report.yml')).toContain('script: main.py\n');
    expect(read(dir, '.github/workflows/retrain.yml')).toContain('script: main.py\n');
  });

  it('runs what an older add wrote into train.yml, when the manifest records no script', async () => {
    const dir = repo({ 'scripts/fit.py': inFunction });
    await add(dir, 'workflow', 'train', '--script', 'scripts/fit.py');
    write(dir, 'ml-cicd.yaml', read(dir, 'ml-cicd.yaml').replace('default: ""', 'default: d.csv'));
    const manifest = JSON.parse(read(dir, manifestPath)) as Record<string, unknown>;
    delete manifest.added;
    write(dir, manifestPath, JSON.stringify(manifest));
    const { out } = await add(dir, 'workflow', 'report');
    expect(out).toMatch(/^Read \d+ flags of scripts\/fit\.py statically/);
  });
});

describe('the manifest of add', () => {
  it('lists only what was added, and a second add with the same arguments changes nothing', async () => {
    const dir = repo({ 'train.py': moduleLevel });
    await add(dir, 'workflow', 'train');
    const manifest = manifestOf(dir);
    expect(manifest.added.kinds).toEqual(['train']);
    expect(manifest.features).toEqual(['base', 'runner-hosted']);
    // No release workflow, so no release environment to set up.
    expect(read(dir, 'ml-cicd.yaml')).toMatch(/^environments:\n {2}training:\n/m);
    expect(read(dir, 'ml-cicd.yaml')).not.toMatch(/^ {2}release:/m);
    expect(Object.keys(manifest.files).sort()).toEqual([
      '.github/actionlint.yaml',
      '.github/actions/train/action.yml',
      '.github/dependabot.yml',
      '.github/workflows/train.yml',
      '.github/zizmor.yml',
      'ml-cicd.yaml',
    ]);
    const before = tree(dir);
    expect((await add(dir, 'workflow', 'train')).out).toMatch(/Nothing changed/);
    expect(tree(dir)).toEqual(before);

    await add(dir, 'workflow', 'report');
    expect(manifestOf(dir).added.kinds).toEqual(['train', 'report']);
    expect(manifestOf(dir).features).toEqual(['base', 'runner-hosted', 'report']);
  });
});

describe('ml-cicd update after add', () => {
  it('is up to date at once, and moves the train workflow to another tracker keeping an edit', async () => {
    const dir = repo({ 'train.py': moduleLevel });
    await add(dir, 'workflow', 'train');
    git(dir, 'init', '--quiet');
    const train = read(dir, '.github/workflows/train.yml');
    write(dir, '.github/workflows/train.yml', `# Ours: keep.\n${train}`);
    git(dir, 'add', '--all');
    git(dir, 'commit', '--quiet', '-m', 'add');
    expect((await update(dir)).out).toMatch(/^Already at ml-cicd /);

    const moved = await update(dir, '--tracker', 'mlflow');
    expect(moved.code).toBe(0);
    expect(moved.out).toContain('with --tracker mlflow:');
    const now = read(dir, '.github/workflows/train.yml');
    expect(now).toMatch(/^# Ours: keep\.\n/);
    expect(now).toContain('MLFLOW_TRACKING_URI');
    expect(read(dir, 'ml-cicd.yaml')).toMatch(/tracker:\n {2}kind: mlflow\n/);
    expect(existsSync(join(dir, '.github/workflows/release.yml'))).toBe(false);
    expect(manifestOf(dir).features).toEqual(['base', 'runner-hosted', 'tracker-mlflow']);
    git(dir, 'add', '--all');
    git(dir, 'commit', '--quiet', '-m', 'mlflow');
    expect((await update(dir)).out).toMatch(/^Already at ml-cicd /);
    // add and update agree: adding again with the same tracker changes only the edited file.
    const again = await add(dir, 'workflow', 'train', '--dry-run');
    expect(again.out).toContain('identical ml-cicd.yaml\n');
    expect(again.out).toContain('identical .ml-cicd/manifest.json\n');
  });
});

describe('ml-cicd update after a pre-release add', () => {
  it('refuses a manifest that records argument lines, naming add as the way on', async () => {
    const dir = repo({ 'train.py': moduleLevel });
    await add(dir, 'workflow', 'train');
    const manifest = manifestOf(dir);
    const { passing, ...script } = manifest.added.script;
    expect(passing).toEqual({});
    manifest.added.script = { ...script, args: {} };
    write(dir, manifestPath, JSON.stringify(manifest));
    git(dir, 'init', '--quiet');
    git(dir, 'add', '--all');
    git(dir, 'commit', '--quiet', '-m', 'add');
    await expect(update(dir, '--tracker', 'mlflow')).rejects.toThrow(
      /was written by a pre-release ml-cicd add.*run ml-cicd add workflow again/,
    );
  });
});

describe('ml-cicd update after add, with files of the team add kept', () => {
  it("leaves the team's .dvc/config alone", async () => {
    const own = '[core]\n    remote = team\n[\'remote "team"\']\n    url = s3://team-bucket/dvc\n';
    const dir = repo({ 'train.py': moduleLevel, '.dvc/config': own });
    await add(dir, 'workflow', 'dvc');
    git(dir, 'init', '--quiet');
    git(dir, 'add', '--all');
    git(dir, 'commit', '--quiet', '-m', 'add');
    const { code, out } = await update(dir, '--tracker', 'mlflow');
    expect(code).toBe(0);
    expect(out).not.toContain('.dvc/config');
    expect(read(dir, '.dvc/config')).toBe(own);
  });
});

describe('--tracker', () => {
  it('wires the tracker into train.yml and records it; ml-cicd.yaml tracker.kind does too', async () => {
    const dir = repo({ 'train.py': moduleLevel });
    const { code, out } = await add(dir, 'workflow', 'train', '--tracker', 'wandb');
    expect(code).toBe(0);
    expect(out).toContain('note: train.yml hands the wandb settings');
    expect(read(dir, '.github/workflows/train.yml')).toContain('WANDB_API_KEY');
    expect(read(dir, 'ml-cicd.yaml')).toMatch(/tracker:\n {2}kind: wandb\n/);
    expect(await printed(dir)).toEqual([]);

    const recorded = repo({
      'train.py': moduleLevel,
      'ml-cicd.yaml': 'tracker:\n  kind: mlflow\n',
    });
    await add(recorded, 'workflow', 'train');
    expect(read(recorded, '.github/workflows/train.yml')).toContain('MLFLOW_TRACKING_URI');
  });

  it('refuses a tracker create-ml-cicd does not offer, writing nothing', async () => {
    const dir = repo({ 'train.py': moduleLevel });
    const failure = add(dir, 'workflow', 'train', '--tracker', 'clearml');
    await expect(failure).rejects.toThrow(
      '--tracker must be one of none, mlflow, wandb, comet (got "clearml").',
    );
    await expect(failure).rejects.toBeInstanceOf(UsageError);
    expect(readdirSync(dir).sort()).toEqual([
      'requirements-dev.txt',
      'requirements.txt',
      'train.py',
    ]);
  });
});

describe('a console script', () => {
  const forecast = {
    'pyproject.toml':
      '[project]\nname = "forecast"\nversion = "0.1.0"\n\n[project.scripts]\nforecast-train = "forecast.cli:main"\n',
    'src/forecast/__init__.py': '',
    'src/forecast/cli.py': packageCli,
  };

  it('whose module runs itself under a __main__ guard runs as python -m, installing the project', async () => {
    const dir = repo(forecast);
    const { code, out } = await add(dir, 'workflow', 'train');
    expect(code).toBe(0);
    expect(out).toContain(
      'note: the console script forecast-train (forecast.cli:main) runs as python -m forecast.cli, as src/forecast/cli.py calls it under its __main__ guard.\n',
    );
    expect(read(dir, '.github/workflows/train.yml')).toContain('module: forecast.cli\n');
    expect(read(dir, 'ml-cicd.yaml')).toMatch(/train:\n {2}install-project: true\n/);
  });

  it('of setup.py is found, read as text', async () => {
    const dir = repo({
      'setup.py':
        'from setuptools import setup\nsetup(name="forecast", entry_points={"console_scripts": ["forecast-train=forecast.cli:main"]})\n',
      'forecast/__init__.py': '',
      'forecast/cli.py': packageCli,
    });
    await add(dir, 'workflow', 'train');
    expect(read(dir, '.github/workflows/train.yml')).toContain('module: forecast.cli\n');
  });

  it('whose module has no __main__ guard is refused, naming the flags that would work', async () => {
    const dir = repo({
      ...forecast,
      'src/forecast/cli.py': packageCli.replace(/\nif __name__[\s\S]*$/, '\n'),
    });
    await expect(add(dir, 'workflow', 'train')).rejects.toThrow(
      'The training entry point is forecast-train (forecast.cli:main), a function the train action cannot call; pass the module that runs it with --module <name> (python -m <name>) or a script with --script <path>.',
    );
    expect(readdirSync(dir).sort()).toEqual([
      'pyproject.toml',
      'requirements-dev.txt',
      'requirements.txt',
      'src',
    ]);
  });
});

describe('requirements in a subfolder', () => {
  it('are recorded as train.requirements, and kept by the next add', async () => {
    const dir = repo({ 'train.py': moduleLevel, 'CI_CD/requirements.txt': locked }, false);
    const { out, err } = await add(dir, 'workflow', 'train');
    expect(out).toContain(
      "note: the workflows install CI_CD/requirements.txt, recorded as ml-cicd.yaml's train.requirements (there is no requirements.txt at the root).\n",
    );
    expect(err).toBe('');
    expect(read(dir, 'ml-cicd.yaml')).toMatch(
      /train:\n {2}requirements: CI_CD\/requirements.txt\n/,
    );
    expect((await add(dir, 'workflow', 'train')).out).toMatch(/Nothing changed/);
  });
});

describe("a ci.yml of the team's own", () => {
  const ownCi = "# The team's own CI.\nname: CI\non: push\njobs: {}\n";

  it('stays; ml-cicd-ci.yml gets ml-cicd CI, and the next add keeps that name', async () => {
    const dir = repo({ 'train.py': moduleLevel, '.github/workflows/ci.yml': ownCi });
    const { code, out } = await add(dir, 'workflow', 'test');
    expect(code).toBe(0);
    expect(out).toContain(
      "note: .github/workflows/ci.yml is the team's own and stays as it is: ml-cicd's CI is written to .github/workflows/ml-cicd-ci.yml (choose another name with --workflow-file <name>).\n",
    );
    expect(read(dir, '.github/workflows/ci.yml')).toBe(ownCi);
    expect(read(dir, '.github/workflows/ml-cicd-ci.yml')).toContain(
      'uses: ./.github/workflows/checks.yml',
    );
    expect((await add(dir, 'workflow', 'test')).out).toMatch(/Nothing changed/);
  });

  it('--workflow-file names it, and refuses what is not a workflow file name', async () => {
    const dir = repo({ 'train.py': moduleLevel });
    await add(dir, 'workflow', 'test', '--workflow-file', 'ml.yml');
    expect(existsSync(join(dir, '.github/workflows/ml.yml'))).toBe(true);
    expect(existsSync(join(dir, '.github/workflows/ci.yml'))).toBe(false);
    await expect(add(dir, 'workflow', 'test', '--workflow-file', '../ci.yml')).rejects.toThrow(
      '--workflow-file must be a file name in .github/workflows such as ml-cicd-ci.yml, other than checks.yml (got "../ci.yml").',
    );
    await expect(add(dir, 'workflow', 'train', '--workflow-file', 'ml.yml')).rejects.toThrow(
      '--workflow-file applies only to add workflow test.',
    );
  });
});
