import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConflictError, writePlan } from './index.js';
import { plan, snapshot, useSandbox } from './test-support.js';

const sandbox = useSandbox();

/** A repo with an unrelated workflow, a README and a training script. */
async function repo(): Promise<string> {
  const root = await sandbox();
  await mkdir(path.join(root, '.github', 'workflows'), { recursive: true });
  await writeFile(path.join(root, '.github', 'workflows', 'other.yml'), 'name: Other\n');
  await writeFile(path.join(root, 'README.md'), '# mine\n');
  await writeFile(path.join(root, 'train.py'), 'print("mine")\n');
  return root;
}

const into = { mode: 'into-existing' } as const;

describe('writePlan into-existing', () => {
  it('creates new files, leaves identical ones untouched and unrelated files alone', async () => {
    const root = await repo();
    const before = await snapshot(root);
    const result = await writePlan(
      plan({ '.github/workflows/train.yml': 'name: Train\n', 'README.md': '# mine\n' }),
      root,
      into,
    );

    expect(result.files).toEqual([
      { path: '.github/workflows/train.yml', action: 'create' },
      { path: 'README.md', action: 'identical' },
    ]);
    expect(result.written).toBe(1);
    const after = await snapshot(root, { dirMtimes: false });
    expect(after['README.md']).toEqual(before['README.md']);
    expect(after['.github/workflows/other.yml']).toEqual(before['.github/workflows/other.yml']);
    expect(after['.github/workflows/train.yml']?.content).toBe(
      Buffer.from('name: Train\n').toString('base64'),
    );
    expect(Object.keys(after)).toHaveLength(Object.keys(before).length + 1);
  });

  it('is idempotent: a second identical run changes nothing', async () => {
    const root = await repo();
    const files = plan({ '.github/workflows/train.yml': 'name: Train\n', 'new/dir/x.txt': 'x\n' });
    await writePlan(files, root, into);
    const before = await snapshot(root);

    const result = await writePlan(files, root, into);
    expect(result.written).toBe(0);
    expect(result.files.every((file) => file.action === 'identical')).toBe(true);
    expect(await snapshot(root)).toEqual(before);
  });

  it('on conflict lists every differing file and writes nothing', async () => {
    const root = await repo();
    const before = await snapshot(root);
    const attempt = writePlan(
      plan({
        '.github/workflows/new.yml': 'name: New\n',
        'README.md': '# theirs\n',
        'train.py': 'print("theirs")\n',
      }),
      root,
      into,
    );

    await expect(attempt).rejects.toThrow(ConflictError);
    await expect(attempt).rejects.toMatchObject({ paths: ['README.md', 'train.py'] });
    await expect(attempt).rejects.toThrow('README.md, train.py');
    expect(await snapshot(root)).toEqual(before);
  });

  it('with force overwrites differing files and leaves no temporary files', async () => {
    const root = await repo();
    const before = await snapshot(root);
    const result = await writePlan(plan({ 'README.md': '# theirs\n' }), root, {
      ...into,
      force: true,
    });

    expect(result.files).toEqual([{ path: 'README.md', action: 'overwrite' }]);
    expect(result.conflicts).toEqual(['README.md']);
    expect(await readFile(path.join(root, 'README.md'), 'utf8')).toBe('# theirs\n');
    expect(Object.keys(await snapshot(root))).toEqual(Object.keys(before));
  });

  it('treats CRLF plan content as identical to the LF file it would write', async () => {
    const root = await repo();
    const result = await writePlan(plan({ 'README.md': '\uFEFF# mine\r\n' }), root, into);
    expect(result.files).toEqual([{ path: 'README.md', action: 'identical' }]);
  });

  it('undoes every rename when a later one fails: overwritten files restored, new ones removed', async () => {
    const root = await repo();
    // A non-empty folder where the plan puts a file: only the final rename onto it fails.
    await mkdir(path.join(root, 'zz', 'blocked'), { recursive: true });
    await writeFile(path.join(root, 'zz', 'blocked', 'keep.txt'), 'keep\n');
    const before = await snapshot(root, { dirMtimes: false });

    const attempt = writePlan(
      plan({
        'README.md': '# theirs\n',
        'new/deep/file.txt': 'new\n',
        '.github/workflows/train.yml': 'name: Train\n',
        'zz/blocked': 'a file\n',
      }),
      root,
      { ...into, force: true },
    );
    await expect(attempt).rejects.toThrow();

    const after = await snapshot(root, { dirMtimes: false });
    // The restored README keeps its mtime to within the precision utimes offers.
    expect(after['README.md']?.mtimeMs).toBeCloseTo(before['README.md']?.mtimeMs ?? 0, 2);
    expect({ ...after, 'README.md': { ...after['README.md'], mtimeMs: 0 } }).toEqual({
      ...before,
      'README.md': { ...before['README.md'], mtimeMs: 0 },
    });
  });
});
