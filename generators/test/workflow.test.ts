import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildProject, resolveAnswers } from '@ml-cicd/core';
import { describe, expect, it } from 'vitest';
import { repoAssets } from '../src/paths.js';
import { generator, tempDir, tree } from './support.js';

const root = tempDir();
const ownCi =
  'name: CI\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n';

/** An existing repository: a training script, a README and, optionally, its own CI workflow. */
function existingRepo(name: string, { ci }: { ci: boolean }): string {
  const dir = join(root, name);
  mkdirSync(join(dir, '.github/workflows'), { recursive: true });
  writeFileSync(join(dir, 'train.py'), 'print("training")\n');
  writeFileSync(join(dir, 'README.md'), '# my model\n');
  if (ci) writeFileSync(join(dir, '.github/workflows/ci.yml'), ownCi);
  return dir;
}

function githubFiles(folder: string): [string, string][] {
  const { files } = buildProject(resolveAnswers({}, folder), repoAssets);
  return [...files].filter(([path]) => path.startsWith('.github/'));
}

describe('workflow', () => {
  it("adds exactly the project's .github/ files and leaves every other file alone", async () => {
    const dir = existingRepo('plain', { ci: false });
    const before = tree(dir);
    const result = await (await generator('workflow')).runActions({ target: dir });
    expect(result.failures).toEqual([]);
    const after = tree(dir);
    const added = after.filter((file) => !before.some((old) => old.path === file.path));
    const expected = githubFiles('plain');
    expect(added.map((file) => [file.path, file.content.toString('utf8')])).toEqual(expected);
    expect(after.filter((file) => before.some((old) => old.path === file.path))).toEqual(before);
  });

  it('refuses to overwrite a workflow of the repository, lists it and says how to go on', async () => {
    const dir = existingRepo('own-ci', { ci: true });
    const before = tree(dir);
    const result = await (await generator('workflow')).runActions({ target: dir });
    expect(result.failures.map((failure) => failure.error)).toEqual([
      [
        'This file exists with other content, so nothing was written:',
        '  .github/workflows/ci.yml',
        `Keep yours: rename or merge it, then run again. Replace it: pnpm plop --force workflow ${dir}`,
      ].join('\n'),
    ]);
    expect(tree(dir)).toEqual(before);
  });

  it('overwrites it when the force answer is yes', async () => {
    const dir = existingRepo('forced', { ci: true });
    const result = await (await generator('workflow')).runActions({ target: dir, force: true });
    expect(result.failures).toEqual([]);
    const ci = tree(dir).find((file) => file.path === '.github/workflows/ci.yml');
    expect(ci?.content.toString('utf8')).toBe(
      new Map(githubFiles('forced')).get('.github/workflows/ci.yml'),
    );
  });

  it('needs an existing folder', async () => {
    const dir = join(root, 'missing');
    const result = await (await generator('workflow')).runActions({ target: dir });
    expect(result.failures.map((failure) => failure.error)).toEqual([
      `${dir} is not a folder: the workflow generator adds to an existing repository (pnpm plop project makes a new one).`,
    ]);
  });
});
