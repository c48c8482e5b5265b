import { describe, expect, it } from 'vitest';
import { findLevel } from '@ml-cicd/core';
import { job, runAct, summary, tail } from '../src/act.js';
import { pushEvent, scheduleEvent } from '../src/events.js';
import { apiState, projectFor, protectEnvironment, suite } from '../src/suite.js';

const CHECKS = 'Lint and test';
const DVC = 'Reproduce the DVC pipeline';
const BUILD = 'Train with the committed params and check the gates';
const PUBLISH = 'Publish the model (after a review)';
const REEVALUATE = 'Re-evaluate the released model on fresh data';
const ISSUE = 'Open, update or close the re-evaluation issue';

// Level 2 turns on DVC, the report, re-evaluation, the release and the update check together; each
// runs alone in its own test file, this one runs them as one project (a local DVC remote, as the
// runs cannot reach S3).
describe('a --level 2 project with --dvc-remote local', () => {
  it('is green on its first push, releases v1.0.0 with the DVC pipeline, then re-evaluates it', async () => {
    const project = await projectFor('level-2', {
      ...findLevel('2').answers,
      dvcRemote: 'local',
    });
    const sha = await project.head();
    const ci = await runAct(suite(), {
      project,
      workflow: 'ci.yml',
      event: 'push',
      payload: pushEvent(project, sha),
      runId: 1801,
    });
    expect(summary(ci), tail(ci.log)).toEqual({ [CHECKS]: 'success', [DVC]: 'success' });

    await protectEnvironment(project.repository, 'release', [{ type: 'required_reviewers' }]);
    const release = await runAct(suite(), {
      project,
      workflow: 'release.yml',
      event: 'push',
      payload: pushEvent(project, sha, 'refs/tags/v1.0.0'),
      runId: 1802,
    });
    expect(job(release, BUILD).result, tail(release.log)).toBe('success');
    expect(job(release, PUBLISH).result, tail(release.log)).toBe('success');
    const { releases } = await apiState(project.repository);
    expect(releases.map((each) => each.tag_name)).toEqual(['v1.0.0']);
    expect(releases[0]!.assets.map((asset) => asset.name)).toContain('metrics.json');

    const retrain = await runAct(suite(), {
      project,
      workflow: 'retrain.yml',
      event: 'schedule',
      payload: scheduleEvent(project),
      runId: 1803,
    });
    expect(job(retrain, REEVALUATE).result, tail(retrain.log)).toBe('success');
    expect(job(retrain, ISSUE).result, tail(retrain.log)).toBe('success');
    expect((await apiState(project.repository)).issues).toEqual([]);
  });
});
