import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writePlan } from './index.js';
import { plan, snapshot, useSandbox } from './test-support.js';

// Pass-through mocks, so a test can make the n-th call fail (or abort) at an exact point mid-write.
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...real,
    mkdir: vi.fn(real.mkdir),
    writeFile: vi.fn(real.writeFile),
    rename: vi.fn(real.rename),
    rm: vi.fn(real.rm),
  };
});

const sandbox = useSandbox();
const files = plan({ 'a.txt': 'a\n', 'b/b.txt': 'b\n', 'c/d/c.txt': 'c\n', 'e.txt': 'e\n' });

/** Runs `before` just ahead of the n-th call of `fn` (from now), which then fails with `error` if given. */
function onCall<F extends (...args: never[]) => Promise<unknown>>(
  fn: F,
  n: number,
  { before, error }: { before?: () => void; error?: Error },
): void {
  const mock = vi.mocked(fn);
  const real = mock.getMockImplementation();
  let calls = 0;
  mock.mockImplementation(((...args: Parameters<F>) => {
    if (++calls === n) {
      before?.();
      if (error) return Promise.reject(error);
    }
    return real?.(...args);
  }) as unknown as F);
}

afterEach(() => {
  vi.mocked(mkdir).mockReset();
  vi.mocked(writeFile).mockReset();
  vi.mocked(rename).mockReset();
  vi.mocked(rm).mockReset();
});

describe('failures mid-write leave the target as it was', () => {
  it('new project, missing target: a failing file write removes staging and created parents', async () => {
    const root = await sandbox();
    const before = await snapshot(root);
    onCall(writeFile, 3, { error: new Error('disk full') });

    await expect(writePlan(files, path.join(root, 'x', 'my project'))).rejects.toThrow('disk full');
    expect(await snapshot(root)).toEqual(before);
  });

  it('new project, missing target: a failing final rename removes the staging folder', async () => {
    const root = await sandbox();
    const before = await snapshot(root);
    onCall(rename, 1, { error: new Error('rename failed') });

    await expect(writePlan(files, path.join(root, 'p'))).rejects.toThrow('rename failed');
    expect(await snapshot(root)).toEqual(before);
  });

  it('new project, existing empty target: the target survives and is empty again (C06)', async () => {
    const root = await sandbox();
    const target = path.join(root, 'empty');
    await writePlan(new Map(), target);
    onCall(rename, 3, { error: new Error('rename failed') });

    await expect(writePlan(files, target)).rejects.toThrow('rename failed');
    expect(await readdir(target)).toEqual([]);
  });

  it('into-existing: a failure while writing temporary files leaves no temporary file', async () => {
    const root = await sandbox();
    await writeFile(path.join(root, 'a.txt'), 'old\n');
    const before = await snapshot(root, { dirMtimes: false });
    onCall(writeFile, 4, { error: new Error('disk full') });

    await expect(writePlan(files, root, { mode: 'into-existing', force: true })).rejects.toThrow(
      'disk full',
    );
    expect(await snapshot(root, { dirMtimes: false })).toEqual(before);
  });

  it('reports cleanup that failed together with the original error', async () => {
    const root = await sandbox();
    onCall(writeFile, 2, { error: new Error('disk full') });
    onCall(rm, 1, { error: new Error('cannot remove') });

    const attempt = writePlan(files, path.join(root, 'p'));
    await expect(attempt).rejects.toThrow(AggregateError);
    await expect(attempt).rejects.toMatchObject({
      errors: [{ message: 'disk full' }, { message: 'cannot remove' }],
    });
  });
});

describe('an aborted signal', () => {
  it('stops a new project mid-write and removes what was written', async () => {
    const root = await sandbox();
    const before = await snapshot(root);
    const controller = new AbortController();
    onCall(writeFile, 2, { before: () => controller.abort() });

    const attempt = writePlan(files, path.join(root, 'p'), { signal: controller.signal });
    await expect(attempt).rejects.toMatchObject({ name: 'AbortError' });
    expect(await snapshot(root)).toEqual(before);
  });

  it('stops between renames into an existing tree and undoes the renames done', async () => {
    const root = await sandbox();
    const before = await snapshot(root, { dirMtimes: false });
    const controller = new AbortController();
    onCall(rename, 2, { before: () => controller.abort() });

    const attempt = writePlan(files, root, { mode: 'into-existing', signal: controller.signal });
    await expect(attempt).rejects.toMatchObject({ name: 'AbortError' });
    expect(vi.mocked(rename)).toHaveBeenCalledTimes(2);
    expect(await snapshot(root, { dirMtimes: false })).toEqual(before);
  });

  it('that is already aborted writes nothing at all', async () => {
    const root = await sandbox();
    const before = await snapshot(root);
    await expect(
      writePlan(files, path.join(root, 'p'), { signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(vi.mocked(mkdir)).not.toHaveBeenCalled();
    expect(await snapshot(root)).toEqual(before);
  });
});
