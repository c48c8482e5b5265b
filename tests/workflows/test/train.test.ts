import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { job, summary, tail } from '../src/act.js';
import { artifactOfRun } from '../src/artifact-store.js';
import { changes, snapshot, type Snapshot } from '../src/machine.js';
import { uvCacheDir } from '../src/paths.js';
import type { Project } from '../src/project.js';
import { dispatchTrain, projectFor, suite } from '../src/suite.js';

const TRAIN = 'Train the model';

describe('train.yml of the default project, dispatched', () => {
  let project: Project;
  let before: Snapshot;
  const strayTmp: string[] = [];
  beforeAll(async () => {
    before = snapshot();
    project = await projectFor('train-runs');
  });

  it('trains with the inputs given and uploads metrics and params that show them', async () => {
    const inputs = {
      'n-estimators': '40',
      'max-depth': '3',
      criterion: 'entropy',
      'test-size': '0.3',
      seed: '7',
    };
    const result = await dispatchTrain(project, inputs, {
      runId: 201,
    });
    strayTmp.push(...result.strayTmp);
    expect(summary(result), tail(result.log)).toEqual({ [TRAIN]: 'success' });
    expect(result.code).toBe(0);
    // Training publishes nothing, so train.yml keeps uv's cache (the suite's shared one here).
    expect(job(result, TRAIN).steps.find((s) => s.name === 'Set up uv')?.output).toContain(
      `UV_CACHE_DIR=${uvCacheDir}`,
    );
    const artifact = artifactOfRun(suite().store, 201, 'training-outputs');
    expect(artifact.files).toEqual(expect.arrayContaining(['metrics.json', 'params.json']));
    const params = JSON.parse(readFileSync(join(artifact.dir, 'params.json'), 'utf8'));
    expect(params).toEqual({
      'n-estimators': 40,
      'max-depth': 3,
      criterion: 'entropy',
      'test-size': 0.3,
      seed: 7,
    });
    const metrics = JSON.parse(readFileSync(join(artifact.dir, 'metrics.json'), 'utf8'));
    expect(metrics.accuracy).toBeGreaterThan(0.5);
  });

  it('is red with the script’s own message when an input is out of range', async () => {
    const inputs = { 'max-depth': '0' };
    const result = await dispatchTrain(project, inputs, {
      runId: 202,
    });
    strayTmp.push(...result.strayTmp);
    expect(summary(result)).toEqual({ [TRAIN]: 'failure' });
    const train = job(result, TRAIN).steps.find((step) => step.name === 'Train');
    expect(train?.result).toBe('failure');
    expect(train?.output).toContain(
      "argument --max-depth: expected an integer from 1 to 64, got '0'",
    );
    expect(() => artifactOfRun(suite().store, 202, 'training-outputs')).toThrow();
  });

  it('left the machine as it found it: site-packages, global npm, HOME, ~/.cache, and nothing in /tmp', () => {
    expect(changes(before, snapshot(), suite().root)).toEqual([]);
    expect(strayTmp).toEqual([]);
  });
});
