/**
 * The npm tarballs the update pull request workflow downloads: this checkout's create-ml-cicd as
 * it would be published (the version that made the project, which `ml-cicd update` renders again
 * as the merge base), and its ml-cicd relabelled as a newer version, so the update has something
 * to change (the version recorded in `.ml-cicd/manifest.json`). Both from the built dist folders.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runOk } from '@ml-cicd/e2e/exec';
import { repoRoot } from './paths.js';

/** `npm pack` of packages/<name> into `dir`; returns the tarball's path. */
export async function pack(name: string, dir: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const packed = await runOk(
    'npm',
    ['pack', join(repoRoot, 'packages', name), '--pack-destination', dir, '--silent'],
    { cwd: dir },
  );
  return join(dir, packed.stdout.trim().split('\n').at(-1)!);
}

/**
 * ml-cicd's tarball with `version` in its package.json and in the generator name its bundle
 * records in a project's manifest. Throws when the bundle does not hold that name exactly once.
 */
export async function relabelled(tarball: string, version: string, dir: string): Promise<string> {
  const work = mkdtempSync(join(dir, `ml-cicd-${version}-`));
  await runOk('tar', ['-xzf', tarball, '-C', work], { cwd: work });
  const packageJson = join(work, 'package', 'package.json');
  const manifest = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
  const recorded = `{name:\`ml-cicd\`,version:\`${manifest.version}\`}`;
  const dist = join(work, 'package', 'dist');
  const holders = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter(
    (file) => file.endsWith('.js') && readFileSync(join(dist, file), 'utf8').includes(recorded),
  );
  if (holders.length !== 1) {
    throw new Error(`expected ${recorded} in one file of ml-cicd's dist, found ${holders.length}.`);
  }
  const file = join(dist, holders[0]!);
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace(recorded, `{name:\`ml-cicd\`,version:\`${version}\`}`),
  );
  writeFileSync(packageJson, JSON.stringify({ ...manifest, version }, null, 2));
  const out = join(dir, `ml-cicd-${version}.tgz`);
  await runOk('tar', ['-czf', out, '-C', work, 'package'], { cwd: work });
  return out;
}
