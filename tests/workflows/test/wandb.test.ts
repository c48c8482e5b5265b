import { describe, expect, it } from 'vitest';
import { job, summary, tail } from '../src/act.js';
import { dispatchTrain, projectFor } from '../src/suite.js';

const TRAIN = 'Train the model';

describe('train.yml of a --tracker wandb project, with WANDB_MODE=offline', () => {
  it('is green and writes the run to its offline run folder', async () => {
    const project = await projectFor('tracker-wandb', { tracker: 'wandb' });
    const inputs = { 'n-estimators': '25' };
    const result = await dispatchTrain(project, inputs, {
      // No API key: the runner's environment puts W&B offline, as a team without W&B access would.
      env: { WANDB_MODE: 'offline' },
      runId: 1401,
    });
    expect(summary(result), tail(result.log)).toEqual({ [TRAIN]: 'success' });
    expect(result.code).toBe(0);
    const train = job(result, TRAIN).steps.find((step) => step.name === 'Train');
    expect(train?.result).toBe('success');
    // act deletes the job's workspace when the job ends, so the folder is read from W&B's own
    // report of what it wrote there: the run's offline folder under wandb/ and its sync command.
    expect(train?.output).toContain('offline files in wandb/');
    expect(train?.output).toMatch(/wandb sync \S*wandb\/offline-run-\d{8}_\d{6}-\w+/);
  });
});
