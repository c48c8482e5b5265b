import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summary, tail } from '../src/act.js';
import { startMlflowServer, type MlflowServer } from '../src/mlflow-server.js';
import type { Project } from '../src/project.js';
import { dispatchTrain, projectFor, suite } from '../src/suite.js';

const TRAIN = 'Train the model';

describe('train.yml of a --tracker mlflow project, logging to a real MLflow server', () => {
  let project: Project;
  let server: MlflowServer;
  beforeAll(async () => {
    project = await projectFor('tracker-mlflow', { tracker: 'mlflow' });
    server = await startMlflowServer(
      join(suite().root, 'tracker-mlflow', 'mlflow'),
      join(project.dir, 'requirements-dev.txt'),
      '3.12',
    );
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('is green with MLFLOW_TRACKING_URI set, and the run is on the server with its params, metrics and commit', async () => {
    const inputs = { 'max-depth': '4', seed: '13' };
    const result = await dispatchTrain(project, inputs, {
      // The workflow reads the server's address from a repository variable, as the README says.
      vars: { MLFLOW_TRACKING_URI: server.url },
      env: { MLFLOW_DISABLE_TELEMETRY: 'true' },
      runId: 1301,
    });
    expect(summary(result), tail(result.log)).toEqual({ [TRAIN]: 'success' });
    expect(result.code).toBe(0);

    const experiment = (await server.call(
      'experiments/get-by-name?experiment_name=demo-project',
    )) as { experiment: { experiment_id: string } };
    const { runs } = (await server.call('runs/search', {
      experiment_ids: [experiment.experiment.experiment_id],
    })) as { runs: RunData[] };
    expect(runs).toHaveLength(1);
    const run = runs[0]!;
    expect(run.info.status).toBe('FINISHED');
    const params = byKey(run.data.params);
    expect(params).toMatchObject({ 'max-depth': '4', seed: '13' });
    expect(byKey(run.data.metrics).accuracy).toBeGreaterThan(0.5);
    expect(byKey(run.data.tags)['mlflow.source.git.commit']).toBe(await project.head());
  });
});

interface RunData {
  info: { status: string };
  data: {
    params: { key: string; value: string }[];
    metrics: { key: string; value: number }[];
    tags: { key: string; value: string }[];
  };
}

function byKey<T>(items: { key: string; value: T }[]): Record<string, T> {
  return Object.fromEntries(items.map((item) => [item.key, item.value]));
}
