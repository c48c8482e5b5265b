/**
 * Installs verdaccio 5 from `registry/package-lock.json` into the repo's cache folder. It is not a
 * workspace devDependency: every verdaccio 5 release depends on `node-fetch@cjs`, a dist-tag the
 * registry no longer serves, and only npm's `overrides` in a package of its own can pin it here.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runOk } from './exec.js';
import { userShellEnv } from './npm-env.js';
import { cacheDir } from './paths.js';

const source = new URL('../registry/', import.meta.url);
const target = join(cacheDir, 'verdaccio');

/** The path of the verdaccio bin, installing it first when the lock file changed since the last run. */
export async function installVerdaccio(): Promise<string> {
  const lock = await readFile(new URL('package-lock.json', source));
  const stamp = createHash('sha256').update(lock).digest('hex');
  const stampFile = join(target, 'installed.sha256');
  const bin = join(target, 'node_modules', 'verdaccio', 'bin', 'verdaccio');
  if ((await readFile(stampFile, 'utf8').catch(() => '')) === stamp) return bin;

  await rm(target, { recursive: true, force: true });
  await mkdir(target, { recursive: true });
  for (const file of ['package.json', 'package-lock.json']) {
    await copyFile(new URL(file, source), join(target, file));
  }
  await writeFile(join(target, 'npmrc'), '');
  await runOk('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], {
    cwd: target,
    env: {
      ...userShellEnv(),
      npm_config_userconfig: join(target, 'npmrc'),
      npm_config_update_notifier: 'false',
    },
  });
  await writeFile(stampFile, stamp);
  return bin;
}
