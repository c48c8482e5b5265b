import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planActions, writePlan } from './index.js';
import { plan, snapshot, useSandbox } from './test-support.js';

const sandbox = useSandbox();

const keep = { mode: 'into-existing', keepLineEndings: true, force: true } as const;

async function repoWith(files: Record<string, string>): Promise<string> {
  const root = await sandbox();
  for (const [name, content] of Object.entries(files)) {
    await writeFile(path.join(root, name), content);
  }
  return root;
}

const read = (root: string, name: string) => readFile(path.join(root, name), 'utf8');

describe('writePlan with keepLineEndings (C10)', () => {
  it('finds a CRLF file with the same text identical and leaves it untouched', async () => {
    const root = await repoWith({ 'ci.yml': 'name: CI\r\non: push\r\n' });
    const before = await snapshot(root);
    const files = plan({ 'ci.yml': 'name: CI\non: push\n' });

    expect(await planActions(files, root, { keepLineEndings: true })).toEqual([
      { path: 'ci.yml', action: 'identical' },
    ]);
    expect((await writePlan(files, root, keep)).written).toBe(0);
    expect(await snapshot(root)).toEqual(before);
  });

  it('writes CRLF into a file that had CRLF, and LF into new and LF files', async () => {
    const root = await repoWith({ 'a.yml': 'a: 1\r\n', 'b.yml': 'b: 1\n' });
    await writePlan(
      plan({ 'a.yml': 'a: 2\nc: 3\n', 'b.yml': 'b: 2\n', 'new.yml': 'n: 1\n' }),
      root,
      keep,
    );

    expect(await read(root, 'a.yml')).toBe('a: 2\r\nc: 3\r\n');
    expect(await read(root, 'b.yml')).toBe('b: 2\n');
    expect(await read(root, 'new.yml')).toBe('n: 1\n');
  });

  it('without the option, writes LF whatever the file had', async () => {
    const root = await repoWith({ 'a.yml': 'a: 1\r\n' });
    const files = plan({ 'a.yml': 'a: 1\n' });

    expect(await planActions(files, root)).toEqual([{ path: 'a.yml', action: 'overwrite' }]);
    await writePlan(files, root, { mode: 'into-existing', force: true });
    expect(await read(root, 'a.yml')).toBe('a: 1\n');
  });
});
