/**
 * `ml-cicd add workflow train` on thousands of seeded, adversarial argparse scripts: it never fails
 * with an unexpected error, never writes a workflow GitHub's parser rejects or an ml-cicd.yaml its
 * schema rejects, and no text of the script ever reaches an evaluated `${{ }}` expression.
 *
 * The scripts are read by the real helper, all in one Python process (one process per script would
 * take minutes); a sample also goes through the helper as `add` runs it, to show it reads the same.
 * ML_CICD_FUZZ_SCRIPTS sets the count for a longer soak run, ML_CICD_FUZZ_SEED the seed.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@ml-cicd/config';
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { describe, expect, it, vi } from 'vitest';
import { parseOutput, readArgparse } from '../src/argparse/read.js';
import { run } from '../src/commands/add/index.js';
import { UsageError, UserError } from '../src/errors.js';
import { readArgparseScript } from '../src/python/index.js';
import { parseWithGitHub } from '../src/validate/workflow-parser.js';
import { assets, read, tempDir, write } from './fixtures.js';
import { lockedRequirements } from './scripts.js';

vi.mock('../src/argparse/read.js', async (original) => {
  const real = await original<typeof import('../src/argparse/read.js')>();
  return { ...real, readArgparse: vi.fn(real.readArgparse) };
});

const count = Number(process.env.ML_CICD_FUZZ_SCRIPTS ?? 2000);
const seed = Number(process.env.ML_CICD_FUZZ_SEED ?? 20261206);
/** How many scripts also go through the helper exactly as `add` runs it. */
const sampled = 10;
/** Every expression-like text the scripts hold carries this word, to be found in the output. */
const mark = 'fuzzmark';

/** mulberry32: a tiny seeded generator. */
function random(start: number): () => number {
  let state = start;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Next = () => number;
const pick = <T>(next: Next, items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
const chance = (next: Next, p: number) => next() < p;

const fragments = [
  `\${{ ${mark} }}`,
  `\${{${mark}`,
  `\${{ secrets.${mark} }}`,
  `$\${{ ${mark} }}`,
  `\${{ format('{0}', ${mark}) }}`,
  '}}',
  '{{',
  '$',
  "'",
  '"',
  '\\',
  '\n',
  '\r\n',
  '\t',
  '%(default)s',
  '%',
  ': ',
  ' #',
  '- ',
  '*a',
  '&a',
  '!tag',
  '|',
  '>',
  '@',
  '`',
  'ü',
  '🚀',
  '\u2028',
  '\u00a0',
  '\ud800',
  '\u0000',
  'null',
  'yes',
  'on',
  '0x1F',
  '1e400',
  'lr',
  'max-depth',
  'x'.repeat(300),
];

function text(next: Next): string {
  let value = '';
  for (let n = Math.floor(next() * 4); n > 0; n--) value += pick(next, fragments);
  return value;
}

/** A Python string literal (JSON's string escapes are Python's). */
const str = (value: string) => JSON.stringify(value);

const longNames = ['lr', 'max-depth', 'epochs', 'seed', 'data', 'model', 'no-amp', 'a', 'z9'];
const oddNames = [
  'Max_Depth',
  'a.b',
  '9lives',
  'ünï',
  'with space',
  `\${{ ${mark} }}`,
  '-',
  'x'.repeat(120),
  'help',
];

function flagNames(next: Next): string {
  const roll = next();
  if (roll < 0.08) return str(pick(next, ['pos', 'input_file', `\${{ ${mark} }}`]));
  if (roll < 0.12) return `f"--{'dyn'}"`;
  if (roll < 0.15) return 'NAME';
  const long = chance(next, 0.7) ? pick(next, longNames) : pick(next, oddNames);
  const names = [str(`--${long}`)];
  if (chance(next, 0.2)) names.unshift(str(`-${pick(next, ['x', 'd', 'ü', '$'])}`));
  if (chance(next, 0.05)) names.push(str(`--${pick(next, longNames)}`));
  return names.join(', ');
}

const numbers = [
  '0',
  '-1',
  '3',
  '0.5',
  '-0.0',
  '1e-9',
  '1e999',
  '-1e999',
  '123456789012345678901234567890',
  '9007199254740993',
  '0x10',
  '1_000',
  'True',
  'False',
  'None',
  "float('nan')",
  '10**400',
];

function literal(next: Next): string {
  const roll = next();
  if (roll < 0.35) return pick(next, numbers);
  if (roll < 0.7) return str(text(next));
  if (roll < 0.8) return `[${pick(next, numbers)}, ${str(text(next))}]`;
  if (roll < 0.88)
    return pick(next, ['os.cpu_count()', 'Path("data")', 'DEFAULT', 'argparse.SUPPRESS']);
  if (roll < 0.94) return '{"a": 1}';
  return '()';
}

function choices(next: Next): string {
  const roll = next();
  if (roll < 0.1) return 'range(5)';
  if (roll < 0.15) return '[]';
  if (roll < 0.2) return str('abc');
  const items = Array.from({ length: 1 + Math.floor(next() * 4) }, () =>
    chance(next, 0.6) ? str(text(next) || 'a') : pick(next, numbers),
  );
  return chance(next, 0.5) ? `[${items.join(', ')}]` : `(${items.join(', ')},)`;
}

const actions = [
  "'store_true'",
  "'store_false'",
  "'store_const'",
  "'append'",
  "'count'",
  "'extend'",
  "'append_const'",
  "'help'",
  "'version'",
  'argparse.BooleanOptionalAction',
  'Custom',
  "'nonsense'",
];
const types = ['int', 'float', 'str', 'bool', 'Path', 'lambda s: s', 'ascii', 'complex'];
const nargs = ["'?'", "'*'", "'+'", '2', '0', 'argparse.REMAINDER'];

function addArgument(next: Next, target: string): string {
  const keywords: string[] = [];
  const with_ = (p: number, keyword: string, value: () => string) => {
    if (chance(next, p)) keywords.push(`${keyword}=${value()}`);
  };
  with_(0.3, 'action', () => pick(next, actions));
  with_(0.4, 'type', () => pick(next, types));
  with_(0.6, 'default', () => literal(next));
  with_(0.3, 'choices', () => choices(next));
  with_(0.6, 'help', () => (chance(next, 0.9) ? str(text(next)) : 'HELP'));
  with_(0.15, 'nargs', () => pick(next, nargs));
  with_(0.15, 'required', () => pick(next, ['True', 'False', 'FLAG']));
  with_(0.1, 'dest', () => str(text(next) || 'd'));
  with_(0.1, 'metavar', () => str(text(next)));
  with_(0.05, 'const', () => literal(next));
  with_(0.03, 'version', () => str(text(next)));
  if (chance(next, 0.03)) keywords.push('**EXTRA');
  return `${target}.add_argument(${[flagNames(next), ...keywords].join(', ')})`;
}

function script(next: Next): string {
  const lines = [
    'import argparse',
    'import os',
    'from pathlib import Path',
    'NAME, DEFAULT, HELP, FLAG, EXTRA = "--n", 3, "h", True, {}',
    'class Custom(argparse.Action):',
    '    pass',
    `parser = argparse.ArgumentParser(description=${str(text(next))})`,
  ];
  const targets = ['parser'];
  if (chance(next, 0.2)) {
    lines.push('group = parser.add_mutually_exclusive_group()');
    targets.push('group');
  }
  if (chance(next, 0.15)) {
    lines.push(`sub = parser.add_subparsers(dest=${str(text(next) || 'command')})`);
    lines.push(`child = sub.add_parser(${str(text(next) || 'fit')}, help=${str(text(next))})`);
    targets.push('child');
  }
  for (let n = Math.floor(next() * 12); n > 0; n--)
    lines.push(addArgument(next, pick(next, targets)));
  lines.push('args = parser.parse_args()', '');
  return lines.join('\n');
}

/** Each folder's helper output, read by one Python process running the same helper as `add`. */
function readAll(dirs: string[]): string[] {
  const driver = [
    'import importlib.util, io, json, sys, traceback',
    'spec = importlib.util.spec_from_file_location("read_argparse", sys.argv[1])',
    'helper = importlib.util.module_from_spec(spec)',
    'spec.loader.exec_module(helper)',
    'real = sys.stdout',
    'for folder in sys.stdin.read().splitlines():',
    '    sys.stdout = captured = io.StringIO()',
    '    try:',
    '        helper.main(["--root", folder, "--script", "train.py"])',
    '    except BaseException:',
    '        captured.write("crash " + traceback.format_exc())',
    '    sys.stdout = real',
    '    real.write(json.dumps(captured.getvalue()) + "\\n")',
  ].join('\n');
  const output = execFileSync('python3', ['-I', '-c', driver, readArgparseScript], {
    input: dirs.join('\n'),
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  return output
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as string);
}

/** Every string a YAML document holds, keys included. */
function strings(node: unknown, found: string[] = []): string[] {
  if (isScalar(node)) {
    if (typeof node.value === 'string') found.push(node.value);
  } else if (isMap(node) || isSeq(node)) {
    for (const item of node.items) strings(item, found);
  } else if (isPair(node)) {
    strings(node.key, found);
    strings(node.value, found);
  }
  return found;
}

/** The `${{ … }}` expressions GitHub would evaluate in a value. */
const expressions = (value: string) => value.match(/\$\{\{[\s\S]*?(\}\}|$)/g) ?? [];

function files(dir: string, under: string): string[] {
  try {
    return readdirSync(join(dir, under), { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.ya?ml$/.test(name))
      .map((name) => `${under}/${name.replaceAll('\\', '/')}`);
  } catch {
    return [];
  }
}

async function addTrain(dir: string): Promise<{ code: number; out: string }> {
  let out = '';
  const io = { out: (t: string) => void (out += t), err: () => {}, color: false, cwd: dir };
  const code = await run(['workflow', 'train', '.'], io, assets);
  return { code, out };
}

describe('ml-cicd add workflow train on adversarial argparse scripts', () => {
  it(`never crashes, never writes an invalid file, never lets script text be evaluated (${count} scripts, seed ${seed})`, async () => {
    const next = random(seed);
    const sources = Array.from({ length: count }, () => script(next));
    const dirs = sources.map((source) => {
      const dir = tempDir();
      write(dir, 'train.py', source);
      write(dir, 'requirements.txt', lockedRequirements);
      return dir;
    });
    const outputs = readAll(dirs);
    const problems: string[] = [];
    const parsed = new Set<string>();
    let written = 0;
    for (const [index, dir] of dirs.entries()) {
      const problem = (what: string) =>
        problems.push(`script ${index} (seed ${seed}): ${what}\n${sources[index]}`);
      const stdout = outputs[index]!;
      if (stdout.startsWith('crash ')) {
        problem(`the helper crashed: ${stdout}`);
        continue;
      }
      const outcome = parseOutput(stdout, 'python3');
      if (index < sampled) {
        // The batch reads what add's own run of the helper reads.
        const real = await readArgparse(dir, { kind: 'script', path: 'train.py' });
        expect(outcome).toEqual(real);
      } else {
        vi.mocked(readArgparse).mockResolvedValueOnce(
          outcome ?? { status: 'failed', message: 'not the helper output' },
        );
      }
      try {
        const result = await addTrain(dir);
        expect(result.code).toBe(0);
        written += 1;
      } catch (error) {
        if (!(error instanceof UserError || error instanceof UsageError)) {
          problem(`unexpected error: ${(error as Error).stack}`);
        }
        rmSync(dir, { recursive: true, force: true });
        continue;
      }
      const config = loadConfig(read(dir, 'ml-cicd.yaml'));
      for (const finding of config.findings.filter((f) => f.severity === 'error')) {
        problem(`ml-cicd.yaml: ${finding.message}`);
      }
      const yamlFiles = ['ml-cicd.yaml', ...files(dir, '.github')];
      for (const path of yamlFiles) {
        for (const value of strings(parseDocument(read(dir, path)).contents as Node)) {
          const leaked = expressions(value).filter((expression) => expression.includes(mark));
          if (leaked.length > 0) problem(`${path} evaluates script text: ${leaked.join(' ')}`);
        }
      }
      const workflows = yamlFiles
        .filter((path) => /^\.github\/(workflows|actions)\//.test(path))
        .map((path) => ({
          path,
          kind: path.startsWith('.github/actions/') ? ('action' as const) : ('workflow' as const),
          content: read(dir, path),
        }))
        .filter((file) => !parsed.has(file.content));
      const errors = await parseWithGitHub(workflows, (path) => {
        try {
          return read(dir, path.replace(/^\.\//, ''));
        } catch {
          return undefined;
        }
      });
      for (const error of errors) {
        problem(`GitHub's parser rejects ${error.file}:${error.line}: ${error.message}`);
      }
      if (errors.length === 0) for (const file of workflows) parsed.add(file.content);
      rmSync(dir, { recursive: true, force: true });
    }
    expect(problems.slice(0, 3).join('\n\n'), `${problems.length} problems`).toBe('');
    // Most scripts must get their workflows, or the fuzzing tests little.
    expect(written).toBeGreaterThan(count * 0.8);
  }, 300_000);
});
