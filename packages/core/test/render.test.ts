import { loadConfig } from '@ml-cicd/config';
import { format } from 'prettier';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { answerCombinations } from '../src/combinations.js';
import { hashContent } from '../src/manifest.js';
import { resolveAnswers, type RawAnswers } from '../src/options.js';
import { buildProject } from '../src/plan.js';
import { repoAssets } from './assets.js';

const cases: Record<string, RawAnswers> = {
  default: {},
  'runner-self-hosted': { runner: 'self-hosted', runnerLabels: 'linux,x64,gpu' },
};

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

describe.each(
  answerCombinations().map(
    (answers) => [`${answers.runner}, Python ${answers.python}`, answers] as const,
  ),
)('every combination: %s', (_, answers) => {
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

  it('makes the train workflow inputs exactly the params', () => {
    const config = parse(files.get('ml-cicd.yaml')!);
    const train = parse(files.get('.github/workflows/train.yml')!);
    expect(Object.keys(train.on.workflow_dispatch.inputs)).toEqual(Object.keys(config.params));
  });

  it('never lets a pull request from a fork reach a self-hosted runner (W17)', () => {
    let guarded = 0;
    for (const [path, content] of files) {
      if (!path.startsWith('.github/workflows/')) continue;
      const workflow = parse(content);
      if (!('pull_request' in workflow.on)) continue;
      for (const [id, job] of Object.entries<Record<string, any>>(workflow.jobs)) {
        const runsOn = job.with?.['runs-on'] ? JSON.parse(job.with['runs-on']) : job['runs-on'];
        if (!JSON.stringify(runsOn).includes('self-hosted')) continue;
        expect(job.if, `${path} ${id}`).toBe(
          "github.event_name != 'pull_request' || github.event.pull_request.head.repo.full_name == github.repository",
        );
        guarded += 1;
      }
    }
    expect(guarded).toBe(answers.runner === 'self-hosted' ? 1 : 0);
  });

  it('uses LF line endings everywhere', () => {
    for (const [path, content] of files) expect(content.includes('\r'), path).toBe(false);
  });
});

describe('a project with the longest valid name', () => {
  const name = `p${'-abc'.repeat(15)}xyz`;
  const { files } = buildProject(resolveAnswers({ name }, name), repoAssets);

  it('keeps every Python line within ruff’s line length of 100', () => {
    expect(name).toHaveLength(64);
    for (const [path, content] of files) {
      if (!path.endsWith('.py')) continue;
      const long = content.split('\n').filter((line) => line.length > 100);
      expect(long, path).toEqual([]);
    }
  });
});
