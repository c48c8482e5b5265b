/**
 * `--lock`: locks the requirements a workflow installs from what the repository has (a
 * requirements.in, an unpinned requirements.txt, pyproject.toml's dependencies, or a conda
 * environment.yml), with uv or else pip-tools. The source is found before anything is written;
 * the lock runs before the workflows are written, so a failed lock leaves the repository as it
 * was.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lockCommand } from '@ml-cicd/core';
import { UserError } from '../../errors.js';
import { condaSource } from './conda.js';
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

/** What `--lock` compiles into which file, and the input it writes first when there is none. */
export interface LockSource {
  input: string;
  output: string;
  /**
   * The list of direct dependencies made from another file, the words that say so, and what to
   * do when it does not lock.
   */
  seed?: { text: string; said: string; failed?: string };
}

/** The input made from a conda environment file: the PyPI names of its packages. */
function condaSeed(dir: string, input: string): LockSource['seed'] {
  const source = condaSource(dir);
  if (!source) return undefined;
  const { file, requirements: found } = source;
  const left =
    found.condaOnly.length > 0
      ? `, leaving out what only conda has (${found.condaOnly.join(', ')})`
      : '';
  return {
    text: [
      `# The packages of ${file}, by their PyPI names: uv installs them from PyPI.`,
      ...found.lines,
      '',
    ].join('\n'),
    said: `Wrote the packages of ${file} to ${input} by their PyPI names${left}, and locked`,
    failed: `${input} would have held ${found.lines.join(', ')}, the packages of ${file}: when one is conda's own (an exported environment lists its libraries too), export only what you asked for with conda env export --from-history, or write ${input} with the packages you import, then run this again`,
  };
}

/** What there is to lock; a UserError naming what is missing when there is nothing. */
export function lockSource(dir: string, kind: Kind, lockPath?: string): LockSource {
  const [defaultInput, defaultOutput] = installsOf(kind);
  const output = lockPath ?? defaultOutput;
  const input = lockPath ? lockPath.replace(/\.txt$/, '.in') : defaultInput;
  if (existsSync(join(dir, input))) return { input, output };
  if (existsSync(join(dir, output))) {
    const text = readFileSync(join(dir, output), 'utf8');
    const said = `Copied the requirements of ${output} to ${input}, the list of direct dependencies, and locked`;
    return { input, output, seed: { text, said } };
  }
  if (input === runtime[0] && pyprojectDependencies(dir)) {
    return { input: 'pyproject.toml', output };
  }
  const seed = input === runtime[0] ? condaSeed(dir, input) : undefined;
  if (seed) return { input, output, seed };
  throw new UserError(
    `--lock needs the direct dependencies to lock: ${input}, an unpinned ${output}${input === runtime[0] ? ', [project] dependencies in pyproject.toml, or a conda environment.yml' : ''}; write one, then run this again (nothing was written).`,
  );
}

/** Runs the lock command; returns the sentence saying what it did. */
export async function lock(dir: string, source: LockSource): Promise<string> {
  const { input, output, seed } = source;
  if (seed) writeFileSync(join(dir, input), seed.text);
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
      if (seed) rmSync(join(dir, input), { force: true });
      throw new UserError(
        `${shown} failed, so nothing was written: ${ran.stderr.trim().split('\n').at(-1) ?? ''}${seed?.failed ? `; ${seed.failed}.` : ''}`,
      );
    }
    return `${seed?.said ?? 'Locked'} ${output} from ${input} with: ${shown}`;
  }
  if (seed) rmSync(join(dir, input), { force: true });
  throw new UserError(
    `--lock needs uv (https://docs.astral.sh/uv/) or pip-tools (pip install pip-tools), and neither is on PATH; nothing was written.`,
  );
}
