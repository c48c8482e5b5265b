/**
 * train.yml of a team's own package (what `add workflow train` writes for it), dispatched: its
 * requirements in a subfolder, the project installed for `python -m`, fixed arguments from
 * ml-cicd.yaml and the extra-args input reaching the script, no outputs/ folder, and nested
 * metrics in a file of its own.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  buildProject,
  resolveAnswers,
  writePlan,
  type RawAnswers,
  type ScriptParams,
} from '@ml-cicd/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { job, runAct, summary, tail } from '../src/act.js';
import { artifactOfRun } from '../src/artifact-store.js';
import { repoRoot } from '../src/paths.js';
import { committedProject, type Project } from '../src/project.js';
import { pullRequestEvent, pushEvent } from '../src/events.js';
import { apiState, dispatchTrain, suite } from '../src/suite.js';

const TRAIN = 'Train the model';
const assets = {
  templatesDir: join(repoRoot, 'templates'),
  workflowsDir: join(repoRoot, 'workflows'),
};

/** The team's files: a src-layout package whose CLI writes only eval/results.json. */
const teamFiles: Record<string, string> = {
  'pyproject.toml': [
    '[build-system]',
    'requires = ["setuptools>=68"]',
    'build-backend = "setuptools.build_meta"',
    '',
    '[project]',
    'name = "forecast"',
    'version = "0.1.0"',
    'dependencies = ["threadpoolctl"]',
    '',
  ].join('\n'),
  // One small hashed requirement, as uv pip compile --generate-hashes writes it.
  'ci/requirements.txt': [
    'threadpoolctl==3.8.0 \\',
    '    --hash=sha256:f1b49c82704d50f13ffae019c727b0fa4f6791a58f48f06a09c45face1be66da',
    '',
  ].join('\n'),
  'config/train_small.py': 'epochs = 1\n',
  'src/forecast/__init__.py': '',
  'src/forecast/cli.py': [
    'import argparse',
    'import json',
    'import os',
    'import sys',
    '',
    'import threadpoolctl',
    '',
    '',
    'def main():',
    '    parser = argparse.ArgumentParser()',
    '    parser.add_argument("config")',
    '    parser.add_argument("--epochs", type=int, required=True)',
    '    parser.add_argument("--dry-run", action="store_true")',
    '    known, overrides = parser.parse_known_args()',
    '    os.makedirs("eval", exist_ok=True)',
    '    metrics = {',
    '        "argv": sys.argv[1:],',
    '        "train": {"loss": 0.5 / known.epochs, "epochs": known.epochs},',
    '        "eval": {"acc": 0.75},',
    '        "dry_run": known.dry_run,',
    '        "overrides": overrides,',
    '        "threadpoolctl": threadpoolctl.__version__,',
    '        "note": None,',
    '    }',
    '    with open("eval/results.json", "w", encoding="utf-8") as file:',
    '        json.dump(metrics, file)',
    '',
    '',
    'if __name__ == "__main__":',
    '    main()',
    '',
  ].join('\n'),
};

const script: ScriptParams = {
  params: {
    epochs: { type: 'integer', default: 40, min: 1, max: 100, description: 'Epochs to train.' },
  },
  passing: {},
  required: ['epochs'],
  entry: { module: 'forecast.cli' },
  metricsFile: 'eval/results.json',
  train: {
    requirements: 'ci/requirements.txt',
    'install-project': true,
    args: ['config/train_small.py'],
  },
  report: { args: ['--epochs=2'] },
};

/**
 * The report action takes numbers only: this CLI writes its metrics as nested numbers, and its
 * arguments to outputs/argv.json.
 */
const numbersOnlyCli = teamFiles['src/forecast/cli.py']!.replace(
  /    metrics = \{[\s\S]*?\n    \}\n/,
  [
    '    metrics = {"train": {"loss": 0.5 / known.epochs}, "eval": {"acc": 0.75}}',
    '    os.makedirs("outputs", exist_ok=True)',
    '    with open("outputs/argv.json", "w", encoding="utf-8") as file:',
    '        json.dump(sys.argv[1:], file)',
    '',
  ].join('\n'),
);

/** The team's package, with the files `add workflow` writes for `script` out of all it renders. */
async function teamProject(
  owner: string,
  added: string[],
  own: Record<string, string> | ((made: Map<string, string>) => Record<string, string>) = {},
  raw: RawAnswers = {},
): Promise<Project> {
  const root = join(suite().root, owner);
  mkdirSync(root, { recursive: true });
  return committedProject(root, owner, 'forecast', async (dir) => {
    const answers = resolveAnswers({ ...raw, name: 'forecast' }, dir);
    const { files } = buildProject(answers, assets, script);
    await writePlan(new Map(added.map((path) => [path, files.get(path)!])), dir);
    const ownFiles = typeof own === 'function' ? own(files) : own;
    for (const [path, text] of Object.entries({ ...teamFiles, ...ownFiles })) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
  });
}

const trainFiles = [
  'ml-cicd.yaml',
  '.github/workflows/train.yml',
  '.github/actions/train/action.yml',
];

describe("train.yml of a team's package, dispatched", () => {
  let project: Project;
  beforeAll(async () => {
    project = await teamProject('train-script', trainFiles);
  });

  it('installs ci/requirements.txt and the package, passes train.args, the inputs and extra-args, and uploads the metrics though no outputs/ exists', async () => {
    const inputs = { epochs: '3', 'extra-args': 'trainer.max_epochs=1 --dry-run lr=[0.1,0.2]' };
    const result = await dispatchTrain(project, inputs, { runId: 2001 });
    expect(summary(result), tail(result.log)).toEqual({ [TRAIN]: 'success' });
    const steps = job(result, TRAIN).steps;
    expect(steps.find((step) => step.name === 'Install the project')?.result).toBe('success');
    const upload = steps.find((step) => step.name === 'Upload the outputs');
    expect(upload?.result).toBe('success');
    // Both paths asked for are rooted at the workspace, as actions/upload-artifact roots them.
    const artifact = artifactOfRun(suite().store, 2001, 'training-outputs');
    expect(artifact.files).toEqual(['eval/results.json']);
    const metrics = JSON.parse(readFileSync(join(artifact.dir, 'eval/results.json'), 'utf8'));
    expect(metrics.argv).toEqual([
      'config/train_small.py',
      '--epochs=3',
      'trainer.max_epochs=1',
      '--dry-run',
      'lr=[0.1,0.2]',
    ]);
    expect(metrics).toMatchObject({ dry_run: true, threadpoolctl: '3.8.0' });
    const table = steps.find((step) => step.name === 'Summarise the metrics');
    expect(table?.result).toBe('success');
  });

  it('is red at the Train step, before the script runs, when extra-args holds a quote', async () => {
    const result = await dispatchTrain(
      project,
      { epochs: '3', 'extra-args': "--name='a b'" },
      { runId: 2002 },
    );
    expect(summary(result)).toEqual({ [TRAIN]: 'failure' });
    const train = job(result, TRAIN).steps.find((step) => step.name === 'Train');
    expect(train?.result).toBe('failure');
    // act takes the ::error line as an annotation: it is in the run's log, not the step's output.
    expect(result.log).toContain('extra-args may hold only letters, digits, spaces');
    expect(train?.output).not.toContain('config/train_small.py');
    expect(() => artifactOfRun(suite().store, 2002, 'training-outputs')).toThrow();
  });
});

const BASELINE = "Record main's metrics as the baseline";
const REPORT = 'Train and report against main';

describe("report.yml of a team's package whose metrics file is outside outputs/", () => {
  let project: Project;
  beforeAll(async () => {
    project = await teamProject(
      'report-script',
      [
        ...trainFiles.filter((path) => path !== '.github/workflows/train.yml'),
        '.github/workflows/report.yml',
        '.github/actions/report/action.yml',
        '.github/actions/report/dist/index.js',
        '.github/actions/report/dist/package.json',
      ],
      { 'src/forecast/cli.py': numbersOnlyCli },
    );
  });

  it("stores main's eval/results.json, trained with report.args, as the baseline", async () => {
    const result = await runAct(suite(), {
      project,
      workflow: 'report.yml',
      event: 'push',
      payload: pushEvent(project, await project.head()),
      runId: 2011,
    });
    expect(job(result, BASELINE).result, tail(result.log)).toBe('success');
    const baseline = artifactOfRun(suite().store, 2011, 'model-baseline');
    expect(baseline.files).toEqual(['eval/results.json', 'outputs/argv.json']);
    const argv = JSON.parse(readFileSync(join(baseline.dir, 'outputs/argv.json'), 'utf8'));
    expect(argv).toEqual(['config/train_small.py', '--epochs=2']);
  });

  it("reports a pull request's metrics against main's, from the same file", async () => {
    const head = await project.commit('Better accuracy', (dir) => {
      const cli = join(dir, 'src/forecast/cli.py');
      writeFileSync(cli, readFileSync(cli, 'utf8').replace('"acc": 0.75', '"acc": 0.8'));
    });
    const result = await runAct(suite(), {
      project,
      workflow: 'report.yml',
      event: 'pull_request',
      payload: pullRequestEvent(project, 8, head),
      runId: 2012,
    });
    expect(job(result, REPORT).result, tail(result.log)).toBe('success');
    const [comment] = (await apiState(project.repository)).comments;
    expect(comment?.body).not.toMatch(/no baseline/i);
    expect(comment?.body).toMatch(/\| `eval\.acc` \| 0\.75 \| 0\.8 \|/);
  });
});

const DVC = 'Reproduce the DVC pipeline';

describe("dvc.yml of a team's package whose requirements are in ci/", () => {
  it('installs ci/requirements.txt, the file ml-cicd.yaml names, and reproduces the stage', async () => {
    const project = await teamProject(
      'dvc-script',
      ['ml-cicd.yaml', '.github/workflows/dvc.yml', 'dvc.yaml', 'params.yaml', '.dvc/config'],
      // The team locked its requirements, dvc among them, into the file train.requirements names.
      (made) => ({ 'ci/requirements.txt': made.get('requirements.txt')! }),
      { data: 'dvc', dvcRemote: 'local' },
    );
    const result = await runAct(suite(), {
      project,
      workflow: 'dvc.yml',
      event: 'push',
      payload: pushEvent(project, await project.head()),
      runId: 2021,
    });
    const install = job(result, DVC).steps.find(
      (s) => s.name === 'Install the pinned requirements',
    );
    expect(install?.result, tail(result.log)).toBe('success');
    expect(install?.output).toContain('dvc==');
    expect(summary(result), tail(result.log)).toEqual({ [DVC]: 'success' });
    // The stage passes train.args first, as the train action does.
    expect(result.log).toContain('> python -m forecast.cli config/train_small.py --epochs 40');
    expect(result.log).toContain('dvc.lock is not committed yet');
  });
});
