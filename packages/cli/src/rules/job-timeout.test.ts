import { describe, expect, it } from 'vitest';
import { at, edit, printed, project, turnOff } from '../../test/fixtures.js';

const train = '.github/workflows/train.yml';

describe('job-timeout', () => {
  it('reports a job with runs-on and no timeout-minutes, as a warning at the job', async () => {
    const dir = await project();
    edit(dir, train, '    timeout-minutes: 60\n', '');
    expect(await printed(dir)).toEqual([
      `${at(dir, train, 'train:')}: warning [job-timeout] job "train" has no timeout-minutes, so a stuck run holds its runner for 6 hours; set one (e.g. timeout-minutes: 30).`,
    ]);
  });

  it('is silenced on one line by # ml-cicd: ignore[job-timeout]', async () => {
    const dir = await project();
    edit(dir, train, '    timeout-minutes: 60\n', '');
    edit(dir, train, '  train:\n', '  train: # ml-cicd: ignore[job-timeout]\n');
    expect(await printed(dir)).toEqual([]);
  });

  it('is turned off by rules: {job-timeout: off}', async () => {
    const dir = await project();
    edit(dir, train, '    timeout-minutes: 60\n', '');
    turnOff(dir, 'job-timeout');
    expect(await printed(dir)).toEqual([]);
  });
});
