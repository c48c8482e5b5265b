import { describe, expect, it } from 'vitest';
import { at, edit, printed, project, turnOff } from '../../test/fixtures.js';

const ci = '.github/workflows/ci.yml';
const call = '    uses: ./.github/workflows/checks.yml\n';

describe('no-secrets-inherit', () => {
  it('reports secrets: inherit, at the value', async () => {
    const dir = await project();
    edit(dir, ci, call, `${call}    secrets: inherit\n`);
    expect(await printed(dir)).toEqual([
      `${at(dir, ci, 'inherit')}: error [no-secrets-inherit] job "checks" passes every secret of the repository to ./.github/workflows/checks.yml; pass only the ones it declares, by name (secrets: {NAME: \${{ secrets.NAME }}}).`,
    ]);
  });

  it('is turned off by rules: {no-secrets-inherit: off}', async () => {
    const dir = await project();
    edit(dir, ci, call, `${call}    secrets: inherit\n`);
    turnOff(dir, 'no-secrets-inherit');
    expect(await printed(dir)).toEqual([]);
  });
});
