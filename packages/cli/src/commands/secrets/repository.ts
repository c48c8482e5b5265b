/** The GitHub repository to set up: `--repo OWNER/REPO`, or the `origin` remote of the git checkout. */
import { spawnSync } from 'node:child_process';
import { UsageError, UserError } from '../../errors.js';
import { badRepoFlag, noRepository } from './messages.js';

const ownerRepo = /^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9._-]+)$/;

/**
 * OWNER/REPO of a github.com remote: https://github.com/O/R(.git), git@github.com:O/R(.git) or
 * ssh://git@github.com/O/R(.git). The URL itself is never shown: it may carry a token.
 */
export function repositoryOfRemote(url: string): string | undefined {
  const match =
    /^(?:https?:\/\/(?:[^@/]+@)?github\.com\/|ssh:\/\/git@github\.com(?::\d+)?\/|git@github\.com:)([^/]+\/[^/]+?)(?:\.git)?\/?$/.exec(
      url.trim(),
    );
  return match && ownerRepo.test(match[1]!) ? match[1] : undefined;
}

function originUrl(dir: string): string | undefined {
  const result = spawnSync('git', ['remote', 'get-url', 'origin'], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return result.status === 0 ? result.stdout : undefined;
}

export function resolveRepository(flag: string | undefined, dir: string): string {
  if (flag !== undefined) {
    if (!ownerRepo.test(flag)) throw new UsageError(badRepoFlag(flag));
    return flag;
  }
  const url = originUrl(dir);
  if (url === undefined) {
    throw new UserError(noRepository('the folder has no git remote named origin'));
  }
  const repository = repositoryOfRemote(url);
  if (!repository) throw new UserError(noRepository('the origin remote is not a github.com URL'));
  return repository;
}

/** Stands in for the repository in printed commands when there is no GitHub remote. */
export const placeholderRepository = 'OWNER/REPO';

/** The repository for commands that are only printed: the placeholder when none can be told. */
export function repositoryToPrint(flag: string | undefined, dir: string): string {
  try {
    return resolveRepository(flag, dir);
  } catch (error) {
    if (error instanceof UserError) return placeholderRepository;
    throw error;
  }
}
