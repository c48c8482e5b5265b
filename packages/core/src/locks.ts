/**
 * Requirements: `requirements*.in` are composed from the features' packages and the typed pins;
 * the hashed `requirements*.txt` are universal locks made ahead of time by `pnpm lock:python` and
 * stored under `templates/locks/<key>/`, keyed by the `.in` texts, so generation stays offline.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeUnitOrder } from './compare.js';
import { lockExcludeNewer, pythonVersions, type Requirements } from './versions.js';

export const lockFiles = ['requirements.txt', 'requirements-dev.txt'] as const;

/** The command that re-locks `input` into `output`; it is also written in each lock's header. */
export function lockCommand(input: string, output: string): string {
  return `uv pip compile --universal --generate-hashes --python-version ${pythonVersions[0]} ${input} -o ${output}`;
}

/**
 * uv's arguments that install the generated project into the active virtual environment: editable,
 * without its dependencies (the hashed lock brought them), built by the uv_build backend uv bundles
 * (offline and without build isolation, uv fails rather than download another).
 */
export const projectInstallArgs = [
  'pip',
  'install',
  '--offline',
  '--no-build-isolation',
  '--no-deps',
  '-e',
  '.',
] as const;

export const projectInstallCommand = `uv ${projectInstallArgs.join(' ')}`;

export function requirementsIn(packages: Requirements): string {
  return [
    '# Direct runtime dependencies. requirements.txt pins them and everything they need, with hashes:',
    `# ${lockCommand('requirements.in', 'requirements.txt')}`,
    ...packages.lines(),
    '',
  ].join('\n');
}

export function requirementsDevIn(packages: Requirements): string {
  return [
    '# Tools for tests and linting, on top of the runtime dependencies:',
    `# ${lockCommand('requirements-dev.in', 'requirements-dev.txt')}`,
    '-r requirements.in',
    ...packages.lines(),
    '',
  ].join('\n');
}

const emptyDependencies = /^dependencies = \[\]$/m;

/**
 * `pyproject.toml` with its `[project]` dependencies: the lines of requirements.in, which is the
 * list the locks are made from (a test of the generated project holds the two together).
 */
export function withDependencies(pyproject: string, packages: Requirements): string {
  if (!emptyDependencies.test(pyproject)) {
    throw new Error('pyproject.toml has no "dependencies = []" line to fill in.');
  }
  const lines = packages.lines().map((line) => `  "${line}",`);
  return pyproject.replace(emptyDependencies, ['dependencies = [', ...lines, ']'].join('\n'));
}

/** The folder name of the locks made from these `.in` texts. */
export function lockKey(runtimeIn: string, devIn: string): string {
  return createHash('sha256')
    .update(`${lockExcludeNewer}\0${runtimeIn}\0${devIn}`)
    .digest('hex')
    .slice(0, 16);
}

type Locks = Record<(typeof lockFiles)[number], string>;

/**
 * The published bins carry every lock in this one file instead of `locks/<key>/`: the locks share
 * most of their requirements, so each is stored as indexes into one list of requirement blocks
 * (a requirement line with its hashes, or the comment on what needs it).
 */
export const packedLocksFile = 'locks.json';

interface PackedLocks {
  blocks: string[];
  locks: Record<string, Record<(typeof lockFiles)[number], number[]>>;
}

/**
 * A lock cut before each requirement line and before its `# via` comment: joined again, the blocks
 * are the text. A requirement's hashes are the same in every lock that has it, while which other
 * requirements pulled it in differ, so the two are stored apart.
 */
const blocksOf = (text: string) => text.split(/(?=^[^\s#])|(?=^ {4}# via)/m);

/** Every lock under `templatesDir/locks/` as the JSON text of `packedLocksFile`. */
export function packLocks(templatesDir: string): string {
  const folders = readdirSync(join(templatesDir, 'locks'), { withFileTypes: true });
  const keys = folders.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  const texts = keys.map((key) => readLocks(templatesDir, key)!);
  // Sorted, the versions of one package sit side by side, which the tarball's gzip finds.
  const blocks = [
    ...new Set(texts.flatMap((files) => lockFiles.flatMap((file) => blocksOf(files[file])))),
  ].sort(codeUnitOrder);
  const index = new Map(blocks.map((block, position) => [block, position]));
  const indexes = (text: string) => blocksOf(text).map((block) => index.get(block)!);
  const locks: PackedLocks['locks'] = {};
  keys.forEach((key, position) => {
    const files = texts[position]!;
    locks[key] = {
      'requirements.txt': indexes(files['requirements.txt']),
      'requirements-dev.txt': indexes(files['requirements-dev.txt']),
    };
  });
  return JSON.stringify({ blocks, locks } satisfies PackedLocks);
}

const packedCache = new Map<string, PackedLocks>();

function packedLocks(path: string): PackedLocks {
  if (!packedCache.has(path)) packedCache.set(path, JSON.parse(readFileSync(path, 'utf8')));
  return packedCache.get(path)!;
}

/** The stored locks for these `.in` texts, or undefined when `pnpm lock:python` has not made them. */
export function readLocks(templatesDir: string, key: string): Locks | undefined {
  const dir = join(templatesDir, 'locks', key);
  const packed = join(templatesDir, packedLocksFile);
  if (existsSync(dir)) {
    return {
      'requirements.txt': readFileSync(join(dir, 'requirements.txt'), 'utf8'),
      'requirements-dev.txt': readFileSync(join(dir, 'requirements-dev.txt'), 'utf8'),
    };
  }
  const lock = existsSync(packed) ? packedLocks(packed).locks[key] : undefined;
  if (!lock) return undefined;
  const { blocks } = packedLocks(packed);
  const text = (indexes: number[]) => indexes.map((i) => blocks[i]).join('');
  return {
    'requirements.txt': text(lock['requirements.txt']),
    'requirements-dev.txt': text(lock['requirements-dev.txt']),
  };
}
