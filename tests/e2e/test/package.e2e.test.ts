/** The published tarball: its shape, and that it installs and runs on its own. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { generator, options } from '@ml-cicd/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runOk } from '../src/exec.js';
import { npmEnv } from '../src/npm-env.js';
import { outsideTempDir, removeTempDir } from '../src/paths.js';
import { readManifest } from '../src/project-files.js';
import { step } from '../src/progress.js';

const { session, packed } = inject('e2e');

describe(`the ${packed.name} tarball`, () => {
  it('holds only package.json, a readme or licence, and dist/', () => {
    const unexpected = packed.files.filter(
      (path) =>
        path !== 'package.json' &&
        !/^(README|LICEN[CS]E)(\.\w+)?$/i.test(path) &&
        !path.startsWith('dist/'),
    );
    expect(unexpected).toEqual([]);
    expect(packed.files).toContain('dist/index.js');
  });

  it('ships no sources, tests or Python litter', () => {
    const litter = packed.files.filter((path) =>
      /(^|\/)(src\/.*\.ts|[^/]+\.test\.[jt]s|__pycache__|\.pytest_cache|\.ruff_cache|\.venv|outputs)(\/|$)|\.pyc$/.test(
        path,
      ),
    );
    expect(litter).toEqual([]);
  });

  it('has no runtime dependencies', () => {
    for (const field of [
      'dependencies',
      'optionalDependencies',
      'peerDependencies',
      'bundleDependencies',
    ]) {
      expect(packed.manifest[field], field).toBeUndefined();
    }
  });
});

describe('the local registry', () => {
  it('serves our names only from itself, never from the public registry', async () => {
    const status = async (name: string) =>
      (await fetch(`${session.registry}${encodeURIComponent(name).replace('%40', '@')}`)).status;
    expect(await status(packed.name)).toBe(200);
    expect(await status('ml-cicd')).toBe(200);
    // Published to the public registry or not, names of ours never come through the uplink.
    expect(await status('@ml-cicd/core')).toBe(404);
    expect(await status('@ml-cicd/config')).toBe(404);
  });
});

describe('npm install <tarball> into an empty folder', () => {
  let cwd: string;
  const npx = (args: string[]) =>
    runOk('npx', ['create-ml-cicd', ...args], { cwd, env: npmEnv(session) });

  beforeAll(async () => {
    cwd = await outsideTempDir('tarball');
    await step('npm install the create-ml-cicd tarball into an empty folder', () =>
      runOk('npm', ['install', packed.tarball], { cwd, env: npmEnv(session) }),
    );
  });
  afterAll(() => removeTempDir(cwd));

  it('installs the bin and nothing else', async () => {
    const installed = await readdir(join(cwd, 'node_modules'));
    expect(installed.filter((entry) => !entry.startsWith('.'))).toEqual(['create-ml-cicd']);
  });

  it('prints its version', async () => {
    const { stdout } = await npx(['--version']);
    expect(stdout.trim()).toBe(packed.version);
  });

  it('prints its help, with every option of the registry', async () => {
    const { stdout } = await npx(['--help']);
    for (const flag of [...options.map((option) => option.flag), 'yes', 'no-git', 'json']) {
      expect(stdout).toContain(`--${flag} `);
    }
  });

  it('creates a project', async () => {
    const { stdout } = await step('npx create-ml-cicd from the installed tarball', () =>
      npx(['from-tarball', '--yes', '--no-git', '--json']),
    );
    const reported = JSON.parse(stdout) as { files: { path: string }[] };
    const manifest = await readManifest(join(cwd, 'from-tarball'));
    expect(manifest.generator).toEqual(generator);
    expect(reported.files.map((file) => file.path)).toContain('train.py');
  });
});
