/** Writing the outcome of a merge (update, sync): the files, their .rej patches and the manifest. */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { manifestPath, writePlan } from '@ml-cicd/core';
import type { FileUpdate } from './merge.js';
import { isExecutable } from './project.js';

/** Writes every changed file and the new manifest through the one writer, then removes files. */
export async function apply(
  dir: string,
  updates: readonly Pick<FileUpdate, 'path' | 'write' | 'reject' | 'remove'>[],
  manifest: string,
): Promise<void> {
  const plan = new Map<string, string>([[manifestPath, manifest]]);
  for (const update of updates) {
    if (update.write !== undefined) plan.set(update.path, update.write);
    if (update.reject !== undefined) plan.set(`${update.path}.rej`, update.reject);
  }
  const executable = new Set([...plan.keys()].filter((path) => isExecutable(dir, path)));
  await writePlan(plan, dir, { mode: 'into-existing', force: true, executable });
  // After the writes succeed: a failed write above leaves every file as it was.
  for (const update of updates) {
    if (update.remove) await rm(join(dir, update.path), { force: true });
  }
}
