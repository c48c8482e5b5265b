/**
 * Where the dependencies a workflow installs are: the hash-locked requirements file it installs
 * (requirements.txt, or one in a subfolder), and whether the repository is a package to install.
 * Warns when that file is missing or unpinned.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lockCommand } from '@ml-cicd/core';
import type { Kind } from './plan.js';
import { condaSource } from './conda.js';

export const runtime: [input: string, lock: string] = ['requirements.in', 'requirements.txt'];

/** What a kind's workflow installs: the checks the development lock, every other the runtime's. */
export const installsOf = (kind: Kind): [input: string, lock: string] =>
  kind === 'test' ? ['requirements-dev.in', 'requirements-dev.txt'] : runtime;

const readText = (dir: string, path: string) =>
  existsSync(join(dir, path)) ? readFileSync(join(dir, path), 'utf8') : '';

/** Folders never searched for a requirements file: tools', environments' and vendored code. */
const skipped = /^(\.|node_modules$|venv$|env$|site-packages$|build$|dist$)/;

/**
 * The runtime requirements file of a repository without requirements.txt at its root: the one
 * `requirements.txt` a folder one or two levels down holds (e.g. CI_CD/requirements.txt).
 */
export function nestedRequirements(dir: string): string | undefined {
  if (existsSync(join(dir, 'requirements.txt'))) return undefined;
  const found: string[] = [];
  const search = (folder: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(join(dir, folder), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (!entry.isDirectory() || skipped.test(entry.name)) continue;
      const path = folder ? `${folder}/${entry.name}` : entry.name;
      if (existsSync(join(dir, path, 'requirements.txt'))) found.push(`${path}/requirements.txt`);
      if (depth < 2) search(path, depth + 1);
    }
  };
  search('', 1);
  return found.length === 1 ? found[0] : undefined;
}

/** The `dependencies = [...]` of pyproject.toml's [project]: whether there are any. */
export function pyprojectDependencies(dir: string): boolean {
  const toml = readText(dir, 'pyproject.toml');
  const project = /^\[project\]\s*$([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(toml)?.[1] ?? '';
  return /^dependencies\s*=\s*\[\s*["']/m.test(project);
}

/**
 * Whether the workflows must install the repository for its code to be found: a package
 * (pyproject.toml with [project], or setup.py) whose code is under src/. Run from the repository's
 * root, a flat layout is found without it.
 */
export function needsInstall(dir: string): boolean {
  const isPackage =
    /^\[project\]\s*$/m.test(readText(dir, 'pyproject.toml')) || existsSync(join(dir, 'setup.py'));
  return isPackage && existsSync(join(dir, 'src'));
}

/** Requirement lines (continuations joined) that are not pinned with == and a hash. */
function unpinned(text: string): string[] {
  const joined = text.replace(/\\\r?\n/g, ' ');
  return joined
    .split(/\r?\n/)
    .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
    .filter((line) => line && !line.startsWith('-'))
    .filter((line) => !/==/.test(line) || !/--hash[= ]/.test(line))
    .map((line) => line.split(/\s/)[0]!);
}

/**
 * Why the requirements file a workflow installs with --require-hashes would fail it (missing, or
 * with lines that lack a pin or a hash), and how to lock it; undefined when it is locked.
 */
export function requirementsProblem(
  dir: string,
  kind: Kind,
  lockPath?: string,
): string | undefined {
  const [defaultInput, defaultLock] = installsOf(kind);
  const lock = lockPath ?? defaultLock;
  const input = lockPath ? lockPath.replace(/\.txt$/, '.in') : defaultInput;
  const hasInput = existsSync(join(dir, input));
  const fromPyproject = !hasInput && input === runtime[0] && pyprojectDependencies(dir);
  const conda = input === runtime[0] ? condaSource(dir)?.file : undefined;
  const fix = hasInput
    ? `lock it with --lock, or run: ${lockCommand(input, lock)}`
    : fromPyproject
      ? `lock the dependencies of pyproject.toml with --lock, or run: ${lockCommand('pyproject.toml', lock)}`
      : existsSync(join(dir, lock))
        ? `lock it with --lock, which first copies its requirements to ${input}`
        : conda
          ? `lock the packages of ${conda} with --lock, which first writes their PyPI names to ${input}`
          : `list your direct dependencies in ${input}, then lock them with --lock (or run: ${lockCommand(input, lock)})`;
  if (!existsSync(join(dir, lock))) {
    return `${lock} is missing, and the workflow installs it with --require-hashes; ${fix}`;
  }
  const loose = unpinned(readFileSync(join(dir, lock), 'utf8'));
  if (loose.length === 0) return undefined;
  return `${lock} has requirements that lack an == pin or a --hash (${loose.join(', ')}), and the workflow installs it with --require-hashes; ${fix}`;
}
