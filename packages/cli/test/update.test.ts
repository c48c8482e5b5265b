import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { manifestPath } from '@ml-cicd/core';
import pkg from '../package.json' with { type: 'json' };
import { edit, project, tempDir, write } from './fixtures.js';
import { runBin } from './run-bin.js';

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at /);

function git(cwd: string, ...args: string[]): void {
  const result = spawnSync(
    'git',
    ['-c', 'user.name=Test User', '-c', 'user.email=test@example.com', ...args],
    { cwd, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
}

/** A fresh project whose manifest says an older version made it, so an update has work to do. */
async function olderProject(): Promise<string> {
  const dir = await project();
  edit(dir, manifestPath, `"version": "${pkg.version}"`, '"version": "0.0.1"');
  return dir;
}

describe('ml-cicd update', () => {
  it('prints its help, naming the version it updates to by default', () => {
    const { code, stdout } = runBin(['update', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: ml-cicd update \[dir\] \[flags\]/);
    expect(stdout).toContain(`(default: this ml-cicd's, ${pkg.version})`);
  });

  it.each([
    [['--conflicts', 'both'], '--conflicts must be one of inline, rej (got "both").'],
    [['--to', 'latest'], '--to must be a version such as 0.2.0 (got "latest").'],
    [['--check', '--to', '0.2.0'], '--check cannot be used with --to, --dry-run or --conflicts.'],
    [['a', 'b'], 'Expected one folder, got 2: a b.'],
  ])('%j is a usage error (exit 2)', (args, message) => {
    const { code, stderr } = runBin(['update', ...args]);
    expect(code).toBe(2);
    expect(stderr.trim()).toBe(message);
  });

  it('refuses a folder without a manifest', () => {
    const dir = tempDir();
    const { code, stderr } = runBin(['update'], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      `${dir} has no ${manifestPath}: update works on projects made by npm create ml-cicd, which records the version and answers it used there.`,
    );
    noStack(stderr);
  });

  it('refuses a manifest without a generator version', async () => {
    const dir = await project();
    write(dir, manifestPath, '{"answers": {}, "files": {}}');
    const { code, stderr } = runBin(['update', dir]);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      `${manifestPath} cannot be read: it records no generator version; restore it from git.`,
    );
  });

  it('changes nothing in a project this version made, even outside git', async () => {
    const dir = await project();
    for (const args of [[], ['--to', pkg.version]]) {
      const { code, stdout } = runBin(['update', ...args], { cwd: dir });
      expect(code).toBe(0);
      expect(stdout.trim()).toBe(`Already at ml-cicd ${pkg.version}: nothing to update.`);
    }
  });

  it('refuses a project a newer version made, and a --to older than the project', async () => {
    const dir = await project();
    edit(dir, manifestPath, `"version": "${pkg.version}"`, '"version": "99.0.0"');
    const newer = runBin(['update', dir]);
    expect(newer.code).toBe(1);
    expect(newer.stderr.trim()).toBe(
      `This project was made with ml-cicd 99.0.0, newer than this ml-cicd (${pkg.version}): run npx ml-cicd@latest update, or pass --to <version>.`,
    );
    const older = runBin(['update', dir, '--to', '98.0.0']);
    expect(older.code).toBe(1);
    expect(older.stderr.trim()).toBe(
      '--to 98.0.0 is older than 99.0.0, the version this project is at: update only moves forward.',
    );
  });

  it('refuses outside a git repository and on a tree with uncommitted changes', async () => {
    const dir = await olderProject();
    const outside = runBin(['update', dir]);
    expect(outside.code).toBe(1);
    expect(outside.stderr.trim()).toBe(
      `${dir} is not in a git repository: update needs one, so you can review its changes and undo them; run git init and commit your files first.`,
    );
    git(dir, 'init', '--quiet');
    git(dir, 'add', '--all');
    git(dir, 'commit', '--quiet', '-m', 'Initial commit');
    edit(dir, 'README.md', '# demo-project', '# Demo');
    const dirty = runBin(['update', dir]);
    expect(dirty.code).toBe(1);
    expect(dirty.stderr.trim()).toBe(
      "The git tree has uncommitted changes (README.md): commit or stash them first, so the update's changes are yours to review and undo on their own.",
    );
  });

  it('--check says so in one sentence when the registry cannot be read', async () => {
    const dir = await project();
    const { code, stderr } = runBin(['update', '--check'], {
      cwd: dir,
      // Nothing listens on port 9 of this machine; no retries, so the failure comes at once.
      env: { npm_config_registry: 'http://127.0.0.1:9/', npm_config_fetch_retries: '0' },
    });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      'Could not read the newest create-ml-cicd version from the npm registry: request to http://127.0.0.1:9/create-ml-cicd failed, reason: connect ECONNREFUSED 127.0.0.1:9.',
    );
    noStack(stderr);
  });
});
