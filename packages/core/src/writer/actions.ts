import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { encode, usesCrlf, withCrlf } from './content.js';
import { errorCode } from './errno.js';
import { toFsPath, validatePlan } from './paths.js';
import { refuseLinksOutOfTarget } from './symlinks.js';
import type { FileAction, Plan, PlannedFile, WriteOptions } from './types.js';

/** What a destination holds now, kept so a failed overwrite can be undone and diffed. */
export interface Existing {
  bytes: Buffer;
  mode: number;
  mtimeMs: number;
}

export interface Change {
  path: string;
  action: FileAction;
  /** The bytes to write (normalised). */
  content: Buffer;
  mode: number;
  /** Undefined when nothing is there, or when a folder (or a file in place of a parent) blocks it. */
  existing: Existing | undefined;
}

async function readExisting(file: string): Promise<Existing | 'missing' | 'blocked'> {
  try {
    const info = await stat(file);
    if (!info.isFile()) return 'blocked';
    return { bytes: await readFile(file), mode: info.mode & 0o7777, mtimeMs: info.mtimeMs };
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return 'missing';
    if (errorCode(error) === 'ENOTDIR') return 'blocked';
    throw error;
  }
}

/**
 * Compares each plan file with what `target` holds, sorted by path. Byte-identical files are
 * `identical`; anything else in the way (a differing file, a folder) is an `overwrite`.
 */
export async function inspect(
  plan: Plan,
  target: string,
  executable: ReadonlySet<string>,
  targetExists = true,
  keepLineEndings = false,
): Promise<Change[]> {
  return Promise.all(
    [...plan.keys()].sort().map(async (relative): Promise<Change> => {
      const content = encode(plan.get(relative) ?? '');
      const file = { path: relative, content, mode: executable.has(relative) ? 0o755 : 0o644 };
      // A target that does not exist holds nothing: no need to look for every file in it.
      const existing = targetExists ? await readExisting(toFsPath(target, relative)) : 'missing';
      if (existing === 'missing') return { ...file, action: 'create', existing: undefined };
      if (existing === 'blocked') return { ...file, action: 'overwrite', existing: undefined };
      if (keepLineEndings && usesCrlf(existing.bytes)) file.content = withCrlf(content);
      const action = existing.bytes.equals(file.content) ? 'identical' : 'overwrite';
      return { ...file, action, existing };
    }),
  );
}

/** What writing `plan` into `targetDir` would do to each file (no target-emptiness check). */
export async function planActions(
  plan: Plan,
  targetDir: string,
  options: Pick<WriteOptions, 'keepLineEndings'> = {},
): Promise<PlannedFile[]> {
  validatePlan(plan);
  const target = path.resolve(targetDir);
  await refuseLinksOutOfTarget(plan, target);
  const changes = await inspect(plan, target, new Set(), true, options.keepLineEndings);
  return changes.map(({ path: relative, action }) => ({ path: relative, action }));
}
