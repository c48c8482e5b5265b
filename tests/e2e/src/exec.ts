/**
 * Runs a command without a terminal and collects its output; the caller decides what is a failure.
 * The end-to-end tests and the workflow runs (tests/workflows) share it.
 */
import { spawn, type ChildProcess } from 'node:child_process';

/** Commands still running: ended with this process, should the runner be stopped mid-test. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Killed after this long; counts as a failure with code -1. */
  timeoutMs?: number;
}

export interface RunResult {
  command: string;
  code: number;
  stdout: string;
  stderr: string;
}

export function run(command: string, args: string[], options: RunOptions): Promise<RunResult> {
  const shown = [command, ...args].join(' ');
  const timeoutMs = options.timeoutMs ?? 10 * 60_000;
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      stderr += `\n${shown} killed after ${timeoutMs / 1000} s`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      running.delete(child);
      clearTimeout(timer);
      resolve({ command: shown, code: -1, stdout, stderr: `${stderr}${error.message}` });
    });
    child.on('close', (code) => {
      running.delete(child);
      clearTimeout(timer);
      resolve({ command: shown, code: code ?? -1, stdout, stderr });
    });
  });
}

function tail(text: string, lines = 40): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}

/** Like run, but a non-zero exit throws with the command, its cwd and the end of its output. */
export async function runOk(
  command: string,
  args: string[],
  options: RunOptions,
): Promise<RunResult> {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    throw new Error(
      `${result.command} (in ${options.cwd}) exited with ${result.code}:\n${tail(result.stdout)}\n${tail(result.stderr)}`,
    );
  }
  return result;
}
