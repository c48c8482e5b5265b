/** Where things are: the repository, its shared cache, and throwaway folders outside it. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const binPackageDir = join(repoRoot, 'packages', 'create-ml-cicd');
export const cliPackageDir = join(repoRoot, 'packages', 'cli');
/** Kept between runs (git-ignored): the registry's install and pip's wheel cache. */
export const cacheDir = join(repoRoot, '.cache');

function inside(parent: string, path: string): boolean {
  const rel = relative(parent, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** A new empty folder outside the repository, so nothing of ours (node_modules, configs) leaks in. */
export async function outsideTempDir(label: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `ml-cicd-e2e-${label}-`));
  if (inside(repoRoot, dir))
    throw new Error(`${dir} is inside the repository; set TMPDIR elsewhere.`);
  return dir;
}

/** Removes a temporary folder, unless E2E_KEEP=1 asks to keep it for a look after a failure. */
export async function removeTempDir(dir: string): Promise<void> {
  if (process.env.E2E_KEEP === '1') return;
  await rm(dir, { recursive: true, force: true });
}
