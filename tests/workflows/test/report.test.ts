import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { job, runAct, tail } from '../src/act.js';
import { artifactOfRun } from '../src/artifact-store.js';
import { pullRequestEvent, pushEvent } from '../src/events.js';
import type { Project } from '../src/project.js';
import { apiState, projectFor, recording, suite } from '../src/suite.js';

const BASELINE = "Record main's metrics as the baseline";
const REPORT = 'Train and report against main';
const PR = 7;

describe('report.yml of the default project', () => {
  let project: Project;
  beforeAll(async () => {
    project = await projectFor('report-runs');
  });

  it('on a push to main trains with the defaults and stores the baseline artifact', async () => {
    const result = await runAct(suite(), {
      project,
      workflow: 'report.yml',
      event: 'push',
      payload: pushEvent(project, await project.head()),
      runId: 301,
    });
    expect(job(result, BASELINE).result, tail(result.log)).toBe('success');
    expect(result.jobs.find((each) => each.name === REPORT)?.result ?? 'not run').not.toBe(
      'success',
    );
    expect(result.code).toBe(0);
    const baseline = artifactOfRun(suite().store, 301, 'model-baseline');
    expect(baseline.headBranch).toBe('main');
    const metrics = JSON.parse(readFileSync(join(baseline.dir, 'metrics.json'), 'utf8'));
    expect(metrics.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('on a pull request posts the report against that baseline as a comment', async () => {
    const result = await runAct(suite(), {
      project,
      workflow: 'report.yml',
      event: 'pull_request',
      payload: pullRequestEvent(project, PR, await project.head()),
      runId: 302,
    });
    expect(job(result, REPORT).result, tail(result.log)).toBe('success');
    expect(result.code).toBe(0);
    const { comments } = await apiState(project.repository);
    expect(comments).toHaveLength(1);
    const [comment] = comments;
    expect(comment!.issue).toBe(PR);
    expect(comment!.body).toMatch(/^<!-- ml-cicd-report:[^>]+ -->\n/);
    expect(comment!.body).toContain('accuracy');
    expect(comment!.body).not.toMatch(/no baseline/i);
    const calls = (await recording(project.repository)).map(
      (call) => `${call.method} ${call.path} ${call.status}`,
    );
    const repo = `/repos/${project.repository}`;
    // The baseline: main's artifact, found in the listing and downloaded through GitHub's redirect.
    expect(calls).toContain(`GET ${repo}/actions/artifacts 200`);
    expect(calls).toContain(`GET ${repo}/actions/artifacts/30101/zip 302`);
    expect(calls.at(-1)).toBe(`POST ${repo}/issues/${PR}/comments 201`);
    expect(calls.filter((call) => !/ 2\d\d$| 302$/.test(call))).toEqual([]);
  });

  it('on the next push to the pull request updates the same comment in place', async () => {
    const [first] = (await apiState(project.repository)).comments;
    const result = await runAct(suite(), {
      project,
      workflow: 'report.yml',
      event: 'pull_request',
      payload: pullRequestEvent(project, PR, await project.head()),
      runId: 303,
    });
    expect(job(result, REPORT).result, tail(result.log)).toBe('success');
    const { comments } = await apiState(project.repository);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.id).toBe(first!.id);
    expect(comments[0]!.updated_at > first!.updated_at).toBe(true);
    expect(comments[0]!.body).toContain('/actions/runs/303');
    const calls = await recording(project.repository);
    expect(calls.filter((call) => call.method === 'PATCH').map((call) => call.path)).toEqual([
      `/repos/${project.repository}/issues/comments/${first!.id}`,
    ]);
    expect(calls.every((call) => call.authorized)).toBe(true);
  });
});
