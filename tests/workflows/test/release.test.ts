import { describe, expect, it } from 'vitest';
import { job, runAct, tail } from '../src/act.js';
import { pushEvent, scheduleEvent } from '../src/events.js';
import { apiState, projectFor, protectEnvironment, recording, suite } from '../src/suite.js';

const BUILD = 'Train with the committed params and check the gates';
const PUBLISH = 'Publish the model (after a review)';
const REEVALUATE = 'Re-evaluate the released model on fresh data';
const ISSUE = 'Open, update or close the re-evaluation issue';

describe('release.yml and retrain.yml of the default project', () => {
  it('releases on a pushed v* tag, then re-evaluates that release with every gate holding', async () => {
    const project = await projectFor('release-runs');
    await protectEnvironment(project.repository, 'release', [{ type: 'required_reviewers' }]);
    const sha = await project.head();
    const release = await runAct(suite(), {
      project,
      workflow: 'release.yml',
      event: 'push',
      payload: pushEvent(project, sha, 'refs/tags/v1.0.0'),
      runId: 401,
    });
    expect(job(release, BUILD).result, tail(release.log)).toBe('success');
    expect(job(release, PUBLISH).result, tail(release.log)).toBe('success');
    const { releases } = await apiState(project.repository);
    expect(releases.map((each) => [each.tag_name, each.target_commitish, each.name])).toEqual([
      ['v1.0.0', sha, 'Model v1.0.0'],
    ]);
    expect(releases[0]!.assets.map((asset) => asset.name).sort()).toEqual([
      'metrics.json',
      'model.skops',
      'params.json',
    ]);
    const metrics = JSON.parse(
      Buffer.from(
        releases[0]!.assets.find((a) => a.name === 'metrics.json')!.content,
        'base64',
      ).toString(),
    );
    expect(metrics.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(releases[0]!.body).toContain('accuracy');

    const retrain = await runAct(suite(), {
      project,
      workflow: 'retrain.yml',
      event: 'schedule',
      payload: scheduleEvent(project),
      runId: 402,
    });
    expect(job(retrain, REEVALUATE).result, tail(retrain.log)).toBe('success');
    expect(job(retrain, ISSUE).result, tail(retrain.log)).toBe('success');
    const downloads = (await recording(project.repository)).filter((call) =>
      /releases\/assets\/\d+$/.test(call.path),
    );
    expect(downloads.map((call) => call.status)).toEqual([200, 200]);
    expect((await apiState(project.repository)).issues).toEqual([]);
    // Jobs that release start uv from an empty cache of their own, never from a shared one.
    for (const each of [job(release, BUILD), job(retrain, REEVALUATE)]) {
      const setUpUv = each.steps.find((step) => step.name === 'Set up uv');
      expect(setUpUv?.result, each.name).toBe('success');
      expect(setUpUv?.output, each.name).toMatch(/UV_CACHE_DIR=\S+\/setup-uv\/cache\.$/m);
    }
  });

  it('refuses to publish when the release environment has no protection rule, and says what to do', async () => {
    const project = await projectFor('release-unprotected');
    const release = await runAct(suite(), {
      project,
      workflow: 'release.yml',
      event: 'push',
      payload: pushEvent(project, await project.head(), 'refs/tags/v1.0.0'),
      runId: 403,
    });
    expect(job(release, BUILD).result, tail(release.log)).toBe('success');
    const publish = job(release, PUBLISH);
    expect(publish.result).toBe('failure');
    expect(release.log).toContain(
      'The release environment has no required reviewers and no wait timer, so nothing would stop this release',
    );
    expect((await apiState(project.repository)).releases).toEqual([]);
  });

  it('re-evaluates nothing before the first release, and files no issue', async () => {
    const project = await projectFor('retrain-runs');
    const retrain = await runAct(suite(), {
      project,
      workflow: 'retrain.yml',
      event: 'schedule',
      payload: scheduleEvent(project),
      runId: 404,
    });
    const reevaluate = job(retrain, REEVALUATE);
    expect(reevaluate.result, tail(retrain.log)).toBe('success');
    expect(
      reevaluate.steps.find((step) => step.name === 'Download the model of the latest release')
        ?.output,
    ).toContain('No release yet: nothing to re-evaluate.');
    expect(retrain.jobs.find((each) => each.name === ISSUE)?.result ?? 'not run').not.toBe(
      'success',
    );
    expect((await apiState(project.repository)).issues).toEqual([]);
    expect(retrain.code).toBe(0);
  });
});
