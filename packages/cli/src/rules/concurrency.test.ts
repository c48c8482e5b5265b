import { describe, expect, it } from 'vitest';
import { at, edit, printed, project, turnOff } from '../../test/fixtures.js';

const train = '.github/workflows/train.yml';
const checks = '.github/workflows/checks.yml';
const block =
  'concurrency:\n  group: ${{ github.workflow }}-${{ github.ref }}\n  cancel-in-progress: false\n';

describe('concurrency', () => {
  it('reports a calling workflow without concurrency, at its first key', async () => {
    const dir = await project();
    edit(dir, train, block, '');
    expect(await printed(dir)).toEqual([
      `${at(dir, train, 'name: Train')}: warning [concurrency] ${train} has no concurrency:, so runs of the same ref pile up; add one (group: \${{ github.workflow }}-\${{ github.ref }}) with cancel-in-progress.`,
    ]);
  });

  it('reports concurrency without an explicit cancel-in-progress', async () => {
    const dir = await project();
    edit(dir, train, '  cancel-in-progress: false\n', '');
    expect(await printed(dir)).toEqual([
      `${at(dir, train, 'group:')}: warning [concurrency] concurrency: has no cancel-in-progress; say what happens to a run in progress (true for pull requests, an explicit false for training).`,
    ]);
  });

  it('reports concurrency in a reusable-only workflow, at the key', async () => {
    const dir = await project();
    edit(dir, checks, 'permissions: {}\n', 'permissions: {}\nconcurrency: checks\n');
    expect(await printed(dir)).toEqual([
      `${at(dir, checks, 'concurrency:')}: warning [concurrency] a reusable workflow must not set concurrency: its callers do, and a group here can cancel or queue their runs; remove it.`,
    ]);
  });

  it('is turned off by rules: {concurrency: off}', async () => {
    const dir = await project();
    edit(dir, train, block, '');
    turnOff(dir, 'concurrency');
    expect(await printed(dir)).toEqual([]);
  });
});
