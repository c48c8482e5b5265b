import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { job, runAct, summary, tail } from '../src/act.js';
import { pullRequestEvent, pushEvent } from '../src/events.js';
import type { Project } from '../src/project.js';
import { projectFor, suite } from '../src/suite.js';

const CHECKS = 'Lint and test';
const checkSteps = [
  'Check out the repository',
  'Set up Python',
  'Set up uv',
  'Install the pinned development requirements',
  'Validate the ML CI',
  'Lint',
  'Check formatting',
  'Test',
];

describe('ci.yml of the default project', () => {
  let project: Project;
  beforeAll(async () => {
    project = await projectFor('ci-runs');
  });

  it('is green on a push to main: validate, lint and pytest of the reusable checks pass', async () => {
    const result = await runAct(suite(), {
      project,
      workflow: 'ci.yml',
      event: 'push',
      payload: pushEvent(project, await project.head()),
      runId: 101,
    });
    expect(summary(result), tail(result.log)).toEqual({ [CHECKS]: 'success' });
    const checks = job(result, CHECKS);
    expect(
      checks.steps.filter((s) => checkSteps.includes(s.name)).map((s) => [s.name, s.result]),
    ).toEqual(checkSteps.map((name) => [name, 'success']));
    expect(checks.steps.find((s) => s.name === 'Validate the ML CI')?.output).toContain(
      'No findings.',
    );
    expect(checks.steps.find((s) => s.name === 'Test')?.output).toMatch(/\d+ passed/);
    expect(result.code).toBe(0);
  });

  it('is green on a pull request', async () => {
    const result = await runAct(suite(), {
      project,
      workflow: 'ci.yml',
      event: 'pull_request',
      payload: pullRequestEvent(project, 3, await project.head()),
      runId: 102,
    });
    expect(summary(result), tail(result.log)).toEqual({ [CHECKS]: 'success' });
    // Checks keep uv's cache (enable-cache true): the push above left it warm.
    const steps = job(result, CHECKS).steps;
    expect(steps.find((s) => s.name === 'Set up uv')?.output).toContain('(warm)');
    expect(
      steps.find((s) => s.name === 'Install the pinned development requirements')?.output,
    ).toMatch(/Installed \d+ packages/);
    expect(result.code).toBe(0);
  });

  it('is red when a test fails, and says which', async () => {
    const broken = await projectFor('ci-broken');
    const sha = await broken.commit('A failing test', (dir) =>
      writeFileSync(
        join(dir, 'tests', 'test_broken.py'),
        'def test_always_fails():\n    assert 1 + 1 == 3\n',
      ),
    );
    const result = await runAct(suite(), {
      project: broken,
      workflow: 'ci.yml',
      event: 'push',
      payload: pushEvent(broken, sha),
      runId: 103,
    });
    expect(summary(result)).toEqual({ [CHECKS]: 'failure' });
    const test = job(result, CHECKS).steps.find((s) => s.name === 'Test');
    expect(test?.result).toBe('failure');
    expect(test?.output).toContain('FAILED tests/test_broken.py::test_always_fails');
    expect(result.code).not.toBe(0);
  });
});
