/** Where things are: the repository, the harness's cache, the stand-ins and the tools it runs. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const packageDir = fileURLToPath(new URL('../', import.meta.url));

/** The stand-in actions, one folder per owner/repo, and the `gh` stand-in's folder (put on PATH). */
export const standInsDir = join(packageDir, 'stand-ins');
export const ghStandInDir = join(standInsDir, 'bin');

/**
 * Git-ignored, kept between suites: Node 24, the pip cache every run shares, and the uv cache the
 * setup-uv stand-in gives jobs that set enable-cache (a harness cache, not GitHub's cache service).
 */
export const harnessCache = join(repoRoot, '.cache', 'workflow-runs');
export const pipCacheDir = join(harnessCache, 'pip');
export const uvCacheDir = join(harnessCache, 'uv');

/** The uv the setup-uv stand-in puts on PATH: the validators' venv's (pnpm setup:tools). */
export const uvBin = join(repoRoot, '.cache', 'tools-venv', 'bin', 'uv');

export const ACT_VERSION = '0.2.89';
export const actBin = join(repoRoot, '.cache', 'bin', 'act');

/** The generated actions say `using: node24`; act runs them with the `node` first on PATH. */
export const NODE_VERSION = '24.22.3';
export const nodeDir = join(harnessCache, `node-${NODE_VERSION}`);

/** The machine's Pythons, one folder per version (pyenv's layout); setup-python picks from here. */
export const pythonVersionsDir = process.env.ML_CICD_PYTHON_VERSIONS ?? '/root/.pyenv/versions';

/** Where each suite makes its folder: outside the repository and outside /tmp. */
export const suiteParent = process.env.WORKFLOW_RUNS_TMP ?? '/var/tmp';
