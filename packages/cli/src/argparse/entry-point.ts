/** Finds the training entry point: `--script`/`--module`, else `train.py`, else `[project.scripts]`. */
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
  const pyproject = join(dir, 'pyproject.toml');
  if (!existsSync(pyproject)) return undefined;
  const scripts = projectScripts(readFileSync(pyproject, 'utf8'));
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
