/**
 * The workflows of a team's own script (`add workflow`): ml-cicd.yaml's `train` (requirements,
 * project install, fixed arguments) and `report` (cheaper arguments) reach every run, and the
 * report and retrain runs compare against the metrics file ml-cicd.yaml names.
 */
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { ReportSettings, TrainSettings } from '@ml-cicd/config';
import { resolveAnswers } from '../../options.js';
import { buildProject, type ScriptParams } from '../../plan.js';
import { repoAssets } from '../../../test/assets.js';

function render(settings: { train?: TrainSettings; report?: ReportSettings } = {}) {
  const script: ScriptParams = {
    params: {
      epochs: { type: 'integer', default: 40, description: 'Epochs to train.' },
      lr: { type: 'number', default: 0.01, description: 'Learning rate.' },
    },
    passing: {},
    required: ['epochs'],
    entry: { module: 'forecast.cli' },
    metricsFile: 'eval/results.json',
    ...settings,
  };
  const answers = resolveAnswers({ name: 'forecast', retrain: 'monthly' }, 'forecast');
  const files = buildProject(answers, repoAssets, script).files;
  const yaml = (path: string) => parse(files.get(path)!) as any;
  const trainStep = (job: any) =>
    job.steps.find((step: any) => step.uses === './.github/actions/train');
  const reportStep = (job: any) =>
    job.steps.find((step: any) => step.uses === './.github/actions/report');
  return { files, yaml, trainStep, reportStep };
}

const settings = {
  train: {
    requirements: 'ci/requirements.txt',
    'install-project': true,
    args: ['config/train_small.py', 'trainer.max_epochs=1'],
  },
  report: { args: ['--epochs=1', '--lr=0.1'] },
};

describe('train.yml of a team script', () => {
  it('passes train.args before the params, and the extra-args input after them', () => {
    const { yaml, trainStep } = render(settings);
    const workflow = yaml('.github/workflows/train.yml');
    expect(workflow.on.workflow_dispatch.inputs['extra-args']).toMatchObject({
      type: 'string',
      required: false,
      default: '',
    });
    expect(trainStep(workflow.jobs.train).with).toMatchObject({
      requirements: 'ci/requirements.txt',
      'install-project': true,
      module: 'forecast.cli',
      args: 'config/train_small.py\ntrainer.max_epochs=1\n--epochs=${{ inputs.epochs }}\n--lr=${{ inputs.lr }}\n',
      'extra-args': '${{ inputs.extra-args }}',
    });
  });

  it('leaves the install inputs at their defaults when ml-cicd.yaml has no train section', () => {
    const { yaml, trainStep } = render();
    const step = trainStep(yaml('.github/workflows/train.yml').jobs.train);
    expect(step.with).not.toHaveProperty('requirements');
    expect(step.with).not.toHaveProperty('install-project');
    expect(step.with.args).toBe('--epochs=${{ inputs.epochs }}\n--lr=${{ inputs.lr }}\n');
  });

  it('records train and report in ml-cicd.yaml', () => {
    const { yaml } = render(settings);
    expect(yaml('ml-cicd.yaml')).toMatchObject(settings);
  });

  it('refuses a param named extra-args, naming the input', () => {
    const script = {
      params: { 'extra-args': { type: 'string', default: '', description: 'x' } },
      passing: {},
      required: [],
    } as ScriptParams;
    const answers = resolveAnswers({ name: 'forecast' }, 'forecast');
    expect(() => buildProject(answers, repoAssets, script)).toThrow(
      "ml-cicd.yaml's params may not hold extra-args: it is train.yml's input for more arguments; rename the param.",
    );
  });
});

describe('report.yml of a team script', () => {
  it("trains with report.args instead of the params' defaults, on main and on pull requests", () => {
    const { yaml, trainStep } = render(settings);
    const workflow = yaml('.github/workflows/report.yml');
    for (const job of [workflow.jobs.baseline, workflow.jobs.report]) {
      const step = trainStep(job);
      expect(step.name).toBe("Train with the report's arguments");
      expect(step.with.args).toBe(
        'config/train_small.py\ntrainer.max_epochs=1\n--epochs=1\n--lr=0.1\n',
      );
      expect(step.with).toMatchObject({ requirements: 'ci/requirements.txt' });
    }
  });

  it("passes the required flags' defaults without report.args", () => {
    const { yaml, trainStep } = render();
    const step = trainStep(yaml('.github/workflows/report.yml').jobs.report);
    expect(step.name).toBe('Train with the default params');
    expect(step.with.args).toBe('--epochs=40\n');
  });

  it('leaves out a required positional whose default is empty, instead of an empty line', () => {
    const script: ScriptParams = {
      params: {
        input_file: { type: 'string', default: '', description: 'The data file.' },
        epochs: { type: 'integer', default: 40, description: 'Epochs to train.' },
      },
      passing: { input_file: 'positional' },
      required: ['input_file', 'epochs'],
    };
    const answers = resolveAnswers({ name: 'forecast' }, 'forecast');
    const report = parse(
      buildProject(answers, repoAssets, script).files.get('.github/workflows/report.yml')!,
    );
    const step = report.jobs.report.steps.find(
      (each: any) => each.uses === './.github/actions/train',
    );
    expect(step.with.args).toBe('--epochs=40\n');
  });

  it('compares with the metrics file of ml-cicd.yaml where the uploaded artifact holds it', () => {
    const { yaml, reportStep } = render(settings);
    const step = reportStep(yaml('.github/workflows/report.yml').jobs.report);
    // The artifact holds outputs/ and eval/results.json, rooted at their common folder.
    expect(step.with).toMatchObject({
      metrics: 'eval/results.json',
      'baseline-artifact': 'model-baseline',
      baseline: 'eval/results.json',
    });
  });
});

describe('retrain.yml of a team script', () => {
  it("trains with the params' defaults and compares with the release's asset of the metrics file's name", () => {
    const { yaml, trainStep, reportStep } = render(settings);
    const job = yaml('.github/workflows/retrain.yml').jobs.retrain;
    expect(trainStep(job).with.args).toBe(
      'config/train_small.py\ntrainer.max_epochs=1\n--epochs=40\n',
    );
    const download = job.steps.find(
      (step: any) => step.name === 'Download the metrics of the latest release',
    );
    expect(download.env.METRICS_ASSET).toBe('results.json');
    expect(download.run).toContain('gh release download --pattern "$METRICS_ASSET" --dir released');
    expect(reportStep(job).with.baseline).toBe('released/results.json');
  });
});
