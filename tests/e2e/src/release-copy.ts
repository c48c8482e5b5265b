/**
 * Releases of create-ml-cicd and ml-cicd at versions of a test's choosing: the packages it is built from are
 * copied outside the repository (their node_modules links resolve through a link to the
 * repository's), given the version, changed as the test says, built with tsdown and packed.
 * The repository itself is never edited.
 */
import { cp, readFile, symlink, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { runOk } from './exec.js';
import { pack, type PackedPackage } from './pack.js';
import { repoRoot } from './paths.js';

const copied = [
  'package.json',
  'tsconfig.base.json',
  'tsdown.base.ts',
  'scripts/copy-assets.mjs',
  'templates',
  'workflows',
  'packages/config',
  'packages/core',
  'packages/create-ml-cicd',
  'packages/cli',
];

/** Build output and caches; the vendored actions among the workflows keep their dist/. */
const litter = new Set(['.vite', '.vite-temp', '__pycache__', '.venv', 'outputs']);

/** A copy of what create-ml-cicd is built from, in `dir`. */
export async function copySources(dir: string): Promise<void> {
  for (const path of copied) {
    const isPackage = path.startsWith('packages/');
    await cp(join(repoRoot, path), join(dir, path), {
      recursive: true,
      // A package's node_modules links stay relative, so they lead to the copied packages;
      // links among the templates and workflows are followed, the copy holds their files.
      ...(isPackage ? { verbatimSymlinks: true } : { dereference: true }),
      filter: (source) =>
        !litter.has(basename(source)) && basename(source) !== (isPackage ? 'dist' : 'node_modules'),
    });
  }
  await symlink(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
}

export interface Release {
  /** create-ml-cicd */
  create: PackedPackage;
  /** ml-cicd, the CLI of the same templates */
  cli: PackedPackage;
}

/** Sets the version of the engine (what manifests record) and of both bins, builds and packs them. */
export async function buildRelease(
  dir: string,
  version: string,
  destination: string,
  env: NodeJS.ProcessEnv,
): Promise<Release> {
  for (const name of ['core', 'create-ml-cicd', 'cli']) {
    const file = join(dir, 'packages', name, 'package.json');
    const manifest = JSON.parse(await readFile(file, 'utf8')) as { version: string };
    manifest.version = version;
    await writeFile(file, `${JSON.stringify(manifest, null, 2)}\n`);
  }
  // In dependency order: each package bundles the built output of the ones before it.
  for (const name of ['config', 'core', 'create-ml-cicd', 'cli']) {
    const cwd = join(dir, 'packages', name);
    await runOk(process.execPath, [join(cwd, 'node_modules', 'tsdown', 'dist', 'run.mjs')], {
      cwd,
    });
  }
  return {
    create: await pack(join(dir, 'packages', 'create-ml-cicd'), destination, env),
    cli: await pack(join(dir, 'packages', 'cli'), destination, env),
  };
}
