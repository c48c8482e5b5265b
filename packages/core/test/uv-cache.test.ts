import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { answerCombinations, combinationName } from '../src/combinations.js';
import { resolveAnswers } from '../src/options.js';
import { buildProject } from '../src/plan.js';
import { uses } from '../src/versions.js';
import { repoAssets } from './assets.js';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  jobs: Record<string, { steps?: Step[] }>;
}

/** Each job's uv cache: true, false, or undefined when it installs nothing with uv. */
function uvCacheByJob(files: Map<string, string>): Map<string, boolean | undefined> {
  const found = new Map<string, boolean | undefined>();
  for (const [path, content] of files) {
    if (!path.startsWith('.github/workflows/')) continue;
    for (const [id, job] of Object.entries((parse(content) as Workflow).jobs)) {
      let cache: boolean | undefined;
      for (const step of job.steps ?? []) {
        if (step.uses === uses('setupUv')) {
          // setup-uv's default ("auto") caches on GitHub's runners: every step says which.
          expect(typeof step.with?.['enable-cache'], `${path} ${id}`).toBe('boolean');
          cache = step.with?.['enable-cache'] === true;
        }
        if (step.uses === './.github/actions/train') cache = step.with?.['uv-cache'] === true;
      }
      const pushesData = (job.steps ?? []).some((step) => step.run?.includes('dvc push'));
      found.set(`${path} ${id}${pushesData ? ' (dvc push)' : ''}`, cache);
    }
  }
  return found;
}

/** Jobs that release, publish or push: a cache a pull request wrote must never reach them. */
const publishes = (job: string) => /release\.yml|retrain\.yml|\(dvc push\)/.test(job);

describe("uv's cache in the generated workflows", () => {
  it.each(answerCombinations().map((answers) => [combinationName(answers), answers] as const))(
    '%s: off in every job that releases, retrains or pushes data',
    (_, answers) => {
      const jobs = uvCacheByJob(buildProject(answers, repoAssets).files);
      const cached = [...jobs].filter(([job, cache]) => publishes(job) && cache === true);
      expect(cached.map(([job]) => job)).toEqual([]);
    },
  );

  it('kept by the training, report and checks of the default project', () => {
    const { files } = buildProject(resolveAnswers({ name: 'demo' }, 'demo'), repoAssets);
    const jobs = uvCacheByJob(files);
    expect(jobs.get('.github/workflows/train.yml train')).toBe(true);
    expect(jobs.get('.github/workflows/report.yml baseline')).toBe(true);
    expect(jobs.get('.github/workflows/report.yml report')).toBe(true);
    expect(jobs.get('.github/workflows/checks.yml checks')).toBe(true);
  });
});
