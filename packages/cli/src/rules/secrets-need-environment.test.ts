import { describe, expect, it } from 'vitest';
import { at, edit, printed, project, read, turnOff, write } from '../../test/fixtures.js';
import { train, withTrainingSecret } from '../../test/secrets.js';
import { validateProject } from '../validate/validate-project.js';

describe('secrets-need-environment', () => {
  it('accepts a secret read by a job bound to an environment', async () => {
    const dir = await project();
    withTrainingSecret(dir);
    expect(await printed(dir)).toEqual([]);
  });

  it('reports a job that reads a secret without an environment, at the reference', async () => {
    const dir = await project();
    withTrainingSecret(dir);
    edit(dir, train, '    environment: training\n', '');
    expect(await printed(dir)).toEqual([
      `${at(dir, train, 'secrets.TRACKING_TOKEN')}: error [secrets-need-environment] job "train" reads secrets.TRACKING_TOKEN without an environment; add "environment: training" so it is an environment secret behind that environment's protection rules.`,
    ]);
  });

  it("suggests an environment named for the job's purpose for a secret no environment declares", async () => {
    const dir = await project();
    const deploy = '.github/workflows/deploy.yml';
    write(
      dir,
      deploy,
      'name: Deploy\non:\n  push:\n    branches: [main]\npermissions: {}\nconcurrency:\n  group: deploy\n  cancel-in-progress: false\njobs:\n  deploy:\n    name: Deploy\n    runs-on: ubuntu-latest\n    timeout-minutes: 10\n    permissions:\n      contents: read\n    steps:\n      - name: Upload\n        shell: bash\n        env:\n          DEPLOY_KEY: ${{ secrets.DEPLOY_KEY }}\n        run: test -n "$DEPLOY_KEY"\n',
    );
    // secrets-declared reports it too (not declared in ml-cicd.yaml): this rule's finding is the one here.
    expect(
      (await printed(dir)).filter((line) => line.includes('[secrets-need-environment]')),
    ).toEqual([
      `${at(dir, deploy, 'secrets.DEPLOY_KEY')}: error [secrets-need-environment] job "deploy" reads secrets.DEPLOY_KEY without an environment; add an environment named for what the job does ("environment: deploy") so it is an environment secret behind that environment's protection rules.`,
    ]);
  });

  it('reports a secret in the workflow-level env:, which every job gets', async () => {
    const dir = await project();
    withTrainingSecret(dir);
    edit(dir, train, '    env:\n      TRACKING_TOKEN: ${{ secrets.TRACKING_TOKEN }}\n', '');
    edit(
      dir,
      train,
      'permissions: {}\n',
      'permissions: {}\nenv:\n  TRACKING_TOKEN: ${{ secrets.TRACKING_TOKEN }}\n',
    );
    expect(await printed(dir)).toEqual([
      `${at(dir, train, 'secrets.TRACKING_TOKEN')}: error [secrets-need-environment] the workflow's env: reads secrets.TRACKING_TOKEN, which hands it to every job; move it to the env: of the one job that binds an environment.`,
    ]);
  });

  it.each(['', 'secrets-scope: repo\n'])(
    'reports a secret passed to a reusable workflow (ml-cicd.yaml + %j)',
    async (scope) => {
      const dir = await project();
      write(dir, 'ml-cicd.yaml', `${read(dir, 'ml-cicd.yaml')}${scope}`);
      withTrainingSecret(dir);
      const checks = '.github/workflows/checks.yml';
      edit(
        dir,
        checks,
        '  workflow_call:\n',
        '  workflow_call:\n    secrets:\n      TRACKING_TOKEN:\n        required: false\n',
      );
      const ci = '.github/workflows/ci.yml';
      const call = '    uses: ./.github/workflows/checks.yml\n';
      edit(
        dir,
        ci,
        call,
        `${call}    secrets:\n      TRACKING_TOKEN: \${{ secrets.TRACKING_TOKEN }}\n`,
      );
      expect(await printed(dir)).toEqual([
        `${at(dir, ci, 'secrets.TRACKING_TOKEN')}: error [secrets-need-environment] job "checks" passes secrets.TRACKING_TOKEN to a reusable workflow, where no environment protects it; run the step that needs it in a job of this workflow with "environment: training".`,
      ]);
    },
  );

  it('says what is lost, at info, when ml-cicd.yaml sets secrets-scope: repo', async () => {
    const dir = await project();
    withTrainingSecret(dir);
    edit(dir, train, '    environment: training\n', '');
    write(dir, 'ml-cicd.yaml', `${read(dir, 'ml-cicd.yaml')}secrets-scope: repo\n`);
    expect(await printed(dir)).toEqual([]);
    const { findings } = await validateProject(dir);
    expect(
      findings
        .filter((f) => f.rule === 'secrets-need-environment')
        .map((f) => `${f.file}:${f.line}:${f.column}: ${f.severity} ${f.message}`),
    ).toEqual([
      `${at(dir, train, 'secrets.TRACKING_TOKEN')}: info job "train" reads repository secrets (TRACKING_TOKEN), as ml-cicd.yaml sets secrets-scope: repo: any workflow on any branch can read them, with no required reviewers, no deployment-branch rule and no environment-scoped secrets; remove secrets-scope: repo and bind an environment once the repository can have one.`,
    ]);
  });

  it('accepts GITHUB_TOKEN anywhere', async () => {
    const dir = await project();
    edit(
      dir,
      train,
      '    environment: training\n',
      '    env:\n      GH_TOKEN: ${{ secrets.GITHUB_TOKEN }}\n',
    );
    expect(await printed(dir)).toEqual([]);
  });

  it('is turned off by rules: {secrets-need-environment: off}', async () => {
    const dir = await project();
    withTrainingSecret(dir);
    edit(dir, train, '    environment: training\n', '');
    turnOff(dir, 'secrets-need-environment');
    expect(await printed(dir)).toEqual([]);
  });
});
