import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  artifactZip,
  pushRun,
  startFakeGitHub,
  type FakeGitHub,
} from '../../../../report-action/test/fake-github.js';
import { resolveAnswers, type RawAnswers } from '../../options.js';
import { buildProject } from '../../plan.js';
import { repoAssets } from '../../../test/assets.js';

function render(raw: RawAnswers = {}) {
  return buildProject(resolveAnswers({ name: 'my-project', ...raw }, 'my-project'), repoAssets)
    .files;
}

const files = render();
const workflow = parse(files.get('.github/workflows/report.yml')!) as any;
const reportAction = fileURLToPath(new URL('../../../../report-action/', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'report-feature-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let github: FakeGitHub;
beforeEach(async () => {
  github = await startFakeGitHub();
});
afterEach(() => github.close());

const pullRequestEvent = {
  pull_request: {
    number: 7,
    base: { ref: 'main' },
    head: { repo: { full_name: 'acme/my-project' } },
  },
};

/** Runs a script as the runner runs an action, without blocking the fake server's replies. */
function runNode(script: string, env: Record<string, string>) {
  const child = spawn(process.execPath, [script], {
    cwd: scratch,
    env: { PATH: process.env.PATH, ...env },
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  return new Promise<{ code: number | null; stdout: string }>((done) =>
    child.on('close', (code) => done({ code, stdout })),
  );
}

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
    const reportStep = report.steps.find((step: any) => step.uses === './.github/actions/report');
    expect(reportStep.with['baseline-artifact']).toBe('model-baseline');
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

describe('the report step as rendered', () => {
  it("runs the vendored action: main's baseline artifact, the gates of ml-cicd.yaml, a comment", async () => {
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
    write('event.json', JSON.stringify(pullRequestEvent));
    write('summary.md', '');
    write('output.txt', '');
    github.artifacts.push({
      id: 3,
      name: 'model-baseline',
      expired: false,
      created_at: '2026-11-20T10:00:00Z',
      workflow_run: { id: 30, head_branch: 'main', repository_id: 1, head_repository_id: 1 },
    });
    // Run 30 pushed main in the same workflow (77) as this pull request's run.
    github.runs.set(30, pushRun(30));
    github.zips.set(
      3,
      artifactZip({
        'metrics.json': '{"accuracy": 0.96, "roc_auc": 0.93}',
        'params.json': '{"max_depth": 8}',
      }),
    );
    const inputs = Object.fromEntries(
      Object.entries(step.with as Record<string, string>).map(([name, value]) => [
        `INPUT_${name.toUpperCase()}`,
        value,
      ]),
    );
    const run = await runNode('.github/actions/report/dist/index.js', {
      ...inputs,
      // What the runner makes of the expressions and of action.yml's defaults.
      'INPUT_COMMENT-MODE': 'sticky',
      'INPUT_GITHUB-TOKEN': 'ghs_test',
      'INPUT_API-URL': github.url,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: join(scratch, 'event.json'),
      GITHUB_REPOSITORY: 'acme/my-project',
      GITHUB_RUN_ID: '16345678901',
      GITHUB_STEP_SUMMARY: join(scratch, 'summary.md'),
      GITHUB_OUTPUT: join(scratch, 'output.txt'),
    });
    expect(run.stdout).not.toContain('::error::');
    expect(run.code).toBe(0);
    const summary = readFileSync(join(scratch, 'summary.md'), 'utf8');
    expect(summary).toContain('| `accuracy` | 0.96 | 0.95 |');
    expect(summary).toContain('`value >= 0.9`');
    expect(summary).toContain('| `max_depth` | `8` | `4` |');
    expect(github.comments.map((comment) => comment.body.split('\n')[0])).toEqual([
      '<!-- ml-cicd-report:report -->',
    ]);
  });
});
