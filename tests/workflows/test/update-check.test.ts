import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAct, summary, tail, type ActResult } from '../src/act.js';
import { scheduleEvent } from '../src/events.js';
import { startNpmRegistry, type NpmRegistry, type Published } from '../src/npm-registry.js';
import type { Project } from '../src/project.js';
import { apiState, projectFor, suite } from '../src/suite.js';

const CHECK = 'Look for a newer ml-cicd template';

describe('update-check.yml of --update-check issue, on its weekly schedule', () => {
  let project: Project;
  let registry: NpmRegistry;
  let current: string;
  const published: Published = {};
  let runId = 1700;

  beforeAll(async () => {
    project = await projectFor('update-check', { updateCheck: 'issue' });
    const manifest = JSON.parse(
      readFileSync(join(project.dir, '.ml-cicd', 'manifest.json'), 'utf8'),
    ) as { generator: { version: string } };
    current = manifest.generator.version;
    registry = await startNpmRegistry(suite().root, published);
  });
  afterAll(() => registry.close());

  const check = (): Promise<ActResult> =>
    runAct(suite(), {
      project,
      workflow: 'update-check.yml',
      event: 'schedule',
      payload: scheduleEvent(project),
      runId: runId++,
      curlrc: registry.curlrc,
    });

  it('is green with a notice while create-ml-cicd is not on the registry, and opens no issue', async () => {
    const result = await check();
    expect(summary(result), tail(result.log)).toEqual({ [CHECK]: 'success' });
    expect(registry.requests).toEqual(['/create-ml-cicd/latest']);
    expect(result.log).toContain(
      'https://registry.npmjs.org has no create-ml-cicd yet, so there is no newer template to compare with.',
    );
    expect((await apiState(project.repository)).issues).toEqual([]);
  });

  it('does nothing when the registry has the version that made the project', async () => {
    published['create-ml-cicd'] = [{ version: current }];
    const result = await check();
    expect(summary(result), tail(result.log)).toEqual({ [CHECK]: 'success' });
    expect(result.log).toContain(`ml-cicd ${current} made this project, and it is the newest`);
    expect((await apiState(project.repository)).issues).toEqual([]);
  });

  it('opens one issue with the commands when a newer version is out, and updates it after the next', async () => {
    published['create-ml-cicd'] = [{ version: current }, { version: '99.0.0' }];
    const first = await check();
    expect(summary(first), tail(first.log)).toEqual({ [CHECK]: 'success' });
    const [issue] = (await apiState(project.repository)).issues;
    expect(issue?.title).toBe(`ml-cicd update: 99.0.0 is available (this project has ${current})`);
    expect(issue?.body).toContain('npx ml-cicd@99.0.0 update --dry-run\n');

    published['create-ml-cicd'].push({ version: '99.1.0' });
    const second = await check();
    expect(summary(second), tail(second.log)).toEqual({ [CHECK]: 'success' });
    const { issues } = await apiState(project.repository);
    expect(issues.map((each) => [each.number, each.state, each.title])).toEqual([
      [issue!.number, 'open', `ml-cicd update: 99.1.0 is available (this project has ${current})`],
    ]);
  });
});
