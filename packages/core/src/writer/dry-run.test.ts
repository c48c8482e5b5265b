import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planActions, TargetNotEmptyError, writePlan } from './index.js';
import { plan, snapshot, useSandbox } from './test-support.js';

const sandbox = useSandbox();

describe('writePlan dry-run', () => {
  it('for a new project writes nothing and diffs every file against /dev/null', async () => {
    const root = await sandbox();
    const before = await snapshot(root);
    const result = await writePlan(
      plan({ 'README.md': '# demo\r\nline 2\n', 'src/a.py': 'x = 1\n' }),
      path.join(root, 'my project'),
      { dryRun: true },
    );

    expect(await snapshot(root)).toEqual(before);
    expect(result.written).toBe(0);
    expect(result.files).toEqual([
      { path: 'README.md', action: 'create' },
      { path: 'src/a.py', action: 'create' },
    ]);
    expect(result.diff).toBe(
      [
        '--- /dev/null',
        '+++ b/README.md',
        '@@ -0,0 +1,2 @@',
        '+# demo',
        '+line 2',
        '--- /dev/null',
        '+++ b/src/a.py',
        '@@ -0,0 +1,1 @@',
        '+x = 1',
        '',
      ].join('\n'),
    );
  });

  it('into an existing tree reports conflicts as overwrites with their hunks, and touches nothing', async () => {
    const root = await sandbox();
    await mkdir(path.join(root, '.github', 'workflows'), { recursive: true });
    await writeFile(path.join(root, '.github', 'workflows', 'ci.yml'), 'name: CI\non: push\n');
    await writeFile(path.join(root, 'same.txt'), 'same\n');
    const before = await snapshot(root);

    const result = await writePlan(
      plan({
        '.github/workflows/ci.yml': 'name: CI\non: pull_request\n',
        'same.txt': 'same\n',
        'new.txt': 'new\n',
      }),
      root,
      { mode: 'into-existing', dryRun: true },
    );

    expect(await snapshot(root)).toEqual(before);
    expect(result.conflicts).toEqual(['.github/workflows/ci.yml']);
    expect(result.files).toEqual([
      { path: '.github/workflows/ci.yml', action: 'overwrite' },
      { path: 'new.txt', action: 'create' },
      { path: 'same.txt', action: 'identical' },
    ]);
    expect(result.diff).toContain(
      [
        '--- a/.github/workflows/ci.yml',
        '+++ b/.github/workflows/ci.yml',
        '@@ -1,2 +1,2 @@',
        ' name: CI',
        '-on: push',
        '+on: pull_request',
      ].join('\n'),
    );
    expect(result.diff).toContain('--- /dev/null\n+++ b/new.txt\n');
    expect(result.diff).not.toContain('same.txt');
  });

  it('shows a built file (a line over 1000 characters) as one line with its sizes, not a hunk', async () => {
    const root = await sandbox();
    await writeFile(path.join(root, 'bundle.js'), `${'a'.repeat(1500)}\n`);
    const result = await writePlan(
      plan({ 'bundle.js': `${'b'.repeat(2000)}\n`, 'dist/new.js': `x;\n${'c'.repeat(1001)}\n` }),
      root,
      { mode: 'into-existing', dryRun: true },
    );
    expect(result.diff).toBe(
      [
        '--- a/bundle.js',
        '+++ b/bundle.js',
        'Files a/bundle.js and b/bundle.js differ: a built file (1501 → 2001 bytes, lines up to 2000 characters), not shown',
        '--- /dev/null',
        '+++ b/dist/new.js',
        'Files /dev/null and b/dist/new.js differ: a built file (1005 bytes, lines up to 1001 characters), not shown',
        '',
      ].join('\n'),
    );
  });

  it('refuses a non-empty new-project target, as the real run would', async () => {
    const root = await sandbox();
    await writeFile(path.join(root, 'README.md'), 'mine\n');
    await expect(writePlan(plan({ a: 'a' }), root, { dryRun: true })).rejects.toThrow(
      TargetNotEmptyError,
    );
  });
});

describe('planActions', () => {
  it('classifies each file without writing, whatever the target holds', async () => {
    const root = await sandbox();
    await writeFile(path.join(root, 'same.txt'), 'same\n');
    await writeFile(path.join(root, 'differs.txt'), 'old\n');
    await mkdir(path.join(root, 'folder'));
    const before = await snapshot(root);

    const actions = await planActions(
      plan({ 'same.txt': 'same\r\n', 'differs.txt': 'new\n', folder: 'x', 'new.txt': 'x' }),
      root,
    );
    expect(actions).toEqual([
      { path: 'differs.txt', action: 'overwrite' },
      { path: 'folder', action: 'overwrite' },
      { path: 'new.txt', action: 'create' },
      { path: 'same.txt', action: 'identical' },
    ]);
    expect(await snapshot(root)).toEqual(before);
  });
});
