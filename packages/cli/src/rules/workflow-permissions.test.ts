import { describe, expect, it } from 'vitest';
import { at, edit, printed, project, turnOff } from '../../test/fixtures.js';

const train = '.github/workflows/train.yml';

describe('workflow-permissions', () => {
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
