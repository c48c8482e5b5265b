// The generated project's own steps: installing its hashed dev requirements with pip and uv from
// warm caches, its tests, and a default training run.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanEnv, repoRoot } from './pack.mjs';
import { interleave, run } from './time.mjs';

// Kept between bench runs (and gitignored) so only the first run downloads the wheels.
const cacheDir = fileURLToPath(new URL('../.cache/', import.meta.url));
const uvPath = join(repoRoot, '.cache', 'tools-venv', 'bin', 'uv');

async function interpreter(env) {
  const python = process.env.PYTHON ?? 'python3';
  try {
    const { stdout } = await run(
      python,
      ['-c', 'import sys, platform; print(sys.executable); print(platform.python_version())'],
      { env },
    );
    const [executable, version] = stdout.trim().split('\n');
    return { executable, version };
  } catch {
    return undefined;
  }
}

/**
 * Times the steps of the project create-ml-cicd makes with `flags`; `skipped` says which ones could
 * not run here and why.
 */
export async function benchPython(bin, { root, runs, onRound, progress, flags = [] }) {
  const env = {
    ...cleanEnv(),
    PIP_CACHE_DIR: join(cacheDir, 'pip'),
    PIP_DISABLE_PIP_VERSION_CHECK: '1',
    UV_CACHE_DIR: join(cacheDir, 'uv'),
  };
  const python = await interpreter(env);
  if (!python) return { skipped: { all: `${process.env.PYTHON ?? 'python3'} was not found` } };
  const uv = existsSync(uvPath) ? uvPath : undefined;

  const work = join(root, 'python');
  await mkdir(work);
  await run(process.execPath, [bin, 'project', '--yes', '--no-git', ...flags], { cwd: work, env });
  const project = join(work, 'project');
  const requirements = ['--require-hashes', '-r', 'requirements-dev.txt'];

  const freshVenv = async (tool) => {
    const venv = await mkdtemp(join(root, `venv-${tool}-`));
    const [command, args] =
      tool === 'uv'
        ? [uv, ['venv', '--quiet', '--python', python.executable, venv]]
        : [python.executable, ['-m', 'venv', venv]];
    await run(command, args, { env });
    return venv;
  };
  const install = async (tool, venv) => {
    const venvPython = join(venv, 'bin', 'python');
    const [command, args] =
      tool === 'uv'
        ? [uv, ['pip', 'install', '--quiet', '--python', venvPython, ...requirements]]
        : [venvPython, ['-m', 'pip', 'install', '--quiet', ...requirements]];
    return (await run(command, args, { cwd: project, env })).ms;
  };
  // Only the install is timed: each tool makes its venv its own way beforehand, untimed.
  const timedInstall = (tool) => async () => {
    const venv = await freshVenv(tool);
    const ms = await install(tool, venv);
    await rm(venv, { recursive: true, force: true });
    return ms;
  };

  progress('warming the pip cache (the first run downloads the wheels)');
  const venv = await freshVenv('pip');
  await install('pip', venv);
  const installTasks = { pip: timedInstall('pip') };
  if (uv) {
    progress('warming the uv cache');
    await timedInstall('uv')();
    installTasks.uv = timedInstall('uv');
  }
  const installs = await interleave(installTasks, { iterations: runs, warmup: 0, onRound });

  const venvPython = join(venv, 'bin', 'python');
  const step = (args) => async () => (await run(venvPython, args, { cwd: project, env })).ms;
  const pytest = await interleave(
    { pytest: step(['-m', 'pytest', '-q']) },
    { iterations: runs, warmup: 1, onRound },
  );
  const train = await interleave(
    { train: step(['train.py']) },
    { iterations: runs, warmup: 1, onRound },
  );
  return {
    python: python.version,
    samples: { ...installs, ...pytest, ...train },
    skipped: uv ? {} : { uv: `${uvPath} is missing: run \`pnpm setup:tools\`` },
  };
}
