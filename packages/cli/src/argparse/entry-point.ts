/**
 * Finds the training entry point: `--script`/`--module`, else `train.py`, else a console script of
 * `[project.scripts]`, `setup.py` or `setup.cfg`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntryPoint } from './types.js';

export interface EntryOverride {
  script?: string;
  module?: string;
}

export function findEntryPoint(dir: string, override: EntryOverride = {}): EntryPoint | undefined {
  if (override.script) return { kind: 'script', path: override.script };
  if (override.module) return { kind: 'module', module: override.module };
  if (existsSync(join(dir, 'train.py'))) return { kind: 'script', path: 'train.py' };
  const scripts = consoleScripts(dir);
  const chosen = scripts.find(([name]) => name.includes('train')) ?? scripts[0];
  return chosen ? { kind: 'function', name: chosen[0], target: chosen[1] } : undefined;
}

const header = /^\s*\[\s*([^\]]+?)\s*\]\s*(?:#.*)?$/;
const entry = /^\s*(["']?)([A-Za-z0-9_.-]+)\1\s*=\s*(["'])([^"']+)\3\s*(?:#.*)?$/;

/** The `name = "module:function"` pairs of `[project.scripts]`: all the TOML this needs. */
export function projectScripts(toml: string): [string, string][] {
  const found: [string, string][] = [];
  let inside = false;
  for (const line of toml.split(/\r?\n/)) {
    const section = header.exec(line);
    if (section) {
      inside = section[1] === 'project.scripts';
      continue;
    }
    const match = inside ? entry.exec(line) : null;
    if (match?.[2] && match[4]) found.push([match[2], match[4]]);
  }
  return found;
}

const readText = (dir: string, path: string) =>
  existsSync(join(dir, path)) ? readFileSync(join(dir, path), 'utf8') : '';

/** The console scripts a project declares, in pyproject.toml, else setup.py, else setup.cfg. */
export function consoleScripts(dir: string): [string, string][] {
  const declared = [
    projectScripts(readText(dir, 'pyproject.toml')),
    setupPyScripts(readText(dir, 'setup.py')),
    setupCfgScripts(readText(dir, 'setup.cfg')),
  ];
  return declared.find((scripts) => scripts.length > 0) ?? [];
}

const consoleScript = /^\s*([A-Za-z0-9_.-]+)\s*=\s*([A-Za-z0-9_.]+:[A-Za-z0-9_.]+)\s*$/;

/**
 * The `"name = module:function"` strings of setup.py's `console_scripts`, read as text: setup.py
 * is never run.
 */
export function setupPyScripts(source: string): [string, string][] {
  const list = /["']console_scripts["']\s*:\s*\[([^\]]*)\]/.exec(source)?.[1] ?? '';
  return [...list.matchAll(/(["'])(.*?)\1/g)].flatMap(([, , text]) => {
    const match = consoleScript.exec(text ?? '');
    return match ? [[match[1]!, match[2]!] as [string, string]] : [];
  });
}

/** The `console_scripts =` lines of setup.cfg's `[options.entry_points]`. */
export function setupCfgScripts(text: string): [string, string][] {
  const found: [string, string][] = [];
  let section = '';
  let inList = false;
  for (const line of text.split(/\r?\n/)) {
    const header = /^\s*\[\s*([^\]]+?)\s*\]/.exec(line);
    if (header) {
      section = header[1]!;
      inList = false;
      continue;
    }
    if (section !== 'options.entry_points') continue;
    const key = /^(\S[^=]*?)\s*=\s*(.*)$/.exec(line);
    if (key) inList = key[1] === 'console_scripts';
    const item = consoleScript.exec(key ? (key[2] ?? '') : line);
    if (inList && item) found.push([item[1]!, item[2]!]);
  }
  return found;
}

/** The file of a dotted module, at the root or under src/, as `path/to/module.py`. */
function moduleFile(dir: string, module: string): string | undefined {
  const path = module.replaceAll('.', '/');
  return ['', 'src/']
    .flatMap((root) => [`${root}${path}.py`, `${root}${path}/__init__.py`])
    .find((file) => existsSync(join(dir, file)));
}

const mainGuard = /^if\s+__name__\s*==\s*["']__main__["']\s*:/m;

/**
 * A console script's module as `python -m <module>`, when that module runs itself under a
 * `__main__` guard (as most that a console script names do); undefined otherwise.
 */
export function moduleRun(
  dir: string,
  entryPoint: Extract<EntryPoint, { kind: 'function' }>,
): { entry: Extract<EntryPoint, { kind: 'module' }>; file: string } | undefined {
  const [module = ''] = entryPoint.target.split(':');
  const file = moduleFile(dir, module);
  if (!file || !mainGuard.test(readFileSync(join(dir, file), 'utf8'))) return undefined;
  return { entry: { kind: 'module', module }, file };
}

/** How the entry point is named in messages: `train.py`, `python -m pkg.train`, `train (pkg.cli:main)`. */
export function describeEntryPoint(entryPoint: EntryPoint): string {
  switch (entryPoint.kind) {
    case 'script':
      return entryPoint.path;
    case 'module':
      return `python -m ${entryPoint.module}`;
    case 'function':
      return `${entryPoint.name} (${entryPoint.target})`;
  }
}
