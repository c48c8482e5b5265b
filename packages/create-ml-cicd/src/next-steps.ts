/** The message after a project is written: what to run next, for the user's shell and tools. */

export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'bun';

/** The package manager that ran us, from `npm_config_user_agent` (e.g. "pnpm/10.3.0 npm/? node/v20"). */
export function detectPackageManager(userAgent: string | undefined): PackageManager {
  const name = userAgent?.split('/')[0];
  return name === 'pnpm' || name === 'yarn' || name === 'bun' ? name : 'npm';
}

/** How this package manager runs a `create-*` package. */
export function createCommand(pm: PackageManager, args: string): string {
  if (pm === 'npm') return `npm create ml-cicd@latest ${args}`;
  if (pm === 'bun') return `bun create ml-cicd ${args}`;
  return `${pm} create ml-cicd ${args}`;
}

export interface NextStepsInput {
  /** The folder as the user should `cd` into it, relative when possible. */
  cdPath: string;
  installed: boolean;
  windows: boolean;
  pm: PackageManager;
}

export function nextSteps({ cdPath, installed, windows, pm }: NextStepsInput): string[] {
  const activate = windows ? '.venv\\Scripts\\activate' : '. .venv/bin/activate';
  const steps: string[] = [];
  if (cdPath !== '.') steps.push(`cd ${/\s/.test(cdPath) ? JSON.stringify(cdPath) : cdPath}`);
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
