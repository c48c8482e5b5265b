import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { at, edit, printed, project, turnOff } from '../../test/fixtures.js';
import { train } from '../../test/secrets.js';

const secretEnv = '    env:\n      TRACKING_TOKEN: ${{ secrets.TRACKING_TOKEN }}\n';

describe('secrets-declared', () => {
  it('reports a secret that no environment of ml-cicd.yaml declares, once per workflow', async () => {
    const dir = await project();
    edit(
      dir,
      train,
      '    timeout-minutes: 60\n',
      `    timeout-minutes: 60\n${secretEnv}      AGAIN: \${{ secrets.TRACKING_TOKEN }}\n`,
    );
    expect(await printed(dir)).toEqual([
      `${at(dir, train, 'secrets.TRACKING_TOKEN')}: error [secrets-declared] secrets.TRACKING_TOKEN is not declared in ml-cicd.yaml; add TRACKING_TOKEN to the secrets of the environment whose job reads it (e.g. environments.training.secrets).`,
    ]);
  });

  it('names the environment the reading job binds, not the training one', async () => {
    const dir = await project();
    appendFileSync(
      join(dir, train),
      '  deploy:\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    environment: production\n' +
        '    steps:\n      - run: ./deploy.sh\n        env:\n          DEPLOY_KEY: ${{ secrets.DEPLOY_KEY }}\n',
    );
    expect((await printed(dir)).filter((line) => line.includes('[secrets-declared]'))).toEqual([
      `${at(dir, train, 'secrets.DEPLOY_KEY')}: error [secrets-declared] secrets.DEPLOY_KEY is not declared in ml-cicd.yaml; add DEPLOY_KEY to the secrets of the environment whose job reads it (e.g. environments.production.secrets).`,
    ]);
  });

  it('reports an undeclared variable, in an if: condition too', async () => {
    const dir = await project();
    edit(
      dir,
      train,
      '    timeout-minutes: 60\n',
      "    timeout-minutes: 60\n    if: vars.TRAINING_ENABLED == 'true'\n",
    );
    expect(await printed(dir)).toEqual([
      `${at(dir, train, 'vars.TRAINING_ENABLED')}: error [secrets-declared] vars.TRAINING_ENABLED is not declared in ml-cicd.yaml; add TRAINING_ENABLED to the variables of the environment whose job reads it (e.g. environments.training.variables).`,
    ]);
  });

  it('accepts them once declared', async () => {
    const dir = await project();
    edit(
      dir,
      train,
      '    timeout-minutes: 60\n',
      `    timeout-minutes: 60\n    if: vars.TRAINING_ENABLED == 'true'\n${secretEnv}`,
    );
    edit(
      dir,
      'ml-cicd.yaml',
      'protect it with required reviewers.\n    secrets: []\n    variables: []\n',
      'protect it with required reviewers.\n    secrets: [TRACKING_TOKEN]\n    variables:\n      - TRAINING_ENABLED\n',
    );
    expect(await printed(dir)).toEqual([]);
  });

  it('is turned off by rules: {secrets-declared: off}', async () => {
    const dir = await project();
    edit(dir, train, '    timeout-minutes: 60\n', `    timeout-minutes: 60\n${secretEnv}`);
    turnOff(dir, 'secrets-declared');
    expect(await printed(dir)).toEqual([]);
  });
});
