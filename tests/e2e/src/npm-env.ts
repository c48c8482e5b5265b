/**
 * The environment npm runs in: the local registry, a throwaway user config, cache and auth token.
 * pnpm sets npm_config_* and npm_package_* and puts the repository's node_modules/.bin on PATH for
 * the script that runs us; all of it is dropped so npm behaves as in a user's shell (and the bin
 * sees npm, not pnpm, as the package manager that ran it).
 */
import { writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { repoRoot } from './paths.js';

export interface NpmSession {
  /** With a trailing slash, e.g. http://127.0.0.1:4873/ */
  registry: string;
  /** Holds the throwaway user config and npm cache. */
  home: string;
}

/** The environment of a shell outside the repository: no npm_* variables, no repo bins on PATH. */
export function userShellEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== 'INIT_CWD'),
  );
  env.PATH = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((entry) => !entry.startsWith(repoRoot))
    .join(delimiter);
  return env;
}

/** Writes the user config (registry and its token) that every npm call of the session reads. */
export async function writeUserConfig(session: NpmSession, token: string): Promise<void> {
  const host = session.registry.replace(/^https?:/, '');
  await writeFile(
    join(session.home, 'npmrc'),
    `registry=${session.registry}\n${host}:_authToken=${token}\n`,
  );
}

/** `cache` defaults to the session's; pass an empty folder for a first-time user's npm. */
export function npmEnv(
  session: NpmSession,
  cache = join(session.home, 'npm-cache'),
): NodeJS.ProcessEnv {
  return {
    ...userShellEnv(),
    npm_config_userconfig: join(session.home, 'npmrc'),
    npm_config_registry: session.registry,
    npm_config_cache: cache,
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
}
