import { beforeAll, describe, expect, it } from 'vitest';
import { job, runAct, summary, tail, type ActResult } from '../src/act.js';
import { pushEvent } from '../src/events.js';
import { projectFor, suite } from '../src/suite.js';

const CHECKS = 'Lint and test';
const DVC = 'Reproduce the DVC pipeline';

describe('ci.yml of a new --data dvc --dvc-remote local project, on its first push', () => {
  let result: ActResult;
  beforeAll(async () => {
    const project = await projectFor('data-dvc', { data: 'dvc', dvcRemote: 'local' });
    result = await runAct(suite(), {
      project,
      workflow: 'ci.yml',
      event: 'push',
      payload: pushEvent(project, await project.head()),
      runId: 1201,
    });
  });

  it('runs both jobs, and the DVC job installs DVC from the pinned requirements', () => {
    expect(Object.keys(summary(result)).sort(), tail(result.log)).toEqual([DVC, CHECKS].sort());
    expect(summary(result)[CHECKS], tail(result.log)).toBe('success');
    const install = job(result, DVC).steps.find(
      (s) => s.name === 'Install the pinned requirements',
    );
    expect(install?.result, tail(result.log)).toBe('success');
  });

  // A new project has no dvc.lock until someone runs dvc repro: the first push is green, and
  // the DVC job says what to commit.
  it('is green on the first push, before anyone has run dvc repro, and says to commit dvc.lock', () => {
    const dvcSteps = job(result, DVC).steps.filter((s) => !s.id.includes('.'));
    expect(dvcSteps.map((s) => [s.name, s.result])).toEqual(
      dvcSteps.map((s) => [s.name, 'success']),
    );
    expect(summary(result), tail(result.log)).toEqual({ [CHECKS]: 'success', [DVC]: 'success' });
    expect(result.code).toBe(0);
    expect(result.log).toContain('dvc.lock is not committed yet');
  });
});
