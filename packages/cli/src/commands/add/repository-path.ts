import { UsageError } from '../../errors.js';

/** `given` as a path inside the repository, with `/`; a usage error naming `what` otherwise. */
export function repositoryPath(given: string, what: string, example: string): string {
  const path = given.replaceAll('\\', '/').replace(/^\.\//, '').replace(/\/$/, '');
  if (!path || /^\/|^[A-Za-z]:|(^|\/)\.\.(\/|$)/.test(path)) {
    throw new UsageError(
      `${what} must be a path inside the repository, such as ${example} (got ${JSON.stringify(given)}).`,
    );
  }
  return path;
}
