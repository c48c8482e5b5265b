/** The two programs update runs: git (clean tree, merges) and npm (the registry's renderers). */
import { spawnSync } from 'node:child_process';
import { UserError } from '../../errors.js';
import * as say from './messages.js';

export interface Ran {
  status: number;
  stdout: string;
  stderr: string;
}

const windows = process.platform === 'win32';

function spawn(program: 'git' | 'npm', args: string[], cwd: string): Ran {
  // npm is a .cmd script on Windows, which only a shell runs; quoted, each argument stays one.
  const result = spawnSync(
    windows && program === 'npm' ? 'npm.cmd' : program,
    windows && program === 'npm' ? args.map((arg) => `"${arg}"`) : args,
    {
      cwd,
      encoding: 'utf8',
      shell: windows && program === 'npm',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    throw new UserError(say.missingProgram(program));
  }
  if (result.error) throw result.error;
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function git(args: string[], cwd: string): Ran {
  return spawn('git', args, cwd);
}

export function npm(args: string[], cwd: string): Ran {
  return spawn('npm', args, cwd);
}

/** The line of npm's output that says what went wrong, as the end of a sentence. */
export function npmProblem(ran: Ran): string {
  const lines = `${ran.stderr}\n${ran.stdout}`
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  // npm prints its error's fields (code, errno, ...) first, then the message.
  const fields = /^npm (?:error|ERR!) (?:code|syscall|errno|path|command|signal) /;
  const error = lines.find((line) => /^npm (?:error|ERR!) \S/.test(line) && !fields.test(line));
  const problem = (error ?? lines.at(-1) ?? `npm exited with ${ran.status}`)
    .replace(/^npm (?:error|ERR!) /, '')
    .replace(/^\w*Error: /, '');
  return /[.!?]$/.test(problem) ? problem : `${problem}.`;
}
