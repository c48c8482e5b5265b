import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { at, edit, printed, project, turnOff } from '../../test/fixtures.js';

const train = '.github/workflows/train.yml';

/** A workflow the team wrote before ml-cicd came: the manifest does not list it. */
const nightly = '.github/workflows/nightly.yml';
const nightlyWorkflow = (top: string) =>
  `name: Nightly\non:\n  schedule:\n    - cron: '17 3 * * *'\n${top}jobs:\n  score:\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    steps:\n      - run: echo "\${{ vars.NIGHTLY_SAMPLE }}"\n`;

describe('workflow-permissions', () => {
  it("lets a job of the team's own workflow inherit a read-only top level, and still checks the top", async () => {
    const dir = await project();
    writeFileSync(join(dir, nightly), nightlyWorkflow('permissions:\n  contents: read\n'));
    // The expression in run: is still reported: that rule holds for every workflow.
    expect((await printed(dir)).filter((line) => line.includes(nightly))).toEqual([
      `${at(dir, nightly, '${{ vars.NIGHTLY_SAMPLE }}')}: error [no-expressions-in-run] \${{ vars.NIGHTLY_SAMPLE }} inside run: is pasted into the code before it runs, so a crafted value becomes code; pass it through the step's env: and use "$NAME".`,
    ]);
    writeFileSync(join(dir, nightly), nightlyWorkflow('permissions:\n  contents: write\n'));
    expect((await printed(dir)).filter((line) => line.includes('[workflow-permissions]'))).toEqual([
      `${at(dir, nightly, 'contents: write')}: error [workflow-permissions] the top-level permissions grant contents: write to every job; grant it only in the jobs that need it and keep the top level {} or read-only.`,
      `${at(dir, nightly, 'score:')}: error [workflow-permissions] job "score" has no permissions; list the scopes it uses (e.g. "permissions: {contents: read}").`,
    ]);
  });

  it('reports a workflow without top-level permissions, at its first key', async () => {
    const dir = await project();
    edit(dir, train, 'permissions: {}\n', '');
    expect(await printed(dir)).toEqual([
      `${at(dir, train, 'name: Train')}: error [workflow-permissions] ${train} has no top-level permissions, so every job gets the repository's default token; add "permissions: {}" and grant each job the scopes it uses.`,
    ]);
  });

  it('reports write-all at the top level, at the value', async () => {
    const dir = await project();
    edit(dir, train, 'permissions: {}\n', 'permissions: write-all\n');
    expect(await printed(dir)).toEqual([
      `${at(dir, train, 'write-all')}: error [workflow-permissions] the top-level permissions are write-all; use "permissions: {}" (or only read scopes) and grant each job the scopes it uses.`,
    ]);
  });

  it('reports a write scope at the top level, at the scope', async () => {
    const dir = await project();
    edit(dir, train, 'permissions: {}\n', 'permissions:\n  contents: write\n');
    expect(await printed(dir)).toEqual([
      `${at(dir, train, 'contents: write')}: error [workflow-permissions] the top-level permissions grant contents: write to every job; grant it only in the jobs that need it and keep the top level {} or read-only.`,
    ]);
  });

  it('reports a job without permissions, at the job', async () => {
    const dir = await project();
    edit(dir, train, '    permissions:\n      contents: read\n', '');
    expect(await printed(dir)).toEqual([
      `${at(dir, train, 'train:')}: error [workflow-permissions] job "train" has no permissions; list the scopes it uses (e.g. "permissions: {contents: read}").`,
    ]);
  });

  it('reports read-all on a job, at the value', async () => {
    const dir = await project();
    edit(dir, train, '    permissions:\n      contents: read\n', '    permissions: read-all\n');
    expect(await printed(dir)).toEqual([
      `${at(dir, train, 'read-all')}: error [workflow-permissions] job "train" has permissions: read-all; list only the scopes it uses (e.g. contents: read).`,
    ]);
  });

  it('accepts a write scope granted to one job', async () => {
    const dir = await project();
    edit(dir, train, '      contents: read\n', '      contents: read\n      id-token: write\n');
    expect(await printed(dir)).toEqual([]);
  });

  it('is turned off by rules: {workflow-permissions: off}', async () => {
    const dir = await project();
    edit(dir, train, '    permissions:\n      contents: read\n', '');
    turnOff(dir, 'workflow-permissions');
    expect(await printed(dir)).toEqual([]);
  });
});
