import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from './temp-dirs.js';

const tempDir = useTempDirs('publish-template ');
const script = (name: string) =>
  fileURLToPath(new URL(`../../../scripts/${name}`, import.meta.url));
const identity = {
  GIT_AUTHOR_NAME: 'Release',
  GIT_AUTHOR_EMAIL: 'release@example.com',
  GIT_COMMITTER_NAME: 'Release',
  GIT_COMMITTER_EMAIL: 'release@example.com',
};

function node(args: string[]) {
  return spawnSync(process.execPath, args, {
    encoding: 'utf8',
    env: { ...process.env, ...identity },
  });
}

function git(cwd: string, args: string[]): string {
  return spawnSync('git', args, { cwd, encoding: 'utf8' }).stdout.trim();
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .filter((path) => !path.startsWith('.git/'))
    .sort();
}

describe('publish-template', () => {
  it('makes a repository branch exactly the template folder, one commit per change', () => {
    const template = join(tempDir(), 'template');
    expect(node([script('template.mjs'), '--out', template]).status).toBe(0);
    const remote = join(tempDir(), 'ml-project-template.git');
    spawnSync('git', ['init', '--quiet', '--bare', remote]);

    const first = node([script('publish-template.mjs'), remote, '--from', template]);
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('Published the ml-cicd');
    const clone = join(tempDir(), 'clone');
    spawnSync('git', ['clone', '--quiet', '--branch', 'main', remote, clone]);
    expect(files(clone)).toEqual(files(template));
    for (const path of files(template)) {
      expect(readFileSync(join(clone, path), 'utf8'), path).toBe(
        readFileSync(join(template, path), 'utf8'),
      );
    }

    const again = node([script('publish-template.mjs'), remote, '--from', template]);
    expect(again.stdout).toContain('nothing to publish');
    expect(git(remote, ['rev-list', '--count', 'main'])).toBe('1');

    rmSync(join(template, '.env.example'));
    expect(node([script('publish-template.mjs'), remote, '--from', template]).status).toBe(0);
    expect(git(remote, ['rev-list', '--count', 'main'])).toBe('2');
    expect(git(remote, ['ls-tree', '-r', '--name-only', 'main'])).not.toContain('.env.example');
  });

  it('refuses to run without a target', () => {
    const missing = node([script('publish-template.mjs')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim()).toBe(
      '✖ Give one target: publish-template.mjs <git-url> [--branch main] [--from template].',
    );
  });
});
