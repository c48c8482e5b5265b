import { readdir } from 'node:fs/promises';
import { UserError } from '../errors.js';
import { errorCode } from './errno.js';
import { TargetNotEmptyError } from './errors.js';

/**
 * Checks a new project's target: missing (false), or an existing folder (true) that is empty or
 * holds only `.git` (a folder, or a file in a worktree). Anything more needs `force`.
 */
export async function newProjectTargetExists(target: string, force: boolean): Promise<boolean> {
  let entries: string[];
  try {
    entries = await readdir(target);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    if (errorCode(error) === 'ENOTDIR')
      throw new UserError(`Target ${target} exists and is not a directory`);
    throw error;
  }
  const content = entries.filter((entry) => entry !== '.git').sort();
  if (content.length > 0 && !force) throw new TargetNotEmptyError(target, content);
  return true;
}
