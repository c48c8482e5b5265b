import path from 'node:path';
import type { Change } from './actions.js';
import { tempBeside, type Journal } from './cleanup.js';
import { toFsPath } from './paths.js';

/**
 * Writes into an existing tree. Every file is first written in full to a temporary file beside
 * its destination (same folder, so same filesystem); only then is each renamed into place, so a
 * failure while writing content never leaves a destination half-written or some files new and
 * others old.
 */
export async function writeInPlace(
  target: string,
  changes: readonly Change[],
  journal: Journal,
  signal: AbortSignal,
): Promise<void> {
  const staged: { temp: string; destination: string; change: Change }[] = [];
  for (const change of changes) {
    signal.throwIfAborted();
    const destination = toFsPath(target, change.path);
    await journal.mkdirp(path.dirname(destination));
    const temp = tempBeside(destination);
    await journal.writeNew(temp, change.content, change.mode);
    staged.push({ temp, destination, change });
  }
  for (const { temp, destination, change } of staged) {
    signal.throwIfAborted();
    if (change.existing) await journal.replace(temp, destination, change.existing);
    else await journal.moveNew(temp, destination);
  }
}
