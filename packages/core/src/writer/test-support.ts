import { lstat, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

export interface Entry {
  kind: 'file' | 'dir' | 'other';
  mode: number;
  mtimeMs: number;
  content?: string;
}

/**
 * Every entry under `root` with its mode, mtime and (for files) content, to compare before/after.
 * `dirMtimes: false` for runs that created and removed entries: that changes folder mtimes only.
 */
export async function snapshot(
  root: string,
  { dirMtimes = true }: { dirMtimes?: boolean } = {},
): Promise<Record<string, Entry>> {
  const tree: Record<string, Entry> = {};
  async function walk(dir: string, prefix: string): Promise<void> {
    for (const name of (await readdir(dir)).sort()) {
      const full = path.join(dir, name);
      const info = await lstat(full);
      const key = prefix + name;
      const kind = info.isFile() ? 'file' : info.isDirectory() ? 'dir' : 'other';
      const mtimeMs = kind === 'dir' && !dirMtimes ? 0 : info.mtimeMs;
      const entry: Entry = { kind, mode: info.mode, mtimeMs };
      if (kind === 'file') entry.content = (await readFile(full)).toString('base64');
      tree[key] = entry;
      if (kind === 'dir') await walk(full, `${key}/`);
    }
  }
  await walk(root, '');
  return tree;
}

/** A fresh folder (with a space in its name) removed after the test. */
export function useSandbox(): () => Promise<string> {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ml-cicd writer '));
    made.push(dir);
    return dir;
  };
}

export const plan = (entries: Record<string, string>): Map<string, string> =>
  new Map(Object.entries(entries));
