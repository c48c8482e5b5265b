import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestPath } from '@ml-cicd/core';
import pkg from '../package.json' with { type: 'json' };
import { edit, project, read, tempDir, write } from './fixtures.js';
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
    [
      ['--check', '--to', '0.2.0'],
      '--check cannot be used with --to, --dry-run, --conflicts or an answer flag.',
    ],
    [
      ['--tracker', 'neptune'],
      "--tracker neptune is no longer offered, as Neptune's hosted service shut down: use --tracker mlflow or --tracker wandb (an existing project moves with ml-cicd update --tracker mlflow).",
    ],
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

  it('--tracker mlflow moves a Neptune project to MLflow at the same version, keeping an edit', async () => {
    const dir = await project('neptune');
    git(dir, 'init', '--quiet');
    edit(dir, 'README.md', '# demo-project', '# Demo');
    git(dir, 'add', '--all');
    git(dir, 'commit', '--quiet', '-m', 'Initial commit');
    const { code, stdout, stderr } = runBin(['update', '--tracker', 'mlflow'], { cwd: dir });
    expect(code, stderr).toBe(0);
    expect(stdout).toContain(
      `Updated from ml-cicd ${pkg.version} to ${pkg.version} with --tracker mlflow:`,
    );
    expect(read(dir, 'ml-cicd.yaml')).toMatch(/tracker:\n {2}kind: mlflow\n/);
    expect(read(dir, 'README.md')).toMatch(/^# Demo\n/);
    expect(read(dir, 'src/demo_project/tracking_backend.py')).toContain('import mlflow');
    expect(read(dir, 'requirements.txt')).not.toMatch(/neptune/i);
    expect(existsSync(join(dir, 'tests/test_tracking_neptune.py'))).toBe(false);
    expect(JSON.parse(read(dir, manifestPath)).answers.tracker).toBe('mlflow');
    const validated = runBin(['validate', '--min-severity', 'warning'], { cwd: dir });
    expect([0, 1], validated.stderr).toContain(validated.code);
    expect(validated.stdout).toMatch(/\S/);
    expect(validated.stdout + validated.stderr).not.toContain('neptune');
    // Done: a second run has nothing left to change.
    git(dir, 'add', '--all');
    git(dir, 'commit', '--quiet', '-m', 'Move to MLflow');
    const again = runBin(['update'], { cwd: dir });
    expect(again.stdout.trim()).toBe(`Already at ml-cicd ${pkg.version}: nothing to update.`);
  });

  it('keeps a project made before --task binary, and --task regression moves it', async () => {
    const dir = await project();
    // As made before tasks: the manifest records no task.
    const manifest = JSON.parse(read(dir, manifestPath));
    delete manifest.answers.task;
    write(dir, manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    git(dir, 'init', '--quiet');
    git(dir, 'add', '--all');
    git(dir, 'commit', '--quiet', '-m', 'Initial commit');
    const changed = (args: string[]) => {
      const { code, stdout, stderr } = runBin(['update', ...args, '--dry-run', '--json'], {
        cwd: dir,
      });
      expect(code, stderr).toBe(0);
      const { files } = JSON.parse(stdout) as { files: { path: string; outcome: string }[] };
      return files.filter((file) => file.outcome !== 'unchanged').map((file) => file.path);
    };
    expect(changed(['--task', 'binary'])).toEqual([]);
    expect(changed(['--task', 'regression'])).toEqual(
      expect.arrayContaining(['ml-cicd.yaml', '.github/workflows/train.yml', 'README.md']),
    );
    const { code, stderr } = runBin(['update', '--task', 'regression'], { cwd: dir });
    expect(code, stderr).toBe(0);
    const config = read(dir, 'ml-cicd.yaml');
    expect(config).toMatch(/^task: regression$/m);
    expect(config).toContain('    - metric: r2\n      min: 0.2\n');
    expect(config).not.toContain('metric: accuracy');
    expect(JSON.parse(read(dir, manifestPath)).answers.task).toBe('regression');
  });

  it('drops recorded answers the changed one no longer needs, and refuses a flag that does not apply', async () => {
    const dir = await project('self-hosted');
    git(dir, 'init', '--quiet');
    git(dir, 'add', '--all');
    git(dir, 'commit', '--quiet', '-m', 'Initial commit');
    const dry = runBin(['update', '--runner', 'hosted', '--dry-run', '--json'], { cwd: dir });
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ changes: '--runner hosted', dryRun: true });
    const misplaced = runBin(['update', '--hosted-label', 'ubuntu-24.04'], { cwd: dir });
    expect(misplaced.code).toBe(2);
    expect(misplaced.stderr.trim()).toBe('--hosted-label applies only with --runner hosted.');
  });
});
