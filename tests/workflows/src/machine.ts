/**
 * What the runs must leave as they found it: the machine's Python site-packages, the global npm
 * folder, the real HOME and its caches, and the folder that holds the suite's (/var/tmp). The
 * machine's /tmp is out of the runs' reach (each has its own, see ActResult.strayTmp).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pythonVersionsDir, suiteParent } from './paths.js';

export type Snapshot = Record<string, string[]>;

const entries = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);

function sitePackages(): string[] {
  const dirs = ['/usr/lib/python3/dist-packages', '/usr/local/lib'];
  for (const version of entries(pythonVersionsDir)) {
    const lib = join(pythonVersionsDir, version, 'lib');
    for (const python of entries(lib).filter((name) => name.startsWith('python'))) {
      dirs.push(join(lib, python, 'site-packages'));
    }
  }
  return dirs;
}

function globalNpm(): string {
  return execFileSync('npm', ['root', '--global'], { encoding: 'utf8' }).trim();
}

export function snapshot(): Snapshot {
  const watched = [
    ...sitePackages(),
    globalNpm(),
    join(homedir(), '.cache'),
    homedir(),
    suiteParent,
    // DVC's default site cache, in case a run's DVC_SITE_CACHE_DIR did not reach it.
    '/var/tmp/dvc/repo',
  ];
  return Object.fromEntries(watched.map((dir) => [dir, entries(dir)]));
}

/** What appeared or disappeared in each watched folder, except the suite's own folder. */
export function changes(before: Snapshot, after: Snapshot, suiteRoot: string): string[] {
  return Object.keys(before).flatMap((dir) => {
    const was = new Set(before[dir]);
    const now = new Set(after[dir]);
    const added = [...now].filter((name) => !was.has(name) && join(dir, name) !== suiteRoot);
    const removed = [...was].filter((name) => !now.has(name));
    return [
      ...added.map((name) => `+ ${join(dir, name)}`),
      ...removed.map((name) => `- ${join(dir, name)}`),
    ];
  });
}
