/**
 * `--lock`: locks the requirements a workflow installs from what the repository has (a
 * requirements.in, an unpinned requirements.txt, or pyproject.toml's dependencies), with uv or
 * else pip-tools. The source is found before anything is written; the lock runs before the
 * workflows are written, so a failed lock leaves the repository as it was.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lockCommand } from '@ml-cicd/core';
import { UserError } from '../../errors.js';
import type { Kind } from './plan.js';
import { installsOf, pyprojectDependencies, runtime } from './requirements.js';

interface Ran {
  code: number | null;
  missing: boolean;
  stderr: string;
}

function run(command: string, args: string[], cwd: string): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd, windowsHide: true, maxBuffer: 16 * 1024 * 1024 },
      (error, _, stderr) => {
        const failure = error as NodeJS.ErrnoException | null;
        resolve({
          code: failure ? (typeof failure.code === 'number' ? failure.code : null) : 0,
          missing: failure?.code === 'ENOENT',
          stderr,
        });
      },
    );
  });
}

/** What `--lock` compiles into which file, and the unpinned file it first copies to the input. */
export interface LockSource {
  input: string;
  output: string;
  /** The unpinned lock whose lines become the input (the list of direct dependencies). */
  copiedFrom?: string;
}

/** What there is to lock; a UserError naming what is missing when there is nothing. */
export function lockSource(dir: string, kind: Kind, lockPath?: string): LockSource {
  const [defaultInput, defaultOutput] = installsOf(kind);
  const output = lockPath ?? defaultOutput;
  const input = lockPath ? lockPath.replace(/\.txt$/, '.in') : defaultInput;
  if (existsSync(join(dir, input))) return { input, output };
  if (existsSync(join(dir, output))) return { input, output, copiedFrom: output };
  if (input === runtime[0] && pyprojectDependencies(dir)) {
    return { input: 'pyproject.toml', output };
  }
  throw new UserError(
    `--lock needs the direct dependencies to lock: ${input}, an unpinned ${output}${input === runtime[0] ? ', or [project] dependencies in pyproject.toml' : ''}; write one, then run this again (nothing was written).`,
  );
}

/** Runs the lock command; returns the sentence saying what it did. */
export async function lock(dir: string, source: LockSource): Promise<string> {
  const { input, output, copiedFrom } = source;
  if (copiedFrom) writeFileSync(join(dir, input), readFileSync(join(dir, copiedFrom), 'utf8'));
  const [uv, ...uvArgs] = lockCommand(input, output).split(' ');
  const tools: [string, string[]][] = [
    [uv!, uvArgs],
    [
      'pip-compile',
      ['--generate-hashes', '--allow-unsafe', '--quiet', '--output-file', output, input],
    ],
  ];
  for (const [command, args] of tools) {
    const ran = await run(command, args, dir);
    if (ran.missing) continue;
    const shown = `${command} ${args.join(' ')}`;
    if (ran.code !== 0) {
      if (copiedFrom) rmSync(join(dir, input), { force: true });
      throw new UserError(
        `${shown} failed, so nothing was written: ${ran.stderr.trim().split('\n').at(-1) ?? ''}`,
      );
    }
    const copied = copiedFrom
      ? `Copied the requirements of ${copiedFrom} to ${input}, the list of direct dependencies, and locked`
      : 'Locked';
    return `${copied} ${output} from ${input} with: ${shown}`;
  }
  if (copiedFrom) rmSync(join(dir, input), { force: true });
  throw new UserError(
    `--lock needs uv (https://docs.astral.sh/uv/) or pip-tools (pip install pip-tools), and neither is on PATH; nothing was written.`,
  );
}
