/**
 * `ml-cicd add workflow`: fixture repositories with a training script of their own get the
 * workflows, validate clean (ours and the real validators), stay unchanged on a second run, and
 * refuse to clobber a file the team wrote.
 */
import { chmodSync, readdirSync, realpathSync, statSync, symlinkSync } from 'node:fs';
import { delimiter, join, relative } from 'node:path';
import { assertToolsInstalled, formatReport, validateProject } from '@ml-cicd/validators';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { run as runSync } from '../src/commands/sync/index.js';
import { UsageError } from '../src/errors.js';
import { add, assets, printed, read, tempDir, write } from './fixtures.js';
import { runBin } from './run-bin.js';
import { inFunction, moduleLevel, writePackage, lockedRequirements as locked } from './scripts.js';

beforeAll(assertToolsInstalled);

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

/** The files of every fixture: the script, and the locks its workflows install. */
const repoFiles = ['requirements-dev.txt', 'requirements.txt', 'train.py'];

function repo(script: string): string {
  const dir = tempDir();
  write(dir, 'train.py', script);
  write(dir, 'requirements.txt', locked);
  write(dir, 'requirements-dev.txt', locked);
  return dir;
}

const ownCi = "# The team's own CI.\nname: CI\non: push\njobs: {}\n";

describe('ml-cicd add workflow train', () => {
  it('names the requirements that lack an == pin or a --hash, and the command that locks them', async () => {
    const dir = repo(moduleLevel);
    write(dir, 'requirements.in', 'numpy\nscipy\npandas\n');
    write(
      dir,
      'requirements.txt',
      [
        'numpy==2.1.0',
        'scipy>=1.14',
        'pandas==2.2.3 \\',
        `    --hash=sha256:${'0'.repeat(64)}`,
        '',
      ].join('\n'),
    );
    const { code, err } = await add(dir, 'workflow', 'train', '--dry-run');
    expect(code).toBe(0);
    expect(err).toBe(
      'warning: requirements.txt has requirements that lack an == pin or a --hash (numpy==2.1.0, scipy>=1.14), and the workflow installs it with --require-hashes; lock it with --lock, or run: uv pip compile --universal --generate-hashes --python-version 3.10 requirements.in -o requirements.txt\n',
    );
  });

  it.each([
    ['a parser built in a function', inFunction],
    ['a parser at module level', moduleLevel],
  ])('on %s: validates clean, and a second run changes nothing', async (_, script) => {
    const dir = repo(script);
    const first = await add(dir, 'workflow', 'train');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(
      /^Read \d+ flags of train\.py statically from its add_argument calls, without running it\.\n/,
    );
    expect(first.out).toContain('create    .github/workflows/train.yml\n');
    expect(first.err).toBe('');
    expect(await printed(dir)).toEqual([]);
    const report = await validateProject(dir);
    expect(formatReport(report.findings)).toBe('');

    const before = tree(dir);
    const second = await add(dir, 'workflow', 'train');
    expect(second.out).toContain('identical .github/workflows/train.yml\n');
    expect(second.out).toMatch(
      /Nothing changed: every file is already as ml-cicd would write it\.\n$/,
    );
    expect(tree(dir)).toEqual(before);
  });

  it('makes required flags required inputs and checks free text (W21)', async () => {
    const dir = repo(inFunction);
    await add(dir, 'workflow', 'train');
    const train = read(dir, '.github/workflows/train.yml');
    expect(train).toContain(
      '      data:\n        description: The --data flag of train.py.\n        type: string\n        required: true\n',
    );
    expect(train).toContain('VALUE_0: ${{ inputs.data }}');
    expect(read(dir, 'ml-cicd.yaml')).toContain('    pattern: ^[A-Za-z0-9 _./:@=+,-]*$\n');
  });

  it("leaves the team's own workflows byte-identical", async () => {
    const dir = repo(moduleLevel);
    write(dir, '.github/workflows/ci.yml', ownCi);
    expect((await add(dir, 'workflow', 'train')).code).toBe(0);
    expect(read(dir, '.github/workflows/ci.yml')).toBe(ownCi);
  });

  it('refuses a repository that has its own train.yml, listing it and the remedies, writing nothing', async () => {
    const dir = repo(moduleLevel);
    write(dir, '.github/workflows/train.yml', ownCi);
    const before = tree(dir);
    await expect(add(dir, 'workflow', 'train')).rejects.toThrow(
      'Nothing was written: this file exists and differs from what ml-cicd would write:\n  .github/workflows/train.yml\nSee the changes with --dry-run, overwrite them with --force, or move your file aside and run again.',
    );
    expect(tree(dir)).toEqual(before);
    expect((await add(dir, 'workflow', 'train', '--force')).code).toBe(0);
    expect(await printed(dir)).toEqual([]);
  });

  it('prints what it would do and the diff with --dry-run, writing nothing', async () => {
    const dir = repo(moduleLevel);
    const before = tree(dir);
    const { code, out } = await add(dir, 'workflow', 'train', '--dry-run');
    expect(code).toBe(0);
    expect(out).toContain('create    ml-cicd.yaml\n');
    expect(out).toContain('--- /dev/null\n+++ b/ml-cicd.yaml\n');
    expect(out).toMatch(/Dry run: nothing was written\.\n$/);
    expect(tree(dir)).toEqual(before);
  });

  it('refuses a .github link that leaves the repository, and prints nothing of what is there', () => {
    const dir = repo(moduleLevel);
    const outside = tempDir();
    write(outside, 'workflows/ci.yml', '# outside-secret: do-not-print\n');
    symlinkSync(outside, join(dir, '.github'));
    const before = tree(outside);
    for (const flags of [['--dry-run'], []]) {
      const { code, stdout, stderr } = runBin(['add', 'workflow', 'train', ...flags], { cwd: dir });
      expect(code).toBe(1);
      expect(stderr).toBe(
        `.github is a symbolic link to ${realpathSync(outside)}, outside ${dir}: ml-cicd neither reads nor writes through it; replace it with a real folder or file inside the repository.\n`,
      );
      expect(stdout + stderr).not.toContain('do-not-print');
    }
    expect(tree(outside)).toEqual(before);
  });

  it('runs a script elsewhere, or a module, through the train action', async () => {
    const dir = tempDir();
    write(dir, 'requirements.txt', locked);
    write(dir, 'scripts/fit.py', inFunction);
    write(dir, 'trainer/__init__.py', '');
    write(dir, 'trainer/train.py', moduleLevel);
    await add(dir, 'workflow', 'train', '--script', 'scripts/fit.py');
    expect(read(dir, '.github/workflows/train.yml')).toContain(
      '          python-version: "3.12"\n          script: scripts/fit.py\n',
    );
    expect(await printed(dir)).toEqual([]);
    expect(formatReport((await validateProject(dir)).findings)).toBe('');

    await add(dir, 'workflow', 'train', '--module', 'trainer.train', '--force');
    expect(read(dir, '.github/workflows/train.yml')).toContain('          module: trainer.train\n');
    expect(await printed(dir)).toEqual([]);
  });

  it('refuses a --script outside the repository, however it gets there, before writing anything', async () => {
    const outside = tempDir();
    write(outside, 'train.py', moduleLevel);
    const dir = repo(moduleLevel);
    symlinkSync(outside, join(dir, 'elsewhere'));
    for (const [given, how] of [
      [`${relative(dir, outside)}/train.py`, ''],
      [join(outside, 'train.py'), ''],
      ['elsewhere/train.py', ', which leads outside it through a symbolic link'],
    ]) {
      const failure = add(dir, 'workflow', 'train', '--script', given!);
      await expect(failure).rejects.toThrow(
        `--script must be a path inside the repository, such as scripts/train.py (got ${JSON.stringify(given)}${how}).`,
      );
      await expect(failure).rejects.toBeInstanceOf(UsageError);
      expect(readdirSync(dir).sort()).toEqual(['elsewhere', ...repoFiles]);
    }
  });

  it('runs a [project.scripts] function as its module when the module has a __main__ guard', async () => {
    const dir = tempDir();
    writePackage(dir);
    write(dir, 'requirements.txt', locked);
    const { code, out } = await add(dir, 'workflow', 'train');
    expect(code).toBe(0);
    expect(out).toContain(
      'note: the console script train-model (trainer.cli:main) runs as python -m trainer.cli, as src/trainer/cli.py calls it under its __main__ guard.\n',
    );
    expect(read(dir, '.github/workflows/train.yml')).toContain('          module: trainer.cli\n');
  });
});

describe('an ml-cicd.yaml the repository has', () => {
  it("is merged, keeping the team's comments, order, descriptions and answers", async () => {
    const dir = repo(moduleLevel);
    await add(dir, 'workflow', 'test');
    const mine = read(dir, 'ml-cicd.yaml')
      .replace('python: "3.12"\n', 'python: "3.11" # what our cluster runs\n')
      .replace('params:\n', '# Hyperparameters: keep in step with train.py.\nparams:\n')
      .replace('description: The --batch-size flag of train.py.', 'description: Images per step.')
      .replace(
        / {2}model:\n(.*\n)*?(?=metrics:)/,
        '  dropped:\n    type: integer\n    default: 1\n    description: Gone from the script.\n',
      );
    write(dir, 'ml-cicd.yaml', mine);
    expect((await add(dir, 'workflow', 'train')).code).toBe(0);
    const merged = read(dir, 'ml-cicd.yaml');
    expect(merged).toContain('python: "3.11" # what our cluster runs\n');
    expect(merged).toContain('# Hyperparameters: keep in step with train.py.\nparams:\n');
    expect(merged).toContain('description: Images per step.');
    // The params ml-cicd.yaml lists are the team's choice: a flag it removed stays out.
    expect(merged).not.toContain('  model:');
    expect(merged).not.toContain('dropped');
    expect(read(dir, '.github/workflows/train.yml')).toContain('python-version: "3.11"');
    expect(read(dir, '.github/workflows/train.yml')).toContain('description: Images per step.');
    expect(await printed(dir)).toEqual([]);
    expect((await add(dir, 'workflow', 'train')).out).toMatch(/Nothing changed/);
  });

  it("keeps the team's description as one inert line, so train.yml never evaluates it", async () => {
    const dir = repo(moduleLevel);
    await add(dir, 'workflow', 'test');
    const mine = read(dir, 'ml-cicd.yaml').replace(
      'description: The --batch-size flag of train.py.',
      'description: "Images ${{ secrets.TOKEN }}\\nper step."',
    );
    write(dir, 'ml-cicd.yaml', mine);
    expect((await add(dir, 'workflow', 'train')).code).toBe(0);
    expect(read(dir, 'ml-cicd.yaml')).toContain(
      'description: Images $ {{ secrets.TOKEN }} per step.',
    );
    expect(read(dir, '.github/workflows/train.yml')).toContain(
      'description: Images $ {{ secrets.TOKEN }} per step.',
    );
    expect(await printed(dir)).toEqual([]);
  });

  it('keeps the runner it records: train.yml runs where ml-cicd.yaml says', async () => {
    const dir = repo(moduleLevel);
    write(dir, 'ml-cicd.yaml', 'runner:\n  kind: self-hosted\n  timeout-minutes: 90\n');
    expect((await add(dir, 'workflow', 'train')).code).toBe(0);
    expect(read(dir, '.github/workflows/train.yml')).toContain('runs-on:\n      - self-hosted\n');
    expect(await printed(dir)).toEqual([]);
  });
});

describe('a dependabot.yml the repository has', () => {
  const npmOnly =
    '# Ours: weekly.\nversion: 2\nupdates:\n  - package-ecosystem: npm # the docs site\n    directory: /docs\n    schedule:\n      interval: weekly\n    cooldown:\n      default-days: 7\n';

  it("gets the ecosystems it lacks, keeping the team's entries and comments", async () => {
    const dir = repo(moduleLevel);
    write(dir, '.github/dependabot.yml', npmOnly);
    expect((await add(dir, 'workflow', 'train')).code).toBe(0);
    const merged = read(dir, '.github/dependabot.yml');
    expect(merged.startsWith(npmOnly)).toBe(true);
    expect(merged).toContain('  - package-ecosystem: pip\n    directory: /\n');
    expect(merged).toContain('  - package-ecosystem: github-actions\n');
    expect(formatReport((await validateProject(dir)).findings)).toBe('');
    expect((await add(dir, 'workflow', 'train')).out).toMatch(/Nothing changed/);
  });

  it('leaves an ecosystem the team covers to the team, with a note on missing folders', async () => {
    const dir = repo(moduleLevel);
    const own =
      'version: 2\nupdates:\n  - package-ecosystem: pip\n    directory: /\n    schedule:\n      interval: daily\n  - package-ecosystem: github-actions\n    directory: /\n    schedule:\n      interval: daily\n';
    write(dir, '.github/dependabot.yml', own);
    const { out } = await add(dir, 'workflow', 'train');
    expect(out).toContain(
      'note: .github/dependabot.yml already updates github-actions; add /.github/actions/* to its directories so Dependabot updates the pins there too.\n',
    );
    expect(out).toContain('identical .github/dependabot.yml\n');
    expect(read(dir, '.github/dependabot.yml')).toBe(own);
  });
});

describe('--lock', () => {
  it('locks requirements.in with uv when the lock is missing', async () => {
    const dir = tempDir();
    write(dir, 'train.py', moduleLevel);
    write(dir, 'requirements.in', 'numpy\n');
    const bin = tempDir();
    write(
      bin,
      'uv',
      '#!/bin/sh\necho "$@" > uv-args\nprintf "numpy==2.0.0 \\\\\\n    --hash=sha256:00\\n" > requirements.txt\n',
    );
    chmodSync(join(bin, 'uv'), 0o755);
    const path = process.env.PATH;
    process.env.PATH = `${bin}${delimiter}${path}`;
    try {
      const { out, err } = await add(dir, 'workflow', 'train', '--lock');
      expect(out).toContain(
        'Locked requirements.txt from requirements.in with: uv pip compile --universal --generate-hashes --python-version 3.10 requirements.in -o requirements.txt\n',
      );
      expect(err).toBe('');
    } finally {
      process.env.PATH = path;
    }
    expect(read(dir, 'uv-args')).toBe(
      'pip compile --universal --generate-hashes --python-version 3.10 requirements.in -o requirements.txt\n',
    );
  });

  it('needs something to lock, and says so before writing anything', async () => {
    const dir = tempDir();
    write(dir, 'train.py', moduleLevel);
    await expect(add(dir, 'workflow', 'train', '--lock')).rejects.toThrow(
      '--lock needs the direct dependencies to lock: requirements.in, an unpinned requirements.txt, [project] dependencies in pyproject.toml, or a conda environment.yml; write one, then run this again (nothing was written).',
    );
    expect(readdirSync(dir)).toEqual(['train.py']);
  });
});

describe('ml-cicd add workflow test', () => {
  it("adds CI beside the train workflow, and beside a ci.yml of the team's", async () => {
    const dir = repo(inFunction);
    await add(dir, 'workflow', 'train');
    expect((await add(dir, 'workflow', 'test')).code).toBe(0);
    expect(await printed(dir)).toEqual([]);
    expect(formatReport((await validateProject(dir)).findings)).toBe('');
    expect(JSON.parse(read(dir, '.ml-cicd/manifest.json')).files).toHaveProperty([
      '.github/workflows/train.yml',
    ]);

    const own = repo(inFunction);
    write(own, '.github/workflows/ci.yml', ownCi);
    expect((await add(own, 'workflow', 'test')).out).toContain(
      'create    .github/workflows/ml-cicd-ci.yml\n',
    );
    expect(read(own, '.github/workflows/ci.yml')).toBe(ownCi);
  });
});

describe('ml-cicd add workflow report', () => {
  const reportFiles = [
    '.github/workflows/report.yml',
    '.github/actions/train/action.yml',
    '.github/actions/report/action.yml',
    '.github/actions/report/dist/index.js',
    '.github/actions/report/dist/package.json',
  ];

  it('adds the report and the actions it runs, validates clean, and a second run changes nothing', async () => {
    const dir = repo(moduleLevel);
    const first = await add(dir, 'workflow', 'report');
    expect(first.code).toBe(0);
    for (const path of reportFiles) expect(first.out).toContain(`create    ${path}\n`);
    expect(first.err).toBe('');
    expect(read(dir, '.github/actions/report/dist/index.js')).toBe(
      read(join(assets.workflowsDir, 'actions/report'), 'dist/index.js'),
    );
    // A team's script may write no params.json: the report asks only for its metrics.
    expect(read(dir, '.github/workflows/report.yml')).not.toContain('params:');
    expect(await printed(dir)).toEqual([]);
    const report = await validateProject(dir);
    expect(formatReport(report.findings)).toBe('');
    expect(formatReport(report.pedantic)).toBe('');

    const before = tree(dir);
    const second = await add(dir, 'workflow', 'report');
    expect(second.out).toMatch(
      /Nothing changed: every file is already as ml-cicd would write it\.\n$/,
    );
    expect(tree(dir)).toEqual(before);
  });

  it('shares the train action with add workflow train, in either order', async () => {
    const dir = repo(moduleLevel);
    await add(dir, 'workflow', 'train');
    const { out } = await add(dir, 'workflow', 'report');
    expect(out).toContain('identical .github/actions/train/action.yml\n');
    expect(out).toContain('create    .github/workflows/report.yml\n');
    expect(JSON.parse(read(dir, '.ml-cicd/manifest.json')).files).toHaveProperty([
      '.github/workflows/train.yml',
    ]);
    expect(await printed(dir)).toEqual([]);
  });

  it('trains with the default of a required flag that ml-cicd.yaml gives, and refuses before writing when it has none', async () => {
    const dir = repo(inFunction);
    const before = tree(dir);
    await expect(add(dir, 'workflow', 'report')).rejects.toThrow(
      'report.yml trains on its own with each required param at its default, and params.data has none, so its first run would fail; nothing was written: run ml-cicd add workflow train, which lists the params in ml-cicd.yaml, set a default for each there and run ml-cicd sync (or give the report its own arguments under report.args), then run ml-cicd add workflow report again.',
    );
    expect(tree(dir)).toEqual(before);
    await add(dir, 'workflow', 'train');
    await expect(add(dir, 'workflow', 'retrain')).rejects.toThrow(
      'and params.data has none, so its first run would fail; nothing was written: set a default for each in ml-cicd.yaml and run ml-cicd sync, then run ml-cicd add workflow retrain again.',
    );
    write(
      dir,
      'ml-cicd.yaml',
      read(dir, 'ml-cicd.yaml').replace('default: ""', 'default: data/train.csv'),
    );
    expect(
      await runSync([dir], { out: () => {}, err: () => {}, color: false, cwd: dir }, assets),
    ).toBe(0);
    const again = await add(dir, 'workflow', 'report');
    expect(again.code).toBe(0);
    expect(read(dir, '.github/workflows/report.yml')).toContain(
      'args: |\n            --data=data/train.csv\n',
    );
    expect(read(dir, 'ml-cicd.yaml')).toContain('default: data/train.csv');
    expect(await printed(dir)).toEqual([]);
  });

  it("refuses to overwrite the team's own report.yml, and writes nothing with --dry-run", async () => {
    const dir = repo(moduleLevel);
    write(dir, '.github/workflows/report.yml', ownCi);
    const before = tree(dir);
    await expect(add(dir, 'workflow', 'report')).rejects.toThrow(
      'Nothing was written: this file exists and differs from what ml-cicd would write:\n  .github/workflows/report.yml\n',
    );
    const { out } = await add(dir, 'workflow', 'report', '--dry-run');
    expect(out).toContain('+++ b/.github/workflows/report.yml\n');
    expect(tree(dir)).toEqual(before);
  });
});

describe('ml-cicd add', () => {
  it('refuses a kind that does not exist, naming those that do', async () => {
    await expect(add(tempDir(), 'workflow', 'deploy')).rejects.toThrow(
      'ml-cicd add workflow deploy does not exist: the kinds are train, test, dvc, retrain, report, hosted, self-hosted, ec2, arc.',
    );
  });

  it.each([
    [
      ['retrain', '--schedule', 'daily'],
      '--schedule must be one of monthly, weekly (got "daily").',
    ],
    [['train', '--schedule', 'weekly'], '--schedule applies only to add workflow retrain.'],
    [
      ['self-hosted', '--arc-scale-set', 'gpu'],
      '--arc-scale-set applies only to add workflow arc, or to a repository whose ml-cicd.yaml already has that runner.',
    ],
    [
      ['train', '--dvc-outs', 'model.pkl'],
      '--dvc-deps and --dvc-outs apply only to add workflow dvc.',
    ],
    [['dvc', '--dvc-outs', '../model.pkl'], '--dvc-outs must be a path inside the repository'],
  ])('refuses %j before reading the script, with exit code 2', async (argv, message) => {
    const dir = repo(moduleLevel);
    const failure = add(dir, 'workflow', ...argv);
    await expect(failure).rejects.toThrow(message);
    await expect(failure).rejects.toBeInstanceOf(UsageError);
    expect(readdirSync(dir).sort()).toEqual(repoFiles);
  });
});

describe('ml-cicd add workflow retrain', () => {
  it('trains on a schedule and files gate breaks as one issue, validates clean, and a second run changes nothing', async () => {
    const dir = repo(moduleLevel);
    const gates = 'metrics:\n  gates:\n    - metric: accuracy\n      min: 0.8\n';
    write(dir, 'ml-cicd.yaml', gates);
    const first = await add(dir, 'workflow', 'retrain', '--schedule', 'weekly');
    expect(first.code).toBe(0);
    for (const path of ['.github/workflows/retrain.yml', '.github/actions/report/dist/index.js']) {
      expect(first.out).toContain(`create    ${path}\n`);
    }
    const retrain = read(dir, '.github/workflows/retrain.yml');
    expect(retrain).toContain('    - cron: 37 4 * * 1\n');
    // The team's gate, in the report action's grammar, against the latest release's metrics.
    expect(retrain).toContain('gates: |\n            accuracy: "value >= 0.8"\n');
    expect(retrain).toContain('baseline: released/metrics.json\n');
    expect(retrain).toContain(
      'gh issue create --title "The model trained on current data misses a gate"',
    );
    expect(await printed(dir)).toEqual([]);
    const report = await validateProject(dir);
    expect(formatReport(report.findings)).toBe('');
    expect(formatReport(report.pedantic)).toBe('');
    const before = tree(dir);
    expect((await add(dir, 'workflow', 'retrain')).out).toMatch(/Nothing changed/);
    expect(tree(dir)).toEqual(before);
  });
});

describe('ml-cicd add workflow dvc', () => {
  it('runs the script in one stage with the values of params.yaml, in a workflow of its own, validating clean', async () => {
    const dir = repo(inFunction);
    // ml-cicd.yaml with every flag as a param, then the default the required --data lacks.
    await add(dir, 'workflow', 'test');
    write(
      dir,
      'ml-cicd.yaml',
      read(dir, 'ml-cicd.yaml').replace('default: ""', 'default: data/raw.csv'),
    );
    const argv = ['workflow', 'dvc', '--dvc-deps', 'data/raw.csv', '--dvc-outs', 'models'];
    const first = await add(dir, ...argv);
    expect(first.code).toBe(0);
    expect(read(dir, 'dvc.yaml')).toContain(
      'cmd: python train.py "--data=${data}" --epochs ${epochs} --lr ${lr} "--optimizer=${optimizer}"\n    deps:\n      - train.py\n      - data/raw.csv\n',
    );
    expect(read(dir, 'params.yaml')).toContain('data: data/raw.csv\nepochs: 10\n');
    for (const flag of ['augment', 'no-shuffle', 'amp']) {
      expect(first.out).toContain(`note: dvc.yaml does not pass --${flag}:`);
    }
    expect(first.err).toContain(
      'warning: requirements.txt has no dvc, and the DVC workflow runs dvc from it; add dvc[s3]==',
    );
    // The DVC jobs have a workflow of their own: CI stays the team's.
    expect(first.out).not.toContain('.github/workflows/ci.yml');
    expect(read(dir, '.github/workflows/dvc.yml')).toContain('      - dvc\n');
    expect(read(dir, 'ml-cicd.yaml')).toContain('data:\n  kind: dvc\n');
    expect(await printed(dir)).toEqual([]);
    const report = await validateProject(dir);
    expect(formatReport(report.findings)).toBe('');
    expect(formatReport(report.pedantic)).toBe('');
    const again = await add(dir, ...argv);
    expect(again.out).toMatch(/Nothing changed/);
  });

  it("keeps the repository's own .dvc/config", async () => {
    const dir = repo(moduleLevel);
    const own = '[core]\n    remote = team\n[\'remote "team"\']\n    url = s3://team-bucket/dvc\n';
    write(dir, '.dvc/config', own);
    const { out } = await add(dir, 'workflow', 'dvc');
    expect(out).toContain('note: .dvc/config is kept as it is: the repository has its own.\n');
    expect(read(dir, '.dvc/config')).toBe(own);
    // ml-cicd.yaml and the DVC jobs' credentials are for the remote DVC uses.
    expect(read(dir, 'ml-cicd.yaml')).toContain(
      'remote:\n    kind: s3\n    url: s3://team-bucket/dvc\n',
    );
  });

  it("records the kind of the repository's own remote, and says when the DVC jobs cannot reach it", async () => {
    const gs = repo(moduleLevel);
    write(
      gs,
      '.dvc/config',
      '[core]\n    remote = store\n[\'remote "store"\']\n    url = gs://team/dvc\n',
    );
    await add(gs, 'workflow', 'dvc');
    expect(read(gs, 'ml-cicd.yaml')).toContain('remote:\n    kind: gs\n    url: gs://team/dvc\n');
    expect(read(gs, '.github/workflows/dvc.yml')).toContain('GOOGLE_APPLICATION_CREDENTIALS');

    // A public server over HTTPS, as DVC's own example repositories have: pulled, never pushed.
    const http = repo(moduleLevel);
    write(
      http,
      '.dvc/config',
      '[core]\n    remote = pub\n[remote "pub"]\n    url = https://example.org/dvc\n',
    );
    const added = await add(http, 'workflow', 'dvc');
    expect(added.out).not.toContain("note: .dvc/config's default remote");
    expect(read(http, 'ml-cicd.yaml')).toContain(
      'remote:\n    kind: http\n    url: https://example.org/dvc\n',
    );
    expect(Object.keys(parse(read(http, 'ml-cicd.yaml')).environments)).toEqual(['training']);
    const workflow = parse(read(http, '.github/workflows/dvc.yml'));
    expect(Object.keys(workflow.jobs)).toEqual(['dvc']);
    expect(workflow.jobs.dvc.environment).toBeUndefined();
    const pull = workflow.jobs.dvc.steps.find((step: { run?: string }) =>
      step.run?.includes('dvc pull'),
    );
    expect(pull).toMatchObject({ name: 'Pull data and models', run: 'dvc pull --allow-missing\n' });
    expect(pull.if).toBeUndefined();
    expect(formatReport((await validateProject(http)).findings)).toBe('');

    const webdav = repo(moduleLevel);
    write(
      webdav,
      '.dvc/config',
      '[core]\n    remote = dav\n[remote "dav"]\n    url = webdavs://example.org/dvc\n',
    );
    const { out } = await add(webdav, 'workflow', 'dvc');
    expect(out).toContain(
      "note: .dvc/config's default remote webdavs://example.org/dvc is of none of the kinds ml-cicd knows (s3, gs, azure, ssh, local, dagshub, http), so the DVC workflow cannot reach it",
    );

    // A server that asks for credentials is not a public one, whatever its scheme.
    const guarded = repo(moduleLevel);
    write(
      guarded,
      '.dvc/config',
      '[core]\n    remote = team\n[\'remote "team"\']\n    url = https://files.example.org/dvc\n    auth = basic\n    user = ci\n',
    );
    const refused = await add(guarded, 'workflow', 'dvc');
    expect(refused.out).toContain(
      "note: .dvc/config's default remote https://files.example.org/dvc sets auth, user: a server that asks for credentials,",
    );
    expect(read(guarded, 'ml-cicd.yaml')).not.toContain('kind: http');
  });
});

describe('the runner kinds', () => {
  it.each([
    [
      'arc',
      ['--arc-scale-set', 'gpu-pool'],
      ['infra/arc/values.yaml', 'infra/arc/README.md'],
      'runs-on: gpu-pool\n',
    ],
    [
      'self-hosted',
      ['--runner-labels', 'gpu,linux'],
      [],
      '      - self-hosted\n      - gpu\n      - linux\n',
    ],
    ['hosted', [], [], 'runs-on: ubuntu-24.04\n'],
  ])(
    'add workflow %s writes train.yml for it and its own files, validating clean',
    async (kind, flags, own, runsOn) => {
      const dir = repo(moduleLevel);
      const { out } = await add(dir, 'workflow', kind, ...flags);
      for (const path of ['.github/workflows/train.yml', ...own]) {
        expect(out).toContain(`create    ${path}\n`);
      }
      expect(read(dir, '.github/workflows/train.yml')).toContain(runsOn);
      expect(read(dir, 'ml-cicd.yaml')).toContain(`runner:\n  kind: ${kind}\n`);
      expect(await printed(dir)).toEqual([]);
      const report = await validateProject(dir);
      expect(formatReport(report.findings)).toBe('');
      expect(formatReport(report.pedantic)).toBe('');
    },
  );

  it('adds the settings a runner reads to the environment an earlier kind made', async () => {
    const dir = repo(moduleLevel);
    const first = await add(dir, 'workflow', 'retrain');
    expect(first.out).toContain('note: ml-cicd.yaml has no metrics.gates, so retrain.yml');
    await add(dir, 'workflow', 'ec2');
    expect(read(dir, 'ml-cicd.yaml')).toMatch(
      /training:\n(.*\n)*? {4}secrets:\n {6}- RUNNER_APP_PRIVATE_KEY\n {4}variables:\n {6}- AWS_ROLE_ARN\n {6}- AWS_REGION\n/,
    );
    expect(read(dir, 'ml-cicd.yaml')).toMatch(
      /runner-cleanup:\n(.*\n)*? {4}variables:\n {6}- AWS_STOP_ROLE_ARN\n {6}- AWS_REGION\n/,
    );
    expect(await printed(dir)).toEqual([]);
  });

  it('moves train.yml to another runner when nobody edited it, and refuses when the team did', async () => {
    const dir = repo(moduleLevel);
    await add(dir, 'workflow', 'arc');
    const moved = await add(dir, 'workflow', 'self-hosted');
    expect(moved.out).toContain('overwrite .github/workflows/train.yml\n');
    expect(read(dir, 'ml-cicd.yaml')).toContain('runner:\n  kind: self-hosted\n');
    // The recorded runner carries over to the next kind.
    await add(dir, 'workflow', 'train');
    expect(read(dir, '.github/workflows/train.yml')).toContain('      - self-hosted\n');
    write(
      dir,
      '.github/workflows/train.yml',
      `${read(dir, '.github/workflows/train.yml')}# ours\n`,
    );
    await expect(add(dir, 'workflow', 'arc')).rejects.toThrow(
      'Nothing was written: this file exists and differs from what ml-cicd would write:\n  .github/workflows/train.yml\n',
    );
  });
});

describe('the ml-cicd bin', () => {
  it('adds from its bundled templates, then exits 1 on a conflict with one message and no stack', () => {
    const dir = repo(moduleLevel);
    const added = runBin(['add', 'workflow', 'train'], { cwd: dir });
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('create    .github/actions/train/action.yml\n');
    write(dir, '.github/workflows/train.yml', ownCi);
    const refused = runBin(['add', 'workflow', 'train', dir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^Nothing was written: this file exists .*\n  \.github\/workflows\/train\.yml\n/,
    );
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(runBin(['add', 'pipeline']).code).toBe(2);
  });
});

describe('the actionlint and zizmor settings the repository has', () => {
  const zizmor =
    '# Ours.\nrules:\n  # Reviewed.\n  unpinned-uses:\n    config:\n      policies:\n        "*": hash-pin\n';
  const actionlint =
    '# Ours.\nself-hosted-runner:\n  labels: [team-box] # the GPU box\npaths:\n  .github/workflows/**/*.yml:\n    ignore: [SC2086]\n';

  it("get what the workflows need, keeping the team's keys, values, order and comments", async () => {
    const dir = repo(moduleLevel);
    write(dir, '.github/zizmor.yml', zizmor);
    write(dir, '.github/actionlint.yaml', actionlint);
    const { code, out } = await add(dir, 'workflow', 'train');
    expect(code).toBe(0);
    expect(read(dir, '.github/zizmor.yml')).toBe(
      `${zizmor}  self-repository:\n    disable: true\n`,
    );
    // Nothing to add: no custom label, and no vars check the team had not asked for.
    expect(out).toContain('identical .github/actionlint.yaml\n');
    expect(formatReport((await validateProject(dir)).findings)).toBe('');
    expect((await add(dir, 'workflow', 'train')).out).toMatch(/Nothing changed/);
  });

  it('keep a value the team set otherwise, saying so', async () => {
    const dir = repo(moduleLevel);
    const own = 'rules:\n  self-repository:\n    disable: false\n';
    write(dir, '.github/zizmor.yml', own);
    const { out } = await add(dir, 'workflow', 'train');
    expect(out).toContain(
      "note: .github/zizmor.yml keeps its rules.self-repository.disable (ml-cicd's workflows are checked with true); the validators may report on them.\n",
    );
    expect(read(dir, '.github/zizmor.yml')).toBe(own);
  });

  it('keep CRLF line endings, as ml-cicd.yaml does, and a second run changes nothing', async () => {
    const dir = repo(moduleLevel);
    write(dir, '.github/zizmor.yml', zizmor.replaceAll('\n', '\r\n'));
    write(dir, 'ml-cicd.yaml', '# Ours.\r\nproject:\r\n  name: crlf-demo\r\n');
    expect((await add(dir, 'workflow', 'train')).code).toBe(0);
    for (const path of ['.github/zizmor.yml', 'ml-cicd.yaml']) {
      const text = read(dir, path);
      expect(text, path).toMatch(/\r\n$/);
      expect(/(?<!\r)\n/.test(text), `${path} has a bare LF`).toBe(false);
    }
    expect(read(dir, '.github/zizmor.yml')).toContain('self-repository:\r\n    disable: true');
    expect(read(dir, 'ml-cicd.yaml')).toContain('name: crlf-demo\r\n');
    const again = await add(dir, 'workflow', 'train');
    expect(again.out).toMatch(/Nothing changed/);
  });

  it('refuse a file that is not a mapping, naming it and the remedy', async () => {
    const dir = repo(moduleLevel);
    write(dir, '.github/actionlint.yaml', '- gpu\n');
    await expect(add(dir, 'workflow', 'train')).rejects.toThrow(
      '.github/actionlint.yaml is not valid YAML with keys and values; fix it or move it aside, then run this again.',
    );
  });
});

describe('--metrics-file', () => {
  it('records where the script writes its metrics, for the train action, and keeps it', async () => {
    const dir = repo(moduleLevel);
    const first = await add(dir, 'workflow', 'train', '--metrics-file', './results/metrics.json');
    expect(first.code).toBe(0);
    expect(read(dir, 'ml-cicd.yaml')).toContain('  file: results/metrics.json\n');
    expect(read(dir, '.github/workflows/train.yml')).toContain(
      '          metrics-file: results/metrics.json\n',
    );
    expect(formatReport((await validateProject(dir)).findings)).toBe('');
    expect((await add(dir, 'workflow', 'train')).out).toMatch(/Nothing changed/);
  });

  it('refuses a path outside the repository with exit code 2', async () => {
    const { code, stderr } = runBin(['add', 'workflow', 'train', '--metrics-file', '../m.json'], {
      cwd: repo(moduleLevel),
    });
    expect(stderr).toBe(
      '--metrics-file must be a path inside the repository, such as results/metrics.json (got "../m.json").\n',
    );
    expect(code).toBe(2);
  });
});
