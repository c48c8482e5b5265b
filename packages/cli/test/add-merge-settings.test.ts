/**
 * `ml-cicd add workflow` beside the team's own workflows: the actionlint settings it writes or
 * merges never turn a workflow that read `vars.*` green before into a red one.
 */
import { assertToolsInstalled, formatReport, validateProject } from '@ml-cicd/validators';
import { beforeAll, describe, expect, it } from 'vitest';
import { add, read, tempDir, write } from './fixtures.js';
import { lockedRequirements, moduleLevel } from './scripts.js';

beforeAll(assertToolsInstalled);

/** A workflow of the team's that reads two configuration variables, one by index. */
const deployWorkflow = `name: Deploy
on:
  push:
    branches: [main]
permissions: {}
concurrency:
  group: deploy
  cancel-in-progress: false
jobs:
  deploy:
    name: Deploy
    if: vars.DEPLOY_ENABLED == 'true'
    runs-on: ubuntu-latest
    timeout-minutes: 10
    permissions:
      contents: read
    steps:
      - name: Show the target
        shell: bash
        env:
          TARGET: \${{ vars['Deploy_Target'] }}
        run: echo "$TARGET"
`;

function repoWithDeploy(): string {
  const dir = tempDir();
  write(dir, 'train.py', moduleLevel);
  write(dir, 'requirements.txt', lockedRequirements);
  write(dir, '.github/workflows/deploy.yml', deployWorkflow);
  return dir;
}

describe("a new .github/actionlint.yaml beside the team's workflows", () => {
  it('lists the variables they read, so actionlint stays green on them', async () => {
    const dir = repoWithDeploy();
    expect((await add(dir, 'workflow', 'train')).code).toBe(0);
    expect(read(dir, '.github/actionlint.yaml')).toContain(
      'config-variables:\n  - DEPLOY_ENABLED\n  - Deploy_Target\n',
    );
    expect(read(dir, '.github/workflows/deploy.yml')).toBe(deployWorkflow);
    expect(formatReport((await validateProject(dir)).findings)).toBe('');
    expect((await add(dir, 'workflow', 'train')).out).toContain(
      'identical .github/actionlint.yaml\n',
    );
  });

  it("keeps its list when the team's file has one, adding the names the workflows read", async () => {
    const dir = repoWithDeploy();
    const own = '# Ours.\nconfig-variables:\n  - deploy_enabled # checked\n';
    write(dir, '.github/actionlint.yaml', own);
    expect((await add(dir, 'workflow', 'train')).code).toBe(0);
    expect(read(dir, '.github/actionlint.yaml')).toBe(
      `${own}  - Deploy_Target\nself-hosted-runner:\n  labels: []\n`,
    );
    expect(formatReport((await validateProject(dir)).findings)).toBe('');
  });

  it('leaves config-variables out of a file of the team that has none: no check', async () => {
    const dir = repoWithDeploy();
    const own = '# Ours.\nself-hosted-runner:\n  labels: []\n';
    write(dir, '.github/actionlint.yaml', own);
    const { out } = await add(dir, 'workflow', 'train');
    expect(out).toContain('identical .github/actionlint.yaml\n');
    expect(read(dir, '.github/actionlint.yaml')).toBe(own);
  });
});
