import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestPath } from '@ml-cicd/core';
import { run } from '../src/commands/sync/index.js';
import { add, assets, edit, printed, project, read, tempDir, write } from './fixtures.js';
import { runBin } from './run-bin.js';
import { lockedRequirements, moduleLevel } from './scripts.js';

async function sync(dir: string, ...argv: string[]) {
  let out = '';
  let err = '';
  const io = {
    out: (text: string) => void (out += text),
    err: (text: string) => void (err += text),
    color: false,
    cwd: dir,
  };
  try {
    return { code: await run(argv, io, assets), out, err };
  } catch (error) {
    return { code: 1, out, err: (error as Error).message };
  }
}

/** A param the user adds to ml-cicd.yaml, after the last one of the default project. */
const newParam = `  min-samples-leaf:
    type: integer
    default: 1
    min: 1
    max: 100
    description: Minimum number of samples in a leaf.
`;

function addParam(dir: string): void {
  const config = read(dir, 'ml-cicd.yaml');
  write(dir, 'ml-cicd.yaml', config.replace(/^params:\n/m, `params:\n${newParam}`));
}

/** The findings of validate that are not about the training script's flags (its code's). */
async function workflowFindings(dir: string): Promise<string[]> {
  return (await printed(dir)).filter((line) => !line.includes('[params-match-script-flags]'));
}

describe('ml-cicd sync', () => {
  it('brings the workflows up to date with a changed gate and a new param, keeping an unrelated edit', async () => {
    const dir = await project();
    const gate = /(- metric: accuracy\n\s+min: )0\.9\n/;
    expect(read(dir, 'ml-cicd.yaml')).toMatch(gate);
    write(dir, 'ml-cicd.yaml', read(dir, 'ml-cicd.yaml').replace(gate, '$10.95\n'));
    addParam(dir);
    // The user's own edit of a file sync writes, away from what ml-cicd.yaml decides.
    edit(dir, '.github/workflows/report.yml', 'jobs:\n', '# Our team reviews this file.\njobs:\n');

    const drift = await workflowFindings(dir);
    expect(drift.length).toBeGreaterThanOrEqual(2);
    for (const line of drift) expect(line).toContain('ml-cicd sync');
    expect(drift.some((line) => line.includes('[params-match-workflow-inputs]'))).toBe(true);
    expect(drift.some((line) => line.includes('[gates-match-workflows]'))).toBe(true);

    const dry = await sync(dir, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('+      min-samples-leaf:');
    expect(dry.out).toMatch(/Dry run: nothing was written; \d+ files would change\./);
    expect(await workflowFindings(dir)).toEqual(drift);

    const done = await sync(dir);
    expect(done.err).toBe('');
    expect(done.code).toBe(0);
    expect(done.out).toContain('(1 param'.replace('1', '6'));
    expect(done.out).toMatch(/merged\s+\.github\/workflows\/report\.yml/);
    expect(done.out).toMatch(/Synced \d+ files with ml-cicd\.yaml\./);
    expect(await workflowFindings(dir)).toEqual([]);
    expect(read(dir, '.github/workflows/report.yml')).toContain('# Our team reviews this file.\n');
    expect(read(dir, '.github/workflows/report.yml')).toContain('accuracy: "value >= 0.95"');
    expect(read(dir, '.github/workflows/train.yml')).toContain('min-samples-leaf:');

    const again = await sync(dir);
    expect(again.out).toContain('In sync with ml-cicd.yaml: nothing to change.');
    // The manifest still records the version and the files as generated, and the sync beside.
    const manifest = JSON.parse(read(dir, manifestPath));
    expect(manifest.synced.gates).toContainEqual({ metric: 'accuracy', min: 0.95 });
    expect(Object.keys(manifest.synced.files)).toContain('.github/workflows/train.yml');
  });

  it('merges a second change with the first (the base is the last sync)', async () => {
    const dir = await project();
    addParam(dir);
    expect((await sync(dir)).code).toBe(0);
    edit(
      dir,
      'ml-cicd.yaml',
      '    default: 1\n    min: 1\n    max: 100\n',
      '    default: 3\n    min: 1\n    max: 100\n',
    );
    const second = await sync(dir);
    expect(second.err).toBe('');
    expect(second.code).toBe(0);
    expect(await workflowFindings(dir)).toEqual([]);
  });

  it('stops at an edit of the user where ml-cicd.yaml changes the file, unless --force', async () => {
    const dir = await project();
    const before = read(dir, '.github/workflows/report.yml');
    const edited = before.replace('accuracy: "value >= 0.9"', 'accuracy: "value >= 0.8"');
    expect(edited).not.toBe(before);
    write(dir, '.github/workflows/report.yml', edited);
    write(
      dir,
      'ml-cicd.yaml',
      read(dir, 'ml-cicd.yaml').replace(/(- metric: accuracy\n\s+min: )0\.9\n/, '$10.95\n'),
    );
    const refused = await sync(dir);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Nothing was written: .github/workflows/report.yml has an edit');
    expect(read(dir, '.github/workflows/report.yml')).toBe(edited);

    const forced = await sync(dir, '--force');
    expect(forced.code).toBe(0);
    expect(forced.out).toMatch(/replaced\s+\.github\/workflows\/report\.yml/);
    expect(read(dir, '.github/workflows/report.yml')).toContain('accuracy: "value >= 0.95"');
    expect(await workflowFindings(dir)).toEqual([]);
  });

  it('brings params.yaml and dvc.yaml up to date in a DVC project', async () => {
    const dir = await project('dvc');
    addParam(dir);
    expect((await workflowFindings(dir)).some((line) => line.includes('[dvc-params-match]'))).toBe(
      true,
    );
    expect((await sync(dir)).code).toBe(0);
    expect(read(dir, 'params.yaml')).toContain('min-samples-leaf: 1');
    expect(await workflowFindings(dir)).toEqual([]);
  });

  it("writes dataset's file into the DVC pipeline, and dvc.yaml follows when it moves", async () => {
    const dir = await project('dvc');
    write(dir, 'data/train.csv', 'x,target\n1,0\n');
    const useDataset = (path: string) =>
      write(
        dir,
        'ml-cicd.yaml',
        read(dir, 'ml-cicd.yaml').replace(
          /^(dataset:\n.*\n)?params:\n/m,
          `dataset:\n  path: ${path}\nparams:\n`,
        ),
      );
    useDataset('data/train.csv');
    expect((await workflowFindings(dir)).join('\n')).toContain('[dataset-file]');
    expect((await sync(dir)).code).toBe(0);
    expect(read(dir, 'dvc.yaml')).toContain('- data/train.csv\n');
    expect(read(dir, 'dvc.yaml')).toContain('- ml-cicd.yaml:\n');
    expect(await workflowFindings(dir)).toEqual([]);

    write(dir, 'data/all.csv', 'x,target\n1,0\n');
    useDataset('data/all.csv');
    expect((await sync(dir)).code).toBe(0);
    expect(read(dir, 'dvc.yaml')).not.toContain('data/train.csv');
    expect(read(dir, 'dvc.yaml')).toContain('- data/all.csv\n');
    expect(await workflowFindings(dir)).toEqual([]);
  });

  it('refuses a task changed in ml-cicd.yaml, naming update --task', async () => {
    const dir = await project();
    edit(dir, 'ml-cicd.yaml', 'python: "3.12"\n', 'python: "3.12"\ntask: regression\n');
    const refused = await sync(dir);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(
      'ml-cicd.yaml says task regression, but the project was made for binary',
    );
    expect(refused.err).toContain('ml-cicd update --task regression');
  });

  it('syncs the workflows ml-cicd add wrote for a script of the team, which has no template Python', async () => {
    const dir = tempDir();
    write(dir, 'train.py', moduleLevel);
    write(dir, 'requirements.txt', lockedRequirements);
    expect((await add(dir, 'workflow', 'train')).code).toBe(0);
    expect((await add(dir, 'workflow', 'report')).code).toBe(0);
    const config = read(dir, 'ml-cicd.yaml');
    expect(config).toMatch(/^ {2}gates: \[\]\n/m);
    write(
      dir,
      'ml-cicd.yaml',
      config.replace(/^ {2}gates: \[\]\n/m, '  gates:\n    - metric: accuracy\n      min: 0.8\n'),
    );
    addParam(dir);
    const drift = await workflowFindings(dir);
    expect(drift.some((line) => line.includes('[gates-match-workflows]'))).toBe(true);
    expect(drift.some((line) => line.includes('[params-match-workflow-inputs]'))).toBe(true);
    for (const line of drift) expect(line).toContain('ml-cicd sync');

    const done = await sync(dir);
    expect(done.err).toBe('');
    expect(done.code).toBe(0);
    expect(await workflowFindings(dir)).toEqual([]);
    expect(read(dir, '.github/workflows/report.yml')).toContain('accuracy: "value >= 0.8"');
    expect(read(dir, '.github/workflows/train.yml')).toContain('--min-samples-leaf=');
    expect(existsSync(join(dir, 'src'))).toBe(false);
  });

  it('prints its help, and a usage error exits 2', () => {
    const help = runBin(['sync', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: ml-cicd sync \[dir\] \[flags\]/);
    expect(help.stdout).toContain('--dry-run');
    const wrong = runBin(['sync', 'a', 'b']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr.trim()).toBe('Expected one folder, got 2: a b.');
  });

  it('refuses a folder without a manifest, and a project of another version', async () => {
    const empty = tempDir();
    expect((await sync(empty)).err).toContain('has no .ml-cicd/manifest.json: sync works on');
    const dir = await project();
    const manifest = read(dir, manifestPath).replace(/"version": "[^"]+"/, '"version": "0.0.1"');
    write(dir, manifestPath, manifest);
    expect((await sync(dir)).err).toContain('This project is at ml-cicd 0.0.1 and this ml-cicd is');
  });
});
