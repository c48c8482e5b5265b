import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

const cwd = mkdtempSync(join(tmpdir(), 'create-ml-cicd-install-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));
// The repository's pip cache keeps repeated runs from downloading the wheels again.
const env = { PIP_CACHE_DIR: fileURLToPath(new URL('../../../.cache/pip', import.meta.url)) };

// A fresh clone's pip cache is empty: the first install downloads every wheel of the lock.
const installTimeout = 10 * 60_000;

describe('--install', () => {
  it(
    'creates .venv and installs the pinned development requirements',
    () => {
      const { code, stdout } = runBin(['installed', '--yes', '--no-git', '--install'], {
        cwd,
        env,
      });
      expect(code).toBe(0);
      expect(stdout).toContain('Installing requirements-dev.txt with hashes');
      expect(stdout).toContain('Installed the pinned requirements into .venv.');
      expect(stdout).not.toContain('python3 -m venv .venv');
      const python = join(cwd, 'installed/.venv/bin/python');
      const check = spawnSync(python, ['-c', 'import sklearn, pydantic_settings, pytest'], {
        encoding: 'utf8',
      });
      expect(check.status, check.stderr).toBe(0);
    },
    installTimeout,
  );

  it('says in one sentence when Python cannot make the venv', () => {
    const { code, stderr } = runBin(['no-python', '--yes', '--no-git', '--install'], {
      cwd,
      env: { PYTHON: 'python-that-does-not-exist' },
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^Could not create \.venv with python-that-does-not-exist \(set PYTHON to another interpreter\)/,
    );
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(cwd, 'no-python/train.py'))).toBe(true);
  });
});
