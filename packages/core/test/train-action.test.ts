/**
 * The train action's metrics summary, run with Python as the runner runs a `shell: python` step:
 * the metrics file of ml-cicd.yaml becomes a table, and a missing one is a clear error.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { repoAssets } from './assets.js';

interface Step {
  name: string;
  run?: string;
}

const action = parse(
  readFileSync(join(repoAssets.workflowsDir, 'actions/train/action.yml'), 'utf8'),
);
const summary = (action.runs.steps as Step[]).find((step) => step.name === 'Summarise the metrics');
const root = mkdtempSync(join(tmpdir(), 'ml-cicd-train-action-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function summarise(metricsFile: string, files: Record<string, string>) {
  const dir = mkdtempSync(join(root, 'run-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const env = {
    PATH: process.env.PATH ?? '',
    OUTPUT_DIR: 'outputs',
    METRICS_FILE: metricsFile,
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
  };
  const result = spawnSync('python3', ['-c', summary!.run!], { cwd: dir, env, encoding: 'utf8' });
  const written = existsSync(env.GITHUB_STEP_SUMMARY)
    ? readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8')
    : '';
  return { code: result.status, stdout: result.stdout, summary: written };
}

describe("the train action's metrics summary", () => {
  it('reads metrics.json of the output folder by default', () => {
    const run = summarise('', { 'outputs/metrics.json': '{"accuracy": 0.91234}' });
    expect(run.code).toBe(0);
    expect(run.summary).toContain('| `accuracy` | 0.9123 |');
  });

  it("reads ml-cicd.yaml's metrics file when the script writes elsewhere", () => {
    const run = summarise('results/scores.json', { 'results/scores.json': '{"f1": 0.5}' });
    expect(run.code).toBe(0);
    expect(run.summary).toContain('| `f1` | 0.5000 |');
  });

  it('fails with an annotation that says where to set the file, not a traceback', () => {
    const run = summarise('', { 'results/scores.json': '{"f1": 0.5}' });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      '::error title=No metrics file::The training wrote no outputs/metrics.json. Set metrics.file in ml-cicd.yaml to the JSON file it writes (ml-cicd add workflow train --metrics-file records it), then regenerate the workflow.\n',
    );
  });
});
