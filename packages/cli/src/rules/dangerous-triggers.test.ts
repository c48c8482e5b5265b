import { describe, expect, it } from 'vitest';
import { at, edit, printed, project, turnOff } from '../../test/fixtures.js';

const train = '.github/workflows/train.yml';
const ci = '.github/workflows/ci.yml';

describe('dangerous-triggers', () => {
  it('reports pull_request_target, at the trigger', async () => {
    const dir = await project();
    edit(dir, ci, 'on:\n  pull_request:\n', 'on:\n  pull_request_target:\n');
    expect(await printed(dir)).toEqual([
      `${at(dir, ci, 'pull_request_target')}: error [dangerous-triggers] on: pull_request_target runs with a write token and the secrets for pull requests from forks; use pull_request, and the step summary for results of fork pull requests.`,
    ]);
  });

  it('reports workflow_run, at the trigger', async () => {
    const dir = await project();
    edit(
      dir,
      ci,
      'on:\n',
      'on:\n  workflow_run:\n    workflows: [Train]\n    types: [completed]\n',
    );
    expect(await printed(dir)).toEqual([
      `${at(dir, ci, 'workflow_run')}: error [dangerous-triggers] on: workflow_run runs with a write token and the secrets after workflows that fork pull requests can trigger; use pull_request or push instead.`,
    ]);
  });

  it("reports checking out the pull request's head in such a workflow", async () => {
    const dir = await project();
    edit(dir, train, '\non:\n', '\non:\n  pull_request_target:\n');
    edit(
      dir,
      train,
      '          persist-credentials: false\n',
      '          persist-credentials: false\n          ref: ${{ github.event.pull_request.head.sha }}\n',
    );
    expect(await printed(dir)).toEqual([
      `${at(dir, train, 'pull_request_target')}: error [dangerous-triggers] on: pull_request_target runs with a write token and the secrets for pull requests from forks; use pull_request, and the step summary for results of fork pull requests.`,
      `${at(dir, train, '${{ github.event')}: error [dangerous-triggers] this checks out the pull request's own code in a privileged workflow, where it can reach the token and secrets; check out the base branch only.`,
    ]);
  });

  it('reports allow-unsafe-pr-checkout: true anywhere', async () => {
    const dir = await project();
    edit(
      dir,
      train,
      '          persist-credentials: false\n',
      '          persist-credentials: false\n          allow-unsafe-pr-checkout: true\n',
    );
    expect(await printed(dir)).toEqual([
      `${at(dir, train, 'true\n')}: error [dangerous-triggers] allow-unsafe-pr-checkout: true checks out code from a fork where the token and secrets are available; remove it.`,
    ]);
  });

  it('is turned off by rules: {dangerous-triggers: off}', async () => {
    const dir = await project();
    edit(dir, ci, 'on:\n  pull_request:\n', 'on:\n  pull_request_target:\n');
    turnOff(dir, 'dangerous-triggers');
    expect(await printed(dir)).toEqual([]);
  });
});
