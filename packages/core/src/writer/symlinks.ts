import { lstat, readlink, realpath } from 'node:fs/promises';
import path from 'node:path';
import { errorCode } from './errno.js';
import { SymlinkOutsideTargetError } from './errors.js';
import { toFsPath } from './paths.js';
import type { Plan } from './types.js';

function isInside(root: string, resolved: string): boolean {
  const relative = path.relative(root, resolved);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Throws unless every folder and file on the way to each plan path is either no link or a link
 * that ends inside the target: writing, reading for a diff, or creating folders through a link that
 * leaves the target would touch the user's files elsewhere. A dangling link counts as leaving, as
 * where it would end cannot be checked.
 */
export async function refuseLinksOutOfTarget(plan: Plan, target: string): Promise<void> {
  let root: string;
  try {
    root = await realpath(target);
  } catch (error) {
    // No target yet: nothing in it can be a link.
    if (errorCode(error) === 'ENOENT') return;
    throw error;
  }
  const seen = new Set<string>();
  for (const relative of [...plan.keys()].sort()) {
    const segments = relative.split('/');
    for (let i = 1; i <= segments.length; i++) {
      const part = segments.slice(0, i).join('/');
      if (seen.has(part)) continue;
      seen.add(part);
      const fsPath = toFsPath(target, part);
      try {
        if (!(await lstat(fsPath)).isSymbolicLink()) continue;
      } catch (error) {
        if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') break;
        throw error;
      }
      const resolved = await realpath(fsPath).catch(() => undefined);
      if (resolved && isInside(root, resolved)) continue;
      throw new SymlinkOutsideTargetError(part, resolved ?? (await readlink(fsPath)), target);
    }
  }
}
