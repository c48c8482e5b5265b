import { describe, expect, it } from 'vitest';
import { at, edit, printed, project, turnOff } from '../../test/fixtures.js';

const train = '.github/workflows/train.yml';
const kept = '        with:\n          persist-credentials: false\n';

describe('checkout-persist-credentials', () => {
  it('reports a checkout that keeps the token, at its uses', async () => {
    const dir = await project();
    edit(dir, train, kept, '');
    expect(await printed(dir)).toEqual([
      `${at(dir, train, 'actions/checkout@')}: error [checkout-persist-credentials] actions/checkout leaves the token in .git/config for every later step; add "persist-credentials: false" under its with: (or true, explicitly, when the job pushes).`,
    ]);
  });

  it('accepts an explicit true, for a job that pushes', async () => {
    const dir = await project();
    edit(dir, train, kept, '        with:\n          persist-credentials: true\n');
    expect(await printed(dir)).toEqual([]);
  });

  it('is turned off by rules: {checkout-persist-credentials: off}', async () => {
    const dir = await project();
    edit(dir, train, kept, '');
    turnOff(dir, 'checkout-persist-credentials');
    expect(await printed(dir)).toEqual([]);
  });
});
