import { realpathSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
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

/**
 * `given` as a path inside the repository `dir` that stays inside once symbolic links are
 * followed; a path that does not exist yet is only checked as written.
 */
export function pathInsideRepository(
  dir: string,
  given: string,
  what: string,
  example: string,
): string {
  const path = repositoryPath(given, what, example);
  let target: string;
  try {
    target = realpathSync(join(dir, path));
  } catch {
    return path;
  }
  const inside = relative(realpathSync(dir), target);
  if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    throw new UsageError(
      `${what} must be a path inside the repository, such as ${example} (got ${JSON.stringify(given)}, which leads outside it through a symbolic link).`,
    );
  }
  return path;
}
