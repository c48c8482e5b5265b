// Scaffolds a project with the built create-ml-cicd and runs it as a user would: a venv, the
// hashed locks and the project itself, then (with tests) ruff and pytest, and training. Used by `pnpm demo` and CI.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run, step } from './run.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
export const bin = join(root, 'packages/create-ml-cicd/dist/index.js');

/**
 * Scaffolds into `dir` with `flags`, installs, optionally tests, trains with `trainArgs`. With
 * `packs` (a folder holding the packed bins) create-ml-cicd runs from its tarball through npx.
 */
export async function scaffoldAndRun({ dir, flags = [], tests = false, trainArgs = [], packs }) {
  const windows = process.platform === 'win32';
  const python = join(dir, windows ? '.venv/Scripts/python.exe' : '.venv/bin/python');
  step(`Scaffold ${dir} ${flags.join(' ')}`);
  const args = [dir, '--yes', '--no-git', ...flags];
  if (packs) {
    const { version } = JSON.parse(
      readFileSync(join(root, 'packages/create-ml-cicd/package.json'), 'utf8'),
    );
    const tarball = join(packs, `create-ml-cicd-${version}.tgz`);
    // As from the user's shell: without the npm_config_* pnpm sets, which npm warns it does not know.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)),
    );
    run('npx', ['--yes', '--package', tarball, 'create-ml-cicd', ...args], { env });
  } else {
    run('node', [bin, ...args]);
  }
  step('Create .venv and install the pinned requirements with hashes');
  run(windows ? 'py' : 'python3', ['-m', 'venv', '.venv'], { cwd: dir });
  // The development lock brings uv, which installs the project itself, as its README says.
  const lock = 'requirements-dev.txt';
  run(
    python,
    [
      '-m',
      'pip',
      'install',
      '--quiet',
      '--disable-pip-version-check',
      '--require-hashes',
      '-r',
      lock,
    ],
    { cwd: dir },
  );
  step('Install the project, editable and without its dependencies');
  // Imported here: @ml-cicd/core is built by then (pnpm demo builds it first).
  const { projectInstallArgs } = await import('@ml-cicd/core');
  run(python, ['-m', 'uv', ...projectInstallArgs], { cwd: dir });
  if (tests) {
    step('Lint and test the generated project');
    run(python, ['-m', 'ruff', 'check', '.'], { cwd: dir });
    run(python, ['-m', 'ruff', 'format', '--check', '.'], { cwd: dir });
    run(python, ['-m', 'pytest', '-q'], { cwd: dir });
  }
  step(`Train ${trainArgs.join(' ') || 'with the embedded defaults'}`);
  run(python, ['train.py', ...trainArgs], { cwd: dir });
  const metrics = join(dir, 'outputs', 'metrics.json');
  if (!existsSync(metrics)) {
    process.stderr.write(`✖ Training wrote no ${metrics}.\n`);
    process.exit(1);
  }
  return JSON.parse(readFileSync(metrics, 'utf8'));
}
