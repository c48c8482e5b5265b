/** `npm create ml-cicd@latest`, as a user types it, against the local registry. */
import { run, runOk, type RunResult } from './exec.js';
import { npmEnv, type NpmSession } from './npm-env.js';

/** Runs `npm create ml-cicd@latest <args>` in `cwd`; its exit code is the caller's to check. */
export function npmCreate(
  session: NpmSession,
  cwd: string,
  args: string[],
  cache?: string,
): Promise<RunResult> {
  return run('npm', ['create', 'ml-cicd@latest', ...args], { cwd, env: npmEnv(session, cache) });
}

export interface CreateJson {
  dir: string;
  features: string[];
  files: { path: string; action: string }[];
  nextSteps: string[];
}

/** Creates a project with `--yes --no-git --json` and the given flags; returns what the bin reported. */
export async function createProject(
  session: NpmSession,
  cwd: string,
  folder: string,
  flags: string[],
): Promise<CreateJson> {
  const args = ['create', 'ml-cicd@latest', folder, '--', '--yes', '--no-git', '--json', ...flags];
  const { stdout } = await runOk('npm', args, { cwd, env: npmEnv(session) });
  return JSON.parse(withoutNpmBanner(stdout)) as CreateJson;
}

/** npm exec prints `> npx` and the command on stdout before the bin's own output. */
function withoutNpmBanner(stdout: string): string {
  return stdout.replace(/^\n?(> .*\n)+\n?/, '');
}

/** The lines under "Next steps:" in the bin's plain output, without their indentation. */
export function nextStepLines(stdout: string): string[] {
  const [, after = ''] = stdout.split(/^Next steps:$/m);
  return after
    .split('\n')
    .filter((line) => line.startsWith('  '))
    .map((line) => line.trim());
}
