/** The steps that give a job the repository and its locked Python requirements. */
import { uses } from '../../versions.js';

export const checkoutStep = {
  name: 'Check out the repository',
  uses: uses('checkout'),
  with: { 'persist-credentials': false },
};

export function pythonSetupSteps(python: string): Record<string, unknown>[] {
  return [
    checkoutStep,
    // No cache: a workflow that publishes must not restore one (cache poisoning).
    { name: 'Set up Python', uses: uses('setupPython'), with: { 'python-version': python } },
    {
      name: 'Install the pinned requirements',
      shell: 'bash',
      run: 'python -m pip install --disable-pip-version-check --require-hashes -r requirements.txt\n',
    },
  ];
}
