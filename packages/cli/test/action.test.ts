/**
 * The ml-cicd action that generated repositories carry: its committed bundle is what the sources
 * build, and run the way GitHub runs it (node on index.mjs, inputs as INPUT_* variables) it turns
 * findings into annotations and fails the step on them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsdown';
import { afterAll, describe, expect, it } from 'vitest';
import { project, read, write } from './fixtures.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const committedDir = fileURLToPath(new URL('../../../workflows/actions/ml-cicd/', import.meta.url));

function runAction(dir: string, inputs: Record<string, string> = {}) {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '' };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const result = spawnSync(process.execPath, ['.github/actions/ml-cicd/index.mjs'], {
    cwd: dir,
    env,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the vendored ml-cicd action', () => {
  const fresh = mkdtempSync(join(tmpdir(), 'ml-cicd-action-'));
  afterAll(() => rmSync(fresh, { recursive: true, force: true }));

  it('is what the sources build (run pnpm --filter ml-cicd build:action and commit it)', async () => {
    await build({
      config: join(packageDir, 'tsdown.action.ts'),
      outDir: fresh,
      logLevel: 'silent',
    });
    const same = readFileSync(join(fresh, 'index.mjs'), 'utf8') === read(committedDir, 'index.mjs');
    expect(same, 'workflows/actions/ml-cicd/index.mjs differs from a fresh build').toBe(true);
  });

  it('passes a fresh project, saying what it left to GitHub', async () => {
    const dir = await project();
    const { code, stdout, stderr } = runAction(dir);
    expect(stderr).toBe('');
    expect(stdout).not.toContain('::error');
    expect(stdout).toContain("note: GitHub's workflow parser is not part of this action");
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('No findings.');
    expect(code).toBe(0);
  });

  it('annotates a finding on its line and fails the step', async () => {
    const dir = await project();
    const ci = '.github/workflows/ci.yml';
    write(dir, ci, read(dir, ci).replace(/^permissions: \{\}\n/m, ''));
    const { code, stdout } = runAction(dir, { 'min-severity': 'error' });
    expect(stdout).toMatch(
      /^::error file=\.github\/workflows\/ci\.yml,line=\d+,col=1,title=workflow-permissions::/m,
    );
    expect(code).toBe(1);
  });

  it('names the valid values of a bad input and exits 2', async () => {
    const dir = await project();
    const { code, stdout } = runAction(dir, { 'min-severity': 'loud' });
    expect(stdout).toBe(
      '::error title=ml-cicd::The min-severity input must be one of error, warning, info (got "loud").\n',
    );
    expect(code).toBe(2);
  });
});
