/** Workflow steps that several features add to their jobs. */
import type { MlCicdConfig } from '@ml-cicd/config';
import { tools, uses } from './versions.js';

/** Puts the GPU in the job log, so a run on the wrong machine is plain to see. */
export const showGpuStep = {
  name: 'Show the GPU',
  shell: 'bash',
  run: [
    'if command -v nvidia-smi >/dev/null; then',
    '  nvidia-smi',
    'else',
    '  echo "No NVIDIA GPU on this runner: nvidia-smi is not installed."',
    'fi',
    '',
  ].join('\n'),
};

export const checkoutStep = {
  name: 'Check out the repository',
  uses: uses('checkout'),
  with: { 'persist-credentials': false },
};

/**
 * uv at its pinned release, after setup-python: `uv pip install --system` then installs into
 * setup-python's interpreter, the first on PATH. No cache: these steps serve jobs that release or
 * push, which must never restore a cache a pull request could have written (zizmor's
 * cache-poisoning audit); setup-uv's default, "auto", caches on GitHub's runners, so it is said.
 */
const setupUvStep = {
  name: 'Set up uv',
  uses: uses('setupUv'),
  with: { version: tools.uv, 'enable-cache': false },
};

/**
 * Installs the repository itself, editable and without its dependencies (they came hashed). A
 * project on uv's own backend, as ml-cicd generates it, is built by the copy uv bundles: offline
 * and without build isolation, uv fails rather than download a backend no lock hashes. The train
 * action and checks.yml run the same script (a test holds them to it).
 */
export const installProjectScript = [
  'if grep -qsE \'^build-backend = "uv_build"\' pyproject.toml; then',
  '  uv pip install --system --offline --no-build-isolation --no-deps -e .',
  'else',
  '  uv pip install --system --no-deps -e .',
  'fi',
  '',
].join('\n');

/**
 * Installs the hash-locked requirements: requirements.txt, or ml-cicd.yaml's train.requirements,
 * handed to the shell as a variable since it is any one line of text.
 */
function installRequirementsStep(file: string | undefined): Record<string, unknown> {
  const name = 'Install the pinned requirements';
  const install = 'uv pip install --system --require-hashes -r';
  return file === undefined
    ? { name, shell: 'bash', run: `${install} requirements.txt\n` }
    : { name, shell: 'bash', env: { REQUIREMENTS: file }, run: `${install} "$REQUIREMENTS"\n` };
}

/**
 * The repository and its locked Python requirements, installed with hashes and no cache; then the
 * project itself when ml-cicd.yaml says it is a package (`train.install-project`).
 */
export function pythonSetupSteps(config: MlCicdConfig): Record<string, unknown>[] {
  return [
    checkoutStep,
    { name: 'Set up Python', uses: uses('setupPython'), with: { 'python-version': config.python } },
    setupUvStep,
    installRequirementsStep(config.train?.requirements),
    ...(config.train?.['install-project']
      ? [{ name: 'Install the project', shell: 'bash', run: installProjectScript }]
      : []),
  ];
}

/**
 * A workflow's head for checks on every pull request and push to main: no token scopes by
 * default, and a newer push to a pull request cancels the run it makes stale.
 */
export function checksWorkflowHead(name: string) {
  return {
    name,
    on: { pull_request: null, push: { branches: ['main'] } },
    permissions: {},
    concurrency: {
      group: '${{ github.workflow }}-${{ github.event.pull_request.number || github.ref }}',
      'cancel-in-progress': "${{ github.event_name == 'pull_request' }}",
    },
  };
}
