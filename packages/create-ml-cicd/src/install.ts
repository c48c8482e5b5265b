/**
 * `--install`: create `.venv`, install the pinned development requirements with hashes, then the
 * project itself, editable.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { projectInstallArgs, UserError } from '@ml-cicd/core';

function run(
  command: string,
  args: string[],
  cwd: string,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => resolve({ code: -1, output: error.message }));
    child.on('close', (code) => resolve({ code: code ?? -1, output }));
  });
}

function tail(output: string): string {
  return output.trim().split('\n').slice(-15).join('\n');
}

export async function installEnvironment(
  dir: string,
  report: (step: string) => void,
): Promise<void> {
  const windows = process.platform === 'win32';
  const python = process.env.PYTHON ?? (windows ? 'py' : 'python3');
  report('Creating .venv');
  const venv = await run(python, ['-m', 'venv', '.venv'], dir);
  if (venv.code !== 0) {
    throw new UserError(
      `Could not create .venv with ${python} (set PYTHON to another interpreter):\n${tail(venv.output)}`,
    );
  }
  const venvPython = windows
    ? join(dir, '.venv', 'Scripts', 'python.exe')
    : join(dir, '.venv', 'bin', 'python');
  report('Installing requirements-dev.txt with hashes (this takes a minute)');
  const pip = await run(
    venvPython,
    [
      '-m',
      'pip',
      'install',
      '--disable-pip-version-check',
      '--require-hashes',
      '-r',
      'requirements-dev.txt',
    ],
    dir,
  );
  if (pip.code !== 0) {
    throw new UserError(`pip could not install requirements-dev.txt:\n${tail(pip.output)}`);
  }
  report('Installing the project, editable');
  // uv came with the development requirements; --python names the environment to install into.
  const uv = windows ? join(dir, '.venv', 'Scripts', 'uv.exe') : join(dir, '.venv', 'bin', 'uv');
  const project = await run(uv, [...projectInstallArgs, '--python', venvPython], dir);
  if (project.code !== 0) {
    throw new UserError(`uv could not install the project:\n${tail(project.output)}`);
  }
}
