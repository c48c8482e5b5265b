import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveAnswers, type RawAnswers } from '../../options.js';
import { buildProject } from '../../plan.js';
import { repoAssets } from '../../../test/assets.js';
import { baselineQuery } from './workflow.js';

function render(raw: RawAnswers = {}) {
  return buildProject(resolveAnswers({ name: 'my-project', ...raw }, 'my-project'), repoAssets)
    .files;
}

const files = render();
const workflow = parse(files.get('.github/workflows/report.yml')!) as any;
const reportAction = fileURLToPath(new URL('../../../../report-action/', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'report-feature-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the report feature', () => {
  it('writes report.yml as reviewed', async () => {
    await expect(files.get('.github/workflows/report.yml')).toMatchFileSnapshot(
      '__snapshots__/report.yml',
    );
  });

  it('vendors the report action exactly as packages/report-action builds it', () => {
    for (const path of ['action.yml', 'dist/index.js', 'dist/package.json']) {
      expect(files.get(`.github/actions/report/${path}`), path).toBe(
        readFileSync(join(reportAction, path), 'utf8'),
      );
    }
  });

  it('uploads the baseline on main under the name the pull request looks up', () => {
    const { baseline, report } = workflow.jobs;
    const train = (job: any) =>
      job.steps.find((step: any) => step.uses === './.github/actions/train');
    expect(workflow.on).toEqual({ pull_request: null, push: { branches: ['main'] } });
    expect(baseline.if).toBe("github.event_name == 'push'");
    expect(train(baseline).with['artifact-name']).toBe('model-baseline');
    expect(train(report).with['artifact-name']).toBe('model-report');
    const download = report.steps.find((step: any) => step.env?.ARTIFACT);
    expect(download.env.ARTIFACT).toBe('model-baseline');
    expect(download.run).toContain('gh run download "$run_id"');
  });

  it('lets only the report job write, and only to pull requests', () => {
    expect(workflow.permissions).toEqual({});
    expect(workflow.jobs.baseline.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs.report.permissions).toEqual({
      contents: 'read',
      actions: 'read',
      'pull-requests': 'write',
    });
  });

  it('is left out with --report no', () => {
    const without = render({ report: 'no' });
    const paths = [...without.keys()];
    expect(paths.filter((path) => path.includes('report'))).toEqual([]);
    expect(without.get('README.md')).not.toContain('## Pull request report');
    expect(files.get('README.md')).toContain('## Pull request report');
  });
});

describe('the baseline lookup', () => {
  // The fields of GitHub's "list artifacts for a repository" answer that the query reads.
  const artifact = (id: number, branch: string, expired = false, fork = false) => ({
    name: 'model-baseline',
    expired,
    created_at: `2026-11-${10 + id}T08:00:00Z`,
    workflow_run: { id, head_branch: branch, repository_id: 1, head_repository_id: fork ? 2 : 1 },
  });
  const pick = (artifacts: unknown[]) =>
    execFileSync('jq', ['-r', '--arg', 'branch', 'main', baselineQuery], {
      input: JSON.stringify({ total_count: artifacts.length, artifacts }),
      encoding: 'utf8',
    }).trim();

  it('takes the newest unexpired run of main in this repository, never a fork’s main', () => {
    const answer = [
      artifact(5, 'main'),
      artifact(9, 'main', false, true),
      artifact(8, 'fix-split'),
      artifact(7, 'main', true),
      artifact(6, 'main'),
    ];
    expect(pick(answer)).toBe('6');
  });

  it('finds nothing when main has no artifact yet', () => {
    expect(pick([artifact(4, 'fix-split'), artifact(3, 'main', true)])).toBe('');
  });
});

describe('the report step as rendered', () => {
  it('runs the vendored action on the metrics train.py writes, with the gates of ml-cicd.yaml', () => {
    const step = workflow.jobs.report.steps.find(
      (step: any) => step.uses === './.github/actions/report',
    );
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(scratch, path)), { recursive: true });
      writeFileSync(join(scratch, path), text);
    };
    for (const path of ['dist/index.js', 'dist/package.json']) {
      write(`.github/actions/report/${path}`, files.get(`.github/actions/report/${path}`)!);
    }
    write('outputs/metrics.json', '{"accuracy": 0.95, "roc_auc": 0.97}');
    write('outputs/params.json', '{"max_depth": 4}');
    write('baseline/metrics.json', '{"accuracy": 0.96, "roc_auc": 0.93}');
    write('baseline/params.json', '{"max_depth": 8}');
    write('summary.md', '');
    write('output.txt', '');
    const inputs = Object.fromEntries(
      Object.entries(step.with as Record<string, string>).map(([name, value]) => [
        `INPUT_${name.toUpperCase()}`,
        value,
      ]),
    );
    const run = spawnSync(process.execPath, ['.github/actions/report/dist/index.js'], {
      cwd: scratch,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        ...inputs,
        // What the runner makes of the expressions and action.yml's defaults; a push makes no
        // API call.
        'INPUT_COMMENT-MODE': 'sticky',
        'INPUT_GITHUB-TOKEN': 'ghs_unused',
        GITHUB_EVENT_NAME: 'push',
        GITHUB_REPOSITORY: 'acme/my-project',
        GITHUB_STEP_SUMMARY: join(scratch, 'summary.md'),
        GITHUB_OUTPUT: join(scratch, 'output.txt'),
      },
    });
    expect(run.stdout).not.toContain('::error::');
    expect(run.status).toBe(0);
    const summary = readFileSync(join(scratch, 'summary.md'), 'utf8');
    expect(summary).toContain('| `accuracy` | 0.96 | 0.95 |');
    expect(summary).toContain('`value >= 0.9`');
    expect(summary).toContain('`max_depth`');
  });
});
