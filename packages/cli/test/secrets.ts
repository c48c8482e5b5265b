/** A project whose training job reads a declared secret: valid, and the start of the secret rules' tests. */
import { edit } from './fixtures.js';

export const train = '.github/workflows/train.yml';

export function withTrainingSecret(dir: string, step = ''): void {
  const training = 'protect it with required reviewers.\n';
  edit(
    dir,
    'ml-cicd.yaml',
    `${training}    secrets: []\n`,
    `${training}    secrets:\n      - TRACKING_TOKEN\n`,
  );
  edit(
    dir,
    train,
    '    timeout-minutes: 60\n',
    '    timeout-minutes: 60\n    env:\n      TRACKING_TOKEN: ${{ secrets.TRACKING_TOKEN }}\n',
  );
  if (step)
    edit(
      dir,
      train,
      '          persist-credentials: false\n',
      `          persist-credentials: false\n${step}`,
    );
}
