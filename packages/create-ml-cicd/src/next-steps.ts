/** The message after a project is written: what to run next, for the user's shell and tools. */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import {
  npxCommand,
  projectInstallCommand,
  shellWord,
  startedFromTarball,
  trainExample,
  type ProjectPlan,
} from '@ml-cicd/core';

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

/**
 * How to run ml-cicd of the same version: from its tarball beside create-ml-cicd's when this run
 * came from a tarball (as the README's clone instructions pack both), else from npm.
 */
export function mlCicdCommand(version: string, env: NodeJS.ProcessEnv = process.env): string {
  const tarball = startedFromTarball(env);
  const cli = tarball && join(dirname(tarball), `ml-cicd-${version}.tgz`);
  return cli && existsSync(cli)
    ? `npx --package ${shellWord(cli)} ml-cicd`
    : `npx ml-cicd@${version}`;
}

export interface NextStepsInput {
  /** The folder as the user should `cd` into it: relative when inside the current one. */
  cdPath: string;
  installed: boolean;
  windows: boolean;
  pm: PackageManager;
  /** The features the project was made with (its manifest's). */
  features: readonly string[];
  /** Whether ml-cicd.yaml lists GitHub Environments, secrets or variables to set up. */
  settings: boolean;
  /** How to run ml-cicd (mlCicdCommand). */
  mlCicd: string;
  /** What the model predicts: the example run passes params its estimator takes. */
  task?: ProjectPlan['config']['task'];
}

export function nextSteps({
  cdPath,
  installed,
  windows,
  pm,
  features,
  settings,
  mlCicd,
  task,
}: NextStepsInput): string[] {
  const activate = windows ? '.venv\\Scripts\\activate' : '. .venv/bin/activate';
  const steps: string[] = [];
  if (cdPath !== '.') steps.push(`cd ${shellWord(cdPath)}`);
  if (!installed) {
    steps.push(windows ? 'py -m venv .venv' : 'python3 -m venv .venv');
  }
  steps.push(activate);
  if (!installed) {
    steps.push('pip install --require-hashes -r requirements-dev.txt', projectInstallCommand);
  }
  steps.push('pytest', trainExample(task));
  if (features.includes('data-dvc')) {
    // The DVC job of CI fails until dvc.lock records what the pipeline made.
    steps.push('dvc repro', 'git add dvc.lock && git commit -m "Record the DVC pipeline outputs"');
  }
  if (settings) {
    steps.push(
      `create the GitHub repository, then its environments and secrets before the first push: ${mlCicd} secrets --apply`,
    );
  }
  steps.push(
    'push to the GitHub repository, then run Actions → Train → Run workflow',
    `another project: ${createCommand(pm, 'other-project')}`,
  );
  return steps;
}
