/** The message after a project is written: what to run next, for the user's shell and tools. */
import { isAbsolute, relative } from 'node:path';
import { npxCommand, shellWord, startedFromTarball } from '@ml-cicd/core';

export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'bun';

/** The package manager that ran us, from `npm_config_user_agent` (e.g. "pnpm/10.3.0 npm/? node/v20"). */
export function detectPackageManager(userAgent: string | undefined): PackageManager {
  const name = userAgent?.split('/')[0];
  return name === 'pnpm' || name === 'yarn' || name === 'bun' ? name : 'npm';
}

/** How this package manager runs a `create-*` package; from the same tarball if this run was. */
export function createCommand(
  pm: PackageManager,
  args: string,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (startedFromTarball(env)) return npxCommand('create-ml-cicd', args, env);
  if (pm === 'npm') return `npm create ml-cicd@latest ${args}`;
  if (pm === 'bun') return `bun create ml-cicd ${args}`;
  return `${pm} create ml-cicd ${args}`;
}

/** The project folder as `cd` takes it from `cwd`: relative inside it, absolute elsewhere. */
export function cdPath(cwd: string, dir: string): string {
  const path = relative(cwd, dir);
  if (path === '') return '.';
  return path.startsWith('..') || isAbsolute(path) ? dir : path;
}

export interface NextStepsInput {
  /** The folder as the user should `cd` into it: relative when inside the current one. */
  cdPath: string;
  installed: boolean;
  windows: boolean;
  pm: PackageManager;
}

export function nextSteps({ cdPath, installed, windows, pm }: NextStepsInput): string[] {
  const activate = windows ? '.venv\\Scripts\\activate' : '. .venv/bin/activate';
  const steps: string[] = [];
  if (cdPath !== '.') steps.push(`cd ${shellWord(cdPath)}`);
  if (!installed) {
    steps.push(windows ? 'py -m venv .venv' : 'python3 -m venv .venv');
  }
  steps.push(activate);
  if (!installed) steps.push('pip install --require-hashes -r requirements-dev.txt');
  steps.push('pytest', 'python train.py --criterion entropy --max-depth 3');
  steps.push(
    'push to a new GitHub repository, then run Actions → Train → Run workflow',
    `another project: ${createCommand(pm, 'other-project')}`,
  );
  return steps;
}
