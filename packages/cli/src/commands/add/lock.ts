/** `--lock`: locks the requirements a workflow installs, with uv or else pip-tools, when they are not. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { lockCommand } from '@ml-cicd/core';
import { UserError } from '../../errors.js';
import type { Kind } from './plan.js';
import { installs } from './requirements.js';

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

/** Runs the lock command; returns the sentence saying what ran. */
export async function lock(dir: string, kind: Kind): Promise<string> {
  const [input, output] = installs[kind];
  if (!existsSync(join(dir, input))) {
    throw new UserError(
      `--lock needs ${input}, the list of direct dependencies to lock; write it, then run this again.`,
    );
  }
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
      throw new UserError(`${shown} failed: ${ran.stderr.trim().split('\n').at(-1) ?? ''}`);
    }
    return `Locked ${output} with: ${shown}`;
  }
  throw new UserError(
    `--lock needs uv (https://docs.astral.sh/uv/) or pip-tools (pip install pip-tools), and neither is on PATH.`,
  );
}
