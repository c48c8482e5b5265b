/**
 * baseline-artifact: the bundled action finds main's newest artifact of this repository through a
 * local stand-in for the REST API, follows the download redirect to another origin without the
 * token, and unpacks the files it reads from the zip as upload-artifact streams it (data
 * descriptors, no sizes in the local headers).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  artifactZip,
  pushRun,
  startFakeGitHub,
  type FakeArtifact,
  type FakeGitHub,
} from './fake-github.ts';
import { runAction } from './run-action.ts';

const TOKEN = 'ghs_baselineTokenThatMustStayWithTheApi';
const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const pullRequest = JSON.parse(fixture('pull-request-event.json')) as {
  pull_request: { base: { ref: string } };
};

const artifact = (id: number, branch: string, day: number, more: Partial<FakeArtifact> = {}) => {
  github.runs.set(id * 10, pushRun(id * 10, { head_branch: branch }));
  return artifactOfRun(id, branch, day, more);
};
const artifactOfRun = (id: number, branch: string, day: number, more: Partial<FakeArtifact>) => ({
  id,
  name: 'model-baseline',
  expired: false,
  created_at: `2026-08-${day}T10:00:00Z`,
  workflow_run: { id: id * 10, head_branch: branch, repository_id: 1, head_repository_id: 1 },
  ...more,
});

let github: FakeGitHub;
beforeEach(async () => {
  github = await startFakeGitHub();
});
afterEach(() => github.close());

function run(inputs: Record<string, string> = {}) {
  return runAction({
    event: { name: 'pull_request', payload: pullRequest },
    files: { 'metrics.json': fixture('metrics.json'), 'params.json': fixture('params.json') },
    inputs: {
      metrics: 'metrics.json',
      params: 'params.json',
      'baseline-artifact': 'model-baseline',
      baseline: 'metrics.json',
      'baseline-params': 'params.json',
      'comment-mode': 'off',
      'github-token': TOKEN,
      'api-url': github.url,
      ...inputs,
    },
  });
}

describe('baseline-artifact', () => {
  it("compares with main's newest artifact of this repository, never a fork's or an expired one", async () => {
    const forkMain = artifact(9, 'main', 20, {
      workflow_run: { id: 90, head_branch: 'main', repository_id: 1, head_repository_id: 2 },
    });
    github.artifacts.push(
      artifact(5, 'main', 15),
      forkMain,
      artifact(8, 'deeper-trees', 19),
      artifact(7, 'main', 18, { expired: true }),
      artifact(6, 'main', 17),
    );
    github.zips.set(
      6,
      artifactZip({
        'metrics.json': fixture('baseline.json'),
        'params.json': '{}',
        'model.pkl': 'weights',
      }),
    );
    github.zips.set(9, artifactZip({ 'metrics.json': '{"accuracy": 0.1}' }));
    expect(pullRequest.pull_request.base.ref).toBe('main');

    const result = await run();
    expect(result.code).toBe(0);
    expect(github.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /repos/acme/churn-model/actions/artifacts?name=model-baseline&per_page=100',
      'GET /repos/acme/churn-model/actions/runs/16345678901',
      'GET /repos/acme/churn-model/actions/runs/60',
      'GET /repos/acme/churn-model/actions/artifacts/6/zip',
    ]);
    expect(github.requests.every((r) => r.authorization === `token ${TOKEN}`)).toBe(true);
    expect(github.storage.requests).toEqual([
      { method: 'GET', path: '/blobs/6', authorization: undefined, headers: expect.any(Array) },
    ]);
    expect(github.storage.requests[0]?.headers.join('\n')).not.toContain(TOKEN);
    expect(result.stdout).toContain(
      'The baseline is the model-baseline artifact of run 60 on main.',
    );
    const base = JSON.parse(fixture('baseline.json')) as Record<string, number>;
    expect(result.summary).toContain(`| \`accuracy\` | ${base.accuracy} |`);
    expect(result.summary).not.toContain('No baseline yet');
    expect(`${result.stdout}${result.summary}`).not.toContain(TOKEN);
    const runnerTemp = join(result.workspace, '.runner-temp');
    const [unpacked, ...others] = readdirSync(runnerTemp);
    expect(others).toEqual([]);
    expect(readdirSync(join(runnerTemp, unpacked ?? '')).sort()).toEqual([
      'metrics.json',
      'params.json',
    ]);
  });

  it.each([
    ['another workflow', { workflow_id: 78 }],
    ['a workflow_dispatch of this workflow', { event: 'workflow_dispatch' }],
    ['a pull_request_target run', { event: 'pull_request_target' }],
    ['a run whose head is a fork', { head_repository: { id: 2 } }],
  ])('takes no baseline from %s on main, only from its own push runs', async (_, more) => {
    github.artifacts.push(artifact(5, 'main', 15), artifact(9, 'main', 20));
    github.runs.set(90, { ...pushRun(90), ...more });
    github.zips.set(5, artifactZip({ 'metrics.json': fixture('baseline.json') }));
    github.zips.set(9, artifactZip({ 'metrics.json': '{"accuracy": 0.1}' }));

    const result = await run();
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'The baseline is the model-baseline artifact of run 50 on main.',
    );
    expect(github.requests.map((r) => r.path)).not.toContain(
      '/repos/acme/churn-model/actions/artifacts/9/zip',
    );
    const base = JSON.parse(fixture('baseline.json')) as Record<string, number>;
    expect(result.summary).toContain(`| \`accuracy\` | ${base.accuracy} |`);
  });

  it('reports "no baseline yet" when main has no artifact, and a file the artifact lacks by name', async () => {
    const none = await run();
    expect(none.code).toBe(0);
    expect(none.stdout).toContain(
      'No unexpired model-baseline artifact from a push run of this workflow on main of this repository yet',
    );
    expect(none.summary).toContain('> No baseline yet:');

    github.artifacts.push(artifact(3, 'main', 12));
    github.zips.set(3, artifactZip({ 'metrics.json': fixture('baseline.json') }));
    const lacking = await run({ baseline: 'metrics.json\neval/metrics.json' });
    expect(lacking.summary).toContain(
      '> Baseline files not found, left out of the comparison: eval/metrics.json (in the model-baseline artifact).',
    );
  });

  it('unpacks nothing outside its folder', async () => {
    github.artifacts.push(artifact(4, 'main', 14));
    github.zips.set(
      4,
      artifactZip({ 'metrics.json': fixture('baseline.json'), '../escaped.json': '{}' }),
    );
    const result = await run();
    expect(result.code).toBe(0);
    expect(existsSync(join(result.workspace, '.runner-temp', 'escaped.json'))).toBe(false);
    expect(result.stdout).toContain(
      '::warning::Could not read the baseline artifact model-baseline (invalid relative path: ../escaped.json). The report has no baseline.',
    );
  });

  it('refuses files that would unpack past the limit, naming the artifact and the limit', async () => {
    github.artifacts.push(artifact(4, 'main', 14));
    // 40 MiB of zeros, deflated to 40 kB.
    const script = [
      'import sys, zipfile',
      'with zipfile.ZipFile(sys.stdout.buffer, "w", zipfile.ZIP_DEFLATED) as archive:',
      '    archive.writestr("metrics.json", bytes(40 * 2**20))',
    ].join('\n');
    github.zips.set(4, execFileSync('python3', ['-c', script]));
    const result = await run();
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      '::warning::Could not read the baseline artifact model-baseline (metrics.json would unpack to 40 MiB, over the limit of 32 MiB). The report has no baseline.',
    );
    expect(result.summary).toContain('> No baseline yet:');
  });

  it('warns and reports without a baseline when the token cannot read artifacts', async () => {
    github.failWith = 403;
    const result = await run();
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^::warning::Could not download the baseline artifact model-baseline \(GitHub answered 403: Resource not accessible by integration\); the job needs "actions: read"\./m,
    );
    expect(result.summary).toContain('> No baseline yet:');
  });
});
