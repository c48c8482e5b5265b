/**
 * A generated project's Python side, run as its next steps tell a user: a venv, the hashed locks,
 * then commands with the venv activated. pip's wheel cache is shared between runs and projects.
 */
import { createHash } from 'node:crypto';
import { readFile, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { runOk, type RunResult } from './exec.js';
import { userShellEnv } from './npm-env.js';
import { cacheDir } from './paths.js';
import { say } from './progress.js';

const pipCacheDir = join(cacheDir, 'pip');

/** A shell with nothing of ours in it: no active venv or PYTHONPATH, only pip's shared cache. */
function pythonEnv(): NodeJS.ProcessEnv {
  const env = userShellEnv();
  for (const key of ['VIRTUAL_ENV', 'PYTHONPATH', 'PYTHONHOME', 'PYTHONSTARTUP']) delete env[key];
  return {
    ...env,
    PIP_CACHE_DIR: pipCacheDir,
    // DVC keeps a site cache in /var/tmp/dvc unless told otherwise.
    DVC_SITE_CACHE_DIR: join(cacheDir, 'dvc-site-cache'),
    PIP_DISABLE_PIP_VERSION_CHECK: '1',
    PIP_NO_INPUT: '1',
  };
}

/** The environment after `. .venv/bin/activate` in `dir`. */
function activated(dir: string): NodeJS.ProcessEnv {
  const env = pythonEnv();
  const venv = join(dir, '.venv');
  return { ...env, VIRTUAL_ENV: venv, PATH: `${join(venv, 'bin')}:${env.PATH ?? ''}` };
}

/** Venvs set up so far, by the hash of the requirements-dev.txt installed into them. */
const venvsByLock = new Map<string, string>();

/**
 * `python3 -m venv .venv` and `pip install --require-hashes -r requirements-dev.txt` in `dir`.
 * A generated project is never pip-installed, so its venv holds exactly its lock: a project whose
 * lock was already installed for another one links to that venv instead of installing it again.
 */
export async function setUpVenv(dir: string): Promise<void> {
  const lock = await readFile(join(dir, 'requirements-dev.txt'));
  const hash = createHash('sha256').update(lock).digest('hex');
  const venv = join(dir, '.venv');
  const existing = venvsByLock.get(hash);
  if (existing) {
    say(`  same requirements-dev.txt as ${existing}: linking .venv to it`);
    await symlink(existing, venv, 'dir');
    return;
  }
  await runOk('python3', ['-m', 'venv', '.venv'], { cwd: dir, env: pythonEnv() });
  await inVenv(dir, 'pip', ['install', '--require-hashes', '-r', 'requirements-dev.txt']);
  venvsByLock.set(hash, venv);
}

/** Runs a command (pip, pytest, ruff, python) inside the project's activated venv. */
export function inVenv(dir: string, command: string, args: string[]): Promise<RunResult> {
  return runOk(command, args, { cwd: dir, env: activated(dir), timeoutMs: 15 * 60_000 });
}
