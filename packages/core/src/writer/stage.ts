import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Change } from './actions.js';
import { randomSuffix, type Journal } from './cleanup.js';
import { toFsPath } from './paths.js';

/**
 * Writes a project whose target does not exist yet: every file goes into a sibling staging
 * folder on the same filesystem, which then becomes the target in one atomic rename.
 */
export async function writeStaged(
  target: string,
  changes: readonly Change[],
  journal: Journal,
  signal: AbortSignal,
): Promise<void> {
  const staging = path.join(
    path.dirname(target),
    `.${path.basename(target)}.ml-cicd-${randomSuffix()}`,
  );
  // Not mkdtemp: its 0o700 would become the project folder's mode after the rename.
  await journal.mkdirp(staging);
  const files = changes.map((change) => ({ change, file: toFsPath(staging, change.path) }));
  // Inside the staging folder, whose removal undoes all of this. Folders first, each a quick
  // system call (a round trip through the thread pool would cost more than the call), then every
  // file at once: one promise after another would make scaffolding several times slower.
  for (const folder of new Set(files.map(({ file }) => path.dirname(file)))) {
    mkdirSync(folder, { recursive: true });
  }
  signal.throwIfAborted();
  // Settle every write before a failure is raised, so cleanup never races a write still running.
  const writes = await Promise.allSettled(
    files.map(({ change, file }) =>
      writeFile(file, change.content, { flag: 'wx', mode: change.mode }),
    ),
  );
  const failed = writes.find((write) => write.status === 'rejected');
  if (failed) throw failed.reason;
  signal.throwIfAborted();
  await journal.moveNew(staging, target);
}
