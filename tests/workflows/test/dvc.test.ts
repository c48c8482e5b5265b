import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { job, runAct, summary, tail, type ActResult } from '../src/act.js';
import { pushEvent } from '../src/events.js';
import { changes, snapshot, type Snapshot } from '../src/machine.js';
import { projectFor, suite } from '../src/suite.js';

const CHECKS = 'Lint and test';
const DVC = 'Reproduce the DVC pipeline';

describe('ci.yml of a new --data dvc --dvc-remote local project, on its first push', () => {
  let result: ActResult;
  let before: Snapshot;
  beforeAll(async () => {
    before = snapshot();
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

  it("leaves DVC's site cache in the run's folder, not in /var/tmp/dvc", () => {
    expect(changes(before, snapshot(), suite().root)).toEqual([]);
  });
});

describe('ci.yml of a --data dvc project whose committed dvc.lock is stale', () => {
  it('is red at the dvc.lock check, after the pipeline itself ran', async () => {
    const project = await projectFor('data-dvc-stale', { data: 'dvc', dvcRemote: 'local' });
    // A valid lock that records no stage: dvc repro runs them all and writes a different one.
    const sha = await project.commit('A stale dvc.lock', (dir) =>
      writeFileSync(join(dir, 'dvc.lock'), "schema: '2.0'\nstages: {}\n"),
    );
    const result = await runAct(suite(), {
      project,
      workflow: 'ci.yml',
      event: 'push',
      payload: pushEvent(project, sha),
      runId: 1202,
    });
    expect(summary(result)[DVC], tail(result.log)).toBe('failure');
    const check = job(result, DVC).steps.find(
      (s) => s.name === 'Check that dvc.lock is up to date',
    );
    expect(check?.result, tail(result.log)).toBe('failure');
    expect(job(result, DVC).steps.find((s) => s.name === 'Reproduce the pipeline')?.result).toBe(
      'success',
    );
  });
});
