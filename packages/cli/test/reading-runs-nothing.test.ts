/**
 * Reading a repository's training script runs none of the repository's code unless asked: not
 * train.py's top-level code, not a `.venv/bin/python` committed in it. `--import` does run the
 * script up to parse_args, and says so. So every repository of the add corpus gives the same
 * outcome whether the interpreter has its packages or not.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { run as add } from '../src/commands/add/index.js';
import { run as validate } from '../src/commands/validate/index.js';
import { assets, read, tempDir, write } from './fixtures.js';
import { moduleLevel, lockedRequirements as locked } from './scripts.js';

/** A train.py whose top-level code, before parsing its flags, leaves RAN beside it. */
const leavesMarker = `from pathlib import Path\nPath(__file__).with_name("RAN").write_text("yes")\n${moduleLevel}`;

function repository(): string {
  const dir = tempDir();
  write(dir, 'train.py', leavesMarker);
  write(dir, 'requirements.txt', locked);
  // An interpreter committed in the repository: running it leaves VENV_RAN.
  write(
    dir,
    '.venv/bin/python',
    `#!/bin/sh\necho yes > "${join(dir, 'VENV_RAN')}"\nexec python3 "$@"\n`,
  );
  chmodSync(join(dir, '.venv/bin/python'), 0o755);
  return dir;
}

async function capture(
  command: typeof validate,
  dir: string,
  ...argv: string[]
): Promise<{ code: number; out: string }> {
  let out = '';
  const io = { out: (t: string) => void (out += t), err: () => {}, color: false, cwd: dir };
  const code = await command(argv, io);
  return { code, out };
}

/** `ml-cicd add workflow train` with more flags, in `dir`. */
const addTrain = (dir: string, ...argv: string[]) =>
  capture((a, io) => add(a, io, assets), dir, 'workflow', 'train', ...argv);

const ran = (dir: string) => ({
  script: existsSync(join(dir, 'RAN')),
  venv: existsSync(join(dir, 'VENV_RAN')),
});

describe('reading the training script', () => {
  it.each([[], ['--dry-run']])(
    'add workflow train %s runs none of the repository',
    async (...argv) => {
      const dir = repository();
      const { code, out } = await addTrain(dir, ...argv);
      expect(code).toBe(0);
      expect(out).toContain(
        'Read 2 flags of train.py statically from its add_argument calls, without running it.',
      );
      expect(ran(dir)).toEqual({ script: false, venv: false });
    },
  );

  it('validate runs none of the repository', async () => {
    const dir = repository();
    await addTrain(dir);
    const { out } = await capture(validate, dir, '--min-severity', 'info');
    expect(out).toMatch(
      /read statically from its source with python3 \(Python [\d.]+\), without running it/,
    );
    expect(ran(dir)).toEqual({ script: false, venv: false });
  });

  it('--import imports the script with python3, says so, and still never runs the committed .venv', async () => {
    const dir = repository();
    const added = await addTrain(dir, '--import');
    expect(added.out).toContain(
      'Read 2 flags of train.py by importing it with python3: its top-level code ran up to parse_args, which was intercepted (nothing trained).',
    );
    expect(ran(dir)).toEqual({ script: true, venv: false });
    const { out } = await capture(validate, dir, '--import', '--min-severity', 'info');
    expect(out).toMatch(/read by importing it \(--import\) with python3/);
    expect(ran(dir).venv).toBe(false);
  });

  it('runs the committed interpreter only when --python names it', async () => {
    const dir = repository();
    await addTrain(dir, '--python', '.venv/bin/python');
    expect(ran(dir)).toEqual({ script: false, venv: true });
  });
});

describe('a default only the running script knows', () => {
  it("is named in a note, never guessed, and the team's own default for it stays", async () => {
    const dir = tempDir();
    write(dir, 'requirements.txt', locked);
    write(
      dir,
      'train.py',
      'import argparse, os\nparser = argparse.ArgumentParser()\nparser.add_argument("--workers", type=int, default=os.cpu_count())\nparser.add_argument("--seed", type=int, default=1)\nargs = parser.parse_args()\n',
    );
    const first = await addTrain(dir);
    expect(first.out).toContain(
      "note: train.py's --workers default (os.cpu_count()) cannot be read without running the script, so the param's default is empty and the script keeps its own when the input is left empty.\n",
    );
    const config = read(dir, 'ml-cicd.yaml');
    expect(config).toContain('  workers:\n    type: string\n    default: ""\n');
    expect(read(dir, '.github/workflows/train.yml')).toContain(
      "${{ inputs.workers != '' && format('--workers={0}', inputs.workers) || '' }}",
    );
    write(
      dir,
      'ml-cicd.yaml',
      config.replace(
        /  workers:\n(    .*\n)+/,
        '  workers:\n    type: integer\n    default: 4\n    description: Worker processes.\n',
      ),
    );
    const second = await addTrain(dir, '--force');
    expect(second.code).toBe(0);
    expect(read(dir, 'ml-cicd.yaml')).toContain('  workers:\n    type: integer\n    default: 4\n');
    expect(read(dir, '.github/workflows/train.yml')).toContain('--workers=${{ inputs.workers }}');
  });
});

describe('an add_argument call that cannot be read', () => {
  it('is named in a note, and the params written for it by hand stay, a switch excepted', async () => {
    const dir = tempDir();
    write(dir, 'requirements.txt', locked);
    write(
      dir,
      'train.py',
      'import argparse\nparser = argparse.ArgumentParser()\nfor flag in ["--alpha"]:\n    parser.add_argument(flag, type=float, default=1.0)\nparser.add_argument("--seed", type=int, default=1)\nargs = parser.parse_args()\n',
    );
    const first = await addTrain(dir);
    expect(first.out).toContain(
      "note: the add_argument call at train.py:4 cannot be read without running the script (its flag name `flag` is not a string literal), so its flag is not a param; add it to ml-cicd.yaml's params by hand, or read the script with --import if you trust its code.\n",
    );
    const params =
      'params:\n  alpha:\n    type: number\n    default: 1\n    description: Alpha.\n  fast:\n    type: boolean\n    default: false\n    description: Fast.\n';
    write(dir, 'ml-cicd.yaml', read(dir, 'ml-cicd.yaml').replace('params:\n', params));
    const second = await addTrain(dir, '--force');
    expect(second.out).toContain(
      'note: params.fast of ml-cicd.yaml is left out: no add_argument call of train.py that could be read adds --fast, and a switch cannot be passed without knowing its action.\n',
    );
    expect(read(dir, 'ml-cicd.yaml')).toContain('  alpha:\n    type: number\n    default: 1\n');
    expect(read(dir, '.github/workflows/train.yml')).toContain('--alpha=${{ inputs.alpha }}');
  });

  it("gives the same ml-cicd.yaml whether the interpreter has the script's packages or not", async () => {
    // A package only one interpreter has, whose list the script takes its choices from.
    const venv = tempDir();
    execFileSync('python3', ['-m', 'venv', '--without-pip', venv]);
    const sitePackages = execFileSync(join(venv, 'bin/python'), [
      '-c',
      'import sysconfig; print(sysconfig.get_paths()["purelib"])',
    ])
      .toString()
      .trim();
    writeFileSync(join(sitePackages, 'archs.py'), 'NAMES = ["small", "large"]\n');
    const script = [
      'import argparse',
      'from archs import NAMES',
      'parser = argparse.ArgumentParser()',
      'parser.add_argument("--arch", choices=NAMES, default="small")',
      'parser.add_argument("--epochs", type=int, default=3)',
      'args = parser.parse_args()',
      '',
    ].join('\n');
    const configs = [];
    for (const python of [[], ['--python', join(venv, 'bin/python')]]) {
      const dir = tempDir();
      write(dir, 'train.py', script);
      write(dir, 'requirements.txt', locked);
      expect((await addTrain(dir, ...python)).code).toBe(0);
      configs.push(parse(read(dir, 'ml-cicd.yaml')));
    }
    expect(configs[1].params).toEqual(configs[0].params);
    expect(Object.keys(configs[0].params)).toEqual(['arch', 'epochs']);
  });
});

/**
 * Writes into site-packages a stub of every package the repository's Python files import that is
 * neither the standard library's nor the repository's own; importing a stub leaves IMPORTED.
 */
const stubPackages = `
import ast, pathlib, sys
root, site, marker = map(pathlib.Path, sys.argv[1:])
own = {path.stem for path in root.rglob("*.py")} | {path.name for path in root.rglob("*") if path.is_dir()}
names = set()
for path in root.rglob("*.py"):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
for name in sorted(names - own - set(sys.stdlib_module_names)):
    (site / name).mkdir()
    (site / name / "__init__.py").write_text(f"open({str(marker)!r}, 'a').write({name!r})\\n")
    print(name)
`;

const corpus = fileURLToPath(new URL('../../../tests/add-corpus/', import.meta.url));
const corpusCases = readdirSync(corpus, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

describe("the add corpus, read with and without each repository's packages", () => {
  it.each(corpusCases)(
    '%s: every add step prints the same, and no package of the repository is imported',
    async (name) => {
      const venv = tempDir();
      execFileSync('python3', ['-m', 'venv', '--without-pip', venv]);
      const python = join(venv, 'bin/python');
      const site = execFileSync(python, [
        '-c',
        'import sysconfig; print(sysconfig.get_paths()["purelib"])',
      ])
        .toString()
        .trim();
      const marker = join(venv, 'IMPORTED');
      const stubbed = execFileSync(python, ['-c', stubPackages, join(corpus, name), site, marker])
        .toString()
        .split('\n')
        .filter(Boolean);
      const { add: steps } = parse(read(join(corpus, name), 'case.yaml')) as {
        add: { args: string[] }[];
      };
      // Each step as the corpus runs it, one after another; --lock would ask PyPI: a dry run.
      const outcomes = [];
      for (const interpreter of [[], ['--python', python]]) {
        // The folder's name is the project's: the same for both.
        const dir = join(tempDir(), name);
        cpSync(join(corpus, name), dir, {
          recursive: true,
          filter: (path) => !path.endsWith('case.yaml'),
        });
        const said = [];
        for (const { args } of steps) {
          const dryRun = args.includes('--lock') ? ['--dry-run'] : [];
          said.push(
            await capture(
              (a, io) => add(a, io, assets),
              dir,
              ...args,
              ...dryRun,
              ...interpreter,
            ).catch((error: Error) => ({ refused: error.message.replace(dir, '<dir>') })),
          );
        }
        const config = join(dir, 'ml-cicd.yaml');
        outcomes.push({ said, config: existsSync(config) ? read(dir, 'ml-cicd.yaml') : undefined });
      }
      expect(outcomes[1], `with ${stubbed.join(', ')}`).toEqual(outcomes[0]);
      expect(stubbed.length).toBeGreaterThan(0);
      expect(existsSync(marker), `add imported one of ${stubbed.join(', ')}`).toBe(false);
    },
  );
});
