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

/** A link on the way to a plan path ends outside the target; nothing was read or written. */
export class SymlinkOutsideTargetError extends UserError {
  override name = 'SymlinkOutsideTargetError';

  constructor(
    readonly path: string,
    readonly destination: string,
    target: string,
  ) {
    super(
      `${path} is a symbolic link to ${destination}, outside ${target}: ml-cicd neither reads nor writes through it; replace it with a real folder or file inside the repository.`,
    );
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
