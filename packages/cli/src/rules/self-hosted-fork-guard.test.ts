import { describe, expect, it } from 'vitest';
import { at, edit, printed, project, turnOff } from '../../test/fixtures.js';

const ci = '.github/workflows/ci.yml';
const train = '.github/workflows/train.yml';
const guard =
  "    if: github.event_name != 'pull_request' || github.event.pull_request.head.repo.full_name == github.repository\n";
const message = (job: string) =>
  `job "${job}" runs on a self-hosted runner in a workflow that pull requests trigger, so code from a fork would run there; add "if: github.event_name != 'pull_request' || github.event.pull_request.head.repo.full_name == github.repository".`;

describe('self-hosted-fork-guard', () => {
  it('reports a call that runs checks on the self-hosted runner without the guard', async () => {
    const dir = await project('self-hosted');
    edit(dir, ci, guard, '');
    expect(await printed(dir)).toEqual([
      `${at(dir, ci, 'checks:')}: error [self-hosted-fork-guard] ${message('checks')}`,
    ]);
  });

  it('reports a self-hosted job in a workflow that pull requests trigger', async () => {
    const dir = await project('self-hosted');
    edit(dir, train, '\non:\n', '\non:\n  pull_request:\n');
    expect(await printed(dir)).toEqual([
      `${at(dir, train, 'train:')}: error [self-hosted-fork-guard] ${message('train')}`,
    ]);
  });

  it('does not count a negated guard', async () => {
    const dir = await project('self-hosted');
    edit(
      dir,
      ci,
      guard,
      "    if: '!(github.event.pull_request.head.repo.full_name == github.repository)'\n",
    );
    expect(await printed(dir)).toEqual([
      `${at(dir, ci, 'checks:')}: error [self-hosted-fork-guard] ${message('checks')}`,
    ]);
  });

  it('is turned off by rules: {self-hosted-fork-guard: off}', async () => {
    const dir = await project('self-hosted');
    edit(dir, ci, guard, '');
    turnOff(dir, 'self-hosted-fork-guard');
    expect(await printed(dir)).toEqual([]);
  });
});
