import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { TargetNotEmptyError, writePlan } from './index.js';
import { plan, snapshot, useSandbox } from './test-support.js';

const sandbox = useSandbox();
const project = plan({
  'README.md': '# demo\n',
  'train.py': 'print("train")\n',
  '.github/workflows/ci.yml': 'name: CI\n',
  'scripts/setup.sh': '#!/bin/sh\necho hi\n',
});

async function expectProject(target: string): Promise<void> {
  for (const [relative, content] of project) {
    expect(await readFile(path.join(target, ...relative.split('/')), 'utf8')).toBe(content);
  }
}

describe('writePlan new-project', () => {
  it('creates a missing target (and missing parents) with one rename, leaving nothing beside it', async () => {
    const root = await sandbox();
    const target = path.join(root, 'a b', 'my project');
    const result = await writePlan(project, target);

    await expectProject(target);
    expect(result.written).toBe(4);
    expect(result.conflicts).toEqual([]);
    expect(result.files).toEqual([
      { path: '.github/workflows/ci.yml', action: 'create' },
      { path: 'README.md', action: 'create' },
      { path: 'scripts/setup.sh', action: 'create' },
      { path: 'train.py', action: 'create' },
    ]);
    expect(await readdir(path.join(root, 'a b'))).toEqual(['my project']);
  });

  it('writes executables with mode 0o755 and the rest 0o644', async () => {
    const target = path.join(await sandbox(), 'p');
    await writePlan(project, target, { executable: new Set(['scripts/setup.sh']) });
    if (process.platform === 'win32') return;
    expect((await stat(path.join(target, 'scripts/setup.sh'))).mode & 0o777).toBe(0o755);
    expect((await stat(path.join(target, 'README.md'))).mode & 0o777).toBe(0o644);
  });

  it('writes into an existing empty folder without leaving temporary files', async () => {
    const target = await sandbox();
    await writePlan(project, target);
    await expectProject(target);
    expect(Object.keys(await snapshot(target)).sort()).toEqual([
      '.github',
      '.github/workflows',
      '.github/workflows/ci.yml',
      'README.md',
      'scripts',
      'scripts/setup.sh',
      'train.py',
    ]);
  });

  it('accepts a target that holds only a .git folder, and leaves it untouched', async () => {
    const target = await sandbox();
    await mkdir(path.join(target, '.git', 'refs'), { recursive: true });
    await writeFile(path.join(target, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    const git = await snapshot(path.join(target, '.git'));

    await writePlan(project, target);
    await expectProject(target);
    expect(await snapshot(path.join(target, '.git'))).toEqual(git);
  });

  it('accepts a target that holds only a .git file (a worktree)', async () => {
    const target = await sandbox();
    await writeFile(path.join(target, '.git'), 'gitdir: /elsewhere/.git/worktrees/x\n');
    await writePlan(project, target);
    await expectProject(target);
    expect(await readFile(path.join(target, '.git'), 'utf8')).toContain('gitdir:');
  });

  it('refuses a non-empty target, listing its entries, and changes nothing', async () => {
    const root = await sandbox();
    const target = path.join(root, 'existing');
    await mkdir(path.join(target, '.git'), { recursive: true });
    await writeFile(path.join(target, 'README.md'), 'mine\n');
    await writeFile(path.join(target, 'notes.txt'), 'mine\n');
    const before = await snapshot(root);

    const attempt = writePlan(project, target);
    await expect(attempt).rejects.toThrow(TargetNotEmptyError);
    await expect(attempt).rejects.toMatchObject({
      dir: target,
      entries: ['README.md', 'notes.txt'],
    });
    await expect(attempt).rejects.toBeInstanceOf(UserError);
    expect(await snapshot(root)).toEqual(before);
  });

  it('with force, writes into a non-empty target like into-existing with force', async () => {
    const target = await sandbox();
    await writeFile(path.join(target, 'README.md'), 'mine\n');
    await writeFile(path.join(target, 'train.py'), 'print("train")\n');
    await writeFile(path.join(target, 'notes.txt'), 'keep\n');
    const before = await snapshot(target);

    const result = await writePlan(project, target, { force: true });
    await expectProject(target);
    expect(result.conflicts).toEqual(['README.md']);
    expect(result.files).toContainEqual({ path: 'README.md', action: 'overwrite' });
    expect(result.files).toContainEqual({ path: 'train.py', action: 'identical' });
    expect(result.written).toBe(3);
    const after = await snapshot(target);
    expect(after['train.py']).toEqual(before['train.py']);
    expect(after['notes.txt']).toEqual(before['notes.txt']);
  });

  it('refuses a target that is a file', async () => {
    const target = path.join(await sandbox(), 'file');
    await writeFile(target, 'x');
    await expect(writePlan(project, target)).rejects.toThrow('is not a directory');
  });

  it('accepts "." as the target', async () => {
    const target = await sandbox();
    const cwd = process.cwd();
    process.chdir(target);
    try {
      await writePlan(project, '.');
    } finally {
      process.chdir(cwd);
    }
    await expectProject(target);
  });

  it('rejects path traversal before touching the filesystem', async () => {
    const root = await sandbox();
    const before = await snapshot(root);
    const evil = plan({ 'README.md': 'x', '../escaped.txt': 'x' });
    await expect(writePlan(evil, path.join(root, 'p'))).rejects.toThrow('../escaped.txt');
    expect(await snapshot(root)).toEqual(before);
  });

  it('writes UTF-8 without BOM and with LF line endings', async () => {
    const target = path.join(await sandbox(), 'p');
    await writePlan(plan({ 'a.txt': '\uFEFFline 1\r\nline 2 – é\r\n' }), target);
    const bytes = await readFile(path.join(target, 'a.txt'));
    expect(bytes.equals(Buffer.from('line 1\nline 2 – é\n', 'utf8'))).toBe(true);
  });

  it('keeps a pre-existing .git-only target unchanged when the write fails', async () => {
    const target = await sandbox();
    await writeFile(path.join(target, '.git'), 'gitdir: /elsewhere\n');
    const before = await snapshot(target, { dirMtimes: false });
    // The .git file blocks the folder this path needs: mkdir fails after other files were staged.
    const blocked = plan({ 'README.md': 'x\n', '.git/hooks/pre-commit': 'x\n', 'src/a.py': 'x\n' });

    await expect(writePlan(blocked, target, { force: true })).rejects.toThrow();
    expect(await snapshot(target, { dirMtimes: false })).toEqual(before);
  });
});
