/**
 * A generated project's Python side, run as its next steps tell a user: a venv, the hashed locks,
 * the project installed editable, then commands with the venv activated. pip's and uv's caches are
 * shared between runs and projects.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectInstallArgs } from '@ml-cicd/core';
import { runOk, type RunResult } from './exec.js';
import { userShellEnv } from './npm-env.js';
import { cacheDir } from './paths.js';
import { say } from './progress.js';

const pipCacheDir = join(cacheDir, 'pip');
const uvCacheDir = join(cacheDir, 'uv');
/** Copies of the uv each lock installed, which outlive the projects' folders. */
const uvCopiesDir = join(cacheDir, 'e2e-uv');

/** A shell with nothing of ours in it: no active venv or PYTHONPATH, only pip's and uv's caches. */
function pythonEnv(): NodeJS.ProcessEnv {
  const env = userShellEnv();
  for (const key of ['VIRTUAL_ENV', 'PYTHONPATH', 'PYTHONHOME', 'PYTHONSTARTUP']) delete env[key];
  return {
    ...env,
    PIP_CACHE_DIR: pipCacheDir,
    UV_CACHE_DIR: uvCacheDir,
    // DVC keeps a site cache in /var/tmp/dvc unless told otherwise.
    DVC_SITE_CACHE_DIR: join(cacheDir, 'dvc-site-cache'),
    PIP_DISABLE_PIP_VERSION_CHECK: '1',
    PIP_NO_INPUT: '1',
    // The cache and the projects' folders are on different file systems: no hard links.
    UV_LINK_MODE: 'copy',
  };
}

/** The environment after `. .venv/bin/activate` in `dir`. */
function activated(dir: string): NodeJS.ProcessEnv {
  const env = pythonEnv();
  const venv = join(dir, '.venv');
  return { ...env, VIRTUAL_ENV: venv, PATH: `${join(venv, 'bin')}:${env.PATH ?? ''}` };
}

/** The first project set up with each requirements-dev.txt, by the lock's hash, and its uv. */
const firstByLock = new Map<string, { dir: string; uv: string }>();

/**
 * `python3 -m venv .venv`, `pip install --require-hashes -r requirements-dev.txt`, then the project
 * itself, editable (its README's steps), in `dir`. The editable install is the project's own, so
 * every project gets its own venv; a lock that was installed for an earlier project is installed
 * again by uv (which came with that lock) from uv's cache, in seconds rather than pip's minute.
 */
export async function setUpVenv(dir: string): Promise<void> {
  const lock = await readFile(join(dir, 'requirements-dev.txt'));
  const hash = createHash('sha256').update(lock).digest('hex');
  const first = firstByLock.get(hash);
  const requirements = ['install', '--require-hashes', '-r', 'requirements-dev.txt'];
  // uv needs no pip in the venv, and ensurepip takes seconds.
  const venvArgs = ['-m', 'venv', ...(first ? ['--without-pip'] : []), '.venv'];
  await runOk('python3', venvArgs, { cwd: dir, env: pythonEnv() });
  if (first) {
    say(`  same requirements-dev.txt as ${first.dir}: installed by its uv, from uv's cache`);
    await inVenv(dir, first.uv, ['pip', ...requirements]);
  } else {
    await inVenv(dir, 'pip', requirements);
    const uv = join(dir, '.venv', 'bin', 'uv');
    // A lock without uv (a team's) is installed by pip each time.
    if (existsSync(uv)) {
      const copy = join(uvCopiesDir, `uv-${hash.slice(0, 16)}`);
      await mkdir(uvCopiesDir, { recursive: true });
      await copyFile(uv, copy);
      firstByLock.set(hash, { dir, uv: copy });
    }
  }
  // A generated project is a package; a team's repository in the add test is not.
  if (existsSync(join(dir, 'pyproject.toml'))) await inVenv(dir, 'uv', [...projectInstallArgs]);
}

/** Runs a command (pip, pytest, ruff, python) inside the project's activated venv. */
export function inVenv(dir: string, command: string, args: string[]): Promise<RunResult> {
  return runOk(command, args, { cwd: dir, env: activated(dir), timeoutMs: 15 * 60_000 });
}
