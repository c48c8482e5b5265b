import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { summary, tail } from '../src/act.js';
import { artifactOfRun } from '../src/artifact-store.js';
import type { Project } from '../src/project.js';
import { dispatchTrain, projectFor, suite } from '../src/suite.js';

const TRAIN = 'Train the model';

function trainingRunsOn(project: Project): unknown {
  const workflow = parse(
    readFileSync(join(project.dir, '.github', 'workflows', 'train.yml'), 'utf8'),
  ) as { jobs: { train: { 'runs-on': unknown } } };
  return workflow.jobs.train['runs-on'];
}

/** Dispatches train.yml (act maps each literal runs-on label to the host) and checks its outputs. */
async function trainsGreen(project: Project, runId: number) {
  const inputs = { 'n-estimators': '30', seed: '11' };
  const result = await dispatchTrain(project, inputs, {
    runId,
  });
  expect(summary(result), tail(result.log)).toEqual({ [TRAIN]: 'success' });
  expect(result.code).toBe(0);
  const artifact = artifactOfRun(suite().store, runId, 'training-outputs');
  const params = JSON.parse(readFileSync(join(artifact.dir, 'params.json'), 'utf8'));
  expect(params).toMatchObject({ 'n-estimators': 30, seed: 11 });
  const metrics = JSON.parse(readFileSync(join(artifact.dir, 'metrics.json'), 'utf8'));
  expect(metrics.accuracy).toBeGreaterThan(0.5);
}

describe('train.yml on the runners a team brings', () => {
  it('--runner self-hosted: trains on the labels self-hosted, linux, x64', async () => {
    const project = await projectFor('runner-self-hosted', { runner: 'self-hosted' });
    expect(trainingRunsOn(project)).toEqual(['self-hosted', 'linux', 'x64']);
    await trainsGreen(project, 1101);
  });

  it('--runner arc: trains on the scale set’s name as its one label', async () => {
    const project = await projectFor('runner-arc', {
      runner: 'arc',
      arcScaleSet: 'ml-trainers',
    });
    expect(trainingRunsOn(project)).toBe('ml-trainers');
    await trainsGreen(project, 1102);
  });
});
