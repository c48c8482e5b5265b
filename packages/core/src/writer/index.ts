/**
 * The one writer: `create`, `add workflow`, `update` and `--dry-run` hand it a plan (relative
 * posix path -> content). It never writes outside the target, never overwrites a differing file
 * without `force`, and on failure or interruption removes everything this run created.
 */
import path from 'node:path';
import { inspect } from './actions.js';
import { transact } from './cleanup.js';
import { unifiedDiff } from './diff.js';
import { ConflictError } from './errors.js';
import { writeInPlace } from './in-place.js';
import { withSignalGuard } from './interrupt.js';
import { validatePlan } from './paths.js';
import { writeStaged } from './stage.js';
import { refuseLinksOutOfTarget } from './symlinks.js';
import { newProjectTargetExists } from './target.js';
import type { Plan, WriteOptions, WriteResult } from './types.js';

export { planActions } from './actions.js';
export {
  ConflictError,
  PlanPathError,
  SymlinkOutsideTargetError,
  TargetNotEmptyError,
} from './errors.js';
export type { FileAction, Plan, PlannedFile, WriteOptions, WriteResult } from './types.js';

export async function writePlan(
  plan: Plan,
  targetDir: string,
  options: WriteOptions = {},
): Promise<WriteResult> {
  const { force = false, dryRun = false, mode = 'new-project', signal } = options;
  signal?.throwIfAborted();
  const executable = options.executable ?? new Set<string>();
  validatePlan(plan, executable);
  const target = path.resolve(targetDir);
  const targetExists = mode === 'into-existing' || (await newProjectTargetExists(target, force));
  if (targetExists) await refuseLinksOutOfTarget(plan, target);
  const changes = await inspect(plan, target, executable, targetExists, options.keepLineEndings);
  const conflicts = changes.filter((change) => change.action === 'overwrite').map((c) => c.path);
  if (conflicts.length > 0 && !force && !dryRun) throw new ConflictError(conflicts);

  const toWrite = changes.filter((change) => change.action !== 'identical');
  const result: WriteResult = {
    files: changes.map((change) => ({ path: change.path, action: change.action })),
    diff: dryRun ? await unifiedDiff(changes) : '',
    written: dryRun ? 0 : toWrite.length,
    conflicts,
  };
  if (dryRun) return result;
  // Nothing to write: no staging folder, no handlers, no mtime changes.
  if (toWrite.length === 0 && targetExists) return result;

  await withSignalGuard(
    (abort) =>
      transact((journal) =>
        targetExists
          ? writeInPlace(target, toWrite, journal, abort)
          : writeStaged(target, toWrite, journal, abort),
      ),
    signal ? { signal } : {},
  );
  return result;
}
