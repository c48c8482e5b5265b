import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { at, edit, printed, project, read, write } from '../../test/fixtures.js';
import { runBin } from '../../test/run-bin.js';
import { validateProject } from './validate-project.js';

describe('validateProject', () => {
  it("passes on ml-cicd.yaml's schema findings from @ml-cicd/config, with their position", async () => {
    const dir = await project();
    edit(dir, 'ml-cicd.yaml', 'python: "3.12"', 'python: "3.9"');
    expect(await printed(dir)).toEqual([
      `${at(dir, 'ml-cicd.yaml', '"3.9"')}: error [schema] python "3.9" must be one of 3.10, 3.11, 3.12, 3.13.`,
    ]);
  });

  it('warns about an off-switch that names no rule', async () => {
    const dir = await project();
    write(dir, 'ml-cicd.yaml', `${read(dir, 'ml-cicd.yaml')}rules:\n  job-timeouts: off\n`);
    expect(await printed(dir)).toEqual([
      `${at(dir, 'ml-cicd.yaml', 'job-timeouts')}: warning [unknown-rule] rules.job-timeouts names no rule of ml-cicd validate, so nothing is turned off; check the spelling against ml-cicd validate --help.`,
    ]);
  });

  it('checks the workflows of a repository without ml-cicd.yaml, and says what it skipped', async () => {
    const dir = await project();
    rmSync(join(dir, 'ml-cicd.yaml'));
    rmSync(join(dir, '.ml-cicd'), { recursive: true });
    edit(dir, '.github/workflows/train.yml', '    timeout-minutes: 60\n', '');
    const report = await validateProject(dir);
    expect(report.findings.map((f) => f.rule)).toEqual(['job-timeout']);
    expect(report.notes).toEqual([
      'ml-cicd.yaml not found: only the workflows and requirements were checked (ml-cicd add workflow creates it).',
    ]);
  });

  it('lists findings by file, line and column', async () => {
    const dir = await project();
    edit(dir, '.github/workflows/train.yml', '    timeout-minutes: 60\n', '');
    edit(dir, '.github/workflows/ci.yml', 'permissions: {}\n', '');
    edit(dir, '.github/workflows/train.yml', 'permissions: {}\n', '');
    const { findings } = await validateProject(dir);
    const shown = findings.filter((f) => f.severity !== 'info');
    expect(shown.map((f) => `${f.file}:${f.line}:${f.column}`)).toEqual([
      at(dir, '.github/workflows/ci.yml', 'name: CI'),
      at(dir, '.github/workflows/train.yml', 'name: Train'),
      at(dir, '.github/workflows/train.yml', 'train:'),
    ]);
  });

  it('reads a workflow with a list as a key without a word on stderr', async () => {
    const dir = await project();
    const path = '.github/workflows/train.yml';
    edit(dir, path, 'permissions: {}\n', 'permissions: {}\nenv:\n  ? [a, b]\n  : c\n');
    const { code, stdout, stderr } = runBin(['validate'], { cwd: dir });
    expect(stderr).toBe('');
    expect(stdout).toContain(`${at(dir, path, '[a, b]')}: error [workflow-parser]`);
    expect(code).toBe(1);
  });
});
