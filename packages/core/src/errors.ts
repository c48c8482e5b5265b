/** Typed errors: the bins decide what the user sees and the exit code in one top-level handler. */

/** A mistake in what the user asked for (a bad name, a non-empty target): exit code 1. */
export class UserError extends Error {
  override name = 'UserError';
}

/** A flag that does not exist or a value outside its valid set: exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
