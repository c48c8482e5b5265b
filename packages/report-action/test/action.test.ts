import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from './fake-github.ts';
import { runAction, type ActionRun, type RunOptions } from './run-action.ts';

const TOKEN = 'ghs_e2eTokenThatMustNeverBePrinted0123';
const MARKER = '<!-- ml-cicd-report:Model-report/report -->';
const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const pullRequest = JSON.parse(fixture('pull-request-event.json')) as {
  pull_request: { head: { repo: { full_name: string } } };
};
const forkPullRequest = structuredClone(pullRequest);
forkPullRequest.pull_request.head.repo.full_name = 'mallory/churn-model';

const files = {
  'metrics.json': fixture('metrics.json'),
  'baseline.json': fixture('baseline.json'),
  'params.json': fixture('params.json'),
  'baseline-params.json': fixture('baseline-params.json'),
};

let github: FakeGitHub;
beforeEach(async () => {
  // 150 comments from people first, so finding the sticky one needs a second page.
  github = await startFakeGitHub(Array.from({ length: 150 }, (_, i) => `Looks good ${i}`));
});
afterEach(() => github.close());

async function run(overrides: Partial<RunOptions> = {}, inputs: Record<string, string> = {}) {
  const result = await runAction({
    event: { name: 'pull_request', payload: pullRequest },
    files,
    ...overrides,
    inputs: {
      metrics: 'metrics.json',
      baseline: 'baseline.json',
      gates: 'accuracy: ">= -0.05"\nloss: "<= +5%"',
      params: 'params.json',
      'baseline-params': 'baseline-params.json',
      'comment-mode': 'sticky',
      'github-token': TOKEN,
      'api-url': github.url,
      ...inputs,
    },
  });
  expectNoToken(result);
  return result;
}

function expectNoToken(result: ActionRun): void {
  const everything = [
    result.stdout,
    result.stderr,
    result.summary,
    ...Object.values(result.outputs),
  ];
  for (const text of everything) expect(text).not.toContain(TOKEN);
}

const stickyComments = () => github.comments.filter((c) => c.body.startsWith(MARKER));
const calls = () => github.requests.map((r) => `${r.method} ${r.path}`);

describe('the bundled action, run as GitHub runs it', () => {
  it('creates the sticky comment, then updates the same one', async () => {
    const first = await run();
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
    expect(calls()).toEqual([
      'POST /graphql',
      'GET /repos/acme/churn-model/issues/7/comments?per_page=100',
      'GET /repos/acme/churn-model/issues/7/comments?per_page=100&page=2',
      'POST /repos/acme/churn-model/issues/7/comments',
    ]);
    expect(github.requests.every((r) => r.authorization === `token ${TOKEN}`)).toBe(true);
    expect(stickyComments()).toHaveLength(1);
    expect(first.stdout).toContain('The pull request comment was created');

    github.requests.length = 0;
    const second = await run({}, { gates: 'accuracy: ">= -0.04"' });
    expect(second.code).toBe(0);
    const [sticky] = stickyComments();
    expect(calls()).toEqual([
      'POST /graphql',
      'GET /repos/acme/churn-model/issues/7/comments?per_page=100',
      'GET /repos/acme/churn-model/issues/7/comments?per_page=100&page=2',
      `PATCH /repos/acme/churn-model/issues/comments/${sticky?.id}`,
    ]);
    expect(stickyComments()).toHaveLength(1);
    expect(sticky?.body).toBe(`${MARKER}\n${second.outputs.markdown}`);
    expect(sticky?.body).toContain('✅ `>= -0.04`');
    expect(github.comments).toHaveLength(151);
  });

  it("updates only its own sticky comment, never someone else's that starts with the marker", async () => {
    const planted = github.addComment(`${MARKER}\nAll gates passed, merge away`, 'mallory');
    const own = github.addComment(`${MARKER}\nan older report`, 'github-actions[bot]');
    const result = await run();
    expect(result.code).toBe(0);
    expect(calls().at(-1)).toBe(`PATCH /repos/acme/churn-model/issues/comments/${own.id}`);
    expect(planted.body).toBe(`${MARKER}\nAll gates passed, merge away`);
    expect(own.body).toBe(`${MARKER}\n${result.outputs.markdown}`);
  });

  it("with an App's token, counts only that App's comments and creates its own", async () => {
    github.login = 'acme-ml-bot[bot]';
    const other = github.addComment(`${MARKER}\nby the workflow token`, 'github-actions[bot]');
    const result = await run();
    expect(result.code).toBe(0);
    expect(calls().at(-1)).toBe('POST /repos/acme/churn-model/issues/7/comments');
    expect(other.body).toBe(`${MARKER}\nby the workflow token`);
    const mine = github.comments.filter((c) => c.user.login === 'acme-ml-bot[bot]');
    expect(mine.map((c) => c.body)).toEqual([`${MARKER}\n${result.outputs.markdown}`]);
  });

  it('writes the summary and the outputs', async () => {
    const result = await run();
    expect(result.summary).toBe(result.outputs.markdown);
    expect(result.summary).toContain(
      '| `accuracy` | 0.95 | 0.92 | -0.03 | -3.16% | ✅ `>= -0.05` |',
    );
    expect(result.summary).toContain('| `model.criterion` | `gini` | `entropy` |');
    expect(result.summary).toContain(
      '[Workflow run](https://github.com/acme/churn-model/actions/runs/16345678901)',
    );
    expect(result.outputs.regressed).toBe('false');
  });

  it('keeps separate sticky comments for separate keys, and adds one each time with "new"', async () => {
    await run({}, { 'comment-key': 'gpu-a100' });
    await run({}, { 'comment-key': 'cpu' });
    await run({}, { 'comment-key': 'cpu' });
    await run({}, { 'comment-mode': 'new' });
    await run({}, { 'comment-mode': 'new' });
    const keys = github.comments.slice(150).map((c) => c.body.split('\n')[0]);
    expect(keys).toEqual([
      '<!-- ml-cicd-report:gpu-a100 -->',
      '<!-- ml-cicd-report:cpu -->',
      MARKER,
      MARKER,
    ]);
  });

  it('on a pull request from a fork, makes no request and writes only the summary', async () => {
    const result = await run({ event: { name: 'pull_request', payload: forkPullRequest } });
    expect(result.code).toBe(0);
    expect(github.requests).toEqual([]);
    expect(result.stdout).toContain('comes from the fork mallory/churn-model');
    expect(result.summary).toContain('## Model report');
  });

  it('on a Dependabot pull request, makes no request and writes only the summary', async () => {
    const result = await run({ actor: 'dependabot[bot]' });
    expect(result.code).toBe(0);
    expect(github.requests).toEqual([]);
    expect(result.summary).toContain('## Model report');
  });

  it('on a push, writes only the summary, labelled "This run"', async () => {
    const result = await run({ event: { name: 'push', payload: { ref: 'refs/heads/main' } } });
    expect(result.code).toBe(0);
    expect(github.requests).toEqual([]);
    expect(result.summary).toContain('| Metric | Base | This run |');
  });

  it('reports a 403 as a warning, not a failure', async () => {
    github.failWith = 403;
    const result = await run();
    expect(result.code).toBe(0);
    expect(github.requests).toHaveLength(1);
    expect(result.stdout).toMatch(
      /^::warning::GitHub answered 403 \(Resource not accessible by integration.*\) to the pull request comment/m,
    );
    expect(result.stdout).not.toContain('::error::');
    expect(result.summary).toContain('## Model report');
  });

  it('fails on any other error from the API, saying what GitHub answered', async () => {
    github.failWith = 500;
    const result = await run();
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^::error::Could not write the pull request comment: GitHub answered 500 \(Server Error/m,
    );
    expect(result.summary).toContain('## Model report');
  });

  it('fails naming the API URL when nothing answers there', async () => {
    const closed = github.url;
    await github.close();
    const result = await run({}, { 'api-url': closed });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `::error::Could not write the pull request comment: no answer from ${closed} (connect ECONNREFUSED`,
    );
    github = await startFakeGitHub();
  });

  it('with comment-mode off, makes no request even without a token', async () => {
    const result = await run({}, { 'comment-mode': 'off', 'github-token': '' });
    expect(result.code).toBe(0);
    expect(github.requests).toEqual([]);
    expect(result.summary).toContain('## Model report');
  });

  it('fails naming the metric when a gate breaks, after writing the comment and the summary', async () => {
    const result = await run({}, { gates: 'accuracy: ">= -0.01"\nf1: ">= 0.9"' });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '::error::Gate broken: accuracy changed by -0.03 (gate ">= -0.01").',
    );
    expect(result.outputs.regressed).toBe('true');
    expect(stickyComments()[0]?.body).toContain('❌ **`accuracy`**');
    expect(result.summary).toContain('❌ **Gate broken:**');
  });

  it('comments a brief report, pointing to the summary, when the full one is over the limit', async () => {
    const many = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`feature_${i}`, i]));
    const result = await run(
      { files: { ...files, 'params.json': JSON.stringify(many) } },
      { 'baseline-params': '' },
    );
    expect(result.code).toBe(0);
    const body = stickyComments()[0]?.body ?? '';
    expect(body).toContain('The full report is longer than GitHub allows in a comment');
    expect(body.length).toBeLessThan(65_536);
    expect(result.summary).toContain('`feature_2999`');
  });

  it('shows "no baseline yet" when the baseline file is missing, and does not fail', async () => {
    const result = await run(
      {},
      { baseline: 'artifact/metrics.json', gates: 'accuracy: ">= 0.9"' },
    );
    expect(result.code).toBe(0);
    expect(result.summary).toContain('> No baseline yet:');
    expect(result.outputs.regressed).toBe('false');
  });

  it.each([
    [{ metrics: 'outputs/metrics.json' }, 'Input "metrics": outputs/metrics.json does not exist.'],
    // Its numbers are compared and its strings listed apart, so the gate finds no accuracy.
    [
      { metrics: 'params.json' },
      'Input "gates" names accuracy, which no metrics file has (it has model.max_depth,',
    ],
    [
      { 'comment-mode': 'sometimes' },
      'Input "comment-mode" must be one of sticky, new, off (got "sometimes").',
    ],
    [{ gates: 'accuracy >= 0.9' }, 'Input "gates", line 1: "accuracy >= 0.9" is not a gate;'],
  ])('fails on bad input %j with one sentence and no request', async (inputs, message) => {
    const result = await run({}, inputs);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`::error::${message}`);
    expect(result.stdout).not.toMatch(/\n\s+at /);
    expect(github.requests).toEqual([]);
  });
});
