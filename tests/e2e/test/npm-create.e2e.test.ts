/** `npm create ml-cicd@latest`, typed into an empty folder outside the repo, without a terminal. */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hashContent } from '@ml-cicd/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { nextStepLines, npmCreate } from '../src/create.js';
import type { RunResult } from '../src/exec.js';
import { outsideTempDir, removeTempDir } from '../src/paths.js';
import { filesOnDisk, readManifest } from '../src/project-files.js';
import { step } from '../src/progress.js';

const { session } = inject('e2e');
let cwd: string;
let firstTimeCache: string;

beforeAll(async () => {
  cwd = await outsideTempDir('create');
  firstTimeCache = await outsideTempDir('first-npm-cache');
});
afterAll(async () => {
  await removeTempDir(cwd);
  await removeTempDir(firstTimeCache);
});

describe('npm create ml-cicd@latest demo-project -- --yes --no-git', () => {
  let result: RunResult;
  let project: string;

  beforeAll(async () => {
    result = await step('npm create ml-cicd@latest demo-project, with an empty npm cache', () =>
      npmCreate(session, cwd, ['demo-project', '--', '--yes', '--no-git'], firstTimeCache),
    );
    project = join(cwd, 'demo-project');
  });

  it('exits 0 and writes only the project folder', async () => {
    expect(result.code, result.stderr).toBe(0);
    expect(await readdir(cwd)).toEqual(['demo-project']);
  });

  it('writes exactly the files of its manifest, with the recorded content', async () => {
    const manifest = await readManifest(project);
    const listed = [...Object.keys(manifest.files), '.ml-cicd/manifest.json'].sort();
    expect(await filesOnDisk(project)).toEqual(listed);
    for (const [path, hash] of Object.entries(manifest.files)) {
      expect(hashContent(await readFile(join(project, path), 'utf8')), path).toBe(hash);
    }
  });

  it('writes the project a user expects, with dot-files and the package renamed', async () => {
    const files = await filesOnDisk(project);
    expect(files).toEqual(
      expect.arrayContaining([
        '.gitignore',
        '.github/workflows/ci.yml',
        '.github/workflows/train.yml',
        '.ml-cicd/manifest.json',
        'README.md',
        'ml-cicd.yaml',
        'requirements-dev.txt',
        'requirements.txt',
        'train.py',
      ]),
    );
    expect(files.some((path) => /^src\/demo_project\/.+\.py$/.test(path))).toBe(true);
    expect(files.some((path) => /^tests\/test_.+\.py$/.test(path))).toBe(true);
    expect(
      files.filter((path) => /(^|\/)(_gitignore|__pkg__|__pycache__|\.git)(\/|$)/.test(path)),
    ).toEqual([]);
  });

  it('tells the next steps, for npm and this folder', () => {
    expect(result.stdout).toMatch(/^Wrote \d+ files to .*demo-project/m);
    expect(nextStepLines(result.stdout)).toEqual(
      expect.arrayContaining([
        'cd demo-project',
        'python3 -m venv .venv',
        '. .venv/bin/activate',
        'pip install --require-hashes -r requirements-dev.txt',
        'pytest',
        expect.stringMatching(/^python train\.py( --[a-z-]+ \S+)+$/),
        expect.stringContaining('npm create ml-cicd@latest other-project'),
      ]),
    );
  });
});

describe('when it cannot go on', () => {
  /** The bin's own lines on stderr, without the lines npm adds when a command fails. */
  const ownLines = (stderr: string) =>
    stderr.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('npm '));

  it('refuses a non-empty folder with exit code 1 and writes nothing', async () => {
    const target = join(cwd, 'taken');
    await mkdir(target);
    await writeFile(join(target, 'notes.txt'), 'mine\n');
    const result = await npmCreate(session, cwd, ['taken', '--', '--yes', '--no-git']);
    expect(result.code).toBe(1);
    expect(ownLines(result.stderr)).toEqual([expect.stringContaining('is not empty')]);
    expect(await filesOnDisk(target)).toEqual(['notes.txt']);
  });

  it('rejects an unknown flag with exit code 2, one line and no stack trace', async () => {
    const result = await npmCreate(session, cwd, ['fresh', '--', '--yes', '--no-git', '--colour']);
    expect(result.code).toBe(2);
    expect(ownLines(result.stderr)).toEqual([expect.stringContaining('--colour')]);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(await readdir(cwd)).not.toContain('fresh');
  });
});
