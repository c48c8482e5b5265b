import { loadConfig } from '@ml-cicd/config';
import { format } from 'prettier';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../src/answers.js';
import { answerCombinations, combinationName } from '../src/combinations.js';
import { hashContent } from '../src/manifest.js';
import { options, resolveAnswers, type RawAnswers } from '../src/options.js';
import { buildProject } from '../src/plan.js';
import { repoAssets } from './assets.js';

const cases: Record<string, RawAnswers> = {
  default: {},
  'runner-hosted-larger': { hostedLabel: 'ubuntu-24.04-16core', runnerTimeout: '240' },
  'runner-self-hosted': { runner: 'self-hosted', runnerLabels: 'linux,x64,gpu' },
  'runner-ec2': { runner: 'ec2', ec2Spot: 'yes', ec2Region: 'eu-west-1' },
  'runner-arc': { runner: 'arc', arcScaleSet: 'team-gpus', arcMaxRunners: '4' },
  'tracker-mlflow': { tracker: 'mlflow' },
  'tracker-wandb': { tracker: 'wandb' },
  'tracker-neptune': { tracker: 'neptune' },
  'data-dvc': { data: 'dvc' },
  'data-dvc-dagshub': {
    data: 'dvc',
    dvcRemote: 'dagshub',
    dvcRemoteUrl: 'https://dagshub.com/acme/my-project.dvc',
  },
  'secrets-scope-repo': { tracker: 'wandb', secretsScope: 'repo' },
  'report-off': { report: 'no' },
  release: { retrain: 'off', tracker: 'mlflow' },
  retrain: { release: 'off', retrain: 'weekly' },
};

/** Files that exist only for some runners or options; each case snapshots those it has. */
const runnerFiles = [
  'infra/aws/README.md',
  'infra/aws/start-trust-policy.json',
  'infra/aws/start-permissions-policy.json',
  'infra/aws/stop-trust-policy.json',
  'infra/aws/stop-permissions-policy.json',
  'infra/arc/values.yaml',
  'infra/arc/README.md',
  'dvc.yaml',
  'params.yaml',
  '.dvc/config',
  '.github/workflows/release.yml',
  '.github/workflows/retrain.yml',
];

function render(raw: RawAnswers) {
  return buildProject(resolveAnswers({ name: 'my-project', ...raw }, 'my-project'), repoAssets);
}

describe.each(Object.entries(cases))('the %s project', (name, raw) => {
  const { files, manifest } = render(raw);

  it('has exactly the expected files', async () => {
    await expect([...files.keys()].join('\n') + '\n').toMatchFileSnapshot(
      `__snapshots__/${name}/files.txt`,
    );
  });

  it.each([
    'ml-cicd.yaml',
    '.github/workflows/ci.yml',
    '.github/workflows/train.yml',
    '.github/actionlint.yaml',
    '.github/dependabot.yml',
    '.env.example',
    'README.md',
    ...runnerFiles.filter((path) => files.has(path)),
  ])('writes %s as reviewed', async (path) => {
    await expect(files.get(path)).toMatchFileSnapshot(`__snapshots__/${name}/${path}`);
  });

  it('writes YAML that prettier’s defaults leave as it is', async () => {
    for (const [path, content] of files) {
      if (!/\.ya?ml$/.test(path)) continue;
      expect(await format(content, { parser: 'yaml' }), path).toBe(content);
    }
  });

  it('records a hash of every other file it writes in the manifest', () => {
    const hashed = Object.keys(manifest.files);
    expect(hashed).toEqual([...files.keys()].filter((path) => path !== '.ml-cicd/manifest.json'));
    for (const path of hashed) expect(manifest.files[path]).toBe(hashContent(files.get(path)!));
  });
});

/** Labels of GitHub's own machines; any other runs-on is a runner someone else runs. */
const githubHosted = /^(ubuntu|windows|macos)-/;

function runsOnOf(job: Record<string, any>): unknown {
  return job.with?.['runs-on'] ? JSON.parse(job.with['runs-on']) : job['runs-on'];
}

function hostedBy(answers: Answers, runsOn: unknown): boolean {
  return (
    typeof runsOn === 'string' && (githubHosted.test(runsOn) || runsOn === answers.hostedLabel)
  );
}

describe.each(answerCombinations().map((answers) => [combinationName(answers), answers] as const))(
  'every combination: %s',
  (_, answers) => {
    const { files } = buildProject(answers, repoAssets);

    it('leaves no template token behind', () => {
      for (const [path, content] of files) {
        expect(`${path}\n${content}`, path).not.toMatch(/__pkg__|__project__/);
      }
    });

    it('writes an ml-cicd.yaml that passes its schema and rules', () => {
      const { findings } = loadConfig(files.get('ml-cicd.yaml')!);
      expect(findings).toEqual([]);
    });

    it('makes the train workflow inputs exactly the params, then extra-args', () => {
      const config = parse(files.get('ml-cicd.yaml')!);
      const train = parse(files.get('.github/workflows/train.yml')!);
      expect(Object.keys(train.on.workflow_dispatch.inputs)).toEqual([
        ...Object.keys(config.params),
        'extra-args',
      ]);
    });

    it('never lets a pull request from a fork reach a runner that is not GitHub’s (W17)', () => {
      let guarded = 0;
      let unhosted = 0;
      for (const [path, content] of files) {
        if (!path.startsWith('.github/workflows/')) continue;
        const workflow = parse(content);
        const triggers = Object.keys(workflow.on);
        // A reusable workflow runs where its caller says; the caller's jobs are checked.
        if (triggers.join() === 'workflow_call') continue;
        for (const [id, job] of Object.entries<Record<string, any>>(workflow.jobs)) {
          const runsOn = runsOnOf(job);
          if (runsOn === undefined || hostedBy(answers, runsOn)) continue;
          unhosted += 1;
          if (!triggers.includes('pull_request')) {
            // Only people with write access start these: a dispatch, a push to the repository, or
            // its own schedule.
            for (const trigger of triggers) {
              expect(['workflow_dispatch', 'push', 'schedule'], `${path} ${id}`).toContain(trigger);
            }
            continue;
          }
          expect(job.if, `${path} ${id}`).toBe(
            "github.event_name != 'pull_request' || github.event.pull_request.head.repo.full_name == github.repository",
          );
          guarded += 1;
        }
      }
      expect(guarded).toBe(['self-hosted', 'arc'].includes(answers.runner) ? 1 : 0);
      expect(unhosted > 0).toBe(answers.runner !== 'hosted');
    });

    it('bounds every job with a timeout, and training with the --runner-timeout answer (W15)', () => {
      const train = parse(files.get('.github/workflows/train.yml')!);
      expect(train.jobs.train['timeout-minutes']).toBe(answers.runnerTimeout);
      for (const job of Object.values<Record<string, any>>(train.jobs)) {
        expect(job['timeout-minutes']).toBeGreaterThan(0);
      }
      expect(train.concurrency['cancel-in-progress']).toBe(false);
    });

    it('shows the GPU in the training log on every runner that is not GitHub’s', () => {
      const train = parse(files.get('.github/workflows/train.yml')!);
      const steps = train.jobs.train.steps.map((step: { name: string }) => step.name);
      // The ec2 runner's instance types are GPU types by default: nvidia-smi must answer there.
      const expected = { hosted: [], ec2: ['Check the GPU'] }[answers.runner as string] ?? [
        'Show the GPU',
      ];
      expect(steps.filter((name: string) => name.endsWith(' the GPU'))).toEqual(expected);
    });

    it('uses LF line endings everywhere', () => {
      for (const [path, content] of files) expect(content.includes('\r'), path).toBe(false);
    });
  },
);

const trackers = options.find((option) => option.key === 'tracker');
const trackerValues = trackers?.kind === 'choice' ? trackers.choices.map((c) => c.value) : [];

describe.each(trackerValues)(
  'a project with the longest valid name and --tracker %s',
  (tracker) => {
    const name = `p${'-abc'.repeat(15)}xyz`;
    const { files } = buildProject(resolveAnswers({ name, tracker }, name), repoAssets);

    it('keeps every Python line within ruff’s line length of 100', () => {
      expect(name).toHaveLength(64);
      for (const [path, content] of files) {
        if (!path.endsWith('.py')) continue;
        const long = content.split('\n').filter((line) => line.length > 100);
        expect(long, path).toEqual([]);
      }
    });
  },
);
