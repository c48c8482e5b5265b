/** Helpers of the generator tests: plop loaded programmatically, temp folders, file trees. */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import nodePlop from 'node-plop';
import { afterAll } from 'vitest';
import { repoRoot } from '../src/paths.js';

export const generatorsDir = fileURLToPath(new URL('..', import.meta.url));
export const plopfile = join(generatorsDir, 'plopfile.mjs');

/** The generator `name`, writing contributor files under `dest` (by default, the repository). */
export async function generator(name: string, dest?: string) {
  const plop = await nodePlop(plopfile, { destBasePath: dest, force: false });
  return plop.getGenerator(name);
}

/** A fresh folder outside the repository, removed when the file's tests are done. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ml-cicd-generators-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface TreeFile {
  path: string;
  mode: number;
  content: Buffer;
}

/** Every file under `root`, sorted, with its mode and bytes. */
export function tree(root: string): TreeFile[] {
  const files: TreeFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const path = relative(root, full).split('\\').join('/');
        files.push({ path, mode: lstatSync(full).mode, content: readFileSync(full) });
      }
    }
  };
  walk(root);
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/** Runs node with `args`, uncoloured; without VITEST* variables, so a nested vitest is a plain one. */
export function node(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const env = Object.fromEntries(
    Object.entries(options.env ?? process.env).filter(
      ([name]) => !name.startsWith('VITEST') && name !== 'FORCE_COLOR',
    ),
  );
  env.NO_COLOR = '1';
  return spawnSync(process.execPath, args, {
    cwd: options.cwd,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Links every package of `from` (a node_modules folder) into `to` by absolute path. */
function linkPackages(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from)) {
    if (entry.startsWith('.')) continue;
    if (entry.startsWith('@')) linkPackages(join(from, entry), join(to, entry));
    else symlinkSync(realpathSync(join(from, entry)), join(to, entry));
  }
}

/**
 * A copy of `packages/<name>` in `root`, laid out as in the repository, so it type-checks and its
 * tests run there: the shared configs copied, dependencies, templates and workflows linked.
 */
export function copyPackage(root: string, name: string): string {
  const source = join(repoRoot, 'packages', name);
  const target = join(root, 'packages', name);
  const skipped = new Set(['node_modules', 'dist', '.turbo', 'coverage']);
  cpSync(source, target, {
    recursive: true,
    filter: (path) => !skipped.has(relative(source, path).split(/[\\/]/)[0] ?? ''),
  });
  for (const file of ['package.json', 'tsconfig.base.json', 'tsdown.base.ts', 'vitest.shared.ts']) {
    cpSync(join(repoRoot, file), join(root, file));
  }
  // The root's scripts, which a package's build config imports (the cli's copy-assets).
  for (const folder of ['node_modules', 'scripts']) {
    symlinkSync(join(repoRoot, folder), join(root, folder));
  }
  // Real folders of links: a generator adds templates/<id>/, vitest its cache to node_modules/.
  for (const folder of ['templates', 'workflows']) {
    mkdirSync(join(root, folder));
    for (const entry of readdirSync(join(repoRoot, folder))) {
      symlinkSync(join(repoRoot, folder, entry), join(root, folder, entry));
    }
  }
  linkPackages(join(source, 'node_modules'), join(target, 'node_modules'));
  // Tests may reach a sibling package's test helpers (core's report test, the report action's).
  for (const sibling of readdirSync(join(repoRoot, 'packages'))) {
    if (sibling !== name)
      symlinkSync(join(repoRoot, 'packages', sibling), join(root, 'packages', sibling));
  }
  return target;
}

const bin = (path: string) => join(repoRoot, 'node_modules', path);

/** What the repository's tools say about a package copy: tsc, vitest on `tests`, prettier on `files`. */
export const tools = {
  typecheck: (dir: string) => node([bin('typescript/bin/tsc'), '-p', dir]),
  test: (dir: string, tests: string) =>
    node([bin('vitest/vitest.mjs'), 'run', tests], { cwd: dir }),
  prettier: (files: string[]) =>
    node([
      bin('prettier/bin/prettier.cjs'),
      '--config',
      join(repoRoot, '.prettierrc.json'),
      '--check',
      ...files,
    ]),
};
