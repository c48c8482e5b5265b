import { describe, expect, it } from 'vitest';
import { at, edit, printed, project, turnOff } from '../../test/fixtures.js';

const train = '.github/workflows/train.yml';
const finding = (dir: string, needle: string, message: string) =>
  `${at(dir, train, needle)}: warning [timeout-limits] ${message}`;

describe('timeout-limits', () => {
  it('reports a hosted training job allowed more than 6 hours', async () => {
    const dir = await project();
    edit(dir, train, 'timeout-minutes: 60', 'timeout-minutes: 361');
    expect(await printed(dir)).toEqual([
      finding(
        dir,
        '361',
        'job "train" has timeout-minutes 361, but GitHub stops a job on a hosted runner after 360 minutes; set at most 360, or train on a self-hosted runner.',
      ),
    ]);
  });

  it('lets a self-hosted job run 5 days, but not longer', async () => {
    const dir = await project('self-hosted');
    edit(dir, train, 'timeout-minutes: 60', 'timeout-minutes: 7200');
    expect(await printed(dir)).toEqual([]);
    edit(dir, train, 'timeout-minutes: 7200', 'timeout-minutes: 7201');
    expect(await printed(dir)).toEqual([
      finding(
        dir,
        '7201',
        'job "train" has timeout-minutes 7201, but GitHub stops any job after 7200 minutes (5 days); set at most 7200.',
      ),
    ]);
  });

  it('reports a step allowed more than 6 hours, even on a self-hosted runner', async () => {
    const dir = await project('self-hosted');
    edit(
      dir,
      train,
      '        uses: ./.github/actions/train\n',
      '        uses: ./.github/actions/train\n        timeout-minutes: 600\n',
    );
    expect(await printed(dir)).toEqual([
      finding(
        dir,
        '600',
        'a step of job "train" has timeout-minutes 600, but a step may run at most 360 minutes, even on a self-hosted runner; set at most 360.',
      ),
    ]);
  });

  it('reports a job that may outlive GITHUB_TOKEN and writes with it', async () => {
    const dir = await project('self-hosted');
    edit(dir, train, 'timeout-minutes: 60', 'timeout-minutes: 2000');
    // The generated training job only reads: a day-long run is fine.
    expect(await printed(dir)).toEqual([]);
    edit(dir, train, '      contents: read\n', '      contents: read\n      issues: write\n');
    expect(await printed(dir)).toContain(
      finding(
        dir,
        '2000',
        'job "train" may run 2000 minutes and writes with GITHUB_TOKEN, which expires after 1440 minutes (24 hours); do the writing (report, comment, release) in a separate job that needs this one.',
      ),
    );
  });

  it('is turned off by rules: {timeout-limits: off}', async () => {
    const dir = await project();
    edit(dir, train, 'timeout-minutes: 60', 'timeout-minutes: 361');
    turnOff(dir, 'timeout-limits');
    expect(await printed(dir)).toEqual([]);
  });
});
