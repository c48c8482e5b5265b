import { UserError } from '../errors.js';

/** Existing files differ from the plan and `force` was not given; nothing was written. */
export class ConflictError extends UserError {
  override name = 'ConflictError';

  constructor(readonly paths: string[]) {
    super(
      `${paths.length} existing file${paths.length === 1 ? '' : 's'} would be overwritten: ${paths.join(', ')}`,
    );
  }
}

/** A new project's target holds more than `.git` and `force` was not given; nothing was written. */
export class TargetNotEmptyError extends UserError {
  override name = 'TargetNotEmptyError';

  constructor(
    readonly dir: string,
    readonly entries: string[],
  ) {
    const shown = entries.slice(0, 5).join(', ') + (entries.length > 5 ? ', ...' : '');
    super(`Target directory ${dir} is not empty: ${shown}`);
  }
}

/** A plan path that could escape the target or is not a canonical relative posix path. */
export class PlanPathError extends Error {
  override name = 'PlanPathError';

  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`Invalid plan path ${JSON.stringify(path)}: ${reason}`);
  }
}
