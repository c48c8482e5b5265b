/** Typed errors: the bins decide what the user sees and the exit code in one top-level handler. */

/** A mistake in what the user asked for (a bad name, a non-empty target): exit code 1. */
export class UserError extends Error {
  override name = 'UserError';
}

/** A flag that does not exist or a value outside its valid set: exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** What the user can do about each file-system failure that is their machine's state, not a bug. */
const SITUATIONS: Record<string, { what: string; fix: string }> = {
  EACCES: {
    what: 'permission denied',
    fix: 'give yourself access to it, or work in another folder',
  },
  EPERM: {
    what: 'operation not permitted',
    fix: 'give yourself access to it, or work in another folder',
  },
  EROFS: { what: 'the file system is read-only', fix: 'work in a writable folder' },
  ENOSPC: { what: 'no space left on the device', fix: 'free some space, then run again' },
  EDQUOT: { what: 'the disk quota is exceeded', fix: 'free some space, then run again' },
};

/**
 * The sentence for a failed file operation that is the user's situation (no permission, a full
 * disk), naming the path; undefined for any other error. Decided by Node's error code, which is
 * the same whatever the language of the system's message.
 */
export function fileSystemSituation(error: unknown): string | undefined {
  const { code, path, dest } = (error ?? {}) as NodeJS.ErrnoException & { dest?: string };
  const situation = typeof code === 'string' ? SITUATIONS[code] : undefined;
  if (!situation) return undefined;
  const where = dest ?? path;
  return `Could not use ${where ?? 'a file'}: ${situation.what} (${code}); ${situation.fix}.`;
}
