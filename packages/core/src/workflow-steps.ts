/** Workflow steps that several features add to their jobs. */
import { uses } from './versions.js';

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

/** The repository and its locked Python requirements. */
export function pythonSetupSteps(python: string): Record<string, unknown>[] {
  return [
    checkoutStep,
    // No cache: a job that publishes or pushes must not restore one (cache poisoning).
    { name: 'Set up Python', uses: uses('setupPython'), with: { 'python-version': python } },
    {
      name: 'Install the pinned requirements',
      shell: 'bash',
      run: 'python -m pip install --disable-pip-version-check --require-hashes -r requirements.txt\n',
    },
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
