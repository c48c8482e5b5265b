/**
 * What a new user does first with a generated project, for each task (issue 19): commit a CSV of
 * their own and name it under `dataset` in ml-cicd.yaml, swap the estimator with one edit of
 * model.py, add a hyperparameter to ml-cicd.yaml and run `ml-cicd sync`. Then, with no other file
 * edited by hand, the project's own checks (validate, ruff, pytest on the CSV) are green in ci.yml
 * and train.yml trains on the CSV with the new input.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { job, runAct, summary, tail } from '../src/act.js';
import { mlCicd } from '../src/add-corpus.js';
import { artifactOfRun } from '../src/artifact-store.js';
import { pushEvent } from '../src/events.js';
import type { Project } from '../src/project.js';
import { dispatchTrain, projectFor, suite } from '../src/suite.js';

type Task = 'binary' | 'multiclass' | 'regression';

const metricsOf: Record<Task, string[]> = {
  binary: ['accuracy', 'f1', 'precision', 'recall', 'roc_auc'],
  multiclass: ['accuracy', 'f1_macro', 'precision_macro', 'recall_macro', 'roc_auc_ovr'],
  regression: ['r2', 'rmse', 'mae'],
};

/** 240 rows of four numeric features and a target the features decide, from a fixed seed. */
function trainingCsv(task: Task): string {
  let state = 12345;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const rows = ['x1,x2,x3,x4,label'];
  for (let row = 0; row < 240; row++) {
    const x = [next(), next(), next(), next()];
    const [x1, x2, x3] = x as [number, number, number, number];
    const label =
      task === 'binary'
        ? x1 + x2 > 1
          ? 'yes'
          : 'no'
        : task === 'multiclass'
          ? (['red', 'green', 'blue'][Math.min(2, Math.floor(x1 * 3))] as string)
          : (3 * x1 + 2 * x2 - x3 + 0.05 * next()).toFixed(4);
    rows.push([...x.map((value) => value.toFixed(4)), label].join(','));
  }
  return `${rows.join('\n')}\n`;
}

/** The one edit that swaps the estimator: extra trees instead of a random forest. */
function swapEstimator(dir: string, pkg: string): void {
  const path = join(dir, 'src', pkg, 'model.py');
  const before = readFileSync(path, 'utf8');
  const after = before
    .replace(
      'from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor',
      'from sklearn.ensemble import ExtraTreesClassifier, ExtraTreesRegressor',
    )
    .replace(
      'return RandomForestRegressor if task == "regression" else RandomForestClassifier',
      'return ExtraTreesRegressor if task == "regression" else ExtraTreesClassifier',
    );
  expect(after.match(/ExtraTrees/g)?.length, 'model.py names its estimator elsewhere').toBe(4);
  writeFileSync(path, after);
}

/** The data file, as a user names it in ml-cicd.yaml. */
function useDataset(dir: string): void {
  const path = join(dir, 'ml-cicd.yaml');
  const text = readFileSync(path, 'utf8');
  const dataset = 'dataset:\n  path: data/train.csv\n  target: label\n';
  writeFileSync(path, text.replace(/^params:\n/m, `${dataset}params:\n`));
}

/** A new hyperparameter of the estimator, as a user writes it in ml-cicd.yaml's params. */
function addParam(dir: string): void {
  const path = join(dir, 'ml-cicd.yaml');
  const text = readFileSync(path, 'utf8');
  const param = [
    '  min-samples-leaf:',
    '    type: integer',
    '    default: 2',
    '    min: 1',
    '    max: 50',
    '    description: Fewest rows a leaf may hold.',
    '',
  ].join('\n');
  writeFileSync(path, text.replace(/^params:\n/m, `params:\n${param}`));
}

describe.each([
  ['binary', 2301],
  ['multiclass', 2311],
  ['regression', 2321],
] as const)('a new user’s first changes to a %s project', (task, firstRunId) => {
  let project: Project;
  let csv: string;
  beforeAll(async () => {
    project = await projectFor(`new-user-${task}`, { task });
    csv = trainingCsv(task);
    mkdirSync(join(project.dir, 'data'), { recursive: true });
    writeFileSync(join(project.dir, 'data', 'train.csv'), csv);
    const pkg = parse(readFileSync(join(project.dir, 'ml-cicd.yaml'), 'utf8')).project.package;
    useDataset(project.dir);
    swapEstimator(project.dir, pkg);
    addParam(project.dir);
    const synced = await mlCicd(suite().root, project.dir, ['sync']);
    expect(synced.code, `${synced.stdout}\n${synced.stderr}`).toBe(0);
    await project.commit('Train on our data, with extra trees and min-samples-leaf', () => {});
  });

  it('passes its own checks in ci.yml: validate, ruff and pytest', async () => {
    const result = await runAct(suite(), {
      project,
      workflow: 'ci.yml',
      event: 'push',
      payload: pushEvent(project, await project.head()),
      runId: firstRunId,
    });
    expect(Object.values(summary(result)), tail(result.log)).toEqual(['success']);
    expect(result.code).toBe(0);
  });

  it('trains on the CSV in train.yml with the new input, and records the data it used', async () => {
    const runId = firstRunId + 1;
    const result = await dispatchTrain(project, { 'min-samples-leaf': '3' }, { runId });
    expect(Object.values(summary(result)), tail(result.log)).toEqual(['success']);
    // The swapped estimator trained, with the new param as its keyword argument.
    const train = job(result, 'Train the model').steps.find((step) => step.name === 'Train');
    expect(train?.output).toMatch(/Model: ExtraTrees(Classifier|Regressor)\(.*min_samples_leaf=3/);
    const artifact = artifactOfRun(suite().store, runId, 'training-outputs');
    const read = (name: string) => JSON.parse(readFileSync(join(artifact.dir, name), 'utf8'));
    expect(read('params.json')['min-samples-leaf']).toBe(3);
    expect(Object.keys(read('metrics.json'))).toEqual(expect.arrayContaining(metricsOf[task]));
    const run = read('run.json');
    expect(run.status).toBe('finished');
    expect(run.data_sha256).toBe(createHash('sha256').update(csv).digest('hex'));
  });

  it("trains main's report baseline on the same CSV, read from the commit", async () => {
    const runId = firstRunId + 2;
    const result = await runAct(suite(), {
      project,
      workflow: 'report.yml',
      event: 'push',
      payload: pushEvent(project, await project.head()),
      runId,
    });
    expect(job(result, "Record main's metrics as the baseline").result, tail(result.log)).toBe(
      'success',
    );
    const baseline = artifactOfRun(suite().store, runId, 'model-baseline');
    const run = JSON.parse(readFileSync(join(baseline.dir, 'run.json'), 'utf8'));
    expect(run.data_sha256).toBe(createHash('sha256').update(csv).digest('hex'));
  });
});
