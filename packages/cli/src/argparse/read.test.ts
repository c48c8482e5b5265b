import { chmodSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, write } from '../../test/fixtures.js';
import {
  dynamicFlags,
  inFunction,
  missingDependency,
  moduleLevel,
  neverParses,
  packageCli,
  writePackage,
} from '../../test/scripts.js';
import { findEntryPoint } from './entry-point.js';
import { readArgparse, type ReadOptions } from './read.js';
import type { ArgparseReading, EntryPoint, ScriptFlag } from './types.js';

async function read(
  dir: string,
  entry: EntryPoint,
  options: ReadOptions = {},
): Promise<ArgparseReading> {
  const outcome = await readArgparse(dir, entry, options);
  if (outcome.status !== 'read') throw new Error(JSON.stringify(outcome));
  expect(existsSync(join(dir, 'TRAINED')), 'the script trained').toBe(false);
  expect(existsSync(join(dir, 'src/trainer/TRAINED')), 'the script trained').toBe(false);
  return outcome.reading;
}

/** What both methods must agree on. */
const essentials = ({
  optionStrings,
  action,
  kind,
  default: value,
  choices,
  required,
  help,
}: ScriptFlag) => ({ optionStrings, action, kind, default: value, choices, required, help });

function script(source: string): string {
  const dir = tempDir();
  write(dir, 'train.py', source);
  return dir;
}

const trainPy: EntryPoint = { kind: 'script', path: 'train.py' };
const importing: ReadOptions = { import: true };

/** A train.py whose top-level code, before parsing, leaves RAN beside it. */
const runsAtImport = `from pathlib import Path
Path(__file__).with_name("RAN").write_text("yes")
${moduleLevel}`;

describe('readArgparse', () => {
  it('reads statically by default: none of the script runs, and says nothing of an import', async () => {
    const dir = script(runsAtImport);
    const reading = await read(dir, trainPy);
    expect(existsSync(join(dir, 'RAN')), "the script's top-level code ran").toBe(false);
    expect(reading.method).toBe('static');
    expect(reading.importError).toBeUndefined();
    expect(reading.flags.map((flag) => flag.optionStrings[0])).toEqual(['--batch-size', '--model']);
  });

  it('imports the script with --import, running its top-level code up to parse_args', async () => {
    const dir = script(runsAtImport);
    const reading = await read(dir, trainPy, importing);
    expect(reading.method).toBe('import');
    expect(existsSync(join(dir, 'RAN'))).toBe(true);
  });

  it.each([[{}], [importing]])(
    'never runs a .venv/bin/python committed in the repository (%o)',
    async (options) => {
      const dir = script(moduleLevel);
      const venvPython = join(dir, '.venv/bin/python');
      write(
        dir,
        '.venv/bin/python',
        `#!/bin/sh
echo yes > "${join(dir, 'VENV_RAN')}"
exec python3 "$@"
`,
      );
      chmodSync(venvPython, 0o755);
      const reading = await read(dir, trainPy, options);
      expect(existsSync(join(dir, 'VENV_RAN')), 'the committed interpreter ran').toBe(false);
      expect(reading.python.command).toBe('python3');
      // Named with --python, it is the caller's choice.
      await read(dir, trainPy, { ...options, python: venvPython });
      expect(existsSync(join(dir, 'VENV_RAN'))).toBe(true);
    },
  );

  it('records a value computed when the script runs with its code, never a guess', async () => {
    const dir = script(`import argparse, os
CHOICES = sorted(os.listdir("."))
parser = argparse.ArgumentParser()
parser.add_argument("--workers", type=int, default=os.cpu_count())
parser.add_argument("--data", choices=CHOICES)
parser.add_argument("--huge", type=int, default=123456789012345678901234567890)
parser.add_argument("--inf", type=float, default=1e999)
parser.add_argument("--token", help=os.environ.get("HELP", "x"), required=bool(os.environ.get("R")))
args = parser.parse_args()
`);
    const reading = await read(dir, trainPy);
    expect(
      reading.flags.map(({ optionStrings, defaultKnown, choices, help, unread }) => ({
        name: optionStrings[0],
        defaultKnown,
        choices,
        help,
        unread,
      })),
    ).toEqual([
      {
        name: '--workers',
        defaultKnown: false,
        choices: null,
        help: null,
        unread: { default: 'os.cpu_count()' },
      },
      {
        name: '--data',
        defaultKnown: true,
        choices: null,
        help: null,
        unread: { choices: 'CHOICES' },
      },
      {
        name: '--huge',
        defaultKnown: false,
        choices: null,
        help: null,
        unread: { default: '123456789012345678901234567890' },
      },
      {
        name: '--inf',
        defaultKnown: false,
        choices: null,
        help: null,
        unread: { default: '1e309' },
      },
      {
        name: '--token',
        defaultKnown: true,
        choices: null,
        help: null,
        unread: { required: "bool(os.environ.get('R'))" },
      },
    ]);
  });

  it('reads range choices, Path defaults, str2bool converters, counts, nargs and exclusive groups, the same statically and by import', async () => {
    const dir = script(`import argparse
from pathlib import Path
from helpers import str2bool

ARCHS = {"vit", "resnet", "mlp"}


def to_bool(text):
    if isinstance(text, bool):
        return text
    if text.lower() in ("yes", "true", "t", "1"):
        return True
    elif text.lower() in ("no", "false", "f", "0"):
        return False
    raise argparse.ArgumentTypeError("Boolean value expected.")


parser = argparse.ArgumentParser()
parser.add_argument("--level", type=int, choices=range(1, 5), default=1)
parser.add_argument("--arch", choices=ARCHS, default="vit")
parser.add_argument("--out", type=Path, default=Path("runs") / "exp")
parser.add_argument("--pretrained", type=to_bool, default="False")
parser.add_argument("--cuda", type=str2bool, default=True)
parser.add_argument("--buggy", type=bool, default=False)
parser.add_argument("-v", "--verbose", action="count")
parser.add_argument("--layers", type=int, nargs="+", default=[64, 32])
parser.add_argument("data", nargs="?")
group = parser.add_mutually_exclusive_group()
group.add_argument("--cpu", action="store_true")
group.add_argument("--gpu", action="store_true")
args = parser.parse_args()
`);
    write(
      dir,
      'helpers.py',
      'def str2bool(v):\n    return v.lower() in ("yes", "true", "t", "1")\n',
    );
    const statically = await read(dir, trainPy);
    const imported = await read(dir, trainPy, importing);
    expect(imported.method).toBe('import');
    const shape = ({
      optionStrings,
      kind,
      default: value,
      defaultKnown,
      choices,
      nargs,
      boolText,
      exclusiveGroup,
    }: ScriptFlag) => ({
      option: optionStrings.at(-1),
      kind,
      default: value,
      defaultKnown,
      choices,
      nargs,
      boolText,
      exclusive: exclusiveGroup !== undefined,
    });
    const expected = [
      { option: '--level', kind: 'int', default: 1, choices: [1, 2, 3, 4] },
      { option: '--arch', kind: 'str', default: 'vit', choices: ['mlp', 'resnet', 'vit'] },
      { option: '--out', kind: null, default: 'runs/exp' },
      {
        option: '--pretrained',
        kind: 'bool',
        default: false,
        boolText: { true: 'true', false: 'false' },
      },
      { option: '--cuda', kind: 'bool', default: true, boolText: { true: 'true', false: 'false' } },
      { option: '--buggy', kind: 'bool', default: false, boolText: { true: 'true', false: '' } },
      { option: '--verbose', kind: 'int', default: null },
      { option: '--layers', kind: 'int', default: [64, 32], nargs: '+' },
      { option: 'data', kind: 'str', default: null, nargs: '?' },
      { option: '--cpu', kind: 'bool', default: false, exclusive: true },
      { option: '--gpu', kind: 'bool', default: false, exclusive: true },
    ].map((fields) => ({
      defaultKnown: true,
      choices: null,
      nargs: undefined,
      boolText: undefined,
      exclusive: false,
      ...fields,
    }));
    expect(statically.flags.map(shape)).toEqual(expected);
    expect(imported.flags.map(shape)).toEqual(expected);
    const [cpu, gpu] = statically.flags.slice(-2);
    expect(cpu?.exclusiveGroup).toBe(gpu?.exclusiveGroup);
  });

  it('reads a parser built in a function by importing the script, without training', async () => {
    const reading = await read(script(inFunction), trainPy, importing);
    expect(reading.method).toBe('import');
    expect(reading.flags.map(essentials)).toEqual([
      {
        optionStrings: ['--epochs'],
        action: 'store',
        kind: 'int',
        default: 10,
        choices: null,
        required: false,
        help: 'Number of epochs.',
      },
      {
        optionStrings: ['--lr'],
        action: 'store',
        kind: 'float',
        default: 0.01,
        choices: null,
        required: false,
        help: 'Learning rate.',
      },
      {
        optionStrings: ['--optimizer'],
        action: 'store',
        kind: 'str',
        default: 'adam',
        choices: ['adam', 'sgd'],
        required: false,
        help: null,
      },
      {
        optionStrings: ['--augment'],
        action: 'store_true',
        kind: 'bool',
        default: false,
        choices: null,
        required: false,
        help: 'Augment the data.',
      },
      {
        optionStrings: ['-S', '--no-shuffle'],
        action: 'store_false',
        kind: 'bool',
        default: true,
        choices: null,
        required: false,
        help: null,
      },
      {
        optionStrings: ['--data'],
        action: 'store',
        kind: 'str',
        default: null,
        choices: null,
        required: true,
        help: null,
      },
      {
        optionStrings: ['--amp', '--no-amp'],
        action: 'BooleanOptionalAction',
        kind: 'bool',
        default: true,
        choices: null,
        required: false,
        help: null,
      },
    ]);
    expect(reading.flags[0]).toMatchObject({ file: 'train.py', line: 9, column: 5 });
  });

  it.each([
    ['a parser built in a function', inFunction],
    ['a parser at module level', moduleLevel],
  ])('reads %s the same statically when a dependency is missing', async (_, source) => {
    const imported = await read(script(source), trainPy, importing);
    const statically = await read(script(missingDependency(source)), trainPy, importing);
    expect(statically.method).toBe('static');
    expect(statically.importError).toBe(
      "ModuleNotFoundError: No module named 'not_installed_pkg' (train.py:1)",
    );
    expect(statically.flags.map(essentials)).toEqual(imported.flags.map(essentials));
    // The same add_argument calls, one line lower for the added import.
    expect(statically.flags.map((flag) => flag.line)).toEqual(
      imported.flags.map((flag) => flag.line! + 1),
    );
  });

  it('reads a [project.scripts] entry of a src/ package, by import and statically', async () => {
    const dir = tempDir();
    writePackage(dir);
    const entry = findEntryPoint(dir)!;
    expect(entry).toEqual({ kind: 'function', name: 'train-model', target: 'trainer.cli:main' });
    const imported = await read(dir, entry, importing);
    expect(imported.method).toBe('import');
    expect(imported.flags.map(essentials)).toEqual([
      {
        optionStrings: ['--seed'],
        action: 'store',
        kind: 'int',
        default: 0,
        choices: null,
        required: false,
        help: 'Random seed.',
      },
    ]);
    expect(imported.flags[0]).toMatchObject({ file: 'src/trainer/cli.py', line: 6 });
    writePackage(dir, missingDependency(packageCli));
    const statically = await read(dir, entry, importing);
    expect(statically.method).toBe('static');
    expect(statically.flags.map(essentials)).toEqual(imported.flags.map(essentials));
  });

  it('reads a module run as python -m', async () => {
    const dir = tempDir();
    writePackage(dir);
    const reading = await read(dir, { kind: 'module', module: 'trainer.cli' }, importing);
    expect(reading.method).toBe('import');
    expect(reading.flags.map((flag) => flag.optionStrings)).toEqual([['--seed']]);
  });

  it('reads a package run as python -m from its __main__.py, not its __init__.py', async () => {
    const dir = tempDir();
    write(dir, 'trainer/__init__.py', '');
    write(dir, 'trainer/__main__.py', moduleLevel);
    const reading = await read(dir, { kind: 'module', module: 'trainer' });
    expect(reading.method).toBe('static');
    expect(reading.flags.map((flag) => flag.optionStrings)).toEqual([
      ['--batch-size'],
      ['--model'],
    ]);
    expect(reading.flags[0]).toMatchObject({ file: 'trainer/__main__.py' });
  });

  it('never imports a script that does not parse its flags, since that would train', async () => {
    const reading = await read(script(neverParses), trainPy, importing);
    expect(reading.method).toBe('static');
    expect(reading.importError).toBe(
      'not tried: its sources never call parse_args, so running it could train',
    );
    expect(reading.flags.map((flag) => flag.optionStrings)).toEqual([['--steps']]);
  });

  it('reports add_argument calls it cannot read statically', async () => {
    const reading = await read(script(dynamicFlags), trainPy);
    expect(reading.unreadable).toEqual([
      {
        call: 'add_argument',
        file: 'train.py',
        line: 6,
        column: 5,
        reason: 'its flag name `flag` is not a string literal',
      },
    ]);
    expect(reading.flags.map((flag) => flag.optionStrings)).toEqual([['--gamma']]);
  });

  it('reads the fields of the dataclasses given to HfArgumentParser as its flags, statically', async () => {
    const dir = script(`from dataclasses import dataclass, field
from typing import ClassVar, List, Literal, Optional

from transformers import HfArgumentParser, TrainingArguments


@dataclass
class Base:
    seed: int = 42


@dataclass
class ModelArguments(Base):
    model_name: str = field(metadata={"help": "Hub id or path"})
    dropout: Optional[float] = field(default=None, metadata={"help": "Dropout rate"})
    pooling: Literal["mean", "cls"] = "mean"
    freeze: bool = field(default=True, metadata={"help": "Train the head only"})
    layers: List[int] = field(default_factory=lambda: [1, 2])
    cache: str | None = field(default=None, init=False)
    version: ClassVar[str] = "1"


def main():
    parser = HfArgumentParser((ModelArguments, TrainingArguments))
    model_args, training_args = parser.parse_args_into_dataclasses()
`);
    const reading = await read(dir, trainPy);
    const flags = reading.flags.map((flag) => ({
      ...essentials(flag),
      nargs: flag.nargs,
      boolText: flag.boolText,
      line: flag.line,
      unread: flag.unread,
    }));
    const field = { action: 'store', choices: null, required: false, help: null };
    expect(flags).toEqual([
      { ...field, optionStrings: ['--seed'], kind: 'int', default: 42, line: 9 },
      {
        ...field,
        optionStrings: ['--model_name'],
        kind: 'str',
        default: null,
        required: true,
        help: 'Hub id or path',
        line: 14,
      },
      {
        ...field,
        optionStrings: ['--dropout'],
        kind: 'float',
        default: null,
        help: 'Dropout rate',
        line: 15,
      },
      {
        ...field,
        optionStrings: ['--pooling'],
        kind: 'str',
        default: 'mean',
        choices: ['mean', 'cls'],
        line: 16,
      },
      {
        ...field,
        optionStrings: ['--freeze'],
        kind: 'bool',
        default: true,
        help: 'Train the head only',
        nargs: '?',
        boolText: { true: 'true', false: 'false' },
        line: 17,
      },
      {
        ...field,
        optionStrings: ['--layers'],
        kind: 'int',
        default: null,
        nargs: '+',
        line: 18,
        unread: { default: 'lambda: [1, 2]' },
      },
    ]);
    expect(reading.unreadable).toEqual([
      {
        call: 'HfArgumentParser',
        file: 'train.py',
        line: 24,
        column: 14,
        reason: 'TrainingArguments is not a dataclass of the project: its fields are not read',
      },
    ]);
  });

  describe('a Hydra app', () => {
    const hydraApp = (
      decorator = '@hydra.main(version_base=None, config_path="conf", config_name="config")',
    ) => `import hydra
from omegaconf import DictConfig


${decorator}
def train(cfg: DictConfig) -> None:
    print(cfg.seed)


if __name__ == "__main__":
    train()
`;
    const config = `defaults:
  - _self_
  - model: forest
seed: 0  # the run's seed
# the optimizer's
# learning rate
lr: 1.5e-3
use_gpu: false
name: 'baseline run'
tag: null
data_dir: ???
out: \${hydra:runtime.output_dir}
fast: yes
octal: 010
max-depth: 8
data:
  samples: 500
layers:
  - 64
sizes: [64, 32]
empty:
hydra:
  job:
    chdir: true
`;

    it('reads the top-level keys of its config statically, with what YAML readers may read otherwise left unknown', async () => {
      const dir = script(hydraApp());
      write(dir, 'conf/config.yaml', config);
      const reading = await read(dir, trainPy);
      expect(reading.method).toBe('static');
      expect(reading.hydraConfig).toBe('conf/config.yaml');
      expect(reading.unreadable).toEqual([]);
      expect(reading.flags.every((flag) => flag.override && flag.file === 'conf/config.yaml')).toBe(
        true,
      );
      const keys = reading.flags.map((flag) => ({
        key: flag.optionStrings,
        kind: flag.kind,
        default: flag.default,
        known: flag.defaultKnown,
        required: flag.required,
        line: flag.line,
        ...(flag.boolText ? { boolText: flag.boolText } : {}),
        ...(flag.unread ? { unread: flag.unread } : {}),
        ...(flag.help ? { help: flag.help } : {}),
      }));
      const key = { required: false, known: true };
      expect(keys).toEqual([
        { ...key, key: ['seed'], kind: 'int', default: 0, line: 4, help: "the run's seed" },
        {
          ...key,
          key: ['lr'],
          kind: 'float',
          default: 0.0015,
          line: 7,
          help: "the optimizer's learning rate",
        },
        {
          ...key,
          key: ['use_gpu'],
          kind: 'bool',
          default: false,
          line: 8,
          boolText: { true: 'true', false: 'false' },
        },
        { ...key, key: ['name'], kind: 'str', default: 'baseline run', line: 9 },
        { ...key, key: ['tag'], kind: 'str', default: null, line: 10 },
        { ...key, key: ['data_dir'], kind: 'str', default: null, required: true, line: 11 },
        {
          ...key,
          key: ['out'],
          kind: 'str',
          default: null,
          known: false,
          line: 12,
          unread: { default: '${hydra:runtime.output_dir}' },
        },
        {
          ...key,
          key: ['fast'],
          kind: 'str',
          default: null,
          known: false,
          line: 13,
          unread: { default: 'yes' },
        },
        {
          ...key,
          key: ['octal'],
          kind: 'str',
          default: null,
          known: false,
          line: 14,
          unread: { default: '010' },
        },
        { ...key, key: ['max-depth'], kind: 'int', default: 8, line: 15 },
        { ...key, key: ['empty'], kind: 'str', default: null, line: 21 },
      ]);
    });

    it('never imports it, since that would catch the parser of Hydra itself', async () => {
      const dir = script(hydraApp());
      write(dir, 'conf/config.yaml', 'seed: 1\n');
      const reading = await read(dir, trainPy, importing);
      expect(reading.method).toBe('static');
      expect(reading.importError).toBe("not tried: a Hydra app's settings are its config's keys");
      expect(reading.flags.map((flag) => flag.optionStrings)).toEqual([['seed']]);
    });

    it('says why a config it cannot find is not read', async () => {
      const cases: [string, string][] = [
        [
          '@hydra.main(config_path=CONF, config_name="config")',
          'its config_path `CONF` is not a string literal',
        ],
        [
          '@hydra.main(config_path="conf")',
          'it names no config_name, so the app has no primary config',
        ],
        [
          '@hydra.main(config_path="pkg://app.conf", config_name="config")',
          "its config_path 'pkg://app.conf' is not a folder beside the script",
        ],
        [
          '@hydra.main(config_path="../outside", config_name="config")',
          'its config ../outside/config.yaml is not a file of the project',
        ],
        [
          '@hydra.main(config_path="conf", config_name="missing")',
          'its config conf/missing.yaml is not a file of the project',
        ],
      ];
      for (const [decorator, reason] of cases) {
        const dir = script(hydraApp(decorator));
        write(dir, 'conf/config.yaml', 'seed: 1\n');
        const reading = await read(dir, trainPy);
        expect(reading.flags).toEqual([]);
        expect(reading.hydraConfig).toBeUndefined();
        expect(reading.unreadable).toEqual([
          { call: 'hydra.main', file: 'train.py', line: 5, column: 2, reason },
        ]);
      }
    });

    it('finds main imported from hydra under another name', async () => {
      const dir = script(
        hydraApp('@entry(config_path="settings", config_name="base.yaml")').replace(
          'import hydra\n',
          'from hydra import main as entry\n',
        ),
      );
      write(dir, 'settings/base.yaml', 'epochs: 3\n');
      const reading = await read(dir, trainPy);
      expect(reading.hydraConfig).toBe('settings/base.yaml');
      expect(reading.flags.map((flag) => [flag.optionStrings[0], flag.default])).toEqual([
        ['epochs', 3],
      ]);
    });
  });

  it('reads flags added in a loop by importing the script', async () => {
    const reading = await read(script(dynamicFlags), trainPy, importing);
    expect(reading.method).toBe('import');
    expect(reading.flags.map((flag) => flag.optionStrings)).toEqual([
      ['--alpha'],
      ['--beta'],
      ['--gamma'],
    ]);
  });

  it('falls back to the static reading when the script exits before parsing', async () => {
    const reading = await read(
      script(`import sys\nsys.exit(3)\n${moduleLevel}`),
      trainPy,
      importing,
    );
    expect(reading.method).toBe('static');
    expect(reading.importError).toBe('NotParsed: it exited (status 3) before parsing its flags');
  });

  it('says when no Python can be run', async () => {
    const outcome = await readArgparse(script(inFunction), trainPy, { python: '/nowhere/python3' });
    expect(outcome).toEqual({ status: 'no-python', tried: ['/nowhere/python3'] });
  });

  it('fails with the reason when the entry point cannot be found', async () => {
    const outcome = await readArgparse(tempDir(), { kind: 'module', module: 'nope.cli' });
    expect(outcome.status).toBe('failed');
  });
});
