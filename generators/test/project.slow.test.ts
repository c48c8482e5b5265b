import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyAssets } from '../../scripts/copy-assets.mjs';
import { repoRoot } from '../src/paths.js';
import { generator, generatorsDir, node, plopfile, tempDir, tree } from './support.js';

const builtBin = join(repoRoot, 'packages/create-ml-cicd/dist');
const plopBin = createRequire(import.meta.url).resolve('plop/bin/plop.js');
const root = tempDir();
const bin = join(root, 'bin', 'index.js');

/**
 * The built bin, copied with the current templates and workflows beside it as its build copies
 * them: turbo does not hash templates/ as an input of the bin's build, so a cached dist can
 * carry old ones, and this compares the code, not the age of a build.
 */
beforeAll(() => {
  if (!existsSync(join(builtBin, 'index.js'))) {
    const build = spawnSync('pnpm', ['--filter', 'create-ml-cicd...', 'build'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    if (build.status !== 0 || !existsSync(join(builtBin, 'index.js'))) {
      throw new Error(
        `packages/create-ml-cicd/dist/index.js is missing and pnpm --filter create-ml-cicd... build failed:\n${build.stderr ?? ''}${build.error?.message ?? ''}`,
      );
    }
  }
  mkdirSync(join(root, 'bin'));
  for (const file of readdirSync(builtBin).filter((name) => name.endsWith('.js'))) {
    cpSync(join(builtBin, file), join(root, 'bin', file));
  }
  copyAssets(pathToFileURL(join(root, 'bin/')));
});

function create(dir: string, flags: string[]): void {
  const run = node([bin, dir, '--yes', '--no-git', ...flags]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
}

function expectSameTree(actual: string, expected: string): void {
  const got = tree(actual);
  const want = tree(expected);
  expect(got.map((file) => file.path)).toEqual(want.map((file) => file.path));
  for (const [index, file] of got.entries()) {
    expect(file.content.toString('utf8'), file.path).toBe(want[index]!.content.toString('utf8'));
    expect(file.content.equals(want[index]!.content), file.path).toBe(true);
    expect(file.mode, file.path).toBe(want[index]!.mode);
  }
}

describe('project', () => {
  it.each([
    ['the defaults', {}, []],
    [
      'a self-hosted runner',
      { runner: 'self-hosted', 'runner-labels': 'gpu, linux' },
      ['--runner', 'self-hosted', '--runner-labels', 'gpu, linux'],
    ],
    [
      'a name and Python 3.10',
      { name: 'other-name', python: '3.10' },
      ['--name', 'other-name', '--python', '3.10'],
    ],
  ])('writes what create-ml-cicd --yes --no-git writes, for %s', async (label, answers, flags) => {
    const folder = label.replaceAll(' ', '-');
    const viaPlop = join(root, 'plop', folder, 'my-model');
    const viaBin = join(root, 'create', folder, 'my-model');
    const result = await (await generator('project')).runActions({ target: viaPlop, ...answers });
    expect(result.failures).toEqual([]);
    create(viaBin, flags);
    expectSameTree(viaPlop, viaBin);
  });

  it('refuses a folder with files in it unless forced, and names the remedy', async () => {
    const target = join(root, 'not-empty');
    mkdirSync(target);
    writeFileSync(join(target, 'notes.md'), 'mine\n');
    const project = await generator('project');
    const refused = await project.runActions({ target });
    expect(refused.failures.map((failure) => failure.error)).toEqual([
      `Target directory ${target} is not empty: notes.md: nothing was written. Choose a new folder, or write into this one with pnpm plop --force project ${target}.`,
    ]);
    expect(tree(target).map((file) => file.path)).toEqual(['notes.md']);
    expect((await project.runActions({ target, force: true })).failures).toEqual([]);
  });
});

describe('plop project on the command line, without a terminal', () => {
  const plop = (args: string[]) =>
    node([plopBin, '--plopfile', plopfile, 'project', ...args], {
      cwd: generatorsDir,
      env: { ...process.env, INIT_CWD: root },
    });

  it('takes the answers it is given, the defaults for the rest, and the folder relative to INIT_CWD', () => {
    const run = plop(['cli-model', '--', '--python', '3.11']);
    expect(run.status, run.stderr).toBe(0);
    create(join(root, 'create-cli', 'cli-model'), ['--python', '3.11']);
    expectSameTree(join(root, 'cli-model'), join(root, 'create-cli', 'cli-model'));
  });

  it('rejects an answer as create-ml-cicd does, with exit code 1 and nothing written', () => {
    const run = plop(['cli-bad', '--', '--runner-labels', 'gpu']);
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).toContain(
      '--runner-labels applies only with --runner self-hosted.',
    );
    expect(existsSync(join(root, 'cli-bad'))).toBe(false);
  });
});
