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

describe("the train action's summary of DVC-style metrics", () => {
  it('shows nested, string and null values as code, and numbers rounded, without failing', () => {
    const metrics = {
      train: { loss: 0.25, acc: 0.9 },
      eval: {
        roc_auc: 0.87123,
        confusion: [
          [5, 1],
          [0, 4],
        ],
      },
      model: 'resnet18',
      note: null,
    };
    const run = summarise('eval/metrics.json', { 'eval/metrics.json': JSON.stringify(metrics) });
    expect(run.code, run.stdout).toBe(0);
    expect(run.summary).toContain('| `train` | `{"loss": 0.25, "acc": 0.9}` |');
    expect(run.summary).toContain(
      '| `eval` | `{"roc_auc": 0.87123, "confusion": [[5, 1], [0, 4]]}` |',
    );
    expect(run.summary).toContain('| `model` | `"resnet18"` |');
    expect(run.summary).toContain('| `note` | `null` |');
  });
});

const trainStep = (action.runs.steps as Step[]).find((step) => step.name === 'Train');

/** Runs the action's Train step with bash, as the runner does, on a script that prints its argv. */
function train(args: string, extraArgs: string) {
  const dir = mkdtempSync(join(root, 'train-'));
  writeFileSync(join(dir, 'show.py'), 'import json, sys\nprint(json.dumps(sys.argv[1:]))\n');
  const env = {
    PATH: process.env.PATH ?? '',
    TRAIN_SCRIPT: 'show.py',
    TRAIN_MODULE: '',
    TRAIN_ARGS: args,
    EXTRA_ARGS: extraArgs,
    TRAIN_OUTPUT_DIR: 'outputs',
  };
  const result = spawnSync(
    'bash',
    ['--noprofile', '--norc', '-eo', 'pipefail', '-c', trainStep!.run!],
    {
      cwd: dir,
      env,
      encoding: 'utf8',
    },
  );
  return { code: result.status, stdout: result.stdout };
}

describe("the train action's arguments", () => {
  it('passes each line of args as one argument, then extra-args split on spaces', () => {
    const run = train(
      'config/train_small.py\n--name=two words\n',
      'trainer.max_epochs=1  --dry-run lr=[0.1,0.2] model/opt=adam ~seed +exp=a,b range(1,5)',
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([
      'config/train_small.py',
      '--name=two words',
      'trainer.max_epochs=1',
      '--dry-run',
      'lr=[0.1,0.2]',
      'model/opt=adam',
      '~seed',
      '+exp=a,b',
      'range(1,5)',
    ]);
  });

  it('passes no extra argument when extra-args is empty', () => {
    const run = train('--epochs=2\n', '');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(['--epochs=2']);
  });

  it.each(['*.py', '$HOME', 'a;b', "--name='x y'", '`id`', 'a\nb', 'x?'])(
    'refuses %j before the script starts, with one annotation',
    (extra) => {
      const run = train('', extra);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe(
        '::error title=Invalid extra arguments::extra-args may hold only letters, digits, spaces and _ . , : = + / @ % ~ - [ ] { } ( ); quotes, $, *, ? and ; are refused because no shell reads them.\n',
      );
    },
  );
});

describe("the train action's upload", () => {
  const upload = (action.runs.steps as (Step & { with?: Record<string, string> })[]).find(
    (step) => step.name === 'Upload the outputs',
  );

  it('uploads what exists of the output folder and always the metrics file, without failing on a missing folder', () => {
    expect(upload?.with?.['if-no-files-found']).toBe('warn');
    expect(upload?.with?.path).toBe(
      "${{ inputs.output-dir }}\n${{ inputs.metrics-file || format('{0}/metrics.json', inputs.output-dir) }}\n",
    );
  });
});
